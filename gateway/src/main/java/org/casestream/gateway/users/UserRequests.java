package org.casestream.gateway.users;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What admins send to create and change users. */
final class UserRequests {

    static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,63}";
    static final String USERNAME_RULE = "must be 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";
    static final String PASSWORD_RULE = "must be 12 to 200 characters";
    static final String NOT_BLANK = ".*\\S.*";

    private UserRequests() {
    }

    record CreateUser(
            @NotNull @Pattern(regexp = USERNAME, message = USERNAME_RULE) String username,
            @NotBlank @Size(max = 100) String displayName,
            @NotNull @Size(min = 12, max = 200, message = PASSWORD_RULE) String password,
            @NotEmpty List<@NotNull @Pattern(regexp = PersonRoles.PATTERN, message = PersonRoles.RULE) String> roles,
            UUID agentId) {
    }

    /** Only the fields present change. */
    record UpdateUser(
            @Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String displayName,
            @Size(min = 1, message = "must name at least one role")
            List<@NotNull @Pattern(regexp = PersonRoles.PATTERN, message = PersonRoles.RULE) String> roles,
            Boolean disabled,
            @Size(min = 12, max = 200, message = PASSWORD_RULE) String password,
            UUID agentId) {
    }
}
