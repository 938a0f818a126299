package org.casestream.routing.decider;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.casestream.events.Availability;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;
import org.casestream.events.agents.AgentEvent;
import org.casestream.events.cases.CaseEvent;
import org.casestream.routing.assignment.AgentState;
import org.casestream.routing.assignment.OpenCase;
import org.casestream.routing.classification.ClassificationRule;
import org.casestream.routing.classification.MatchKind;
import org.casestream.routing.classification.SemanticClassifier;
import org.casestream.routing.decider.RoutingState.Policies;
import org.casestream.routing.decider.RoutingState.Settings;
import org.casestream.routing.decider.Trigger.AgentChanged;
import org.casestream.routing.decider.Trigger.CaseChanged;
import org.casestream.routing.priority.PriorityRule;
import org.casestream.routing.priority.PriorityRuleKind;
import org.casestream.routing.sla.BusinessCalendar;
import org.casestream.routing.sla.SlaPolicy;
import org.casestream.routing.sla.SlaTerms;

/**
 * Given / when for the decider: a state built in a few words, a trigger, and the decisions that come out, with no
 * Spring, database or broker. The rules and SLA matrix are those the V2 migration seeds (a subset of the rules).
 */
final class RoutingScenario {

    /** A Monday morning in Berlin's office hours. */
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final String EVENT_ID = "event-1";
    static final String SOMEONE = "lead-lisa";
    static final String ROUTING = "routing-service";

    static final List<ClassificationRule> CLASSIFICATION_RULES = List.of(
            new ClassificationRule(1, 10, Queue.REFUNDS, MatchKind.KEYWORD, "refund", false),
            new ClassificationRule(4, 20, Queue.PAYMENTS, MatchKind.PHRASE, "charged twice", false),
            new ClassificationRule(6, 30, Queue.DELIVERIES, MatchKind.REGEX,
                    "\\b(deliver(y|ed)?|shipping|parcel|courier|tracking|package)\\b", false),
            new ClassificationRule(7, 40, Queue.LOGIN, MatchKind.REGEX,
                    "\\b(log ?in|sign ?in|password|2fa|locked out)\\b", false));

    static final List<PriorityRule> PRIORITY_RULES = List.of(
            new PriorityRule(10, 10, PriorityRuleKind.PHRASE, "charged twice", Priority.HIGH),
            new PriorityRule(30, 30, PriorityRuleKind.KEYWORD, "urgent", Priority.HIGH),
            new PriorityRule(40, 40, PriorityRuleKind.REGEX, "\\b(outage|down for everyone)\\b", Priority.CRITICAL),
            new PriorityRule(50, 50, PriorityRuleKind.TIER, "platinum", Priority.HIGH));

    static final SlaPolicy SLA_POLICY = new SlaPolicy(List.of(
            terms(Priority.CRITICAL, Tier.STANDARD, 60, 480, null),
            terms(Priority.HIGH, Tier.GOLD, 120, 960, null),
            terms(Priority.HIGH, Tier.STANDARD, 240, 1440, null),
            terms(Priority.HIGH, Tier.PLATINUM, 60, 480, null),
            terms(Priority.MEDIUM, Tier.GOLD, 480, 2880, null),
            terms(Priority.MEDIUM, Tier.STANDARD, 480, 2880, "office")),
            List.of(BusinessCalendar.weekdays("office", ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0),
                    LocalTime.of(17, 0), Set.of())));

    static final Policies POLICIES = new Policies(CLASSIFICATION_RULES, PRIORITY_RULES, SLA_POLICY,
            SemanticClassifier.untrained(SemanticClassifier.Settings.DEFAULTS));
    static final Settings SETTINGS = new Settings(5);

    private RoutedCase routedCase;
    private UUID assigneeBefore;
    private final List<AgentState> agents = new ArrayList<>();
    private final List<OpenCase> waiting = new ArrayList<>();
    private final List<OpenCase> held = new ArrayList<>();
    private Policies policies = POLICIES;
    private Settings settings = SETTINGS;

    private RoutingScenario() {
    }

    static RoutingScenario given() {
        return new RoutingScenario();
    }

    RoutingScenario theCase(RoutedCase routed) {
        this.routedCase = routed;
        return this;
    }

    /** The case's assignee before the event (the shell passes it beside the state). */
    RoutingScenario assigneeBefore(UUID agentId) {
        this.assigneeBefore = agentId;
        return this;
    }

    RoutingScenario agents(AgentState... online) {
        agents.addAll(Arrays.asList(online));
        return this;
    }

    RoutingScenario waiting(RoutedCase... cases) {
        Arrays.stream(cases).map(RoutedCase::toOpenCase).forEach(waiting::add);
        return this;
    }

    RoutingScenario held(RoutedCase... cases) {
        Arrays.stream(cases).map(RoutedCase::toOpenCase).forEach(held::add);
        return this;
    }

    RoutingScenario policies(Policies policies) {
        this.policies = policies;
        return this;
    }

    RoutingScenario settings(Settings settings) {
        this.settings = settings;
        return this;
    }

    List<RoutingDecision> when(Trigger trigger) {
        return RoutingDecider.decide(new RoutingState(routedCase, assigneeBefore, agents, waiting, held, policies,
                settings), trigger, NOW);
    }

    // ---- triggers

    /** A case event someone other than routing caused. */
    static CaseChanged byPerson(CaseEvent event) {
        return new CaseChanged(EVENT_ID, SOMEONE, false, event);
    }

    /** The echo of routing's own command. */
    static CaseChanged byRouting(CaseEvent event) {
        return new CaseChanged(EVENT_ID, ROUTING, true, event);
    }

    static AgentChanged agentEvent(AgentEvent event) {
        return new AgentChanged(EVENT_ID, event);
    }

    // ---- the cast

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }

    static AgentState online(String name, Map<Queue, Integer> skills, int capacity, int load) {
        return new AgentState(id(name), Availability.ONLINE, skills, capacity, load, null);
    }

    static AgentState offline(String name, Map<Queue, Integer> skills, int capacity, int load) {
        return new AgentState(id(name), Availability.OFFLINE, skills, capacity, load, null);
    }

    static CaseBuilder aCase(String name) {
        return new CaseBuilder(id(name));
    }

    private static SlaTerms terms(Priority priority, Tier tier, int firstResponseMinutes, int resolutionMinutes,
            String calendar) {
        return new SlaTerms(priority, tier, Duration.ofMinutes(firstResponseMinutes),
                Duration.ofMinutes(resolutionMinutes), calendar);
    }

    /** A case as routing keeps it; by default new, medium, standard tier, unassigned, opened an hour ago. */
    static final class CaseBuilder {
        private final UUID caseId;
        private Queue queue = Queue.UNCLASSIFIED;
        private Priority priority = Priority.MEDIUM;
        private Tier tier = Tier.STANDARD;
        private String subject = "A question";
        private String description = "";
        private CaseStatus status = CaseStatus.NEW;
        private UUID assignee;
        private boolean manual;
        private Instant openedAt = NOW.minus(Duration.ofHours(1));
        private Instant firstResponseDue;
        private Instant resolutionDue;

        private CaseBuilder(UUID caseId) {
            this.caseId = caseId;
        }

        CaseBuilder in(Queue queue) {
            this.queue = queue;
            return this;
        }

        CaseBuilder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        CaseBuilder tier(Tier tier) {
            this.tier = tier;
            return this;
        }

        CaseBuilder text(String subject, String description) {
            this.subject = subject;
            this.description = description;
            return this;
        }

        CaseBuilder status(CaseStatus status) {
            this.status = status;
            return this;
        }

        CaseBuilder assignedTo(AgentState agent) {
            this.assignee = agent.agentId();
            return this;
        }

        CaseBuilder manual() {
            this.manual = true;
            return this;
        }

        CaseBuilder openedAt(Instant openedAt) {
            this.openedAt = openedAt;
            return this;
        }

        CaseBuilder due(Instant firstResponseDue, Instant resolutionDue) {
            this.firstResponseDue = firstResponseDue;
            this.resolutionDue = resolutionDue;
            return this;
        }

        RoutedCase build() {
            return new RoutedCase(caseId, "CS-" + caseId.toString().substring(0, 4), queue, priority, tier,
                    Channel.WEB, subject, description, status, assignee, manual, openedAt, firstResponseDue,
                    resolutionDue, null, 0, 3);
        }
    }
}
