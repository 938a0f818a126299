-- A TOTP second factor (RFC 6238) per person: the shared secret (Base32), whether its owner proved it with a
-- code (until then it is only being enrolled), and the last time step a code was accepted for (never twice).
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_confirmed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

-- Settings an admin switches: whether admins and leads must log in with a second factor.
CREATE TABLE security_settings (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    totp_required BOOLEAN NOT NULL DEFAULT FALSE
);
INSERT INTO security_settings (id, totp_required) VALUES (1, FALSE);
