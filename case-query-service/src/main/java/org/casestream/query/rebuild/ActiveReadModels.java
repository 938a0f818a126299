package org.casestream.query.rebuild;

import java.util.OptionalInt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.casestream.query.platform.QueryProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The generation of the read models the API serves. Which one is stored in MongoDB, so a restart serves the
 * generation that was active; a rebuild switches it in one write once the new generation has caught up.
 */
@Component
public class ActiveReadModels implements DisposableBean {

    static final String COLLECTION = "read_model_generation";

    private final MongoDatabase database;
    private final QueryProperties properties;
    private final MongoCollection<Document> pointer;
    private volatile ReadModels current;

    public ActiveReadModels(MongoDatabase database, QueryProperties properties) {
        this.database = database;
        this.properties = properties;
        this.pointer = database.getCollection(COLLECTION);
        this.current = ReadModels.open(database, properties.indexDirectory(), storedGeneration());
    }

    /** The generation recorded as active, by this instance or another one sharing the database. */
    int storedGeneration() {
        Document active = pointer.find(Filters.eq("_id", "active")).first();
        return active == null ? 1 : active.getInteger("generation");
    }

    /** The recorded generation when it is newer than the one this instance serves: another instance switched. */
    synchronized OptionalInt newerGeneration() {
        int stored = storedGeneration();
        return stored > current.generation() ? OptionalInt.of(stored) : OptionalInt.empty();
    }

    public ReadModels current() {
        return current;
    }

    /** Serves {@code next} from now on and records it as the active generation. */
    synchronized void switchTo(ReadModels next) {
        pointer.replaceOne(Filters.eq("_id", "active"), new Document("_id", "active").append("generation", next.generation()),
                new ReplaceOptions().upsert(true));
        current = next;
    }

    /** Serves {@code next}, which another instance already recorded as active. */
    synchronized void follow(ReadModels next) {
        current = next;
    }

    ReadModels open(int generation) {
        return ReadModels.open(database, properties.indexDirectory(), generation);
    }

    void drop(int generation) {
        ReadModels.drop(database, properties.indexDirectory(), generation);
    }

    /** Removes only this instance's index of a generation; its collections belong to the instance that rebuilt. */
    void dropIndex(int generation) {
        ReadModels.dropIndex(properties.indexDirectory(), generation);
    }

    @Override
    public void destroy() {
        current.close();
    }
}
