-- What a warning is, for each interface to word in its own language: the
-- reason id and its arguments as a JSON object. Warnings stored before
-- have '' and keep only their English message.
ALTER TABLE submission_warnings ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE submission_warnings ADD COLUMN args TEXT NOT NULL DEFAULT '';
