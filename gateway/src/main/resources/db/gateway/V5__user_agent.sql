-- The agent a person works as (the command service's agent id): their tokens carry it as agentId, which is how
-- an agent sets their own availability and nobody else's.
ALTER TABLE users ADD COLUMN agent_id UUID;
