-- Survey links answered: a link (its survey id, signed into the done-mail by the notification service) is used once.
-- Inserting the row is the claim, in the transaction of the SatisfactionRated event it allows: a second answer, even
-- a concurrent one, finds the row and is refused. A row is pruned a day after its link expired, when the link is
-- refused as expired anyway.
CREATE TABLE survey_response (
    survey_id    UUID         PRIMARY KEY,
    case_id      UUID         NOT NULL,
    answered_at  TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX survey_response_expiry ON survey_response (expires_at);
