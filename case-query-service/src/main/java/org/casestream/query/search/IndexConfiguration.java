package org.casestream.query.search;

import org.casestream.query.platform.QueryProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean(destroyMethod = "close")
    CaseIndex caseIndex(QueryProperties properties) {
        return CaseIndex.open(properties.indexDirectory());
    }
}
