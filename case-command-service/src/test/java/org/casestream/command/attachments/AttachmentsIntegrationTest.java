package org.casestream.command.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.command.support.IntegrationTest;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** Files on tickets and comments: stored once, typed by their bytes, served only to who may read the case. */
@TestPropertySource(properties = {"casestream.attachments.store=database", "casestream.attachments.max-size=64KB"})
class AttachmentsIntegrationTest extends IntegrationTest {

    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Test
    void aFileRoundTripsByteForByteTypedByItsContentNotItsName() {
        JsonNode upload = upload(as(Role.AGENT, "agent-ann"), "holiday.html", PNG).getBody();
        assertThat(upload.path("contentType").asText()).as("sniffed, not taken from the name").isEqualTo("image/png");
        assertThat(upload.path("size").asLong()).isEqualTo(PNG.length);
        String caseId = ticket(as(Role.CHANNEL, "web-form"), List.of());
        ResponseEntity<JsonNode> commented = as(Role.AGENT, "agent-ann").post().uri("/api/cases/{id}/comments", caseId)
                .body(Map.of("body", "Here is the picture", "attachments",
                        List.of(Map.of("attachmentId", upload.path("attachmentId").asText(), "name", "lies.exe",
                                "size", 1)))).retrieve().toEntity(JsonNode.class);
        assertThat(commented.getStatusCode().value()).as("%s", commented.getBody()).isEqualTo(201);
        JsonNode recorded = lastComment(caseId).path("attachments").get(0);
        assertThat(recorded.path("name").asText()).as("the stored name, not the client's").isEqualTo("holiday.html");
        assertThat(recorded.path("uri").asText()).isEqualTo("/api/attachments/" + upload.path("attachmentId").asText());

        ResponseEntity<byte[]> download = as(Role.LEAD).get().uri(recorded.path("uri").asText()).retrieve()
                .toEntity(byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(PNG);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("holiday.html");
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void markupIsNeverServedAsMarkup() {
        byte[] page = "<html><body><script>alert(document.cookie)</script></body></html>".getBytes();
        JsonNode upload = upload(as(Role.AGENT, "agent-ann"), "photo.png", page).getBody();
        assertThat(upload.path("contentType").asText()).isEqualTo("text/html");
        String caseId = ticket(as(Role.CHANNEL, "web-form"), List.of());
        as(Role.AGENT, "agent-ann").post().uri("/api/cases/{id}/comments", caseId)
                .body(Map.of("body", "see", "attachments", List.of(Map.of("attachmentId",
                        upload.path("attachmentId").asText())))).retrieve().toBodilessEntity();

        ResponseEntity<byte[]> download = as(Role.AGENT).get().uri("/api/attachments/{id}",
                upload.path("attachmentId").asText()).retrieve().toEntity(byte[].class);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(download.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
    }

    @Test
    void aFileIsRefusedToWhoeverCannotSeeItsCase() {
        RestClient webForm = as(Role.CHANNEL, "web-form");
        JsonNode upload = upload(webForm, "invoice.pdf", "%PDF-1.4\n%%EOF\n".getBytes()).getBody();
        String id = upload.path("attachmentId").asText();
        assertThat(upload.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(status(as(Role.AGENT, "agent-bob").get().uri("/api/attachments/{id}", id)))
                .as("an upload no case named yet is its uploader's alone").isEqualTo(404);

        String caseId = ticket(webForm, List.of(Map.of("attachmentId", id)));
        assertThat(firstEvent(caseId).path("data").path("attachments").get(0).path("contentType").asText())
                .isEqualTo("application/pdf");
        assertThat(as(Role.LEAD).get().uri("/api/cases/{id}?asOf={at}", caseId, java.time.Instant.now().plusSeconds(5))
                .retrieve().body(JsonNode.class).path("attachments").get(0).path("uri").asText())
                .as("the case as of a time shows the first message's files").isEqualTo("/api/attachments/" + id);
        assertThat(status(webForm.get().uri("/api/attachments/{id}", id))).isEqualTo(200);
        assertThat(status(as(Role.AGENT, "agent-bob").get().uri("/api/attachments/{id}", id))).isEqualTo(200);
        RestClient otherChannel = Callers.as("http://localhost:" + port, Role.CHANNEL, "chat-widget",
                Map.of("channel", "chat"));
        assertThat(status(otherChannel.get().uri("/api/attachments/{id}", id)))
                .as("another channel's case is not there for it").isEqualTo(404);

        ResponseEntity<JsonNode> stolen = as(Role.AGENT, "agent-bob").post().uri("/api/cases/{id}/comments",
                        ticket(webForm, List.of()))
                .body(Map.of("body", "mine now", "attachments", List.of(Map.of("attachmentId", id))))
                .retrieve().toEntity(JsonNode.class);
        assertThat(stolen.getStatusCode().value()).as("a file of another case").isEqualTo(400);
        assertThat(stolen.getBody().path("errors").findValuesAsText("field"))
                .containsExactly("attachments[0].attachmentId");
    }

    @Test
    void aFileTooLargeOrMissingIsAProblem() {
        ResponseEntity<JsonNode> large = upload(as(Role.AGENT), "big.bin", new byte[70 * 1024]);
        assertThat(large.getStatusCode().value()).isEqualTo(413);
        assertThat(large.getHeaders().getContentType().toString()).contains("application/problem+json");
        ResponseEntity<JsonNode> none = as(Role.AGENT).post().uri("/api/attachments")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(new LinkedMultiValueMap<String, Object>())
                .retrieve().toEntity(JsonNode.class);
        assertThat(none.getStatusCode().value()).isEqualTo(400);
        assertThat(none.getBody().path("errors").findValuesAsText("field")).containsExactly("file");
        assertThat(status(as(Role.AGENT).get().uri("/api/attachments/{id}", UUID.randomUUID()))).isEqualTo(404);
    }

    private static ResponseEntity<JsonNode> upload(RestClient client, String name, byte[] content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return client.post().uri("/api/attachments").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().toEntity(JsonNode.class);
    }

    private static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.retrieve().toBodilessEntity().getStatusCode().value();
    }

    private String ticket(RestClient channel, List<Map<String, Object>> attachments) {
        ResponseEntity<JsonNode> created = channel.post().uri("/api/intake/tickets")
                .body(Map.of("customer", Map.of("name", "Ada", "email", "ada-files@example.com"),
                        "subject", "Files", "description", "see attached", "attachments", attachments))
                .retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return created.getBody().path("caseId").asText();
    }

    private JsonNode history(String caseId) {
        return as(Role.LEAD).get().uri("/api/cases/{id}/history", caseId).retrieve().body(JsonNode.class);
    }

    private JsonNode firstEvent(String caseId) {
        return history(caseId).get(0);
    }

    private JsonNode lastComment(String caseId) {
        JsonNode events = history(caseId);
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).path("type").asText().equals("CommentAdded")) {
                return events.get(i).path("data");
            }
        }
        throw new AssertionError("no comment on " + caseId);
    }
}
