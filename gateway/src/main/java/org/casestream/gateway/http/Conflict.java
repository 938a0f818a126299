package org.casestream.gateway.http;

/** The request clashes with what is stored (409), e.g. a taken username. */
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
