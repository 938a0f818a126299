package org.casestream.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Settings are checked when the gateway starts: a nonsense value stops it, naming the setting. */
class LoginPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LoginProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues("casestream.gateway.login.delay-step=250ms", "casestream.gateway.login.max-delay=4s",
                    "casestream.gateway.login.lock-duration=PT15M", "casestream.gateway.login.address-failures=20",
                    "casestream.gateway.login.address-window=PT10M");

    @Test
    void aLockThresholdOfZeroStopsTheStartNamingTheSetting() {
        gateway.withPropertyValues("casestream.gateway.login.max-failures=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("casestream.gateway.login")
                    .hasMessageContaining("maxFailures");
        });
    }

    @Test
    void sensibleSettingsStart() {
        gateway.withPropertyValues("casestream.gateway.login.max-failures=5")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(LoginProperties.class));
    }
}
