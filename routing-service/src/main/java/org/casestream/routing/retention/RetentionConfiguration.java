package org.casestream.routing.retention;

import org.casestream.support.pruning.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Routing's bookkeeping that the pruning job (service-support) deletes after its retention. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    RetentionRule decisionsRetention(RetentionProperties retention) {
        return RetentionRule.rows("routing.decisions", "at < :cutoff", retention.decisions());
    }

    @Bean
    RetentionRule caseVectorsRetention(RetentionProperties retention) {
        return RetentionRule.rows("routing.case_vectors", "opened_at < :cutoff", retention.caseVectors());
    }
}
