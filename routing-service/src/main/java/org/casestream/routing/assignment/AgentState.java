package org.casestream.routing.assignment;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.casestream.events.Availability;
import org.casestream.events.Queue;

/**
 * What the policy needs to know of an agent: availability, skill level per queue, capacity, how many open
 * cases they hold now, and when they last got one (the longest idle goes first among equals).
 */
public record AgentState(UUID agentId, Availability availability, Map<Queue, Integer> skills, int capacity, int load,
                         Instant lastAssignedAt) {

    public AgentState {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(availability, "availability");
        skills = Map.copyOf(skills);
    }

    public int level(Queue queue) {
        return skills.getOrDefault(queue, 0);
    }

    public boolean online() {
        return availability == Availability.ONLINE;
    }

    public boolean hasSpareCapacity() {
        return load < capacity;
    }

    public double loadRatio() {
        return capacity == 0 ? Double.MAX_VALUE : (double) load / capacity;
    }

    public AgentState withOneMore(Instant at) {
        return new AgentState(agentId, availability, skills, capacity, load + 1, at);
    }

    public AgentState withOneLess() {
        return new AgentState(agentId, availability, skills, capacity, Math.max(0, load - 1), lastAssignedAt);
    }
}
