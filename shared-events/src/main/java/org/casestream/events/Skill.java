package org.casestream.events;

import java.util.Objects;

/** An agent's skill in one queue, level 1 (novice) to 5 (expert). */
public record Skill(Queue queue, int level) {

    public Skill {
        Objects.requireNonNull(queue, "queue");
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("skill level must be 1..5, was " + level);
        }
    }
}
