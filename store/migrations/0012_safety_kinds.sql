-- The kinds of the provider's safety testing and its label samples
-- (issue #17): keyword_library, test_question, test_result, corpus_check
-- and label_sample join the kinds a submission may have.
--
-- SQLite cannot alter a CHECK constraint. For a change that leaves every
-- stored row valid, its documentation gives this way
-- (https://sqlite.org/lang_altertable.html, "Making Other Kinds Of Table
-- Schema Changes"): rewrite the table's definition in sqlite_schema, then
-- change the schema so that every connection reads it again. Rebuilding
-- the table instead would, with foreign keys on, cascade the deletion of
-- the old table to every record, passage and warning.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql,
       'CHECK (kind IN (''data_source'', ''annotation_rule'', ''algorithm'', ''incident''))',
       'CHECK (kind IN (''data_source'', ''annotation_rule'', ''algorithm'', ''incident'', ''keyword_library'', ''test_question'', ''test_result'', ''corpus_check'', ''label_sample''))')
 WHERE type = 'table' AND name = 'submissions';
PRAGMA writable_schema = RESET;

-- Fails (NOT NULL) unless the definition now names the new kinds.
CREATE TEMP TABLE migration_0012_check (ok INTEGER NOT NULL);
INSERT INTO migration_0012_check
SELECT CASE WHEN sql LIKE '%''corpus_check'', ''label_sample''))%' THEN 1 END
  FROM sqlite_schema WHERE type = 'table' AND name = 'submissions';
DROP TABLE migration_0012_check;

-- A schema change of its own moves the schema cookie on, so that every
-- connection reads the new definition.
CREATE TABLE migration_0012_bump (x INTEGER);
DROP TABLE migration_0012_bump;
