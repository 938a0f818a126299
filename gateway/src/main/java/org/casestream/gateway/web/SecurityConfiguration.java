package org.casestream.gateway.web;

import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.casestream.gateway.apikeys.ApiKeyAuthenticationFilter;
import org.casestream.gateway.apikeys.ApiKeys;
import org.casestream.gateway.apikeys.ChannelTokens;
import org.casestream.gateway.http.ProblemWriter;
import org.casestream.gateway.http.WebProperties;
import org.casestream.gateway.ratelimit.RateLimitFilter;
import org.casestream.gateway.ratelimit.RateLimiter;
import org.casestream.gateway.tokens.Revocations;
import org.casestream.gateway.tokens.SigningKeyRing;
import org.casestream.gateway.tokens.TokenIssuer;
import org.casestream.gateway.tokens.TokenProperties;
import org.casestream.support.security.ResourceServerSecurity;
import org.casestream.support.security.TokenChecks;
import org.casestream.support.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may pass: bearer tokens are verified here (signature, expiry, not revoked) before anything is proxied, an
 * API key is swapped for its channel's token first, and every authenticated caller is rate limited. Login, the
 * JWKS, health, the API documents, the survey links customers answer and the dashboard's files are open (each
 * address's calls to the survey links are rate limited); admin endpoints need role admin; every
 * other {@code /api} path needs a caller, and the services behind check the roles of their own endpoints.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    /** Swagger UI sets inline styles; nothing else is relaxed. */
    static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
            "style-src 'self' 'unsafe-inline'");

    /** Whoever has not shown credentials yet: login and refresh, and any request without a token or key. */
    static final RequestMatcher BEFORE_AUTHENTICATION = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/auth/login"),
            PathPatternRequestMatcher.withDefaults().matcher("/api/auth/refresh"),
            request -> request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    && request.getHeader(ApiKeyAuthenticationFilter.HEADER) == null);

    /**
     * Verifies with every published key of the ring, by kid; checks expiry, issuer, audience, and that the
     * token was not revoked.
     */
    /** File uploads: the one request an authenticated caller may send more than the usual body with. */
    private static final RequestMatcher UPLOADS = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/api/attachments");

    @Bean
    JwtDecoder jwtDecoder(SigningKeyRing keys, TokenProperties tokens, Revocations revocations) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys.verificationKeys()));
        // Spring's validators below check the claims; Nimbus would otherwise insist on its own set
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> notRevoked = jwt -> revocations.isRevoked(jwt.getId(),
                jwt.getClaimAsString(TokenIssuer.SESSION_CLAIM))
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was revoked", null))
                : OAuth2TokenValidatorResult.success();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                TokenChecks.validator(tokens.issuer(), tokens.audience()), notRevoked));
        // not a NimbusJwtDecoder to the container: the services' TokenChecks would replace these validators
        return decoder::decode;
    }

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, ProblemResponses problemResponses, ProblemWriter problems,
            WebProperties web, ApiKeys apiKeys, ChannelTokens channelTokens, RateLimiter limiter) throws Exception {
        RequestMatcher swaggerUi = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"));
        http.headers(headers -> headers
                        .contentTypeOptions(options -> { })
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                                new StaticHeadersWriter("Content-Security-Policy", SWAGGER_UI_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
                .addFilterAfter(new BodySizeLimitFilter(web.maxAnonymousBodySize().toBytes(), BEFORE_AUTHENTICATION,
                        problems), HeaderWriterFilter.class)
                .addFilterAfter(new BodySizeLimitFilter(web.maxBodySize().toBytes(), new NegatedRequestMatcher(UPLOADS),
                        problems), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new BodySizeLimitFilter(web.maxUploadSize().toBytes(), UPLOADS, problems),
                        BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, channelTokens, problems),
                        BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limiter, problems), BearerTokenAuthenticationFilter.class);
        if (web.corsAllowedOrigins().isEmpty()) {
            http.cors(cors -> cors.disable());
        } else {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(web.corsAllowedOrigins());
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Api-Key",
                    "X-Correlation-Id", "Last-Event-ID", "If-Match"));
            cors.setExposedHeaders(List.of("Location", "Retry-After", "X-Correlation-Id", "ETag"));
            cors.setAllowCredentials(true);
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/**", cors);
            http.cors(configurer -> configurer.configurationSource(source));
        }
        return ResourceServerSecurity.build(http, problemResponses, auth -> auth
                .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/refresh").permitAll()
                // a customer answering the survey link of their done-mail (no login; rate limited by address); the
                // command service refuses the survey to anyone who shows credentials
                .requestMatchers(HttpMethod.GET, RateLimitFilter.PUBLIC_API).permitAll()
                .requestMatchers(HttpMethod.POST, RateLimitFilter.PUBLIC_API).permitAll()
                // a second factor belongs to a person's account: channels and services have none
                .requestMatchers("/api/auth/second-factor/**").hasAnyRole("agent", "lead", "manager", "admin", "ops")
                .requestMatchers("/api/auth/**").authenticated()
                .requestMatchers("/api/admin/**").hasRole("admin")
                .requestMatchers("/api", "/api/**").authenticated()
                // the dashboard's files and client-side routes, Swagger UI
                .requestMatchers(HttpMethod.GET, "/**").permitAll()
                .requestMatchers(HttpMethod.HEAD, "/**").permitAll());
    }
}
