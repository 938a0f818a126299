package org.casestream.query.rebuild;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.casestream.query.platform.QueryProperties;
import org.casestream.query.projection.GenerationConsumer;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.casestream.query.projection.ReadModels;

/**
 * Follows a rebuild that another instance sharing the database switched: every {@code generation-poll} it reads
 * the active generation, and when that is newer than the one served here it moves this instance to it.
 *
 * <p>The new generation's MongoDB collections are shared and already complete, but the Lucene index is this
 * instance's own, so it rebuilds its own index for the new generation from the start of the topic before it
 * switches. Keeping the old index would be simpler, but a rebuild exists to replace what the old projection built
 * (a fixed projection, a damaged store): an index kept from the old generation would keep serving exactly what the
 * rebuild was meant to replace, and search would disagree with the case views next to it. The rebuild costs no new
 * machinery: a consumer over the new generation with an empty index starts at the beginning of the topic (the
 * older of MongoDB's and the index's positions), and its MongoDB writes are no-ops for what is already there (each
 * view keeps its last sequence, each counter its last offset). Meanwhile this instance keeps serving its old
 * generation, which it holds (see {@link ActiveReadModels}) so that no instance drops it, until
 * {@code generation-drop-grace} after it switched.
 */
@Component
public class GenerationFollower implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationFollower.class);
    private static final Duration CHECK = Duration.ofMillis(100);
    private static final Duration ASSIGNMENT = Duration.ofMinutes(1);

    private final ActiveReadModels active;
    private final Projections projections;
    private final ReplayJobs replays;
    private final QueryProperties properties;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon(true).name("read-model-generation-follower").factory());
    private volatile boolean stopping;

    public GenerationFollower(ActiveReadModels active, Projections projections, ReplayJobs replays,
                              QueryProperties properties) {
        this.active = active;
        this.projections = projections;
        this.replays = replays;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        long every = properties.generationPoll().toMillis();
        executor.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            if (stopping || !projections.isRunning() || projections.live() == null || replays.rebuilding()) {
                return;
            }
            OptionalInt newer = active.newerGeneration();
            if (newer.isPresent()) {
                follow(newer.getAsInt());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Could not follow the active generation; trying again: {}", Redacted.causes(e));
        }
    }

    private void follow(int generation) throws InterruptedException {
        LOG.info("Generation {} became active on another instance; rebuilding this instance's index for it", generation);
        ReadModels models = active.open(generation);
        GenerationConsumer consumer = projections.consumerFor(models);
        boolean switched = false;
        try {
            consumer.start();
            if (!consumer.awaitAssignment(ASSIGNMENT)) {
                throw new IllegalStateException("the follower's consumer got no partitions");
            }
            while (!projections.caughtUp(consumer)) {
                if (stopping) {
                    return;
                }
                Thread.sleep(CHECK.toMillis());
            }
            Optional<GenerationConsumer> old = projections.follow(consumer);
            switched = old.isPresent();
            old.ifPresent(replaced -> {
                int oldGeneration = replaced.models().generation();
                LOG.info("Generation {} serves here; this instance's index of generation {} goes in {}", generation,
                        oldGeneration, properties.generationDropGrace());
                // requests that began on the old generation finish first; its collections go once no instance holds them
                executor.schedule(() -> {
                    active.release(replaced.models());
                    active.dropIndex(oldGeneration);
                }, properties.generationDropGrace().toMillis(), TimeUnit.MILLISECONDS);
            });
        } finally {
            if (!switched) {
                consumer.stop();
                active.release(models);
            }
        }
    }

    @Override
    public void destroy() {
        stopping = true;
        executor.shutdownNow();
    }
}
