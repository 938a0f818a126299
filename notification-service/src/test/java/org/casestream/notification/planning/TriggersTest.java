package org.casestream.notification.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.casestream.events.AuthorType;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Visibility;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CommentAdded;
import org.casestream.notification.rules.Trigger;
import org.junit.jupiter.api.Test;

class TriggersTest {

    private final UUID caseId = UUID.randomUUID();

    @Test
    void internalNotesAndSystemCommentsTriggerNothingWhoeverWroteThem() {
        for (AuthorType author : AuthorType.values()) {
            assertThat(DeliveryPlanner.triggersOf(comment(author, Visibility.INTERNAL))).isEmpty();
        }
        assertThat(DeliveryPlanner.triggersOf(comment(AuthorType.SYSTEM, Visibility.PUBLIC))).isEmpty();
    }

    @Test
    void publicRepliesTriggerByAuthor() {
        assertThat(DeliveryPlanner.triggersOf(comment(AuthorType.CUSTOMER, Visibility.PUBLIC)))
                .containsExactly(Trigger.CUSTOMER_REPLY);
        assertThat(DeliveryPlanner.triggersOf(comment(AuthorType.AGENT, Visibility.PUBLIC)))
                .containsExactly(Trigger.AGENT_REPLY);
    }

    @Test
    void onlyCriticalOpeningsAndOnlyDoneStatusesTriggerTheirRules() {
        assertThat(DeliveryPlanner.triggersOf(opened(Priority.CRITICAL)))
                .containsExactlyInAnyOrder(Trigger.CASE_OPENED, Trigger.CRITICAL_CASE_OPENED);
        assertThat(DeliveryPlanner.triggersOf(opened(Priority.HIGH))).containsExactly(Trigger.CASE_OPENED);
        assertThat(DeliveryPlanner.triggersOf(new CaseStatusChanged(caseId, CaseStatus.IN_PROGRESS, CaseStatus.NEW)))
                .isEmpty();
        assertThat(DeliveryPlanner.triggersOf(new CaseStatusChanged(caseId, CaseStatus.DONE, CaseStatus.IN_PROGRESS)))
                .containsExactly(Trigger.CASE_DONE);
    }

    @Test
    void customersMayOnlyBeToldOfTheirOwnCasesProgress() {
        assertThat(List.of(Trigger.values()).stream().filter(Trigger::forCustomers))
                .containsExactlyInAnyOrder(Trigger.CASE_OPENED, Trigger.AGENT_REPLY, Trigger.CASE_DONE);
    }

    private CommentAdded comment(AuthorType author, Visibility visibility) {
        return new CommentAdded(caseId, UUID.randomUUID(), null, author, "someone", "Someone", visibility, "text",
                List.of());
    }

    private CaseOpened opened(Priority priority) {
        return new CaseOpened(caseId, "CS-1", new Customer("c", "n", "e@example.com", null), "s", "d", Channel.WEB,
                null, null, priority, List.of(), Instant.now());
    }
}
