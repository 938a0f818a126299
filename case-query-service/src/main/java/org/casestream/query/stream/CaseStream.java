package org.casestream.query.stream;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.casestream.query.cases.CaseSummary;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.projection.Projection;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream: one Server-Sent Event per applied case change, sent by the projection after the read models
 * (MongoDB and the index) show it. Ids increase; the last {@code resume-buffer} events stay in memory so that a
 * client reconnecting with {@code Last-Event-ID} gets what it missed. A comment line every {@code heartbeat}
 * keeps proxies from closing idle streams and finds clients that left.
 */
@Component
public class CaseStream implements SmartLifecycle {

    public static final String EVENT_NAME = "case";

    /** What a client receives: the event's type and the case's updated summary. */
    public record CaseChange(long id, String type, Instant at, CaseSummary summary) {
    }

    private final QueryProperties properties;
    private final Set<SseEmitter> clients = new CopyOnWriteArraySet<>();
    private final Deque<CaseChange> recent = new ArrayDeque<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sse-heartbeat").daemon().factory());
    private long lastId;
    private volatile boolean running;

    public CaseStream(QueryProperties properties) {
        this.properties = properties;
        long period = properties.stream().heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
    }

    /** A new client; with {@code lastEventId} it first gets every buffered event after that one. */
    public SseEmitter subscribe(Long lastEventId) {
        SseEmitter emitter = new SseEmitter(0L);
        emitter.onCompletion(() -> clients.remove(emitter));
        emitter.onTimeout(() -> clients.remove(emitter));
        emitter.onError(failure -> clients.remove(emitter));
        List<CaseChange> missed;
        synchronized (this) {
            // registered under the same lock publish() holds, so nothing falls between the replay and live events
            missed = lastEventId == null ? List.of()
                    : recent.stream().filter(change -> change.id() > lastEventId).toList();
            clients.add(emitter);
            try {
                emitter.send(SseEmitter.event().comment("connected"));
                for (CaseChange change : missed) {
                    send(emitter, change);
                }
            } catch (IOException e) {
                clients.remove(emitter);
                emitter.completeWithError(e);
            }
        }
        return emitter;
    }

    public void publish(List<Projection.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        synchronized (this) {
            Instant now = Instant.now();
            List<CaseChange> batch = new ArrayList<>(changes.size());
            for (Projection.Change change : changes) {
                CaseChange event = new CaseChange(++lastId, change.type(), now,
                        CaseSummary.of(change.view()).at(now, properties.slaAtRiskWindow()));
                batch.add(event);
                recent.addLast(event);
                while (recent.size() > properties.stream().resumeBuffer()) {
                    recent.removeFirst();
                }
            }
            for (SseEmitter client : clients) {
                try {
                    for (CaseChange event : batch) {
                        send(client, event);
                    }
                } catch (IOException | IllegalStateException e) {
                    clients.remove(client);
                }
            }
        }
    }

    public int clients() {
        return clients.size();
    }

    private static void send(SseEmitter emitter, CaseChange change) throws IOException {
        emitter.send(SseEmitter.event().id(Long.toString(change.id())).name(EVENT_NAME)
                .data(change, MediaType.APPLICATION_JSON));
    }

    private void heartbeat() {
        for (SseEmitter client : clients) {
            synchronized (this) {
                try {
                    client.send(SseEmitter.event().comment("heartbeat"));
                } catch (IOException | IllegalStateException e) {
                    clients.remove(client);
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream when the application stops, before the web server's graceful shutdown, which would
     * otherwise wait for these never-ending requests until its timeout.
     */
    @Override
    public void stop() {
        running = false;
        heartbeats.shutdownNow();
        clients.forEach(SseEmitter::complete);
        clients.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
