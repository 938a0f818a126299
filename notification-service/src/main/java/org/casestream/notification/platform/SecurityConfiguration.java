package org.casestream.notification.platform;

import java.util.function.Supplier;

import org.casestream.events.Channel;
import org.casestream.support.security.Caller;
import org.casestream.support.security.ResourceServerSecurity;
import org.casestream.support.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Admins configure who gets what and the webhooks; leads, managers and ops read the delivery log. Raw mail is
 * piped in by admins and by API keys of the email channel only (another channel's key would open cases as email).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String[] LOG_READERS = {"lead", "manager", "admin", "ops"};

    static AuthorizationDecision mayPipeMail(Supplier<Authentication> authentication,
            RequestAuthorizationContext context) {
        if (authentication.get() instanceof JwtAuthenticationToken token) {
            Caller caller = Caller.of(token.getToken());
            return new AuthorizationDecision(caller.hasRole("admin")
                    || caller.isChannel() && Channel.EMAIL.wire().equals(caller.channel()));
        }
        return new AuthorizationDecision(false);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        return ResourceServerSecurity.build(http, problems, routes -> routes
                .requestMatchers(HttpMethod.POST, "/api/mail/inbound").access(SecurityConfiguration::mayPipeMail)
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
