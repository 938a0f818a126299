package org.casestream.notification.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver on a free local port, as a webhook or Slack endpoint would be: it records every request
 * it answered with a 2xx (and counts the others), answers each path with the status set for it, and can be
 * stopped and started again on the same port.
 */
public final class Receiver implements AutoCloseable {

    public record Received(String path, Map<String, List<String>> headers, String body, int status) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final int port;
    private HttpServer server;

    public Receiver() {
        this.server = bind(0);
        this.port = server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public void answer(String path, int status) {
        statuses.put(path, status);
    }

    /** Every request to {@code path}, in arrival order, whatever it was answered. */
    public List<Received> requests(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    public List<Received> accepted(String path) {
        return requests(path).stream().filter(request -> request.status() / 100 == 2).toList();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Binds the same port again; a just-closed port can take a moment to be free. */
    public synchronized void start() {
        if (server == null) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (true) {
                try {
                    server = bind(port);
                    return;
                } catch (UncheckedIOException e) {
                    if (!(e.getCause() instanceof BindException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.onSpinWait();
                }
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private HttpServer bind(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
            created.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            created.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                String path = exchange.getRequestURI().getPath();
                int status = statuses.getOrDefault(path, 200);
                received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()),
                        new String(body, StandardCharsets.UTF_8), status));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
