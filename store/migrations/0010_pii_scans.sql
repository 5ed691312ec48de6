-- The last personal-information scan of each submission: when, with which
-- detector, how many of each kind it found (JSON object keyed by PII type)
-- and where the first of them stand, values masked (JSON array). A new
-- scan replaces the row; deleting the submission deletes it.
CREATE TABLE pii_scans (
    submission_id INTEGER PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
    scanned_at    TEXT NOT NULL,
    detector      TEXT NOT NULL,
    counts        TEXT NOT NULL,
    found         TEXT NOT NULL,
    truncated     INTEGER NOT NULL DEFAULT 0
);
