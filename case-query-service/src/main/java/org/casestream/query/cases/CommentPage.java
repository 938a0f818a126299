package org.casestream.query.cases;

import java.util.List;

/**
 * A page of a case's thread, oldest first. {@code total} is how many comments the caller may see; {@code older} is
 * what to pass as {@code before} for the page before this one, {@code newer} what to pass as {@code after} for the
 * page after it (null when there is none).
 */
public record CommentPage(List<CommentView> items, int total, Integer older, Integer newer) {

    public CommentPage {
        items = List.copyOf(items);
    }
}
