package org.casestream.query.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.casestream.events.Attachment;
import org.casestream.events.AuthorType;
import org.casestream.events.Visibility;

/** One comment of a case's thread; {@code internal} notes are for agents only. */
public record CommentView(UUID commentId, UUID parentId, AuthorType authorType, String authorId, String authorName,
                          Visibility visibility, boolean internal, String body, List<Attachment> attachments,
                          Instant at) {

    public CommentView {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    @Override
    public String toString() {
        return "CommentView[" + commentId + ", " + authorType + ", " + visibility + "]";
    }
}
