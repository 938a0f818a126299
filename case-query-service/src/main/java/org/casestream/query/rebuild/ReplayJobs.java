package org.casestream.query.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.casestream.query.platform.QueryProperties;
import org.casestream.query.projection.CaseEventsConsumer;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Blue/green rebuilds of the read models: a new generation is filled from the start of the topic by a consumer
 * of its own while the current one keeps serving; once it has caught up with the served one, the service
 * switches to it in one step and drops the old generation. One rebuild at a time.
 */
@Service
public class ReplayJobs {

    public static final String READ_MODELS = "read-models";
    private static final Logger LOG = LoggerFactory.getLogger(ReplayJobs.class);
    private static final Duration CHECK = Duration.ofMillis(100);

    public enum State { RUNNING, SWITCHED, FAILED }

    /** A job's progress: events done of total (both known once its consumer polled), rate and ETA. */
    public record ReplayJob(UUID jobId, String target, State state, int generation, long done, Long total,
                            Double ratePerSecond, Double etaSeconds, Instant startedAt, Instant finishedAt) {
    }

    private final ActiveReadModels active;
    private final Projections projections;
    private final Duration dropGrace;
    private final Map<UUID, ReplayJob> jobs = new ConcurrentHashMap<>();
    private volatile UUID running;

    public ReplayJobs(ActiveReadModels active, Projections projections, QueryProperties properties) {
        this.active = active;
        this.projections = projections;
        this.dropGrace = properties.generationDropGrace();
    }

    /** Whether a rebuild runs on this instance (then it does not follow another instance's switch). */
    boolean rebuilding() {
        UUID id = running;
        return id != null && jobs.get(id).state() == State.RUNNING;
    }

    /** Starts a rebuild, or returns the one already running. */
    public synchronized ReplayJob start() {
        if (running != null && jobs.get(running).state() == State.RUNNING) {
            return jobs.get(running);
        }
        UUID jobId = UUID.randomUUID();
        // past any generation another instance recorded, so this rebuild never drops collections someone serves
        int generation = Math.max(active.current().generation(), active.storedGeneration()) + 1;
        ReplayJob job = new ReplayJob(jobId, READ_MODELS, State.RUNNING, generation, 0, null, null, null, Instant.now(), null);
        jobs.put(jobId, job);
        running = jobId;
        Thread.ofPlatform().daemon(true).name("read-model-rebuild-" + generation).start(() -> rebuild(job));
        return job;
    }

    public Optional<ReplayJob> find(UUID jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    private void rebuild(ReplayJob job) {
        CaseEventsConsumer consumer = null;
        ReadModels models = null;
        try {
            active.drop(job.generation());
            models = active.open(job.generation());
            consumer = projections.consumerFor(models);
            consumer.start();
            if (!consumer.awaitAssignment(Duration.ofMinutes(1))) {
                throw new IllegalStateException("the rebuild's consumer got no partitions");
            }
            while (!projections.caughtUp(consumer)) {
                progress(job, consumer, State.RUNNING, null);
                Thread.sleep(CHECK);
            }
            CaseEventsConsumer old = projections.switchTo(consumer);
            progress(job, consumer, State.SWITCHED, Instant.now());
            LOG.info("Read models rebuilt: generation {} serves, generation {} is dropped in {}", job.generation(),
                    old.models().generation(), dropGrace);
            // other instances still serve the old generation until they have followed the switch
            Thread.sleep(dropGrace.toMillis());
            old.models().close();
            active.drop(old.models().generation());
        } catch (Exception e) {
            LOG.error("Read model rebuild {} failed: {}", job.jobId(), Redacted.causes(e));
            if (consumer != null && projections.live() != consumer) {
                consumer.stop();
                models.close();
                active.drop(job.generation());
            }
            progress(job, consumer, State.FAILED, Instant.now());
        }
    }

    private void progress(ReplayJob job, CaseEventsConsumer consumer, State state, Instant finishedAt) {
        long done = consumer == null ? 0 : consumer.appliedPositions().values().stream().mapToLong(Long::longValue).sum();
        double lag = consumer == null ? Double.NaN : consumer.lag();
        Long total = Double.isNaN(lag) ? null : done + (long) lag;
        double seconds = Math.max(0.001, Duration.between(job.startedAt(), Instant.now()).toMillis() / 1000.0);
        double rate = done / seconds;
        Double eta = total == null || rate == 0 ? null : (total - done) / rate;
        jobs.put(job.jobId(), new ReplayJob(job.jobId(), job.target(), state, job.generation(), done, total, rate, eta,
                job.startedAt(), finishedAt));
    }
}
