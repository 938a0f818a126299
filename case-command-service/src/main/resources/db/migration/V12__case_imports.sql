-- Cases imported from another help desk (POST /api/imports/cases), by their id there: importing one again imports
-- nothing and answers with the case it became. Never pruned: it is what keeps an import from doubling history.
CREATE TABLE case_import (
    external_ref  VARCHAR(200) PRIMARY KEY,
    case_id       UUID         NOT NULL,
    case_number   VARCHAR(32)  NOT NULL,
    imported_by   VARCHAR(200) NOT NULL,
    imported_at   TIMESTAMPTZ  NOT NULL
);
