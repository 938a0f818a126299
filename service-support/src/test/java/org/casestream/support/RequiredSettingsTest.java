package org.casestream.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class RequiredSettingsTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    @Test
    void aServiceWithoutItsDatabaseOrBrokerRefusesToStartNamingEachVariable() {
        StandardEnvironment environment = environment(Map.of(
                RequiredSettings.PROPERTY,
                "spring.datasource.url, spring.kafka.bootstrap-servers=KAFKA_BOOTSTRAP_SERVERS, mongo.uri=MONGODB_URI",
                "spring.datasource.url", "", "mongo.uri", "mongodb://db:27017"));

        assertThatThrownBy(() -> new RequiredSettings(environment).postProcessBeanFactory(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.datasource.url (SPRING_DATASOURCE_URL)")
                .hasMessageContaining("spring.kafka.bootstrap-servers (KAFKA_BOOTSTRAP_SERVERS)")
                .hasMessageNotContaining("mongo.uri")
                .hasMessageContaining("SPRING_PROFILES_ACTIVE=local");
    }

    @Test
    void everySettingGivenOrNoneRequiredStarts() {
        new RequiredSettings(environment(Map.of(RequiredSettings.PROPERTY, "a.b", "a.b", "x")))
                .postProcessBeanFactory(null);
        new RequiredSettings(environment(Map.of())).postProcessBeanFactory(null);
        assertThat(RequiredSettings.missing(environment(Map.of()))).isEmpty();
    }
}
