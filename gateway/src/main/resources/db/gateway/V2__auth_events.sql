-- Every login, failure, lock, throttle, logout and token refresh, for admins to read. The username is kept only
-- when it names an account (what someone typed into the field may be anything, even a password).
CREATE TABLE auth_events (
    id          BIGSERIAL   PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    event       TEXT        NOT NULL,
    username    TEXT,
    address     TEXT,
    detail      TEXT
);
CREATE INDEX auth_events_by_user ON auth_events (username, id);

-- Accounts no longer lock as a whole (an attacker could lock anyone out): failures lock an account only for the
-- address they came from, in the gateway's memory. The count of failures in a row stays: it slows every attempt.
ALTER TABLE users DROP COLUMN locked_until;
