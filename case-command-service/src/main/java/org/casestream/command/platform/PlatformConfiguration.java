package org.casestream.command.platform;

import java.time.Clock;

import org.casestream.events.json.EventJson;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The API speaks the catalogue's JSON: the same instants, enum names and null handling as the events. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer catalogueJson() {
        return builder -> builder.postConfigurer(EventJson::configure);
    }
}
