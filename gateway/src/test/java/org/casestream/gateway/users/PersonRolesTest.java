package org.casestream.gateway.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonRolesTest {

    @Test
    void theValidationPatternAndRuleNameExactlyThePersonRoles() {
        assertThat(PersonRoles.PATTERN).isEqualTo(String.join("|", PersonRoles.ALL));
        assertThat(PersonRoles.RULE).isEqualTo("must be one of " + String.join(", ", PersonRoles.ALL));
    }
}
