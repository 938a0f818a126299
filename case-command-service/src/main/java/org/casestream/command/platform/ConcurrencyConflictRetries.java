package org.casestream.command.platform;

import java.util.List;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command only when it lost a race: another writer appended to the same aggregate first. Rule
 * violations, bad input and infrastructure failures are answered at once. (Axon's own non-transient
 * predicate is tested against every cause in the chain, so it cannot say "only this exception" by itself.)
 */
class ConcurrencyConflictRetries implements RetryScheduler {

    private final RetryScheduler backOff;

    ConcurrencyConflictRetries(RetryScheduler backOff) {
        this.backOff = backOff;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        return lastFailure instanceof ConcurrencyException
                && backOff.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
    }
}
