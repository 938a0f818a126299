package org.casestream.support.observability;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Logs and traces the same way in every service, each switched by one setting (and overridden by any service's own
 * {@code logging.*} or {@code management.*} settings, which come first):
 * <ul>
 * <li>{@code casestream.logging.format} ({@code CASESTREAM_LOG_FORMAT}): {@code ecs} (the default: one JSON object a
 * line, Elastic Common Schema, with {@code traceId}, {@code spanId} and {@code correlationId} from the MDC),
 * {@code logstash}, or {@code human} for Spring Boot's plain console format at an interactive terminal.</li>
 * <li>{@code casestream.tracing.endpoint} ({@code CASESTREAM_TRACING_ENDPOINT}): the OTLP/HTTP collector, e.g.
 * {@code http://localhost:4318}. Set, every trace is sampled ({@code casestream.tracing.sampling},
 * {@code CASESTREAM_TRACING_SAMPLING}, 1.0 unless given) and exported to {@code <endpoint>/v1/traces}; unset, none
 * is sampled and nothing is exported, yet trace ids still reach the logs and the other services.</li>
 * <li>A management port ({@code management.server.port}, {@code MANAGEMENT_SERVER_PORT}) listens on the app's
 * address ({@code server.address}), or on 127.0.0.1 where the app listens on every address: only the machine (or,
 * in containers, whose address is 0.0.0.0, the compose network) scrapes it.</li>
 * </ul>
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "casestreamObservabilityDefaults";
    private static final String TRACES_PATH = "/v1/traces";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        String format = environment.getProperty("casestream.logging.format", "ecs").trim().toLowerCase(Locale.ROOT);
        if (!format.equals("human") && !format.isEmpty()) {
            defaults.put("logging.structured.format.console", format);
            defaults.put("logging.structured.format.file", format);
        }
        // a port of its own as Spring Boot sees it (ManagementPortType.DIFFERENT): 0 (any free one), or another
        Integer managementPort = environment.getProperty("management.server.port", Integer.class);
        Integer serverPort = environment.getProperty("server.port", Integer.class, 8080);
        if (managementPort != null && (managementPort == 0 || managementPort > 0 && !managementPort.equals(serverPort))) {
            // the management port listens where the app does (127.0.0.1 unless SERVER_ADDRESS says otherwise)
            defaults.put("management.server.address", environment.getProperty("server.address", "127.0.0.1"));
        }
        String endpoint = environment.getProperty("casestream.tracing.endpoint");
        if (StringUtils.hasText(endpoint)) {
            endpoint = endpoint.trim();
            if (!endpoint.endsWith(TRACES_PATH)) {
                endpoint = (endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint) + TRACES_PATH;
            }
            defaults.put("management.otlp.tracing.endpoint", endpoint);
            defaults.put("management.tracing.sampling.probability",
                    environment.getProperty("casestream.tracing.sampling", "1.0"));
        } else {
            defaults.put("management.tracing.sampling.probability", "0.0");
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
