package org.casestream.gateway.retention;

import java.time.Duration;

import org.casestream.gateway.tokens.TokenProperties;
import org.casestream.support.pruning.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's bookkeeping that the pruning job (service-support) deletes after its retention. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    /** What JWT validation forgives of the clocks' difference (one minute), and some. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * A revoked session refuses its access tokens (claim {@code sid}) until they expire, so it is kept longer than
     * an access token lives; its refresh tokens go with it.
     */
    @Bean
    RetentionRule sessionsRetention(RetentionProperties retention, TokenProperties tokens) {
        if (retention.sessions().compareTo(tokens.accessTokenTtl().plus(CLOCK_SKEW)) < 0) {
            throw new IllegalStateException("casestream.retention.sessions must be longer than an access token lives "
                    + "(casestream.gateway.tokens.access-token-ttl) plus " + CLOCK_SKEW.toMinutes() + " minutes");
        }
        return RetentionRule.rows("sessions", """
                revoked_at < :cutoff
                OR (revoked_at IS NULL AND created_at < :cutoff
                    AND NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.session_id = sessions.id AND r.expires_at >= :cutoff))""",
                retention.sessions());
    }

    /** A refresh token is refused once expired, rotated or not: a live session's expired ones need not wait for it. */
    @Bean
    RetentionRule refreshTokensRetention(RetentionProperties retention) {
        return RetentionRule.rows("refresh_tokens", "expires_at < :cutoff", retention.sessions());
    }

    @Bean
    RetentionRule revokedAccessTokensRetention() {
        return RetentionRule.rows("revoked_access_tokens", "expires_at < :cutoff", Duration.ZERO);
    }

    @Bean
    RetentionRule authEventsRetention(RetentionProperties retention) {
        return RetentionRule.rows("auth_events", "at < :cutoff", retention.authEvents());
    }
}
