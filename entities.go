package workbench

import "time"

// The entities of an inspection, as the store records them and the
// interfaces show them.

// Provider is a generative-AI service provider.
type Provider struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	CreditCode string `json:"credit_code"` // 统一社会信用代码, "" when not known
}

// Service is one generative-AI service of a provider.
type Service struct {
	ID            int64    `json:"id"`
	ProviderID    int64    `json:"provider_id"`
	Name          string   `json:"name"`
	FilingNo      string   `json:"filing_no"`      // 备案号, "" when not known
	Modalities    []string `json:"modalities"`     // subset of Modalities, canonical order
	PublicOpinion bool     `json:"public_opinion"` // Art. 17 public-opinion attribute or social-mobilisation capacity
}

// Case is one inspection of one provider's service.
type Case struct {
	ID                int64     `json:"id"`
	Title             string    `json:"title"`
	Provider          Provider  `json:"provider"`
	Service           Service   `json:"service"`
	Inspectors        []string  `json:"inspectors"`
	OpenedOn          string    `json:"opened_on"`             // YYYY-MM-DD
	ReceivedOn        string    `json:"received_on,omitempty"` // YYYY-MM-DD the material was received, which the checks count from; "" when not recorded (each file's import day)
	Status            string    `json:"status"`                // a CaseStatus code
	ChecklistTemplate string    `json:"checklist_template"`
	CreatedAt         time.Time `json:"created_at"`
	UpdatedAt         time.Time `json:"updated_at"`
}

// Submission is one file a provider handed over, as imported into a case.
type Submission struct {
	ID              int64     `json:"id"`
	CaseID          int64     `json:"case_id"`
	SHA256          string    `json:"sha256"`
	FileName        string    `json:"file_name"`
	Size            int64     `json:"size"`
	Kind            string    `json:"kind"`  // a Kind code
	Label           string    `json:"label"` // a Label code
	Format          string    `json:"format"`
	Encoding        string    `json:"encoding"`
	ImporterVersion string    `json:"importer_version"`
	ImportedAt      time.Time `json:"imported_at"`
	Records         int       `json:"records"`
	Passages        int       `json:"passages"`
	Warnings        int       `json:"warnings"`
}

// Warning is something an importer could not read, with where it was.
type Warning struct {
	Location string `json:"location"` // in English: `sheet "数据来源", row 12` (see LocationText)
	Message  string `json:"message"`  // in English
	// Reason and Args, when Reason is set, say what the warning is for
	// each interface to word in its own language; a warning stored before
	// they were kept has only its English Message.
	Reason Reason         `json:"reason,omitempty"`
	Args   map[string]any `json:"args,omitempty"`
}

// Evidence is a record or passage cited for an item, with what was copied
// from it when it was cited.
type Evidence struct {
	ID           int64
	ItemID       string
	Ref          string // as given: rec-12, psg-7, INC-0042
	Target       string // the rec-N or psg-N it resolved to
	SubmissionID int64  // 0 once the submission is gone
	SHA256       string
	FileName     string
	Kind         string // a Kind code
	// Label is the confidentiality label of the submission quoted, as it
	// is now; "" once the submission is gone.
	Label    string
	Location string
	Quote    string
	AddedAt  time.Time
}
