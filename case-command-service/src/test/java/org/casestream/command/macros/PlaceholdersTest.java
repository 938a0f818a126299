package org.casestream.command.macros;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Placeholders are filled in once, as plain text; anything else in braces is named as unknown. */
class PlaceholdersTest {

    @Test
    void fillsEachKnownPlaceholderSpacesInsideTheBracesAllowed() {
        String rendered = Placeholders.render("Hi {{customer.firstName}}, {{ case.number }} is with {{agent.name}}.",
                Map.of("customer.firstName", "Ada", "case.number", "CS-1001", "agent.name", "Grace"));

        assertThat(rendered).isEqualTo("Hi Ada, CS-1001 is with Grace.");
    }

    @Test
    void aValueIsInsertedAsItIsAndNeverReadAgain() {
        String rendered = Placeholders.render("Dear {{customer.name}}, from {{agent.name}}",
                Map.of("customer.name", "{{agent.name}} <script>alert(1)</script> $1 \\", "agent.name", "Grace"));

        assertThat(rendered).isEqualTo("Dear {{agent.name}} <script>alert(1)</script> $1 \\, from Grace");
    }

    @Test
    void namesUnknownPlaceholdersOnceInOrderAndLeavesLoneBracesAlone() {
        assertThat(Placeholders.unknownIn("{{customer.nam}} {{ ticket.id }} {{customer.nam}} {{agent.name}} { {x} }}"))
                .containsExactly("customer.nam", "ticket.id");
        assertThat(Placeholders.unknownIn("no placeholders {here}")).isEmpty();
        assertThat(Placeholders.render("{{unknown}} stays", Map.of())).isEqualTo("{{unknown}} stays");
    }

    @Test
    void aFirstNameIsTheFirstWordOfTheName() {
        assertThat(Placeholders.firstName("  Ada   King Lovelace ")).isEqualTo("Ada");
        assertThat(Placeholders.firstName(null)).isEmpty();
    }
}
