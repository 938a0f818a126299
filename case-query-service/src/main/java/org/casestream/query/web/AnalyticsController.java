package org.casestream.query.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.casestream.events.Queue;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.rebuild.ActiveReadModels;
import org.casestream.query.rebuild.Projections;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.casestream.query.analytics.Analytics;

@RestController
public class AnalyticsController {

    static final int MAX_DAYS = 366;

    private final ActiveReadModels models;
    private final Projections projections;
    private final QueryProperties properties;

    public AnalyticsController(ActiveReadModels models, Projections projections, QueryProperties properties) {
        this.models = models;
        this.projections = projections;
        this.properties = properties;
    }

    @Operation(summary = "Volumes, first-response and resolution times (mean, median, p90), SLA compliance and CSAT "
            + "per day (UTC) and in total, optionally for one queue and one agent ('none': unassigned)")
    @GetMapping("/api/analytics")
    public Analytics.Report report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String queue, @RequestParam(required = false) String agent) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate end = day("to", to, today, errors);
        LocalDate start = day("from", from, end == null ? today.minusDays(29) : end.minusDays(29), errors);
        String queueName = null;
        if (queue != null) {
            try {
                queueName = Queue.of(queue).wire();
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("queue", "unknown queue '" + queue + "'"));
            }
        }
        if (agent != null && !agent.equals("none")) {
            try {
                UUID.fromString(agent);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("agent", "must be an agent id or none"));
            }
        }
        if (start != null && end != null && (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end))) {
            errors.add(new FieldError("from", "must be on or before 'to', at most " + MAX_DAYS + " days before it"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        int partitions = Math.max(properties.topicPartitions(),
                projections.live().appliedPositions().keySet().stream().mapToInt(p -> p + 1).max().orElse(0));
        return new Analytics(models.current().analytics()).report(start, end, queueName, agent, partitions);
    }

    private static LocalDate day(String field, String value, LocalDate fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date such as 2026-11-22"));
            return null;
        }
    }
}
