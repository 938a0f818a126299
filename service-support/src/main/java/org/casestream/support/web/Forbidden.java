package org.casestream.support.web;

/**
 * The caller may call this endpoint but not ask for this (403): a field whose value only another kind of caller
 * may give (a rule decision, an SLA target), or a resource that is someone else's to change.
 */
public class Forbidden extends RuntimeException {

    private final String field;

    public Forbidden(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
