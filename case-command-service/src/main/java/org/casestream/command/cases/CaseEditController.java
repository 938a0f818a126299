package org.casestream.command.cases;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.casestream.command.audit.CaseHistory;
import org.casestream.command.audit.CaseState;
import org.casestream.command.customers.CaseCustomers;
import org.casestream.command.domain.InvalidCommand;
import org.casestream.command.domain.cases.CaseCommands.ChangeCustomer;
import org.casestream.command.domain.cases.CaseCommands.ChangeSubject;
import org.casestream.command.domain.cases.CaseCommands.ReopenCase;
import org.casestream.command.platform.CommandDispatcher;
import org.casestream.events.Customer;
import org.casestream.support.web.NotFound;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Correcting a case: its subject and its customer, merging a duplicate into another case, and reopening a done case.
 * Who did it is the caller (the event's actor), never the body. Each answers with the case as it is after the change
 * (a merge: the duplicate, which now leads to the other case).
 */
@RestController
public class CaseEditController {

    private final CommandDispatcher commands;
    private final CaseHistory history;
    private final CaseCustomers customers;
    private final CaseMerges merges;

    public CaseEditController(CommandDispatcher commands, CaseHistory history, CaseCustomers customers,
            CaseMerges merges) {
        this.commands = commands;
        this.history = history;
        this.customers = customers;
        this.merges = merges;
    }

    @Operation(summary = "Give the case a new subject (the same one again changes nothing)")
    @PutMapping("/api/cases/{caseId}/subject")
    public CaseState subject(@PathVariable UUID caseId, @Valid @RequestBody CaseRequests.SubjectChange change) {
        commands.send(new ChangeSubject(caseId, change.subject().strip()));
        return current(caseId);
    }

    @Operation(operationId = "changeCaseCustomer",
            summary = "Move the case to another customer record (its name, address and tier now go with the case); "
            + "422 if there is no such record")
    @PutMapping("/api/cases/{caseId}/customer")
    public CaseState customer(@PathVariable UUID caseId, @Valid @RequestBody CaseRequests.CustomerChange change) {
        Customer customer = customers.find(change.customerId().strip())
                .orElseThrow(() -> new InvalidCommand("customerId", "there is no customer " + change.customerId()));
        commands.send(new ChangeCustomer(caseId, customer));
        return current(caseId);
    }

    @Operation(operationId = "mergeCase",
            summary = "Merge this case, a duplicate, into another ({into}: its id): this one closes and leads "
            + "there, both keep their thread and history; 409 if either was merged into another already")
    @PostMapping("/api/cases/{caseId}/merge")
    public CaseState merge(@PathVariable UUID caseId, @Valid @RequestBody CaseRequests.Merge merge) {
        merges.merge(caseId, merge.into());
        return current(caseId);
    }

    @Operation(summary = "Reopen a done case, saying why (409 unless it is done, or if it was merged into another)")
    @PostMapping("/api/cases/{caseId}/reopen")
    public CaseState reopen(@PathVariable UUID caseId, @Valid @RequestBody CaseRequests.Reopening reopening) {
        commands.send(new ReopenCase(caseId, reopening.reason().strip()));
        return current(caseId);
    }

    private CaseState current(UUID caseId) {
        return history.current(caseId).orElseThrow(() -> new NotFound("No case " + caseId));
    }
}
