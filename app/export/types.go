// Package export writes an inspection's findings as an Excel workbook for
// auditors and reads back the Checklist sheet of such a workbook after an
// auditor edited it.
//
// [Write] and [WriteFile] produce six sheets — Summary, Checklist, Findings,
// Evidence, Submissions and Automated checks — in Chinese, English or both
// (see [Data.Lang]). Every table sheet has a bold filled header row that is
// frozen, repeated on each printed page and filtered; long text wraps; dates
// are real Excel dates; every page carries a confidentiality marking. The
// Evidence sheet, which may hold hundreds of thousands of rows, is streamed
// and never held in memory.
//
// Unless [Data.IncludePersonalInfo] is set, every free-text cell passes
// through [MaskPersonalInfo] (resident ID numbers, mobile numbers, e-mail
// addresses and bank-card numbers). Every text cell is written as a string,
// never as a formula, and text that Excel or a CSV consumer could take for a
// formula (it starts with = + - @, also after leading blanks, or with a tab
// or carriage return) is prefixed with a single quote; [ReadChecklist]
// removes exactly that prefix again.
//
// [ReadChecklist] reads the Checklist sheet back, finding the sheet and its
// columns by their names in any of the languages, and reports every invalid
// cell with its reference. It only reads and validates: comparing with the
// stored inspection and applying changes is the caller's business.
//
// The package makes no network calls and depends only on excelize,
// golang.org/x/text and the standard library.
package export

import (
	"iter"
	"time"

	"github.com/inspection-workbench/workbench"
)

// Data is everything a workbook shows.
type Data struct {
	// Lang is workbench.ExportLangZh, workbench.ExportLangEn or workbench.ExportLangBoth. With workbench.ExportLangBoth, headers and
	// labels read "中文 / English" and texts hold both languages, Chinese
	// first, on separate lines.
	Lang string
	// IncludePersonalInfo, when false, masks personal information with
	// MaskPersonalInfo in every free-text cell of every sheet.
	IncludePersonalInfo bool
	// StateSecret counts the case's material labelled state_secret and
	// says whether the workbook includes it; the caller leaves it out of
	// Submissions, Evidence, the items' EvidenceRefs and the checks'
	// record references unless it is included. The Summary says which.
	StateSecret StateSecret
	// GeneratedAt is when the export was made; zero means time.Now().
	GeneratedAt time.Time
	// Location is the time zone in which times are written (Excel dates
	// have none); nil means time.Local. The Summary names it.
	Location *time.Location
	// Case is the inspected case.
	Case Case
	// Items are the checklist items in template order.
	Items []Item
	// Templates are the checklist templates the inspection holds, the
	// first first. With more than one, the Checklist sheet groups the
	// items by template, each group headed by a row giving the template's
	// title and its description (its source note).
	Templates []Template
	// Evidence streams the evidence links, one per row of the Evidence
	// sheet (there may be hundreds of thousands); nil means none. An error
	// it yields ends the export with that error.
	Evidence iter.Seq2[Evidence, error]
	// Submissions are the files the provider handed over.
	Submissions []Submission
	// Checks are the automated checks' proposals and their decisions.
	Checks []Check
}

// StateSecret is what a workbook says about material labelled
// state_secret (Art. 19 ¶2).
type StateSecret struct {
	// Included is set when the material is in the workbook.
	Included bool
	// Submissions and Evidence count the case's files labelled
	// state_secret and the evidence quotations from them.
	Submissions, Evidence int
}

// Case is the inspected case.
type Case struct {
	ID                                             int64
	Title, Provider, CreditCode, Service, FilingNo string
	Inspectors                                     []string
	// OpenedOn is the date the case was opened, YYYY-MM-DD.
	OpenedOn string
	// Status is "open", "concluded" or "signed".
	Status string
	// Template and TemplateVersion identify the checklist template.
	Template, TemplateVersion string
	// StartedAt, ConcludedAt and SignedAt are when the inspection started,
	// was concluded and was signed; zero when not (yet) so.
	StartedAt, ConcludedAt, SignedAt time.Time
	// Signature is the hex SHA-256 of the signed inspection, "" when it is
	// not signed.
	Signature string
	// KeySignatures are the inspectors' key signatures of Signature; none
	// when it was signed without keys.
	KeySignatures []KeySignature
}

// Template is one checklist template of the inspection.
type Template struct {
	ID, Version string
	// Title names the template; Description says what it covers and where
	// its figures come from.
	Title, Description workbench.Text
}

// Item is one checklist item and where the inspection stands on it.
type Item struct {
	ID string
	// Template is the id of the template the item comes from; "" when the
	// inspection holds one template.
	Template string
	// ArticlesText names the articles the item rests on, already formatted
	// (e.g. "第七条第（一）项；第十九条" / "Art. 7(1); Art. 19").
	ArticlesText       workbench.Text
	Title, Requirement workbench.Text
	// Result is one of Results.
	Result string
	// Severity is "" or one of Severities.
	Severity      string
	Note, Finding string
	// Deadline is the rectification deadline, "" or YYYY-MM-DD.
	Deadline string
	// Evidence is how many evidence links the item has.
	Evidence int
	// EvidenceRefs name the evidence, e.g. "INC-0042 (incidents.csv line
	// 43)", for the Findings sheet.
	EvidenceRefs []string
	// Version identifies the item's state when exported (its last-change
	// time, say). It is kept in a hidden sheet and comes back from
	// ReadChecklist, so a caller can tell an auditor's edit from a change
	// made in the workspace after the export. Empty: not recorded.
	Version string
}

// Evidence is one evidence link: a record or passage cited for an item.
type Evidence struct {
	// Item is the checklist item's id.
	Item string
	// Ref is the reference the inspector cited (e.g. "INC-0042"); Target
	// is the hit id it resolved to (e.g. "rec-123" or "psg-45").
	Ref, Target string
	// File, Kind, Label and SHA256 describe the submission it comes from;
	// Label is "" once the file is gone.
	File, Kind, Label, SHA256 string
	// Location is where in the file (sheet and row, line, page…).
	Location string
	// Quote is the text copied from the record or passage.
	Quote   string
	AddedAt time.Time
}

// Submission is one file the provider handed over.
type Submission struct {
	File, Kind, Label, SHA256 string
	Size                      int64
	ImportedAt                time.Time
	Records, Passages         int
	Warnings                  int
}

// Check is one automated check's proposal and the inspector's decision.
// Param is one threshold of an automated check: its name, its value as
// written in the template and where the value comes from.
type Param struct {
	Name, Value string
	Source      workbench.Text
}

type Check struct {
	Rule, Item string
	Article    workbench.Text
	// Summary is what the check found, e.g. "3 incidents not reported:
	// INC-0684, …".
	Summary workbench.Text
	// Result is the proposed result, one of Results.
	Result string
	// Records is how many records are behind the proposal: Problems that
	// show a problem and Unclear that say too little to judge. RecordRefs
	// name the former, UnclearRefs the latter (the sheet shows the first
	// MaxRecordRefs of each).
	Records, Problems, Unclear int
	RecordRefs, UnclearRefs    []string
	// Params are the thresholds the check ran with and where each comes
	// from.
	Params []Param
	// Decision is "pending", "accepted" or "overridden".
	Decision string
	// DecidedResult is the result the inspector chose; Reason why.
	DecidedResult string
	Reason        string
	DecidedAt     time.Time
}
