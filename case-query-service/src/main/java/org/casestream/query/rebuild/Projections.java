package org.casestream.query.rebuild;

import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.projection.GenerationConsumer;
import org.casestream.query.stream.CaseStream;
import org.casestream.support.events.CaseEventsConsumers;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.casestream.query.projection.ReadModels;

/**
 * Runs the consumer of the served generation, and hands that role to a rebuilt generation's consumer when a
 * rebuild switches. {@code casestream.projection.lag} is the served consumer's lag.
 */
@Component
public class Projections implements SmartLifecycle {

    private final QueryProperties properties;
    private final CaseEventsConsumers consumers;
    private final ActiveReadModels active;
    private final CaseStream stream;
    private volatile GenerationConsumer live;
    private volatile boolean running;

    public Projections(QueryProperties properties, CaseEventsConsumers consumers, ActiveReadModels active,
                       CaseStream stream, MeterRegistry registry) {
        this.properties = properties;
        this.consumers = consumers;
        this.active = active;
        this.stream = stream;
        Gauge.builder("casestream.projection.lag", this, projections -> {
                    GenerationConsumer consumer = projections.live;
                    return consumer == null ? Double.NaN : consumer.lag();
                })
                .description("Records of the case events topic not yet applied to the served read models")
                .baseUnit("records")
                .register(registry);
    }

    /** The consumer that keeps the served generation. */
    public GenerationConsumer live() {
        return live;
    }

    /** A consumer of its own for {@code models}, not streaming, for a rebuild. */
    GenerationConsumer consumerFor(ReadModels models) {
        return new GenerationConsumer(properties, consumers, models, stream, false);
    }

    /**
     * Serves the rebuilt generation: its consumer streams from now on, then the old one stops. A change both
     * apply in that instant may be streamed twice; each event carries the case's sequence, so clients can tell.
     *
     * @return the old consumer, stopped
     */
    synchronized GenerationConsumer switchTo(GenerationConsumer rebuilt) {
        GenerationConsumer old = live;
        rebuilt.goLive();
        live = rebuilt;
        active.switchTo(rebuilt.models());
        old.stop();
        return old;
    }

    /**
     * As {@link #switchTo}, for a generation another instance rebuilt and already recorded as active.
     *
     * @return the old consumer, stopped; empty when this instance is stopping (then {@code rebuilt} is stopped)
     */
    synchronized java.util.Optional<GenerationConsumer> follow(GenerationConsumer rebuilt) {
        if (!running) {
            rebuilt.stop();
            return java.util.Optional.empty();
        }
        GenerationConsumer old = live;
        rebuilt.goLive();
        live = rebuilt;
        active.follow(rebuilt.models());
        old.stop();
        return java.util.Optional.of(old);
    }

    /** Caught up: nothing left to read, and at least as far as the served generation on every partition. */
    boolean caughtUp(GenerationConsumer rebuilding) {
        if (rebuilding.lag() != 0) {
            return false;
        }
        Map<Integer, Long> served = live.appliedPositions();
        Map<Integer, Long> rebuilt = rebuilding.appliedPositions();
        return served.entrySet().stream().allMatch(entry -> rebuilt.getOrDefault(entry.getKey(), 0L) >= entry.getValue());
    }

    @Override
    public synchronized void start() {
        live = new GenerationConsumer(properties, consumers, active.current(), stream, true);
        live.start();
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (live != null) {
            live.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
