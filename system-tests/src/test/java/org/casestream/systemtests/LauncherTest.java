package org.casestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What {@code ./casestream up} told the person who ran it, and what {@code ./casestream status} says now. */
@ExtendWith(PlatformExtension.class)
class LauncherTest {

    /** Topics.CASE_EVENTS_PARTITIONS (this module reads the platform over HTTP only, not its code). */
    private static final int CASE_EVENTS_PARTITIONS = 6;

    @Test
    void upPrintsTheDashboardAndTheAdminLogin(Platform platform) throws IOException {
        String up = Files.readString(platform.launcherLog("up"));
        assertThat(up).contains("gateway: UP", "case-command-service: UP", "case-query-service: UP",
                "routing-service: UP", "notification-service: UP");
        assertThat(up).contains("dashboard   http://localhost:" + platform.port("CASESTREAM_GATEWAY_PORT"));
        assertThat(up).contains("login       user admin, password from CASESTREAM_ADMIN_PASSWORD");
        assertThat(up).doesNotContain(platform.adminPassword());
        assertThat(platform.home().resolve("admin-password")).doesNotExist();
    }

    @Test
    void statusShowsEveryPartHealthy(Platform platform) throws IOException {
        Path output = platform.home().resolve("status.out");
        int exit = platform.launcher(Duration.ofMinutes(1), output, "status");
        String status = Files.readString(output);
        Files.delete(output);
        assertThat(exit).as(status).isZero();
        for (String part : new String[] {"gateway", "case-command-service", "case-query-service", "routing-service",
                "notification-service"}) {
            assertThat(status).containsPattern("(?m)^" + part + " +running +\\d+ +\\d+ +UP$");
        }
        for (String part : new String[] {"infra/postgres", "infra/kafka", "infra/mongo", "infra/mail-smtp"}) {
            assertThat(status).containsPattern("(?m)^" + part + " +running +\\d+ +\\d+ +accepting connections$");
        }
        assertThat(status).contains(Integer.toString(platform.port("CASESTREAM_MONGO_PORT")));
    }

    /**
     * The services start together, so any of them may be first to touch the case events topic: whichever it was,
     * the topic has all its partitions and each consumer group holds every one (a group left on one partition of
     * an auto-created topic would leave most events waiting minutes for its next metadata refresh).
     */
    @Test
    void everyConsumerGroupHoldsEveryPartitionOfTheTopic(Platform platform) {
        for (String service : new String[] {"routing-service", "notification-service"}) {
            double held = platform.prometheus(service).lines()
                    .filter(line -> line.startsWith("kafka_consumer_coordinator_assigned_partitions{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
            assertThat(held).as(service + "'s consumers' partitions").isEqualTo(CASE_EVENTS_PARTITIONS);
        }
    }
}
