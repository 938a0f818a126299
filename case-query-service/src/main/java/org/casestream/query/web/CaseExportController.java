package org.casestream.query.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import org.casestream.events.json.EventJson;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.rebuild.ActiveReadModels;
import org.casestream.query.search.CaseIndex;
import org.casestream.query.search.ListRequest;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.casestream.query.cases.CaseSummary;

/**
 * Any filtered list as CSV or NDJSON, streamed from the index chunk by chunk: the whole result never sits in memory.
 * Each row is the case's summary (no description, comments or customer contact details).
 */
@RestController
public class CaseExportController {

    static final int CHUNK = 1000;
    static final List<String> COLUMNS = List.of("caseId", "caseNumber", "status", "priority", "queue", "channel", "tier",
            "customerId", "assignee", "tags", "openedAt", "updatedAt", "resolvedAt", "nextDue", "slaState", "subject");

    private final ActiveReadModels models;
    private final QueryProperties properties;
    private final ObjectMapper mapper = EventJson.mapper();

    public CaseExportController(ActiveReadModels models, QueryProperties properties) {
        this.models = models;
        this.properties = properties;
    }

    @Operation(summary = "The case list with the same filters and sort, every page of it, as CSV or NDJSON (streamed)")
    @GetMapping("/api/cases/export")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam MultiValueMap<String, String> query) {
        MultiValueMap<String, String> parameters = new org.springframework.util.LinkedMultiValueMap<>(query);
        String format = parameters.getFirst("format") == null ? "csv" : parameters.getFirst("format");
        if (!format.equals("csv") && !format.equals("ndjson")) {
            throw new InvalidRequest(List.of(new FieldError("format", "must be csv or ndjson")));
        }
        parameters.remove("format");
        parameters.remove("limit");
        parameters.remove("cursor");
        ListRequest request = ListRequest.parse(parameters);
        boolean csv = format.equals("csv");
        Instant now = Instant.now();
        CaseIndex index = models.current().index();
        StreamingResponseBody body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            if (csv) {
                writer.write(String.join(",", COLUMNS) + "\r\n");
            }
            try {
                index.forEach(request.query(), request.sort(), CHUNK, now, properties.slaAtRiskWindow(), summary -> {
                    try {
                        writer.write(csv ? csvRow(summary) : mapper.writeValueAsString(summary) + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cases." + format + "\"")
                .body(body);
    }

    static String csvRow(CaseSummary summary) {
        return List.of(summary.caseId(), summary.caseNumber(), summary.status().wire(), summary.priority().wire(),
                        summary.queue().wire(), summary.channel().wire(), summary.tier().wire(), summary.customerId(),
                        value(summary.assignee()), String.join("|", summary.tags()), summary.openedAt(),
                        summary.updatedAt(), value(summary.resolvedAt()), value(summary.nextDue()),
                        summary.slaState().wire(), summary.subject())
                .stream().map(value -> escape(String.valueOf(value))).collect(Collectors.joining(",")) + "\r\n";
    }

    private static Object value(Object value) {
        return value == null ? "" : value;
    }

    /**
     * What a spreadsheet may read as the start of a formula (OWASP's list: tab and carriage return too, which
     * spreadsheets skip before they look for one of the others).
     */
    static final String FORMULA_STARTS = "=+-@\t\r";

    /** RFC 4180 quoting, and a leading quote mark on text a spreadsheet would run as a formula. */
    static String escape(String value) {
        String safe = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
