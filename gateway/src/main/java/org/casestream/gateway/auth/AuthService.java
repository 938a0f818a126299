package org.casestream.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.casestream.gateway.tokens.Revocations;
import org.casestream.gateway.tokens.Secrets;
import org.casestream.gateway.tokens.TokenIssuer;
import org.casestream.gateway.tokens.TokenProperties;
import org.casestream.gateway.users.UserAccount;
import org.casestream.gateway.users.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login, refresh and logout. Passwords are checked against their adaptive hash after a wait that grows with the
 * account's consecutive failures; at the limit the account locks for a while. Refresh tokens rotate on every
 * use, and a rotated one presented again means it was stolen or replayed: its whole session is revoked.
 */
@Service
public class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    private static final String REFRESH_PREFIX = "csr_";

    private final UserAccounts accounts;
    private final Sessions sessions;
    private final TokenIssuer issuer;
    private final Revocations revocations;
    private final PasswordEncoder encoder;
    private final TokenProperties tokens;
    private final LoginProperties login;
    private final LoginThrottle throttle;
    private final Clock clock;
    /** Checked against when the username is unknown, so that answer takes as long as a wrong password. */
    private final String unknownUserHash;
    private final UnknownUsernames unknownUsernames = new UnknownUsernames();

    public AuthService(UserAccounts accounts, Sessions sessions, TokenIssuer issuer, Revocations revocations,
            PasswordEncoder encoder, TokenProperties tokens, LoginProperties login, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.issuer = issuer;
        this.revocations = revocations;
        this.encoder = encoder;
        this.tokens = tokens;
        this.login = login;
        this.throttle = LoginThrottle.of(login);
        this.clock = clock;
        this.unknownUserHash = encoder.encode(Secrets.generate(""));
    }

    public TokenResponse login(String username, String password) {
        UserAccount account = accounts.find(username).orElse(null);
        Instant now = clock.instant();
        if (account == null) {
            refuseUnknown(username, password, now);
        }
        if (account.lockedAt(now)) {
            log.info("Login refused for {}: locked", username);
            throw new AccountLocked(Duration.between(now, account.lockedUntil()));
        }
        int failures = account.failedLogins();
        if (account.lockedUntil() != null) {
            accounts.clearFailures(username);  // the lock has run out: a fresh start
            failures = 0;
        }
        pause(throttle.delayAfter(failures));
        if (!encoder.matches(password, account.passwordHash())) {
            accounts.recordFailure(username, login.maxFailures(), clock.instant().plus(login.lockDuration()));
            log.info("Login refused for {}: wrong password ({} in a row)", username, failures + 1);
            throw new AuthenticationFailed("bad credentials");
        }
        if (account.disabled()) {
            log.info("Login refused for {}: disabled", username);
            throw new AuthenticationFailed("bad credentials");
        }
        if (failures > 0) {
            accounts.clearFailures(username);
        }
        log.info("User {} logged in", username);
        return openSession(account);
    }

    /** The session's revocation on reuse must outlive the refusal, hence no rollback for it. */
    @Transactional(noRollbackFor = AuthenticationFailed.class)
    public TokenResponse refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new AuthenticationFailed("no refresh token");
        }
        String hash = Secrets.sha256(refreshToken);
        Sessions.RefreshToken stored = sessions.findRefreshToken(hash)
                .orElseThrow(() -> new AuthenticationFailed("unknown refresh token"));
        Instant now = clock.instant();
        if (stored.sessionRevokedAt() != null || stored.expiresAt().isBefore(now)) {
            throw new AuthenticationFailed("refresh token expired or revoked");
        }
        if (stored.usedAt() != null || !sessions.markUsed(hash, now)) {
            sessions.revoke(stored.sessionId(), now);
            log.warn("A rotated refresh token of {} was presented again: session revoked", stored.username());
            throw new AuthenticationFailed("refresh token reused");
        }
        UserAccount account = accounts.find(stored.username()).orElseThrow(() -> new AuthenticationFailed("gone"));
        if (account.disabled()) {
            sessions.revoke(stored.sessionId(), now);
            throw new AuthenticationFailed("disabled");
        }
        return issue(account, stored.sessionId(), now);
    }

    /** Ends the token's session (its refresh tokens and every access token naming it) and refuses its jti. */
    @Transactional
    public void logout(String jti, String sessionId, Instant expiresAt) {
        Instant now = clock.instant();
        if (jti != null) {
            revocations.revokeAccessToken(jti, expiresAt == null ? now.plus(tokens.accessTokenTtl()) : expiresAt);
        }
        if (sessionId != null) {
            try {
                sessions.revoke(UUID.fromString(sessionId), now);
            } catch (IllegalArgumentException e) {
                // not a session this gateway opened: the jti alone is revoked
            }
        }
    }

    /** The same waits, locks and answers as for a real account, and a hash check as long as a real one. */
    private void refuseUnknown(String username, String password, Instant now) {
        UnknownUsernames.State state = unknownUsernames.stateOf(username);
        if (state.lockedUntil() != null && state.lockedUntil().isAfter(now)) {
            throw new AccountLocked(Duration.between(now, state.lockedUntil()));
        }
        int failures = state.failures();
        if (state.lockedUntil() != null) {
            unknownUsernames.clear(username);
            failures = 0;
        }
        pause(throttle.delayAfter(failures));
        encoder.matches(password, unknownUserHash);
        unknownUsernames.recordFailure(username, login.maxFailures(), clock.instant().plus(login.lockDuration()));
        log.info("Login refused for an unknown username");
        throw new AuthenticationFailed("bad credentials");
    }

    private TokenResponse openSession(UserAccount account) {
        Instant now = clock.instant();
        return issue(account, sessions.open(account.username(), now), now);
    }

    private TokenResponse issue(UserAccount account, UUID sessionId, Instant now) {
        String refreshToken = Secrets.generate(REFRESH_PREFIX);
        sessions.addRefreshToken(sessionId, Secrets.sha256(refreshToken), now, now.plus(tokens.refreshTokenTtl()));
        TokenIssuer.Minted access = issuer.forPerson(account.username(), account.displayName(), account.roles(),
                sessionId);
        return new TokenResponse(access.token(), "Bearer", tokens.accessTokenTtl().toSeconds(), refreshToken,
                new TokenResponse.Me(account.username(), account.displayName(), account.roles()));
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationFailed("interrupted");
        }
    }
}
