-- Who opened each case in the ledger: a channel's integration (it then owns the case: only it may pass on the
-- customer's replies and rating) or an agent on the customer's behalf (no channel owns it).
ALTER TABLE intake_request ADD COLUMN origin VARCHAR(16) NOT NULL DEFAULT 'agent';
-- Cases opened before: a channel's key acted as 'apikey:<id>' (the actor in the first event's metadata).
UPDATE intake_request r SET origin = 'channel'
WHERE EXISTS (SELECT 1 FROM domain_event_entry e
              WHERE e.aggregate_identifier = r.case_id::text AND e.sequence_number = 0
                AND convert_from(e.meta_data, 'UTF8')::jsonb ->> 'actor' LIKE 'apikey:%');
