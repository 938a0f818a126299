package org.casestream.notification.retention;

import org.casestream.support.pruning.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification service's bookkeeping that the pruning job (service-support) deletes after its retention. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    RetentionRule processedEventsRetention(RetentionProperties retention) {
        return RetentionRule.rows("processed_event", "processed_at < :cutoff", retention.processedEvents());
    }

    /** Only finished deliveries, by their last change; their attempts go with them. */
    @Bean
    RetentionRule deliveriesRetention(RetentionProperties retention) {
        return RetentionRule.rows("delivery", "status IN ('sent', 'dead', 'cancelled') AND updated_at < :cutoff",
                retention.deliveries());
    }
}
