package org.casestream.localstack.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The client of a running infra's control (see {@link InfraControl}): found through the {@code infra.ready} file
 * of its home, so only a caller that may read that file can stop or start a part.
 */
public final class InfraParts {

    private static final Duration ANSWER_WITHIN = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    private InfraParts(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The control of the infra whose ready file is {@code readyFile}. */
    public static InfraParts of(Path readyFile) throws IOException {
        Map<String, String> ready = new HashMap<>();
        for (String line : Files.readAllLines(readyFile)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                ready.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        if (!ready.containsKey("control.port") || !ready.containsKey("control.token")) {
            throw new IOException(readyFile + " names no control port: is the infra older than this client?");
        }
        return new InfraParts(URI.create("http://127.0.0.1:" + ready.get("control.port")), ready.get("control.token"));
    }

    public void stop(LocalInfrastructure.Part part) throws IOException, InterruptedException {
        send(part, "stop");
    }

    public void start(LocalInfrastructure.Part part) throws IOException, InterruptedException {
        send(part, "start");
    }

    public void restart(LocalInfrastructure.Part part) throws IOException, InterruptedException {
        send(part, "restart");
    }

    private void send(LocalInfrastructure.Part part, String action) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/parts/" + part.name().toLowerCase(Locale.ROOT) + "/" + action))
                .timeout(ANSWER_WITHIN)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(action + " " + part + ": " + response.statusCode() + " " + response.body().strip());
        }
    }
}
