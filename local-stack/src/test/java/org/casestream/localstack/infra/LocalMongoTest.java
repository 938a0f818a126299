package org.casestream.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMongoTest {

    @TempDir
    Path directory;

    @Test
    void theFileStoreKeepsDocumentsAcrossARestartAndTheRealDriverReachesItOverTcp() {
        int port;
        try (LocalMongo mongo = LocalMongo.start(directory, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            port = mongo.port();
            client.getDatabase("casestream").getCollection("things")
                    .insertOne(new Document("_id", "a").append("n", 42));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(port).isPositive();
        try (LocalMongo mongo = LocalMongo.start(directory, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document found = client.getDatabase("casestream").getCollection("things").find(Filters.eq("_id", "a")).first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("n")).isEqualTo(42);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
