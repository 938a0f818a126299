package org.casestream.gateway.apikeys;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.casestream.gateway.tokens.Secrets;
import org.casestream.gateway.http.ProblemWriter;
import org.casestream.support.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request with {@code X-Api-Key} goes on as if it carried the channel's JWT: the key is looked up by its hash,
 * and the request continues with {@code Authorization: Bearer <channel token>} and without {@code X-Api-Key}, so
 * the bearer-token check, the rate limit and the proxy all see only the token. An unknown or revoked key is 401.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;
    private final ChannelTokens tokens;
    private final ProblemWriter problems;

    public ApiKeyAuthenticationFilter(ApiKeys keys, ChannelTokens tokens, ProblemWriter problems) {
        this.keys = keys;
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        ApiKey key = presented.length() > 200 ? null
                : keys.findActiveByHash(Secrets.sha256(presented.strip())).orElse(null);
        if (key == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "The API key is unknown or revoked"));
            return;
        }
        chain.doFilter(new WithChannelToken(request, "Bearer " + tokens.tokenFor(key)), response);
    }

    /** The request as the rest of the gateway sees it: the channel token in, the API key out. */
    private static final class WithChannelToken extends HttpServletRequestWrapper {

        private final String authorization;

        WithChannelToken(HttpServletRequest request, String authorization) {
            super(request);
            this.authorization = authorization;
        }

        @Override
        public String getHeader(String name) {
            if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
                return authorization;
            }
            return HEADER.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
                return Collections.enumeration(List.of(authorization));
            }
            return HEADER.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !HEADER.equalsIgnoreCase(name) && !HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name))
                    .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
            names.add(HttpHeaders.AUTHORIZATION);
            return Collections.enumeration(names);
        }
    }
}
