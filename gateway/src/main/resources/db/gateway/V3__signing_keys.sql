-- The token signing keys, by key id. The JWK set publishes every key not yet retired; tokens are signed with the
-- newest key whose activation time has come. A rotation publishes the next key before it signs anything (the
-- services' JWK set caches must see it first) and retires the previous one once no token it signed is still valid.
-- Private keys stay files (private_key_file; null = the configured key pair), as the first key always was.
CREATE TABLE signing_keys (
    kid              TEXT        PRIMARY KEY,
    public_key       TEXT        NOT NULL,
    private_key_file TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    activates_at     TIMESTAMPTZ NOT NULL,
    retires_at       TIMESTAMPTZ
);
