package org.casestream.notification.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.casestream.events.EventCatalogue;
import org.casestream.events.json.EventJson;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.kafka.CloudEventsKafka;
import org.casestream.events.kafka.EventEnvelope;

/**
 * The body of a webhook delivery: the event as a structured-mode CloudEvent (JSON), the same attributes the
 * Kafka record carries in its headers. An internal note's body is left out: internal notes never leave the team.
 */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    public static String of(EventEnvelope envelope) {
        EventCatalogue.EventType type = EventCatalogue.of(envelope.event());
        JsonNode data = EventJson.mapper().valueToTree(envelope.event());
        if (envelope.event() instanceof CommentAdded comment && comment.internal() && data instanceof ObjectNode object) {
            object.remove("body");
            object.remove("attachments");
        }
        ObjectNode root = EventJson.mapper().createObjectNode()
                .put("specversion", "1.0")
                .put("id", envelope.eventId())
                .put("type", type.cloudEventType())
                .put("source", CloudEventsKafka.SOURCE.toString())
                .put("subject", envelope.subject())
                .put("time", envelope.time().toString())
                .put("datacontenttype", "application/json")
                .put(CloudEventsKafka.DATA_VERSION, type.version())
                .put(CloudEventsKafka.SEQUENCE, envelope.sequence());
        if (envelope.correlationId() != null) {
            root.put(CloudEventsKafka.CORRELATION_ID, envelope.correlationId());
        }
        root.set("data", data);
        return root.toString();
    }
}
