-- Which channel owns each case it opened (only that channel may pass on the customer's replies and rating, and
-- it names the case by number or by its own reference): kept for as long as the case. It used to be read from the
-- intake ledger, whose rows are only kept for casestream.retention.intake-requests now. Cases an agent opened on
-- the customer's behalf belong to no channel and have no row.
CREATE TABLE case_owner (
    case_id      UUID         PRIMARY KEY,
    channel      VARCHAR(32)  NOT NULL,
    case_number  VARCHAR(32)  NOT NULL UNIQUE,
    external_ref VARCHAR(255),
    opened_at    TIMESTAMPTZ  NOT NULL
);
-- A reference may name several cases once its intake request was pruned: a reply goes to the newest.
CREATE INDEX case_owner_by_reference ON case_owner (channel, external_ref, opened_at);

INSERT INTO case_owner (case_id, channel, case_number, external_ref, opened_at)
SELECT case_id, channel, case_number, external_ref, created_at FROM intake_request
WHERE origin = 'channel' AND case_number IS NOT NULL;

-- The ledger keeps only what recognises a retried ticket, and is pruned by age.
ALTER TABLE intake_request DROP COLUMN case_number, DROP COLUMN origin;
DROP INDEX intake_request_case_id;
CREATE INDEX intake_request_by_age ON intake_request (created_at);
CREATE INDEX processed_command_by_age ON processed_command (processed_at);
