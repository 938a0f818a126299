package org.casestream.testkit;

import java.util.Map;
import java.util.UUID;

import org.casestream.localstack.jwt.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * HTTP callers of a service under test, each with a real signed token: every answer comes back as it is (no
 * exception for a 4xx or 5xx), so that tests assert on the status and the problem body themselves.
 */
public final class Callers {

    private Callers() {
    }

    /** A caller in {@code role} with a user name of its own. */
    public static RestClient as(String baseUrl, Role role) {
        return as(baseUrl, role, role.claimValue() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static RestClient as(String baseUrl, Role role, String user) {
        return client(baseUrl, TestInfrastructure.token(role, user));
    }

    /** A caller whose token carries further claims: a channel's {@code channel}, a person's {@code agentId}. */
    public static RestClient as(String baseUrl, Role role, String user, Map<String, ?> claims) {
        return client(baseUrl, TestInfrastructure.token(role, user, claims));
    }

    public static RestClient client(String baseUrl, String token) {
        return RestClient.builder()
                .baseUrl(baseUrl)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }
}
