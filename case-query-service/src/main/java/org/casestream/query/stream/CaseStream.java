package org.casestream.query.stream;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.casestream.query.cases.CaseSummary;
import org.casestream.query.platform.QueryProperties;
import org.casestream.query.projection.ChangeListener;
import org.casestream.query.projection.Projection;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream: one Server-Sent Event per applied case change, handed over by the projection after the read
 * models (MongoDB and the index) show it. Ids increase; the last {@code resume-buffer} events stay in memory so
 * that a client reconnecting with {@code Last-Event-ID} gets what it missed. Each client has its own bounded
 * queue drained by its own virtual thread, so a slow client never holds up the projection or the others; a
 * client that falls a whole queue behind is disconnected and resumes with {@code Last-Event-ID}. A comment line
 * every {@code heartbeat} keeps proxies from closing idle streams and finds clients that left.
 */
@Component
public class CaseStream implements SmartLifecycle, ChangeListener {

    public static final String EVENT_NAME = "case";
    private static final int CLIENT_QUEUE = 1024;
    private static final Object HEARTBEAT = new Object();
    private static final Object CONNECTED = new Object();
    private static final Object EXPIRED = new Object();

    /** What a client receives: the event's type and the case's updated summary. */
    public record CaseChange(long id, String type, Instant at, CaseSummary summary) {
    }

    private final QueryProperties properties;
    private final Set<Client> clients = new CopyOnWriteArraySet<>();
    private final Deque<CaseChange> recent = new ArrayDeque<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sse-heartbeat").daemon().factory());
    private long lastId;
    private volatile boolean running;

    public CaseStream(QueryProperties properties) {
        this.properties = properties;
        long period = properties.stream().heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(() -> clients.forEach(client -> client.offer(HEARTBEAT, false)),
                period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * A new client; with {@code lastEventId} it first gets every buffered event after that one. The stream ends
     * at {@code closeAt} (when the caller's token expires): the client comes back with a fresh token and its
     * Last-Event-ID, and misses nothing.
     */
    public SseEmitter subscribe(Long lastEventId, Instant closeAt) {
        Client client = new Client(new SseEmitter(0L));
        synchronized (this) {
            // registered under the lock publish() holds, so nothing falls between the replay and live events
            client.offer(CONNECTED, true);
            if (lastEventId != null) {
                recent.stream().filter(change -> change.id() > lastEventId).forEach(change -> client.offer(change, true));
            }
            clients.add(client);
        }
        client.start();
        if (closeAt != null) {
            long delay = Math.max(0, Duration.between(Instant.now(), closeAt).toMillis());
            heartbeats.schedule(() -> client.offer(EXPIRED, true), delay, TimeUnit.MILLISECONDS);
        }
        return client.emitter;
    }

    @Override
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
            for (Client client : clients) {
                for (CaseChange event : batch) {
                    client.offer(event, true);
                }
            }
        }
    }

    public int clients() {
        return clients.size();
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
        clients.forEach(Client::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One connected client: its emitter, its queue, and the virtual thread that writes to it. */
    private final class Client {
        private final SseEmitter emitter;
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CLIENT_QUEUE);
        private volatile boolean closed;
        private Thread sender;

        Client(SseEmitter emitter) {
            this.emitter = emitter;
            emitter.onCompletion(this::close);
            emitter.onTimeout(this::close);
            emitter.onError(failure -> close());
        }

        void start() {
            sender = Thread.ofVirtual().name("sse-client").start(this::drain);
        }

        /** Queues an item; an event that does not fit disconnects the client (it resumes by Last-Event-ID). */
        void offer(Object item, boolean required) {
            if (!queue.offer(item) && required) {
                close();
            }
        }

        private void drain() {
            try {
                while (!closed) {
                    Object item = queue.take();
                    if (item == HEARTBEAT) {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                    } else if (item == EXPIRED) {
                        emitter.send(SseEmitter.event().comment("token expired"));
                        close();
                    } else if (item == CONNECTED) {
                        emitter.send(SseEmitter.event().comment("connected"));
                    } else if (item instanceof CaseChange change) {
                        emitter.send(SseEmitter.event().id(Long.toString(change.id())).name(EVENT_NAME)
                                .data(change, MediaType.APPLICATION_JSON));
                    }
                }
            } catch (IOException | IllegalStateException e) {
                close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            clients.remove(this);
            try {
                emitter.complete();
            } catch (IllegalStateException e) {
                // already completed by the container
            }
            if (sender != null) {
                sender.interrupt();
            }
        }
    }
}
