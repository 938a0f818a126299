package org.casestream.benchmarks.drill;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.casestream.benchmarks.demo.GatewayApi;
import org.casestream.benchmarks.demo.GatewayApi.Answer;
import org.casestream.benchmarks.demo.GatewayApi.Credentials;

/**
 * The drill's bounded load, as channels and agents make it through the gateway: at a fixed rate, new tickets
 * (60 %), comments (25 %) and status changes (15 %) on the drill's open cases. Each request is sent by a worker so
 * a slow answer never slows the schedule, carries an Idempotency-Key, and is retried through 503s and refused
 * connections until it is answered or {@code patience} has passed, as a careful client would. Every answer is
 * counted by status; what was accepted is remembered so the check can find it everywhere.
 */
final class DrillLoad {

    private static final List<String> CUSTOMERS = List.of("drill-ana@example.com", "drill-ben@example.com",
            "drill-chen@example.com", "drill-dara@example.com", "drill-eli@example.com");
    private static final List<String> SUBJECTS = List.of("Cannot log in to my account", "My order has not arrived",
            "Refund for a cancelled order", "Invoice shows the wrong amount", "Delivery address needs changing");

    private final GatewayApi api;
    private final Credentials channel;
    private final Credentials lead;
    private final Random random = new Random(7);
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final SortedMap<Integer, AtomicInteger> answers = new TreeMap<>();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final AtomicInteger comments = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    DrillLoad(URI gateway, Duration patience, Credentials channel, Credentials lead) {
        this.api = new GatewayApi(gateway, patience, this::count);
        this.channel = channel;
        this.lead = lead;
    }

    void start(double perSecond) {
        long every = Math.max(1, Math.round(1_000_000 / perSecond));
        clock.scheduleAtFixedRate(() -> workers.submit(this::oneAction), 0, every, TimeUnit.MICROSECONDS);
    }

    /** Stops sending new requests and waits for those in flight (each gives up after its patience). */
    void stop() throws InterruptedException {
        clock.shutdownNow();
        clock.awaitTermination(10, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.MINUTES);
    }

    private void oneAction() {
        inFlight.incrementAndGet();
        try {
            int dice;
            String target;
            synchronized (random) {
                dice = random.nextInt(100);
                List<String> open = opened.stream().filter(caseId -> !done.contains(caseId)).toList();
                target = open.isEmpty() ? null : open.get(random.nextInt(open.size()));
            }
            if (dice < 60 || target == null) {
                openCase();
            } else if (dice < 85) {
                comment(target);
            } else {
                changeStatus(target, dice < 93 ? "inprogress" : "done");
            }
        } catch (GatewayApi.DemoFailure e) {
            failed.incrementAndGet();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void openCase() {
        int n = opened.size();
        String ref = "drill-" + run + "-" + UUID.randomUUID();
        Answer answer = api.call("POST", "/api/intake/tickets", channel, Map.of(
                "customer", Map.of("name", "Drill Customer " + (n % CUSTOMERS.size()), "email", CUSTOMERS.get(n % CUSTOMERS.size())),
                "subject", SUBJECTS.get(n % SUBJECTS.size()),
                "description", "Drill ticket " + n + ": please look into it.",
                "externalRef", ref), ref);
        if (answer.status() == 201) {
            opened.add(answer.body().path("caseId").asText());
        } else {
            failed.incrementAndGet();
        }
    }

    private void comment(String caseId) {
        Answer answer = api.call("POST", "/api/cases/" + caseId + "/comments", lead,
                Map.of("body", "Looking into it (drill).", "visibility", "public"), "drill-" + UUID.randomUUID());
        if (answer.ok()) {
            comments.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
    }

    private void changeStatus(String caseId, String status) {
        Answer answer = api.call("POST", "/api/cases/" + caseId + "/status", lead, Map.of("status", status),
                "drill-" + UUID.randomUUID());
        if (answer.ok()) {
            if ("done".equals(status)) {
                done.add(caseId);
            }
        } else if (answer.status() != 409) {
            // 409: the case moved on meanwhile (done by an earlier step): a refusal, not a failure
            failed.incrementAndGet();
        }
    }

    private void count(int status) {
        synchronized (answers) {
            answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        }
    }

    List<String> opened() {
        return new ArrayList<>(opened);
    }

    int comments() {
        return comments.get();
    }

    int failed() {
        return failed.get();
    }

    SortedMap<Integer, Integer> answers() {
        synchronized (answers) {
            SortedMap<Integer, Integer> copy = new TreeMap<>();
            answers.forEach((status, count) -> copy.put(status, count.get()));
            return copy;
        }
    }
}
