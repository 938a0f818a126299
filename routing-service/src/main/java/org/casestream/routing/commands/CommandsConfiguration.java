package org.casestream.routing.commands;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.casestream.support.security.ClientCredentialsTokenSource;
import org.casestream.support.security.TokenSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
public class CommandsConfiguration {

    /**
     * Routing's own client credentials at the gateway's token endpoint; routing never holds a signing key. Tests
     * that run without a gateway say {@code token-source: test} and define their own {@link TokenSource}.
     */
    @Bean
    @ConditionalOnProperty(name = "casestream.routing.commands.token-source", havingValue = "client-credentials",
            matchIfMissing = true)
    TokenSource clientCredentials(CommandsProperties properties, Clock clock) {
        if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
            throw new IllegalStateException("casestream.routing.commands.client-secret (CASESTREAM_ROUTING_CLIENT_SECRET) "
                    + "is not set: routing needs its client secret to get tokens from the gateway");
        }
        return new ClientCredentialsTokenSource(properties.tokenUri(), properties.clientId(), properties.clientSecret(),
                clock);
    }

    @Bean
    CaseCommandClient caseCommandClient(CommandsProperties properties, TokenSource tokens,
                                        ObjectProvider<RestClient.Builder> http, ObjectProvider<MeterRegistry> meters) {
        return new CaseCommandClient(properties, tokens, http.getIfAvailable(RestClient::builder), meters.getIfAvailable());
    }
}
