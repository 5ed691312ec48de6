// Package document holds what document importers produce: a document as an
// ordered list of passages, each with the location an inspector cites —
// PDF page, DOCX paragraph and heading path, table cell, Markdown line —
// and, for text that stands outside the main text, the part it comes from:
// a header, a footer or a comment.
package document

import (
	"strconv"
	"strings"
)

// Parts of a document other than its main text (Passage.Part).
const (
	// PartHeader is the text of a DOCX page header.
	PartHeader = "header"
	// PartFooter is the text of a DOCX page footer.
	PartFooter = "footer"
	// PartComment is a reviewer's comment: a DOCX comment or a PDF
	// annotation's note (sticky note, comment on a highlight...).
	PartComment = "comment"
)

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
	// Part is "" for the main text (a PDF page's text, a DOCX body
	// paragraph or cell, a footnote) and otherwise names the part the
	// passage comes from: PartHeader, PartFooter or PartComment. A header
	// or footer passage has no other location (the same header stands on
	// many pages). A comment passage carries the location of what it
	// comments on where the file tells it: the PDF page, or the DOCX
	// paragraph (and table cell, heading path) its anchor stands in.
	Part string `json:"part,omitempty"`
	// Comment is the 1-based number of a PartComment passage: its place
	// among the document's comments (DOCX) or among the page's comments
	// (PDF), or 0.
	Comment int `json:"comment,omitempty"`
	// Author is who wrote a comment, as the file records it, or "".
	Author string `json:"author,omitempty"`
	// Text is the passage's text, whitespace tidied, reading order kept.
	Text string `json:"text"`
}

// PartLocation describes the part a passage comes from for a citation —
// "header", "footer", "comment 3 by 张三" — or returns "" for the main text,
// whose location is told by Page, Paragraph, Line and the table fields.
func (p Passage) PartLocation() string {
	switch p.Part {
	case "":
		return ""
	case PartComment:
		var b strings.Builder
		b.WriteString("comment")
		if p.Comment > 0 {
			b.WriteString(" " + strconv.Itoa(p.Comment))
		}
		if p.Author != "" {
			b.WriteString(" by " + p.Author)
		}
		return b.String()
	}
	return p.Part
}
