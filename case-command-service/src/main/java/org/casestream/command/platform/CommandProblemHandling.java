package org.casestream.command.platform;

import java.util.List;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.casestream.command.domain.InvalidCommand;
import org.casestream.command.domain.RuleViolation;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.Problems;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The command side's own problems: rule violations are 409, commands invalid for the aggregate 422 (naming the
 * field), unknown aggregates 404, and a write that kept losing races after its retries 409. Everything else
 * goes to the shared {@link org.casestream.support.web.ProblemHandling}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemHandling.class);

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation violation) {
        return Problems.of(HttpStatus.CONFLICT, "rule-violation", "Not allowed in the current state",
                violation.getMessage());
    }

    @ExceptionHandler(InvalidCommand.class)
    ProblemDetail invalidCommand(InvalidCommand invalid) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-command",
                "Invalid for this resource", invalid.getMessage());
        problem.setProperty("errors", List.of(new FieldError(invalid.field(), invalid.getMessage())));
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException missing) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No such resource: " + missing.getAggregateIdentifier());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrency(ConcurrencyException conflict) {
        // The exception's message quotes the failed INSERT with the event's payload: never log it.
        log.warn("Concurrent writes kept conflicting after retries ({})", Redacted.causes(conflict));
        return Problems.of(HttpStatus.CONFLICT, "concurrent-update", "Concurrent update",
                "Others kept changing this resource at the same time; try again");
    }
}
