-- Finished deliveries are pruned after casestream.retention.deliveries, each with its attempts; processed events
-- after casestream.retention.processed-events. Indexes for the pruning job's look-ups by age.
ALTER TABLE delivery_attempt DROP CONSTRAINT delivery_attempt_delivery_id_fkey,
    ADD CONSTRAINT delivery_attempt_delivery_id_fkey FOREIGN KEY (delivery_id) REFERENCES delivery (id) ON DELETE CASCADE;
CREATE INDEX delivery_finished ON delivery (updated_at) WHERE status IN ('sent', 'dead', 'cancelled');
CREATE INDEX processed_event_by_age ON processed_event (processed_at);
