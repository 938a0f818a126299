package org.casestream.query.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.casestream.query.analytics.Analytics;
import org.casestream.query.analytics.AnalyticsBreakdowns;

/**
 * The analytics as CSV, one table per section (the tables the analytics page shows under its charts), written as
 * the case export writes its rows: RFC 4180 with a header line, each cell defused against spreadsheet formulas.
 * Durations are in seconds; medians and p90s are the upper bound of the histogram bucket that holds them.
 */
final class AnalyticsCsv {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    enum Section {
        DAILY("daily", "day", "opened", "resolved", "resolutionMeanSeconds", "resolutionMedianSecondsAtMost",
                "firstResponses", "firstResponseMeanSeconds", "firstResponseMedianSecondsAtMost",
                "firstResponseP90SecondsAtMost", "slaMet", "slaMissed", "slaCompliance", "csatCount", "csatMean",
                "firstContactResolvable", "firstContactResolved", "firstContactRate", "backlog"),
        RESOLUTION_TIMES("resolution-times", "upToSeconds", "resolved"),
        QUEUE_PRIORITY("queue-priority", "queue", "priority", "resolved", "meanSeconds", "medianSecondsAtMost",
                "p90SecondsAtMost"),
        AGENTS("agents", "agentId", "name", "capacity", "open", "resolved", "csatCount", "csatMean",
                "firstContactResolvable", "firstContactResolved", "firstContactRate"),
        AGENT_DAYS("agent-days", "day", "agentId", "name", "resolved"),
        CSAT_QUEUES("csat-queues", "queue", "count", "mean", "rating1", "rating2", "rating3", "rating4", "rating5");

        private final String wire;
        private final List<String> columns;

        Section(String wire, String... columns) {
            this.wire = wire;
            this.columns = List.of(columns);
        }

        String wire() {
            return wire;
        }

        /** Whether the section is read from the report per day rather than from the breakdowns. */
        boolean daily() {
            return this == DAILY;
        }

        /** The section of this name; null when there is none (no name means the daily figures). */
        static Section of(String name) {
            if (name == null || name.isBlank()) {
                return DAILY;
            }
            return Arrays.stream(values()).filter(section -> section.wire.equals(name.trim())).findFirst().orElse(null);
        }
    }

    static final String SECTION_NAMES = Arrays.stream(Section.values()).map(Section::wire)
            .collect(Collectors.joining(", "));

    private AnalyticsCsv() {
    }

    static String write(Section section, Analytics.Report report) {
        List<List<Object>> rows = new ArrayList<>();
        for (Analytics.Day day : report.days()) {
            Analytics.Figures figures = day.figures();
            rows.add(Arrays.<Object>asList(day.day(), figures.opened(), figures.resolution().count(),
                    figures.resolution().meanSeconds(), figures.resolution().medianSecondsAtMost(),
                    figures.firstResponse().count(), figures.firstResponse().meanSeconds(),
                    figures.firstResponse().medianSecondsAtMost(), figures.firstResponse().p90SecondsAtMost(),
                    figures.slaMet(), figures.slaMissed(), figures.slaCompliance(), figures.csatCount(),
                    figures.csatMean(), figures.firstContact().resolved(), figures.firstContact().firstContact(),
                    figures.firstContact().rate(), day.backlog()));
        }
        return csv(section, rows);
    }

    static String write(Section section, AnalyticsBreakdowns.Breakdowns breakdowns) {
        List<List<Object>> rows = new ArrayList<>();
        switch (section) {
            case DAILY -> throw new IllegalArgumentException("the daily figures come from the report");
            case RESOLUTION_TIMES -> breakdowns.resolutionDistribution()
                    .forEach(bucket -> rows.add(Arrays.<Object>asList(bucket.upToSeconds(), bucket.count())));
            case QUEUE_PRIORITY -> breakdowns.resolutionByQueueAndPriority().forEach(row -> rows.add(Arrays.<Object>asList(
                    row.queue(), row.priority(), row.resolution().count(), row.resolution().meanSeconds(),
                    row.resolution().medianSecondsAtMost(), row.resolution().p90SecondsAtMost())));
            case AGENTS -> breakdowns.agents().forEach(agent -> rows.add(Arrays.<Object>asList(agent.agentId(), agent.name(),
                    agent.capacity(), agent.open(), agent.resolved(), agent.csatCount(), agent.csatMean(),
                    agent.firstContact().resolved(), agent.firstContact().firstContact(), agent.firstContact().rate())));
            case AGENT_DAYS -> {
                for (int i = 0; i < breakdowns.days().size(); i++) {
                    for (AnalyticsBreakdowns.AgentFigures agent : breakdowns.agents()) {
                        rows.add(Arrays.<Object>asList(breakdowns.days().get(i), agent.agentId(), agent.name(),
                                agent.resolvedPerDay().get(i)));
                    }
                }
            }
            case CSAT_QUEUES -> breakdowns.csatByQueue().forEach(queue -> rows.add(Stream.<Object>concat(
                    Stream.of(queue.queue(), queue.count(), queue.mean()),
                    Stream.of(1, 2, 3, 4, 5).map(rating -> queue.ratings().getOrDefault(rating, 0L))).toList()));
        }
        return csv(section, rows);
    }

    /** The header line (also when there are no rows), then the rows, each cell defused. */
    private static String csv(Section section, List<List<Object>> rows) {
        CsvSchema schema = CsvSchema.builder().addColumns(section.columns, CsvSchema.ColumnType.STRING)
                .setUseHeader(false).setLineSeparator("\r\n").build();
        List<String[]> lines = new ArrayList<>();
        lines.add(section.columns.toArray(String[]::new));
        rows.forEach(row -> lines.add(row.stream()
                .map(value -> CaseExportController.defused(value == null ? "" : String.valueOf(value)))
                .toArray(String[]::new)));
        StringWriter text = new StringWriter();
        try (SequenceWriter writer = CSV.writerFor(String[].class).with(schema).writeValues(text)) {
            writer.writeAll(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
