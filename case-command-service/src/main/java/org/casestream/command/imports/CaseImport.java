package org.casestream.command.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casestream.command.customers.CustomerDetails;
import org.casestream.events.AuthorType;
import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Visibility;

/**
 * A case closed in another help desk, with its history: who wrote what when, who had it, when it was resolved
 * and how the customer rated it. {@code externalRef} is its id there: importing it again imports nothing.
 */
public record CaseImport(
        @NotBlank @Size(max = 200) String externalRef,
        @NotNull @Valid CustomerDetails customer,
        @NotBlank @Size(max = 250) String subject,
        @Size(max = 50_000) String description,
        @NotNull Channel channel,
        @NotNull Queue queue,
        @NotNull Priority priority,
        @NotNull Instant openedAt,
        UUID assignee,
        Instant firstResponseDue,
        Instant resolutionDue,
        @Size(max = 200) List<@NotNull @Valid Comment> comments,
        @NotNull Instant resolvedAt,
        @Min(1) @Max(5) Integer rating,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags) {

    public CaseImport {
        comments = comments == null ? List.of() : List.copyOf(comments);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** One message of the thread: the customer's, or an agent's (by the assignee) public reply or internal note. */
    public record Comment(@NotNull Instant at, @NotNull AuthorType author, @Size(max = 200) String authorName,
                          Visibility visibility, @NotBlank @Size(max = 50_000) String body) {
    }

    @Override
    public String toString() {
        return "CaseImport[" + externalRef + ", comments=" + comments.size() + "]";
    }
}
