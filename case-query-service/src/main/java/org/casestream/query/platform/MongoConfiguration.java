package org.casestream.query.platform;

import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models' database, on the client Boot builds from {@code spring.data.mongodb.*}, with timeouts that fail
 * a request in about two seconds when MongoDB is away (the driver's defaults wait 30 s) and a health indicator
 * ({@code mongo}, part of readiness) that says so.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    @Bean
    MongoDatabase readModelDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    @Bean
    MongoClientSettingsBuilderCustomizer failFast() {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS)
                        .readTimeout(10, TimeUnit.SECONDS));
    }

    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return () -> {
            try {
                database.runCommand(new Document("ping", 1));
                return Health.up().build();
            } catch (RuntimeException away) {
                return Health.down().withDetail("error", away.getClass().getSimpleName()).build();
            }
        };
    }
}
