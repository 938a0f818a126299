package org.casestream.command.retention;

import org.casestream.support.pruning.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command service's bookkeeping that the pruning job (service-support) deletes after its retention. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    RetentionRule processedCommandsRetention(RetentionProperties retention) {
        return RetentionRule.rows("processed_command", "processed_at < :cutoff", retention.processedCommands());
    }

    @Bean
    RetentionRule intakeRequestsRetention(RetentionProperties retention) {
        return RetentionRule.rows("intake_request", "created_at < :cutoff", retention.intakeRequests());
    }
}
