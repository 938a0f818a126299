package org.casestream.command.cases;

import java.util.UUID;

import org.axonframework.modelling.command.ConcurrencyException;
import org.casestream.command.audit.CaseHistory;
import org.casestream.command.audit.CaseState;
import org.casestream.command.domain.InvalidCommand;
import org.casestream.command.domain.cases.CaseCommands.AbsorbCase;
import org.casestream.command.domain.cases.CaseCommands.MergeCaseInto;
import org.casestream.command.platform.CommandDispatcher;
import org.casestream.support.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Merges a duplicate case into another: two aggregates, written in one PostgreSQL transaction (Axon joins it), so
 * the log never holds half a merge. The duplicate's half goes first ({@code CaseMergedInto}, and its closing): it
 * refuses a case merged already. Then the target's ({@code CaseMerged}): it refuses a case that was itself merged
 * into another. A refusal of either rolls back both, and nothing is published: the publisher reads committed events
 * only. A write that lost a race with another writer of either case aborts the transaction; the whole merge is
 * then tried again from the start, a few times, with both cases read afresh.
 */
@Service
public class CaseMerges {

    static final int ATTEMPTS = 5;

    private final CommandDispatcher commands;
    private final CaseHistory history;
    private final TransactionTemplate transactions;

    public CaseMerges(CommandDispatcher commands, CaseHistory history, PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.history = history;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Merges {@code duplicateId} into {@code targetId}. */
    public void merge(UUID duplicateId, UUID targetId) {
        if (duplicateId.equals(targetId)) {
            throw new InvalidCommand("into", "a case cannot be merged into itself");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> mergeOnce(duplicateId, targetId));
                return;
            } catch (ConcurrencyException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
                pause(attempt);
            }
        }
    }

    private void mergeOnce(UUID duplicateId, UUID targetId) {
        CaseState duplicate = history.current(duplicateId).orElseThrow(() -> new NotFound("No case " + duplicateId));
        CaseState target = history.current(targetId)
                .orElseThrow(() -> new InvalidCommand("into", "there is no case " + targetId));
        commands.send(new MergeCaseInto(duplicateId, targetId, target.caseNumber()));
        commands.send(new AbsorbCase(targetId, duplicateId, duplicate.caseNumber()));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L << attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a merge", interrupted);
        }
    }
}
