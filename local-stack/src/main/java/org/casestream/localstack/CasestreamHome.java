package org.casestream.localstack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The local stack's state directory ({@code $CASESTREAM_HOME}, by default {@code <repo>/.casestream})
 * and the fixed places inside it that the launcher script relies on too.
 */
public record CasestreamHome(Path root) {

    public static final String ENV = "CASESTREAM_HOME";
    public static final String DEFAULT = ".casestream";

    public CasestreamHome {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** {@code $CASESTREAM_HOME} when set, else {@code .casestream} in the working directory. */
    public static CasestreamHome fromEnvironment() {
        String value = System.getenv(ENV);
        return new CasestreamHome(Path.of(value == null || value.isBlank() ? DEFAULT : value));
    }

    public Path jwtDirectory() {
        return root.resolve("jwt");
    }

    public Path postgresDirectory() {
        return root.resolve("postgres");
    }

    public Path kafkaDirectory() {
        return root.resolve("kafka");
    }

    public Path mongoDirectory() {
        return root.resolve("mongo");
    }

    /** Present exactly while {@code infra} runs and both servers accept connections. */
    public Path readyFile() {
        return root.resolve("infra.ready");
    }
}
