package org.casestream.gateway.users;

import java.util.List;

/** The roles a person can hold ({@code channel} belongs to API keys only). */
public final class PersonRoles {

    public static final String ADMIN = "admin";
    public static final List<String> ALL = List.of("agent", "lead", "manager", ADMIN, "ops");
    /** For Bean Validation, which needs a constant; kept equal to {@link #ALL} by a test. */
    public static final String PATTERN = "agent|lead|manager|admin|ops";
    public static final String RULE = "must be one of agent, lead, manager, admin, ops";

    private PersonRoles() {
    }
}
