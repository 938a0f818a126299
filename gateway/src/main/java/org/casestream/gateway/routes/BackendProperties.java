package org.casestream.gateway.routes;

import java.net.URI;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where the four services answer. */
@ConfigurationProperties("casestream.gateway.backends")
@Validated
public record BackendProperties(@NotNull URI command, @NotNull URI query, @NotNull URI routing,
                                @NotNull URI notification) {
}
