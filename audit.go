package workbench

import "time"

// AuditAction is what an entry of the audit trail records: one kind of
// change to the workspace (Art. 19 ¶2: what happened to the material).
type AuditAction string

// The audit actions. Each names its object (see [AuditEntry.Object]) and
// keeps in its details only ids, names, vocabulary codes and hashes —
// never the content of a file, a record, a note or a finding.
const (
	AuditCaseCreated         AuditAction = "case_created"         // case/N; provider, service, title
	AuditCaseEdited          AuditAction = "case_edited"          // case/N; the fields changed
	AuditCaseDeleted         AuditAction = "case_deleted"         // case/N; title and the files deleted with it
	AuditFileImported        AuditAction = "file_imported"        // submission/N; file name, SHA-256, kind, label, counts
	AuditLabelChanged        AuditAction = "label_changed"        // submission/N; from, to
	AuditInspectionStarted   AuditAction = "inspection_started"   // case/N; template and version
	AuditItemAssessed        AuditAction = "item_assessed"        // case/N/item/ID; result, severity, fields changed, evidence added and removed
	AuditChecksRun           AuditAction = "checks_run"           // case/N; proposals added and kept
	AuditProposalDecided     AuditAction = "proposal_decided"     // case/N/item/ID; proposals, decision, result
	AuditInspectionConcluded AuditAction = "inspection_concluded" // case/N
	AuditInspectionReopened  AuditAction = "inspection_reopened"  // case/N
	AuditInspectionSigned    AuditAction = "inspection_signed"    // case/N; signers, signature
	AuditExportWritten       AuditAction = "export_written"       // case/N; file, SHA-256, language, personal information included
	AuditChecklistImported   AuditAction = "checklist_imported"   // case/N; workbook, SHA-256, items changed
	AuditBundleExported      AuditAction = "bundle_exported"      // case/N; file, SHA-256
	AuditBundleImported      AuditAction = "bundle_imported"      // case/N; file, SHA-256
	AuditKeyCreated          AuditAction = "key_created"          // key/FINGERPRINT
	// AuditTemplateAdded: a checklist template added to an open
	// inspection; case/N; template, version and items.
	AuditTemplateAdded AuditAction = "checklist_template_added"
)

// AuditActions lists the audit actions.
var AuditActions = []AuditAction{
	AuditCaseCreated, AuditCaseEdited, AuditCaseDeleted, AuditFileImported, AuditLabelChanged,
	AuditInspectionStarted, AuditItemAssessed, AuditChecksRun, AuditProposalDecided,
	AuditInspectionConcluded, AuditInspectionReopened, AuditInspectionSigned,
	AuditExportWritten, AuditChecklistImported, AuditBundleExported, AuditBundleImported, AuditKeyCreated,
	AuditTemplateAdded,
}

// Name is the action's Chinese and English name.
func (a AuditAction) Name() Text { return nameOf(groupAudit, string(a)) }

// AuditEntry is one entry of the workspace's audit trail. Entries form a
// hash chain: Hash is the SHA-256 of the entry's canonical encoding, which
// includes PrevHash, the Hash of the entry before it ("" for the first).
type AuditEntry struct {
	Seq    int64       `json:"seq"`
	Time   time.Time   `json:"time"` // UTC
	User   string      `json:"user"` // the operating-system user
	Action AuditAction `json:"action"`
	// Object is what the action was done to: "case/3", "submission/12",
	// "case/3/item/art7-3-personal-information", "key/…".
	Object string `json:"object"`
	// CaseID is the case the entry concerns, 0 when none.
	CaseID int64 `json:"case_id,omitempty"`
	// Details is a JSON object of ids, names, codes and hashes.
	Details  string `json:"details"`
	PrevHash string `json:"prev_hash"`
	Hash     string `json:"hash"`
}

// AuditProblem is how an audit trail was found tampered with.
type AuditProblem string

// The problems [AuditCheck] reports.
const (
	AuditEdited    AuditProblem = "edited"    // the entry's content no longer matches its hash
	AuditDeleted   AuditProblem = "deleted"   // an entry before this one (or at the end) is missing
	AuditInserted  AuditProblem = "inserted"  // the entry was not written by the workbench in this place
	AuditReordered AuditProblem = "reordered" // the entry stands before one written earlier
)

// AuditCheck is the result of verifying the audit trail's hash chain.
type AuditCheck struct {
	Intact  bool   `json:"intact"`
	Entries int    `json:"entries"`
	Head    string `json:"head"` // the hash of the last entry, "" when there is none
	// Since is when the workspace began keeping the trail: changes before
	// it were not recorded.
	Since time.Time `json:"since"`
	// The first bad entry, when not Intact.
	BadSeq  int64        `json:"bad_seq,omitempty"`
	Problem AuditProblem `json:"problem,omitempty"`
	Message string       `json:"message,omitempty"` // English, naming the entry and what is wrong
}
