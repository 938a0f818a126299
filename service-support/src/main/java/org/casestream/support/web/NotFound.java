package org.casestream.support.web;

/** A resource the request names does not exist (404). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
