package org.casestream.systemtests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One line of a service's log: a JSON object in the Elastic Common Schema (the services' format, as Spring Boot's
 * structured logging writes it: {@code log.level}, {@code process.thread.name}, {@code message}, and the MDC's
 * {@code traceId}, {@code spanId}, {@code correlationId}), or a plain line (the human format, anything else).
 */
public record LogLine(String text, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static LogLine parse(String text) {
        if (text.startsWith("{")) {
            try {
                return new LogLine(text, JSON.readTree(text));
            } catch (JsonProcessingException notJson) {
                // a plain line that starts with a brace
            }
        }
        return new LogLine(text, MissingNode.getInstance());
    }

    public boolean isJson() {
        return json.isObject();
    }

    /** ERROR, WARN, INFO, ...; for a plain line the first level word in it, else empty. */
    public String level() {
        if (isJson()) {
            return json.at("/log/level").asText("");
        }
        for (String level : new String[] {"ERROR", "WARN", "INFO", "DEBUG", "TRACE"}) {
            if (text.contains(" " + level + " ")) {
                return level;
            }
        }
        return "";
    }

    public String thread() {
        if (isJson()) {
            return json.at("/process/thread/name").asText("");
        }
        return text.contains("[           main]") ? "main" : "";
    }

    public String message() {
        return isJson() ? json.path("message").asText("") : text;
    }

    /** A field of the JSON line ({@code traceId}, {@code correlationId}, ...), or empty. */
    public String field(String name) {
        return json.path(name).asText("");
    }
}
