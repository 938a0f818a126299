package org.casestream.query.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.casestream.events.json.EventJson;
import org.casestream.query.cases.CaseSummary;
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

/**
 * Any filtered list as CSV or NDJSON, streamed from the index chunk by chunk: the whole result never sits in memory.
 * Each row is the case's summary (no description, comments or customer contact details).
 */
@RestController
public class CaseExportController {

    static final int CHUNK = 1000;
    static final List<String> COLUMNS = List.of("caseId", "caseNumber", "status", "priority", "queue", "channel", "tier",
            "customerId", "assignee", "tags", "openedAt", "updatedAt", "resolvedAt", "nextDue", "slaState", "subject");

    /**
     * What a spreadsheet may read as the start of a formula (OWASP's list: tab and carriage return too, which
     * spreadsheets skip before they look for one of the others).
     */
    static final String FORMULA_STARTS = "=+-@\t\r";
    /** RFC 4180: a header line, CRLF line ends, a field quoted when it holds a comma, quote or line break. */
    static final ObjectWriter CSV_ROWS = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build().writerFor(String[].class)
            .with(CsvSchema.builder().addColumns(COLUMNS, CsvSchema.ColumnType.STRING).setUseHeader(true)
                    .setLineSeparator("\r\n").build());

    private final ActiveReadModels models;
    private final QueryProperties properties;
    private final ObjectMapper mapper = EventJson.mapper();

    public CaseExportController(ActiveReadModels models, QueryProperties properties) {
        this.models = models;
        this.properties = properties;
    }

    @Operation(operationId = "exportCases",
            summary = "The case list with the same filters and sort, every page of it, as CSV or NDJSON (streamed)")
    @GetMapping("/api/cases/export")
    @CaseListParameters(paged = false)
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "csv (RFC 4180, a header line) or ndjson (a JSON "
            + "case summary a line)", schema = @Schema(allowableValues = {"csv", "ndjson"}, defaultValue = "csv"))
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
            SequenceWriter rows = csv ? CSV_ROWS.writeValues(writer) : null;
            try {
                index.forEach(request.query(), request.sort(), CHUNK, now, properties.slaAtRiskWindow(), summary -> {
                    try {
                        if (csv) {
                            rows.write(csvRow(summary));
                        } else {
                            writer.write(mapper.writeValueAsString(summary) + "\n");
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (rows != null) {
                rows.flush();
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cases." + format + "\"")
                .body(body);
    }

    /** One row: the summary's columns, each cell defused. */
    static String[] csvRow(CaseSummary summary) {
        return Stream.of(summary.caseId(), summary.caseNumber(), summary.status().wire(), summary.priority().wire(),
                        summary.queue().wire(), summary.channel().wire(), summary.tier().wire(), summary.customerId(),
                        value(summary.assignee()), String.join("|", summary.tags()), summary.openedAt(),
                        summary.updatedAt(), value(summary.resolvedAt()), value(summary.nextDue()),
                        summary.slaState().wire(), summary.subject())
                .map(value -> defused(String.valueOf(value))).toArray(String[]::new);
    }

    private static Object value(Object value) {
        return value == null ? "" : value;
    }

    /** Text a spreadsheet would run as a formula, with a leading quote mark; quoting is the CSV writer's. */
    static String defused(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
