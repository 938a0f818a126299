-- The decisions log is pruned after casestream.retention.decisions: the pruning job looks its rows up by age.
CREATE INDEX decisions_by_age ON decisions (at);
