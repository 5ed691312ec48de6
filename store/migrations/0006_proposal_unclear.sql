-- How many of a proposal's flagged records say too little to judge
-- ("unclear") rather than show a problem; flagged counts both.
ALTER TABLE proposals ADD COLUMN unclear INTEGER NOT NULL DEFAULT 0;
