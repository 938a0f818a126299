package org.casestream.command.domain;

/** A command whose field is wrong for this aggregate, e.g. a parent comment it does not have (422). */
public class InvalidCommand extends RuntimeException {

    private final String field;

    public InvalidCommand(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
