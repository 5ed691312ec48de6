-- Providers, their services and inspection cases.

CREATE TABLE providers (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    -- 统一社会信用代码, validated (GB 32100-2015) before it is stored; NULL when not known.
    credit_code TEXT UNIQUE CHECK (credit_code IS NULL OR length(credit_code) = 18),
    created_at  TEXT NOT NULL
);

CREATE TABLE services (
    id             INTEGER PRIMARY KEY,
    provider_id    INTEGER NOT NULL REFERENCES providers (id) ON DELETE RESTRICT,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    filing_no      TEXT NOT NULL DEFAULT '',
    -- comma-separated subset of text,image,audio,video, in that order
    modalities     TEXT NOT NULL DEFAULT '',
    -- Art. 17: public-opinion attributes or social-mobilisation capacity
    public_opinion INTEGER NOT NULL DEFAULT 0 CHECK (public_opinion IN (0, 1)),
    created_at     TEXT NOT NULL,
    UNIQUE (provider_id, name)
);

CREATE TABLE cases (
    id                 INTEGER PRIMARY KEY,
    service_id         INTEGER NOT NULL REFERENCES services (id) ON DELETE RESTRICT,
    title              TEXT NOT NULL CHECK (length(trim(title)) > 0),
    opened_on          TEXT NOT NULL CHECK (opened_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'concluded', 'signed')),
    checklist_template TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX cases_service ON cases (service_id);

CREATE TABLE case_inspectors (
    case_id  INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
    PRIMARY KEY (case_id, position)
);
