package org.casestream.query.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * The instances sharing the read models' database, and the generations each one holds open: every instance reports
 * itself with a heartbeat, so a generation is dropped only when no live instance holds it, and an instance that
 * crashed stops holding anything once its heartbeat is older than the timeout.
 */
final class ReadModelInstances {

    static final String COLLECTION = "read_model_instances";

    private final MongoCollection<Document> instances;
    private final Clock clock;
    private final Duration timeout;
    private final String instanceId = UUID.randomUUID().toString();

    ReadModelInstances(MongoDatabase database, Clock clock, Duration timeout) {
        this.instances = database.getCollection(COLLECTION);
        this.clock = clock;
        this.timeout = timeout;
    }

    String instanceId() {
        return instanceId;
    }

    /** Records that this instance is alive and holds {@code generations}. */
    void report(Collection<Integer> generations) {
        instances.replaceOne(Filters.eq("_id", instanceId),
                new Document("_id", instanceId).append("generations", List.copyOf(generations))
                        .append("heartbeatAt", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
    }

    /** Every generation some live instance holds. */
    Set<Integer> heldByLiveInstances() {
        Set<Integer> held = new HashSet<>();
        for (Document instance : instances.find(Filters.gt("heartbeatAt", Date.from(clock.instant().minus(timeout))))) {
            held.addAll(instance.getList("generations", Integer.class, List.of()));
        }
        return held;
    }

    /** Whether an instance reported within the timeout. */
    boolean isLive(String instance) {
        Document found = instances.find(Filters.eq("_id", instance)).first();
        return found != null && found.getDate("heartbeatAt").toInstant().isAfter(clock.instant().minus(timeout));
    }
}
