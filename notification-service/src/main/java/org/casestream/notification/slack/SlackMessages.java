package org.casestream.notification.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.casestream.events.json.EventJson;
import org.casestream.notification.directory.CaseEntry;
import org.casestream.notification.rules.Trigger;
import org.springframework.stereotype.Component;

/**
 * Slack-compatible incoming-webhook payloads: a fallback {@code text} and Block Kit blocks with the case link.
 * They name the case by number, queue and priority only: a team channel has a wider audience than the case.
 */
@Component
public class SlackMessages {

    public String message(Trigger trigger, CaseEntry entry, String caseLink, String detail) {
        String headline = switch (trigger) {
            case CASE_OPENED -> "New case";
            case CRITICAL_CASE_OPENED -> ":rotating_light: Critical case opened";
            case CASE_ASSIGNED -> "Case assigned";
            case CUSTOMER_REPLY -> "Customer replied";
            case AGENT_REPLY -> "Agent replied";
            case CASE_DONE -> "Case done";
            case SLA_BREACHED -> ":warning: SLA breached";
            case CASE_ESCALATED -> ":arrow_double_up: Case escalated";
        };
        String summary = headline + ": " + entry.caseNumber() + " (" + entry.queue() + ", " + entry.priority() + ")"
                + (detail == null || detail.isBlank() ? "" : " " + detail);
        ObjectNode root = EventJson.mapper().createObjectNode();
        root.put("text", summary + " " + caseLink);
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn")
                .put("text", "*" + headline + "*: <" + caseLink + "|" + entry.caseNumber() + ">"
                        + (detail == null || detail.isBlank() ? "" : " " + detail));
        ArrayNode fields = section.putArray("fields");
        fields.addObject().put("type", "mrkdwn").put("text", "*Queue*\n" + entry.queue());
        fields.addObject().put("type", "mrkdwn").put("text", "*Priority*\n" + entry.priority());
        ObjectNode actions = blocks.addObject().put("type", "actions");
        ObjectNode button = actions.putArray("elements").addObject().put("type", "button").put("url", caseLink);
        button.putObject("text").put("type", "plain_text").put("text", "Open " + entry.caseNumber());
        return root.toString();
    }
}
