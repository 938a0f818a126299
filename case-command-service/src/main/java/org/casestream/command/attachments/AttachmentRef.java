package org.casestream.command.attachments;

import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.casestream.events.Attachment;

/**
 * An attachment a comment, a reply or a ticket names: an upload by its {@code attachmentId} (its name, type and
 * size are then the stored ones), or a file elsewhere that the client describes ({@code name} and {@code uri}).
 */
public record AttachmentRef(UUID attachmentId, @Size(max = 255) String name, @Size(max = 255) String contentType,
                            @Min(0) long size, @Size(max = 2048) String uri) {

    public Attachment toAttachment() {
        return new Attachment(name, contentType, size, uri);
    }
}
