package workbench

import (
	"fmt"
	"slices"
	"strings"
)

// The reasons of errors. Each has an English wording in reasonEnglish; the
// GUI words each in the user's language and the CLI adds its own hints.
const (
	// Vocabulary: Value is what was given, Valid the codes accepted.
	ReasonUnknownKind     Reason = "unknown_kind"
	ReasonUnknownLabel    Reason = "unknown_label"
	ReasonUnknownResult   Reason = "unknown_result"
	ReasonUnknownSeverity Reason = "unknown_severity"
	ReasonUnknownModality Reason = "unknown_modality"
	ReasonUnknownRisk     Reason = "unknown_risk" // a risk of TC260-003 Appendix A

	// Dates: Value is the date as given.
	ReasonDateFormat      Reason = "date_format"      // not YYYY-MM-DD
	ReasonDateNonexistent Reason = "date_nonexistent" // 2027-02-30: the format is right, the day does not exist

	// Imports. File names the file where the importer knows it.
	ReasonKindUndetected Reason = "kind_undetected" // Headers: the header cells read
	ReasonKindAmbiguous  Reason = "kind_ambiguous"  // Kinds: the kinds that fit equally
	ReasonDocumentKind   Reason = "document_kind"   // a document has no header row to tell its kind
	ReasonNoHeader       Reason = "no_header"       // Rows, Min, Kind ("" for any): no header row found; Detail in English
	ReasonLegacyFormat   Reason = "legacy_format"   // Format: what the file is; Save: what to save it as

	// Import warnings: Value is the value as written.
	ReasonValueUnreadable   Reason = "value_unreadable"       // Type: what was expected (bool, date, datetime, percent, scale, count, duration, period, term); Valid for terms
	ReasonDateNotInCalendar Reason = "value_date_nonexistent" // a date cell that names a day the calendar does not have

	// Import failures, set by importers.Failure on the errors the
	// importers return. Format is the format expected ("XLSX", "DOCX",
	// "PDF", "JSON", "CSV"); Location, in English, where the problem is
	// (LocationText words it); Looks what the file seems to be instead,
	// as a code (png, jpeg, zip_damaged, html …; "" when unknown).
	ReasonFileEmpty         Reason = "file_empty"         // nothing in the file
	ReasonNoDataRows        Reason = "no_data_rows"       // a header but no data rows
	ReasonNoRecords         Reason = "no_records"         // a JSON document or JSONL file without records
	ReasonNotText           Reason = "not_text"           // a file named as text that is not: binary, or no known encoding
	ReasonNotFormat         Reason = "not_format"         // Format, Looks: the file is not what its name says
	ReasonEncrypted         Reason = "encrypted"          // Format: password-protected
	ReasonDamaged           Reason = "damaged"            // Format: truncated or corrupt
	ReasonZipBomb           Reason = "zip_bomb"           // Format: unpacks out of proportion
	ReasonSyntax            Reason = "syntax"             // Format, Location: malformed JSON or CSV
	ReasonNotRecords        Reason = "not_records"        // Location: JSON whose values are not objects
	ReasonTooDeep           Reason = "too_deep"           // Location, Max: JSON nested too deep
	ReasonRecordTooLarge    Reason = "record_too_large"   // Location: one record over the size limit
	ReasonTooManyFields     Reason = "too_many_fields"    // Location: one record with too many cells or keys
	ReasonFileTooLarge      Reason = "file_too_large"     // Size, Limit: "3.0 GiB", "512 B" (older errors: "1234 bytes")
	ReasonFileUnreadable    Reason = "file_unreadable"    // the file cannot be opened (missing, no permission)
	ReasonIsFolder          Reason = "is_folder"          // a folder named where a file was expected
	ReasonUnsupportedFormat Reason = "unsupported_format" // Looks: a format the workbench does not read
	ReasonSheetKeyFacts     Reason = "sheet_key_facts"    // Sheet: a sheet of fields and values, skipped
	ReasonSheetNoHeader     Reason = "sheet_no_header"    // Sheet, Kind: a sheet without a header of the kind, skipped
	ReasonRowLonger         Reason = "row_longer"         // Columns: the header's width; Kept: the extra columns' names
	ReasonTermsUnknown      Reason = "terms_unknown"      // Value: the values; Valid: the terms of the field
	ReasonPercentAssumed    Reason = "percent_assumed"    // Value, Percent: a bare number read as a percentage
	ReasonBlankStringCell   Reason = "blank_string_cell"  // an XLSX cell whose shared-string index is empty
	ReasonValuesUnknown     Reason = "values_unknown"     // Count, Field, Examples, First (where the first stands), Valid: a column's values outside the field's vocabulary
	ReasonRowSkipped        Reason = "row_skipped"        // Why (note, total, sign-off), Text: a row below the header that is not a record
	ReasonFieldsUnmapped    Reason = "fields_unmapped"    // Kind; Fields: the canonical fields the checks read that no column names; Columns: the headers naming no field
	ReasonNotApplicable     Reason = "not_applicable"     // Value, Field: a yes/no answer saying "not applicable" (不涉及), kept as written
	ReasonFieldFromName     Reason = "field_from_name"    // Kind, Field, From (sheet, file), Name, Value: a notice that no column names Field and the sheet's or file's name gives every record its Value

	// Label samples (images, GB 45438-2025). Format is the image format
	// (PNG, JPEG, WebP).
	ReasonImageMalformed Reason = "image_malformed"  // Format, What (ImageProblems), Detail: what and where, in English
	ReasonNotImage       Reason = "not_image"        // Named: the extension (".png"): a file named as an image that is none
	ReasonSampleNotImage Reason = "sample_not_image" // a file imported as a label sample that is no PNG, JPEG or WebP image
	ReasonImageOtherKind Reason = "image_other_kind" // Kind: an image imported as another kind than label_sample
	ReasonImageMisnamed  Reason = "image_misnamed"   // Named, Format: an image named as another format, read as what it is (a warning)

	// Inputs of the checklist and the export.
	ReasonNoSuchEvidence     Reason = "no_such_evidence"     // Ref: no record or passage of that id or identifier
	ReasonEvidenceOtherCase  Reason = "evidence_other_case"  // Ref, File, Case, Other: evidence from another case's file
	ReasonNoTemplate         Reason = "no_template"          // Name: no checklist template of that name or file
	ReasonExportName         Reason = "export_name"          // Name: an export file's name that does not end in .xlsx
	ReasonNoFolder           Reason = "no_folder"            // Dir: the folder to write to does not exist
	ReasonChecklistOtherCase Reason = "checklist_other_case" // Case, Other: a filled-in checklist exported from another case

	// Document warnings, set by the DOCX and PDF readers where they warn:
	// What says what (see ReasonChoice), N a number the warning gives.
	ReasonPageNoText        Reason = "page_no_text"        // a page without a text layer (scanned)
	ReasonPageUnreadable    Reason = "page_unreadable"     // a page that could not be read, skipped; Detail: why, in English
	ReasonOwnerPasswordOnly Reason = "owner_password_only" // a PDF with permission restrictions, read
	ReasonXFAForm           Reason = "xfa_form"            // What: unreadable or partial
	ReasonContentSkipped    Reason = "content_skipped"     // What (SkippedWhat): images (N), altchunk, chart, smartart, object (Object: its program id, "" when unknown)
	ReasonTextBoxAnchored   Reason = "text_box_anchored"   // a text box read where it is anchored
	ReasonParagraphTooLong  Reason = "paragraph_too_long"  // N: the limit in bytes
	ReasonBrokenField       Reason = "broken_field"        // N: paragraphs a field instruction runs over
	ReasonPartIgnored       Reason = "part_ignored"        // What (IgnoredWhat), Part: the part's name in the package, Detail: why, in English; "notes" and "part" in warnings stored before
	ReasonNoText            Reason = "no_text"             // a document without any text

	// Inspections: Case is the case number, Status its state.
	ReasonNoInspection     Reason = "no_inspection"
	ReasonNotConcluded     Reason = "not_concluded"
	ReasonInspectionClosed Reason = "inspection_closed"
	ReasonNoProposals      Reason = "no_proposals"
	ReasonNoSuchProposal   Reason = "no_such_proposal" // Proposal: the key given
	ReasonProposalChanged  Reason = "proposal_changed" // Proposal, Digest
	ReasonAlreadySigned    Reason = "already_signed"   // Signature
	ReasonNotCited         Reason = "not_cited"        // Item, Ref: evidence to remove that the item does not cite

	// Editing a case: Case is the case number; Other another case that a
	// change to a shared provider or service would alter, Status its state.
	ReasonCaseConcluded Reason = "case_concluded"
	ReasonCaseSigned    Reason = "case_signed"
	ReasonCaseShared    Reason = "case_shared"

	// Search queries: Pos is the 1-based character position.
	ReasonQueryEmpty          Reason = "query_empty"
	ReasonQueryOnlyExcludes   Reason = "query_only_excludes"
	ReasonQueryOrLeft         Reason = "query_or_left"
	ReasonQueryOrRight        Reason = "query_or_right"
	ReasonQueryOrExclusion    Reason = "query_or_exclusion"
	ReasonQueryDanglingMinus  Reason = "query_dangling_minus"
	ReasonQueryEmptyPhrase    Reason = "query_empty_phrase"
	ReasonQueryUnterminated   Reason = "query_unterminated"
	ReasonQueryUnknownField   Reason = "query_unknown_field"     // Field, Known
	ReasonQueryNoFields       Reason = "query_no_fields"         // Field
	ReasonQueryEmptyValue     Reason = "query_empty_value"       // Field
	ReasonQueryUnknownValue   Reason = "query_unknown_value"     // Field, Value, Valid
	ReasonQueryBadDate        Reason = "query_bad_date"          // Field, Value
	ReasonQueryNoSuchDate     Reason = "query_no_such_date"      // Field, Value
	ReasonQueryRangeEmpty     Reason = "query_range_empty"       // Field
	ReasonQueryRangeReversed  Reason = "query_range_reversed"    // Field, Value
	ReasonQueryUnsupportedFld Reason = "query_unsupported_field" // Field

	// The workspace.
	ReasonWorkspaceInUse Reason = "workspace_in_use"
	ReasonNoWorkspace    Reason = "no_workspace"    // Dir
	ReasonWorkspaceNewer Reason = "workspace_newer" // Dir, Version, Known: written by a newer version of the workbench

	// Case bundles: File names the bundle file.
	ReasonBundleWrongPassphrase Reason = "bundle_wrong_passphrase" // wrong passphrase, or not encrypted for the identity given
	ReasonBundleDamaged         Reason = "bundle_damaged"          // truncated, altered, or not a bundle
	ReasonBundleReplayed        Reason = "bundle_replayed"         // written by or already imported into this workspace
	ReasonBundleNewer           Reason = "bundle_newer"            // written by a newer version of the workbench
	ReasonBundleNumbersTaken    Reason = "bundle_numbers_taken"    // a signed case whose numbers this workspace already uses
	ReasonBundleBadRecipient    Reason = "bundle_bad_recipient"    // Value: a recipient that is not an age public key
	ReasonBundleStateSecret     Reason = "bundle_state_secret"     // Case, Count: a signed case with files labelled state_secret, bundled without them
)

// reasonEnglish words each reason in English; {{.Name}} stands for an
// argument.
var reasonEnglish = map[Reason]string{
	ReasonUnknownKind:     "unknown kind “{{.Value}}”: use one of {{.Valid}}",
	ReasonUnknownLabel:    "unknown label “{{.Value}}”: use one of {{.Valid}}",
	ReasonUnknownResult:   "unknown result “{{.Value}}”: use one of {{.Valid}}",
	ReasonUnknownSeverity: "unknown severity “{{.Value}}”: use one of {{.Valid}}",
	ReasonUnknownModality: "unknown modality “{{.Value}}”: use one of {{.Valid}}",
	ReasonUnknownRisk:     "unknown risk category “{{.Value}}”: use a code of TC260-003 Appendix A ({{.Valid}}) or its name",

	ReasonDateFormat:      "“{{.Value}}” is not a date: write it as YYYY-MM-DD",
	ReasonDateNonexistent: "{{.Value}} does not exist in the calendar",

	ReasonKindUndetected: "cannot tell the kind from the headers ({{.Headers}})",
	ReasonKindAmbiguous:  "the headers fit several kinds ({{.Kinds}})",
	ReasonDocumentKind:   "a document has no header row to tell its kind from",
	ReasonNoHeader:       "{{.Detail}}",
	ReasonLegacyFormat:   "the file is {{.Format}}, which cannot be read; save it as {{.Save}} and import again",

	ReasonValueUnreadable:   "\"{{.Value}}\" is not {{.Expected}}; kept as text",
	ReasonDateNotInCalendar: "\"{{.Value}}\" is not a date: that day does not exist; kept as text",

	ReasonFileEmpty:         "the file is empty",
	ReasonNoDataRows:        "the file holds a header but no data rows",
	ReasonNoRecords:         "the file holds no records",
	ReasonNotText:           "not a text file",
	ReasonNotFormat:         "not a {{.Format}} file",
	ReasonEncrypted:         "the {{.Format}} file is password-protected",
	ReasonDamaged:           "the {{.Format}} file is damaged",
	ReasonZipBomb:           "the {{.Format}} file is out of proportion (zip bomb?)",
	ReasonSyntax:            "{{.Location}}: not valid {{.Format}}",
	ReasonNotRecords:        "{{.Location}}: the values are not records (objects)",
	ReasonTooDeep:           "{{.Location}}: nesting too deep: more than {{.Max}} levels",
	ReasonRecordTooLarge:    "{{.Location}}: the record is over the size limit",
	ReasonTooManyFields:     "{{.Location}}: the record has too many fields",
	ReasonFileTooLarge:      "{{.Size}} is over the limit of {{.Limit}}",
	ReasonFileUnreadable:    "cannot read the file",
	ReasonIsFolder:          "is a folder, not a file",
	ReasonUnsupportedFormat: "unsupported file format",
	ReasonSheetKeyFacts:     "sheet {{.Sheet}} lists fields and their values down a column (key facts), not rows of records; sheet skipped",
	ReasonSheetNoHeader:     "sheet {{.Sheet}}: no header row of kind {{.Kind}} found; sheet skipped",
	ReasonRowLonger:         "the row is longer than its header ({{.Columns}} columns): kept as {{.Kept}}",
	ReasonTermsUnknown:      "{{.Value}} not among {{.Valid}}; kept as written",
	ReasonPercentAssumed:    "read {{.Value}} as {{.Percent}}%",
	ReasonBlankStringCell:   "the cell's shared-string index is empty; read as a blank cell",
	ReasonValuesUnknown:     "{{.Count}} values not in the vocabulary of {{.Field}} (e.g. {{.Examples}}; the first at {{.First}}); kept as written, and a check that needs them lists those records as unclear; the field allows {{.Valid}}",
	ReasonRowSkipped:        "left out as a {{.Why}}, not a record: {{.Text}}",
	ReasonFieldsUnmapped:    "no column names {{.Fields}}, which the automated checks read in a file of kind {{.Kind}}, so they cannot judge its records on them; columns not recognised: {{.Columns}}",
	ReasonFieldFromName:     "notice: no column names {{.Field}}; the {{.From}} name \"{{.Name}}\" says {{.Value}}, which every record of the table takes",
	ReasonNotApplicable:     "\"{{.Value}}\" says not applicable: kept as written, neither yes nor no, and a check that needs {{.Field}} lists the record as unclear",

	ReasonPageNoText:        "no text layer (scanned page?); not searchable",
	ReasonPageUnreadable:    "this page could not be read ({{.Detail}}) and was skipped",
	ReasonOwnerPasswordOnly: "encrypted with an owner password only; read without a password, restrictions not applied",
	ReasonXFAForm:           "an XFA form ({{.What}})",
	ReasonContentSkipped:    "{{.What}} skipped",
	ReasonTextBoxAnchored:   "text box read where it is anchored",
	ReasonParagraphTooLong:  "paragraph longer than {{.N}} bytes: the rest is not read",
	ReasonBrokenField:       "a field instruction runs over {{.N}} paragraphs; treated as broken",
	ReasonPartIgnored:       "{{.What}} ignored: {{.Detail}}",
	ReasonNoText:            "the document holds no text",

	ReasonNoSuchEvidence:     "no record or passage “{{.Ref}}” in the case",
	ReasonEvidenceOtherCase:  "{{.Ref}} is in {{.File}} of case {{.Other}}, not of case {{.Case}}",
	ReasonNoTemplate:         "no checklist template “{{.Name}}”",
	ReasonExportName:         "the workbook's name “{{.Name}}” must end in .xlsx",
	ReasonNoFolder:           "the folder {{.Dir}} does not exist",
	ReasonChecklistOtherCase: "the checklist is the export of case {{.Other}}, not of case {{.Case}}",

	ReasonNoInspection:     "case {{.Case}} has no inspection yet",
	ReasonNotConcluded:     "case {{.Case}}'s inspection is {{.Status}}; conclude it first",
	ReasonInspectionClosed: "case {{.Case}}'s inspection is {{.Status}}; reopen it to change it",
	ReasonNoProposals:      "case {{.Case}} has no proposals yet; run the automated checks first",
	ReasonNoSuchProposal:   "case {{.Case}} has no proposal for \"{{.Proposal}}\"",
	ReasonNotCited:         "item {{.Item}} does not cite \"{{.Ref}}\"",
	ReasonProposalChanged:  "proposal {{.Proposal}} has changed since digest {{.Digest}}: a later run of the checks found something else; look at it again",
	ReasonAlreadySigned:    "case {{.Case}}'s inspection is already signed ({{.Signature}})",

	ReasonCaseConcluded: "case {{.Case}}'s inspection is concluded; reopen it to change the case's details",
	ReasonCaseSigned:    "case {{.Case}}'s inspection is signed and its signature covers the case's details; they can no longer be changed",
	ReasonCaseShared:    "the change would also change the {{.Fields}} of case {{.Other}}, which shares the provider or service and whose inspection is {{.Status}}; it is refused",

	ReasonQueryEmpty:          "nothing to search for: the query is empty",
	ReasonQueryOnlyExcludes:   "nothing to search for: the query only excludes; add a word, phrase or filter to search for",
	ReasonQueryOrLeft:         "OR with nothing on its left",
	ReasonQueryOrRight:        "OR with nothing on its right",
	ReasonQueryOrExclusion:    "OR cannot join an exclusion (-…)",
	ReasonQueryDanglingMinus:  "\"-\" must be followed by a word or phrase to exclude",
	ReasonQueryEmptyPhrase:    "empty phrase",
	ReasonQueryUnterminated:   "unterminated quote (opened here)",
	ReasonQueryUnknownField:   "unknown field \"{{.Field}}\" (known fields: {{.Known}})",
	ReasonQueryNoFields:       "unknown field \"{{.Field}}\": no fields can be filtered on",
	ReasonQueryEmptyValue:     "empty value for field \"{{.Field}}\"",
	ReasonQueryUnknownValue:   "unknown {{.Field}} \"{{.Value}}\": use one of {{.Valid}}",
	ReasonQueryBadDate:        "bad date \"{{.Value}}\" for field \"{{.Field}}\": want YYYY-MM-DD, e.g. {{.Field}}:2024-01-01..2024-03-31",
	ReasonQueryNoSuchDate:     "{{.Value}} does not exist in the calendar (field \"{{.Field}}\")",
	ReasonQueryRangeEmpty:     "date range for field \"{{.Field}}\" needs at least one date",
	ReasonQueryRangeReversed:  "date range \"{{.Value}}\" for field \"{{.Field}}\" ends before it starts",
	ReasonQueryUnsupportedFld: "field \"{{.Field}}\" cannot be searched",

	ReasonWorkspaceInUse: "the workspace is open in another Inspection Workbench window or command",
	ReasonNoWorkspace:    "no workspace in {{.Dir}}",
	ReasonWorkspaceNewer: "the workspace in {{.Dir}} was written by a newer version of Inspection Workbench (its schema is version {{.Version}}; this program knows up to {{.Known}}): open it with that version or a newer one",

	ReasonImageMalformed: "the {{.Format}} image is malformed: {{.Detail}}",
	ReasonNotImage:       "the file is named {{.Named}} but is not a PNG, JPEG or WebP image",
	ReasonSampleNotImage: "a label sample is an image (PNG, JPEG or WebP), and this file is none",
	ReasonImageOtherKind: "an image is imported only as a label sample (label_sample), not as {{.Kind}}",
	ReasonImageMisnamed:  "the file is named {{.Named}} but is a {{.Format}} image; it was read as {{.Format}}",

	ReasonBundleWrongPassphrase: "{{.File}}: wrong passphrase, or the bundle was not encrypted for this key; nothing was imported",
	ReasonBundleDamaged:         "{{.File}} is damaged or was altered (or is not a case bundle); nothing was imported",
	ReasonBundleReplayed:        "{{.File}} was exported from this workspace or has already been imported into it; nothing was imported",
	ReasonBundleNewer:           "{{.File}} was written by a newer version of Inspection Workbench; nothing was imported",
	ReasonBundleNumbersTaken:    "{{.File}} holds a signed case whose signature covers its record numbers, which this workspace already uses; import it into a new workspace",
	ReasonBundleBadRecipient:    "recipient “{{.Value}}” is not an age public key (age1…) nor a file of them",
	ReasonBundleStateSecret:     "case {{.Case}} is signed and holds {{.Count}} files labelled state secret; its signature covers them, so a bundle without them would not verify; nothing was written",
}

// extraArgs are the arguments of reasons that their English wording does
// not use but the interfaces may.
var extraArgs = map[Reason][]string{
	ReasonNoHeader:          {"Rows", "Min", "Kind"},
	ReasonValueUnreadable:   {"Type"},
	ReasonLegacyFormat:      {"Document"},
	ReasonNotFormat:         {"Looks"},
	ReasonContentSkipped:    {"N", "Object"},
	ReasonPartIgnored:       {"Part"},
	ReasonUnsupportedFormat: {"Looks"},
	ReasonNotApplicable:     {"Kind"},
	ReasonFieldFromName:     {"Kind"},
}

// WarningReasons are the reasons an import warning carries: the
// importers' (a value, a row, a sheet, a part of a document not read as
// it stands) and app's (values outside a vocabulary, rows left out).
var WarningReasons = []Reason{
	ReasonValueUnreadable, ReasonDateNotInCalendar, ReasonSheetKeyFacts, ReasonSheetNoHeader, ReasonRowLonger,
	ReasonTermsUnknown, ReasonPercentAssumed, ReasonBlankStringCell, ReasonValuesUnknown, ReasonRowSkipped,
	ReasonPageNoText, ReasonPageUnreadable, ReasonOwnerPasswordOnly, ReasonXFAForm, ReasonContentSkipped,
	ReasonTextBoxAnchored, ReasonParagraphTooLong, ReasonBrokenField, ReasonPartIgnored,
	ReasonFieldsUnmapped, ReasonNotApplicable, ReasonImageMisnamed, ReasonFieldFromName,
}

// CheckWarning reports what keeps the interfaces from wording w in the
// user's language, nil when nothing does: it must carry one of
// WarningReasons, the argument choosing its wording one of that choice's
// values, and every argument its English wording names.
func CheckWarning(w Warning) error {
	if w.Reason == "" {
		return fmt.Errorf("warning %q at %q has no reason", w.Message, w.Location)
	}
	if !slices.Contains(WarningReasons, w.Reason) {
		return fmt.Errorf("warning %q at %q: %s is not a warning's reason", w.Message, w.Location, w.Reason)
	}
	if c, ok := reasonChoices[w.Reason]; ok {
		if v := ArgString(w.Args[c.Arg]); !slices.Contains(c.Values, v) {
			return fmt.Errorf("warning %q at %q: %s %s %q is not one of %v", w.Message, w.Location, w.Reason, c.Arg, v, c.Values)
		}
	}
	for _, name := range templateArgs(reasonEnglish[w.Reason]) {
		if _, ok := w.Args[name]; !ok {
			return fmt.Errorf("warning %q at %q: %s lacks the argument %s", w.Message, w.Location, w.Reason, name)
		}
	}
	return nil
}

// templateArgs are the names of an English template's blanks.
func templateArgs(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "{{.")
		if i < 0 {
			return out
		}
		s = s[i+3:]
		j := strings.Index(s, "}}")
		if j < 0 {
			return out
		}
		if !slices.Contains(out, s[:j]) {
			out = append(out, s[:j])
		}
		s = s[j+2:]
	}
}

// Choice is an argument of a reason whose value chooses the wording — the
// What of a skipped part of a document, the Why of a row left out — with
// every value the workbench gives it.
type Choice struct {
	Arg    string
	Values []string
}

// The values of the arguments that choose a reason's wording.
var (
	// ContentSkipped: what of a document was not read.
	SkippedWhat = []string{"images", "altchunk", "chart", "smartart", "object"}
	// PartIgnored: the part of a DOCX package that could not be read.
	IgnoredWhat = []string{"styles", "numbering", "comments", "relationships", "headers", "footers", "footnotes", "endnotes"}
	// XFAForm: whether the form's content is unreadable or partial.
	XFAWhat = []string{"unreadable", "partial"}
	// RowSkipped: what a row left out below a table is.
	SkippedWhy = []string{"note", "total", "sign-off"}
	// ValueUnreadable: the type of value the field takes.
	ValueTypes = []string{"bool", "date", "datetime", "percent", "scale", "count", "duration", "period", "enum", "enum_list"}
	// The formats an import failure names.
	FailureFormats = []string{"XLSX", "DOCX", "PDF", "JSON", "CSV"}
	// ImageMalformed: what is wrong with an image (importers/imagemeta's
	// problems).
	ImageProblems = []string{"truncated", "bad_signature", "bad_crc", "chunk_length", "bad_header", "bad_segment",
		"riff_size", "text_too_large", "bad_text", "bad_chunk"}
	// NotFormat and UnsupportedFormat: what a file looks like instead,
	// "" when that is not known.
	LooksCodes = []string{"png", "jpeg", "gif", "xlsb", "xls", "doc", "ppt", "xlsx", "docx", "pptx", "ods", "odt",
		"pdf", "rar", "7z", "gzip", "zip", "html", "rtf", "xml", "text", "ole2", "excel2007beta", "encrypted", ""}
)

// reasonChoices are the reasons whose wording depends on an argument's
// value.
var reasonChoices = map[Reason]Choice{
	ReasonContentSkipped:    {"What", SkippedWhat},
	ReasonPartIgnored:       {"What", IgnoredWhat},
	ReasonXFAForm:           {"What", XFAWhat},
	ReasonRowSkipped:        {"Why", SkippedWhy},
	ReasonValueUnreadable:   {"Type", ValueTypes},
	ReasonNotFormat:         {"Looks", LooksCodes},
	ReasonUnsupportedFormat: {"Looks", LooksCodes},
	ReasonEncrypted:         {"Format", FailureFormats},
	ReasonDamaged:           {"Format", FailureFormats},
	ReasonZipBomb:           {"Format", FailureFormats},
	ReasonSyntax:            {"Format", FailureFormats},
	ReasonImageMalformed:    {"What", ImageProblems},
}

// ReasonChoice is the argument of r whose value chooses its wording, with
// every value the workbench gives it; ok is false when r's wording does
// not depend on one. Tests word every value.
func ReasonChoice(r Reason) (c Choice, ok bool) {
	c, ok = reasonChoices[r]
	return c, ok
}

// Reasons lists every reason the workbench words, sorted, so interfaces
// and tests can check they word them all.
func Reasons() []Reason {
	out := make([]Reason, 0, len(reasonEnglish))
	for r := range reasonEnglish {
		out = append(out, r)
	}
	sortReasons(out)
	return out
}

// ReasonArgs lists the argument names a reason takes: those its English
// wording uses and, for a query syntax error, "Pos".
func ReasonArgs(r Reason) []string {
	var out []string
	if strings.HasPrefix(string(r), "query_") && r != ReasonQueryEmpty {
		out = append(out, "Pos")
	}
	out = append(out, extraArgs[r]...)
	for _, name := range templateArgs(reasonEnglish[r]) {
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

func sortReasons(r []Reason) { slices.Sort(r) }

// EnglishOf is the English template of a reason, with {{.Name}} blanks.
func EnglishOf(r Reason) string { return reasonEnglish[r] }
