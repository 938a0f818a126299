package org.casestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The short fault drill, on the running platform as a person runs it ({@code ./casestream drill --short}): a
 * second instance of each consumer service, load through the gateway while the command service and the second
 * instances are killed with SIGKILL, Kafka is away 20 s, MongoDB 10 s and PostgreSQL restarts. Nothing may be
 * lost, duplicated or differ from a fresh rebuild, and no 5xx but 503 may be answered. Runs next to last: it
 * restarts parts of the platform, and the log scan after it reads what the faults made the services log.
 */
@ExtendWith(PlatformExtension.class)
@Order(Integer.MAX_VALUE - 1)
class DrillTest {

    @Test
    @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
    void theShortDrillLosesDuplicatesAndBreaksNothing(Platform platform) throws IOException {
        List<Integer> ports = Platform.freePorts(6).values().stream().toList();
        Path output = platform.launcherLog("drill");
        int exit = platform.launcher(Duration.ofMinutes(14), output, Map.of(
                "CASESTREAM_ROUTING_PORT_2", ports.get(0).toString(),
                "CASESTREAM_QUERY_PORT_2", ports.get(1).toString(),
                "CASESTREAM_NOTIFICATION_PORT_2", ports.get(2).toString(),
                "CASESTREAM_ROUTING_MANAGEMENT_PORT_2", ports.get(3).toString(),
                "CASESTREAM_QUERY_MANAGEMENT_PORT_2", ports.get(4).toString(),
                "CASESTREAM_NOTIFICATION_MANAGEMENT_PORT_2", ports.get(5).toString()), "drill", "--short");
        String table = Files.readString(output);
        assertThat(exit).as(table).isZero();
        assertThat(table).contains("drill: nothing lost, duplicated or different")
                .containsPattern("\\| events on the topic \\(distinct\\) +\\| \\d+ +\\| store events missing: 0 ")
                .containsPattern("\\| read model vs a fresh rebuild +\\| (\\w+) / \\1 ");
    }
}
