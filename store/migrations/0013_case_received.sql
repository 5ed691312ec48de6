-- The day the provider's material was received (材料接收日期), when the
-- inspector records it: the automated checks count the keyword library's
-- update age to it, falling back to the day each file was imported.
-- '' when not recorded.
ALTER TABLE cases ADD COLUMN received_on TEXT NOT NULL DEFAULT '';
