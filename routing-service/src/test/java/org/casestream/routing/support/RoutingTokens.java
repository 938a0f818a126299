package org.casestream.routing.support;

import org.casestream.localstack.jwt.Role;
import org.casestream.support.security.TokenSource;
import org.casestream.testkit.TestInfrastructure;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Routing's token in tests, where no gateway runs to issue it: the same claims the gateway's token endpoint
 * gives routing (its client id as subject, role routing), signed with the test key. Production routing never
 * holds a key: it uses its client credentials.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RoutingTokens {

    @Bean
    TokenSource routingToken() {
        return () -> TestInfrastructure.token(Role.ROUTING, "routing-service");
    }
}
