package org.casestream.gateway.tokens;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Where the first RS256 key pair lives and its key id (generated there when missing only with
 * {@code generateMissing}, which the local profile sets); who the tokens say issued them and whom they are for
 * ({@code audience}, which every service checks); how long they live; how keys rotate; and how long a token's
 * "not revoked" holds before it is read again ({@code revocationCache}: revocations made through this gateway count
 * at once, another instance's within that time).
 */
@ConfigurationProperties("casestream.gateway.tokens")
@Validated
public record TokenProperties(@NotNull Resource privateKey, @NotNull Resource publicKey, @NotBlank String keyId,
        @NotBlank String issuer, @NotBlank String audience, @NotNull Duration accessTokenTtl,
        @NotNull Duration refreshTokenTtl, @NotNull Duration serviceTokenTtl, @Valid @NotNull Rotation rotation,
        @NotNull Duration revocationCache, boolean generateMissing) {

    /**
     * A new key is published {@code publishAhead} before it signs (longer than the services cache the JWK set),
     * and the key it replaces retires {@code retireAfter} after that (longer than a token lives, plus clock skew).
     * With a {@code period}, the gateway rotates by itself once the signing key is that old.
     */
    public record Rotation(@NotNull Path ringDirectory, @NotNull Duration publishAhead, @NotNull Duration retireAfter,
                           Duration period, Duration refresh) {
    }
}
