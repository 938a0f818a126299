package org.casestream.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.casestream.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/** Server-Sent Events pass through as the service sends them, not when its response ends. */
class StreamingIntegrationTest extends GatewayIntegrationTest {

    @Test
    void theFirstEventArrivesBeforeTheServiceSendsTheSecond() throws Exception {
        query.resetStream();
        String token = adminToken();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", "41")
                .GET().build();

        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(readUntilData(lines)).isEqualTo("data: first");
            assertThat(query.secondEventSent()).as("the first event came through while the service held the second")
                    .isFalse();
            query.releaseSecondEvent();
            assertThat(readUntilData(lines)).isEqualTo("data: second");
        }
        assertThat(query.next().header("Last-Event-ID")).isEqualTo("41");
    }

    private static String readUntilData(BufferedReader lines) throws Exception {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("data:")) {
                return line;
            }
        }
        return null;
    }
}
