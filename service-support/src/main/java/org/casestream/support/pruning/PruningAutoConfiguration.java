package org.casestream.support.pruning;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pruning job, for every service that declares {@link RetentionRule} beans. The service enables scheduling
 * itself ({@code @EnableScheduling}), as it does for its own scheduled work.
 */
@AutoConfiguration(after = JdbcClientAutoConfiguration.class)
@ConditionalOnClass({JdbcClient.class, MeterRegistry.class})
@ConditionalOnBean({RetentionRule.class, JdbcClient.class})
@EnableConfigurationProperties(PruningProperties.class)
public class PruningAutoConfiguration {

    @Bean
    PruningJob pruningJob(JdbcClient jdbc, Clock clock, ObjectProvider<MeterRegistry> meters, List<RetentionRule> rules,
            PruningProperties properties) {
        return new PruningJob(jdbc, clock, meters.getIfAvailable(SimpleMeterRegistry::new), rules,
                properties.batchSize());
    }
}
