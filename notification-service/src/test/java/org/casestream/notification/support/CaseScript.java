package org.casestream.notification.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.casestream.events.AssignmentReason;
import org.casestream.events.Availability;
import org.casestream.events.AuthorType;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.DomainEvent;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.SlaTarget;
import org.casestream.events.Tier;
import org.casestream.events.Visibility;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseEscalated;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.cases.SlaBreached;
import org.casestream.events.kafka.EventEnvelope;

/**
 * One case's events as the command service publishes them: envelopes with fresh event ids and the case's
 * sequence counting from 0.
 */
public final class CaseScript {

    private static final AtomicInteger NUMBERS = new AtomicInteger(5000);

    public final UUID caseId = UUID.randomUUID();
    public final String caseNumber = "CS-" + NUMBERS.incrementAndGet();
    public final String customerEmail = "customer-" + caseId.toString().substring(0, 8) + "@example.com";
    private long sequence;
    private String actor = "test";
    private final List<EventEnvelope> written = new ArrayList<>();

    public EventEnvelope opened(Priority priority) {
        return next(new CaseOpened(caseId, caseNumber, new Customer("cust-" + caseId, "Ada Lovelace", customerEmail,
                Tier.GOLD), "Cannot log in", "The reset mail never arrives", Channel.WEB, null, Queue.LOGIN,
                priority, List.of(), Instant.now()));
    }

    public EventEnvelope assigned(UUID agentId) {
        return next(new CaseAssigned(caseId, agentId, null, AssignmentReason.MANUAL));
    }

    public EventEnvelope customerReply(String body) {
        return next(new CommentAdded(caseId, UUID.randomUUID(), null, AuthorType.CUSTOMER, "cust-" + caseId,
                "Ada Lovelace", Visibility.PUBLIC, body, List.of()));
    }

    public EventEnvelope agentReply(UUID agentId, String body) {
        return next(new CommentAdded(caseId, UUID.randomUUID(), null, AuthorType.AGENT, agentId.toString(),
                "Grace Hopper", Visibility.PUBLIC, body, List.of()));
    }

    public EventEnvelope internalNote(UUID agentId, String body) {
        return next(new CommentAdded(caseId, UUID.randomUUID(), null, AuthorType.AGENT, agentId.toString(),
                "Grace Hopper", Visibility.INTERNAL, body, List.of()));
    }

    public EventEnvelope status(CaseStatus from, CaseStatus to) {
        return next(new CaseStatusChanged(caseId, to, from));
    }

    public EventEnvelope slaBreached() {
        return next(new SlaBreached(caseId, SlaTarget.FIRST_RESPONSE, Instant.now()));
    }

    public EventEnvelope escalated(int level) {
        return next(new CaseEscalated(caseId, level, "sla"));
    }

    /** Any other event of this case, in its place in the case's sequence. */
    public EventEnvelope then(DomainEvent event) {
        return next(event);
    }

    /** From now on, the events are an import's: history that happened in another help desk. */
    public CaseScript imported() {
        actor = EventEnvelope.IMPORT_ACTOR_PREFIX + "admin";
        return this;
    }

    private EventEnvelope next(DomainEvent event) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), Instant.now(), sequence++,
                actor, UUID.randomUUID().toString(), event);
        written.add(envelope);
        return envelope;
    }

    /** An agent the command service registered, with an address of their own. */
    public static EventEnvelope agentRegistered(UUID agentId, String email) {
        return new EventEnvelope(UUID.randomUUID().toString(), Instant.now(), 0, "admin", null,
                new AgentRegistered(agentId, "Grace Hopper", email, List.of(), 5, Availability.ONLINE));
    }
}
