package org.casestream.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drill stops the wire server while the query side writes: every write it acknowledged before the stop must be
 * there after the start (the H2 file is committed on close), or a read model could lose a step and move on.
 */
class LocalMongoDurabilityTest {

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedWriteSurvivesAStopWhileWritesAreInFlight() throws Exception {
        LocalMongo mongo = LocalMongo.start(directory, 0);
        int port = mongo.port();
        List<Integer> acknowledged = new CopyOnWriteArrayList<>();
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(500, TimeUnit.MILLISECONDS)).build());
        Thread writer = new Thread(() -> {
            for (int i = 0; ; i++) {
                try {
                    client.getDatabase("d").getCollection("c").replaceOne(Filters.eq("_id", i),
                            new Document("_id", i).append("v", "x".repeat(200)), new ReplaceOptions().upsert(true));
                    acknowledged.add(i);
                } catch (RuntimeException e) {
                    return;
                }
            }
        });
        writer.start();
        Thread.sleep(1500);
        mongo.close();
        writer.join(10_000);
        client.close();
        try (LocalMongo again = LocalMongo.start(directory, 0);
             MongoClient reader = MongoClients.create(again.connectionString())) {
            long found = reader.getDatabase("d").getCollection("c").countDocuments();
            long missing = acknowledged.stream().filter(i ->
                    reader.getDatabase("d").getCollection("c").find(Filters.eq("_id", i)).first() == null).count();
            assertThat(acknowledged).isNotEmpty();
            assertThat(found).isGreaterThanOrEqualTo(acknowledged.size());
            assertThat(missing).isZero();
        }
    }
}
