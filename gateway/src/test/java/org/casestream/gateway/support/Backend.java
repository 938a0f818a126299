package org.casestream.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free port standing in for one of the four services: it records every request it
 * receives and answers with JSON naming itself and what it got. {@code /api/stream} answers Server-Sent Events:
 * the first at once, the second only when the test releases it.
 */
public final class Backend {

    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile CountDownLatch secondEvent = new CountDownLatch(1);
    private volatile boolean secondEventSent;
    private volatile Duration delay = Duration.ZERO;

    private Backend(String name) throws IOException {
        this.name = name;
        listen(0);
    }

    private void listen(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Stops listening (connections are refused) until {@link #up()}. */
    public void down() {
        server.stop(0);
    }

    /** Answers every request but the stream only after {@code delay} (zero: at once). */
    public void slow(Duration delay) {
        this.delay = delay;
    }

    /** Listens again on the same port. */
    public void up() {
        try {
            listen(Integer.parseInt(url().substring(url().lastIndexOf(':') + 1)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Backend start(String name) {
        try {
            return new Backend(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url;

    public synchronized String url() {
        if (url == null) {
            url = "http://127.0.0.1:" + server.getAddress().getPort();
        }
        return url;
    }

    public String name() {
        return name;
    }

    /** The next request this backend received, waiting a little for it. */
    public Received next() throws InterruptedException {
        Received next = received.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError(name + " received no request");
        }
        return next;
    }

    public boolean receivedNothing() {
        return received.isEmpty();
    }

    public void clear() {
        received.clear();
    }

    public void resetStream() {
        secondEvent = new CountDownLatch(1);
        secondEventSent = false;
    }

    public void releaseSecondEvent() {
        secondEvent.countDown();
    }

    public boolean secondEventSent() {
        return secondEventSent;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach(headers::put);
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        received.add(new Received(exchange.getRequestMethod(), path, query, headers, body));
        try (exchange) {
            if (path.equals("/api/stream")) {
                stream(exchange);
            } else if (path.equals("/v3/api-docs")) {
                answer(exchange, Map.of("openapi", "3.0.1", "info", Map.of("title", name, "version", "1"),
                        "servers", List.of(Map.of("url", url()))));
            } else {
                pause(delay);
                answer(exchange, Map.of("backend", name, "method", exchange.getRequestMethod(), "path", path,
                        "query", query == null ? "" : query, "bodyLength", body.length()));
            }
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, Object json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("X-Correlation-Id", "backend-own-id");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("id: 1\nevent: case\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            // a buffering proxy would hold the first event until this times out and the stream ends
            secondEvent.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        secondEventSent = true;
        out.write("id: 2\nevent: case\ndata: second\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
