-- Automated-check proposals with the inspector's decision on each, and the
-- inspection's lifecycle: when it was concluded and signed, and what was
-- signed.

-- One proposal of one automated check for one checklist item. A re-run
-- that finds the same (same digest) keeps the proposal and its decision;
-- one that finds something else supersedes it, so every proposal and every
-- decision stays on record.
CREATE TABLE proposals (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL,
    item_id        TEXT NOT NULL,
    rule           TEXT NOT NULL,
    article        TEXT NOT NULL,          -- JSON {"article":7,"item":3}
    result         TEXT NOT NULL CHECK (result IN ('compliant', 'non_compliant', 'not_applicable', 'info_requested')),
    summary        TEXT NOT NULL,          -- JSON {"zh":…,"en":…}
    records        TEXT NOT NULL,          -- JSON array of the records behind it
    checked        INTEGER NOT NULL,
    flagged        INTEGER NOT NULL,
    digest         TEXT NOT NULL,          -- SHA-256 of result and records
    proposed_at    TEXT NOT NULL,
    superseded_at  TEXT NOT NULL DEFAULT '',
    decision       TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'accepted', 'overridden')),
    decided_result TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT '',
    decided_at     TEXT NOT NULL DEFAULT '',
    FOREIGN KEY (case_id, item_id) REFERENCES inspection_items (case_id, item_id) ON DELETE CASCADE
);
CREATE INDEX proposals_item ON proposals (case_id, item_id, rule);

ALTER TABLE inspections ADD COLUMN concluded_at TEXT NOT NULL DEFAULT '';
ALTER TABLE inspections ADD COLUMN signed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE inspections ADD COLUMN signed_by TEXT NOT NULL DEFAULT '';
-- The hex SHA-256 of signed_content, and the canonical JSON that was signed.
ALTER TABLE inspections ADD COLUMN signature TEXT NOT NULL DEFAULT '';
ALTER TABLE inspections ADD COLUMN signed_content TEXT NOT NULL DEFAULT '';
