package org.casestream.support.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casestream.support.security.Caller;
import org.casestream.support.security.ResourceServerSecurity;
import org.casestream.support.web.ProblemResponses;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service's document says what its security rules enforce, operation by operation, and every operation lists its
 * problem answers with the one shared schema: a small service with an open, an anonymous-only, a channel and a
 * people-only operation, its document read as an integrator reads it.
 */
@SpringBootTest(classes = ApiDocsCustomizerTest.Service.class, properties = {
        "spring.application.name=sample-service", "casestream.api-docs.public-url=https://api.example.org"})
@AutoConfigureMockMvc
class ApiDocsCustomizerTest {

    @Autowired
    MockMvc mvc;

    private JsonNode document() throws Exception {
        String json = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
                .andReturn().getResponse().getContentAsString();
        return new ObjectMapper().readTree(json);
    }

    @Test
    void securityIsWhatTheRulesEnforce() throws Exception {
        JsonNode paths = document().path("paths");

        JsonNode open = paths.path("/api/things/login").path("post");
        assertThat(open.path("security").isArray()).isTrue();
        assertThat(open.path("security")).isEmpty();
        assertThat(open.path("responses").has("401")).isFalse();

        JsonNode survey = paths.path("/api/surveys/{token}").path("get");
        assertThat(survey.path("security")).isEmpty();
        assertThat(survey.path("x-casestream-roles").toString()).isEqualTo("[\"anonymous\"]");
        assertThat(survey.path("responses").has("403")).isTrue();

        JsonNode intake = paths.path("/api/intake/tickets").path("post");
        assertThat(intake.path("security").toString()).isEqualTo("[{\"bearerJwt\":[]},{\"apiKey\":[]}]");
        assertThat(intake.path("x-casestream-roles").toString()).isEqualTo("[\"channel\",\"notification\"]");
        assertThat(intake.path("tags").toString()).isEqualTo("[\"intake\"]");

        JsonNode mail = paths.path("/api/mail/inbound").path("post");
        assertThat(mail.path("x-casestream-roles").toString()).isEqualTo("[\"admin\",\"channel\"]");
        assertThat(mail.path("security").toString()).isEqualTo("[{\"bearerJwt\":[]},{\"apiKey\":[]}]");

        JsonNode thing = paths.path("/api/things/{id}").path("get");
        assertThat(thing.path("security").toString()).isEqualTo("[{\"bearerJwt\":[]}]");
        assertThat(thing.path("x-casestream-roles").toString()).isEqualTo("[\"agent\",\"lead\",\"admin\"]");
        assertThat(thing.path("tags").toString()).isEqualTo("[\"things\"]");
    }

    @Test
    void everyOperationListsItsProblemAnswersWithTheSharedSchema() throws Exception {
        JsonNode api = document();
        assertThat(api.path("components").path("securitySchemes").path("apiKey").path("name").asText()).isEqualTo("X-Api-Key");
        assertThat(api.path("components").path("securitySchemes").path("bearerJwt").path("scheme").asText()).isEqualTo("bearer");
        assertThat(api.path("components").path("schemas").path("Problem").path("properties").path("errors")
                .path("items").path("$ref").asText()).isEqualTo("#/components/schemas/FieldError");
        assertThat(api.path("servers").get(0).path("url").asText()).isEqualTo("https://api.example.org");
        assertThat(api.path("info").path("license").path("name").asText()).isNotBlank();
        assertThat(api.path("info").path("contact").path("url").asText()).isNotBlank();

        JsonNode intake = api.path("paths").path("/api/intake/tickets").path("post").path("responses");
        assertThat(intake.fieldNames()).toIterable().contains("400", "401", "403", "409", "413", "429", "503");
        assertThat(intake.path("400").path("content").path("application/problem+json").path("schema").path("$ref")
                .asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(intake.path("429").path("headers").has("Retry-After")).isTrue();
        JsonNode thing = api.path("paths").path("/api/things/{id}").path("get").path("responses");
        assertThat(thing.fieldNames()).toIterable().contains("200", "400", "401", "403", "404", "429", "503")
                .doesNotContain("409", "413");
        assertThat(thing.path("200").path("content").has("application/json")).isTrue();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration(exclude = {DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class,
            org.casestream.support.events.CaseEventsAutoConfiguration.class,
            org.casestream.support.pruning.PruningAutoConfiguration.class})
    static class Service {

        @Bean
        SecurityFilterChain rules(HttpSecurity http, ProblemResponses problems) throws Exception {
            return ResourceServerSecurity.build(http, problems, routes -> routes
                    .requestMatchers(HttpMethod.POST, "/api/things/login").permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/surveys/*").anonymous()
                    .requestMatchers(HttpMethod.POST, "/api/intake/**").hasAnyRole("channel", "notification")
                    .requestMatchers(HttpMethod.GET, "/api/things/*").hasAnyRole("agent", "lead", "admin")
                    // a rule on the token's claims, as the notification service's for raw mail
                    .requestMatchers(HttpMethod.POST, "/api/mail/inbound").access((authentication, context) ->
                            new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
                                    && (Caller.of(token.getToken()).hasRole("admin")
                                    || Caller.of(token.getToken()).isChannel()
                                    && "email".equals(Caller.of(token.getToken()).channel())))));
        }

        @Bean
        JwtDecoder jwtDecoder() {
            return token -> {
                throw new org.springframework.security.oauth2.jwt.BadJwtException("no tokens here");
            };
        }

        @Bean
        Things things() {
            return new Things();
        }
    }

    record Ticket(String subject) {
    }

    record Thing(String id, List<String> tags) {
    }

    @RestController
    static class Things {

        @PostMapping("/api/things/login")
        Thing login(@RequestBody Ticket credentials) {
            return new Thing("me", List.of());
        }

        @GetMapping("/api/surveys/{token}")
        Thing survey(@PathVariable String token) {
            return new Thing(token, List.of());
        }

        @PostMapping("/api/intake/tickets")
        Thing open(@RequestBody Ticket ticket) {
            return new Thing("1", List.of());
        }

        @PostMapping("/api/mail/inbound")
        Thing mail(@RequestBody Ticket mail) {
            return new Thing("mail", List.of());
        }

        @GetMapping("/api/things/{id}")
        Thing thing(@PathVariable String id) {
            return new Thing(id, List.of());
        }
    }
}
