package org.casestream.query.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * The cases (and agents) one of whose events is parked in the dead-letter topic, each with the sequence of its last
 * parked event. Their later events are parked behind it, in order, rather than applied: a view takes each event by
 * its sequence, so one applied past a parked event would make the parked one count as applied when it is retried.
 * A retry that has applied the last parked event releases the stream. One document per stream, under its id, in
 * each generation of the read models.
 */
public class ParkedStreams {

    public static final String COLLECTION = "parked_streams";

    private final MongoCollection<Document> collection;

    /** The store of one generation of the read models: its collection's name ends with {@code suffix}. */
    public ParkedStreams(MongoDatabase database, String suffix) {
        this.collection = database.getCollection(COLLECTION + suffix);
    }

    /** For each of these streams that has a parked event: the sequence of its last parked event. */
    public Map<UUID, Long> find(Collection<UUID> streams) {
        Map<UUID, Long> parked = new HashMap<>();
        if (streams.isEmpty()) {
            return parked;
        }
        collection.find(Filters.in("_id", streams.stream().map(UUID::toString).toList()))
                .forEach(document -> parked.put(UUID.fromString(document.getString("_id")),
                        ((Number) document.get("through")).longValue()));
        return parked;
    }

    /** Records that the stream's event at {@code sequence} is parked. */
    public void park(UUID stream, long sequence) {
        collection.updateOne(Filters.eq("_id", stream.toString()), Updates.max("through", sequence),
                new UpdateOptions().upsert(true));
    }

    /** Releases the stream once the event at {@code sequence} was applied, unless a later one was parked since. */
    public void release(UUID stream, long sequence) {
        // one conditional delete: an event parked meanwhile keeps the stream parked (the wire server scans for it,
        // but this collection holds only the streams parked now)
        collection.deleteOne(Filters.and(Filters.eq("_id", stream.toString()), Filters.lte("through", sequence)));
    }
}
