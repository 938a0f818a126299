package org.casestream.notification.webhooks;

import java.time.Instant;
import java.util.Map;
import org.casestream.notification.deliveries.Delivery;
import org.casestream.notification.deliveries.DeliveryChannel;
import org.casestream.notification.deliveries.DeliveryTransport;
import org.casestream.notification.deliveries.OutboundHttp;
import org.casestream.notification.deliveries.SendOutcome;
import org.springframework.stereotype.Component;

/** Posts a webhook delivery, signed at the moment it leaves (so each attempt carries a fresh timestamp). */
@Component
public class WebhookTransport implements DeliveryTransport {

    private final WebhookSubscriptions subscriptions;
    private final OutboundHttp http;

    public WebhookTransport(WebhookSubscriptions subscriptions, OutboundHttp http) {
        this.subscriptions = subscriptions;
        this.http = http;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.WEBHOOK;
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        return subscriptions.target(delivery.subscriptionId())
                .map(target -> {
                    long timestamp = Instant.now().getEpochSecond();
                    return http.postJson(target.url(), delivery.body(), Map.of(
                            WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp),
                            WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(target.secret(), timestamp, delivery.body()),
                            WebhookSignature.DELIVERY_HEADER, delivery.id().toString(),
                            WebhookSignature.EVENT_HEADER, delivery.eventType()));
                })
                .orElseGet(() -> SendOutcome.refused("the subscription was deleted"));
    }
}
