package org.casestream.command.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casestream.command.attachments.Attachments;
import org.casestream.command.audit.CaseHistory;
import org.casestream.command.audit.CaseState;
import org.casestream.command.customers.Customers;
import org.casestream.command.domain.InvalidCommand;
import org.casestream.command.domain.cases.CaseCommands.AddComment;
import org.casestream.command.domain.cases.CaseCommands.OpenCase;
import org.casestream.command.platform.CommandDispatcher;
import org.casestream.events.Attachment;
import org.casestream.events.AuthorType;
import org.casestream.events.CaseOrigin;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;
import org.casestream.events.Visibility;
import org.casestream.events.json.EventJson;
import org.casestream.support.security.Caller;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.casestream.support.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens cases exactly once. In one transaction: claim the channel's Idempotency-Key and external reference,
 * take a case number, append {@code CaseOpened} (Axon joins this transaction), keep the answer and, for a channel,
 * that it owns the case. A retry, even a concurrent one, finds the claim and gets the first answer; no second case,
 * no new event. Claims are kept for {@code casestream.retention.intake-requests}: a retry after that opens a case.
 */
@Service
public class IntakeService {

    /** The result of an intake: the receipt, and whether it is the answer to an earlier request. */
    public record Outcome(CaseReceipt receipt, boolean replayed) {
    }

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
    private static final int MAX_MERGE_CHAIN = 50;

    private final IntakeLedger ledger;
    private final CommandDispatcher commands;
    private final Customers customers;
    private final Attachments attachments;
    private final CaseHistory history;
    private final Clock clock;
    private final ObjectMapper json = EventJson.mapper();

    public IntakeService(IntakeLedger ledger, CommandDispatcher commands, CaseHistory history, Customers customers,
            Attachments attachments, Clock clock) {
        this.ledger = ledger;
        this.customers = customers;
        this.attachments = attachments;
        this.commands = commands;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Opens the case, once. A channel's priority is recorded as the priority it asked for and the case opens at
     * the default: routing decides; an agent's is the case's priority.
     */
    @Transactional
    public Outcome open(Channel channel, String idempotencyKey, TicketRequest request, CaseOrigin origin) {
        String hash = hash(request);
        UUID caseId = UUID.randomUUID();
        Optional<Long> claim;
        while ((claim = ledger.claim(channel.wire(), idempotencyKey, request.externalRef(), hash, caseId)).isEmpty()) {
            Optional<IntakeLedger.Entry> first = ledger.find(channel.wire(), idempotencyKey, request.externalRef());
            if (first.isPresent()) {
                return replay(first.get(), idempotencyKey, hash);
            }
            // pruned between the claim and the look-up: its retention has passed, so this request is new
        }
        Instant now = clock.instant();
        String caseNumber = ledger.nextCaseNumber();
        boolean byChannel = origin == CaseOrigin.CHANNEL;
        Priority priority = byChannel || request.priority() == null ? Priority.MEDIUM : request.priority();
        List<Attachment> files = attachments.bind(caseId, request.attachments(), Caller.current().subject());
        commands.send(new OpenCase(caseId, caseNumber, customers.resolve(channel, request.customer()),
                request.subject().strip(), request.description(), channel, request.externalRef(), Queue.UNCLASSIFIED,
                priority, request.tags(), now, origin, byChannel ? request.priority() : null, files));
        CaseReceipt receipt = new CaseReceipt(caseId, caseNumber, CaseStatus.NEW, Queue.UNCLASSIFIED, priority,
                channel, request.externalRef(), now);
        ledger.recordResponse(claim.get(), write(receipt));
        if (byChannel) {
            ledger.recordOwner(channel.wire(), caseId, caseNumber, request.externalRef(), now);
        }
        // one line per case opened, with the request's trace and correlation ids (never what the customer wrote)
        log.info("Opened case {} ({}) from channel {}", caseNumber, caseId, channel.wire());
        return new Outcome(receipt, false);
    }

    /** Whether this channel opened the case (and so may pass on its customer's words). */
    public boolean channelOwns(Channel channel, UUID caseId) {
        return ledger.owns(channel.wire(), caseId);
    }

    /**
     * Passes on a customer's reply as a public customer comment (which reopens a done case). A retried reply
     * with the same Idempotency-Key is the same comment and is added once. A reply to a duplicate that was merged
     * into another case goes to that case, where the conversation goes on; the receipt names the case that took it.
     */
    public ReplyReceipt reply(Channel channel, ReplyRequest reply) {
        if (reply.caseNumber() == null && reply.externalRef() == null) {
            throw new InvalidRequest(List.of(new FieldError("caseNumber", "give the case number or your externalRef")));
        }
        UUID owned = ledger.ownedCase(channel.wire(), reply.caseNumber(), reply.externalRef())
                .orElseThrow(() -> new NotFound("No case " + (reply.caseNumber() != null ? reply.caseNumber()
                        : "with that externalRef") + " opened by this channel"));
        UUID caseId = continuedIn(owned);
        UUID commentId = commands.newId(caseId);
        List<Attachment> files = attachments.bind(caseId, reply.attachments(), Caller.current().subject());
        commands.send(new AddComment(caseId, commentId, null, AuthorType.CUSTOMER, null, null, Visibility.PUBLIC,
                reply.body(), files, clock.instant()));
        CaseState now = history.current(caseId).orElseThrow(() -> new NotFound("No case " + caseId));
        return new ReplyReceipt(caseId, now.caseNumber(), commentId, now.status());
    }

    /** The case a conversation goes on in: the case itself, or the one it was merged into (and so on). */
    private UUID continuedIn(UUID caseId) {
        UUID current = caseId;
        // a case merged into another can take in no duplicate, so a chain ends; the bound is only a guard
        for (int step = 0; step < MAX_MERGE_CHAIN; step++) {
            Optional<CaseState.CaseLink> next = history.current(current).map(CaseState::mergedInto);
            if (next.isEmpty()) {
                return current;
            }
            current = next.get().caseId();
        }
        return current;
    }

    private Outcome replay(IntakeLedger.Entry first, String idempotencyKey, String hash) {
        if (idempotencyKey != null && idempotencyKey.equals(first.idempotencyKey())
                && !first.requestHash().equals(hash)) {
            throw new InvalidCommand("Idempotency-Key", "this key was already used for a different request");
        }
        return new Outcome(read(first.response()), true);
    }

    private String hash(TicketRequest request) {
        return sha256(write(request));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private CaseReceipt read(String response) {
        try {
            return json.readValue(Objects.requireNonNull(response, "intake response"), CaseReceipt.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored intake response is unreadable", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
