-- The audit trail (Art. 19 ¶2): one row per change, appended in the
-- transaction of the change it records, chained by SHA-256 (hash covers
-- the entry's fields and prev_hash, the hash of the entry before it).
-- case_id has no foreign key: a case's entries outlive the case. Entries
-- start when this migration is applied; earlier changes were not recorded.
CREATE TABLE audit_log (
	seq       INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,
	os_user   TEXT NOT NULL,
	action    TEXT NOT NULL,
	object    TEXT NOT NULL,
	case_id   INTEGER NOT NULL DEFAULT 0,
	details   TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash      TEXT NOT NULL
);
CREATE INDEX audit_log_case ON audit_log (case_id, seq);

-- The chain's head: the number and hash of the last entry written, kept
-- with every append, so that entries removed from the end are noticed.
CREATE TABLE audit_head (
	one  INTEGER PRIMARY KEY CHECK (one = 1),
	seq  INTEGER NOT NULL,
	hash TEXT NOT NULL
);
INSERT INTO audit_head (one, seq, hash) VALUES (1, 0, '');
