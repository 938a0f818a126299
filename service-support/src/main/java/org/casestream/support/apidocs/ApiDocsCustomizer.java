package org.casestream.support.apidocs;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every operation of every service's document says the same way, derived rather than annotated by hand:
 * <ul>
 *   <li>its security, from the service's own rules ({@link OperationAccess}): bearer JWT for people and services,
 *       {@code X-Api-Key} where channels may call, {@code security: []} where no credentials are needed, and the
 *       roles in {@code x-casestream-roles};</li>
 *   <li>its error answers, each RFC 9457 problem+json with the one shared {@code Problem} schema: 400 for any
 *       input, 401 and 403 unless it is open, 404 for a path with an id, 409 for a change, 413 for a body, 429 and
 *       503 with {@code Retry-After} for all;</li>
 *   <li>its tag, the feature: the path's first segment after {@code /api};</li>
 *   <li>JSON as the success media type where the handler left it open.</li>
 * </ul>
 */
public class ApiDocsCustomizer implements OpenApiCustomizer {

    public static final String BEARER = "bearerJwt";
    public static final String API_KEY = "apiKey";
    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "FieldError";
    public static final String ROLES_EXTENSION = "x-casestream-roles";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String RETRY_AFTER = "Retry-After";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final Set<PathItem.HttpMethod> CHANGES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private final OperationAccess access;

    public ApiDocsCustomizer(OperationAccess access) {
        this.access = access;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An RS256 access token: a person's from POST /api/auth/login, a "
                        + "service's from POST /oauth2/token (client credentials)"));
        components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Api-Key").description("A channel's API key (an admin creates "
                        + "it with POST /api/admin/api-keys); the gateway swaps it for a token of the key's channel"));
        components.addSchemas(FIELD_ERROR, fieldError());
        components.addSchemas(PROBLEM, problem());
        components.addHeaders(RETRY_AFTER, new Header().description("Seconds to wait before trying again")
                .schema(new IntegerSchema().minimum(BigDecimal.ONE)));
        if (components.getSchemas() != null) {
            // Spring's ProblemDetail as springdoc reads it from the exception handlers: the shared Problem says it all
            components.getSchemas().remove("ProblemDetail");
            components.setSchemas(new TreeMap<>(components.getSchemas()));
        }

        Map<String, Tag> tags = new TreeMap<>();
        Paths sorted = new Paths();
        new TreeMap<>(api.getPaths() == null ? Map.<String, PathItem>of() : api.getPaths()).forEach((path, item) -> {
            item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation, tags));
            sorted.addPathItem(path, item);
        });
        api.setPaths(sorted);
        if (api.getTags() != null) {
            api.getTags().forEach(tag -> tags.putIfAbsent(tag.getName(), tag));
        }
        api.setTags(new ArrayList<>(tags.values()));
        pruneUnreferencedSchemas(api);
    }

    /**
     * Drops the schemas nothing refers to any more (what a handler's undocumented arguments left behind), so a
     * generated client holds no model that no operation uses.
     */
    private static void pruneUnreferencedSchemas(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.add(Json.mapper().valueToTree(api.getPaths()));
        pending.add(Json.mapper().valueToTree(api.getComponents().getResponses() == null ? Map.of()
                : api.getComponents().getResponses()));
        while (!pending.isEmpty()) {
            for (JsonNode ref : pending.pop().findValues("$ref")) {
                String name = ref.asText().replace(SCHEMAS, "");
                if (ref.asText().startsWith(SCHEMAS) && used.add(name) && schemas.containsKey(name)) {
                    pending.add(Json.mapper().valueToTree(schemas.get(name)));
                }
            }
        }
        schemas.keySet().retainAll(used);
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation, Map<String, Tag> tags) {
        String feature = feature(path);
        operation.setTags(List.of(feature));
        tags.putIfAbsent(feature, new Tag().name(feature));

        OperationAccess.Access allowed = access.of(method.name(), path);
        if (allowed.open() && !allowed.anonymousOnly()) {
            operation.setSecurity(List.of());
        } else if (allowed.anonymousOnly()) {
            operation.setSecurity(List.of());
            operation.addExtension(ROLES_EXTENSION, List.of("anonymous"));
        } else {
            List<SecurityRequirement> security = new ArrayList<>();
            if (allowed.bearer() || !allowed.channels()) {
                security.add(new SecurityRequirement().addList(BEARER));
            }
            if (allowed.channels()) {
                security.add(new SecurityRequirement().addList(API_KEY));
            }
            operation.setSecurity(security);
            operation.addExtension(ROLES_EXTENSION, allowed.roles());
        }

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean body = operation.getRequestBody() != null;
        boolean input = body || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        Map<String, ApiResponse> errors = new LinkedHashMap<>();
        if (input) {
            errors.put("400", problem("Bad input: each bad field is named in errors; nothing was changed"));
        }
        if (!allowed.open()) {
            errors.put("401", problem("No credentials, or a forged, expired or revoked token, or an unknown API key"));
            errors.put("403", problem("The caller's role may not call this operation"));
        } else if (allowed.anonymousOnly()) {
            errors.put("403", problem("Credentials were shown: this link is the customer's own, answered without them"));
        }
        if (path.contains("{")) {
            errors.put("404", problem("No such resource, or none this caller may see (a channel asking for a case "
                    + "another channel opened gets 404, as for one that does not exist)"));
        }
        if (CHANGES.contains(method) && (!allowed.open() || allowed.anonymousOnly())) {
            errors.put("409", problem("The resource's state refuses the change (an illegal status move, a case "
                    + "merged already, an answer given already), or a concurrent change won"));
        }
        if (body) {
            errors.put("413", problem("The body is too large: 16 KB before authentication, 1 MB after (uploads "
                    + "have their own limit)"));
        }
        errors.put("429", retryLater(problem("Too many requests from this caller (or address); try again after "
                + "Retry-After seconds")));
        errors.put("503", retryLater(problem("The service or one it depends on is away or overloaded; try again "
                + "after Retry-After seconds")));
        errors.forEach(responses::putIfAbsent);

        Map<String, ApiResponse> ordered = new TreeMap<>(responses);
        responses.clear();
        ordered.forEach((code, response) -> {
            boolean error = code.startsWith("4") || code.startsWith("5") || code.equals("default");
            if (error) {
                response.setContent(problemContent());
            } else if (response.getContent() != null && response.getContent().containsKey("*/*")) {
                MediaType open = response.getContent().remove("*/*");
                response.getContent().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, open);
            }
            responses.addApiResponse(code, response);
        });
    }

    /** The feature an operation belongs to: the first segment after {@code /api} ({@code /api/cases/...}: cases). */
    static String feature(String path) {
        String[] segments = path.replaceFirst("^/", "").split("/");
        if (segments.length > 1 && segments[0].equals("api")) {
            return segments[1].toLowerCase(Locale.ROOT);
        }
        return segments[0].replace(".", "").toLowerCase(Locale.ROOT);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static ApiResponse retryLater(ApiResponse response) {
        return response.addHeaderObject(RETRY_AFTER, new Header().$ref("#/components/headers/" + RETRY_AFTER));
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema().description("One bad field of a request")
                .addProperty("field", new StringSchema().description("The field's path in the request, e.g. customer.email")
                        .example("customer.email"))
                .addProperty("message", new StringSchema().description("What is wrong with it (never its value)")
                        .example("must be a well-formed email address"))
                .required(List.of("field", "message"));
    }

    private static Schema<?> problem() {
        return new ObjectSchema().description("An RFC 9457 problem (application/problem+json)")
                .addProperty("type", new StringSchema().format("uri").example("https://casestream.org/problems/invalid-request"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("1 field is invalid"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().description("Each bad field (400, and 403 naming the field "
                        + "that was refused)").items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR)))
                .required(List.of("status"));
    }
}
