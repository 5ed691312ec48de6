-- How many of a proposal's flagged records say too little to judge
-- ("unclear") rather than show a problem; flagged counts both.
ALTER TABLE proposals ADD COLUMN unclear INTEGER NOT NULL DEFAULT 0;

-- Where outside the body a passage stands: '' for the main text, 'header',
-- 'footer' or 'comment'; a comment's number and author.
ALTER TABLE passages ADD COLUMN part TEXT NOT NULL DEFAULT '';
ALTER TABLE passages ADD COLUMN comment INTEGER NOT NULL DEFAULT 0;
ALTER TABLE passages ADD COLUMN author TEXT NOT NULL DEFAULT '';
