package org.casestream.command.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.command.support.IntegrationTest;
import org.casestream.localstack.jwt.Role;
import org.casestream.support.pruning.PruningJob;
import org.casestream.support.surveys.SurveyToken;
import org.casestream.support.surveys.SurveyTokens;
import org.casestream.testkit.Callers;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A customer answers the signed link of their done-mail without logging in: the rating is their SatisfactionRated,
 * once per link; a link that is not ours is 404, an expired or used one 410 (neither names the case); staff and
 * channels showing their credentials are refused (nobody rates for a customer); bad input is 400 naming each field
 * and stores nothing.
 */
class SurveysIntegrationTest extends IntegrationTest {

    private static final SurveyTokens TOKENS = new SurveyTokens(TestInfrastructure.SURVEY_KEY);

    @Autowired
    private PruningJob pruning;

    private RestClient anonymous() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    private RestClient channel(String name) {
        return Callers.client("http://localhost:" + port,
                TestInfrastructure.token(Role.CHANNEL, "apikey:" + name, Map.of("channel", name)));
    }

    /** A case the web channel opened for a customer, worked to done by an agent: its id, number and customer id. */
    private JsonNode doneCase(String subject) {
        JsonNode opened = channel("web").post().uri("/api/intake/tickets")
                .body(Map.of("customer", Map.of("name", "Ada Lovelace", "email", "ada.survey@example.com"),
                        "subject", subject, "description", "It does not work"))
                .retrieve().body(JsonNode.class);
        String caseId = opened.get("caseId").asText();
        status(caseId, "inprogress");
        status(caseId, "done");
        return opened;
    }

    private String customerId(String caseId) {
        JsonNode history = as(Role.AGENT).get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class);
        return history.get(0).at("/data/customer/customerId").asText();
    }

    private void status(String caseId, String status) {
        assertThat(as(Role.AGENT, "grace").post().uri("/api/cases/{id}/status", caseId).body(Map.of("status", status))
                .retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static String link(String caseId, Instant expiresAt) {
        return TOKENS.sign(new SurveyToken(UUID.randomUUID(), UUID.fromString(caseId), expiresAt));
    }

    private static String link(String caseId) {
        return link(caseId, Instant.now().plus(Duration.ofDays(14)));
    }

    private ResponseEntity<JsonNode> answer(RestClient client, String token, Object body) {
        return client.post().uri("/api/surveys/{token}", token).body(body).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> view(String token) {
        return anonymous().get().uri("/api/surveys/{token}", token).retrieve().toEntity(JsonNode.class);
    }

    private List<JsonNode> ratings(String caseId) {
        List<JsonNode> ratings = new ArrayList<>();
        as(Role.AGENT).get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class).forEach(entry -> {
            if (entry.get("type").asText().equals("SatisfactionRated")) {
                ratings.add(entry);
            }
        });
        return ratings;
    }

    @Test
    void theCustomerRatesOnceThroughTheirLinkAndTheRatingIsTheirs() {
        JsonNode done = doneCase("Survey: cannot log in");
        String caseId = done.get("caseId").asText();
        String token = link(caseId);

        ResponseEntity<JsonNode> page = view(token);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody().get("caseNumber").asText()).isEqualTo(done.get("caseNumber").asText());
        assertThat(page.getBody().get("subject").asText()).isEqualTo("Survey: cannot log in");
        assertThat(page.getBody().toString()).doesNotContain("ada.survey@example.com", "Ada", caseId);

        ResponseEntity<JsonNode> rated = answer(anonymous(), token, Map.of("rating", 4, "comment", "  Quick and kind \n"));
        assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rated.getBody().get("rating").asInt()).isEqualTo(4);

        List<JsonNode> ratings = ratings(caseId);
        assertThat(ratings).hasSize(1);
        assertThat(ratings.getFirst().get("actor").asText())
                .isEqualTo("customer:" + customerId(caseId));
        assertThat(ratings.getFirst().at("/data/rating").asInt()).isEqualTo(4);
        assertThat(ratings.getFirst().at("/data/comment").asText()).isEqualTo("Quick and kind");

        ResponseEntity<JsonNode> again = answer(anonymous(), token, Map.of("rating", 1));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(again.getBody().get("type").asText()).endsWith("/survey-used");
        assertThat(view(token).getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(ratings(caseId)).hasSize(1);
    }

    @Test
    void staffAndChannelsCannotAnswerForTheCustomerNorRateThroughTheStaffPath() {
        String caseId = doneCase("Survey: by role").get("caseId").asText();
        String token = link(caseId);

        for (Role role : List.of(Role.AGENT, Role.LEAD, Role.MANAGER, Role.ADMIN, Role.OPS)) {
            assertThat(answer(as(role), token, Map.of("rating", 5)).getStatusCode()).as(role.name())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(role).get().uri("/api/surveys/{token}", token).retrieve().toBodilessEntity().getStatusCode())
                    .as(role.name()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(role).post().uri("/api/cases/{id}/satisfaction", caseId).body(Map.of("rating", 5))
                    .retrieve().toBodilessEntity().getStatusCode()).as(role.name() + " staff path")
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(answer(channel("web"), token, Map.of("rating", 5)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer(as(Role.NOTIFICATION, "notification-service"), token, Map.of("rating", 5)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ratings(caseId)).isEmpty();

        assertThat(answer(anonymous(), token, Map.of("rating", 5)).getStatusCode())
                .as("the link was not used up by the refusals").isEqualTo(HttpStatus.OK);
    }

    @Test
    void badInputNamesEachFieldAndStoresNothing() {
        String caseId = doneCase("Survey: bad input").get("caseId").asText();
        String token = link(caseId);
        long before = eventCount();

        ResponseEntity<JsonNode> both = answer(anonymous(), token, Map.of("rating", 6, "comment", "x".repeat(2001)));
        ResponseEntity<JsonNode> none = answer(anonymous(), token, Map.of("comment", "no rating"));
        ResponseEntity<JsonNode> zero = answer(anonymous(), token, Map.of("rating", 0));
        ResponseEntity<JsonNode> text = answer(anonymous(), token, Map.of("rating", "five"));

        assertThat(List.of(both, none, zero, text)).allSatisfy(response -> {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        });
        assertThat(both.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("rating", "comment");
        assertThat(none.getBody().get("errors").findValuesAsText("field")).containsExactly("rating");
        assertThat(zero.getBody().get("errors").findValuesAsText("field")).containsExactly("rating");
        assertThat(text.getBody().get("errors").findValuesAsText("field")).containsExactly("rating");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM survey_response WHERE case_id = ?").param(UUID.fromString(caseId))
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLinkThatIsNotOursIs404AndAnExpiredOne410AndNeitherNamesTheCase() {
        JsonNode done = doneCase("Survey: refused links");
        String caseId = done.get("caseId").asText();
        String forged = new SurveyTokens(TestInfrastructure.SURVEY_KEY + "-forger")
                .sign(new SurveyToken(UUID.randomUUID(), UUID.fromString(caseId), Instant.now().plus(Duration.ofDays(1))));
        String expired = link(caseId, Instant.now().minusSeconds(5));
        String unknownCase = link(UUID.randomUUID().toString());

        for (String token : List.of(forged, "not-a-token", unknownCase)) {
            ResponseEntity<JsonNode> looked = view(token);
            ResponseEntity<JsonNode> answered = answer(anonymous(), token, Map.of("rating", 5));
            assertThat(looked.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(looked.getBody().toString() + answered.getBody()).doesNotContain(caseId,
                    done.get("caseNumber").asText(), "Survey: refused links");
        }
        ResponseEntity<JsonNode> late = answer(anonymous(), expired, Map.of("rating", 5));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(late.getBody().get("type").asText()).endsWith("/survey-expired");
        assertThat(late.getBody().toString()).doesNotContain(caseId, done.get("caseNumber").asText());
        assertThat(view(expired).getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(ratings(caseId)).isEmpty();
    }

    @Test
    void aReopenedCaseIsNotRatedUntilItIsDoneAgainAndTheLinkStaysUnused() {
        String caseId = doneCase("Survey: reopened").get("caseId").asText();
        String token = link(caseId);
        assertThat(as(Role.AGENT).post().uri("/api/cases/{id}/reopen", caseId).body(Map.of("reason", "Not fixed"))
                .retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> closed = answer(anonymous(), token, Map.of("rating", 2));
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(closed.getBody().get("type").asText()).endsWith("/survey-closed");
        assertThat(view(token).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        status(caseId, "done");
        assertThat(answer(anonymous(), token, Map.of("rating", 5)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ratings(caseId)).hasSize(1);
    }

    @Test
    void aMergedDuplicateIsNotRated() {
        String duplicate = doneCase("Survey: duplicate").get("caseId").asText();
        String target = doneCase("Survey: target").get("caseId").asText();
        String token = link(duplicate);
        assertThat(as(Role.AGENT).post().uri("/api/cases/{id}/merge", duplicate).body(Map.of("into", target))
                .retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(answer(anonymous(), token, Map.of("rating", 3)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ratings(duplicate)).isEmpty();
    }

    @Test
    void anAnsweredLinksRowGoesADayAfterTheLinkExpiredAndNotBefore() {
        String caseId = doneCase("Survey: pruned").get("caseId").asText();
        String soon = link(caseId, Instant.now().plus(Duration.ofHours(1)));
        String later = link(caseId, Instant.now().plus(Duration.ofDays(14)));
        answer(anonymous(), soon, Map.of("rating", 3));
        // the first link's expiry moved into the past, beyond the day's margin; the second's stays
        jdbc.sql("UPDATE survey_response SET expires_at = now() - interval '25 hours' WHERE case_id = ?")
                .param(UUID.fromString(caseId)).update();
        assertThat(answer(anonymous(), later, Map.of("rating", 4)).getStatusCode()).isEqualTo(HttpStatus.OK);

        pruning.prune();

        assertThat(jdbc.sql("SELECT count(*) FROM survey_response WHERE case_id = ?").param(UUID.fromString(caseId))
                .query(Long.class).single()).as("only the live link's row").isEqualTo(1);
        assertThat(answer(anonymous(), later, Map.of("rating", 1)).getStatusCode()).isEqualTo(HttpStatus.GONE);
    }

    @Test
    void twoAnswersAtOnceRecordOneRating() throws Exception {
        String caseId = doneCase("Survey: twice at once").get("caseId").asText();
        String token = link(caseId);
        List<Callable<HttpStatus>> answers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int rating = i;
            answers.add(() -> HttpStatus.valueOf(answer(anonymous(), token, Map.of("rating", rating))
                    .getStatusCode().value()));
        }
        List<HttpStatus> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<HttpStatus> status : pool.invokeAll(answers)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).containsOnlyOnce(HttpStatus.OK);
        assertThat(statuses).filteredOn(status -> status != HttpStatus.OK).hasSize(3).containsOnly(HttpStatus.GONE);
        assertThat(ratings(caseId)).hasSize(1);
    }
}
