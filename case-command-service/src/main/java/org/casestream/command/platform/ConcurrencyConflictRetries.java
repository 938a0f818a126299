package org.casestream.command.platform;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Retries a command only when it lost a race: another writer appended to the same aggregate first. Rule
 * violations, bad input and infrastructure failures are answered at once. (Axon's own non-transient
 * predicate is tested against every cause in the chain, so it cannot say "only this exception" by itself.)
 * A command sent inside its caller's transaction (intake, a customer or case merge: several writes that stand or
 * fall together) is not retried on its own: the retry would run on another thread, in a transaction of its own, and
 * commit this one write while the caller's, which the failed insert has aborted, rolls back the rest. The conflict
 * goes back to the caller, who retries the whole transaction or answers it.
 */
class ConcurrencyConflictRetries implements RetryScheduler {

    private final RetryScheduler backOff;
    private final BooleanSupplier insideCallersTransaction;

    ConcurrencyConflictRetries(RetryScheduler backOff) {
        this(backOff, TransactionSynchronizationManager::isActualTransactionActive);
    }

    ConcurrencyConflictRetries(RetryScheduler backOff, BooleanSupplier insideCallersTransaction) {
        this.backOff = backOff;
        this.insideCallersTransaction = insideCallersTransaction;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        // asked on the sending thread once the command's own unit of work has ended: a transaction still active
        // here is the caller's
        return lastFailure instanceof ConcurrencyException
                && !insideCallersTransaction.getAsBoolean()
                && backOff.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
    }
}
