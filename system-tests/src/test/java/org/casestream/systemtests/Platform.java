package org.casestream.systemtests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform, started once per test JVM exactly as a person starts it: {@code ./casestream up}, with a
 * fresh {@code CASESTREAM_HOME} under {@code system-tests/target/platform}, every port on a free one and the
 * admin's password set by the test. Stopped with {@code ./casestream down} when the last test class is done;
 * its logs stay under {@code target/platform/logs} for inspection. Everything else in the tests goes through
 * the gateway. Its services export their traces to an {@link OtlpReceiver} of the tests' own
 * ({@code CASESTREAM_TRACING_ENDPOINT}), so a test can follow a request across them.
 */
public final class Platform implements ExtensionContext.Store.CloseableResource {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    /** Every port the launcher lets us choose, so that this platform never meets one on the default ports. */
    static final List<String> PORT_VARIABLES = List.of(
            "CASESTREAM_GATEWAY_PORT", "CASESTREAM_COMMAND_PORT", "CASESTREAM_QUERY_PORT", "CASESTREAM_ROUTING_PORT",
            "CASESTREAM_NOTIFICATION_PORT", "CASESTREAM_PG_PORT", "CASESTREAM_KAFKA_PORT",
            "CASESTREAM_KAFKA_CONTROLLER_PORT", "CASESTREAM_MONGO_PORT", "CASESTREAM_SMTP_PORT", "CASESTREAM_IMAP_PORT",
            "CASESTREAM_GATEWAY_MANAGEMENT_PORT", "CASESTREAM_COMMAND_MANAGEMENT_PORT", "CASESTREAM_QUERY_MANAGEMENT_PORT",
            "CASESTREAM_ROUTING_MANAGEMENT_PORT", "CASESTREAM_NOTIFICATION_MANAGEMENT_PORT");

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(3);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final Path home;
    private final Map<String, Integer> ports;
    private final String adminPassword;
    private final GatewayClient gateway;
    private final OtlpReceiver traces;
    private final Customers customers = new Customers();
    private final Map<String, String> personTokens = new ConcurrentHashMap<>();
    private final Map<String, String> apiKeys = new ConcurrentHashMap<>();
    private final String runId = HexFormat.of().formatHex(RANDOM.generateSeed(3));
    private Duration upTime;
    private volatile String adminToken;
    private volatile Instant adminTokenAt = Instant.EPOCH;

    private Platform(Path root, Path home, Map<String, Integer> ports, String adminPassword, OtlpReceiver traces) {
        this.root = root;
        this.home = home;
        this.ports = ports;
        this.adminPassword = adminPassword;
        this.traces = traces;
        this.gateway = new GatewayClient(URI.create("http://localhost:" + ports.get("CASESTREAM_GATEWAY_PORT")));
    }

    static Platform start() {
        Path root = Path.of(System.getProperty("casestream.root", "..")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("casestream.systemtests.work", "target")).toAbsolutePath().normalize();
        Path home = work.resolve("platform");
        String password = "St-" + HexFormat.of().formatHex(RANDOM.generateSeed(12));
        OtlpReceiver traces = OtlpReceiver.start();
        Platform platform = new Platform(root, home, freePorts(PORT_VARIABLES.size()), password, traces);
        try {
            platform.up();
        } catch (RuntimeException e) {
            traces.close();
            throw e;
        }
        return platform;
    }

    private void up() {
        try {
            if (Files.isDirectory(home)) {
                // a previous run that died before its 'down' may have left parts running on this home
                launcher(DOWN_TIMEOUT, home.resolveSibling("launcher-down-previous.log"), "down");
                deleteTree(home);
            }
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant started = Instant.now();
        int exit = launcher(UP_TIMEOUT, launcherLog("up"), "up");
        upTime = Duration.between(started, Instant.now());
        if (exit != 0) {
            String output = tail(launcherLog("up"), 60);
            launcher(DOWN_TIMEOUT, launcherLog("down"), "down");
            throw new IllegalStateException("./casestream up failed (exit " + exit + "); its output ends with:\n" + output);
        }
        LOG.info("./casestream up took {} s (home {}, gateway {})",
                upTime.toSeconds(), home, gateway.baseUri());
        record("casestream-up-seconds", upTime.toMillis() / 1000.0);
    }

    /** Stops the platform with {@code ./casestream down}; its logs stay where they are. */
    @Override
    public void close() {
        int exit = launcher(DOWN_TIMEOUT, launcherLog("down"), "down");
        traces.close();
        if (exit != 0) {
            System.err.println("[system-tests] ./casestream down exited with " + exit + ":\n" + tail(launcherLog("down"), 40));
        }
    }

    /** Runs {@code ./casestream ARGS} with this platform's home, ports and admin password. */
    public int launcher(Duration timeout, Path output, String... args) {
        return launcher(timeout, output, Map.of(), args);
    }

    /** As {@link #launcher(Duration, Path, String...)}, with more environment (ports of second instances, say). */
    public int launcher(Duration timeout, Path output, Map<String, String> more, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("casestream").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Map<String, String> environment = builder.environment();
        // hermetic: nothing from the developer's shell points the launcher or a service elsewhere
        environment.keySet().removeIf(name -> name.startsWith("CASESTREAM_") || name.startsWith("SPRING_")
                || name.equals("KAFKA_BOOTSTRAP_SERVERS") || name.equals("MONGODB_URI") || name.equals("SERVER_PORT"));
        environment.putAll(environment());
        environment.putAll(more);
        try {
            Files.createDirectories(output.getParent());
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./casestream " + String.join(" ", args) + " did not finish within " + timeout);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The environment the launcher gets: this platform's home, ports and admin password. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CASESTREAM_HOME", home.toString());
        ports.forEach((name, port) -> environment.put(name, Integer.toString(port)));
        environment.put("CASESTREAM_ADMIN_PASSWORD", adminPassword);
        environment.put("CASESTREAM_SERVICE_TIMEOUT", "300");
        environment.put("CASESTREAM_TRACING_ENDPOINT", traces.endpoint());
        return environment;
    }

    /** Where one launcher command's output goes (beside the services' logs). */
    public Path launcherLog(String command) {
        return home.resolve("logs").resolve("launcher-" + command + ".log");
    }

    public GatewayClient gateway() {
        return gateway;
    }

    /** The collector the services export their traces to. */
    public OtlpReceiver traces() {
        return traces;
    }

    public Customers customers() {
        return customers;
    }

    public Path home() {
        return home;
    }

    public Path logDirectory() {
        return home.resolve("logs");
    }

    public Path root() {
        return root;
    }

    public int port(String variable) {
        Integer port = ports.get(variable);
        if (port == null) {
            throw new IllegalArgumentException("No port " + variable);
        }
        return port;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** A short id of this run, to keep names (users, keys) of one run apart from another's. */
    public String runId() {
        return runId;
    }

    /** The admin's access token from {@code POST /api/auth/login} (renewed well before it expires). */
    public String adminToken() {
        if (adminToken == null || adminTokenAt.isBefore(Instant.now().minus(Duration.ofMinutes(5)))) {
            adminToken = gateway.login("admin", adminPassword);
            adminTokenAt = Instant.now();
        }
        return adminToken;
    }

    public GatewayClient.Bearer admin() {
        return new GatewayClient.Bearer(adminToken());
    }

    /**
     * A person with exactly one role, created once through the admin API ({@code POST /api/admin/users}), and
     * their access token from logging in as them.
     */
    public GatewayClient.Bearer person(String role) {
        if (role.equals("admin")) {
            return admin();
        }
        String token = personTokens.computeIfAbsent(role, r -> {
            String username = "st-" + r + "-" + runId;
            String password = "Pw-" + HexFormat.of().formatHex(RANDOM.generateSeed(12));
            GatewayClient.Response created = gateway.post("/api/admin/users", admin(), Map.of(
                    "username", username, "displayName", "System test " + r, "password", password, "roles", List.of(r)));
            created.expect(201);
            return gateway.login(username, password);
        });
        return new GatewayClient.Bearer(token);
    }

    /** An API key for a channel, created once through {@code POST /api/admin/api-keys}. */
    public GatewayClient.ApiKey apiKey(String channel) {
        return new GatewayClient.ApiKey(apiKeys.computeIfAbsent(channel, c -> {
            GatewayClient.Response created = gateway.post("/api/admin/api-keys", admin(),
                    Map.of("name", "system-test-" + c + "-" + runId, "channel", c));
            JsonNode body = created.expect(201).json();
            return body.path("key").asText();
        }));
    }

    /** Appends a figure of this run to {@code target/system-tests-figures.txt}. */
    public void record(String name, double value) {
        Path figures = home.resolveSibling("system-tests-figures.txt");
        try {
            Files.writeString(figures, Instant.now() + " " + name + " " + value + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services whose health a failed test reports: their port variable, by log name. */
    static final Map<String, String> SERVICES = Map.of(
            "case-command-service", "CASESTREAM_COMMAND_PORT", "routing-service", "CASESTREAM_ROUTING_PORT",
            "case-query-service", "CASESTREAM_QUERY_PORT", "notification-service", "CASESTREAM_NOTIFICATION_PORT",
            "gateway", "CASESTREAM_GATEWAY_PORT");

    /** A service's app port, by log name. */
    public int appPort(String service) {
        return port(SERVICES.get(service));
    }

    /** A service's management (actuator) port, by log name. */
    public int managementPort(String service) {
        return port(SERVICES.get(service).replace("_PORT", "_MANAGEMENT_PORT"));
    }

    /** A service's Prometheus scrape, as Prometheus reads it: from its management port, without a token. */
    public String prometheus(String service) {
        GatewayClient direct = new GatewayClient(URI.create("http://localhost:" + managementPort(service)));
        return direct.get("/actuator/prometheus", GatewayClient.Anonymous.NONE).expect(200).body();
    }

    /**
     * What a failed test prints, so that a failure on a machine nobody can log in to explains itself: each
     * service's own gauges (publisher and projection lag), its consumers' lag and rebalances, and its last
     * warnings and errors.
     */
    public String diagnosis() {
        StringBuilder report = new StringBuilder("Platform diagnosis at ").append(Instant.now()).append('\n');
        SERVICES.forEach((service, portVariable) -> {
            report.append("== ").append(service).append('\n');
            try {
                prometheus(service).lines().filter(line -> (line.startsWith("casestream_") && !line.contains("_bucket"))
                                || line.startsWith("kafka_consumer_fetch_manager_records_lag_max")
                                || line.startsWith("kafka_consumer_coordinator_assigned_partitions")
                                || line.startsWith("kafka_consumer_coordinator_rebalance_total"))
                        .limit(40).forEach(line -> report.append("  ").append(line).append('\n'));
            } catch (RuntimeException e) {
                report.append("  metrics unavailable: ").append(e).append('\n');
            }
            try (Stream<String> lines = Files.lines(logDirectory().resolve(service + ".log"), StandardCharsets.UTF_8)) {
                // warnings at start-up (deprecations and the like) are not what a failed test needs
                List<String> warnings = lines.map(LogLine::parse).filter(line -> line.level().equals("ERROR")
                        || line.level().equals("WARN") && !line.thread().equals("main")).map(LogLine::text).toList();
                warnings.subList(Math.max(0, warnings.size() - 15), warnings.size())
                        .forEach(line -> report.append("  ").append(abbreviate(line)).append('\n'));
            } catch (IOException | UncheckedIOException e) {
                report.append("  log unreadable: ").append(e).append('\n');
            }
        });
        return report.toString();
    }

    private static String abbreviate(String line) {
        return line.length() <= 400 ? line : line.substring(0, 400) + "…";
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Distinct free ports, all held open until every one is found so none is handed out twice. */
    static Map<String, Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                socket.setReuseAddress(true);
                sockets.add(socket);
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                ports.put(PORT_VARIABLES.get(i), sockets.get(i).getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // only a probe
                }
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
