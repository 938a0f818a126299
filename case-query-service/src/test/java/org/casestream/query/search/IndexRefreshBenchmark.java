package org.casestream.query.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.IOUtils;
import org.casestream.events.CaseOrigin;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;
import org.casestream.query.cases.CaseView;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one live batch costs the index: a few cases updated, then the near-real-time refresh the consumer does
 * before it sends the batch's SSE events, on plain files and on the RAM-cached directory the index uses. Both in
 * one run, taking turns at going first, so their ratio holds on a noisy shared machine when absolute times do not.
 * <pre>
 * ./mvnw -pl case-query-service test -Dtest=IndexRefreshBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 *     [-Dbench.cases=20000] [-Dbench.batches=400] [-Dbench.batchSize=3]
 * </pre>
 */
class IndexRefreshBenchmark {

    private static final Logger log = LoggerFactory.getLogger(IndexRefreshBenchmark.class);
    private static final List<String> KINDS = List.of("FSDirectory", "NRTCachingDirectory");

    @Test
    void indexAndRefreshASmallBatch() throws IOException {
        int cases = Integer.getInteger("bench.cases", 20_000);
        int batches = Integer.getInteger("bench.batches", 400);
        int batchSize = Integer.getInteger("bench.batchSize", 3);
        Path root = Files.createTempDirectory("index-refresh-bench");
        Random random = new Random(7);
        List<CaseView> views = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            views.add(view(i, random));
        }
        List<CaseIndex> indexes = new ArrayList<>();
        for (String kind : KINDS) {
            CaseIndex index = new CaseIndex(open(root.resolve(kind), kind.equals("NRTCachingDirectory")));
            index.index(views);
            index.commit(Map.of(0, (long) cases));
            index.refresh();
            indexes.add(index);
        }
        long[][] nanos = new long[KINDS.size()][batches];
        for (int round = 0; round < batches; round++) {
            List<CaseView> batch = new ArrayList<>();
            for (int j = 0; j < batchSize; j++) {
                batch.add(view(random.nextInt(cases), random));
            }
            for (int turn = 0; turn < KINDS.size(); turn++) {
                int k = (round + turn) % KINDS.size();
                long start = System.nanoTime();
                indexes.get(k).index(batch);
                indexes.get(k).refresh();
                nanos[k][round] = System.nanoTime() - start;
            }
        }
        for (int k = 0; k < KINDS.size(); k++) {
            Arrays.sort(nanos[k]);
            log.info("{} cases, batches of {}, {}: index + refresh p50 {} ms, p90 {} ms, p99 {} ms", cases, batchSize,
                    KINDS.get(k), ms(nanos[k], 0.50), ms(nanos[k], 0.90), ms(nanos[k], 0.99));
            indexes.get(k).close();
        }
        log.info("FSDirectory / NRTCachingDirectory: p50 x{}, p90 x{}", ratio(nanos, 0.50), ratio(nanos, 0.90));
        IOUtils.rm(root);
    }

    private static Directory open(Path path, boolean cached) {
        try {
            Files.createDirectories(path);
            FSDirectory files = FSDirectory.open(path);
            return cached ? new NRTCachingDirectory(files, 5.0, 60.0) : files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))];
    }

    private static String ms(long[] sorted, double quantile) {
        return String.format("%.2f", at(sorted, quantile) / 1e6);
    }

    private static String ratio(long[][] sorted, double quantile) {
        return String.format("%.2f", (double) at(sorted[0], quantile) / at(sorted[1], quantile));
    }

    private static CaseView view(int i, Random random) {
        Instant opened = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i * 60L);
        return new CaseView(new UUID(0, i), "CS-" + (1000 + i),
                new Customer("cus-" + (i % 997), "Customer " + (i % 997), "c" + (i % 997) + "@mail.example.test",
                        Tier.values()[i % Tier.values().length]),
                "Subject " + i + " cannot log in " + random.nextInt(1000), "Description of case " + i, List.of(),
                Channel.values()[i % Channel.values().length], null, CaseOrigin.CHANNEL,
                Queue.SHIPPED.get(i % Queue.SHIPPED.size()),
                Priority.values()[random.nextInt(Priority.values().length)],
                CaseStatus.values()[random.nextInt(CaseStatus.values().length)], null, List.of(), null, 0, null,
                0, 0, null, null, opened, opened.plusSeconds(random.nextInt(3600)), null, 0, null, List.of(), 0,
                random.nextInt(10));
    }
}
