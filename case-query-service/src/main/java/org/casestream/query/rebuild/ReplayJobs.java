package org.casestream.query.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.projection.GenerationConsumer;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.casestream.query.projection.ReadModels;

/**
 * Blue/green rebuilds of the read models: a new generation is filled from the start of the topic by a consumer
 * of its own while the current one keeps serving; once it has caught up with the served one, the service
 * switches to it in one step. The replaced generation's collections are dropped by the {@link GenerationJanitor}
 * once no live instance holds them.
 *
 * <p>One rebuild at a time across every instance sharing the database: a rebuild takes the lease (a document
 * claimed with a compare-and-set on its version), and the lease counts as held while its job runs on a live
 * instance. Jobs are stored in MongoDB, so any instance answers for any job.
 */
@Service
public class ReplayJobs {

    public static final String READ_MODELS = "read-models";
    static final String JOBS = "replay_jobs";
    private static final String LEASE = "rebuild";
    private static final Logger LOG = LoggerFactory.getLogger(ReplayJobs.class);
    private static final Duration CHECK = Duration.ofMillis(100);
    private static final Duration PUBLISH_EVERY = Duration.ofSeconds(1);
    private static final int CLAIM_ATTEMPTS = 5;

    public enum State { RUNNING, SWITCHED, FAILED }

    /** A job's progress: events done of total (both known once its consumer polled), rate and ETA. */
    public record ReplayJob(UUID jobId, String target, State state, int generation, long done, Long total,
                            Double ratePerSecond, Double etaSeconds, Instant startedAt, Instant finishedAt) {
    }

    private final ActiveReadModels active;
    private final Projections projections;
    private final Duration dropGrace;
    private final Clock clock;
    private final MongoCollection<Document> leases;
    private final MongoCollection<Document> stored;
    private final Map<UUID, ReplayJob> jobs = new ConcurrentHashMap<>();
    private volatile UUID running;
    private volatile Instant lastPublished = Instant.EPOCH;

    public ReplayJobs(ActiveReadModels active, Projections projections, QueryProperties properties, MongoDatabase database,
                      Clock clock) {
        this.active = active;
        this.projections = projections;
        this.dropGrace = properties.generationDropGrace();
        this.clock = clock;
        this.leases = database.getCollection(ActiveReadModels.COLLECTION);
        this.stored = database.getCollection(JOBS);
    }

    /** Whether a rebuild runs on this instance (then it does not follow another instance's switch). */
    boolean rebuilding() {
        UUID id = running;
        return id != null && jobs.get(id).state() == State.RUNNING;
    }

    /** The rebuild running now, here or on another instance sharing the database. */
    public Optional<ReplayJob> running() {
        if (rebuilding()) {
            return Optional.of(jobs.get(running));
        }
        Document lease = leases.find(Filters.eq("_id", LEASE)).first();
        return lease == null ? Optional.empty() : runningJob(lease);
    }

    /** Starts a rebuild, or returns the one already running here or on another instance. */
    public synchronized ReplayJob start() {
        if (rebuilding()) {
            return jobs.get(running);
        }
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Document lease = leases.find(Filters.eq("_id", LEASE)).first();
            Optional<ReplayJob> elsewhere = lease == null ? Optional.empty() : runningJob(lease);
            if (elsewhere.isPresent()) {
                return elsewhere.get();
            }
            ReplayJob job = new ReplayJob(UUID.randomUUID(), READ_MODELS, State.RUNNING, nextGeneration(lease), 0, null,
                    null, null, clock.instant(), null);
            if (claim(lease, job)) {
                jobs.put(job.jobId(), job);
                running = job.jobId();
                publish(job);
                Thread.ofPlatform().daemon(true).name("read-model-rebuild-" + job.generation()).start(() -> rebuild(job));
                return job;
            }
        }
        throw new IllegalStateException("could not take the rebuild lease: other instances keep claiming it");
    }

    public Optional<ReplayJob> find(UUID jobId) {
        ReplayJob here = jobs.get(jobId);
        if (here != null) {
            return Optional.of(here);
        }
        Document document = stored.find(Filters.eq("_id", jobId.toString())).first();
        if (document == null) {
            return Optional.empty();
        }
        ReplayJob job = fromDocument(document);
        if (job.state() == State.RUNNING && !active.instances().isLive(document.getString("instance"))) {
            // its instance is gone: the job will never finish, and the lease is free
            job = new ReplayJob(job.jobId(), job.target(), State.FAILED, job.generation(), job.done(), job.total(),
                    job.ratePerSecond(), null, job.startedAt(), null);
        }
        return Optional.of(job);
    }

    /** The lease's job when it still runs on a live instance. */
    private Optional<ReplayJob> runningJob(Document lease) {
        return find(UUID.fromString(lease.getString("jobId"))).filter(job -> job.state() == State.RUNNING);
    }

    /** Past every generation in use or left behind, so a rebuild never writes into collections someone reads. */
    private int nextGeneration(Document lease) {
        int leased = lease == null ? 0 : lease.getInteger("generation", 0);
        int stored = active.storedGenerations().stream().mapToInt(Integer::intValue).max().orElse(0);
        return IntStream.of(active.current().generation(), active.storedGeneration(), leased, stored).max().getAsInt() + 1;
    }

    /** Claims the lease for {@code job}; false when another instance claimed it first. */
    private boolean claim(Document lease, ReplayJob job) {
        long version = lease == null ? 0 : lease.getLong("version");
        Document claimed = new Document("_id", LEASE).append("jobId", job.jobId().toString())
                .append("generation", job.generation())
                .append("instance", active.instances().instanceId())
                .append("version", version + 1);
        if (lease == null) {
            try {
                leases.insertOne(claimed);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return leases.replaceOne(Filters.and(Filters.eq("_id", LEASE), Filters.eq("version", version)), claimed)
                .getMatchedCount() == 1;
    }

    private void rebuild(ReplayJob job) {
        GenerationConsumer consumer = null;
        ReadModels models = null;
        try {
            models = active.openEmpty(job.generation());
            consumer = projections.consumerFor(models);
            consumer.start();
            if (!consumer.awaitAssignment(Duration.ofMinutes(1))) {
                throw new IllegalStateException("the rebuild's consumer got no partitions");
            }
            while (!projections.caughtUp(consumer)) {
                progress(job, consumer, State.RUNNING, null);
                Thread.sleep(CHECK);
            }
            GenerationConsumer old = projections.switchTo(consumer);
            progress(job, consumer, State.SWITCHED, clock.instant());
            int oldGeneration = old.models().generation();
            LOG.info("Read models rebuilt: generation {} serves; generation {} is released here in {}", job.generation(),
                    oldGeneration, dropGrace);
            // requests that began on the old generation finish first; its collections go once no instance holds them
            Thread.sleep(dropGrace.toMillis());
            active.release(old.models());
            active.dropIndex(oldGeneration);
        } catch (Exception e) {
            LOG.error("Read model rebuild {} failed: {}", job.jobId(), Redacted.causes(e));
            boolean serves = consumer != null && projections.live() == consumer;
            if (!serves) {
                if (consumer != null) {
                    consumer.stop();
                }
                if (models != null) {
                    active.release(models);
                    active.drop(job.generation());
                }
            }
            if (jobs.get(job.jobId()).state() == State.RUNNING) {
                progress(job, consumer, State.FAILED, clock.instant());
            }
        }
    }

    private void progress(ReplayJob job, GenerationConsumer consumer, State state, Instant finishedAt) {
        long done = consumer == null ? 0 : consumer.appliedPositions().values().stream().mapToLong(Long::longValue).sum();
        double lag = consumer == null ? Double.NaN : consumer.lag();
        Long total = Double.isNaN(lag) ? null : done + (long) lag;
        double seconds = Math.max(0.001, Duration.between(job.startedAt(), clock.instant()).toMillis() / 1000.0);
        double rate = done / seconds;
        Double eta = total == null || rate == 0 ? null : (total - done) / rate;
        ReplayJob updated = new ReplayJob(job.jobId(), job.target(), state, job.generation(), done, total, rate, eta,
                job.startedAt(), finishedAt);
        jobs.put(job.jobId(), updated);
        if (state != State.RUNNING || Duration.between(lastPublished, clock.instant()).compareTo(PUBLISH_EVERY) >= 0) {
            publish(updated);
        }
    }

    /** Stores the job's progress for the other instances; failing to is not a reason to stop the rebuild. */
    private void publish(ReplayJob job) {
        try {
            Document document = new Document("_id", job.jobId().toString())
                    .append("target", job.target())
                    .append("state", job.state().name())
                    .append("generation", job.generation())
                    .append("done", job.done())
                    .append("total", job.total())
                    .append("ratePerSecond", job.ratePerSecond())
                    .append("etaSeconds", job.etaSeconds())
                    .append("startedAt", Date.from(job.startedAt()))
                    .append("finishedAt", job.finishedAt() == null ? null : Date.from(job.finishedAt()))
                    .append("instance", active.instances().instanceId());
            stored.replaceOne(Filters.eq("_id", job.jobId().toString()), document, new ReplaceOptions().upsert(true));
            lastPublished = clock.instant();
        } catch (RuntimeException e) {
            LOG.warn("Could not store the progress of rebuild {}: {}", job.jobId(), Redacted.causes(e));
        }
    }

    private static ReplayJob fromDocument(Document document) {
        Date finished = document.getDate("finishedAt");
        Number total = document.get("total", Number.class);
        Number rate = document.get("ratePerSecond", Number.class);
        Number eta = document.get("etaSeconds", Number.class);
        return new ReplayJob(UUID.fromString(document.getString("_id")), document.getString("target"),
                State.valueOf(document.getString("state")), document.getInteger("generation"),
                document.get("done", Number.class).longValue(), total == null ? null : total.longValue(),
                rate == null ? null : rate.doubleValue(), eta == null ? null : eta.doubleValue(),
                document.getDate("startedAt").toInstant(), finished == null ? null : finished.toInstant());
    }
}
