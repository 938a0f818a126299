package org.casestream.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.casestream.gateway.audit.AuthAudit;
import org.casestream.gateway.audit.AuthEvent;
import org.casestream.gateway.tokens.Revocations;
import org.casestream.gateway.tokens.Sessions;
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
 * account's consecutive failures; too many from one address lock the account for that address only, and an
 * address that fails too often waits (see {@link LoginGuard}). Refresh tokens rotate on every use, and a rotated
 * one presented again means it was stolen or replayed: its whole session is revoked. Each of these is audited.
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
    private final LoginThrottle throttle;
    private final LoginGuard guard;
    private final AuthAudit audit;
    private final SecondFactor secondFactor;
    private final Clock clock;
    /** Checked against when the username is unknown, so that answer takes as long as a wrong password. */
    private final String unknownUserHash;
    private final UnknownUsernames unknownUsernames = new UnknownUsernames();

    public AuthService(UserAccounts accounts, Sessions sessions, TokenIssuer issuer, Revocations revocations,
            PasswordEncoder encoder, TokenProperties tokens, LoginProperties login, LoginGuard guard, AuthAudit audit,
            SecondFactor secondFactor, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.issuer = issuer;
        this.revocations = revocations;
        this.encoder = encoder;
        this.tokens = tokens;
        this.throttle = LoginThrottle.of(login);
        this.guard = guard;
        this.audit = audit;
        this.secondFactor = secondFactor;
        this.clock = clock;
        this.unknownUserHash = encoder.encode(Secrets.generate(""));
    }

    /**
     * Checks a login from a client address: refused at once while the address is throttled or the account is
     * locked for it; otherwise after the account's backoff wait, the password. Every outcome is audited.
     */
    public TokenResponse login(String username, String password, String totp, String address) {
        UserAccount account = accounts.find(username).orElse(null);
        String known = account == null ? null : username;
        try {
            guard.check(username, address);
        } catch (LoginThrottled | AccountLocked refused) {
            audit.record(AuthEvent.Kind.LOGIN_REFUSED, known, address, refused.getMessage());
            throw refused;
        }
        if (account == null) {
            refuseUnknown(username, password, address);
        }
        pause(throttle.delayAfter(account.failedLogins()));
        if (!encoder.matches(password, account.passwordHash()) || account.disabled()) {
            throw failed(account, address, account.disabled() ? "account disabled" : "wrong password");
        }
        switch (secondFactor.check(username, account.roles(), totp)) {
            case NOT_NEEDED, PASSED -> { }
            case MISSING -> {
                audit.record(AuthEvent.Kind.LOGIN_REFUSED, username, address, "second factor required");
                throw new SecondFactorRequired(null);
            }
            case ENROLMENT_NEEDED -> {
                audit.record(AuthEvent.Kind.LOGIN_REFUSED, username, address, "second factor enrolment required");
                throw new SecondFactorRequired(secondFactor.pendingEnrolment(username));
            }
            case WRONG -> throw failed(account, address, "wrong second factor");
        }
        if (account.failedLogins() > 0) {
            accounts.clearFailures(username);
        }
        guard.succeeded(username, address);
        audit.record(AuthEvent.Kind.LOGIN_SUCCEEDED, username, address, null);
        log.info("User {} logged in", username);
        return openSession(account);
    }

    /** One more failure of the account (and from this address, which may lock it there), audited. */
    private AuthenticationFailed failed(UserAccount account, String address, String why) {
        accounts.recordFailure(account.username());
        boolean locked = guard.failed(account.username(), address);
        audit.record(locked ? AuthEvent.Kind.LOGIN_LOCKED : AuthEvent.Kind.LOGIN_FAILED, account.username(), address,
                why);
        log.info("Login refused for {}: {} ({} in a row)", account.username(), why, account.failedLogins() + 1);
        return new AuthenticationFailed("bad credentials");
    }

    /** The session's revocation on reuse must outlive the refusal, hence no rollback for it. */
    @Transactional(noRollbackFor = AuthenticationFailed.class)
    public TokenResponse refresh(String refreshToken, String address) {
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
            audit.record(AuthEvent.Kind.REFRESH_REUSED, stored.username(), address, "session revoked");
            log.warn("A rotated refresh token of {} was presented again: session revoked", stored.username());
            throw new AuthenticationFailed("refresh token reused");
        }
        UserAccount account = accounts.find(stored.username()).orElseThrow(() -> new AuthenticationFailed("gone"));
        if (account.disabled()) {
            sessions.revoke(stored.sessionId(), now);
            throw new AuthenticationFailed("disabled");
        }
        audit.record(AuthEvent.Kind.TOKEN_REFRESHED, account.username(), address, null);
        return issue(account, stored.sessionId(), now);
    }

    /** Ends the token's session (its refresh tokens and every access token naming it) and refuses its jti. */
    @Transactional
    public void logout(String username, String jti, String sessionId, Instant expiresAt, String address) {
        Instant now = clock.instant();
        audit.record(AuthEvent.Kind.LOGOUT, username, address, null);
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
    private void refuseUnknown(String username, String password, String address) {
        pause(throttle.delayAfter(unknownUsernames.failuresOf(username)));
        encoder.matches(password, unknownUserHash);
        unknownUsernames.recordFailure(username);
        boolean locked = guard.failed(username, address);
        audit.record(locked ? AuthEvent.Kind.LOGIN_LOCKED : AuthEvent.Kind.LOGIN_FAILED, null, address,
                "unknown username");
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
                sessionId, account.agentId());
        return new TokenResponse(access.token(), "Bearer", tokens.accessTokenTtl().toSeconds(), refreshToken,
                new TokenResponse.Me(account.username(), account.displayName(), account.roles(),
                        account.agentId() == null ? null : account.agentId().toString()));
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
