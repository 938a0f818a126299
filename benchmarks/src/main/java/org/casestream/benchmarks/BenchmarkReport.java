package org.casestream.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark's output: a table on standard output and the same figures as JSON. The only place
 * that prints; everything else logs.
 */
final class BenchmarkReport {

    /** Intake should reach at least this share of raw single-row insert throughput. */
    static final double GOAL_RATIO = 0.5;

    record Setup(String baseUrl, String jdbcUrl, Map<String, String> postgres, int warmupSeconds, int durationSeconds,
                 List<Integer> concurrency) {
    }

    record Figures(long operations, long errors, double perSecond, Double p50Ms, Double p99Ms, Double p999Ms, Double maxMs,
                   Map<String, Long> errorKinds) {

        static Figures of(StepResult step) {
            return new Figures(step.operations(), step.errors(), round(step.throughput()),
                    millis(step, 50), millis(step, 99), millis(step, 99.9),
                    step.operations() == 0 ? null : round(step.latencyMicros().getMaxValue() / 1000.0),
                    step.errorKinds());
        }

        private static Double millis(StepResult step, double percentile) {
            double value = step.percentileMillis(percentile);
            return Double.isNaN(value) ? null : round(value);
        }
    }

    record Row(int concurrency, Figures intake, Figures raw, Double intakeToRaw, boolean goalMet) {
    }

    record Machine(int nproc, String jvm, String os, List<Double> loadAverageStart, List<Double> loadAverageEnd) {
    }

    record Document(String benchmark, String startedAt, String finishedAt, String goal, Machine machine, Setup setup,
                    List<Row> results, String note) {
    }

    private static final String NOTE = "Closed loop; the load generator, the services, PostgreSQL and Kafka share this machine's CPUs.";

    private final Instant startedAt;
    private final MachineFacts machine;
    private final Setup setup;
    private final List<Row> rows = new ArrayList<>();

    BenchmarkReport(Instant startedAt, MachineFacts machine, Setup setup) {
        this.startedAt = startedAt;
        this.machine = machine;
        this.setup = setup;
    }

    void add(StepResult intake, StepResult raw) {
        Figures intakeFigures = Figures.of(intake);
        Figures rawFigures = Figures.of(raw);
        Double ratio = raw.throughput() > 0 ? round(intake.throughput() / raw.throughput()) : null;
        rows.add(new Row(intake.concurrency(), intakeFigures, rawFigures, ratio,
                ratio != null && ratio >= GOAL_RATIO && intake.errors() == 0));
    }

    Document finish(List<Double> loadAverageEnd) {
        return new Document("intake", startedAt.toString(), Instant.now().toString(),
                "intake cases/s >= " + GOAL_RATIO + " x raw PostgreSQL single-row INSERT+COMMIT/s at the same concurrency, with no errors",
                new Machine(machine.nproc(), machine.jvm(), machine.os(), machine.loadAverageStart(), loadAverageEnd),
                setup, List.copyOf(rows), NOTE);
    }

    static void print(Document document, PrintStream out) {
        out.println();
        out.println("Casestream intake benchmark, " + document.startedAt() + " .. " + document.finishedAt());
        out.printf(Locale.ROOT, "machine : nproc %d, %s, %s%n", document.machine().nproc(), document.machine().jvm(), document.machine().os());
        out.printf(Locale.ROOT, "load    : %s at start, %s at end (1/5/15 min)%n",
                loads(document.machine().loadAverageStart()), loads(document.machine().loadAverageEnd()));
        Setup setup = document.setup();
        out.printf(Locale.ROOT, "intake  : POST %s%s (role channel, unique Idempotency-Key), 201 expected%n", setup.baseUrl(), IntakeClient.PATH);
        out.printf(Locale.ROOT, "raw     : INSERT %d-byte row + COMMIT into %s on %s (PostgreSQL %s)%n",
                RawInsertClient.PAYLOAD_BYTES, RawInsertClient.TABLE, setup.jdbcUrl(),
                setup.postgres().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "steps   : %d s warm-up + %d s measured per step, closed loop%n", setup.warmupSeconds(), setup.durationSeconds());
        out.println("goal    : " + document.goal());
        out.println();
        out.println("clients |  intake/s   p50 ms   p99 ms  errors |   raw/s   p50 ms   p99 ms  errors | intake/raw  goal");
        out.println("--------+-------------------------------------+-----------------------------------+------------------");
        for (Row row : document.results()) {
            out.printf(Locale.ROOT, "%7d | %9.1f %8s %8s %7d | %7.1f %8s %8s %7d | %10s  %s%n",
                    row.concurrency(),
                    row.intake().perSecond(), ms(row.intake().p50Ms()), ms(row.intake().p99Ms()), row.intake().errors(),
                    row.raw().perSecond(), ms(row.raw().p50Ms()), ms(row.raw().p99Ms()), row.raw().errors(),
                    row.intakeToRaw() == null ? "-" : String.format(Locale.ROOT, "%.2f", row.intakeToRaw()),
                    row.goalMet() ? "met" : "MISSED");
            if (!row.intake().errorKinds().isEmpty()) {
                out.println("        | intake errors: " + row.intake().errorKinds());
            }
            if (!row.raw().errorKinds().isEmpty()) {
                out.println("        | raw errors: " + row.raw().errorKinds());
            }
        }
        out.println();
        out.println(document.note());
    }

    static void writeJson(Document document, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), document);
    }

    private static String ms(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String loads(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(" "));
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
