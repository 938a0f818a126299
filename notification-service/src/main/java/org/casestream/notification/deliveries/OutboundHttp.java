package org.casestream.notification.deliveries;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Optional;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.casestream.notification.platform.NotificationProperties;
import org.casestream.notification.settings.TargetPolicy;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one way out over HTTP: the URL checked first (scheme, host, no credentials, https unless allowed
 * otherwise), then the SSRF guard where the connection is made (the address checked is the address connected to,
 * on a connection of its own for each delivery), no redirects (a redirect could lead past the guard), bounded
 * connect and response times.
 */
@Component
public class OutboundHttp implements DisposableBean {

    private final CloseableHttpClient client;
    private final TargetPolicy targets;

    @Autowired
    public OutboundHttp(TargetPolicy targets, NotificationProperties properties) {
        this(targets, properties.dispatch(), GuardedDnsResolver.system(targets::allowPrivateTargets));
    }

    OutboundHttp(TargetPolicy targets, NotificationProperties.Dispatch properties, GuardedDnsResolver resolver) {
        this.targets = targets;
        Timeout connect = Timeout.of(properties.connectTimeout());
        Timeout response = Timeout.of(properties.requestTimeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(response).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(response).build())
                // a new connection, so a new resolution and check, for every delivery: a pooled connection would
                // outlive the check it passed (a name rebound since, or private targets no longer allowed)
                .setConnectionReuseStrategy((request, answer, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("casestream-notification")
                .build();
    }

    public SendOutcome postJson(String url, String body, Map<String, String> headers) {
        Optional<String> refusal = targets.urlRefusal(url);
        if (refusal.isPresent()) {
            return SendOutcome.refused("target refused: it " + refusal.get());
        }
        HttpPost request = new HttpPost(url);
        request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        headers.forEach(request::setHeader);
        try {
            int status = client.execute(request, answer -> answer.getCode());
            return status >= 200 && status < 300 ? SendOutcome.delivered(status)
                    : SendOutcome.failed(status, "HTTP " + status);
        } catch (GuardedDnsResolver.RefusedTarget e) {
            return SendOutcome.refused("target refused: it " + e.getMessage().substring(e.getMessage().indexOf(' ') + 1));
        } catch (SocketTimeoutException e) {
            return SendOutcome.failed(null, "timed out");
        } catch (IOException e) {
            return SendOutcome.failed(null, "unreachable: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
