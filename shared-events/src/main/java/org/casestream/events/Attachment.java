package org.casestream.events;

import java.util.Objects;

/** Metadata of a file attached to a comment; the bytes live elsewhere. */
public record Attachment(String name, String contentType, long size, String uri) {

    public Attachment {
        Objects.requireNonNull(name, "name");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
