package org.casestream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed-loop load: N clients, each on its own platform thread, issue their next operation as
 * soon as the previous one returns. All clients connect first; then a warm-up whose results are
 * dropped, then the measured window. An operation counts when it starts inside the window.
 */
final class ClosedLoopRunner {

    /** Builds the client for one thread (e.g. its own database connection). */
    @FunctionalInterface
    interface ClientFactory {
        LoadClient create(int clientIndex) throws Exception;
    }

    private static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.MINUTES.toMicros(5);
    private static final Logger LOG = LoggerFactory.getLogger(ClosedLoopRunner.class);

    private final Duration warmup;
    private final Duration measured;

    ClosedLoopRunner(Duration warmup, Duration measured) {
        this.warmup = warmup;
        this.measured = measured;
    }

    StepResult run(String name, int concurrency, ClientFactory factory) throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong measureFrom = new AtomicLong();
        AtomicLong measureUntil = new AtomicLong();
        AtomicReference<Exception> setupFailure = new AtomicReference<>();
        LongAdder errors = new LongAdder();
        Map<String, Long> errorKinds = new ConcurrentHashMap<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Histogram histogram = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
            histograms.add(histogram);
            int clientIndex = i;
            threads.add(Thread.ofPlatform().name(name + "-client-" + i).start(() -> {
                try (LoadClient client = factory.create(clientIndex)) {
                    connected.countDown();
                    go.await();
                    long from = measureFrom.get();
                    long until = measureUntil.get();
                    while (true) {
                        long started = System.nanoTime();
                        if (started - until >= 0) {
                            break;
                        }
                        boolean counted = started - from >= 0;
                        try {
                            client.execute();
                            if (counted) {
                                long micros = (System.nanoTime() - started) / 1000;
                                histogram.recordValue(Math.min(micros, HIGHEST_TRACKABLE_MICROS));
                            }
                        } catch (Exception e) {
                            if (counted) {
                                errors.increment();
                                String kind = kindOf(e);
                                if (errorKinds.merge(kind, 1L, Long::sum) == 1L) {
                                    LOG.warn("{} client {}: first error of kind '{}': {}", name, clientIndex, kind, e.toString());
                                }
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    setupFailure.compareAndSet(null, e);
                    connected.countDown();
                }
            }));
        }
        connected.await();
        if (setupFailure.get() != null) {
            go.countDown();
            measureUntil.set(System.nanoTime());
            joinAll(threads);
            throw new IllegalStateException(name + ": a client could not be set up", setupFailure.get());
        }
        long now = System.nanoTime();
        measureFrom.set(now + warmup.toNanos());
        measureUntil.set(now + warmup.toNanos() + measured.toNanos());
        LOG.info("{} with {} client(s): {} s warm-up, {} s measured", name, concurrency, warmup.toSeconds(), measured.toSeconds());
        go.countDown();
        joinAll(threads);

        Histogram total = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
        histograms.forEach(total::add);
        double seconds = measured.toNanos() / 1e9;
        return new StepResult(name, concurrency, total.getTotalCount(), errors.sum(), seconds, total, new TreeMap<>(errorKinds));
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static String kindOf(Exception e) {
        return e instanceof UnexpectedStatusException status ? "HTTP " + status.status() : e.getClass().getSimpleName();
    }
}
