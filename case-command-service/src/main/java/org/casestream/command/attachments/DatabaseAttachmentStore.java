package org.casestream.command.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Attachments' bytes in PostgreSQL ({@code attachment_content}), for a site without a shared filesystem. */
public class DatabaseAttachmentStore implements AttachmentStore {

    private final JdbcClient jdbc;

    public DatabaseAttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(String sha256, Path content) throws IOException {
        jdbc.sql("INSERT INTO attachment_content (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING")
                .params(sha256, Files.readAllBytes(content)).update();
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        byte[] content = jdbc.sql("SELECT content FROM attachment_content WHERE sha256 = ?").param(sha256)
                .query(byte[].class).optional()
                .orElseThrow(() -> new NoSuchFileException(sha256));
        return new ByteArrayInputStream(content);
    }
}
