// Package checks runs the automated checks of a checklist template over a
// case's structured records and proposes a result for each: compliant,
// non_compliant, info_requested (the submissions do not say enough) or
// not_applicable, with the exact records behind it.
//
// A check never decides. Its outcome is a proposal the inspector accepts
// or overrides; the app keeps both.
//
// The checks read the canonical fields the importers write (see
// importers.Specs): a record's Fields are its normalised JSON values, so
// booleans are bool, dates "YYYY-MM-DD", times "YYYY-MM-DDTHH:MM:SS",
// percentages fractions, enum lists arrays of canonical terms and
// durations {"value": n, "unit": "hours|days|working_days"}.
//
// The package imports only app/checklist (for the registry and parameters)
// and the standard library.
package checks

import (
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench/app/checklist"
)

// Results a check proposes.
const (
	Compliant     = "compliant"
	NonCompliant  = "non_compliant"
	InfoRequested = "info_requested"
	NotApplicable = "not_applicable"
)

// Submission kinds, as the importers name them.
const (
	kindDataSource = "data_source"
	kindAnnotation = "annotation_rule"
	kindAlgorithm  = "algorithm"
	kindIncident   = "incident"
)

// MaxFlags bounds the records an outcome lists; Flagged always holds the
// full count.
const MaxFlags = 10000

// Text is a text in Chinese and English.
type Text = checklist.Text

// Record is one structured record as the checks see it.
type Record struct {
	HitID    string         // the search-hit id, rec-N
	Ref      string         // the provider's own identifier (DS-07, INC-0042), or ""
	File     string         // the submission's file name
	Kind     string         // the submission's kind
	Sheet    string         // worksheet, for workbooks
	Row      int            // worksheet row, or line of a text file
	Location string         // where the record is, in words: sheet "数据来源", row 10
	Fields   map[string]any // canonical fields, as decoded from the stored JSON
}

// Name is how messages name the record: its identifier, else its place.
func (r *Record) Name() string {
	if r.Ref != "" {
		return r.Ref
	}
	return r.File + " " + r.Location
}

// Passage is one passage of a document submission.
type Passage struct {
	HitID, File, Kind, Location, Text string
}

// Service is what the case records of the inspected service.
type Service struct {
	FilingNo      string   // the algorithm filing number, "" when not known
	Modalities    []string // text, image, audio, video
	PublicOpinion bool     // public-opinion attributes or social-mobilisation capacity
}

// Input is what the checks run over.
type Input struct {
	Service Service
	// Kinds counts the case's submissions per kind, documents included.
	Kinds map[string]int
	// Records yields every structured record of the case once, in any
	// order.
	Records iter.Seq2[Record, error]
	// Passages yields the passages of the case's annotation-rule and
	// algorithm documents; nil when there are none.
	Passages iter.Seq2[Passage, error]
}

// Ref asks for one check of one checklist item.
type Ref struct {
	Item  string
	Check checklist.CheckRef
}

// Flag is a record a check found wanting.
type Flag struct {
	Record  Record
	Problem Text
	// Missing marks a record that does not say enough to decide (a blank
	// yes/no column) rather than one that shows a problem.
	Missing bool
}

// Outcome is what one check proposes for one item.
type Outcome struct {
	Rule    string
	Item    string
	Article checklist.ArticleRef
	Result  string
	// Summary says what the check found, with the figures behind it.
	Summary Text
	// Checked is how many records (or submissions, for checks of
	// presence) the check examined.
	Checked int
	// Flagged is how many records the check found wanting; Flags lists
	// up to MaxFlags of them, in the order they were read.
	Flagged int
	Flags   []Flag
}

// rule is one automated check while it runs: it sees every record and
// passage once, then says what it found.
type rule interface {
	record(r *Record)
	passage(p *Passage)
	finish(f *facts) Outcome
}

// Run runs the checks refs name over in and returns one outcome per ref,
// in the order of refs. A check named by several items runs once per
// distinct set of parameters.
func Run(in Input, refs []Ref) ([]Outcome, error) {
	type instance struct {
		key  string
		rule rule
	}
	var rules []instance
	index := make([]int, len(refs))
	for i, ref := range refs {
		key := ref.Check.ID + fmt.Sprint(ref.Check.Params)
		j := slices.IndexFunc(rules, func(x instance) bool { return x.key == key })
		if j < 0 {
			r, err := newRule(ref.Check)
			if err != nil {
				return nil, fmt.Errorf("item %s: %w", ref.Item, err)
			}
			j = len(rules)
			rules = append(rules, instance{key, r})
		}
		index[i] = j
	}
	f := &facts{service: in.Service, kinds: in.Kinds}
	if in.Records != nil {
		for rec, err := range in.Records {
			if err != nil {
				return nil, fmt.Errorf("read records: %w", err)
			}
			if rec.Kind == kindAlgorithm {
				f.addAlgorithm(rec)
			}
			for _, r := range rules {
				r.rule.record(&rec)
			}
		}
	}
	if in.Passages != nil {
		for p, err := range in.Passages {
			if err != nil {
				return nil, fmt.Errorf("read passages: %w", err)
			}
			for _, r := range rules {
				r.rule.passage(&p)
			}
		}
	}
	done := make([]*Outcome, len(rules))
	out := make([]Outcome, len(refs))
	for i, ref := range refs {
		j := index[i]
		if done[j] == nil {
			o := rules[j].rule.finish(f)
			done[j] = &o
		}
		o := *done[j]
		o.Item = ref.Item
		o.Rule = ref.Check.ID
		if spec, ok := checklist.LookupCheck(ref.Check.ID); ok {
			o.Article = spec.Article
		}
		out[i] = o
	}
	return out, nil
}

func newRule(c checklist.CheckRef) (rule, error) {
	switch c.ID {
	case checklist.CheckDataSourceLawfulBasis:
		return &lawfulBasis{}, nil
	case checklist.CheckCopyrightLicence:
		return &declaredBasis{flag: "contains_copyrighted", basis: "copyright_licence",
			unknown: Text{Zh: "未说明是否含版权作品", En: "does not say whether it contains copyrighted works"},
			missing: Text{Zh: "含版权作品但未说明版权许可", En: "contains copyrighted works but names no copyright licence"},
			none:    Text{Zh: "没有含版权作品的训练数据来源", En: "no training-data source contains copyrighted works"},
			okText:  Text{Zh: "含版权作品的来源均说明了版权许可", En: "every source with copyrighted works names its licence"},
			bad:     Text{Zh: "未说明版权许可或是否含版权作品", En: "without a copyright licence or without saying whether they hold copyrighted works"},
		}, nil
	case checklist.CheckPILegalBasis:
		return &declaredBasis{flag: "contains_personal_info", basis: "pi_legal_basis",
			unknown: Text{Zh: "未说明是否含个人信息", En: "does not say whether it contains personal information"},
			missing: Text{Zh: "含个人信息但未说明个人信息处理依据", En: "contains personal information but states no legal basis for processing it"},
			none:    Text{Zh: "没有含个人信息的训练数据来源", En: "no training-data source contains personal information"},
			okText:  Text{Zh: "含个人信息的来源均说明了处理依据", En: "every source with personal information states its legal basis"},
			bad:     Text{Zh: "未说明个人信息处理依据或是否含个人信息", En: "without a legal basis for personal information or without saying whether they hold any"},
		}, nil
	case checklist.CheckHarmfulShare:
		return &harmfulShare{max: c.Number("max_share")}, nil
	case checklist.CheckBaseModelFiling:
		return &baseModelFiling{}, nil
	case checklist.CheckAnnotationRules:
		return &annotationRules{}, nil
	case checklist.CheckAnnotationQA:
		return &annotationQA{minSample: c.Int("min_sample_size"), minAccuracy: c.Number("min_accuracy")}, nil
	case checklist.CheckAnnotatorTraining:
		return &annotatorTraining{}, nil
	case checklist.CheckSafetyAnnotation:
		return &safetyAnnotation{}, nil
	case checklist.CheckPIRequestsHandled:
		return &piRequests{maxDays: c.Int("max_days")}, nil
	case checklist.CheckContentLabelling:
		return &contentLabelling{}, nil
	case checklist.CheckIllegalContentAction:
		return &illegalContentAction{}, nil
	case checklist.CheckIllegalContentReport:
		return &illegalContentReport{}, nil
	case checklist.CheckUserIllegalActivity:
		return &userIllegalActivity{}, nil
	case checklist.CheckComplaintTimeLimit:
		return &complaintTimeLimit{defaultDays: c.Int("default_days")}, nil
	case checklist.CheckAlgorithmFiling:
		return &algorithmFiling{}, nil
	}
	return nil, fmt.Errorf("no automated check %q", c.ID)
}

// facts is what the case says of the service as a whole: the case's own
// record of it and the algorithm key facts the provider submitted.
type facts struct {
	service   Service
	kinds     map[string]int
	algorithm []Record // the algorithm records, up to maxAlgorithmRecords
}

// maxAlgorithmRecords bounds the algorithm records kept: a provider
// describes a service in one or a few.
const maxAlgorithmRecords = 1000

func (f *facts) addAlgorithm(r Record) {
	if len(f.algorithm) < maxAlgorithmRecords {
		f.algorithm = append(f.algorithm, r)
	}
}

// algorithmText returns the first algorithm record's value of a text
// field that says something, and that record.
func (f *facts) algorithmText(field string) (string, *Record) {
	for i := range f.algorithm {
		if v := text(f.algorithm[i].Fields, field); !blank(v) {
			return v, &f.algorithm[i]
		}
	}
	return "", nil
}

// algorithmBool returns the first algorithm record's value of a yes/no
// field, and whether any record gives one.
func (f *facts) algorithmBool(field string) (value, ok bool) {
	for _, r := range f.algorithm {
		if v, ok := r.Fields[field].(bool); ok {
			return v, true
		}
	}
	return false, false
}

// outcomeBuilder gathers a rule's flags.
type outcomeBuilder struct {
	checked int
	flagged int
	missing int
	flags   []Flag
}

func (b *outcomeBuilder) flag(r *Record, problem Text, missing bool) {
	b.flagged++
	if missing {
		b.missing++
	}
	if len(b.flags) < MaxFlags {
		rec := *r
		rec.Fields = nil
		b.flags = append(b.flags, Flag{Record: rec, Problem: problem, Missing: missing})
	}
}

// flagProblems flags r with the problems found, joined; nothing when
// there are none. unclear problems (a missing or impossible time) are
// listed too, and alone they make r a record that says too little.
func (b *outcomeBuilder) flagProblems(r *Record, problems, unclear []Text) {
	switch {
	case len(problems) > 0:
		b.flag(r, joinTexts(append(problems, unclear...)), false)
	case len(unclear) > 0:
		b.flag(r, joinTexts(unclear), true)
	}
}

// timeProblem says what is wrong with a record's received and handled
// times (nil when nothing): the receipt time is missing, or the handling
// time comes before it.
func timeProblem(hasFound bool, found time.Time, hasDone bool, done time.Time, doneZh, doneEn string) []Text {
	switch {
	case !hasFound:
		return []Text{{Zh: "无发现（受理）时间", En: "no time of receipt (发现时间 is empty)"}}
	case hasDone && done.Before(found):
		return []Text{{Zh: doneZh + "早于发现（受理）时间", En: doneEn + " is earlier than the time of receipt"}}
	}
	return nil
}

// outcome turns what was gathered into a proposal. noData is the summary
// when nothing was checked; ok the summary when nothing was flagged; bad
// heads the list of flagged records.
func (b *outcomeBuilder) outcome(noData, ok, bad Text) Outcome {
	o := Outcome{Checked: b.checked, Flagged: b.flagged, Flags: b.flags}
	switch {
	case b.checked == 0:
		o.Result, o.Summary = InfoRequested, noData
	case b.flagged == 0:
		o.Result = Compliant
		o.Summary = Text{Zh: fmt.Sprintf("已核查 %d 条记录：%s。", b.checked, ok.Zh), En: fmt.Sprintf("%d records checked: %s.", b.checked, ok.En)}
	default:
		o.Result = NonCompliant
		if b.missing == b.flagged {
			o.Result = InfoRequested
		}
		o.Summary = Text{
			Zh: fmt.Sprintf("已核查 %d 条记录，%d 条%s：%s", b.checked, b.flagged, bad.Zh, listNames(b.flags, b.flagged)),
			En: fmt.Sprintf("%d records checked, %d %s: %s", b.checked, b.flagged, bad.En, listNames(b.flags, b.flagged)),
		}
	}
	return o
}

// listNames lists up to ten flagged records by name.
func listNames(flags []Flag, total int) string {
	const shown = 10
	var names []string
	for i, f := range flags {
		if i == shown {
			break
		}
		names = append(names, f.Record.Name())
	}
	s := strings.Join(names, ", ")
	if total > len(names) {
		s += fmt.Sprintf(" … (+%d)", total-len(names))
	}
	return s
}

func joinTexts(ts []Text) Text {
	zh := make([]string, len(ts))
	en := make([]string, len(ts))
	for i, t := range ts {
		zh[i], en[i] = t.Zh, t.En
	}
	return Text{Zh: strings.Join(zh, "；"), En: strings.Join(en, "; ")}
}

// text returns a text field, trimmed; "" when absent or not text.
func text(fields map[string]any, name string) string {
	s, _ := fields[name].(string)
	return strings.TrimSpace(s)
}

// number returns a numeric field.
func number(fields map[string]any, name string) (float64, bool) {
	v, ok := fields[name].(float64)
	return v, ok && !math.IsNaN(v)
}

// terms returns an enum-list field's canonical terms.
func terms(fields map[string]any, name string) []string {
	switch v := fields[name].(type) {
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	case string:
		return []string{v}
	}
	return nil
}

// noValue lists what providers write for "nothing": such a value states no
// basis, licence or filing number.
var noValue = []string{"无", "暂无", "没有", "不适用", "不涉及", "未提供", "空", "n/a", "na", "none", "nil", "null", "-", "--", "—", "——", "/", "／", "否"}

// statesNone reports whether a text says, in so many words, that there is
// nothing (无, 不适用, none) rather than being empty.
func statesNone(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && blank(s)
}

// blank reports whether a text says nothing: empty, or one of noValue.
func blank(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "" || slices.Contains(noValue, s)
}

// timeLayouts are how the importers write datetime and date values.
var timeLayouts = []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"}

// when returns a datetime field.
func when(fields map[string]any, name string) (time.Time, bool) {
	s := text(fields, name)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// duration is a time limit as the importers write it.
type duration struct {
	value float64
	unit  string // hours, days, working_days
}

func durationField(fields map[string]any, name string) (duration, bool) {
	m, ok := fields[name].(map[string]any)
	if !ok {
		return duration{}, false
	}
	v, ok := m["value"].(float64)
	u, _ := m["unit"].(string)
	if !ok || v <= 0 || (u != "hours" && u != "days" && u != "working_days") {
		return duration{}, false
	}
	return duration{v, u}, true
}

// text writes the limit: "15 个工作日" / "15 working days".
func (d duration) text() Text {
	v := fmtNumber(d.value)
	switch d.unit {
	case "hours":
		return Text{Zh: v + " 小时", En: v + " hours"}
	case "working_days":
		return Text{Zh: v + " 个工作日", En: v + " working days"}
	}
	return Text{Zh: v + " 日", En: v + " calendar days"}
}

// exceeded reports whether the time from start to end is longer than d.
// Hours run from the moment of receipt. Days are counted as the law counts
// periods (Civil Code Art. 201): the day of receipt does not count, so a
// limit of 15 days ends with the 15th day after it. Working days are counted Monday to Friday from the day after start up to
// the day of end; public holidays are not known offline and count as
// working days, so a delay is never missed but one near the limit may be
// overstated.
func (d duration) exceeded(start, end time.Time) bool {
	switch d.unit {
	case "hours":
		return end.Sub(start).Hours() > d.value
	case "working_days":
		return float64(workingDays(start, end)) > d.value
	}
	return float64(calendarDays(start, end)) > d.value
}

// calendarDays counts the days from start's date to end's date.
func calendarDays(start, end time.Time) int {
	s := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
	e := time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, time.UTC)
	return int(math.Round(e.Sub(s).Hours() / 24))
}

// workingDays counts the Mondays to Fridays after start's date up to and
// including end's date.
func workingDays(start, end time.Time) int {
	n := 0
	days := calendarDays(start, end)
	d := time.Date(start.Year(), start.Month(), start.Day(), 12, 0, 0, 0, time.UTC)
	for i := 1; i <= days; i++ {
		switch d.AddDate(0, 0, i).Weekday() {
		case time.Saturday, time.Sunday:
		default:
			n++
		}
	}
	return n
}

func fmtNumber(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%g", v)
}

func percent(v float64) string {
	return fmt.Sprintf("%.2f%%", v*100)
}
