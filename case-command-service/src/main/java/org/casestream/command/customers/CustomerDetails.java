package org.casestream.command.customers;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.casestream.events.Tier;

/** The customer as a channel or an agent gives them; without an id, one is derived from the email. */
public record CustomerDetails(
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "may hold letters, digits and . _ : - only")
        String customerId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        Tier tier) {

    @Override
    public String toString() {
        return "CustomerDetails[" + customerId + ", tier=" + tier + "]";
    }
}
