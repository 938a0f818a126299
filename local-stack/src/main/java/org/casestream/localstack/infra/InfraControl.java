package org.casestream.localstack.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops and starts one part of the running local infrastructure, for fault drills: {@code POST /parts/kafka/stop},
 * {@code POST /parts/mongo/start}, {@code POST /parts/postgres/restart}. Bound to loopback on a free port, and
 * every request must carry the token written with the port into {@code infra.ready} (readable by its owner only),
 * so only the user who started the stack can break it.
 */
final class InfraControl implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InfraControl.class);

    private final HttpServer server;
    private final String token;

    private InfraControl(HttpServer server, String token) {
        this.server = server;
        this.token = token;
    }

    static InfraControl start(LocalInfrastructure infrastructure) throws IOException {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        InfraControl control = new InfraControl(server, HexFormat.of().formatHex(secret));
        server.createContext("/parts/", exchange -> control.handle(exchange, infrastructure));
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "infra-control")));
        server.start();
        return control;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String token() {
        return token;
    }

    private void handle(HttpExchange exchange, LocalInfrastructure infrastructure) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "a token from infra.ready is required");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || path.length != 4) {
                answer(exchange, 404, "POST /parts/{postgres|kafka|mongo}/{stop|start|restart}");
                return;
            }
            LocalInfrastructure.Part part;
            try {
                part = LocalInfrastructure.Part.valueOf(path[2].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                answer(exchange, 404, "no part " + path[2]);
                return;
            }
            try {
                switch (path[3]) {
                    case "stop" -> infrastructure.stop(part);
                    case "start" -> infrastructure.start(part);
                    case "restart" -> {
                        infrastructure.stop(part);
                        infrastructure.start(part);
                    }
                    default -> {
                        answer(exchange, 404, "no action " + path[3]);
                        return;
                    }
                }
                answer(exchange, 200, part.name().toLowerCase(Locale.ROOT) + ": " + path[3] + " done");
            } catch (Exception e) {
                LOG.error("{} {} failed", path[3], part, e);
                answer(exchange, 500, path[3] + " failed: " + e);
            }
        }
    }

    private boolean authorised(String header) {
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        return header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
