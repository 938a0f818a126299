package org.casestream.routing.platform;

import org.casestream.support.security.ResourceServerSecurity;
import org.casestream.support.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        return ResourceServerSecurity.build(http, problems, routes -> routes
                .requestMatchers("/api/routing/config/**").hasRole("admin")
                .requestMatchers(HttpMethod.GET, "/api/routing/decisions/**")
                .hasAnyRole("agent", "lead", "manager", "admin", "ops")
                .requestMatchers(HttpMethod.GET, "/api/routing/similar/**")
                .hasAnyRole("agent", "lead", "manager", "admin"));
    }
}
