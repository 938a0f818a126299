package org.casestream.gateway.routes;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Hidden;
import org.casestream.support.apidocs.ApiDocsProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.casestream.support.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * {@code /v3/api-docs/<service>}: that service's OpenAPI document, fetched from it, with its {@code servers} set to
 * the gateway's public address ({@code casestream.api-docs.public-url}), so Swagger UI's "Try it out" and generated
 * clients go through the gateway (the only origin a browser or a partner may call) instead of to the service's private
 * address.
 */
@RestController
@Hidden
class ServiceApiDocs {

    private static final Duration DOCUMENT_TIMEOUT = Duration.ofSeconds(90);

    private final Map<String, URI> services;
    private final RestClient client;
    private final String publicUrl;

    ServiceApiDocs(BackendProperties backends, RestClient.Builder builder, ApiDocsProperties apiDocs) {
        this.publicUrl = apiDocs.publicUrl().toString();
        this.services = Map.of("command", backends.command(), "query", backends.query(),
                "routing", backends.routing(), "notification", backends.notification());
        // a service builds its document on the first request (every operation's security read from its rules), which
        // on a loaded machine takes longer than the routes' read timeout; it is cached after that
        this.client = builder.requestFactory(ClientHttpRequestFactoryBuilder.detect()
                .build(ClientHttpRequestFactorySettings.defaults().withReadTimeout(DOCUMENT_TIMEOUT))).build();
    }

    @GetMapping("/v3/api-docs/{service:command|query|routing|notification}")
    ObjectNode apiDocs(@PathVariable String service) {
        URI backend = services.get(service);
        if (backend == null) {
            throw new NotFound("No such service");
        }
        ObjectNode document = client.get().uri(backend.resolve("/v3/api-docs")).retrieve().body(ObjectNode.class);
        if (document == null) {
            throw new NotFound("The service has no API document");
        }
        document.putArray("servers").addObject().put("url", publicUrl)
                .put("description", "the gateway (every call goes through it)");
        return document;
    }
}
