-- Queues are data: the command service's queue catalogue, as its QueueCreated/Renamed/Archived/Restored events
-- tell it. Rules must name a queue that takes cases; rules and the classifier's answers for an archived queue are
-- passed over, so no new case goes there. The shipped queues are here from the start.
CREATE TABLE queues (
    queue_key  text    PRIMARY KEY,
    name       text    NOT NULL,
    archived   boolean NOT NULL DEFAULT false
);

INSERT INTO queues (queue_key, name) VALUES
    ('Login', 'Login'), ('Orders', 'Orders'), ('Deliveries', 'Deliveries'), ('Payments', 'Payments'),
    ('Refunds', 'Refunds'), ('Unclassified', 'Unclassified');
