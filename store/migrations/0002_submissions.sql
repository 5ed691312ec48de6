-- Submitted files and the records imported from them.

CREATE TABLE submissions (
    id               INTEGER PRIMARY KEY,
    case_id          INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    sha256           TEXT NOT NULL CHECK (length(sha256) = 64),
    file_name        TEXT NOT NULL,
    size             INTEGER NOT NULL CHECK (size >= 0),
    kind             TEXT NOT NULL CHECK (kind IN ('data_source', 'annotation_rule', 'algorithm', 'incident')),
    label            TEXT NOT NULL CHECK (label IN ('public', 'internal', 'trade_secret', 'personal_info', 'state_secret')),
    format           TEXT NOT NULL,            -- csv, xlsx, json, jsonl
    encoding         TEXT NOT NULL DEFAULT '', -- for text formats: UTF-8, UTF-8 BOM, GB18030, …
    importer_version TEXT NOT NULL,
    imported_at      TEXT NOT NULL,
    record_count     INTEGER NOT NULL DEFAULT 0,
    warning_count    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (case_id, sha256)
);

-- What the importer could not read, kept as text: location names sheet,
-- row and column.
CREATE TABLE submission_warnings (
    submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    location      TEXT NOT NULL,
    message       TEXT NOT NULL,
    PRIMARY KEY (submission_id, seq)
);

-- One row of a structured submission. fields holds the canonical fields
-- of the submission's kind as a JSON object of normalised values; extra
-- holds unmapped columns verbatim, keyed by their original header.
CREATE TABLE records (
    id            INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    sheet         TEXT NOT NULL DEFAULT '',
    row_no        INTEGER NOT NULL,
    ref           TEXT NOT NULL DEFAULT '', -- the provider's own identifier (DS-07, INC-0042, a batch name)
    fields        TEXT NOT NULL,
    extra         TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX records_submission ON records (submission_id);
