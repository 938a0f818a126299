package org.casestream.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** One setting each switches the services' logs, traces and management address. */
class ObservabilityDefaultsTest {

    private static MockEnvironment applied(MockEnvironment environment) {
        new ObservabilityDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void byDefaultLogsAreJsonAndNoTraceIsSampledOrExported() {
        MockEnvironment environment = applied(new MockEnvironment());

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(environment.getProperty("logging.structured.format.file")).isEqualTo("ecs");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.0");
        assertThat(environment.containsProperty("management.otlp.tracing.endpoint")).isFalse();
        assertThat(environment.containsProperty("management.server.address")).isFalse();
    }

    @Test
    void theTracingEndpointSwitchesTracesOnEverySampledUnlessToldOtherwise() {
        MockEnvironment on = applied(new MockEnvironment().withProperty("casestream.tracing.endpoint", "http://collector:4318/"));
        assertThat(on.getProperty("management.otlp.tracing.endpoint")).isEqualTo("http://collector:4318/v1/traces");
        assertThat(on.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");

        MockEnvironment some = applied(new MockEnvironment()
                .withProperty("casestream.tracing.endpoint", "http://collector:4318/v1/traces")
                .withProperty("casestream.tracing.sampling", "0.1"));
        assertThat(some.getProperty("management.otlp.tracing.endpoint")).isEqualTo("http://collector:4318/v1/traces");
        assertThat(some.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
    }

    @Test
    void humanLogsAndTheServicesOwnSettingsWin() {
        MockEnvironment human = applied(new MockEnvironment().withProperty("casestream.logging.format", "human"));
        assertThat(human.containsProperty("logging.structured.format.console")).isFalse();

        MockEnvironment own = applied(new MockEnvironment().withProperty("logging.structured.format.console", "logstash")
                .withProperty("management.tracing.sampling.probability", "0.5"));
        assertThat(own.getProperty("logging.structured.format.console")).isEqualTo("logstash");
        assertThat(own.getProperty("management.tracing.sampling.probability")).isEqualTo("0.5");
    }

    @Test
    void aManagementPortOfItsOwnListensOnTheAppsAddress() {
        assertThat(applied(new MockEnvironment().withProperty("management.server.port", "9081"))
                .getProperty("management.server.address")).isEqualTo("127.0.0.1");
        assertThat(applied(new MockEnvironment().withProperty("management.server.port", "9081")
                .withProperty("server.address", "0.0.0.0")).getProperty("management.server.address")).isEqualTo("0.0.0.0");
        assertThat(applied(new MockEnvironment().withProperty("management.server.port", "8081")
                .withProperty("server.port", "8081")).containsProperty("management.server.address"))
                .as("the same port as the app's: no management server of its own, no address").isFalse();
    }
}
