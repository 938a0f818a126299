package org.casestream.query.projection;

import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * The consumer's Kafka positions (the next offset to read, per partition), kept in MongoDB beside the read
 * models and written only after the data they cover: after a crash the tail is read again and the idempotent
 * projection absorbs it.
 */
public class ProjectionPositions {

    public static final String COLLECTION = "projection_positions";

    private final MongoCollection<Document> collection;

    public ProjectionPositions(MongoDatabase database) {
        this(database, "");
    }

    /** The store of one generation of the read models: its collection's name ends with {@code suffix}. */
    public ProjectionPositions(MongoDatabase database, String suffix) {
        this.collection = database.getCollection(COLLECTION + suffix);
    }

    public Map<Integer, Long> load(String group, String topic) {
        Map<Integer, Long> positions = new HashMap<>();
        collection.find(Filters.and(Filters.eq("group", group), Filters.eq("topic", topic)))
                .forEach(document -> positions.put(document.getInteger("partition"),
                        ((Number) document.get("offset")).longValue()));
        return positions;
    }

    public void save(String group, String topic, Map<Integer, Long> positions) {
        positions.forEach((partition, offset) -> collection.updateOne(
                Filters.eq("_id", group + "/" + topic + "/" + partition),
                Updates.combine(Updates.set("group", group), Updates.set("topic", topic),
                        Updates.set("partition", partition), Updates.set("offset", offset)),
                new UpdateOptions().upsert(true)));
    }
}
