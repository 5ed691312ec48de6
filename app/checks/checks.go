// Package checks runs the automated checks of a checklist template over a
// case's structured records and proposes a result for each: compliant,
// non_compliant, info_requested (the submissions do not say enough) or
// not_applicable, with the exact records behind it.
//
// A check never decides. Its outcome is a proposal the inspector accepts
// or overrides; the app keeps both.
//
// A check tells two kinds of record apart: records that show a problem,
// and records that say too little to judge — a yes/no column left empty, a
// category outside the vocabulary, a time that cannot be read or comes
// before the event. The latter are "unclear": they are counted and listed
// beside the problems, and alone they make info_requested, never
// non_compliant.
//
// The checks read records through [importers.Fields], decoded once: times
// with their precision (a date is a day, not midnight), numbers, yes/no
// answers and vocabulary terms. Two times are compared, and durations
// counted, at the coarser precision of the two.
//
// The package imports app/checklist (for the registry and parameters),
// importers (for the typed record fields) and the standard library.
package checks

import (
	"github.com/inspection-workbench/workbench"
	"strconv"

	"fmt"
	"iter"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench/app/checklist"
	"github.com/inspection-workbench/workbench/importers"
	"github.com/inspection-workbench/workbench/importers/values"
)

// Results a check proposes.
const (
	Compliant     = string(workbench.Compliant)
	NonCompliant  = string(workbench.NonCompliant)
	InfoRequested = string(workbench.InfoRequested)
	NotApplicable = string(workbench.NotApplicable)
)

// Submission kinds, as the importers name them.
const (
	kindDataSource = string(workbench.DataSource)
	kindAnnotation = string(workbench.AnnotationRule)
	kindAlgorithm  = string(workbench.Algorithm)
	kindIncident   = string(workbench.Incident)
)

// MaxFlags bounds the records an outcome lists; Flagged always holds the
// full count.
const MaxFlags = 10000

// Text is a text in Chinese and English.
type Text = checklist.Text

// Record is one structured record as the checks see it.
type Record struct {
	HitID    string // the search-hit id, rec-N
	Ref      string // the provider's own identifier (DS-07, INC-0042), or ""
	File     string // the submission's file name
	Kind     string // the submission's kind
	Sheet    string // worksheet, for workbooks
	Row      int    // worksheet row, or line of a text file
	Location string // where the record is, in words: sheet "数据来源", row 10
	// Fields are the record's canonical fields, decoded.
	Fields importers.Fields
	// Raw holds the record's stored fields as JSON values when the
	// importers have no field specification for its kind (Fields is then
	// empty). The checks of the safety-testing kinds read either.
	Raw map[string]any
	// Submitted is when the record's file was imported into the case,
	// which the checks take as the day the provider submitted it; zero
	// when unknown.
	Submitted time.Time
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
	// Records yields every structured record of the case once, in a
	// stable order, the algorithm records first: what they publish (the
	// complaint time limit) is needed to judge the others as they pass.
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
	// Unclear marks a record that says too little to judge (a blank yes/no
	// column, an unknown category, an impossible time) rather than one
	// that shows a problem.
	Unclear bool
}

// Outcome is what one check proposes for one item.
type Outcome struct {
	Rule    string
	Item    string
	Article workbench.ArticleRef
	Result  string
	// Summary says what the check found, with the figures behind it.
	Summary Text
	// Checked is how many records (or submissions, for checks of
	// presence) the check examined.
	Checked int
	// Problems counts the records that show a problem, Unclear those that
	// say too little to judge; Flagged is both.
	Problems, Unclear int
	Flagged           int
	// Flags lists up to MaxFlags of the flagged records, in the order
	// they were read.
	Flags []Flag
}

// rule is one automated check while it runs: it sees every record and
// passage once, then says what it found.
type rule interface {
	record(r *Record, f *facts)
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
		others := false
		for rec, err := range in.Records {
			if err != nil {
				return nil, fmt.Errorf("read records: %w", err)
			}
			if rec.Kind == kindAlgorithm {
				if others {
					return nil, fmt.Errorf("read records: algorithm record %s came after other records; the algorithm records must come first", rec.Name())
				}
				f.addAlgorithm(rec)
			} else {
				others = true
			}
			for _, r := range rules {
				r.rule.record(&rec, f)
			}
		}
	}
	if in.Passages != nil {
		for p, err := range in.Passages {
			if err != nil {
				return nil, fmt.Errorf("read passages: %w", err)
			}
			if p.Kind == kindAlgorithm {
				f.algorithmPassage(p)
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
			o.Flagged = o.Problems + o.Unclear
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
		return &declaredBasis{flag: "contains_copyrighted", basis: "copyright_licence", alt: "licence",
			unknown: Text{Zh: "未说明是否含版权作品", En: "does not say whether it contains copyrighted works"},
			missing: Text{Zh: "含版权作品但未说明版权许可", En: "contains copyrighted works but names no copyright licence"},
			unstated: Text{Zh: "含版权作品，但所在表格没有一行说明版权许可或许可协议（无此列，或整列为空），无法判断",
				En: "contains copyrighted works, but no row of its table names a copyright licence or licence (no such column, or it is blank throughout): cannot judge"},
			none:   Text{Zh: "没有含版权作品的训练数据来源", En: "no training-data source contains copyrighted works"},
			okText: Text{Zh: "含版权作品的来源均说明了版权许可", En: "every source with copyrighted works names its licence"},
			bad:    Text{Zh: "含版权作品但未说明版权许可", En: "with copyrighted works but no copyright licence"},
		}, nil
	case checklist.CheckPILegalBasis:
		return &declaredBasis{flag: "contains_personal_info", basis: "pi_legal_basis",
			unknown: Text{Zh: "未说明是否含个人信息", En: "does not say whether it contains personal information"},
			missing: Text{Zh: "含个人信息但未说明个人信息处理依据", En: "contains personal information but states no legal basis for processing it"},
			unstated: Text{Zh: "含个人信息，但所在表格没有一行说明个人信息处理依据（无此列，或整列为空），无法判断",
				En: "contains personal information, but no row of its table states a legal basis for processing it (no such column, or it is blank throughout): cannot judge"},
			none:   Text{Zh: "没有含个人信息的训练数据来源", En: "no training-data source contains personal information"},
			okText: Text{Zh: "含个人信息的来源均说明了处理依据", En: "every source with personal information states its legal basis"},
			bad:    Text{Zh: "含个人信息但未说明处理依据", En: "with personal information but no legal basis"},
		}, nil
	case checklist.CheckHarmfulShare:
		return &harmfulShare{max: c.Number("max_share")}, nil
	case checklist.CheckBaseModelFiling:
		return &baseModelFiling{}, nil
	case checklist.CheckAnnotationRules:
		return &annotationRules{}, nil
	case checklist.CheckAnnotationQA:
		return &annotationQA{minSample: c.Int("min_sample_size"), minAccuracy: c.Number("min_accuracy"),
			safetyMinAccuracy: c.Number("safety_min_accuracy")}, nil
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
	case checklist.CheckImplicitLabel:
		req, ok := c.Params["required_subfields"].(string)
		if !ok {
			req = defaultRequiredSubfields
		}
		return newImplicitLabel(req)
	}
	if r := newSafetyRule(c); r != nil {
		return r, nil
	}
	return nil, fmt.Errorf("no automated check %q", c.ID)
}

// facts is what the case says of the service as a whole: the case's own
// record of it and the algorithm key facts and description the provider
// submitted.
type facts struct {
	service   Service
	kinds     map[string]int
	algorithm []Record // the algorithm records, up to maxAlgorithmRecords
	// labelling is the first passage of an algorithm description that
	// describes generated-content labelling, if any.
	labelling *Passage
}

// maxAlgorithmRecords bounds the algorithm records kept: a provider
// describes a service in one or a few.
const maxAlgorithmRecords = 1000

func (f *facts) addAlgorithm(r Record) {
	if len(f.algorithm) < maxAlgorithmRecords {
		f.algorithm = append(f.algorithm, r)
	}
}

// labellingWords are how algorithm descriptions speak of labelling
// generated content (Art. 12; 《人工智能生成合成内容标识办法》).
var labellingWords = []string{"生成内容标识", "合成内容标识", "内容标识", "显式标识", "隐式标识", "数字水印", "水印",
	"watermark", "content label", "aigc label"}

func (f *facts) algorithmPassage(p Passage) {
	if f.labelling != nil {
		return
	}
	low := strings.ToLower(p.Text)
	for _, w := range labellingWords {
		if strings.Contains(low, w) {
			q := p
			f.labelling = &q
			return
		}
	}
}

// algorithmText returns the first algorithm record's value of a text
// field that says something, and that record.
func (f *facts) algorithmText(field string) (string, *Record) {
	for i := range f.algorithm {
		if v := f.algorithm[i].Fields.Text(field); !statesNothing(v) {
			return v, &f.algorithm[i]
		}
	}
	return "", nil
}

// algorithmBool returns the first algorithm record's value of a yes/no
// field, and whether any record gives one.
func (f *facts) algorithmBool(field string) (value, ok bool) {
	for _, r := range f.algorithm {
		if v, ok := r.Fields.Bool(field); ok {
			return v, true
		}
	}
	return false, false
}

// outcomeBuilder gathers a rule's flags.
type outcomeBuilder struct {
	checked  int
	problems int
	unclear  int
	flags    []Flag
}

// problem flags r as showing a problem.
func (b *outcomeBuilder) problem(r *Record, p Text) { b.flag(r, p, false) }

// unclearRecord flags r as saying too little to judge.
func (b *outcomeBuilder) unclearRecord(r *Record, p Text) { b.flag(r, p, true) }

func (b *outcomeBuilder) flag(r *Record, problem Text, unclear bool) {
	if unclear {
		b.unclear++
	} else {
		b.problems++
	}
	if len(b.flags) < MaxFlags {
		b.flags = append(b.flags, Flag{Record: bare(r), Problem: problem, Unclear: unclear})
	}
}

// flagProblems flags r with the problems found, joined; nothing when there
// are none. What makes r unclear is listed too, and alone it makes r a
// record that says too little.
func (b *outcomeBuilder) flagProblems(r *Record, problems, unclear []Text) {
	switch {
	case len(problems) > 0:
		b.flag(r, joinTexts(append(problems, unclear...)), false)
	case len(unclear) > 0:
		b.flag(r, joinTexts(unclear), true)
	}
}

// outcome turns what was gathered into a proposal: non_compliant when any
// record shows a problem, info_requested when records only say too little
// (or nothing was checked), compliant otherwise. noData is the summary when
// nothing was checked; ok the summary when nothing was flagged; bad names
// the problems.
func (b *outcomeBuilder) outcome(noData, ok, bad Text) Outcome {
	o := Outcome{Checked: b.checked, Problems: b.problems, Unclear: b.unclear, Flags: b.flags}
	switch {
	case b.checked == 0 && b.problems+b.unclear == 0:
		o.Result, o.Summary = InfoRequested, noData
		return o
	case b.problems > 0:
		o.Result = NonCompliant
	case b.unclear > 0:
		o.Result = InfoRequested
	default:
		o.Result = Compliant
		o.Summary = Text{Zh: fmt.Sprintf("已核查 %d 条记录：%s。", b.checked, ok.Zh), En: nEn(b.checked, "records checked") + ": " + ok.En + "."}
		return o
	}
	o.Summary = Text{Zh: fmt.Sprintf("已核查 %d 条记录", b.checked), En: nEn(b.checked, "records checked")}
	if b.problems > 0 {
		names := listNames(b.flags, false, b.problems)
		o.Summary.Zh += fmt.Sprintf("，%d 条%s：%s", b.problems, bad.Zh, names.Zh)
		o.Summary.En += ", " + nEn(b.problems, bad.En) + ": " + names.En
	}
	if b.unclear > 0 {
		names := listNames(b.flags, true, b.unclear)
		o.Summary.Zh += fmt.Sprintf("；%d 条信息不足、无法判断：%s", b.unclear, names.Zh)
		o.Summary.En += fmt.Sprintf("; %d unclear (saying too little to judge): %s", b.unclear, names.En)
	}
	o.Summary.Zh += "。"
	o.Summary.En += "."
	return o
}

// nEn words a count in English: n and the plural noun phrase, its first
// word made singular for one ("1 record with a problem", "2 records with
// a problem"; "1 batch", "1 category"). A phrase that starts with no
// plural noun ("without trained annotators") is left as it is.
func nEn(n int, plural string) string {
	if n == 1 {
		word, rest, _ := strings.Cut(plural, " ")
		switch {
		case strings.HasSuffix(word, "ches"), strings.HasSuffix(word, "shes"), strings.HasSuffix(word, "sses"), strings.HasSuffix(word, "xes"):
			word = word[:len(word)-2]
		case strings.HasSuffix(word, "ies"):
			word = word[:len(word)-3] + "y"
		case len(word) > 3 && strings.HasSuffix(word, "s") && !strings.HasSuffix(word, "ss") && !strings.HasSuffix(word, "us"):
			word = word[:len(word)-1]
		}
		if rest != "" {
			word += " " + rest
		}
		plural = word
	}
	return strconv.Itoa(n) + " " + plural
}

// listNames names up to ten of the flagged records (the unclear ones, or
// those with a problem), then how many more there are. A name two of them
// share (a data source's id on its record and on the rows checking it) is
// told apart by the record's file and place.
func listNames(flags []Flag, unclear bool, total int) Text {
	const shown = 10
	var recs []*Record
	seen := map[string]int{}
	for i := range flags {
		if flags[i].Unclear != unclear {
			continue
		}
		if len(recs) == shown {
			break
		}
		recs = append(recs, &flags[i].Record)
		seen[flags[i].Record.Name()]++
	}
	var zh, en []string
	for _, r := range recs {
		name := r.Name()
		switch {
		case r.Ref == "":
			zh = append(zh, r.File+" "+workbench.LocationText(r.Location, true))
			en = append(en, name)
		case seen[name] > 1:
			zh = append(zh, name+"（"+r.File+" "+workbench.LocationText(r.Location, true)+"）")
			en = append(en, name+" ("+r.File+" "+r.Location+")")
		default:
			zh = append(zh, name)
			en = append(en, name)
		}
	}
	t := Text{Zh: strings.Join(zh, "、"), En: strings.Join(en, ", ")}
	if total > len(recs) {
		t.Zh += fmt.Sprintf(" …（另 %d 条）", total-len(recs))
		t.En += fmt.Sprintf(" … (+%d)", total-len(recs))
	}
	return t
}

// bare is a copy of r without its fields, to keep in a flag.
func bare(r *Record) Record {
	rec := *r
	rec.Fields = importers.Fields{}
	rec.Raw = nil
	return rec
}

func joinTexts(ts []Text) Text {
	zh := make([]string, len(ts))
	en := make([]string, len(ts))
	for i, t := range ts {
		zh[i], en[i] = t.Zh, t.En
	}
	return Text{Zh: strings.Join(zh, "；"), En: strings.Join(en, "; ")}
}

// noValue lists what providers write for "nothing": such a value states no
// basis, licence or filing number.
var noValue = []string{"无", "暂无", "没有", "不适用", "不涉及", "未提供", "空", "不详", "不明", "未知", "无此项", "n/a", "na", "none", "nil",
	"null", "unknown", "tbd", "pending", "-", "--", "—", "——", "/", "／", "否", "x", "×"}

// pendingPrefixes begin texts that say the answer is still to come (待补充,
// 待法务确认) or was not obtained (未取得授权, 未单独取得授权): filled in, but
// stating no basis.
var pendingPrefixes = []string{"待", "未取得", "未获得", "未获取", "未单独取得", "未签订", "未签署", "未授权", "未明确", "未说明",
	"未填写", "未提供", "尚未", "暂未", "无授权", "无许可", "无合同", "无协议", "无依据", "to be ", "not yet", "pending "}

// statesNothing reports whether a text gives no basis, licence or number:
// empty, one of noValue, or a text that says the answer is pending or was
// not obtained.
func statesNothing(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimRight(s, "。.;；")
	if s == "" || slices.Contains(noValue, s) {
		return true
	}
	for _, p := range pendingPrefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// statesNone reports whether a text says, in so many words, that there is
// nothing (无, 不适用, none) rather than being empty.
func statesNone(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && statesNothing(s)
}

// duration is a time limit as the importers write it.
type duration struct {
	value float64
	unit  string // hours, days, working_days
}

func durationField(fs importers.Fields, name string) (duration, bool) {
	v := fs.Value(name)
	if !v.Set || !v.OK || v.Number <= 0 || (v.Unit != "hours" && v.Unit != "days" && v.Unit != "working_days") {
		return duration{}, false
	}
	return duration{v.Number, v.Unit}, true
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

// Verdicts of a time limit.
const (
	withinLimit = iota
	beyondLimit
	cannotTell // the times are too coarse to tell
)

// judge tells whether the time from start to end is longer than d, at the
// coarser precision of the two. Hours run from the moment of receipt: a
// limit is exceeded only when even the shortest time the two values allow
// is longer, met when even the longest is not, and otherwise cannot be
// told. Days are counted as the law counts periods (Civil Code Art. 201):
// the day of receipt does not count, so a limit of 15 days ends with the
// 15th day after it; dates suffice for that. Working days are counted
// Monday to Friday from the day after start up to the day of end; public
// holidays are not known offline and count as working days, so a delay is
// never missed but one near the limit may be overstated.
func (d duration) judge(start, end values.Time) int {
	if d.unit == "hours" {
		shortest, longest := values.Elapsed(start, end)
		switch {
		case shortest.Hours() > d.value: // in float hours: a limit may be huge
			return beyondLimit
		case longest.Hours() <= d.value:
			return withinLimit
		}
		return cannotTell
	}
	days, ok := values.CalendarDays(start, end)
	if !ok {
		return cannotTell
	}
	if d.unit == "working_days" {
		days = workingDays(start.Start(), days)
	}
	if float64(days) > d.value {
		return beyondLimit
	}
	return withinLimit
}

// workingDays counts the Mondays to Fridays among the days after start's
// date, up to days days later.
func workingDays(start time.Time, days int) int {
	n := 0
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

// clip shortens s to n characters.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
