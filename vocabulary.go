// Package workbench is the domain of Inspection Workbench: the typed
// vocabulary every other package speaks — submission kinds, confidentiality
// labels, results, severities, decisions, case states, modalities, rule
// ids, hit ids, places in a file and bilingual text — with one table of
// their Chinese and English names (see [Name]), and the error type that
// carries a code and a reason with its arguments (see [Error]). It also
// holds the shapes store, the search index, app, the CLI and the GUI pass
// between them, so that none needs another's package for its types: cases
// and submissions, stored records and passages, search requests, hits and
// index progress, query syntax errors, conflicts with what is recorded,
// references to the Measures and the export languages.
//
// It imports nothing of the workbench and no GUI toolkit, so store,
// importers, app, the CLI and the GUI can all read it.
package workbench

import (
	"slices"
	"strings"
	"time"
	"unicode"
)

// Text is a text in Chinese and English.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// In is t in Chinese when zh is set, else in English; when the chosen
// language is empty it falls back to the other.
func (t Text) In(zh bool) string {
	if zh && t.Zh != "" || t.En == "" {
		return t.Zh
	}
	return t.En
}

// Both is "中文<sep>English", or the one language t has when the other is
// empty or the same.
func (t Text) Both(sep string) string {
	switch {
	case t.Zh == "":
		return t.En
	case t.En == "" || t.Zh == t.En:
		return t.Zh
	}
	return t.Zh + sep + t.En
}

// Kind is one of the four kinds of submission Article 19 inspections ask
// providers for.
type Kind string

// The submission kinds.
const (
	DataSource     Kind = "data_source"     // 训练数据来源说明 (Arts. 7, 19)
	AnnotationRule Kind = "annotation_rule" // 标注规则 (Arts. 8, 19)
	Algorithm      Kind = "algorithm"       // 算法机制机理说明 (Arts. 17, 19, 12)
	Incident       Kind = "incident"        // 事件与处置记录 (Arts. 10, 11, 14, 15)

	// The provider's safety testing, judged against TC260-003-2024 and
	// GB/T 45654-2025, and its labelling of generated content (Art. 12,
	// GB 45438-2025).
	KeywordLibrary Kind = "keyword_library" // 关键词库 (TC260-003 §8.1)
	TestQuestion   Kind = "test_question"   // 测试题库 (GB/T 45654 B.1.2, B.1.3)
	TestResult     Kind = "test_result"     // 测试结果 (GB/T 45654 B.2.2, B.2.3)
	CorpusCheck    Kind = "corpus_check"    // 语料抽检 (TC260-003 §5.1, GB/T 45654 B.2.1)
	LabelSample    Kind = "label_sample"    // 标识样本 (Art. 12; GB 45438-2025)
)

// Kinds lists the submission kinds in their usual order.
var Kinds = []Kind{DataSource, AnnotationRule, Algorithm, Incident, KeywordLibrary, TestQuestion, TestResult, CorpusCheck, LabelSample}

// SafetyKinds lists the kinds of the provider's safety testing and label
// samples (issue #17), all of them also in [Kinds].
var SafetyKinds = []Kind{KeywordLibrary, TestQuestion, TestResult, CorpusCheck, LabelSample}

// Name is the kind's Chinese and English name.
func (k Kind) Name() Text { return nameOf(groupKind, string(k)) }

// ParseKind reads a kind by its code ("data_source") or its name in either
// language ("训练数据来源说明", "Training data sources"). An unknown kind
// is an *Error with [ReasonUnknownKind] listing the valid ones.
func ParseKind(s string) (Kind, error) {
	code, ok := parseName(groupKind, s)
	if !ok || !Valid(Kinds, Kind(code)) {
		return "", Errorf(CodeInvalid, ReasonUnknownKind, "Value", s, "Valid", codes(Kinds))
	}
	return Kind(code), nil
}

// Label is the confidentiality label every submission carries (Art. 19 ¶2).
type Label string

// The confidentiality labels, least to most sensitive.
const (
	Public       Label = "public"
	Internal     Label = "internal"
	TradeSecret  Label = "trade_secret"
	PersonalInfo Label = "personal_info"
	StateSecret  Label = "state_secret"
)

// Labels lists the labels from least to most sensitive.
var Labels = []Label{Public, Internal, TradeSecret, PersonalInfo, StateSecret}

// Name is the label's Chinese and English name.
func (l Label) Name() Text { return nameOf(groupLabel, string(l)) }

// ParseLabel reads a label by its code or its name in either language. An
// unknown label is an *Error with [ReasonUnknownLabel].
func ParseLabel(s string) (Label, error) {
	code, ok := parseName(groupLabel, s)
	if !ok {
		return "", Errorf(CodeInvalid, ReasonUnknownLabel, "Value", s, "Valid", codes(Labels))
	}
	return Label(code), nil
}

// AtLeast is l, or floor when floor is the more sensitive of the two (see
// [Labels]): the label a submission gets when something raises it to at
// least floor without ever lowering it. An unknown label counts as less
// sensitive than every known one.
func (l Label) AtLeast(floor Label) Label {
	if slices.Index(Labels, l) < slices.Index(Labels, floor) {
		return floor
	}
	return l
}

// PIIType is a kind of personal information that the personal-information
// scan counts and that exports mask (Art. 19 ¶2).
type PIIType string

// The kinds of personal information, in report order.
const (
	PIIResidentID PIIType = "resident_id" // PRC resident identity number (GB 11643)
	PIIMobile     PIIType = "mobile"      // mainland mobile number
	PIIEmail      PIIType = "email"       // e-mail address
	PIIBankCard   PIIType = "bank_card"   // bank-card number (Luhn)
)

// PIITypes lists the kinds of personal information in report order.
var PIITypes = []PIIType{PIIResidentID, PIIMobile, PIIEmail, PIIBankCard}

// Name is the kind's Chinese and English name.
func (t PIIType) Name() Text { return nameOf(groupPII, string(t)) }

// Result is the result of a checklist item.
type Result string

// The results, in display order.
const (
	NotAssessed        Result = "not_assessed"
	Compliant          Result = "compliant"
	PartiallyCompliant Result = "partially_compliant"
	NonCompliant       Result = "non_compliant"
	NotApplicable      Result = "not_applicable"
	InfoRequested      Result = "info_requested"
)

// Results lists the results in display order.
var Results = []Result{NotAssessed, Compliant, PartiallyCompliant, NonCompliant, NotApplicable, InfoRequested}

// Name is the result's Chinese and English name.
func (r Result) Name() Text { return nameOf(groupResult, string(r)) }

// NeedsFinding reports whether an item with this result must state a
// finding before the inspection can be concluded.
func (r Result) NeedsFinding() bool { return r == NonCompliant || r == PartiallyCompliant }

// ParseResult reads a result by its code, its name in either language, or
// both ("不合规 / Non-compliant"); case, blanks and "_"/"-" do not matter.
func ParseResult(s string) (Result, error) {
	code, ok := parseName(groupResult, s)
	if !ok {
		return "", Errorf(CodeInvalid, ReasonUnknownResult, "Value", s, "Valid", codes(Results))
	}
	return Result(code), nil
}

// Severity is how grave a finding is; "" means none.
type Severity string

// The severities, least severe first.
const (
	SeverityNone     Severity = ""
	SeverityLow      Severity = "low"
	SeverityMedium   Severity = "medium"
	SeverityHigh     Severity = "high"
	SeverityCritical Severity = "critical"
)

// Severities lists the severities, least severe first, without "".
var Severities = []Severity{SeverityLow, SeverityMedium, SeverityHigh, SeverityCritical}

// Name is the severity's Chinese and English name ("无"/"None" for "").
func (s Severity) Name() Text {
	if s == SeverityNone {
		return nameOf(groupSeverity, "none")
	}
	return nameOf(groupSeverity, string(s))
}

// ParseSeverity reads a severity by its code or its name in either
// language; blank is [SeverityNone].
func ParseSeverity(s string) (Severity, error) {
	if strings.TrimFunc(s, unicode.IsSpace) == "" {
		return SeverityNone, nil
	}
	code, ok := parseName(groupSeverity, s)
	if !ok {
		return "", Errorf(CodeInvalid, ReasonUnknownSeverity, "Value", s, "Valid", codes(Severities))
	}
	if code == "none" {
		return SeverityNone, nil
	}
	return Severity(code), nil
}

// Decision is what the inspector decided about an automated check's
// proposal.
type Decision string

// The decisions.
const (
	Pending    Decision = "pending"
	Accepted   Decision = "accepted"
	Overridden Decision = "overridden"
)

// Decisions lists the decisions.
var Decisions = []Decision{Pending, Accepted, Overridden}

// Name is the decision's Chinese and English name.
func (d Decision) Name() Text { return nameOf(groupDecision, string(d)) }

// CaseStatus is the state of a case's inspection.
type CaseStatus string

// The case states, in the order a case passes through them.
const (
	StatusOpen      CaseStatus = "open"
	StatusConcluded CaseStatus = "concluded"
	StatusSigned    CaseStatus = "signed"
)

// CaseStatuses lists the case states in order.
var CaseStatuses = []CaseStatus{StatusOpen, StatusConcluded, StatusSigned}

// Name is the state's Chinese and English name.
func (s CaseStatus) Name() Text { return nameOf(groupStatus, string(s)) }

// Modality is a kind of content a service generates.
type Modality string

// The modalities.
const (
	ModalityText  Modality = "text"
	ModalityImage Modality = "image"
	ModalityAudio Modality = "audio"
	ModalityVideo Modality = "video"
)

// Modalities lists the modalities.
var Modalities = []Modality{ModalityText, ModalityImage, ModalityAudio, ModalityVideo}

// Name is the modality's Chinese and English name.
func (m Modality) Name() Text { return nameOf(groupModality, string(m)) }

// ParseModality reads a modality by its code or its name in either
// language ("图片", "Image").
func ParseModality(s string) (Modality, error) {
	code, ok := parseName(groupModality, s)
	if !ok {
		return "", Errorf(CodeInvalid, ReasonUnknownModality, "Value", s, "Valid", codes(Modalities))
	}
	return Modality(code), nil
}

// RuleID names an automated check of the registry ("pi_legal_basis").
type RuleID string

// Name is the rule's Chinese and English name; an unknown rule's name is
// its id in both languages.
func (r RuleID) Name() Text { return nameOf(groupRule, string(r)) }

// HitID identifies a record ("rec-12") or a passage ("psg-7") that a
// search finds and an inspector cites as evidence.
type HitID string

// codes turns a list of typed codes into strings.
func codes[T ~string](list []T) []string {
	out := make([]string, 0, len(list))
	for _, v := range list {
		out = append(out, string(v))
	}
	return out
}

// Valid reports whether v is one of list.
func Valid[T ~string](list []T, v T) bool { return slices.Contains(list, v) }

// Strings turns a typed list into its codes, for interfaces that hold
// codes as strings (option lists, map keys).
func Strings[T ~string](list []T) []string { return codes(list) }

// DateLayout is how dates are written and read: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// ParseDate reads a date written YYYY-MM-DD. A date in that form that the
// calendar does not have (2027-02-30) is an *Error with
// [ReasonDateNonexistent]; anything else that is not such a date one with
// [ReasonDateFormat]. Both have the date as given in Value.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	t, err := time.Parse(DateLayout, s)
	if err == nil {
		return t, nil
	}
	if isDateShape(s) {
		return time.Time{}, Errorf(CodeInvalid, ReasonDateNonexistent, "Value", s)
	}
	return time.Time{}, Errorf(CodeInvalid, ReasonDateFormat, "Value", s)
}

// isDateShape reports whether s is dddd-dd-dd with a month 01–12, so that
// only its day can be out of range.
func isDateShape(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	month := (s[5]-'0')*10 + s[6] - '0'
	day := (s[8]-'0')*10 + s[9] - '0'
	return month >= 1 && month <= 12 && day >= 1 && day <= 31
}
