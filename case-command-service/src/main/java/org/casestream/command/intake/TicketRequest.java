package org.casestream.command.intake;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casestream.command.attachments.AttachmentRef;
import org.casestream.command.customers.CustomerDetails;
import org.casestream.events.Channel;
import org.casestream.events.Priority;

/**
 * A new case, from a channel ({@code POST /api/intake/tickets}, the channel comes from its credentials) or
 * from an agent ({@code POST /api/cases}, who must name the channel it came through).
 */
public record TicketRequest(
        @NotNull @Valid CustomerDetails customer,
        @NotBlank @Size(max = 250) String subject,
        @Size(max = 50_000) String description,
        @Size(max = 200) String externalRef,
        Priority priority,
        @NotNull(groups = OpenedByAgent.class) Channel channel,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
        @Size(max = 20) List<@Valid AttachmentRef> attachments) {

    /** Validation group of the rules that apply only when an agent opens the case. */
    public interface OpenedByAgent {
    }

    @Override
    public String toString() {
        return "TicketRequest[" + customer + ", channel=" + channel + "]";
    }
}
