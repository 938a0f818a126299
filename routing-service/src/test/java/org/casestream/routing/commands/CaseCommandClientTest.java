package org.casestream.routing.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.casestream.events.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What routing does with the command service's refusals, against a real HTTP server that answers as the command
 * service does: a write that lost its races (409 concurrent-update) is tried again, because the next try can win
 * (the drill lost decisions by dropping them); a rule the case's state forbids (409 rule-violation) is final.
 */
class CaseCommandClientTest {

    private final Deque<String> answers = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aCommandThatLostItsRacesIsTriedAgainUntilItApplies() throws IOException {
        answers.add(problem("concurrent-update"));
        answers.add(problem("concurrent-update"));
        CaseCommandClient client = clientOf(startServer());

        client.classify(UUID.randomUUID(), Queue.ORDERS, "rules", "decision-1");

        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void aCommandTheCasesStateForbidsIsRejectedAtOnce() throws IOException {
        answers.add(problem("rule-violation"));
        CaseCommandClient client = clientOf(startServer());

        assertThatThrownBy(() -> client.classify(UUID.randomUUID(), Queue.ORDERS, "rules", "decision-2"))
                .isInstanceOf(CommandRejected.class);
        assertThat(requests.get()).isEqualTo(1);
    }

    private static String problem(String type) {
        return "{\"type\":\"https://casestream.org/problems/" + type + "\",\"status\":409}";
    }

    private int startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            String refusal = answers.poll();
            byte[] body = (refusal == null ? "{}" : refusal).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", refusal == null ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(refusal == null ? 200 : 409, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static CaseCommandClient clientOf(int port) {
        CommandsProperties properties = new CommandsProperties("http://127.0.0.1:" + port, "http://127.0.0.1:1/oauth2/token",
                "routing-service", null, Duration.ofSeconds(2), Duration.ofSeconds(5), 4, Duration.ofMillis(10),
                Duration.ofSeconds(5));
        return new CaseCommandClient(properties, () -> "test-token");
    }
}
