package org.casestream.support;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.casestream.events.json.EventJson;
import org.casestream.support.observability.TraceContexts;
import org.casestream.support.security.TokenChecks;
import org.casestream.support.web.CorrelationIdFilter;
import org.casestream.support.web.DatabaseAway;
import org.casestream.support.web.LoadShedding;
import org.casestream.support.web.ProblemHandling;
import org.casestream.support.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * What every Casestream service gets by depending on this module. It runs before Spring MVC's own
 * auto-configuration so that Boot's default problem-details handler steps aside for {@link ProblemHandling}.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@Import(ProblemHandling.class)
@EnableConfigurationProperties(LoadShedding.Settings.class)
public class ServiceSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The API speaks the catalogue's JSON: the same instants, enum names and null handling as the events. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer catalogueJson() {
        return builder -> builder.postConfigurer(EventJson::configure);
    }

    /** Static: a post-processor must exist before the beans it looks at. */
    @Bean
    static TokenChecks tokenChecks(Environment environment) {
        return new TokenChecks(environment);
    }

    @Bean
    static RequiredSettings requiredSettings(ConfigurableEnvironment environment) {
        return new RequiredSettings(environment);
    }

    @Bean
    CorrelationIdFilter correlationIdFilter() {
        return new CorrelationIdFilter();
    }

    /** Right after the correlation id, before security: a full service turns a request away before any work. */
    @Bean
    FilterRegistrationBean<LoadShedding> loadShedding(LoadShedding.Settings settings, ObjectMapper mapper,
                                                      ObjectProvider<MeterRegistry> meters) {
        FilterRegistrationBean<LoadShedding> registration = new FilterRegistrationBean<>(
                new LoadShedding(settings, mapper, meters.getIfAvailable(SimpleMeterRegistry::new)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Outside security: a filter that fails because the database is away answers 503, not the container's 500. */
    @Bean
    FilterRegistrationBean<DatabaseAway> databaseAway(ObjectMapper mapper) {
        FilterRegistrationBean<DatabaseAway> registration = new FilterRegistrationBean<>(new DatabaseAway(mapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** The trace context carried across Kafka and the event store; a no-op where tracing is switched off. */
    @Bean
    @ConditionalOnMissingBean
    TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer tracing = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        return tracing == null || propagation == null ? TraceContexts.NONE : new TraceContexts(tracing, propagation);
    }

    @Bean
    ProblemResponses problemResponses(ObjectMapper mapper) {
        return new ProblemResponses(mapper);
    }
}
