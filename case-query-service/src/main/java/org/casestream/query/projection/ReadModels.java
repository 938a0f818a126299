package org.casestream.query.projection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.mongodb.client.MongoDatabase;
import org.casestream.query.agents.AgentViews;
import org.casestream.query.analytics.AnalyticsCounters;
import org.casestream.query.cases.CaseComments;
import org.casestream.query.cases.CaseViews;
import org.casestream.query.customers.CustomerViews;
import org.casestream.query.dashboard.DashboardCounters;
import org.casestream.query.search.CaseIndex;

/**
 * One generation of every read model built from the topic: its MongoDB collections (names ending in
 * {@code _g<generation>}: case views and their comments, agents, counters, positions, the streams with a parked
 * event) and its Lucene index ({@code <index-directory>/g<generation>}). The service serves one generation while a
 * rebuild fills the next.
 */
public record ReadModels(int generation, CaseViews cases, AgentViews agents, CustomerViews customers,
                         DashboardCounters dashboard,
                         AnalyticsCounters analytics, ProjectionPositions positions, ParkedStreams parked,
                         CaseIndex index, Projection projection, MongoDatabase database, Path indexDirectory)
        implements AutoCloseable {

    public static final List<String> COLLECTIONS = List.of(CaseViews.COLLECTION, CaseComments.COLLECTION,
            AgentViews.COLLECTION, CustomerViews.COLLECTION, DashboardCounters.COLLECTION, AnalyticsCounters.COLLECTION,
            ProjectionPositions.COLLECTION, ParkedStreams.COLLECTION);

    /** Opens a generation; case views it holds from before comments had their own collection are moved first. */
    public static ReadModels open(MongoDatabase database, Path indexRoot, int generation) {
        String suffix = "_g" + generation;
        CaseViews cases = new CaseViews(database, suffix);
        cases.moveInlineThreads();
        AgentViews agents = new AgentViews(database, suffix);
        CustomerViews customers = new CustomerViews(database, suffix);
        DashboardCounters dashboard = new DashboardCounters(database, suffix);
        AnalyticsCounters analytics = new AnalyticsCounters(database, suffix);
        Path indexDirectory = indexRoot.resolve("g" + generation);
        return new ReadModels(generation, cases, agents, customers, dashboard, analytics,
                new ProjectionPositions(database, suffix), new ParkedStreams(database, suffix),
                CaseIndex.open(indexDirectory), new Projection(cases, agents, customers, dashboard, analytics), database,
                indexDirectory);
    }

    /** Removes a generation's collections and index files (the index must be closed, or never opened). */
    public static void drop(MongoDatabase database, Path indexRoot, int generation) {
        // only what exists: the wire server answers a drop of a missing collection with an error (and logs it)
        List<String> existing = database.listCollectionNames().into(new java.util.ArrayList<>());
        COLLECTIONS.stream().map(name -> name + "_g" + generation).filter(existing::contains)
                .forEach(name -> database.getCollection(name).drop());
        dropIndex(indexRoot, generation);
    }

    /** Removes a generation's index files (the index must be closed, or never opened). */
    public static void dropIndex(Path indexRoot, int generation) {
        Path directory = indexRoot.resolve("g" + generation);
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            index.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
