-- The email channel: mail received (each Message-ID once), the conversations it belongs to, and where each mailbox
-- was read up to.

-- The channel a case came in through: mail for a case opened by email is a reply in its thread.
ALTER TABLE case_directory ADD COLUMN channel text;

-- One row per Message-ID received, whichever mailbox or instance saw it first: inserting it is the claim (in its
-- own transaction, leased while the command service is called), and a second copy finds the row and does nothing.
-- status: processing (claimed), opened (a new case), replied (a comment on a case), ignored (reason says why:
-- auto-reply, bounce, list mail, ...). raw is the message as received, up to casestream.mail.inbound.raw-limit
-- bytes (raw_size is its whole size), set to NULL after casestream.retention.inbound-raw; the row itself goes
-- after casestream.retention.inbound-messages. Addresses and text are PII: they are in raw only, never logged.
CREATE TABLE inbound_message (
    message_id    text PRIMARY KEY,
    source        text        NOT NULL,
    status        text        NOT NULL,
    reason        text,
    case_id       uuid,
    case_number   text,
    attachments   text,
    raw           bytea,
    raw_size      int         NOT NULL,
    attempts      int         NOT NULL DEFAULT 0,
    claimed_until timestamptz,
    received_at   timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX inbound_message_case ON inbound_message (case_id, received_at) WHERE case_id IS NOT NULL;
CREATE INDEX inbound_message_by_age ON inbound_message (received_at);

-- A case's mail conversation: its random token (in subjects as [CS-1042 #token]: a reply finds its case by it,
-- and it cannot be guessed from the case number), and whether the customer's side answered with an automatic
-- mail (an out-of-office, a bounce): then no further automatic mail (case opened, done) goes to them.
CREATE TABLE mail_case (
    case_id           uuid PRIMARY KEY,
    case_number       text        NOT NULL,
    token             text        NOT NULL UNIQUE,
    auto_mail_stopped boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL
);

-- Every message of a case's conversation by Message-ID, both ways: the customer's (in) and the mails sent to the
-- customer (out, <delivery-ID@casestream>). A reply's In-Reply-To / References find the case here; the mails sent
-- take their In-Reply-To and References from here. Pruned with the inbound messages.
CREATE TABLE mail_thread (
    message_id text PRIMARY KEY,
    case_id    uuid        NOT NULL,
    direction  text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX mail_thread_case ON mail_thread (case_id, at);
CREATE INDEX mail_thread_by_age ON mail_thread (at);

-- Where each mailbox folder was read up to (IMAP UIDs are valid only within one UIDVALIDITY); shared by every
-- instance. A message past it that is not finished holds it back; re-reading one already recorded does nothing.
CREATE TABLE mailbox_position (
    mailbox      text   NOT NULL,
    folder       text   NOT NULL,
    uid_validity bigint NOT NULL,
    last_uid     bigint NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (mailbox, folder)
);
