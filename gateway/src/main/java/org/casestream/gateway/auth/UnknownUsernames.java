package org.casestream.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failed logins for usernames that do not exist, counted in memory like real accounts' in the database, so that a
 * made-up username slows down exactly as a real one would and the answers do not tell which exist. Bounded.
 */
class UnknownUsernames {

    private final Cache<String, Integer> failures = Caffeine.newBuilder().maximumSize(10_000).build();

    int failuresOf(String username) {
        Integer count = failures.getIfPresent(username);
        return count == null ? 0 : count;
    }

    void recordFailure(String username) {
        failures.asMap().merge(username, 1, Integer::sum);
    }
}
