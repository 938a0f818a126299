package org.casestream.events.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.casestream.events.Attachment;
import org.casestream.events.CaseOrigin;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;

/**
 * A case came in through a channel or was opened by an agent. {@code origin} says which (null on events stored
 * before it was recorded); {@code requestedPriority} is what a channel asked for: a hint that routing decides on,
 * while {@code priority} is the case's priority. {@code attachments}: the files the first message came with (none
 * on events stored before files could come with it).
 */
public record CaseOpened(UUID caseId, String caseNumber, Customer customer, String subject, String description,
                         Channel channel, String externalRef, Queue queue, Priority priority, List<String> tags,
                         Instant openedAt, CaseOrigin origin, Priority requestedPriority,
                         List<Attachment> attachments) implements CaseEvent {

    /** A case with no files. */
    public CaseOpened(UUID caseId, String caseNumber, Customer customer, String subject, String description,
            Channel channel, String externalRef, Queue queue, Priority priority, List<String> tags,
            Instant openedAt, CaseOrigin origin, Priority requestedPriority) {
        this(caseId, caseNumber, customer, subject, description, channel, externalRef, queue, priority, tags,
                openedAt, origin, requestedPriority, List.of());
    }

    /** A case whose origin is not said, with no requested priority. */
    public CaseOpened(UUID caseId, String caseNumber, Customer customer, String subject, String description,
            Channel channel, String externalRef, Queue queue, Priority priority, List<String> tags,
            Instant openedAt) {
        this(caseId, caseNumber, customer, subject, description, channel, externalRef, queue, priority, tags,
                openedAt, null, null);
    }

    public CaseOpened {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(openedAt, "openedAt");
        description = description == null ? "" : description;
        queue = queue == null ? Queue.UNCLASSIFIED : queue;
        priority = priority == null ? Priority.MEDIUM : priority;
        tags = tags == null ? List.of() : List.copyOf(tags);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Without the customer's words, name or address (they are personal data, and logs keep no such thing). */
    @Override
    public String toString() {
        return "CaseOpened[" + caseId + ", " + caseNumber + ", " + customer + ", " + channel + ", " + queue + ", "
                + priority + ", " + origin + "]";
    }
}
