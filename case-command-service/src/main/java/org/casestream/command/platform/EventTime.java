package org.casestream.command.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import org.axonframework.eventhandling.GenericEventMessage;

/**
 * The clock Axon stamps events with: the time now, except while an import writes history that happened elsewhere,
 * when the events of the work done on that thread take the instant it happened. Commands run on the sending thread
 * (a simple command bus), so the instant reaches exactly the events they apply.
 */
public final class EventTime extends Clock {

    private static final ThreadLocal<Instant> AT = new ThreadLocal<>();
    private static final Clock SYSTEM = Clock.systemUTC();

    private EventTime() {
    }

    /** Makes Axon stamp events with this clock; once per JVM is enough, more is harmless. */
    static synchronized void install() {
        if (!(GenericEventMessage.clock instanceof EventTime)) {
            GenericEventMessage.clock = new EventTime();
        }
    }

    /** Runs {@code work} with the events it applies stamped {@code instant}. */
    public static <T> T at(Instant instant, Supplier<T> work) {
        Instant before = AT.get();
        AT.set(instant);
        try {
            return work.get();
        } finally {
            if (before == null) {
                AT.remove();
            } else {
                AT.set(before);
            }
        }
    }

    @Override
    public Instant instant() {
        Instant at = AT.get();
        return at != null ? at : SYSTEM.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return SYSTEM.withZone(zone);
    }
}
