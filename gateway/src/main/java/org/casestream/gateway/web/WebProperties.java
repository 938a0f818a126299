package org.casestream.gateway.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body accepted, the browser origins allowed cross-origin (none: CORS off), and the page
 * served for the dashboard's client-side routes.
 */
@ConfigurationProperties("casestream.gateway.web")
public record WebProperties(DataSize maxBodySize, List<String> corsAllowedOrigins, Resource spaIndex) {

    public WebProperties {
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of()
                : corsAllowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    }
}
