package org.casestream.localstack.infra;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.casestream.localstack.HomeOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code infra}: runs PostgreSQL and Kafka in the foreground until SIGTERM (or Ctrl-C). */
@Command(name = "infra", mixinStandardHelpOptions = true,
        description = {"Runs PostgreSQL and a KRaft Kafka broker on persistent directories under the home,",
                "writes <home>/infra.ready once both accept connections, and stops both on SIGTERM."})
public final class InfraCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(InfraCommand.class);

    @Mixin
    private HomeOption home;

    @Option(names = "--pg-port", defaultValue = "${env:CASESTREAM_PG_PORT:-5432}",
            description = "PostgreSQL port (default: $CASESTREAM_PG_PORT, else 5432).")
    private int postgresPort;

    @Option(names = "--kafka-port", defaultValue = "${env:CASESTREAM_KAFKA_PORT:-9092}",
            description = "Kafka client port (default: $CASESTREAM_KAFKA_PORT, else 9092).")
    private int kafkaPort;

    @Option(names = "--kafka-controller-port", defaultValue = "${env:CASESTREAM_KAFKA_CONTROLLER_PORT:-9093}",
            description = "Kafka KRaft controller port (default: $CASESTREAM_KAFKA_CONTROLLER_PORT, else 9093).")
    private int kafkaControllerPort;

    @Option(names = "--pg-durable", negatable = true, defaultValue = "${env:CASESTREAM_PG_DURABLE:-true}", fallbackValue = "true",
            description = "fsync and synchronous commit on (default: $CASESTREAM_PG_DURABLE, else true).")
    private boolean durablePostgres;

    @Override
    public Integer call() throws InterruptedException {
        InfraSettings settings = new InfraSettings(home.home(), postgresPort, kafkaPort, kafkaControllerPort, durablePostgres);
        LocalInfrastructure infrastructure = new LocalInfrastructure(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before starting so that a SIGTERM during start-up still stops what has started.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down the local infrastructure");
            infrastructure.close();
            stopped.countDown();
        }, "local-infra-shutdown"));
        try {
            infrastructure.start();
        } catch (Exception e) {
            LOG.error("The local infrastructure did not start", e);
            return 1;
        }
        stopped.await();
        return 0;
    }
}
