package org.casestream.support.security;

import java.util.Collection;
import java.util.List;

import org.casestream.support.web.ProblemResponses;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server the same way: stateless, an RS256 JWT on every request, roles
 * from its {@code roles} claim, problem+json for 401 and 403. Health, the OpenAPI document and the error page
 * are open; the rest of actuator is for ops and admins; the service names the roles of its own endpoints, and
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
