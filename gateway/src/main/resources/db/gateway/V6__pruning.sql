-- Sessions and refresh tokens are pruned some days after they ended (casestream.retention.sessions): a session goes
-- with its refresh tokens. Indexes for the pruning job's look-ups by age.
ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_session_id_fkey,
    ADD CONSTRAINT refresh_tokens_session_id_fkey FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE;
CREATE INDEX refresh_tokens_by_expiry ON refresh_tokens (expires_at);
CREATE INDEX sessions_by_revocation ON sessions (revoked_at) WHERE revoked_at IS NOT NULL;
CREATE INDEX auth_events_by_age ON auth_events (at);
