-- Human case numbers: CS-1001, CS-1002, ... (gaps are possible when a transaction rolls back; never reuse).
CREATE SEQUENCE case_number_seq START WITH 1001;

-- Exactly-once intake: the first request with a channel's Idempotency-Key or external reference claims the
-- row in the same transaction that stores the case's first event; retries find it and get the same answer.
CREATE TABLE intake_request (
    id              BIGSERIAL    PRIMARY KEY,
    channel         VARCHAR(32)  NOT NULL,
    idempotency_key VARCHAR(255),
    external_ref    VARCHAR(255),
    request_hash    CHAR(64)     NOT NULL,
    case_id         UUID         NOT NULL,
    response        TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT intake_request_idempotency_key UNIQUE (channel, idempotency_key),
    CONSTRAINT intake_request_external_ref UNIQUE (channel, external_ref)
);
