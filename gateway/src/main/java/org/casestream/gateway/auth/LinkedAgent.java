package org.casestream.gateway.auth;

import java.net.http.HttpClient;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.gateway.routes.BackendProperties;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The agent a login works as, as the query side has it now ({@code GET /api/agents/me} with the person's own
 * token): skills, capacity, availability and load for {@code /api/auth/me}. Absent (null) when the query side has no
 * such agent yet or does not answer within two seconds: who-am-I still answers, with the agent's id from the token.
 */
@Component
class LinkedAgent {

    private static final Logger log = LoggerFactory.getLogger(LinkedAgent.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final RestClient query;

    LinkedAgent(BackendProperties backends, RestClient.Builder builder) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
        requests.setReadTimeout(READ_TIMEOUT);
        this.query = builder.clone().baseUrl(backends.query().toString()).requestFactory(requests).build();
    }

    JsonNode of(Jwt person) {
        try {
            return query.get().uri("/api/agents/me")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + person.getTokenValue())
                    .retrieve().body(JsonNode.class);
        } catch (HttpClientErrorException.NotFound notYet) {
            return null;
        } catch (RestClientException failure) {
            log.warn("The agent of a login could not be read from the query service: {}", Redacted.causes(failure));
            return null;
        }
    }
}
