package org.casestream.support.events;

/**
 * Thrown by a handler for an event that no retry can handle (it breaks a limit, say): the consumer sends that record
 * to the dead-letter topic at once, counts it, and goes on with the next one. Every other exception is taken as
 * passing (a database or a peer away) and retried without end, so that nothing is skipped that could still be done.
 */
public class UnprocessableEvent extends RuntimeException {

    private final transient CaseEventRecord event;

    /** @param reason why, without any of the event's content (it ends up in logs and record headers) */
    public UnprocessableEvent(CaseEventRecord event, String reason, Throwable cause) {
        super(reason, cause);
        this.event = event;
    }

    public UnprocessableEvent(CaseEventRecord event, String reason) {
        this(event, reason, null);
    }

    public CaseEventRecord event() {
        return event;
    }
}
