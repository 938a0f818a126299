package org.casestream.command.platform;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.casestream.command.domain.cases.CaseCommands.OpenCase;
import org.casestream.support.security.Caller;
import org.casestream.support.web.CorrelationIdFilter;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of the current caller, with the actor and correlation id as metadata. When the
 * request carries an {@code Idempotency-Key}, the command also gets a {@code commandId} (caller, key and target
 * aggregate, so one key over a bulk request still names each case's command apart) and is applied at most once.
 */
@Component
public class CommandDispatcher {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String KEY_PATTERN = "[\\x21-\\x7e]{1,255}";
    public static final String KEY_RULE = "must be 1 to 255 visible ASCII characters";
    private static final Pattern SANE_KEY = Pattern.compile(KEY_PATTERN);

    private final CommandGateway gateway;
    private final HttpServletRequest request;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    public CommandDispatcher(CommandGateway gateway, HttpServletRequest request) {
        this.gateway = gateway;
        this.request = request;
    }

    /**
     * An id for something the command creates (a comment): derived from the caller's Idempotency-Key when there
     * is one, so a retried request names the same thing, else random.
     */
    public UUID newId(UUID target) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        return key == null ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes((Caller.current().subject() + ":" + key + ":" + target)
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Sends and waits; domain exceptions come back as thrown. */
    public <R> R send(Object command) {
        Caller caller = Caller.current();
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AxonConfiguration.ACTOR, caller.subject());
        metaData.put(AxonConfiguration.CORRELATION_ID, CorrelationIdFilter.current(request));
        String key = request.getHeader(IDEMPOTENCY_KEY);
        // Intake keys are the intake ledger's: it answers a retried ticket before any command is sent.
        if (key != null && !(command instanceof OpenCase)) {
            if (!SANE_KEY.matcher(key).matches()) {
                throw new InvalidRequest(List.of(new FieldError(IDEMPOTENCY_KEY, KEY_RULE)));
            }
            metaData.put(AxonConfiguration.COMMAND_ID,
                    caller.subject() + ":" + key + ":" + targets.resolveTarget(message).getIdentifier());
        }
        return gateway.sendAndWait(message.andMetaData(metaData));
    }

    /**
     * Sends and waits on behalf of someone who shows no credentials but a signed link that names them (a customer
     * answering a survey): {@code actor} is what the link's signature vouches for, never what a body says.
     */
    public <R> R sendAs(String actor, Object command) {
        return sendAs(actor, null, command);
    }

    /**
     * As {@link #sendAs(String, Object)}, for history an import writes: its events carry {@code occurredAt}, when it
     * happened in the help desk it came from.
     */
    public <R> R sendAs(String actor, java.time.Instant occurredAt, Object command) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AxonConfiguration.ACTOR, actor);
        metaData.put(AxonConfiguration.CORRELATION_ID, CorrelationIdFilter.current(request));
        if (occurredAt != null) {
            metaData.put(AxonConfiguration.OCCURRED_AT, occurredAt.toString());
        }
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
