package org.casestream.command.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.casestream.events.Attachment;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Uploads, and the files comments and tickets name. A file's type is sniffed from its bytes (Tika's magic), never
 * taken from its name or the client's word; its bytes are stored once per content. An upload belongs to its uploader
 * until a comment or ticket of a case names it; from then on, to whoever may read that case.
 */
@Service
public class Attachments {

    /** An upload as stored. */
    public record Stored(UUID attachmentId, String sha256, String name, String contentType, long size,
                         String uploadedBy, Instant uploadedAt, UUID caseId) {

        public String uri() {
            return "/api/attachments/" + attachmentId;
        }

        public Attachment toAttachment() {
            return new Attachment(name, contentType, size, uri());
        }

        @Override
        public String toString() {
            return "Stored[" + attachmentId + ", " + contentType + ", " + size + " bytes]";
        }
    }

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

    private final JdbcClient jdbc;
    private final AttachmentStore store;
    private final AttachmentProperties properties;
    private final Clock clock;

    public Attachments(JdbcClient jdbc, AttachmentStore store, AttachmentProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores an upload; 413 when it is larger than {@code casestream.attachments.max-size}. */
    public Stored upload(String name, InputStream content, String who) {
        Path temporary = null;
        try {
            temporary = Files.createTempFile("casestream-upload", ".bin");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream hashed = new DigestInputStream(new Capped(content, properties.maxSize().toBytes()), digest)) {
                size = Files.copy(hashed, temporary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            String type = sniff(temporary);
            store.put(sha256, temporary);
            Stored stored = new Stored(UUID.randomUUID(), sha256, cleanName(name), type, size, who, clock.instant(),
                    null);
            jdbc.sql("""
                            INSERT INTO attachment (attachment_id, sha256, name, content_type, size, uploaded_by,
                                                    uploaded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(stored.attachmentId(), sha256, stored.name(), type, size, who,
                            Timestamp.from(stored.uploadedAt()))
                    .update();
            return stored;
        } catch (TooLarge e) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "An attachment may be at most "
                    + properties.maxSize().toMegabytes() + " MB");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } finally {
            if (temporary != null) {
                temporary.toFile().delete();
            }
        }
    }

    public Optional<Stored> find(UUID attachmentId) {
        return jdbc.sql("SELECT * FROM attachment WHERE attachment_id = ?").param(attachmentId)
                .query((rs, n) -> new Stored(rs.getObject("attachment_id", UUID.class), rs.getString("sha256"),
                        rs.getString("name"), rs.getString("content_type"), rs.getLong("size"),
                        rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(),
                        rs.getObject("case_id", UUID.class)))
                .optional();
    }

    public InputStream open(Stored stored) throws IOException {
        return store.open(stored.sha256());
    }

    /**
     * The attachments a comment or a ticket of {@code caseId} names, as its event records them. One named by id
     * must be an upload of the caller's (or of this case already), and becomes the case's; its name, type and
     * size are the stored ones. One without an id is a link the client describes, as before uploads existed.
     */
    public List<Attachment> bind(UUID caseId, List<AttachmentRef> refs, String who) {
        if (refs == null || refs.isEmpty()) {
            return List.of();
        }
        List<Attachment> attachments = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            AttachmentRef ref = refs.get(i);
            if (ref.attachmentId() == null) {
                if (ref.name() == null || ref.name().isBlank()) {
                    errors.add(new FieldError("attachments[" + i + "].name", "give the name, or an attachmentId"));
                } else {
                    attachments.add(ref.toAttachment());
                }
                continue;
            }
            Optional<Stored> stored = find(ref.attachmentId())
                    .filter(upload -> caseId.equals(upload.caseId())
                            || upload.caseId() == null && upload.uploadedBy().equals(who));
            if (stored.isEmpty()) {
                errors.add(new FieldError("attachments[" + i + "].attachmentId", "no upload of yours with this id"));
                continue;
            }
            jdbc.sql("UPDATE attachment SET case_id = ? WHERE attachment_id = ? AND case_id IS NULL")
                    .params(caseId, ref.attachmentId()).update();
            attachments.add(stored.get().toAttachment());
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return attachments;
    }

    /** Whether the channel opened the case (its intake recorded it as the case's owner). */
    public boolean ownedByChannel(String channel, UUID caseId) {
        return jdbc.sql("SELECT count(*) FROM case_owner WHERE channel = ? AND case_id = ?").params(channel, caseId)
                .query(Long.class).single() > 0;
    }

    /** What the bytes are, by their magic alone: a name like {@code invoice.pdf} says nothing. */
    private static String sniff(Path file) throws IOException {
        try (TikaInputStream stream = TikaInputStream.get(file)) {
            MediaType type = TYPES.detect(stream, new Metadata());
            if (type.equals(MediaType.OCTET_STREAM) && looksLikeText(file)) {
                return MediaType.TEXT_PLAIN.toString();
            }
            return type.toString();
        }
    }

    private static boolean looksLikeText(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        if (head.length == 0) {
            return true;
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        // valid UTF-8 so far (a character cut at the end of the sample is no error: endOfInput false)
        java.nio.charset.CoderResult result = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(head), java.nio.CharBuffer.allocate(head.length), false);
        return !result.isError();
    }

    /** The file's own name, without a path, control characters or quotes; {@code attachment} if nothing is left. */
    static String cleanName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.length() > 255) {
            base = base.substring(base.length() - 255);
        }
        return base.isEmpty() ? "attachment" : base;
    }

    /** Fails as soon as more than {@code limit} bytes were read. */
    private static final class Capped extends java.io.FilterInputStream {
        private final long limit;
        private long read;

        Capped(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge();
            }
        }
    }

    private static final class TooLarge extends IOException {
    }
}
