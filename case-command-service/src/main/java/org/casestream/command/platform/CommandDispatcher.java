package org.casestream.command.platform;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.casestream.support.security.Caller;
import org.casestream.support.web.CorrelationIdFilter;
import org.springframework.stereotype.Component;

/** Sends a command on behalf of the current caller, with the actor and correlation id as metadata. */
@Component
public class CommandDispatcher {

    private final CommandGateway gateway;
    private final HttpServletRequest request;

    public CommandDispatcher(CommandGateway gateway, HttpServletRequest request) {
        this.gateway = gateway;
        this.request = request;
    }

    /** Sends and waits; domain exceptions come back as thrown. */
    public <R> R send(Object command) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                AxonConfiguration.ACTOR, Caller.current().subject(),
                AxonConfiguration.CORRELATION_ID, CorrelationIdFilter.current(request))));
    }
}
