package org.casestream.query.agents;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.casestream.events.Queue;
import org.casestream.events.Skill;

/**
 * A lead's team. There is no team record: a lead's login is linked to an agent record (as any agent's is), and their
 * team is every other agent who shares at least one queue skill with it, whatever the levels. A lead (or admin)
 * linked to no agent leads everyone. {@code queues}: the lead's queues (empty when there is no lead record).
 */
public record Team(AgentView lead, Set<Queue> queues, List<AgentView> members) {

    public static Team of(AgentView lead, Collection<AgentView> agents) {
        Comparator<AgentView> byName = Comparator.comparing(AgentView::name, Comparator.nullsLast(String::compareTo))
                .thenComparing(agent -> agent.agentId().toString());
        if (lead == null) {
            return new Team(null, Set.of(), agents.stream().sorted(byName).toList());
        }
        Set<Queue> queues = queuesOf(lead);
        List<AgentView> members = agents.stream()
                .filter(agent -> !agent.agentId().equals(lead.agentId()))
                .filter(agent -> agent.skills().stream().map(Skill::queue).anyMatch(queues::contains))
                .sorted(byName).toList();
        return new Team(lead, queues, members);
    }

    private static Set<Queue> queuesOf(AgentView agent) {
        Set<Queue> queues = new LinkedHashSet<>();
        agent.skills().forEach(skill -> queues.add(skill.queue()));
        return queues;
    }
}
