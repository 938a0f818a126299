package org.casestream.testkit;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Further instances of a service beside the one a Spring test runs: two instances, a restart, a fresh start. */
public final class Instances {

    private Instances() {
    }

    /**
     * Starts {@code application} on a free port with {@code properties}. They go in as command-line arguments:
     * properties set on the builder would lose to application.yml.
     */
    public static ConfigurableApplicationContext start(Class<?> application, Map<String, String> properties) {
        return start(properties, application);
    }

    /** As {@link #start(Class, Map)}, from several sources (the application and a test configuration, say). */
    public static ConfigurableApplicationContext start(Map<String, String> properties, Class<?>... sources) {
        Map<String, String> all = new HashMap<>(properties);
        all.putIfAbsent("server.port", "0");
        all.putIfAbsent("spring.jmx.enabled", "false");
        String[] arguments = all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(sources).run(arguments);
    }

    /** {@link TestInfrastructure#serviceProperties()} with {@code overrides} on top. */
    public static Map<String, String> onTestInfrastructure(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(TestInfrastructure.serviceProperties());
        all.putAll(overrides);
        return all;
    }

    public static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
