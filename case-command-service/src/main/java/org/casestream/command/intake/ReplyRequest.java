package org.casestream.command.intake;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.casestream.command.attachments.AttachmentRef;

/** A customer's reply that a channel passes on, addressed by case number or by the channel's own reference. */
public record ReplyRequest(
        @Pattern(regexp = "CS-\\d+", message = "must look like CS-1042") String caseNumber,
        @Size(max = 200) String externalRef,
        @NotBlank @Size(max = 50_000) String body,
        @Size(max = 20) List<@Valid AttachmentRef> attachments) {

    @Override
    public String toString() {
        return "ReplyRequest[" + caseNumber + "]";
    }
}
