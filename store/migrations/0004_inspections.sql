-- Inspections: a case's checklist, frozen when the inspection starts, the
-- inspector's result for each item and the evidence behind it. The
-- lifecycle (open, concluded, signed) stays in cases.status.

CREATE TABLE inspections (
    case_id          INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    template_id      TEXT NOT NULL,
    template_version TEXT NOT NULL,
    template         TEXT NOT NULL, -- the template's YAML as loaded, frozen for this inspection
    started_at       TEXT NOT NULL
);

CREATE TABLE inspection_items (
    case_id    INTEGER NOT NULL REFERENCES inspections (case_id) ON DELETE CASCADE,
    item_id    TEXT NOT NULL,
    position   INTEGER NOT NULL, -- order in the template, from 1
    result     TEXT NOT NULL DEFAULT 'not_assessed' CHECK (result IN
                   ('not_assessed', 'compliant', 'partially_compliant', 'non_compliant', 'not_applicable', 'info_requested')),
    severity   TEXT NOT NULL DEFAULT '' CHECK (severity IN ('', 'low', 'medium', 'high', 'critical')),
    note       TEXT NOT NULL DEFAULT '',
    finding    TEXT NOT NULL DEFAULT '',
    deadline   TEXT NOT NULL DEFAULT '', -- '' or YYYY-MM-DD
    updated_at TEXT NOT NULL,
    PRIMARY KEY (case_id, item_id)
);

-- A record or passage cited for an item. The file's SHA-256, name, kind,
-- the location and the quoted text are copied, so the evidence survives
-- the file's later removal.
CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL,
    item_id       TEXT NOT NULL,
    ref           TEXT NOT NULL, -- as given: rec-12, psg-7, INC-0042
    target        TEXT NOT NULL, -- the rec-N or psg-N it resolved to
    submission_id INTEGER REFERENCES submissions (id) ON DELETE SET NULL,
    sha256        TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    kind          TEXT NOT NULL,
    location      TEXT NOT NULL,
    quote         TEXT NOT NULL,
    added_at      TEXT NOT NULL,
    FOREIGN KEY (case_id, item_id) REFERENCES inspection_items (case_id, item_id) ON DELETE CASCADE,
    UNIQUE (case_id, item_id, target)
);
CREATE INDEX evidence_submission ON evidence (submission_id);

