package org.casestream.command.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.casestream.command.platform.CallerChannel;
import org.casestream.support.security.Caller;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.casestream.support.web.NotFound;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploading a file (then named by id in a comment, a reply or a ticket) and downloading one: only by whoever may
 * read its case (a channel only its own cases' files), always as a download, never rendered by the browser.
 */
@RestController
public class AttachmentController {

    /** Types a browser may be told as they are; anything else (HTML, SVG, scripts…) goes as bytes. */
    static final Set<String> SHOWN_AS_IS = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf", "text/plain", "application/zip", "text/csv");
    private static final Set<String> CASE_READERS = Set.of("agent", "lead", "manager", "admin", "ops");

    private final Attachments attachments;
    private final CallerChannel channels;

    public AttachmentController(Attachments attachments, CallerChannel channels) {
        this.attachments = attachments;
        this.channels = channels;
    }

    @Operation(summary = "Upload a file (multipart, field 'file'); name its attachmentId in a comment, reply or ticket")
    @PostMapping(value = "/api/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<AttachmentView> upload(@RequestParam(name = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidRequest(java.util.List.of(new FieldError("file", "give a file that is not empty")));
        }
        try (InputStream content = file.getInputStream()) {
            Attachments.Stored stored = attachments.upload(file.getOriginalFilename(), content,
                    Caller.current().subject());
            return ResponseEntity.created(URI.create(stored.uri())).body(AttachmentView.of(stored));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(summary = "Download a file: its uploader, or whoever may read its case; always as an attachment")
    @GetMapping("/api/attachments/{attachmentId}")
    public ResponseEntity<InputStreamResource> download(@PathVariable UUID attachmentId) throws IOException {
        Caller caller = Caller.current();
        Attachments.Stored stored = attachments.find(attachmentId).filter(found -> mayRead(caller, found))
                .orElseThrow(() -> new NotFound("No attachment " + attachmentId));
        MediaType type = SHOWN_AS_IS.contains(stored.contentType()) ? MediaType.parseMediaType(stored.contentType())
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(stored.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stored.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(attachments.open(stored)));
    }

    /** Before a case names it, only its uploader; after, whoever may read the case (a channel: its own cases). */
    private boolean mayRead(Caller caller, Attachments.Stored stored) {
        if (stored.caseId() == null) {
            return stored.uploadedBy().equals(caller.subject());
        }
        if (CASE_READERS.stream().anyMatch(caller::hasRole)) {
            return true;
        }
        return caller.isChannel() && attachments.ownedByChannel(channels.current().wire(), stored.caseId());
    }

    /** An upload as its uploader sees it. */
    public record AttachmentView(UUID attachmentId, String name, String contentType, long size, String sha256,
                                 String uri) {
        static AttachmentView of(Attachments.Stored stored) {
            return new AttachmentView(stored.attachmentId(), stored.name(), stored.contentType(), stored.size(),
                    stored.sha256(), stored.uri());
        }
    }
}
