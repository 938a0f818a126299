package org.casestream.routing.commands;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.casestream.localstack.jwt.LocalJwtIssuer;
import org.casestream.localstack.jwt.LocalKeyPair;
import org.casestream.localstack.jwt.Role;

/**
 * Mints the service's token with the local stack's key ({@code <home>/jwt}), role routing (its own identity), and keeps it until
 * shortly before it expires. For the local stack and tests; production plugs in another {@link TokenSource}.
 */
public final class LocalTokenSource implements TokenSource {

    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

    private final Path jwtDirectory;
    private final String user;
    private LocalJwtIssuer issuer;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    public LocalTokenSource(Path jwtDirectory, String user, Clock clock) {
        this.jwtDirectory = jwtDirectory;
        this.user = user;
        this.clock = clock;
    }

    @Override
    public synchronized String bearerToken() {
        Instant now = clock.instant();
        if (token == null || now.isAfter(expiresAt.minus(RENEW_BEFORE))) {
            if (issuer == null) {
                // read on first use, so the service starts even before ./casestream has written the key
                issuer = new LocalJwtIssuer(LocalKeyPair.load(jwtDirectory), clock);
            }
            token = issuer.mint(Role.ROUTING, user, LIFETIME);
            expiresAt = now.plus(LIFETIME);
        }
        return token;
    }
}
