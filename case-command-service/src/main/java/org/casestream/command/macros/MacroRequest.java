package org.casestream.command.macros;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.casestream.events.CaseStatus;
import org.casestream.events.Priority;
import org.casestream.events.Visibility;

/**
 * A macro as a person writes it: {@code scope} shared (leads and admins) or personal (the default; cannot change
 * later), the {@code body} with placeholders, as a public reply (default) or an internal note, and optional
 * {@code actions}.
 */
public record MacroRequest(@NotBlank @Size(max = 100) String name, MacroScope scope,
                           @NotBlank @Size(max = MacroRequest.MAX_TEXT) String body, Visibility visibility,
                           @Valid Actions actions) {

    public static final int MAX_TEXT = 10_000;

    /** {@code status}: in progress or done; {@code tags} are added; {@code note}: an internal note, with placeholders. */
    public record Actions(CaseStatus status, Priority priority,
                          @Size(max = 20) Set<@NotBlank @Size(max = 50) String> tags,
                          @Size(max = MacroRequest.MAX_TEXT) String note) {
    }

    @Override
    public String toString() {
        return "MacroRequest[" + scope + ", " + visibility + "]";
    }
}
