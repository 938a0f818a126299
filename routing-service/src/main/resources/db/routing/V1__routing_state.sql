-- Routing's own state, rebuilt from casestream.case-events (reset the consumer group and truncate these to
-- rebuild), plus its configuration with the history of every change.

CREATE TABLE agents (
    agent_id          uuid PRIMARY KEY,
    availability      text        NOT NULL,
    capacity          int         NOT NULL,
    skills            jsonb       NOT NULL,           -- {"Login": 4, "Orders": 2}
    last_assigned_at  timestamptz,
    last_sequence     bigint      NOT NULL DEFAULT -1
);

CREATE TABLE cases (
    case_id             uuid PRIMARY KEY,
    case_number         text        NOT NULL,
    queue               text        NOT NULL,
    priority            text        NOT NULL,
    priority_rank       int         NOT NULL,         -- 0 critical … 3 low, for the waiting order
    tier                text        NOT NULL,
    channel             text        NOT NULL,
    subject             text        NOT NULL,         -- PII: the classifier's input, never logged
    description         text        NOT NULL,
    status              text        NOT NULL,
    assignee            uuid,
    manual              boolean     NOT NULL DEFAULT false,
    opened_at           timestamptz NOT NULL,
    first_response_due  timestamptz,
    resolution_due      timestamptz,
    sla_policy          text,
    escalation_level    int         NOT NULL DEFAULT 0,
    last_sequence       bigint      NOT NULL DEFAULT -1
);
CREATE INDEX cases_open_by_assignee ON cases (assignee) WHERE status <> 'done';
CREATE INDEX cases_waiting ON cases (queue, priority_rank, resolution_due, opened_at)
    WHERE assignee IS NULL AND status <> 'done';

-- Durable SLA timers: a timer fires once (fired_at set in the same transaction as the accepted breach), late
-- rather than never: whatever is due and unfired when the service runs is fired.
CREATE TABLE sla_timers (
    case_id   uuid        NOT NULL,
    target    text        NOT NULL,                   -- first-response | resolution
    due_at    timestamptz NOT NULL,
    fired_at  timestamptz,
    cancelled boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (case_id, target)
);
CREATE INDEX sla_timers_due ON sla_timers (due_at) WHERE fired_at IS NULL AND NOT cancelled;

CREATE TABLE classification_rules (
    id        bigserial PRIMARY KEY,
    position  int  NOT NULL,
    queue     text NOT NULL,
    kind      text NOT NULL,                          -- keyword | phrase | regex
    pattern   text NOT NULL
);

CREATE TABLE priority_rules (
    id        bigserial PRIMARY KEY,
    position  int  NOT NULL,
    kind      text NOT NULL,                          -- keyword | phrase | regex | tier | channel
    pattern   text NOT NULL,
    priority  text NOT NULL
);

CREATE TABLE sla_policies (
    priority                text NOT NULL,
    tier                    text NOT NULL,
    first_response_minutes  int  NOT NULL,
    resolution_minutes      int  NOT NULL,
    calendar                text,                     -- null: round the clock
    PRIMARY KEY (priority, tier)
);

CREATE TABLE calendars (
    name      text PRIMARY KEY,
    zone      text  NOT NULL,
    weekly    jsonb NOT NULL,                         -- {"MONDAY": [{"open": "09:00", "close": "17:00"}], …}
    holidays  jsonb NOT NULL                          -- ["2026-12-25", …]
);

-- Every configuration change: what it was before, what it is after, who and when.
CREATE TABLE config_changes (
    id          bigserial PRIMARY KEY,
    kind        text        NOT NULL,                 -- classification-rules | priority-rules | sla-policies | calendar
    item        text,
    before      jsonb,
    after       jsonb,
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL
);

-- Agents' re-queues: the classifier's training set, one (latest) label per case.
CREATE TABLE training_examples (
    case_id   uuid PRIMARY KEY,
    queue     text        NOT NULL,
    text      text        NOT NULL,                   -- PII, never logged
    added_at  timestamptz NOT NULL
);

-- Why each case went where it went.
CREATE TABLE decisions (
    id        bigserial PRIMARY KEY,
    case_id   uuid        NOT NULL,
    at        timestamptz NOT NULL,
    kind      text        NOT NULL,
    detail    jsonb       NOT NULL
);
CREATE INDEX decisions_by_case ON decisions (case_id, id);
