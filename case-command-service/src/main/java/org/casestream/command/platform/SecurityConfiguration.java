package org.casestream.command.platform;

import java.util.Collection;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An OAuth2 resource server: every request carries an RS256 JWT (from the gateway, or {@code ./casestream
 * token} locally) and every endpoint names the roles that may call it. Anything not listed is denied.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String[] CASE_WORKERS = {"agent", "lead", "admin"};
    static final String[] CASE_READERS = {"agent", "lead", "manager", "admin", "ops"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                                "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole("ops", "admin")
                        .requestMatchers(HttpMethod.POST, "/api/intake/**").hasRole("channel")
                        .requestMatchers(HttpMethod.GET, "/api/audit").hasAnyRole("ops", "admin")
                        .requestMatchers(HttpMethod.GET, "/api/cases/**").hasAnyRole(CASE_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/cases", "/api/cases/**").hasAnyRole(CASE_WORKERS)
                        .requestMatchers(HttpMethod.GET, "/api/agents/**").hasAnyRole("agent", "lead", "manager", "admin")
                        .requestMatchers(HttpMethod.POST, "/api/agents").hasRole("admin")
                        .requestMatchers(HttpMethod.PUT, "/api/agents/*/skills").hasAnyRole("lead", "admin")
                        .requestMatchers(HttpMethod.PUT, "/api/agents/*/availability").hasAnyRole(CASE_WORKERS)
                        .anyRequest().denyAll())
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
    static JwtAuthenticationConverter rolesFromClaim() {
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
