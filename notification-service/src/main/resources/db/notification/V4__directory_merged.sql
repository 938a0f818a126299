-- The case a duplicate was merged into: its closing by the merge asks the customer for no rating (the done-mail of a
-- merged duplicate carries no survey link; the case it went on in asks when it is done).
ALTER TABLE case_directory ADD COLUMN merged_into uuid;
