package org.casestream.notification.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.localstack.jwt.Role;
import org.casestream.notification.support.MailIntegrationTest;
import org.casestream.testkit.Callers;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Raw mail piped in: only admins and the email channel's keys; what is no mail is a 400 problem, and nothing. */
class RawMailEndpointIntegrationTest extends MailIntegrationTest {

    private static final MediaType RFC822 = MediaType.valueOf("message/rfc822");

    private RestClient channel(String name) {
        return Callers.client("http://localhost:" + port,
                TestInfrastructure.token(Role.CHANNEL, "apikey:" + name, Map.of("channel", name)));
    }

    private ResponseEntity<JsonNode> pipe(RestClient caller, String raw) {
        return caller.post().uri("/api/mail/inbound").contentType(RFC822).body(raw).retrieve()
                .toEntity(JsonNode.class);
    }

    @Test
    void callersWithoutTheRightAreRefusedAndNothingIsStored() {
        String id = newMessageId();
        String raw = mail(id, "Ada", newCustomer(), "Hello", "Please help.");

        assertThat(pipe(as(Role.AGENT), raw).getStatusCode().value()).isEqualTo(403);
        assertThat(pipe(as(Role.LEAD), raw).getStatusCode().value()).isEqualTo(403);
        assertThat(pipe(channel("web"), raw).getStatusCode().value()).as("another channel's key").isEqualTo(403);
        assertThat(pipe(Callers.client("http://localhost:" + port, serviceToken()), raw).getStatusCode().value())
                .as("the service's own identity passes mail on; it does not pipe it in").isEqualTo(403);
        assertThat(pipe(Callers.client("http://localhost:" + port, "not-a-token"), raw).getStatusCode().value())
                .isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM inbound_message WHERE message_id = ?").param(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void whatIsNoMailIsABadRequestProblem() {
        for (String bad : new String[] {"", "just some words\r\n\r\nwithout any header", "{\"subject\":\"hi\"}"}) {
            ResponseEntity<JsonNode> answer = pipe(as(Role.ADMIN), bad);
            assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().toString()).contains("application/problem+json");
            assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("message");
        }
        ResponseEntity<JsonNode> json = as(Role.ADMIN).post().uri("/api/mail/inbound")
                .body(Map.of("subject", "hi")).retrieve().toEntity(JsonNode.class);
        assertThat(json.getStatusCode().value()).isEqualTo(415);
    }

    @Test
    void anAdminOrTheEmailChannelsKeyPipesAMailInOnce() {
        String id = newMessageId();
        String raw = mail(id, "Ada Lovelace", newCustomer(), "Cannot log in", "The reset mail never arrives.");

        ResponseEntity<JsonNode> opened = pipe(channel("email"), raw);
        assertThat(opened.getStatusCode().value()).isEqualTo(201);
        assertThat(opened.getBody().path("result").asText()).isEqualTo("opened");
        assertThat(opened.getBody().path("caseNumber").asText()).startsWith("CS-");

        ResponseEntity<JsonNode> again = pipe(as(Role.ADMIN), raw);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().path("result").asText()).isEqualTo("duplicate");
        assertThat(again.getBody().path("caseId").asText()).isEqualTo(opened.getBody().path("caseId").asText());

        ResponseEntity<JsonNode> auto = pipe(as(Role.ADMIN), mail(newMessageId(), "Ada", newCustomer(),
                "Out of Office: Cannot log in", "Back on Monday.", "Auto-Submitted: auto-replied"));
        assertThat(auto.getStatusCode().value()).isEqualTo(200);
        assertThat(auto.getBody().path("result").asText()).isEqualTo("ignored");
        assertThat(auto.getBody().path("reason").asText()).isEqualTo("auto-submitted");
        assertThat(auto.getBody().has("caseId")).isFalse();
    }
}
