package org.casestream.query.platform;

import org.casestream.support.security.ResourceServerSecurity;
import org.casestream.support.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read what. People who work or watch cases read everything; a channel may read one case (never its
 * internal notes, which the controller leaves out) but not lists, boards or the stream. The analytics by agent are
 * for leads, managers and admins.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    public static final String[] READERS = {"agent", "lead", "manager", "admin", "ops"};
    /** Who reads the analytics page's breakdowns by agent, queue and priority. */
    public static final String[] ANALYSTS = {"lead", "manager", "admin"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        String[] caseReaders = {"agent", "lead", "manager", "admin", "ops", "channel"};
        return ResourceServerSecurity.build(http, problems, routes -> routes
                .requestMatchers(HttpMethod.GET, "/api/cases/export").hasAnyRole(READERS)
                // figures per agent are for the people who lead them, not for their colleagues
                .requestMatchers(HttpMethod.GET, "/api/analytics/breakdowns", "/api/analytics/export")
                .hasAnyRole(ANALYSTS)
                .requestMatchers(HttpMethod.GET, "/api/cases/*", "/api/cases/*/comments").hasAnyRole(caseReaders)
                .requestMatchers(HttpMethod.GET, "/api/cases", "/api/customers", "/api/customers/*",
                        "/api/customers/*/cases", "/api/dashboard",
                        "/api/sla", "/api/stream", "/api/agents", "/api/analytics").hasAnyRole(READERS)
                .requestMatchers("/api/saved-searches", "/api/saved-searches/*").hasAnyRole(READERS)
                .requestMatchers(HttpMethod.GET, "/api/agents/me", "/api/me/cases").hasAnyRole(READERS)
                .requestMatchers(HttpMethod.PUT, "/api/me/cases/*/read").hasAnyRole(READERS)
                .requestMatchers(HttpMethod.GET, "/api/me/team").hasAnyRole("lead", "admin")
                .requestMatchers("/api/ops/replays", "/api/ops/replays/*", "/api/ops/dead-letters",
                        "/api/ops/dead-letters/retry").hasAnyRole("ops", "admin"));
    }
}
