package org.casestream.events;

/** Kafka topic names: fixed, since every consumer and script relies on them. */
public final class Topics {

    /** Every case and agent event, key = the aggregate id, CloudEvents binary mode, JSON data. */
    public static final String CASE_EVENTS = "casestream.case-events";

    private Topics() {
    }
}
