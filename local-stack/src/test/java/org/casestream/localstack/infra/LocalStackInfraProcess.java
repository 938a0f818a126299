package org.casestream.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.casestream.localstack.LocalStack;

/** {@code LocalStack infra} in a child JVM, as the launcher script runs it. */
final class LocalStackInfraProcess {

    private final Path home;
    private final Path log;
    private final int postgresPort;
    private final int kafkaPort;
    private final int controllerPort;
    /** MongoDB, SMTP and IMAP come from the environment, as the launcher sets them: free ones here too. */
    private final Map<String, String> portsFromEnvironment;
    private Process process;

    LocalStackInfraProcess(Path home, int postgresPort, int kafkaPort, int controllerPort) {
        this.home = home;
        this.log = home.resolve("infra-test.log");
        this.postgresPort = postgresPort;
        this.kafkaPort = kafkaPort;
        this.controllerPort = controllerPort;
        try {
            this.portsFromEnvironment = Map.of(
                    "CASESTREAM_MONGO_PORT", String.valueOf(freePort()),
                    "CASESTREAM_SMTP_PORT", String.valueOf(freePort()),
                    "CASESTREAM_IMAP_PORT", String.valueOf(freePort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    Path readyFile() {
        return home.resolve("infra.ready");
    }

    void start(Duration readyWithin) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", classPath,
                LocalStack.class.getName(), "infra",
                "--home", home.toString(),
                "--pg-port", String.valueOf(postgresPort),
                "--kafka-port", String.valueOf(kafkaPort),
                "--kafka-controller-port", String.valueOf(controllerPort)));
        // A killed infra leaves its ready file behind; only one naming the new process counts.
        Files.deleteIfExists(readyFile());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(portsFromEnvironment);
        process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + readyWithin.toNanos();
        while (!isReady()) {
            if (!process.isAlive()) {
                throw new AssertionError("infra exited with " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                stopForcibly();
                throw new AssertionError("infra was not ready within " + readyWithin + ":\n" + logTail());
            }
            Thread.sleep(100);
        }
    }

    private boolean isReady() {
        try {
            return Files.readAllLines(readyFile(), StandardCharsets.UTF_8).contains("pid=" + process.pid());
        } catch (IOException e) {
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, as {@code ./casestream down} sends it; returns the exit code. */
    int stop(Duration within) throws Exception {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            stopForcibly();
            throw new AssertionError("infra did not stop within " + within + " of SIGTERM:\n" + logTail());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, PostgreSQL's daemon is left behind. */
    void stopForcibly() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
