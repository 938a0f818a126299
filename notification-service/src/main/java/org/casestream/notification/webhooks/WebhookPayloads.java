package org.casestream.notification.webhooks;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.jackson.JsonFormat;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.json.EventJson;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;

/**
 * The body of a webhook delivery: the event as a structured-mode CloudEvent in JSON (written by the CloudEvents
 * SDK's JSON format), with the attributes the Kafka record carries in its headers but the actor. An internal
 * note's body and attachments are left out: internal notes never leave the team.
 */
public final class WebhookPayloads {

    private static final JsonFormat JSON = new JsonFormat();

    private WebhookPayloads() {
    }

    public static String of(EventEnvelope envelope) {
        JsonNode data = EventJson.mapper().valueToTree(envelope.event());
        if (envelope.event() instanceof CommentAdded comment && comment.internal() && data instanceof ObjectNode object) {
            object.remove("body");
            object.remove("attachments");
        }
        byte[] json = data.toString().getBytes(StandardCharsets.UTF_8);
        return new String(JSON.serialize(CloudEventsKafka.cloudEvent(envelope, json).build()), StandardCharsets.UTF_8);
    }
}
