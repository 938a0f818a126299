package org.casestream.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A full service turns the next API request away at once with 503 problem+json and Retry-After, instead of
 * queueing it until the caller's timeout; a place freed admits the next; live streams and health are not counted.
 */
class LoadSheddingTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LoadShedding shedding = new LoadShedding(new LoadShedding.Settings(1, Duration.ofMillis(100)), mapper, meters);

    @Test
    void whenEveryPlaceIsTakenTheNextRequestIsServiceUnavailableAtOnce() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> call("/api/cases", () -> {
            working.countDown();
            await(finish);
        }));
        assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse turnedAway = call("/api/cases", () -> { });
        assertThat(turnedAway.getStatus()).isEqualTo(503);
        assertThat(turnedAway.getHeader("Retry-After")).isEqualTo("2");
        assertThat(turnedAway.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = mapper.readTree(turnedAway.getContentAsString());
        assertThat(problem.get("type").asText()).endsWith("/overloaded");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/cases");
        assertThat(meters.get("casestream.http.shed").counter().count()).isEqualTo(1);
        assertThat(call("/actuator/health", () -> { }).getStatus()).as("health is never shed").isEqualTo(200);
        assertThat(call("/api/stream", () -> { }).getStatus()).as("a live stream is never counted").isEqualTo(200);

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(call("/api/cases", () -> { }).getStatus()).as("the freed place admits the next").isEqualTo(200);
    }

    private MockHttpServletResponse call(String path, Runnable work) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            shedding.doFilter(request, response, new MockFilterChain() {
                @Override
                public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                    work.run();
                }
            });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return response;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
