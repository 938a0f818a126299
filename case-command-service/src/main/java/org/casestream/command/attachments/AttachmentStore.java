package org.casestream.command.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where attachments' bytes live, by their SHA-256: the same content is stored once. {@link #put} is called with
 * a file whose hash is known and is idempotent.
 */
public interface AttachmentStore {

    void put(String sha256, Path content) throws IOException;

    /** The bytes; the caller closes the stream. */
    InputStream open(String sha256) throws IOException;
}
