-- Channels address replies by case number (it is in the subject of every mail) or by their own reference.
ALTER TABLE intake_request ADD COLUMN case_number VARCHAR(32);
UPDATE intake_request SET case_number = (response::json ->> 'caseNumber') WHERE response IS NOT NULL;
CREATE UNIQUE INDEX intake_request_case_number ON intake_request (case_number);
CREATE INDEX intake_request_case_id ON intake_request (case_id);
