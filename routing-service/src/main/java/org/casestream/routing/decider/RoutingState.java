package org.casestream.routing.decider;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.casestream.events.Queue;
import org.casestream.routing.assignment.AgentState;
import org.casestream.routing.assignment.OpenCase;
import org.casestream.routing.classification.ClassificationRule;
import org.casestream.routing.classification.SemanticClassifier;
import org.casestream.routing.priority.PriorityRule;
import org.casestream.routing.sla.SlaPolicy;

/**
 * What routing knows when it decides on one trigger, read by the shell after it remembered the trigger's event
 * (and, for the triggers that plan on agents' loads, under the decision lock). It holds no more than the trigger
 * needs: {@link RoutingDecider#reads} says which parts that is.
 *
 * @param routedCase     the trigger's case as routing knows it now; null for agent triggers and for a case
 *                       routing does not know
 * @param assigneeBefore the case's assignee before the event, for the events that do not name the previous one
 * @param agents         every online agent with their open load, plus the agents the trigger names, online or not
 *                       (empty unless {@link RoutingDecider.Reads#agents})
 * @param waiting        the head of the waiting line in the queues of {@link RoutingDecider.Reads#agentWithRoom},
 *                       in waiting order
 * @param held           the open cases of {@link RoutingDecider.Reads#agentGone}
 * @param policies       rules, SLA matrix and classifier; null unless {@link RoutingDecider.Reads#policies}
 */
public record RoutingState(RoutedCase routedCase, UUID assigneeBefore, List<AgentState> agents,
                           List<OpenCase> waiting, List<OpenCase> held, Policies policies, Settings settings) {

    public RoutingState {
        agents = List.copyOf(agents);
        waiting = List.copyOf(waiting);
        held = List.copyOf(held);
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * The configuration classification, priority and SLA decisions read. The classifier is only read here (its
     * examples are added outside the decider); it embeds the case's text in process, without I/O.
     */
    public record Policies(List<ClassificationRule> classificationRules, List<PriorityRule> priorityRules,
                           SlaPolicy slaPolicy, SemanticClassifier classifier, Set<Queue> archivedQueues) {
        public Policies {
            archivedQueues = Set.copyOf(archivedQueues);
            classificationRules = List.copyOf(classificationRules);
            priorityRules = List.copyOf(priorityRules);
            Objects.requireNonNull(slaPolicy, "slaPolicy");
            Objects.requireNonNull(classifier, "classifier");
        }

        /** With every queue taking cases. */
        public Policies(List<ClassificationRule> classificationRules, List<PriorityRule> priorityRules,
                        SlaPolicy slaPolicy, SemanticClassifier classifier) {
            this(classificationRules, priorityRules, slaPolicy, classifier, Set.of());
        }
    }

    /** The skill level that makes an agent a lead for escalations. */
    public record Settings(int leadLevel) {
    }

    Policies requirePolicies() {
        if (policies == null) {
            throw new IllegalStateException("the policies were not loaded for a trigger that reads them");
        }
        return policies;
    }
}
