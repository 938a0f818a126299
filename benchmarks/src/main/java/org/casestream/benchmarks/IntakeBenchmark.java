package org.casestream.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import org.casestream.localstack.jwt.LocalJwtIssuer;
import org.casestream.localstack.jwt.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Intake throughput and latency over HTTP against raw PostgreSQL inserts on the same database, at
 * each concurrency, in one run against the running stack ({@code ./casestream bench}). Not a test.
 */
@Command(name = "intake-benchmark", mixinStandardHelpOptions = true,
        description = {"Measures POST /api/intake/tickets against single-row INSERT+COMMIT on the same PostgreSQL.",
                "Goal: intake >= 0.5 x raw throughput at every concurrency."})
public final class IntakeBenchmark implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeBenchmark.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--base-url", defaultValue = "http://localhost:8081", description = "Command service URL (default: ${DEFAULT-VALUE}).")
    private URI baseUrl;

    @Option(names = "--jdbc-url", defaultValue = "jdbc:postgresql://localhost:5432/casestream", description = "PostgreSQL the service uses (default: ${DEFAULT-VALUE}).")
    private String jdbcUrl;

    @Option(names = "--user", defaultValue = "postgres", description = "Database user (default: ${DEFAULT-VALUE}).")
    private String user;

    @Option(names = "--password", defaultValue = "", description = "Database password (default: none).")
    private String password;

    @Option(names = "--duration", defaultValue = "15", paramLabel = "SECONDS", description = "Measured seconds per step (default: ${DEFAULT-VALUE}).")
    private int durationSeconds;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "SECONDS", description = "Warm-up seconds per step, not measured (default: ${DEFAULT-VALUE}).")
    private int warmupSeconds;

    @Option(names = "--concurrency", defaultValue = "1,8,32", split = ",", paramLabel = "N", description = "Client counts (default: ${DEFAULT-VALUE}).")
    private List<Integer> concurrency;

    @Option(names = "--home", defaultValue = "${env:CASESTREAM_HOME:-.casestream}", paramLabel = "DIR",
            description = "Where the local JWT key is (default: $CASESTREAM_HOME, else ./.casestream).")
    private Path home;

    @Option(names = "--output", defaultValue = "benchmarks/target/intake-benchmark.json", paramLabel = "FILE",
            description = "JSON results (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Option(names = "--request-timeout", defaultValue = "30", paramLabel = "SECONDS", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    private int requestTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (durationSeconds <= 0 || warmupSeconds < 0 || concurrency.isEmpty() || concurrency.stream().anyMatch(c -> c <= 0)) {
            throw new ParameterException(spec.commandLine(), "--duration must be positive, --warmup not negative, --concurrency positive");
        }
        Instant startedAt = Instant.now();
        MachineFacts machine = MachineFacts.capture();
        DatabaseTarget database = new DatabaseTarget(jdbcUrl, user, password);
        Map<String, String> postgres = database.settings();
        Duration requestTimeout = Duration.ofSeconds(requestTimeoutSeconds);
        long runSeconds = (long) concurrency.size() * 2 * (warmupSeconds + durationSeconds);
        String token = LocalJwtIssuer.forHome(home).mint(Role.CHANNEL, "intake-benchmark",
                Duration.ofSeconds(Math.max(3600, runSeconds * 2)));
        String runId = UUID.randomUUID().toString().substring(0, 8);
        AtomicLong sequence = new AtomicLong();
        HttpClient http = IntakeClient.newHttpClient();

        if (!probeIntake(new IntakeClient(http, baseUrl, token, requestTimeout, "bench-" + runId + "-probe", sequence))) {
            return 2;
        }
        BenchmarkReport report = new BenchmarkReport(startedAt, machine, new BenchmarkReport.Setup(
                baseUrl.toString(), jdbcUrl, postgres, warmupSeconds, durationSeconds, List.copyOf(concurrency)));
        ClosedLoopRunner runner = new ClosedLoopRunner(Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds));
        LOG.info("Run {}: about {} s in all", runId, runSeconds);
        RawInsertClient.createTable(database);
        try {
            for (int clients : concurrency) {
                StepResult intake = runner.run("intake", clients,
                        index -> new IntakeClient(http, baseUrl, token, requestTimeout, "bench-" + runId + "-" + clients, sequence));
                StepResult raw = runner.run("raw-insert", clients, index -> RawInsertClient.connect(database));
                report.add(intake, raw);
                LOG.info("{} client(s): intake {} /s, raw {} /s", clients,
                        Math.round(intake.throughput()), Math.round(raw.throughput()));
            }
        } finally {
            RawInsertClient.dropTable(database);
        }
        BenchmarkReport.Document document = report.finish(MachineFacts.loadAverage());
        BenchmarkReport.print(document, System.out);
        BenchmarkReport.writeJson(document, output);
        LOG.info("Results written to {}", output.toAbsolutePath());
        return 0;
    }

    /** One request before any load: a wrong token, URL or a service that is down should not cost a whole run. */
    private static boolean probeIntake(IntakeClient client) {
        try {
            HttpResponse<String> response = client.send();
            if (response.statusCode() == 201) {
                return true;
            }
            LOG.error("The probe intake request got HTTP {} instead of 201: {}", response.statusCode(), IntakeClient.excerpt(response.body()));
            if (response.statusCode() == 401) {
                LOG.error("Is the service verifying tokens with the public key in this --home? (CASESTREAM_JWT_PUBLIC_KEY)");
            }
        } catch (Exception e) {
            LOG.error("The probe intake request failed: {}", e.toString());
        }
        return false;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new IntakeBenchmark()).execute(args));
    }
}
