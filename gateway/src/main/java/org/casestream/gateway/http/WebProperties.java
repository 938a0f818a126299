package org.casestream.gateway.http;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body accepted from an authenticated caller, and from anyone before authentication (login,
 * refresh, a request without credentials); the browser origins allowed cross-origin (none: CORS off); the page
 * served for the dashboard's client-side routes; and whether the refresh cookie is {@code Secure} (always,
 * unless the local profile serves plain http).
 */
@ConfigurationProperties("casestream.gateway.web")
public record WebProperties(DataSize maxBodySize, DataSize maxAnonymousBodySize, List<String> corsAllowedOrigins,
                            Resource spaIndex, boolean secureCookies) {

    public WebProperties {
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of()
                : corsAllowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    }
}
