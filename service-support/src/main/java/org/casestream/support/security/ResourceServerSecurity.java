package org.casestream.support.security;

import java.util.Collection;
import java.util.List;

import org.casestream.support.web.ProblemResponses;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every service is an OAuth2 resource server the same way: stateless, an RS256 JWT on every request, roles
 * from its {@code roles} claim, problem+json for 401 and 403. Health, the OpenAPI document and the error page
 * are open, and so are Prometheus' scrape and info on the management port; the rest of actuator is for ops and
 * admins; the service names the roles of its own endpoints, and
 * whatever it does not name is denied.
 */
public final class ResourceServerSecurity {

    private ResourceServerSecurity() {
    }

    public static SecurityFilterChain build(HttpSecurity http, ProblemResponses problems,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> routes)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/error").permitAll()
                            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                                    "/v3/api-docs", "/v3/api-docs/**").permitAll()
                            .requestMatchers(scrapeOnManagementPort(http)).permitAll()
                            .requestMatchers("/actuator/**").hasAnyRole("ops", "admin");
                    routes.customize(auth);
                    auth.anyRequest().denyAll();
                })
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .build();
    }

    /**
     * Prometheus' scrape and info on the management port ({@code management.server.port}, where only the machine or
     * the compose network reach): without a token. On the app port they stay for ops and admins.
     */
    private static RequestMatcher scrapeOnManagementPort(HttpSecurity http) {
        Environment environment = http.getSharedObject(ApplicationContext.class).getEnvironment();
        RequestMatcher onManagementPort = request -> {
            // set by Spring Boot once the management server listens; without a port of its own, an alias of the app's
            Integer port = environment.getProperty("local.management.port", Integer.class);
            return port != null && port > 0 && request.getLocalPort() == port
                    && !port.equals(environment.getProperty("local.server.port", Integer.class));
        };
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        // the paths first: a request that is no real one (the API documents ask the rules about every operation with
        // one) has no local port to ask
        return new AndRequestMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.GET, "/actuator/prometheus"),
                paths.matcher(HttpMethod.GET, "/actuator/info")), onManagementPort);
    }

    /** The {@code roles} claim, a list of lower-case role names, becomes {@code ROLE_<name>} authorities. */
    public static JwtAuthenticationConverter rolesFromClaim() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList(Caller.ROLES_CLAIM);
            Collection<GrantedAuthority> authorities = roles == null ? List.of() : roles.stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            return authorities;
        });
        return converter;
    }
}
