-- Documents (DOCX, PDF, Markdown, text) imported as citable passages.

CREATE TABLE passages (
    id            INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,              -- reading order, from 1
    page          INTEGER NOT NULL DEFAULT 0,    -- PDF page
    paragraph     INTEGER NOT NULL DEFAULT 0,    -- DOCX paragraph
    line          INTEGER NOT NULL DEFAULT 0,    -- Markdown/text line
    heading_path  TEXT NOT NULL DEFAULT '[]',    -- JSON array, outermost first
    is_heading    INTEGER NOT NULL DEFAULT 0 CHECK (is_heading IN (0, 1)),
    tbl           INTEGER NOT NULL DEFAULT 0,    -- table, row and cell of table content
    tbl_row       INTEGER NOT NULL DEFAULT 0,
    tbl_cell      INTEGER NOT NULL DEFAULT 0,
    footnote      TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL,
    UNIQUE (submission_id, seq)
);

ALTER TABLE submissions ADD COLUMN passage_count INTEGER NOT NULL DEFAULT 0;
