package org.casestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI documents integrators generate clients from: the five the gateway serves (its own and each service's)
 * are the files committed under {@code openapi/}, which the client of {@link GeneratedClientTest} is generated from
 * at build time, so an API that drifts from its committed document fails here (refresh them with
 * {@code -Dcasestream.openapi.write=true} and commit the change, which a reviewer then sees). Each passes a standard
 * validator (swagger-parser), and every operation declares who may call it and its problem answers.
 */
@ExtendWith(PlatformExtension.class)
class ApiDocumentsTest {

    /** Committed file name → the gateway's address of the document. */
    static final Map<String, String> DOCUMENTS = new LinkedHashMap<>();

    static {
        DOCUMENTS.put("gateway", "/v3/api-docs");
        DOCUMENTS.put("command", "/v3/api-docs/command");
        DOCUMENTS.put("query", "/v3/api-docs/query");
        DOCUMENTS.put("routing", "/v3/api-docs/routing");
        DOCUMENTS.put("notification", "/v3/api-docs/notification");
    }

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static Map<String, JsonNode> served;
    private static Path committed;

    @BeforeAll
    static void documents(Platform platform) throws IOException {
        committed = platform.root().resolve("openapi");
        served = new LinkedHashMap<>();
        DOCUMENTS.forEach((name, path) -> served.put(name,
                sorted(platform.gateway().get(path, GatewayClient.Anonymous.NONE).expect(200).json())));
        if (Boolean.getBoolean("casestream.openapi.write")) {
            Files.createDirectories(committed);
            for (Map.Entry<String, JsonNode> document : served.entrySet()) {
                Files.writeString(committed.resolve(document.getKey() + ".json"),
                        PRETTY.writeValueAsString(document.getValue()) + "\n");
            }
        }
    }

    @Test
    void theServedDocumentsAreTheCommittedOnesTheClientIsGeneratedFrom() throws IOException {
        Map<String, List<String>> drift = new TreeMap<>();
        for (Map.Entry<String, JsonNode> document : served.entrySet()) {
            Path file = committed.resolve(document.getKey() + ".json");
            JsonNode stored = Files.exists(file) ? GatewayClient.JSON.readTree(file.toFile()) : null;
            List<String> differences = new ArrayList<>();
            differences(stored, document.getValue(), "", differences);
            if (!differences.isEmpty()) {
                drift.put(file.toString(), differences.subList(0, Math.min(20, differences.size())));
            }
        }
        assertThat(drift).as("documents that drifted from their committed files (refresh with "
                + "./mvnw -pl system-tests verify -Dtest=ApiDocumentsTest -Dcasestream.openapi.write=true, then "
                + "review and commit openapi/)").isEmpty();
    }

    @Test
    void aStandardValidatorFindsNoErrorInAnyDocument() throws IOException {
        Map<String, List<String>> messages = new TreeMap<>();
        for (Map.Entry<String, JsonNode> document : served.entrySet()) {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(
                    GatewayClient.JSON.writeValueAsString(document.getValue()), null, options);
            assertThat(result.getOpenAPI()).as(document.getKey()).isNotNull();
            if (result.getMessages() != null && !result.getMessages().isEmpty()) {
                messages.put(document.getKey(), result.getMessages());
            }
        }
        assertThat(messages).isEmpty();
    }

    @Test
    void everyOperationDeclaresItsSecurityAndItsProblemAnswers() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> document : served.entrySet()) {
            JsonNode schemes = document.getValue().path("components").path("securitySchemes");
            assertThat(schemes.path("bearerJwt").path("scheme").asText()).as(document.getKey()).isEqualTo("bearer");
            assertThat(schemes.path("apiKey").path("name").asText()).as(document.getKey()).isEqualTo("X-Api-Key");
            assertThat(document.getValue().path("info").path("license").path("name").asText()).isNotBlank();
            operations(document.getValue()).forEach((name, operation) -> {
                String where = document.getKey() + ": " + name;
                JsonNode security = operation.path("security");
                if (!security.isArray()) {
                    wrong.add(where + " declares no security (nor security: [] for an open one)");
                }
                JsonNode responses = operation.path("responses");
                boolean success = false;
                boolean problems = false;
                for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
                    String code = codes.next();
                    success |= code.startsWith("2");
                    if (code.startsWith("4") || code.startsWith("5")) {
                        problems = true;
                        if (!responses.path(code).path("content").path("application/problem+json").path("schema")
                                .path("$ref").asText().equals("#/components/schemas/Problem")) {
                            wrong.add(where + " answers " + code + " without the shared Problem schema");
                        }
                    }
                }
                if (!success) {
                    wrong.add(where + " documents no success answer");
                }
                if (!problems) {
                    wrong.add(where + " documents no error answer");
                }
                if (security.isArray() && !security.isEmpty()
                        && !(responses.has("401") && responses.has("403"))) {
                    wrong.add(where + " needs credentials but documents no 401 and 403");
                }
                if (!responses.path("429").path("headers").has("Retry-After")) {
                    wrong.add(where + " documents no 429 with Retry-After");
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    /** They become a generated client's method names: each must be there and name one operation of all five. */
    @Test
    void everyOperationHasAnOperationIdUniqueAcrossTheDocuments() {
        Map<String, List<String>> byId = new TreeMap<>();
        served.forEach((document, api) -> operations(api).forEach((name, operation) ->
                byId.computeIfAbsent(operation.path("operationId").asText(""), id -> new ArrayList<>())
                        .add(document + ": " + name)));
        assertThat(byId).doesNotContainKey("");
        // springdoc's suffix for a name used twice in one document: it changes with the order handlers are found
        assertThat(byId.keySet()).noneMatch(id -> id.matches(".*_\\d+"));
        byId.values().removeIf(names -> names.size() == 1);
        assertThat(byId).as("operationIds used more than once").isEmpty();
    }

    static Map<String, JsonNode> operations(JsonNode api) {
        Map<String, JsonNode> operations = new TreeMap<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
        return operations;
    }

    /** The document with every object's keys in order, so the committed files read and diff well. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            new TreeSet<String>(iterable(node.fieldNames())).forEach(key -> copy.set(key, sorted(node.get(key))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }

    private static <T> List<T> iterable(Iterator<T> items) {
        List<T> list = new ArrayList<>();
        items.forEachRemaining(list::add);
        return list;
    }

    private static void differences(JsonNode stored, JsonNode live, String at, List<String> out) {
        if (stored == null || live == null || stored.getNodeType() != live.getNodeType()) {
            if (stored != live) {
                out.add((at.isEmpty() ? "the document" : at) + (stored == null ? " is not committed"
                        : live == null ? " is no longer served" : " changed"));
            }
            return;
        }
        if (live.isObject()) {
            Set<String> keys = new TreeSet<>(iterable(stored.fieldNames()));
            keys.addAll(iterable(live.fieldNames()));
            keys.forEach(key -> differences(stored.get(key), live.get(key), at + "/" + key.replace("/", "~1"), out));
        } else if (!stored.equals(live)) {
            out.add(at + " changed");
        }
    }
}
