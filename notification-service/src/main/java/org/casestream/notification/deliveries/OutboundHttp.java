package org.casestream.notification.deliveries;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.casestream.notification.platform.NotificationProperties;
import org.casestream.notification.settings.SettingsStore;
import org.casestream.notification.settings.TargetGuard;
import org.springframework.stereotype.Component;

/**
 * The one way out over HTTP: the SSRF guard first (names can resolve differently than when they were
 * configured), no redirects (a redirect could lead past the guard), bounded connect and response times.
 */
@Component
public class OutboundHttp {

    private final HttpClient client;
    private final SettingsStore settings;
    private final NotificationProperties properties;

    public OutboundHttp(SettingsStore settings, NotificationProperties properties) {
        this.settings = settings;
        this.properties = properties;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.dispatch().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public SendOutcome postJson(String url, String body, Map<String, String> headers) {
        Optional<String> refusal = TargetGuard.refusal(url, settings.allowPrivateTargets());
        if (refusal.isPresent()) {
            return SendOutcome.refused("target refused: it " + refusal.get());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(properties.dispatch().requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "casestream-notification")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? SendOutcome.delivered(status)
                    : SendOutcome.failed(status, "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return SendOutcome.failed(null, "timed out");
        } catch (IOException e) {
            return SendOutcome.failed(null, "unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.failed(null, "interrupted");
        }
    }
}
