package org.casestream.support.web;

/**
 * The request is valid but clashes with what is stored (409): a taken username, the last admin, a delivery that is
 * not in a state to be retried. {@code type} names the clash in the problem's type URI.
 */
public class Conflict extends RuntimeException {

    private final String type;

    public Conflict(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
