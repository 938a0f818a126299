package org.casestream.routing.commands;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How routing reaches the command service: base URL; its own identity at the gateway's token endpoint (client id
 * and secret; the client id is the subject of its tokens and so the actor of the events it causes, which is how
 * routing tells its own decisions from people's); timeouts, retry and circuit-breaker settings.
 */
@ConfigurationProperties("casestream.routing.commands")
@Validated
public record CommandsProperties(@NotBlank String baseUrl, @NotBlank String tokenUri, @NotBlank String clientId,
                                 String clientSecret, @DurationMin(millis = 1) Duration connectTimeout,
                                 @DurationMin(millis = 1) Duration readTimeout, @Positive int maxAttempts,
                                 @DurationMin(millis = 1) Duration initialBackoff,
                                 @DurationMin(millis = 1) Duration circuitOpenFor) {

    public CommandsProperties {
        baseUrl = baseUrl == null ? "http://localhost:8081" : baseUrl;
        tokenUri = tokenUri == null ? "http://localhost:8080/oauth2/token" : tokenUri;
        clientId = clientId == null ? "routing-service" : clientId;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        maxAttempts = maxAttempts <= 0 ? 4 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
        circuitOpenFor = circuitOpenFor == null ? Duration.ofSeconds(5) : circuitOpenFor;
    }

    /** The user its events name as their actor. */
    public String user() {
        return clientId;
    }

    @Override
    public String toString() {
        return "CommandsProperties[" + baseUrl + ", client " + clientId + "]";
    }
}
