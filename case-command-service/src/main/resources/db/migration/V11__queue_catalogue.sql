-- Queues are data (QueueAggregate in the event store, one stream per queue key). This catalogue answers, in the
-- transaction that writes the queue's events, whether a key or a name is taken (without letter case), and lets
-- commands that name a queue (skills, moving a case) refuse one that does not exist or is archived. The shipped
-- queues are here from the start; their stream begins with the first change an admin makes to one.
CREATE TABLE queue_catalogue (
    queue_key    VARCHAR(40)  PRIMARY KEY,
    key_folded   VARCHAR(40)  NOT NULL UNIQUE,
    name         VARCHAR(60)  NOT NULL,
    name_folded  VARCHAR(60)  NOT NULL UNIQUE,
    archived     BOOLEAN      NOT NULL DEFAULT FALSE,
    shipped      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

INSERT INTO queue_catalogue (queue_key, key_folded, name, name_folded, shipped) VALUES
    ('Login', 'login', 'Login', 'login', TRUE),
    ('Orders', 'orders', 'Orders', 'orders', TRUE),
    ('Deliveries', 'deliveries', 'Deliveries', 'deliveries', TRUE),
    ('Payments', 'payments', 'Payments', 'payments', TRUE),
    ('Refunds', 'refunds', 'Refunds', 'refunds', TRUE),
    ('Unclassified', 'unclassified', 'Unclassified', 'unclassified', TRUE);
