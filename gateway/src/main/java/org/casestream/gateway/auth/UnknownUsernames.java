package org.casestream.gateway.auth;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins for usernames that do not exist, counted in memory like real accounts' in the database, so that a
 * made-up username slows down and locks exactly as a real one would and the answers do not tell which exist.
 * Bounded: when it grows past its limit it starts again, which only ever makes guessing slower for no one.
 */
class UnknownUsernames {

    private static final int LIMIT = 10_000;

    record State(int failures, Instant lockedUntil) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    State stateOf(String username) {
        return states.getOrDefault(username, new State(0, null));
    }

    void recordFailure(String username, int maxFailures, Instant lockUntil) {
        if (states.size() >= LIMIT) {
            states.clear();
        }
        states.merge(username, new State(1, maxFailures <= 1 ? lockUntil : null), (old, ignored) -> {
            int failures = old.failures() + 1;
            return new State(failures, failures >= maxFailures ? lockUntil : old.lockedUntil());
        });
    }

    void clear(String username) {
        states.remove(username);
    }
}
