-- The semantic classifier learns from labelled examples: the ones the product ships (seeded at start-up from
-- routing-classifier's default-examples.tsv, so a newer release adds its new ones), the ones admins add, and the
-- re-queues people made (training_examples, rebuilt from the events). Removing an example keeps its row
-- (removed_at), so a shipped example an admin removed does not come back with the next start.
CREATE TABLE queue_examples (
    id          bigserial PRIMARY KEY,
    queue       text        NOT NULL,                 -- a queue, or Unclassified: "belongs to no queue"
    text        text        NOT NULL,
    source      text        NOT NULL,                 -- shipped | admin
    added_by    text        NOT NULL,
    added_at    timestamptz NOT NULL,
    removed_by  text,
    removed_at  timestamptz
);
CREATE UNIQUE INDEX queue_examples_once ON queue_examples (queue, md5(text));

-- A decisive rule wins over the classifier; any other rule decides only where the classifier is unsure.
ALTER TABLE classification_rules ADD COLUMN decisive boolean NOT NULL DEFAULT false;

-- Each case's sentence embedding (all-MiniLM-L6-v2: 384 floats of unit length, little-endian), written when the
-- case is triaged, for similar cases and duplicates; pruned after casestream.retention.case-vectors.
CREATE TABLE case_vectors (
    case_id      uuid PRIMARY KEY,
    customer_id  text        NOT NULL,                -- to find the same customer's duplicates
    opened_at    timestamptz NOT NULL,
    vector       bytea                                -- null until the case is triaged
);
CREATE INDEX case_vectors_by_customer ON case_vectors (customer_id, opened_at);
CREATE INDEX case_vectors_by_age ON case_vectors (opened_at);
