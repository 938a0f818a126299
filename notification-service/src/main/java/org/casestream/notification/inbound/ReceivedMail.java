package org.casestream.notification.inbound;

import java.util.ArrayList;
import java.util.List;

/**
 * A received message as the email channel reads it. {@code messageId} is the message's own (with its angle
 * brackets), or one derived from its content when it has none; {@code text} is its new text (HTML made plain,
 * quoted history folded away); {@code threadIds} the Message-IDs it answers, In-Reply-To first, then References
 * from the newest; {@code ignored} why it must neither open a case nor be answered (null when it is a person's
 * mail); {@code reportedIds} the Message-IDs a delivery report or an automatic answer is about. Addresses, subject
 * and text are PII: {@link #toString()} shows none of them.
 */
public record ReceivedMail(String messageId, String fromName, String fromAddress, String subject, String text,
                           List<String> inReplyTo, List<String> references, List<AttachmentMeta> attachments,
                           IgnoreReason ignored, List<String> reportedIds) {

    /**
     * A file attached to the mail: its name, declared content type, decoded size and bytes. The bytes go to the
     * command service's attachment store; they are never written to the ledger (only the rest is).
     */
    public record AttachmentMeta(String name, String contentType, long size,
                                 @com.fasterxml.jackson.annotation.JsonIgnore byte[] content) {

        public AttachmentMeta {
            content = content == null ? new byte[0] : content;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AttachmentMeta that && name.equals(that.name)
                    && java.util.Objects.equals(contentType, that.contentType) && size == that.size
                    && java.util.Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, contentType, size) * 31 + java.util.Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "AttachmentMeta[" + contentType + ", " + size + " bytes]";
        }
    }

    public ReceivedMail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        reportedIds = List.copyOf(reportedIds);
    }

    /** The ids this message answers: In-Reply-To first, then References newest first, then what a report names. */
    public List<String> threadIds() {
        List<String> ids = new ArrayList<>(inReplyTo);
        List<String> newestFirst = new ArrayList<>(references);
        java.util.Collections.reverse(newestFirst);
        newestFirst.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        reportedIds.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids;
    }

    public ReceivedMail ignoredAs(IgnoreReason reason) {
        return new ReceivedMail(messageId, fromName, fromAddress, subject, text, inReplyTo, references, attachments,
                reason, reportedIds);
    }

    @Override
    public String toString() {
        return "ReceivedMail[" + (ignored == null ? "a person's" : ignored.wire()) + ", " + attachments.size()
                + " attachments]";
    }
}
