package org.casestream.support;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A service refuses to start without the settings production needs (its database, broker, the services it
 * calls), naming each missing one and its environment variable: a forgotten variable is a clear message at start,
 * not a connection to localhost at the first request. A service lists them in {@code casestream.required-settings}
 * as {@code property=VARIABLE} (the variable its application.yml reads; by default the property's relaxed name);
 * the {@code local} profile ({@code ./casestream up}) gives them their local defaults. Checked before any bean is
 * made (every property source, tests' included, is in place by then).
 */
public class RequiredSettings implements BeanFactoryPostProcessor {

    public static final String PROPERTY = "casestream.required-settings";

    private final ConfigurableEnvironment environment;

    public RequiredSettings(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> missing = missing(environment);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing settings: " + String.join(", ", missing)
                    + ". Set them, or start with the local profile (SPRING_PROFILES_ACTIVE=local) for the local stack's "
                    + "defaults.");
        }
    }

    /** Each required setting that has no value, as "name (ENVIRONMENT_VARIABLE)". */
    static List<String> missing(ConfigurableEnvironment environment) {
        List<String> required = Binder.get(environment).bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of());
        return required.stream().map(String::strip).filter(entry -> !entry.isEmpty())
                .filter(entry -> environment.getProperty(entry.split("=")[0].strip(), "").isBlank())
                .map(entry -> {
                    String[] parts = entry.split("=");
                    String name = parts[0].strip();
                    return name + " (" + (parts.length > 1 ? parts[1].strip() : variable(name)) + ")";
                })
                .toList();
    }

    private static String variable(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }
}
