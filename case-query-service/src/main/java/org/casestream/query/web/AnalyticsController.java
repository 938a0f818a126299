package org.casestream.query.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.casestream.events.Queue;
import org.casestream.query.analytics.Analytics;
import org.casestream.query.analytics.AnalyticsBreakdowns;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.projection.ReadModels;
import org.casestream.query.rebuild.ActiveReadModels;
import org.casestream.query.rebuild.Projections;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analytics from the counters the projection keeps (nothing scans the cases): the report per day for everyone who
 * reads cases; the breakdowns by queue, priority and agent, and every figure as CSV, for leads, managers and admins.
 */
@RestController
public class AnalyticsController {

    private static final String FROM = "The first day (UTC, inclusive): 29 days before 'to' when not given, at most "
            + AnalyticsController.MAX_DAYS + " days before it";
    private static final String TO = "The last day (UTC, inclusive): today when not given";
    private static final String QUEUE = "Only this queue";
    private static final String AGENT = "Only this agent (an agent id), or none: unassigned cases";

    static final int MAX_DAYS = 366;

    private final ActiveReadModels models;
    private final Projections projections;
    private final QueryProperties properties;

    public AnalyticsController(ActiveReadModels models, Projections projections, QueryProperties properties) {
        this.models = models;
        this.projections = projections;
        this.properties = properties;
    }

    /** The days, queue and agent asked for, checked: every bad one named in one 400. */
    record Range(LocalDate from, LocalDate to, String queue, String agent, LocalDate today) {
    }

    @Operation(summary = "Volumes, first-response and resolution times (mean, median, p90), SLA compliance, CSAT and "
            + "first-contact resolution per day (UTC) and in total, and the backlog (cases open) at the end of each "
            + "day; optionally for one queue and one agent ('none': unassigned)")
    @GetMapping("/api/analytics")
    public Analytics.Report report(
            @Parameter(description = FROM, schema = @Schema(type = "string", format = "date"))
            @RequestParam(required = false) String from,
            @Parameter(description = TO, schema = @Schema(type = "string", format = "date"))
            @RequestParam(required = false) String to,
            @Parameter(description = QUEUE, schema = @Schema(type = "string", maxLength = 100))
            @RequestParam(required = false) String queue,
            @Parameter(description = AGENT, schema = @Schema(type = "string"))
            @RequestParam(required = false) String agent) {
        Range range = range(from, to, queue, agent, List.of());
        return report(range, models.current());
    }

    @Operation(summary = "Leads, managers, admins: resolution time distribution, resolution times per queue and "
            + "priority, each agent's throughput per day, load, CSAT and first-contact resolution, CSAT per queue")
    @GetMapping("/api/analytics/breakdowns")
    public AnalyticsBreakdowns.Breakdowns breakdowns(
            @Parameter(description = FROM, schema = @Schema(type = "string", format = "date"))
            @RequestParam(required = false) String from,
            @Parameter(description = TO, schema = @Schema(type = "string", format = "date"))
            @RequestParam(required = false) String to,
            @Parameter(description = QUEUE, schema = @Schema(type = "string", maxLength = 100))
            @RequestParam(required = false) String queue) {
        Range range = range(from, to, queue, null, List.of());
        return breakdowns(range, models.current());
    }

    @Operation(operationId = "exportAnalytics",
            summary = "Leads, managers, admins: one section of the analytics as CSV (daily, resolution-times, "
            + "queue-priority, agents, agent-days, csat-queues; daily unless said), with the same days and queue")
    @GetMapping("/api/analytics/export")
    public ResponseEntity<String> export(
            @Parameter(description = "The section, daily unless said",
                    schema = @Schema(allowableValues = {"daily", "resolution-times", "queue-priority", "agents",
                            "agent-days", "csat-queues"}, defaultValue = "daily"))
            @RequestParam(required = false) String section,
            @Parameter(schema = @Schema(allowableValues = "csv", defaultValue = "csv"))
            @RequestParam(required = false) String format,
            @Parameter(description = FROM, schema = @Schema(type = "string", format = "date"))
            @RequestParam(required = false) String from,
            @Parameter(description = TO, schema = @Schema(type = "string", format = "date"))
            @RequestParam(required = false) String to,
            @Parameter(description = QUEUE, schema = @Schema(type = "string", maxLength = 100))
            @RequestParam(required = false) String queue) {
        List<FieldError> errors = new ArrayList<>();
        AnalyticsCsv.Section chosen = AnalyticsCsv.Section.of(section);
        if (chosen == null) {
            errors.add(new FieldError("section", "must be one of " + AnalyticsCsv.SECTION_NAMES));
        }
        if (format != null && !format.equals("csv")) {
            errors.add(new FieldError("format", "must be csv"));
        }
        Range range = range(from, to, queue, null, errors);
        ReadModels current = models.current();
        String csv = chosen.daily() ? AnalyticsCsv.write(chosen, report(range, current))
                : AnalyticsCsv.write(chosen, breakdowns(range, current));
        String name = "analytics-" + chosen.wire() + "-" + range.from() + "-" + range.to()
                + (range.queue() == null ? "" : "-" + range.queue().toLowerCase()) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(csv);
    }

    private Analytics.Report report(Range range, ReadModels current) {
        return new Analytics(current.analytics()).report(range.from(), range.to(), range.queue(), range.agent(),
                partitions(), range.today());
    }

    private AnalyticsBreakdowns.Breakdowns breakdowns(Range range, ReadModels current) {
        return new AnalyticsBreakdowns(current.analytics()).read(range.from(), range.to(), range.queue(), partitions(),
                current.agents().all());
    }

    private int partitions() {
        return Math.max(properties.topicPartitions(),
                projections.live().appliedPositions().keySet().stream().mapToInt(p -> p + 1).max().orElse(0));
    }

    /** Parses the filters; throws one 400 naming these {@code errors} and every bad filter. */
    private static Range range(String from, String to, String queue, String agent, List<FieldError> earlier) {
        List<FieldError> errors = new ArrayList<>(earlier);
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
        return new Range(start, end, queueName, agent, today);
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
