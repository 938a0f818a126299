package org.casestream.localstack.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) for running without a MongoDB installation: the services
 * reach it with the real driver over TCP, exactly as they would reach MongoDB. The local stack keeps its data in
 * an H2 file under the home (it survives restarts; a kill -9 may lose the last second of writes, which is why
 * projections store their Kafka positions after their data); tests use the memory backend.
 * It supports no $text, no transactions and no change streams, and ignores non-unique indexes.
 */
public final class LocalMongo implements AutoCloseable {

    public static final String DATA_FILE = "casestream.mv";
    private static final Logger LOG = LoggerFactory.getLogger(LocalMongo.class);

    private final MongoServer server;
    private final int port;

    private LocalMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A persistent server on {@code port} with its data in {@code directory}. */
    public static LocalMongo start(Path directory, int port) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.toAbsolutePath().resolve(DATA_FILE);
        LOG.info("Starting the MongoDB wire server on localhost:{} with data file {}", port, file);
        return bind(new H2Backend(file.toString()), port);
    }

    /** A server that keeps everything in memory, on {@code port} (0 picks a free one). */
    public static LocalMongo startInMemory(int port) {
        return bind(new MemoryBackend(), port);
    }

    private static LocalMongo bind(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        return new LocalMongo(server, server.getLocalAddress().getPort());
    }

    public int port() {
        return port;
    }

    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    /** Stops listening and closes the backend (which flushes the H2 file). */
    @Override
    public void close() {
        server.shutdown();
    }
}
