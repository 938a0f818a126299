-- Customers are records of their own (CustomerAggregate in the event store). Intake finds a customer by an
-- identity (an email address, or a channel's own id for them) before it opens a case: one identity, one customer,
-- claimed in the same transaction as the events, so two tickets of a new customer at once make one record.
-- The tier is kept here too: a new case takes its customer's tier as it is now.
CREATE TABLE customer_record (
    customer_id  VARCHAR(64)  PRIMARY KEY,
    tier         VARCHAR(16)  NOT NULL,
    merged_into  VARCHAR(64)
);

CREATE TABLE customer_identity (
    identity_key VARCHAR(600) PRIMARY KEY,               -- email:ada@example.com | external:web:4711 (PII)
    customer_id  VARCHAR(64)  NOT NULL
);
CREATE INDEX customer_identity_by_customer ON customer_identity (customer_id);
