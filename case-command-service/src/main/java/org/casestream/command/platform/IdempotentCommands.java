package org.casestream.command.platform;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies a command that carries a {@code commandId} at most once within {@code casestream.retention.processed-commands}
 * (the pruning job deletes older ids; a retry after that is applied again). Inside the command's own transaction it
 * claims the id; when an earlier command already holds it (committed), the command is skipped and changes
 * nothing. A concurrent twin waits on the claim and then skips; if the first one fails and rolls back, its
 * claim goes with it and the twin runs. Axon's Spring Boot support registers it on the command bus, as a bean.
 */
@Component
class IdempotentCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcClient jdbc;

    IdempotentCommands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object commandId = unitOfWork.getMessage().getMetaData().get(AxonConfiguration.COMMAND_ID);
        if (commandId != null && !claim(commandId.toString())) {
            return null;
        }
        return chain.proceed();
    }

    private boolean claim(String commandId) {
        return jdbc.sql("INSERT INTO processed_command (command_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .param("id", commandId).update() == 1;
    }
}
