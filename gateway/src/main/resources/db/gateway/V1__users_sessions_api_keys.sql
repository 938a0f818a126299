-- People who log in. Roles are a comma-separated subset of agent, lead, manager, admin, ops.
CREATE TABLE users (
    username        TEXT PRIMARY KEY,
    display_name    TEXT        NOT NULL,
    password_hash   TEXT        NOT NULL,
    roles           TEXT        NOT NULL,
    disabled        BOOLEAN     NOT NULL DEFAULT FALSE,
    -- consecutive failed logins since the last success or lock; at the limit the account locks until locked_until
    failed_logins   INTEGER     NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- One login: its refresh tokens rotate within it; revoking it refuses its access tokens too (claim sid).
CREATE TABLE sessions (
    id          UUID PRIMARY KEY,
    username    TEXT        NOT NULL REFERENCES users (username),
    created_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX sessions_by_user ON sessions (username);

-- Refresh tokens by SHA-256 (hex) only. A used one was rotated: presenting it again revokes its session.
CREATE TABLE refresh_tokens (
    token_hash  TEXT PRIMARY KEY,
    session_id  UUID        NOT NULL REFERENCES sessions (id),
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);

-- Access tokens refused before they expire (logout), by jti; rows past expires_at can be purged.
CREATE TABLE revoked_access_tokens (
    jti         TEXT PRIMARY KEY,
    expires_at  TIMESTAMPTZ NOT NULL
);

-- Channels' API keys by SHA-256 (hex) only; the key itself is shown once at creation.
CREATE TABLE api_keys (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL,
    channel     TEXT        NOT NULL,
    key_hash    TEXT        NOT NULL UNIQUE,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ
);
