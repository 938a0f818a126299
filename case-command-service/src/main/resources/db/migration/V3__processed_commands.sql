-- Commands sent with an Idempotency-Key: the first one claims its key in the transaction that stores its events,
-- so a retry of an applied command changes nothing. Old keys can be dropped once retries are no longer possible.
CREATE TABLE processed_command (
    command_id   VARCHAR(600) PRIMARY KEY,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
