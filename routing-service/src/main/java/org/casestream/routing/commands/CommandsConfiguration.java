package org.casestream.routing.commands;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CommandsConfiguration {

    /** The local key's token unless another {@link TokenSource} bean (a real issuer's client) is defined. */
    @Bean
    @ConditionalOnMissingBean(TokenSource.class)
    TokenSource localTokenSource(CommandsProperties properties, Clock clock) {
        return new LocalTokenSource(properties.jwtDirectory(), properties.user(), clock);
    }

    @Bean
    CaseCommandClient caseCommandClient(CommandsProperties properties, TokenSource tokens) {
        return new CaseCommandClient(properties, tokens);
    }
}
