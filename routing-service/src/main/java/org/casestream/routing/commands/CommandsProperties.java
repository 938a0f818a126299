package org.casestream.routing.commands;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How routing reaches the command service: base URL, the user its token names (events it causes carry it as
 * their actor, which is how routing tells its own decisions from people's), the local key directory, timeouts,
 * retry and circuit-breaker settings.
 */
@ConfigurationProperties("casestream.routing.commands")
public record CommandsProperties(String baseUrl, String user, Path jwtDirectory, Duration connectTimeout,
                                 Duration readTimeout, int maxAttempts, Duration initialBackoff,
                                 Duration circuitOpenFor) {

    public CommandsProperties {
        baseUrl = baseUrl == null ? "http://localhost:8081" : baseUrl;
        user = user == null ? "routing-service" : user;
        jwtDirectory = jwtDirectory == null ? Path.of(".casestream", "jwt") : jwtDirectory;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        maxAttempts = maxAttempts <= 0 ? 4 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
        circuitOpenFor = circuitOpenFor == null ? Duration.ofSeconds(5) : circuitOpenFor;
    }
}
