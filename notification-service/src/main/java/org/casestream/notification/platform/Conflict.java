package org.casestream.notification.platform;

/** The request is valid but not in the resource's current state (409). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
