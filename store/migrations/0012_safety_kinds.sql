-- The safety-testing kinds of issue #17 (keyword_library, test_question,
-- test_result, corpus_check) and label samples (label_sample) join the
-- four kinds the submissions table accepts. SQLite cannot alter a CHECK
-- constraint, and rebuilding the table would cascade-delete its records
-- (foreign keys are on inside the migration's transaction), so the
-- constraint's text is widened in the schema, as SQLite's documentation
-- allows for a change that no stored row can violate
-- (lang_altertable.html, "Making Other Kinds Of Table Schema Changes").
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql,
       'CHECK (kind IN (''data_source'', ''annotation_rule'', ''algorithm'', ''incident''))',
       'CHECK (kind IN (''data_source'', ''annotation_rule'', ''algorithm'', ''incident'', ''keyword_library'', ''test_question'', ''test_result'', ''corpus_check'', ''label_sample''))')
 WHERE type = 'table' AND name = 'submissions';
PRAGMA writable_schema = RESET;
