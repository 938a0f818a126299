package org.casestream.command.domain;

/** A command that the aggregate's current state forbids (the API answers 409 Conflict). */
public class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message);
    }
}
