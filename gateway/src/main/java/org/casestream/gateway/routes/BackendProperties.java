package org.casestream.gateway.routes;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the four services answer. */
@ConfigurationProperties("casestream.gateway.backends")
public record BackendProperties(URI command, URI query, URI routing, URI notification) {
}
