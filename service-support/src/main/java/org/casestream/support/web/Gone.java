package org.casestream.support.web;

/**
 * What the request names existed but is no longer there to be used (410): a survey link that expired or was used.
 * {@code type} names why in the problem's type URI.
 */
public class Gone extends RuntimeException {

    private final String type;

    public Gone(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
