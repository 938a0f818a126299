package org.casestream.gateway.http;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The largest request body accepted from an authenticated caller, from an authenticated upload of a file
 * ({@code POST /api/attachments}, which the command service caps again), and from anyone before authentication
 * (login, refresh, a request without credentials); the browser origins allowed cross-origin (none: CORS off); the page
 * served for the dashboard's client-side routes; and whether the refresh cookie is {@code Secure} (always,
 * unless the local profile serves plain http).
 */
@ConfigurationProperties("casestream.gateway.web")
@Validated
public record WebProperties(@NotNull DataSize maxBodySize, @NotNull DataSize maxUploadSize,
                            @NotNull DataSize maxAnonymousBodySize,
                            List<String> corsAllowedOrigins, @NotNull Resource spaIndex, boolean secureCookies) {

    public WebProperties {
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of()
                : corsAllowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    }
}
