package org.casestream.notification.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casestream.events.CaseStatus;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Tier;
import org.casestream.events.cases.CaseCustomerChanged;
import org.casestream.events.cases.CaseSubjectChanged;
import org.casestream.events.json.EventJson;
import org.casestream.localstack.jwt.Role;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.notification.support.CaseScript;
import org.casestream.notification.support.IntegrationTest;
import org.casestream.notification.support.Receiver;
import org.junit.jupiter.api.Test;

/** Each default rule sends what it should and nothing else; admins' changes to the rules are obeyed. */
class WhoGetsWhatIntegrationTest extends IntegrationTest {

    @Test
    void anImportedCasesHistoryTellsNobodyAgain() {
        UUID agentId = UUID.randomUUID();
        String agentEmail = "agent-" + agentId.toString().substring(0, 8) + "@example.com";
        CaseScript script = new CaseScript().imported();
        List<EventEnvelope> history = List.of(script.opened(Priority.CRITICAL), script.assigned(agentId),
                script.agentReply(agentId, "Fixed on our side"),
                script.status(CaseStatus.NEW, CaseStatus.DONE));
        publish(CaseScript.agentRegistered(agentId, agentEmail));
        publish(history.toArray(EventEnvelope[]::new));

        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id IN (?, ?, ?, ?)")
                .params(history.stream().map(EventEnvelope::eventId).toArray()).query(Long.class).single() == 4);
        assertThat(notificationsOf(script.caseId)).isEmpty();
        assertThat(mailsTo(script.customerEmail)).isEmpty();
        assertThat(mailsTo(agentEmail)).isEmpty();
        assertThat(RECEIVER.requests(SLACK_PATH)).noneMatch(request -> request.body().contains(script.caseNumber));
    }

    @Test
    void customerAgentAndNobodyElseGetTheirMailsAndNoInternalNoteEverReachesTheCustomer() {
        UUID agentId = UUID.randomUUID();
        String agentEmail = "agent-" + agentId.toString().substring(0, 8) + "@example.com";
        CaseScript script = new CaseScript();
        publish(CaseScript.agentRegistered(agentId, agentEmail),
                script.opened(Priority.MEDIUM),
                script.assigned(agentId),
                script.customerReply("My phone number is 555-0100"),
                script.agentReply(agentId, "Please try the new reset link"),
                script.internalNote(agentId, "SECRET-NOTE the customer's account looks compromised"),
                script.status(CaseStatus.NEW, CaseStatus.IN_PROGRESS),
                script.status(CaseStatus.IN_PROGRESS, CaseStatus.DONE));

        awaitMails(script.customerEmail, 3);
        awaitMails(agentEmail, 2);
        // the internal note came before "done", and one case's events are handled in order: once the done mail is
        // recorded, the note has long been handled; the delivery log must show every delivery sent
        await().atMost(WAIT).until(() -> notificationsOf(script.caseId).stream()
                .allMatch(entry -> "sent".equals(entry.get("status"))) && notificationsOf(script.caseId).size() == 5);

        List<MimeMessage> toCustomer = mailsTo(script.customerEmail);
        assertThat(toCustomer).extracting(IntegrationTest::subject).containsExactly(
                "[" + script.caseNumber + "] We received your request: Cannot log in",
                "[" + script.caseNumber + "] New reply to your request: Cannot log in",
                "[" + script.caseNumber + "] Your request is resolved: Cannot log in");
        assertThat(text(toCustomer.get(0))).contains("Ada Lovelace", script.caseNumber);
        assertThat(text(toCustomer.get(1))).contains("Please try the new reset link");
        assertThat(toCustomer).allSatisfy(mail -> assertThat(text(mail)).doesNotContain("SECRET-NOTE"));
        // a delivery sent again after a crash is the same message to the receiver: its Message-ID is the delivery's
        assertThat(toCustomer).allSatisfy(mail -> assertThat(mail.getMessageID())
                .isEqualTo("<delivery-" + mail.getHeader("X-Casestream-Delivery")[0] + "@casestream>"));

        List<MimeMessage> toAgent = mailsTo(agentEmail);
        assertThat(toAgent).extracting(IntegrationTest::subject).containsExactly(
                "[" + script.caseNumber + "] Assigned to you: Cannot log in",
                "[" + script.caseNumber + "] Customer replied: Cannot log in");
        assertThat(text(toAgent.get(1))).contains("My phone number is 555-0100");
        assertThat(toAgent).allSatisfy(mail -> assertThat(text(mail)).doesNotContain("SECRET-NOTE"));

        // not critical, no breach, no escalation: neither the leads nor the team channel hear of it
        assertThat(subjectsTo(LEAD)).noneMatch(subject -> subject.contains(script.caseNumber));
        assertThat(RECEIVER.requests(SLACK_PATH)).noneMatch(request -> request.body().contains(script.caseNumber));

        List<Map<String, Object>> log = notificationsOf(script.caseId);
        assertThat(log).extracting(entry -> entry.get("recipient")).containsExactly(script.customerEmail,
                agentEmail, agentEmail, script.customerEmail, script.customerEmail);
        assertThat(log).allSatisfy(entry -> {
            assertThat(entry).containsEntry("channel", "email").containsEntry("attempts", 1)
                    .containsEntry("caseId", script.caseId.toString());
            assertThat(entry.get("at")).isNotNull();
            assertThat((List<?>) entry.get("history")).hasSize(1);
        });
    }

    @Test
    void aCaseMovedToAnotherCustomerWritesToThemUnderItsNewSubject() {
        CaseScript script = new CaseScript();
        String newEmail = "moved-" + script.caseId.toString().substring(0, 8) + "@example.com";
        UUID agentId = UUID.randomUUID();
        publish(script.opened(Priority.MEDIUM),
                script.then(new CaseSubjectChanged(script.caseId, "Locked out of my account", "Cannot log in")),
                script.then(new CaseCustomerChanged(script.caseId,
                        new Customer("cust-moved", "Ada King", newEmail, Tier.GOLD),
                        new Customer("cust-" + script.caseId, "Ada Lovelace", script.customerEmail, Tier.GOLD))),
                script.agentReply(agentId, "Here is what to do"));

        awaitMails(newEmail, 1);
        assertThat(subjectsTo(newEmail)).containsExactly(
                "[" + script.caseNumber + "] New reply to your request: Locked out of my account");
        assertThat(subjectsTo(script.customerEmail)).as("only the acknowledgement, before the move").containsExactly(
                "[" + script.caseNumber + "] We received your request: Cannot log in");
    }

    @Test
    void criticalCasesBreachesAndEscalationsReachTheLeadsAndTheTeamChannel() {
        CaseScript script = new CaseScript();
        publish(script.opened(Priority.CRITICAL), script.slaBreached(), script.escalated(1));

        awaitMails(LEAD, 1);
        await().atMost(WAIT).until(() -> leadMailsAbout(script).size() == 3 && slackAbout(script).size() == 3);

        assertThat(leadMailsAbout(script)).extracting(IntegrationTest::subject).containsExactly(
                "[" + script.caseNumber + "] Critical case opened: Cannot log in",
                "[" + script.caseNumber + "] SLA breached (first-response): Cannot log in",
                "[" + script.caseNumber + "] Escalated to level 1: Cannot log in");
        List<Receiver.Received> slack = slackAbout(script);
        JsonNode first = EventJson.tree(slack.getFirst().body().getBytes());
        assertThat(first.path("text").asText()).contains("Critical case opened", script.caseNumber);
        assertThat(first.path("blocks").get(0).path("text").path("text").asText())
                .contains("/cases/" + script.caseId + "|" + script.caseNumber);
        assertThat(first.path("blocks").get(1).path("elements").get(0).path("url").asText())
                .endsWith("/cases/" + script.caseId);
        assertThat(slack).extracting(request -> EventJson.tree(request.body().getBytes()).path("text").asText())
                .satisfiesExactly(
                        text -> assertThat(text).contains("Critical case opened"),
                        text -> assertThat(text).contains("SLA breached"),
                        text -> assertThat(text).contains("Case escalated", "level 1"));
        // the customer hears only that the case was received
        assertThat(subjectsTo(script.customerEmail)).containsExactly(
                "[" + script.caseNumber + "] We received your request: Cannot log in");
    }

    @Test
    void aRuleTurnedOffByAnAdminSendsNothing() {
        var turnedOff = as(Role.ADMIN).put().uri("/api/notification-rules/case-opened/customer")
                .body(Map.of("enabled", false)).retrieve().toEntity(Map.class);
        assertThat(turnedOff.getStatusCode().value()).isEqualTo(200);
        assertThat(turnedOff.getBody()).containsEntry("enabled", false).containsEntry("trigger", "case-opened");
        try {
            CaseScript script = new CaseScript();
            UUID agentId = UUID.randomUUID();
            publish(script.opened(Priority.MEDIUM), script.agentReply(agentId, "Here is what to do"));

            awaitMails(script.customerEmail, 1);
            await().during(Duration.ofMillis(500)).atMost(WAIT)
                    .until(() -> mailsTo(script.customerEmail).size() == 1);
            assertThat(subjectsTo(script.customerEmail)).containsExactly(
                    "[" + script.caseNumber + "] New reply to your request: Cannot log in");
        } finally {
            as(Role.ADMIN).put().uri("/api/notification-rules/case-opened/customer")
                    .body(Map.of("enabled", true)).retrieve().toBodilessEntity();
        }
    }

    @Test
    void rulesThatWouldTellCustomersTeamBusinessAreRefusedAndOnlyAdminsEditRules() {
        var refused = as(Role.ADMIN).put().uri("/api/notification-rules/sla-breached/customer")
                .body(Map.of("enabled", true)).retrieve().toEntity(String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(refused.getBody()).contains("\"field\":\"audience\"");

        var unknown = as(Role.ADMIN).put().uri("/api/notification-rules/nonsense/nobody")
                .body(Map.of()).retrieve().toEntity(String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody()).contains("\"field\":\"enabled\"");

        assertThat(as(Role.AGENT).put().uri("/api/notification-rules/case-done/customer")
                .body(Map.of("enabled", false)).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        List<Map<String, Object>> rules = as(Role.ADMIN).get().uri("/api/notification-rules").retrieve()
                .body(new org.springframework.core.ParameterizedTypeReference<>() { });
        assertThat(rules).noneMatch(rule -> "sla-breached".equals(rule.get("trigger"))
                && "customer".equals(rule.get("audience")));
        assertThat(rules).anyMatch(rule -> "case-done".equals(rule.get("trigger"))
                && "customer".equals(rule.get("audience")) && Boolean.TRUE.equals(rule.get("enabled")));
    }

    private static List<MimeMessage> leadMailsAbout(CaseScript script) {
        return mailsTo(LEAD).stream().filter(mail -> subject(mail).contains(script.caseNumber)).toList();
    }

    private static List<Receiver.Received> slackAbout(CaseScript script) {
        return RECEIVER.accepted(SLACK_PATH).stream().filter(request -> request.body().contains(script.caseNumber))
                .toList();
    }
}
