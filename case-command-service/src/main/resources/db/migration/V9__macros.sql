-- Macros: canned responses an agent applies to a case in one step, a reply or an internal note with placeholders
-- ({{customer.name}}, {{case.number}}, ...) and optionally a status, a priority, tags and an internal note. A shared
-- macro (owner NULL) is the team's and leads and admins keep it; a personal one is its owner's (a token's subject)
-- alone. Applying one is a MacroApplied event on the case; usage_count grows in the same transaction as that event.
CREATE TABLE macro (
    macro_id      UUID          PRIMARY KEY,
    name          VARCHAR(100)  NOT NULL,
    owner         VARCHAR(255),                           -- NULL: shared
    body          TEXT          NOT NULL,
    visibility    VARCHAR(16)   NOT NULL,                 -- public | internal
    set_status    VARCHAR(16),
    set_priority  VARCHAR(16),
    add_tags      TEXT          NOT NULL DEFAULT '[]',    -- a JSON array of tags
    note          TEXT,                                   -- an internal note added as well
    usage_count   BIGINT        NOT NULL DEFAULT 0,
    last_used_at  TIMESTAMPTZ,
    created_by    VARCHAR(255)  NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    updated_by    VARCHAR(255)  NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL
);
-- one name per scope: the team's names, and each person's own
CREATE UNIQUE INDEX macro_shared_name ON macro (lower(name)) WHERE owner IS NULL;
CREATE UNIQUE INDEX macro_personal_name ON macro (owner, lower(name)) WHERE owner IS NOT NULL;
CREATE INDEX macro_by_owner ON macro (owner);
