package org.casestream.command.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.casestream.events.Availability;
import org.casestream.events.CaseStatus;
import org.casestream.events.DomainEvent;
import org.casestream.events.EventCatalogue;
import org.casestream.events.EventCatalogue.EventType;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.json.EventJson;
import org.casestream.events.versioning.EventVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard as it was at an instant, folded from the event store: every event up to that instant of the types
 * that change a figure ({@link DashboardFold#TYPES}), in log order, streamed from PostgreSQL a fetch at a time (a
 * cursor, so memory holds the fold, never the log). Comments, the bulk of the store's bytes, are not read.
 */
@Service
public class DashboardAsOf {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardAsOf.class);

    /** Rows per round trip of the cursor. */
    private static final int FETCH_SIZE = 2000;
    private static final String EVENTS = """
            SELECT payload_type, payload_revision, convert_from(payload, 'UTF8'), occurred
              FROM (SELECT global_index, payload_type, payload_revision, payload,
                           COALESCE(convert_from(meta_data, 'UTF8')::jsonb ->> 'occurredAt', time_stamp) AS occurred
                      FROM domain_event_entry
                     WHERE payload_type IN (:types)) events
             WHERE occurred::timestamptz <= :asOf
             ORDER BY global_index""";

    /** The live dashboard's shape ({@code GET /api/dashboard} of the query side), with the instant it shows. */
    public record View(Instant asOf, Instant generatedAt, Map<String, Long> byStatus, Map<String, Long> openByPriority,
                       Map<String, Map<String, Long>> byQueueAndStatus, Critical criticalOpen, SlaFigures sla,
                       List<AgentLoad> agents, List<DayVolume> volume) {
    }

    public record Critical(long count, List<CriticalCase> cases) {
    }

    /** A critical open case as it was: what the dashboard lists of it, its SLA state at the instant. */
    public record CriticalCase(UUID caseId, String caseNumber, String subject, CaseStatus status, Priority priority,
                               Queue queue, UUID assignee, Instant openedAt, Instant nextDue, String slaState) {
    }

    public record SlaFigures(long atRisk, long breached, Duration atRiskWindow) {
    }

    public record AgentLoad(String agentId, String name, Availability availability, int capacity, long load,
                            long resolvedToday) {
    }

    public record DayVolume(LocalDate day, long opened, long resolved) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final AsOfProperties properties;
    private final Map<String, EventType> types = DashboardFold.TYPES.stream()
            .collect(Collectors.toMap(Class::getName, EventCatalogue::of));

    public DashboardAsOf(DataSource dataSource, PlatformTransactionManager transactionManager,
                         AsOfProperties properties) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
    }

    /** The dashboard at {@code asOf}, which must not be in the future (the caller checks). */
    public View at(Instant asOf) {
        DashboardFold fold = fold(asOf);
        return fold.view(asOf, properties.slaAtRiskWindow(), Instant.now());
    }

    /** Every figure-changing event up to {@code asOf}, folded. */
    private DashboardFold fold(Instant asOf) {
        DashboardFold fold = new DashboardFold();
        long start = System.nanoTime();
        long[] events = {0};
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("types", types.keySet())
                .addValue("asOf", asOf.atOffset(ZoneOffset.UTC));
        // PostgreSQL streams a result set through a cursor only inside a transaction. The table is append-only, so
        // its primary key's order is the heap's: walking the index reads it in order, where sorting every payload
        // spilled to disk (and took a third longer). The payloads come as text: bytea would come hex-encoded
        readOnly.executeWithoutResult(status -> {
            jdbc.getJdbcTemplate().execute("SET LOCAL enable_sort = off");
            jdbc.query(EVENTS, parameters, (RowCallbackHandler) row -> {
                EventType type = types.get(row.getString(1));
                String revision = row.getString(2);
                int version = revision == null ? 1 : Integer.parseInt(revision);
                Instant at = Instant.parse(row.getString(4));
                fold.apply(decode(type, version, row.getString(3)), at);
                events[0]++;
            });
        });
        LOG.debug("dashboard as of an instant: {} events folded in {} ms", events[0],
                (System.nanoTime() - start) / 1_000_000);
        return fold;
    }

    /** Today's shape is read straight into its record; an older version goes through the catalogue's upcasters. */
    private static DomainEvent decode(EventType type, int version, String json) {
        if (version == type.version()) {
            try {
                return EventJson.mapper().readValue(json, type.javaType());
            } catch (IOException e) {
                throw new UncheckedIOException("stored " + type.name() + " not readable", e);
            }
        }
        return EventVersions.decode(type.name(), version, json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }
}
