package org.casestream.events;

/**
 * Every event of the catalogue. {@link #aggregateId()} is the id of the aggregate it belongs to:
 * it is the Kafka key and the CloudEvents subject, so one case's (or agent's) events stay in order.
 */
public interface DomainEvent {

    String aggregateId();
}
