package org.casestream.routing.commands;

/**
 * The command service answered that the command cannot apply (404, 409 for a rule the case's state forbids, 422,
 * 400): the case moved on since the decision was made. The decision is dropped and recorded; retrying would not
 * help. (A 409 for a write that lost its races is not this: it is retried.)
 */
public class CommandRejected extends RuntimeException {

    private final int status;

    public CommandRejected(String path, int status) {
        super(path + " answered " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
