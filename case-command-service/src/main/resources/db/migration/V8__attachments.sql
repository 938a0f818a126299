-- Attachments: the bytes are stored once per content (content-addressed by SHA-256, in the configured store:
-- the filesystem locally, or the database), and each upload is a row naming its file, who uploaded it and, once a
-- comment or a ticket names it, the case it belongs to. Only callers who may read that case may download it.
CREATE TABLE attachment (
    attachment_id  UUID          PRIMARY KEY,
    sha256         CHAR(64)      NOT NULL,
    name           VARCHAR(255)  NOT NULL,               -- as given, shown, never trusted for the type (PII)
    content_type   VARCHAR(255)  NOT NULL,               -- sniffed from the bytes
    size           BIGINT        NOT NULL,
    uploaded_by    VARCHAR(255)  NOT NULL,
    uploaded_at    TIMESTAMPTZ   NOT NULL,
    case_id        UUID                                  -- null until a comment or ticket names it
);
CREATE INDEX attachment_by_case ON attachment (case_id);
CREATE INDEX attachment_unbound_by_age ON attachment (uploaded_at) WHERE case_id IS NULL;

-- The database store's bytes (casestream.attachments.store=database); the filesystem store keeps none here.
CREATE TABLE attachment_content (
    sha256   CHAR(64)  PRIMARY KEY,
    content  BYTEA     NOT NULL
);
