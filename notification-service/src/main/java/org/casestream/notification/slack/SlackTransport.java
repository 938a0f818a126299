package org.casestream.notification.slack;

import java.util.Map;
import org.casestream.notification.deliveries.Delivery;
import org.casestream.notification.deliveries.DeliveryChannel;
import org.casestream.notification.deliveries.DeliveryTransport;
import org.casestream.notification.deliveries.OutboundHttp;
import org.casestream.notification.deliveries.SendOutcome;
import org.casestream.notification.settings.SettingsStore;
import org.springframework.stereotype.Component;

/** Posts a Slack message to the team's incoming webhook, looked up (and decrypted) when it leaves. */
@Component
public class SlackTransport implements DeliveryTransport {

    private final SettingsStore settings;
    private final OutboundHttp http;

    public SlackTransport(SettingsStore settings, OutboundHttp http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.SLACK;
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        return settings.slackUrl(delivery.recipient())
                .map(url -> http.postJson(url, delivery.body(), Map.of()))
                .orElseGet(() -> SendOutcome.refused("no Slack webhook for team " + delivery.recipient()));
    }
}
