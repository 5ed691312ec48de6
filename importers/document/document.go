// Package document holds what document importers produce: a document as an
// ordered list of passages, each with the location an inspector cites —
// PDF page, DOCX paragraph and heading path, table cell, Markdown line.
package document

// Passage is one citable piece of a document, in reading order.
type Passage struct {
	// Seq is the passage's 1-based position in the document.
	Seq int `json:"seq"`
	// Page is the 1-based PDF page, or 0.
	Page int `json:"page,omitempty"`
	// Paragraph is the 1-based index of a DOCX paragraph among the body's
	// paragraphs (table paragraphs included), or 0.
	Paragraph int `json:"paragraph,omitempty"`
	// Line is the 1-based line where a Markdown or text passage starts, or 0.
	Line int `json:"line,omitempty"`
	// HeadingPath lists the headings the passage stands under, outermost
	// first, e.g. ["3 标注规则", "3.2 安全性标注"].
	HeadingPath []string `json:"heading_path,omitempty"`
	// Heading is true when the passage is itself a heading.
	Heading bool `json:"heading,omitempty"`
	// Table, Row and Cell locate table content (1-based; Table counts the
	// document's tables), or are 0.
	Table int `json:"table,omitempty"`
	Row   int `json:"row,omitempty"`
	Cell  int `json:"cell,omitempty"`
	// Footnote is the footnote's id for footnote text, or "".
	Footnote string `json:"footnote,omitempty"`
	// Text is the passage's text, whitespace tidied, reading order kept.
	Text string `json:"text"`
}

// Warning is something a document importer could not read, with where.
type Warning struct {
	Location string `json:"location"`
	Message  string `json:"message"`
}
