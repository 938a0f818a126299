package org.casestream.query.rebuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.casestream.query.platform.QueryProperties;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.casestream.query.projection.ReadModels;

/**
 * The generation of the read models the API serves, and the generations this instance holds open. Which one is
 * active is stored in MongoDB, so a restart serves the generation that was active; a rebuild switches it in one
 * write once the new generation has caught up. What each instance holds is reported to {@link ReadModelInstances}
 * before it writes to a generation, so no other instance drops what is in use here.
 */
@Component
public class ActiveReadModels implements DisposableBean {

    static final String COLLECTION = "read_model_generation";
    private static final Logger LOG = LoggerFactory.getLogger(ActiveReadModels.class);
    private static final Pattern INDEX_DIRECTORY = Pattern.compile("g(\\d+)");

    private final MongoDatabase database;
    private final QueryProperties properties;
    private final MongoCollection<Document> pointer;
    private final ReadModelInstances instances;
    private final Set<Integer> held = new ConcurrentSkipListSet<>();
    private volatile ReadModels current;

    public ActiveReadModels(MongoDatabase database, QueryProperties properties, Clock clock) {
        this.database = database;
        this.properties = properties;
        this.pointer = database.getCollection(COLLECTION);
        this.instances = new ReadModelInstances(database, clock, properties.instanceTimeout());
        int generation = storedGeneration();
        dropOtherIndexes(generation);
        this.current = open(generation);
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

    ReadModelInstances instances() {
        return instances;
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

    /** Opens a generation and holds it: reported before anything is written to it. */
    ReadModels open(int generation) {
        held.add(generation);
        report();
        return ReadModels.open(database, properties.indexDirectory(), generation);
    }

    /** As {@link #open}, for a generation that starts empty: whatever carries its number is left over from a crash. */
    ReadModels openEmpty(int generation) {
        held.add(generation);
        report();
        drop(generation);
        return ReadModels.open(database, properties.indexDirectory(), generation);
    }

    /** Closes a generation this instance no longer uses and stops holding it. */
    void release(ReadModels models) {
        models.close();
        held.remove(models.generation());
        report();
    }

    /** Tells the other instances this one is alive and what it holds (also every {@code generation-poll}). */
    void report() {
        try {
            instances.report(held);
        } catch (RuntimeException e) {
            LOG.warn("Could not report the generations held here; trying again: {}", Redacted.causes(e));
        }
    }

    /** Every generation that has collections in the database. */
    Set<Integer> storedGenerations() {
        Set<Integer> generations = new TreeSet<>();
        for (String name : database.listCollectionNames()) {
            for (String collection : ReadModels.COLLECTIONS) {
                if (name.startsWith(collection + "_g")) {
                    try {
                        generations.add(Integer.parseInt(name.substring(collection.length() + 2)));
                    } catch (NumberFormatException e) {
                        // not one of ours
                    }
                }
            }
        }
        return generations;
    }

    /** Whether this instance holds the generation open. */
    boolean holds(int generation) {
        return held.contains(generation);
    }

    void drop(int generation) {
        ReadModels.drop(database, properties.indexDirectory(), generation);
    }

    /** Removes only this instance's index of a generation; its collections may still be used by other instances. */
    void dropIndex(int generation) {
        ReadModels.dropIndex(properties.indexDirectory(), generation);
    }

    /** At start nothing is open yet: index directories of other generations are left over from a crash. */
    private void dropOtherIndexes(int served) {
        Path root = properties.indexDirectory();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> directories = Files.list(root)) {
            List<Integer> leftOver = directories.map(path -> INDEX_DIRECTORY.matcher(path.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(matcher -> Integer.parseInt(matcher.group(1)))
                    .filter(generation -> generation != served)
                    .toList();
            leftOver.forEach(this::dropIndex);
            if (!leftOver.isEmpty()) {
                LOG.info("Removed this instance's index of generations {} left over from an earlier run", leftOver);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its report is left to expire: at shutdown MongoDB may be gone already, and waiting for it would hang. */
    @Override
    public void destroy() {
        current.close();
    }
}
