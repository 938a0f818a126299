package org.casestream.command.attachments;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.casestream.events.Attachment;

/** An attachment a comment or a customer's reply names (its metadata; the file lives where {@code uri} says). */
public record AttachmentRef(@NotBlank @Size(max = 255) String name, @Size(max = 255) String contentType,
                            @Min(0) long size, @Size(max = 2048) String uri) {

    public Attachment toAttachment() {
        return new Attachment(name, contentType, size, uri);
    }
}
