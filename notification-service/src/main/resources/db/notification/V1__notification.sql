-- The notification service's own state: what it knows of cases and agents (to address notifications),
-- who gets what, webhook subscriptions, and every delivery with each of its attempts.

-- Fed by the case events; last_sequence makes applying an event twice a no-op.
CREATE TABLE case_directory (
    case_id        uuid PRIMARY KEY,
    case_number    text        NOT NULL,
    customer_name  text,
    customer_email text,
    subject        text,
    queue          text        NOT NULL,
    priority       text        NOT NULL,
    status         text        NOT NULL,
    assignee_id    uuid,
    last_sequence  bigint      NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE TABLE agent_directory (
    agent_id      uuid PRIMARY KEY,
    name          text        NOT NULL,
    email         text,
    last_sequence bigint      NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- Every event this service has acted on: a duplicate is skipped whole, even if the case has changed since
-- (re-planning it later could address someone new, e.g. a new assignee).
CREATE TABLE processed_event (
    event_id     text PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL
);

-- Who gets what: a trigger (a situation on a case) sent to an audience. Defaults below; admins edit them.
CREATE TABLE notification_rule (
    trigger    text        NOT NULL,
    audience   text        NOT NULL,
    enabled    boolean     NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text        NOT NULL DEFAULT 'default',
    PRIMARY KEY (trigger, audience)
);

INSERT INTO notification_rule (trigger, audience, enabled) VALUES
    ('case-opened',          'customer', true),
    ('agent-reply',          'customer', true),
    ('case-done',            'customer', true),
    ('case-assigned',        'assignee', true),
    ('customer-reply',       'assignee', true),
    ('critical-case-opened', 'leads',    true),
    ('critical-case-opened', 'team',     true),
    ('sla-breached',         'leads',    true),
    ('sla-breached',         'team',     true),
    ('case-escalated',       'leads',    true),
    ('case-escalated',       'team',     true);

-- Admin settings: one row. Private targets are refused unless allowed here (SSRF guard).
CREATE TABLE notification_settings (
    id                    int     PRIMARY KEY CHECK (id = 1),
    allow_private_targets boolean NOT NULL,
    lead_emails           text[]  NOT NULL,
    updated_at            timestamptz NOT NULL DEFAULT now()
);
INSERT INTO notification_settings (id, allow_private_targets, lead_emails) VALUES (1, false, '{}');

-- Slack incoming webhooks per team (a queue's wire name, or 'default'); the URL is a secret, so encrypted.
CREATE TABLE slack_webhook (
    team       text PRIMARY KEY,
    url_cipher bytea       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_subscription (
    id            uuid PRIMARY KEY,
    url           text        NOT NULL,
    event_types   text[]      NOT NULL,
    secret_cipher bytea       NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    deleted_at    timestamptz
);

-- One row per effect: the unique key (event, channel, recipient) is what makes a duplicate event send nothing.
-- Rows are written in the same transaction as the directory update, before the Kafka offset is committed,
-- and sent later by the dispatcher, in order per (channel, recipient, aggregate).
CREATE TABLE delivery (
    id                 uuid PRIMARY KEY,
    seq                bigserial   NOT NULL,
    event_id           text        NOT NULL,
    event_type         text        NOT NULL,
    aggregate_id       text        NOT NULL,
    case_id            uuid,
    event_sequence     bigint      NOT NULL,
    channel            text        NOT NULL,
    recipient          text        NOT NULL,
    subscription_id    uuid REFERENCES webhook_subscription (id),
    template           text,
    subject            text,
    body               text        NOT NULL,
    status             text        NOT NULL,
    attempts           int         NOT NULL DEFAULT 0,
    round_attempts     int         NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL,
    claimed_until      timestamptz,
    last_response_code int,
    last_error         text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    delivered_at       timestamptz,
    CONSTRAINT delivery_once UNIQUE (event_id, channel, recipient)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status IN ('pending', 'retrying');
CREATE INDEX delivery_lane ON delivery (channel, recipient, aggregate_id, seq) WHERE status IN ('pending', 'retrying');
CREATE INDEX delivery_case ON delivery (case_id, seq);
CREATE INDEX delivery_subscription ON delivery (subscription_id, seq);

CREATE TABLE delivery_attempt (
    delivery_id   uuid        NOT NULL REFERENCES delivery (id),
    attempt       int         NOT NULL,
    at            timestamptz NOT NULL,
    outcome       text        NOT NULL,
    response_code int,
    error         text,
    PRIMARY KEY (delivery_id, attempt)
);
