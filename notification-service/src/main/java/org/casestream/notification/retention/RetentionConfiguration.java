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

    /** A received message's bytes go first; its row stays (it is what makes a second copy do nothing). */
    @Bean
    RetentionRule inboundRawRetention(RetentionProperties retention) {
        return new RetentionRule("inbound_message_raw", retention.inboundRaw(), """
                UPDATE inbound_message SET raw = NULL WHERE ctid = ANY (ARRAY(
                    SELECT ctid FROM inbound_message WHERE raw IS NOT NULL AND received_at < :cutoff
                    LIMIT :limit FOR UPDATE SKIP LOCKED))""");
    }

    /** Only finished messages; one still being handled (or waiting for the command service) stays. */
    @Bean
    RetentionRule inboundMessagesRetention(RetentionProperties retention) {
        return RetentionRule.rows("inbound_message", "status <> 'processing' AND received_at < :cutoff",
                retention.inboundMessages());
    }

    @Bean
    RetentionRule mailThreadRetention(RetentionProperties retention) {
        return RetentionRule.rows("mail_thread", "at < :cutoff", retention.inboundMessages());
    }
}
