package org.casestream.notification.platform;

import org.casestream.support.security.ResourceServerSecurity;
import org.casestream.support.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Admins configure who gets what and the webhooks; leads, managers and ops read the delivery log. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String[] LOG_READERS = {"lead", "manager", "admin", "ops"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        return ResourceServerSecurity.build(http, problems, routes -> routes
                .requestMatchers(HttpMethod.GET, "/api/notifications").hasAnyRole(LOG_READERS)
                .requestMatchers(HttpMethod.POST, "/api/webhooks/*/deliveries/*/redeliver").hasAnyRole("admin", "ops")
                .requestMatchers(HttpMethod.GET, "/api/webhooks/*/deliveries").hasAnyRole("admin", "ops")
                .requestMatchers("/api/webhooks", "/api/webhooks/**").hasRole("admin")
                .requestMatchers(HttpMethod.GET, "/api/notification-rules", "/api/notification-settings")
                .hasAnyRole("admin", "lead")
                .requestMatchers("/api/notification-rules/**", "/api/notification-settings",
                        "/api/notification-settings/**").hasRole("admin"));
    }
}
