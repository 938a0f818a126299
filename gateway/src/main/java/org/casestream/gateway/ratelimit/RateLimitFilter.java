package org.casestream.gateway.ratelimit;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casestream.gateway.tokens.TokenIssuer;
import org.casestream.gateway.http.ProblemWriter;
import org.casestream.support.security.Caller;
import org.casestream.support.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After authentication: each authenticated caller spends a token per request, and so does each client address on the
 * open API for customers without a login (survey links); none left is 429 + Retry-After.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    /** The API paths anyone may call without credentials: a customer's survey link. */
    public static final String PUBLIC_API = "/api/surveys/*";

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final RequestMatcher PUBLIC = PathPatternRequestMatcher.withDefaults().matcher(PUBLIC_API);

    private final RateLimiter limiter;
    private final ProblemWriter problems;

    public RateLimitFilter(RateLimiter limiter, ProblemWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = Duration.ZERO;
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            Caller caller = Caller.of(token.getToken());
            wait = limiter.tryConsume(caller.subject(), caller.hasRole(TokenIssuer.CHANNEL_ROLE));
            if (!wait.isZero()) {
                log.info("Rate limit reached for {}", caller.subject());
            }
        } else if (PUBLIC.matches(request)) {
            // the address as the trusted proxies tell it; an address is no one's name, and is not logged either
            wait = limiter.tryConsumeAnonymous(request.getRemoteAddr());
            if (!wait.isZero()) {
                log.info("Rate limit reached for an address on the open API");
            }
        }
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many requests", "Slow down; try again in " + seconds + " seconds"));
            return;
        }
        chain.doFilter(request, response);
    }
}
