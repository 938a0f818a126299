package org.casestream.query.rebuild;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.casestream.query.platform.QueryProperties;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every {@code generation-poll}: reports this instance and the generations it holds, then drops the collections of
 * every generation that is neither active nor held by a live instance — a generation replaced by a rebuild once
 * the last instance serving it has moved on, and what a crashed instance left (a rebuild it never finished, an old
 * generation it never dropped). Runs on every instance; dropping twice is harmless.
 */
@Component
public class GenerationJanitor implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationJanitor.class);

    private final ActiveReadModels active;
    private final QueryProperties properties;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon(true).name("read-model-generation-janitor").factory());

    public GenerationJanitor(ActiveReadModels active, QueryProperties properties) {
        this.active = active;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        long every = properties.generationPoll().toMillis();
        executor.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
    }

    void sweep() {
        try {
            active.report();
            // listed before the holders are read: whoever created a generation's collections reported holding it first
            Set<Integer> stored = active.storedGenerations();
            int activeGeneration = active.storedGeneration();
            Set<Integer> held = active.instances().heldByLiveInstances();
            for (int generation : stored) {
                if (generation != activeGeneration && !held.contains(generation) && !active.holds(generation)) {
                    LOG.info("Dropping read-model generation {}: not active and no live instance holds it", generation);
                    active.drop(generation);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not sweep the read-model generations; trying again: {}", Redacted.causes(e));
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
