package workbench

// RecordRow is one imported record as stored: its place in the file, the
// provider's own identifier, and its canonical fields and extra columns as
// JSON objects.
type RecordRow struct {
	ID     int64
	Sheet  string
	Row    int
	Ref    string
	Fields string // JSON object of canonical fields
	Extra  string // JSON object of unmapped columns, keyed by their header
}

// PassageRow is one stored passage of a document.
type PassageRow struct {
	ID          int64
	Seq         int
	Page        int
	Paragraph   int
	Line        int
	HeadingPath string // JSON array of strings
	Heading     bool
	Table       int
	Row         int
	Cell        int
	Footnote    string
	// Part is "" for the main text, else "header", "footer" or "comment";
	// Comment and Author say which comment.
	Part    string
	Comment int
	Author  string
	Text    string
}

// SubmissionCount is how many submissions of one kind and label a case
// holds, with their records and passages.
type SubmissionCount struct {
	Kind        string
	Label       string
	Submissions int
	Records     int
	Passages    int
}
