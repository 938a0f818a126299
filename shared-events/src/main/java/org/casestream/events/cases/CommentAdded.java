package org.casestream.events.cases;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.casestream.events.Attachment;
import org.casestream.events.AuthorType;
import org.casestream.events.Visibility;

/** A reply or an internal note; {@code parentId} threads it under an earlier comment. The body is PII. */
public record CommentAdded(UUID caseId, UUID commentId, UUID parentId, AuthorType authorType, String authorId,
                           String authorName, Visibility visibility, String body, List<Attachment> attachments)
        implements CaseEvent {

    public CommentAdded {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(commentId, "commentId");
        Objects.requireNonNull(authorType, "authorType");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(body, "body");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public boolean internal() {
        return visibility == Visibility.INTERNAL;
    }

    @Override
    public String toString() {
        return "CommentAdded[" + caseId + ", " + commentId + ", " + authorType + ", " + visibility + "]";
    }
}
