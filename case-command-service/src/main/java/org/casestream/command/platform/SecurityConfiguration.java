package org.casestream.command.platform;

import org.casestream.support.security.Caller;
import org.casestream.support.security.ResourceServerSecurity;
import org.casestream.support.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what on the command side; anything not listed is denied. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String[] CASE_WORKERS = {"agent", "lead", "admin"};
    /** People who work cases, and the routing service for what it decides: queue, priority, assignee, escalation. */
    static final String[] CASE_ROUTERS = {"agent", "lead", "admin", Caller.ROUTING_ROLE};
    static final String[] CASE_READERS = {"agent", "lead", "manager", "admin", "ops"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        return ResourceServerSecurity.build(http, problems, routes -> routes
                // channels, and the notification service passing on the mail it receives (as channel email)
                .requestMatchers(HttpMethod.POST, "/api/intake/**")
                .hasAnyRole(Caller.CHANNEL_ROLE, Caller.NOTIFICATION_ROLE)
                .requestMatchers(HttpMethod.GET, "/api/audit").hasAnyRole("ops", "admin")
                .requestMatchers(HttpMethod.GET, "/api/cases/**").hasAnyRole(CASE_READERS)
                // the dashboard as of an instant (the gateway sends GET /api/dashboard here when it has asOf)
                .requestMatchers(HttpMethod.GET, "/api/dashboard").hasAnyRole(CASE_READERS)
                .requestMatchers(HttpMethod.POST, "/api/cases/*/sla-targets", "/api/cases/*/sla-breaches")
                .hasRole(Caller.ROUTING_ROLE)
                .requestMatchers(HttpMethod.POST, "/api/cases/*/satisfaction").hasRole(Caller.CHANNEL_ROLE)
                // a customer answering the survey link of their done-mail: the signed link is the credential, and
                // anyone showing other credentials (staff above all) is refused, so nobody rates for a customer
                .requestMatchers(HttpMethod.GET, "/api/surveys/*").anonymous()
                .requestMatchers(HttpMethod.POST, "/api/surveys/*").anonymous()
                .requestMatchers(HttpMethod.POST, "/api/cases/*/classification", "/api/cases/*/priority",
                        "/api/cases/*/assignment", "/api/cases/*/escalations").hasAnyRole(CASE_ROUTERS)
                .requestMatchers(HttpMethod.POST, "/api/cases", "/api/cases/bulk", "/api/cases/*/status",
                        "/api/cases/*/comments", "/api/cases/*/tags", "/api/cases/*/macros/*", "/api/cases/*/merge",
                        "/api/cases/*/reopen").hasAnyRole(CASE_WORKERS)
                .requestMatchers(HttpMethod.PUT, "/api/cases/*/subject", "/api/cases/*/customer")
                .hasAnyRole(CASE_WORKERS)
                // macros: shared ones kept by leads and admins, personal ones by their owner (decided per macro)
                .requestMatchers(HttpMethod.GET, "/api/macros", "/api/macros/**").hasAnyRole(CASE_WORKERS)
                .requestMatchers(HttpMethod.POST, "/api/macros").hasAnyRole(CASE_WORKERS)
                .requestMatchers(HttpMethod.PUT, "/api/macros/*").hasAnyRole(CASE_WORKERS)
                .requestMatchers(HttpMethod.DELETE, "/api/macros/*").hasAnyRole(CASE_WORKERS)
                .requestMatchers(HttpMethod.POST, "/api/attachments").hasAnyRole("agent", "lead", "admin",
                        Caller.CHANNEL_ROLE, Caller.NOTIFICATION_ROLE)
                .requestMatchers(HttpMethod.GET, "/api/attachments/*").hasAnyRole("agent", "lead", "manager", "admin",
                        "ops", Caller.CHANNEL_ROLE)
                .requestMatchers(HttpMethod.POST, "/api/customers").hasAnyRole(CASE_WORKERS)
                .requestMatchers(HttpMethod.PUT, "/api/customers/*/profile").hasAnyRole(CASE_WORKERS)
                .requestMatchers(HttpMethod.PUT, "/api/customers/*/tier").hasAnyRole("lead", "admin")
                .requestMatchers(HttpMethod.POST, "/api/customers/*/identities", "/api/customers/*/merge")
                .hasAnyRole("lead", "admin")
                .requestMatchers(HttpMethod.POST, "/api/imports/cases").hasRole("admin")
                .requestMatchers(HttpMethod.GET, "/api/queues", "/api/queues/*").hasAnyRole(CASE_READERS)
                .requestMatchers(HttpMethod.POST, "/api/queues").hasRole("admin")
                .requestMatchers(HttpMethod.PATCH, "/api/queues/*").hasRole("admin")
                .requestMatchers(HttpMethod.GET, "/api/agents/**").hasAnyRole("agent", "lead", "manager", "admin")
                .requestMatchers(HttpMethod.POST, "/api/agents").hasRole("admin")
                .requestMatchers(HttpMethod.PUT, "/api/agents/*/skills").hasAnyRole("lead", "admin")
                .requestMatchers(HttpMethod.PUT, "/api/agents/*/availability").hasAnyRole(CASE_WORKERS));
    }
}
