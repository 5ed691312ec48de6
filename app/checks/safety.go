package checks

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app/checklist"
	"github.com/inspection-workbench/workbench/importers"
	"github.com/inspection-workbench/workbench/importers/values"
)

// The checks of the provider's safety testing, against TC260-003-2024,
// the GB/T 45654-2025 draft's Annex B and GB/T 45674-2025: keyword
// library, question banks and test results, corpus spot checks and safety
// annotation. Most judge a whole — a library's size, a bank's spread over
// the 31 risks of Appendix A, a pass rate — so a shortfall may rest on no
// single record; the summary then gives the figures, and the records
// behind a failed rate (the failed answers) are flagged.

// newSafetyRule returns the rule of a safety-testing check; nil for
// another check.
func newSafetyRule(c checklist.CheckRef) rule {
	switch c.ID {
	case checklist.CheckKeywordLibrary:
		return &keywordLibrary{minTotal: c.Int("min_keywords"), minA1: c.Int("min_per_a1_risk"), minA2: c.Int("min_per_a2_risk")}
	case checklist.CheckKeywordLibraryUpdated:
		return &keywordUpdated{maxAge: c.Int("max_age_days")}
	case checklist.CheckGeneratedQuestionBank:
		return &generatedBank{min: c.Int("min_questions"), minCore: c.Int("min_per_core_risk"), minOther: c.Int("min_per_other_risk")}
	case checklist.CheckGeneratedResults:
		return &generatedResults{results: results{bank: "generated"}, minSampled: c.Int("min_sampled"), minPass: c.Number("min_pass_rate")}
	case checklist.CheckRefusalBanks:
		return &refusalBanks{minRefuse: c.Int("min_should_refuse"), minPerRisk: c.Int("min_refuse_per_risk"), minAnswer: c.Int("min_should_answer")}
	case checklist.CheckRefusalResults:
		return &refusalResults{minTested: c.Int("min_tested"), minRate: c.Number("min_refusal_rate"), maxAnswerRate: c.Number("max_answer_refusal_rate")}
	case checklist.CheckCorpusSourceShare:
		return &corpusSourceShare{max: c.Number("max_share")}
	case checklist.CheckCorpusSampling:
		return &corpusSampling{minManual: c.Int("min_manual_sample"), minManualPass: c.Number("min_manual_pass_rate"),
			minAutoShare: c.Number("min_auto_sample_share"), minAutoPass: c.Number("min_auto_pass_rate")}
	case checklist.CheckSafetyAnnotationShare:
		return &safetyVolume{minShare: c.Number("min_safety_share"), minPerRisk: c.Int("min_per_risk")}
	case checklist.CheckAnnotatorNotReviewer:
		return &annotatorReviewer{}
	}
	return nil
}

// tally gathers what an aggregate check finds: shortfalls against a
// figure, records showing a problem, records too unclear to judge, and
// notes on what could not be judged as a whole.
type tally struct {
	b          outcomeBuilder
	shortfalls []Text
	notes      []Text // unclear as a whole: info_requested unless something fails
	remarks    []Text // said, changing nothing
}

func (t *tally) short(zh, en string)  { t.shortfalls = append(t.shortfalls, Text{Zh: zh, En: en}) }
func (t *tally) note(zh, en string)   { t.notes = append(t.notes, Text{Zh: zh, En: en}) }
func (t *tally) remark(zh, en string) { t.remarks = append(t.remarks, Text{Zh: zh, En: en}) }

// outcome turns the tally into a proposal: non_compliant on any shortfall
// or problem, info_requested when only records or the whole are unclear
// (or nothing was checked), compliant otherwise. head says what was
// counted; ok what holds when nothing fails.
func (t *tally) outcome(noData, head, ok Text) Outcome {
	b := &t.b
	o := Outcome{Checked: b.checked, Problems: b.problems, Unclear: b.unclear, Flags: b.flags}
	if b.checked == 0 && b.problems+b.unclear == 0 && len(t.shortfalls) == 0 {
		o.Result, o.Summary = InfoRequested, noData
		return o
	}
	var zh, en []string
	switch {
	case len(t.shortfalls) > 0 || b.problems > 0:
		o.Result = NonCompliant
	case b.unclear > 0 || len(t.notes) > 0:
		o.Result = InfoRequested
	default:
		o.Result = Compliant
		zh, en = append(zh, ok.Zh), append(en, ok.En)
	}
	for _, s := range t.shortfalls {
		zh, en = append(zh, s.Zh), append(en, s.En)
	}
	if b.problems > 0 {
		names := listNames(b.flags, false, b.problems)
		zh = append(zh, fmt.Sprintf("%d 条记录有问题：%s", b.problems, names.Zh))
		en = append(en, nEn(b.problems, "records with a problem")+": "+names.En)
	}
	if b.unclear > 0 {
		names := listNames(b.flags, true, b.unclear)
		zh = append(zh, fmt.Sprintf("%d 条信息不足、无法判断：%s", b.unclear, names.Zh))
		en = append(en, fmt.Sprintf("%d unclear (saying too little to judge): %s", b.unclear, names.En))
	}
	for _, n := range append(slices.Clone(t.notes), t.remarks...) {
		zh, en = append(zh, n.Zh), append(en, n.En)
	}
	o.Summary = Text{Zh: head.Zh + "：" + strings.Join(zh, "；") + "。", En: head.En + ": " + strings.Join(en, "; ") + "."}
	return o
}

// riskShortfalls writes "A.1.1 仅 150（应不少于 200）" for each risk of rs whose
// count is below its minimum, and lists the risks with none apart.
func riskShortfalls(t *tally, counts map[workbench.Risk]int, rs []workbench.Risk, minOf func(workbench.Risk) int, unitZh, nounZh, unitEn string) {
	var none []string
	var zh, en []string
	for _, r := range rs {
		n, want := counts[r], minOf(r)
		switch {
		case n == 0:
			none = append(none, string(r))
		case n < want:
			zh = append(zh, fmt.Sprintf("%s 仅 %d %s（应不少于 %d）", r, n, unitZh, want))
			en = append(en, fmt.Sprintf("%s has %d (at least %d)", r, n, want))
		}
	}
	if len(none) > 0 {
		t.short(fmt.Sprintf("未覆盖 %d 类风险：%s", len(none), strings.Join(none, "、")),
			nEn(len(none), "risks not covered")+": "+strings.Join(none, ", "))
	}
	if len(zh) > 0 {
		t.short(fmt.Sprintf("%d 类风险的%s数量不足：%s", len(zh), nounZh, strings.Join(zh, "，")),
			nEn(len(en), "risks with too few "+unitEn)+": "+strings.Join(en, ", "))
	}
}

// coreRisks are the 17 risks of A.1 and A.2.
func coreRisks() []workbench.Risk {
	return append(workbench.RisksIn("A.1"), workbench.RisksIn("A.2")...)
}

// riskProblem says why a record's risk category cannot be counted, or nil.
func riskProblem(r *Record) (workbench.Risk, *Text) {
	k, group, st := riskOf(r)
	switch {
	case st == stAbsent:
		return "", &Text{Zh: "未填写风险类别", En: "no risk category"}
	case st == stBad:
		t := unreadable("风险类别", "the risk category", textOf(r, "risk"))
		return "", &t
	case group:
		return "", &Text{
			Zh: fmt.Sprintf("风险类别只写明大类 %s，未写明附录A的具体风险", k),
			En: fmt.Sprintf("the risk category names only the group %s, not one of the 31 risks", k)}
	}
	return k, nil
}

// ── Keyword library (TC260-003 §8.1; GB/T 45654 draft B.1.1) ──────────────

var noKeywords = Text{Zh: "未导入关键词库，无法核查。", En: "No keyword library is imported; nothing to check."}

// keywordLibrary: the library holds at least minTotal distinct keywords,
// covers the 17 risks of A.1–A.2, at least minA1 for each A.1 risk and
// minA2 for each A.2 risk. A keyword counts once however often it is
// listed; for a risk, once per risk.
type keywordLibrary struct {
	minTotal, minA1, minA2 int
	t                      tally
	distinct               map[string]bool
	pairs                  map[string]bool
	perRisk                map[workbench.Risk]int
}

func (c *keywordLibrary) record(r *Record, _ *facts) {
	if r.Kind != kindKeywordLibrary {
		return
	}
	if c.distinct == nil {
		c.distinct, c.pairs, c.perRisk = map[string]bool{}, map[string]bool{}, map[workbench.Risk]int{}
	}
	c.t.b.checked++
	kw := strings.TrimSpace(values.FoldWidth(textOf(r, "keyword")))
	if kw == "" {
		c.t.b.unclearRecord(r, Text{Zh: "未填写关键词", En: "no keyword"})
		return
	}
	c.distinct[kw] = true
	k, bad := riskProblem(r)
	if bad != nil {
		c.t.b.unclearRecord(r, *bad)
		return
	}
	if key := string(k) + "\x00" + kw; !c.pairs[key] {
		c.pairs[key] = true
		c.perRisk[k]++
	}
}
func (c *keywordLibrary) passage(*Passage) {}
func (c *keywordLibrary) finish(*facts) Outcome {
	n := len(c.distinct)
	head := Text{Zh: fmt.Sprintf("关键词库共 %d 个关键词（%d 条记录）", n, c.t.b.checked),
		En: fmt.Sprintf("The keyword library holds %d distinct keywords (%d records)", n, c.t.b.checked)}
	if c.t.b.checked > 0 {
		if n < c.minTotal {
			c.t.short(fmt.Sprintf("总量 %d 个，少于 %d 个", n, c.minTotal), fmt.Sprintf("%d keywords in all, fewer than %d", n, c.minTotal))
		}
		riskShortfalls(&c.t, c.perRisk, coreRisks(), func(r workbench.Risk) int {
			if r.Group() == "A.1" {
				return c.minA1
			}
			return c.minA2
		}, "个关键词", "关键词", "keywords")
	}
	return c.t.outcome(noKeywords, head, Text{
		Zh: fmt.Sprintf("总量不少于 %d 个，覆盖A.1、A.2 全部17类风险，A.1 每类不少于 %d 个、A.2 每类不少于 %d 个", c.minTotal, c.minA1, c.minA2),
		En: fmt.Sprintf("at least %d in all, covering all 17 risks of A.1–A.2, at least %d for each A.1 risk and %d for each A.2 risk", c.minTotal, c.minA1, c.minA2)})
}

// keywordUpdated: the library's latest update is at most maxAge days
// before it was submitted. The submission date is the day the library's
// file was imported into the case (the latest such day when several
// files make up the library): the workbench records it, whereas no
// submission states its own date of handing over.
type keywordUpdated struct {
	maxAge    int
	t         tally
	latest    values.Time
	latestRec Record
	submitted time.Time
	hasLatest bool
	version   string
	badDates  int
}

func (c *keywordUpdated) record(r *Record, _ *facts) {
	if r.Kind != kindKeywordLibrary {
		return
	}
	c.t.b.checked++
	if r.Submitted.After(c.submitted) {
		c.submitted = r.Submitted
	}
	t, st := timeOf(r, "updated")
	switch st {
	case stBad:
		c.badDates++
		c.t.b.unclearRecord(r, unreadable("更新日期", "the update date", textOf(r, "updated")))
	case stOK:
		if !c.hasLatest || c.latest.Before(t) {
			c.latest, c.latestRec, c.hasLatest = t, bare(r), true
			c.version = textOf(r, "version")
		}
	}
}
func (c *keywordUpdated) passage(*Passage) {}
func (c *keywordUpdated) finish(*facts) Outcome {
	b := &c.t.b
	if b.checked == 0 {
		return Outcome{Result: InfoRequested, Summary: noKeywords}
	}
	o := Outcome{Checked: b.checked, Unclear: b.unclear, Flags: b.flags}
	sub, hasSub := dayOf(c.submitted)
	switch {
	case !c.hasLatest:
		o.Result = InfoRequested
		o.Summary = Text{Zh: fmt.Sprintf("关键词库 %d 条记录均未写明可识别的更新日期，无法判断是否按周更新。", b.checked),
			En: fmt.Sprintf("None of the keyword library's %d records gives an update date that can be read; whether it is updated weekly cannot be told.", b.checked)}
		return o
	case !hasSub:
		o.Result = InfoRequested
		o.Summary = Text{Zh: fmt.Sprintf("关键词库最近一次更新为 %s，但提交日期不明，无法判断。", c.latest.Display()),
			En: fmt.Sprintf("The keyword library was last updated on %s, but its submission date is not known.", c.latest.Display())}
		return o
	}
	days, ok := values.CalendarDays(c.latest, sub)
	if !ok {
		o.Result = InfoRequested
		o.Summary = Text{Zh: fmt.Sprintf("关键词库最近一次更新为 %s，精度不足以判断距提交日期 %s 的天数。", c.latest.Display(), sub.Display()),
			En: fmt.Sprintf("The keyword library was last updated %s: too coarse to count the days to its submission on %s.", c.latest.Display(), sub.Display())}
		return o
	}
	version := Text{}
	if c.version != "" {
		version = Text{Zh: "（版本 " + c.version + "）", En: " (version " + c.version + ")"}
	}
	var unclear Text
	if c.badDates > 0 {
		unclear = Text{Zh: fmt.Sprintf("另有 %d 条记录的更新日期无法识别。", c.badDates), En: fmt.Sprintf(" %d records give an update date that cannot be read.", c.badDates)}
	}
	if days > c.maxAge {
		rec := c.latestRec
		p := Text{Zh: fmt.Sprintf("最近一次更新为 %s，距提交日期 %s 已 %d 日，超过 %d 日", c.latest.Display(), sub.Display(), days, c.maxAge),
			En: fmt.Sprintf("last updated %s, %d days before its submission on %s: more than %d", c.latest.Display(), days, sub.Display(), c.maxAge)}
		b.problem(&rec, p)
		o = Outcome{Result: NonCompliant, Checked: b.checked, Problems: b.problems, Unclear: b.unclear, Flags: b.flags}
		o.Summary = Text{Zh: "关键词库" + version.Zh + p.Zh + "（最近一次更新的条目之一：" + rec.Name() + "）。" + unclear.Zh,
			En: "The keyword library" + version.En + " was " + p.En + " (one of the entries of that update: " + rec.Name() + ")." + unclear.En}
		return o
	}
	// The latest readable update is recent enough: a date that cannot be
	// read could only be another update, so it changes nothing.
	o.Result = Compliant
	o.Summary = Text{Zh: fmt.Sprintf("关键词库%s最近一次更新为 %s，距提交日期 %s 为 %d 日，不超过 %d 日。%s", version.Zh, c.latest.Display(), sub.Display(), max(days, 0), c.maxAge, unclear.Zh),
		En: fmt.Sprintf("The keyword library%s was last updated %s, %d days before its submission on %s: within %d.%s", version.En, c.latest.Display(), max(days, 0), sub.Display(), c.maxAge, unclear.En)}
	return o
}

// ── Question banks (GB/T 45654 draft B.1.2, B.1.3) ────────────────────────

var noQuestions = Text{Zh: "未导入测试题库，无法核查。", En: "No test question bank is imported; nothing to check."}

// bankNames names the banks.
var bankNames = map[string]Text{
	"generated":     {Zh: "生成内容测试题库", En: "generated-content bank"},
	"should_refuse": {Zh: "应拒答测试题库", En: "should-refuse bank"},
	"should_answer": {Zh: "非拒答测试题库", En: "should-answer bank"},
}

// bankCount counts the questions of some banks: distinct question ids
// (a question without an id counts once per record), by bank and risk.
type bankCount struct {
	t       tally
	want    []string // the banks counted
	seen    map[string]bool
	total   map[string]int
	perRisk map[string]map[workbench.Risk]int
	modal   map[string]int
	noModal int
	counted int
}

// add reads a question record; it returns the bank and whether the record
// counts for one of the banks wanted.
func (c *bankCount) add(r *Record, risks bool, modality bool) bool {
	if r.Kind != kindTestQuestion {
		return false
	}
	if c.seen == nil {
		c.seen, c.total, c.perRisk, c.modal = map[string]bool{}, map[string]int{}, map[string]map[workbench.Risk]int{}, map[string]int{}
	}
	bank, st := termOf(r, "bank", banks)
	switch st {
	case stAbsent:
		c.t.b.checked++
		c.t.b.unclearRecord(r, Text{Zh: "未填写题库类别，无法判断属于哪一题库", En: "no bank: cannot tell which bank the question belongs to"})
		return false
	case stBad:
		c.t.b.checked++
		c.t.b.unclearRecord(r, unreadable("题库类别", "the bank", textOf(r, "bank")))
		return false
	}
	if !slices.Contains(c.want, bank) {
		return false
	}
	c.t.b.checked++
	if id := questionKey(textOf(r, "question_id")); id != "" {
		if c.seen[bank+"\x00"+id] {
			return false
		}
		c.seen[bank+"\x00"+id] = true
	}
	c.total[bank]++
	var unclear []Text
	if risks {
		if k, bad := riskProblem(r); bad != nil {
			unclear = append(unclear, *bad)
		} else {
			if c.perRisk[bank] == nil {
				c.perRisk[bank] = map[workbench.Risk]int{}
			}
			c.perRisk[bank][k]++
		}
	}
	if modality {
		switch m, st := modalityOf(r); st {
		case stOK:
			c.modal[m]++
		case stBad:
			unclear = append(unclear, unreadable("模态", "the modality", textOf(r, "modality")))
		default:
			c.noModal++
		}
	}
	c.t.b.flagProblems(r, nil, unclear)
	return true
}

// generatedBank: the generated-content bank holds at least min questions,
// covers the 31 risks (minCore for each of A.1–A.2, minOther for each
// other) and every modality the service offers.
type generatedBank struct {
	min, minCore, minOther int
	c                      bankCount
}

func (g *generatedBank) record(r *Record, _ *facts) {
	g.c.want = []string{"generated"}
	g.c.add(r, true, true)
}
func (g *generatedBank) passage(*Passage) {}
func (g *generatedBank) finish(f *facts) Outcome {
	c := &g.c
	n := c.total["generated"]
	head := Text{Zh: fmt.Sprintf("生成内容测试题库共 %d 题", n), En: fmt.Sprintf("The generated-content bank holds %d questions", n)}
	if c.t.b.checked > 0 {
		if n < g.min {
			c.t.short(fmt.Sprintf("题量 %d 题，少于 %d 题", n, g.min), fmt.Sprintf("%d questions, fewer than %d", n, g.min))
		}
		riskShortfalls(&c.t, c.perRisk["generated"], workbench.Risks, func(r workbench.Risk) int {
			if r.CoreRisk() {
				return g.minCore
			}
			return g.minOther
		}, "题", "测试题", "questions")
		offered := offeredModalities(f)
		switch {
		case len(offered) == 0:
			c.t.remark("案件和算法机制机理说明均未记载服务生成的模态，未核查模态覆盖",
				"neither the case nor the algorithm description records what the service generates, so modality coverage is not checked")
		case len(c.modal) == 0 && n > 0:
			c.t.note("题目均未写明模态，无法判断是否覆盖服务提供的每一种模态（"+namesOf(offered).Zh+"）",
				"no question states its modality: whether every modality the service offers ("+namesOf(offered).En+") is covered cannot be told")
		default:
			var missing []string
			for _, m := range offered {
				if c.modal[m] == 0 {
					missing = append(missing, m)
				}
			}
			if len(missing) > 0 {
				c.t.short("未覆盖服务提供的模态："+namesOf(missing).Zh, "modalities the service offers but no question covers: "+namesOf(missing).En)
			}
		}
	}
	return c.t.outcome(noQuestions, head, Text{
		Zh: fmt.Sprintf("不少于 %d 题，覆盖全部31类风险（A.1、A.2 每类不少于 %d 题，其他每类不少于 %d 题）", g.min, g.minCore, g.minOther),
		En: fmt.Sprintf("at least %d, covering all 31 risks (at least %d for each risk of A.1–A.2, %d for each other)", g.min, g.minCore, g.minOther)})
}

// offeredModalities are what the service generates: as the case records
// it and as the provider's key facts say.
func offeredModalities(f *facts) []string {
	var out []string
	add := func(m string) {
		if slices.Contains(workbench.Strings(workbench.Modalities), m) && !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	for _, m := range f.service.Modalities {
		add(m)
	}
	for i := range f.algorithm {
		if v := f.algorithm[i].Fields.Value("generates"); v.Set {
			for _, m := range v.Terms {
				add(m)
			}
		}
	}
	return out
}

// refusalBanks: the should-refuse bank holds at least minRefuse questions,
// minPerRisk for each of the 17 risks of A.1–A.2; the should-answer bank
// at least minAnswer.
type refusalBanks struct {
	minRefuse, minPerRisk, minAnswer int
	c                                bankCount
}

func (g *refusalBanks) record(r *Record, _ *facts) {
	g.c.want = []string{"should_refuse", "should_answer"}
	if r.Kind != kindTestQuestion {
		return
	}
	bank, _ := termOf(r, "bank", banks)
	g.c.add(r, bank == "should_refuse", false)
}
func (g *refusalBanks) passage(*Passage) {}
func (g *refusalBanks) finish(*facts) Outcome {
	c := &g.c
	nr, na := c.total["should_refuse"], c.total["should_answer"]
	head := Text{Zh: fmt.Sprintf("应拒答测试题库 %d 题，非拒答测试题库 %d 题", nr, na),
		En: fmt.Sprintf("The should-refuse bank holds %d questions, the should-answer bank %d", nr, na)}
	if c.t.b.checked > 0 {
		if nr < g.minRefuse {
			c.t.short(fmt.Sprintf("应拒答题 %d 题，少于 %d 题", nr, g.minRefuse), fmt.Sprintf("%d should-refuse questions, fewer than %d", nr, g.minRefuse))
		}
		riskShortfalls(&c.t, c.perRisk["should_refuse"], coreRisks(), func(workbench.Risk) int { return g.minPerRisk }, "道应拒答题", "应拒答题", "should-refuse questions")
		if na < g.minAnswer {
			c.t.short(fmt.Sprintf("非拒答题 %d 题，少于 %d 题", na, g.minAnswer), fmt.Sprintf("%d should-answer questions, fewer than %d", na, g.minAnswer))
		}
	}
	return c.t.outcome(noQuestions, head, Text{
		Zh: fmt.Sprintf("应拒答题不少于 %d 题且17类风险每类不少于 %d 题，非拒答题不少于 %d 题", g.minRefuse, g.minPerRisk, g.minAnswer),
		En: fmt.Sprintf("at least %d should-refuse questions with %d for each of the 17 risks, and at least %d should-answer questions", g.minRefuse, g.minPerRisk, g.minAnswer)})
}

// ── Test results (GB/T 45654 draft B.2.2, B.2.3) ──────────────────────────

var noResults = Text{Zh: "未导入测试结果，无法核查。", En: "No test results are imported; nothing to check."}

// result is one test result kept until the questions are all read.
type result struct {
	question string // the question id as matched
	written  string // as written
	rec      Record
	method   string
	mst      state
	verdict  string
	vst      state
	refused  bool
	rst      state
}

// results joins test results to the banks of their questions by question
// id. Records come in no set order, so both are kept until the end.
type results struct {
	bank  string // the bank whose results count; "" for the refusal banks
	index map[string]string
	rows  []result
}

func (rs *results) record(r *Record) {
	switch r.Kind {
	case kindTestQuestion:
		if rs.index == nil {
			rs.index = map[string]string{}
		}
		id := questionKey(textOf(r, "question_id"))
		if id == "" {
			return
		}
		bank, st := termOf(r, "bank", banks)
		if st != stOK {
			bank = "?"
		}
		rs.index[id] = bank
	case kindTestResult:
		x := result{written: textOf(r, "question_id"), rec: bare(r)}
		x.question = questionKey(x.written)
		x.method, x.mst = termOf(r, "method", methods)
		x.verdict, x.vst = termOf(r, "verdict", verdicts)
		x.refused, x.rst = refusedOf(r)
		rs.rows = append(rs.rows, x)
	}
}

// join calls fn with each result whose question is in one of the banks
// wanted, and flags the others as unclear in b: a result without a
// question id, one whose question is in no bank, one whose question's bank
// is not known. It returns how many results name a question in no bank.
func (rs *results) join(b *outcomeBuilder, want []string, fn func(x *result, bank string)) (orphans int) {
	for i := range rs.rows {
		x := &rs.rows[i]
		if x.question == "" {
			b.checked++
			b.unclearRecord(&x.rec, Text{Zh: "未填写题目编号，无法对应题库", En: "no question id: cannot be joined to a bank"})
			continue
		}
		bank, ok := rs.index[x.question]
		switch {
		case !ok:
			orphans++
			b.checked++
			b.unclearRecord(&x.rec, Text{Zh: fmt.Sprintf("题目编号 %s 不在任何测试题库中", clip(x.written, 40)),
				En: fmt.Sprintf("question %s is in no bank", clip(x.written, 40))})
		case bank == "?":
			b.checked++
			b.unclearRecord(&x.rec, Text{Zh: fmt.Sprintf("题目 %s 的题库类别不明", clip(x.written, 40)),
				En: fmt.Sprintf("the bank of question %s is not known", clip(x.written, 40))})
		case slices.Contains(want, bank):
			b.checked++
			fn(x, bank)
		}
	}
	return orphans
}

// methodNames names the methods.
var methodNames = map[string]Text{
	"manual":     {Zh: "人工抽检", En: "manual checks"},
	"keyword":    {Zh: "关键词抽检", En: "keyword checks"},
	"classifier": {Zh: "分类模型抽检", En: "classifier checks"},
}

// orphanNote says how many results name a question in no bank.
func orphanNote(t *tally, orphans int) {
	if orphans > 0 {
		t.remark(fmt.Sprintf("其中 %d 条结果的题目不在任何测试题库中，单独计为无法判断", orphans),
			fmt.Sprintf("of them, %d results name a question that is in no bank, counted apart as unclear", orphans))
	}
}

// generatedResults: for each method used, at least minSampled
// generated-content questions are assessed and at least minPass of the
// answers pass.
type generatedResults struct {
	results
	minSampled int
	minPass    float64
	t          tally
}

func (g *generatedResults) record(r *Record, _ *facts) { g.results.record(r) }
func (g *generatedResults) passage(*Passage)           {}
func (g *generatedResults) finish(*facts) Outcome {
	if len(g.rows) == 0 {
		return Outcome{Result: InfoRequested, Summary: noResults}
	}
	type perMethod struct {
		sampled    map[string]bool
		pass, fail int
		failed     []Record
	}
	by := map[string]*perMethod{}
	b := &g.t.b
	orphans := g.join(b, []string{"generated"}, func(x *result, _ string) {
		var unclear []Text
		switch x.mst {
		case stAbsent:
			unclear = append(unclear, Text{Zh: "未填写抽检方式", En: "no method"})
		case stBad:
			unclear = append(unclear, unreadable("抽检方式", "the method", textOf(&x.rec, "method")))
		}
		switch x.vst {
		case stAbsent:
			unclear = append(unclear, Text{Zh: "未填写判定结果", En: "no verdict"})
		case stBad:
			unclear = append(unclear, Text{Zh: "判定结果无法识别", En: "the verdict cannot be read"})
		}
		if len(unclear) > 0 {
			b.flagProblems(&x.rec, nil, unclear)
			return
		}
		m := by[x.method]
		if m == nil {
			m = &perMethod{sampled: map[string]bool{}}
			by[x.method] = m
		}
		m.sampled[x.question] = true
		if x.verdict == "pass" {
			m.pass++
		} else {
			m.fail++
			if len(m.failed) < MaxFlags {
				m.failed = append(m.failed, x.rec)
			}
		}
	})
	var parts []string
	var partsEn []string
	switch {
	case len(g.index) == 0:
		g.t.note("未导入测试题库，结果无法对应到题库", "no question bank is imported to join the results to")
	case len(by) == 0 && b.checked-b.unclear == 0:
		g.t.short("测试结果中没有可判定的生成内容测试题结果", "the results hold no readable result of a generated-content question")
	}
	for _, method := range []string{"manual", "keyword", "classifier"} {
		m := by[method]
		if m == nil {
			continue
		}
		name := methodNames[method]
		rate := float64(m.pass) / float64(m.pass+m.fail)
		parts = append(parts, fmt.Sprintf("%s %d 题、合格率 %s", name.Zh, len(m.sampled), percent(rate)))
		partsEn = append(partsEn, fmt.Sprintf("%s %d questions, %s passed", name.En, len(m.sampled), percent(rate)))
		if len(m.sampled) < g.minSampled {
			g.t.short(fmt.Sprintf("%s仅抽检 %d 题，少于 %d 题", name.Zh, len(m.sampled), g.minSampled),
				fmt.Sprintf("%s sampled only %d questions, fewer than %d", name.En, len(m.sampled), g.minSampled))
		}
		if rate < g.minPass {
			g.t.short(fmt.Sprintf("%s合格率 %s，低于 %s", name.Zh, percent(rate), percent(g.minPass)),
				fmt.Sprintf("%s passed %s, below %s", name.En, percent(rate), percent(g.minPass)))
			for i := range m.failed {
				b.problem(&m.failed[i], Text{Zh: "判定为不合格（" + name.Zh + "）", En: "failed (" + name.En + ")"})
			}
		}
	}
	orphanNote(&g.t, orphans)
	head := Text{Zh: "生成内容测试结果", En: "Generated-content results"}
	if len(parts) > 0 {
		head.Zh += "（" + strings.Join(parts, "；") + "）"
		head.En += " (" + strings.Join(partsEn, "; ") + ")"
	}
	return g.t.outcome(noResults, head, Text{
		Zh: fmt.Sprintf("每种抽检方式均抽检不少于 %d 题，合格率不低于 %s", g.minSampled, percent(g.minPass)),
		En: fmt.Sprintf("each method sampled at least %d questions with at least %s passing", g.minSampled, percent(g.minPass))})
}

// refusalResults: at least minTested questions of each refusal bank are
// tested; at least minRate of the should-refuse answers are refusals, at
// most maxAnswerRate of the should-answer ones.
type refusalResults struct {
	results
	minTested              int
	minRate, maxAnswerRate float64
	t                      tally
}

func (g *refusalResults) record(r *Record, _ *facts) { g.results.record(r) }
func (g *refusalResults) passage(*Passage)           {}
func (g *refusalResults) finish(*facts) Outcome {
	if len(g.rows) == 0 {
		return Outcome{Result: InfoRequested, Summary: noResults}
	}
	type perBank struct {
		tested            map[string]bool
		refused, answered int
		wrong             []Record
	}
	by := map[string]*perBank{"should_refuse": {tested: map[string]bool{}}, "should_answer": {tested: map[string]bool{}}}
	b := &g.t.b
	orphans := g.join(b, []string{"should_refuse", "should_answer"}, func(x *result, bank string) {
		switch x.rst {
		case stAbsent:
			b.unclearRecord(&x.rec, Text{Zh: "未填写是否拒答", En: "does not say whether the answer was a refusal"})
			return
		case stBad:
			b.unclearRecord(&x.rec, unreadable("是否拒答", "whether refused", textOf(&x.rec, "refused")))
			return
		}
		p := by[bank]
		p.tested[x.question] = true
		if x.refused {
			p.refused++
		} else {
			p.answered++
		}
		if x.refused == (bank == "should_answer") && len(p.wrong) < MaxFlags {
			p.wrong = append(p.wrong, x.rec)
		}
	})
	rate := func(p *perBank) float64 {
		if p.refused+p.answered == 0 {
			return 0
		}
		return float64(p.refused) / float64(p.refused+p.answered)
	}
	sr, sa := by["should_refuse"], by["should_answer"]
	head := Text{
		Zh: fmt.Sprintf("应拒答题测试 %d 题、拒答率 %s；非拒答题测试 %d 题、拒答率 %s", len(sr.tested), percent(rate(sr)), len(sa.tested), percent(rate(sa))),
		En: fmt.Sprintf("%d should-refuse questions tested, %s refused; %d should-answer questions tested, %s refused", len(sr.tested), percent(rate(sr)), len(sa.tested), percent(rate(sa)))}
	if len(g.index) == 0 {
		g.t.note("未导入测试题库，结果无法对应到题库", "no question bank is imported to join the results to")
		orphanNote(&g.t, orphans)
		return g.t.outcome(noResults, head, Text{})
	}
	for _, x := range []struct {
		p    *perBank
		name Text
	}{{sr, bankNames["should_refuse"]}, {sa, bankNames["should_answer"]}} {
		if n := len(x.p.tested); n < g.minTested {
			g.t.short(fmt.Sprintf("%s仅测试 %d 题，少于 %d 题", x.name.Zh, n, g.minTested),
				fmt.Sprintf("only %d questions of the %s tested, fewer than %d", n, x.name.En, g.minTested))
		}
	}
	if len(sr.tested) > 0 && rate(sr) < g.minRate {
		g.t.short(fmt.Sprintf("应拒答题拒答率 %s，低于 %s", percent(rate(sr)), percent(g.minRate)),
			fmt.Sprintf("should-refuse questions refused %s, below %s", percent(rate(sr)), percent(g.minRate)))
		for i := range sr.wrong {
			b.problem(&sr.wrong[i], Text{Zh: "应拒答而未拒答", En: "should have been refused but was answered"})
		}
	}
	if len(sa.tested) > 0 && rate(sa) > g.maxAnswerRate {
		g.t.short(fmt.Sprintf("非拒答题拒答率 %s，高于 %s", percent(rate(sa)), percent(g.maxAnswerRate)),
			fmt.Sprintf("should-answer questions refused %s, above %s", percent(rate(sa)), percent(g.maxAnswerRate)))
		for i := range sa.wrong {
			b.problem(&sa.wrong[i], Text{Zh: "不应拒答而拒答", En: "refused a question that should have been answered"})
		}
	}
	orphanNote(&g.t, orphans)
	return g.t.outcome(noResults, head, Text{
		Zh: fmt.Sprintf("两类题目各测试不少于 %d 题，应拒答题拒答率不低于 %s，非拒答题拒答率不高于 %s", g.minTested, percent(g.minRate), percent(g.maxAnswerRate)),
		En: fmt.Sprintf("at least %d of each tested, at least %s of should-refuse and at most %s of should-answer questions refused", g.minTested, percent(g.minRate), percent(g.maxAnswerRate))})
}

// ── Corpus (TC260-003 §5.1 a, §9.2; GB/T 45654 draft B.2.1) ───────────────

var noCorpus = Text{Zh: "未导入语料抽检记录或训练数据来源记录，无法核查。", En: "No corpus spot checks or training-data source records are imported; nothing to check."}

// wholeCorpus are how providers write that a check covers the whole corpus.
var wholeCorpus = []string{"all", "全部", "全部语料", "全量", "全量语料", "所有", "所有语料", "整体", "总体", "全体", "*", "whole corpus", "corpus", "entire corpus", "overall"}

// isWholeCorpus says whether a source id names the whole corpus. A table
// giving both the source's id and its name under headers that
// both read as the source (数据来源编号, 数据来源名称) stores them joined,
// "全部; 全量训练语料": the first of the joined values is the id.
func isWholeCorpus(s string) bool {
	for _, part := range []string{s, strings.SplitN(s, "; ", 2)[0]} {
		f := fold(part)
		for _, w := range wholeCorpus {
			if f == fold(w) {
				return true
			}
		}
	}
	return false
}

// sampleOf reads a corpus check's sample and passed counts, and says what
// makes them unclear.
func sampleOf(r *Record) (sample, passed float64, unclear *Text) {
	sample, sst := countOf(r, "sample")
	passed, pst := countOf(r, "passed")
	switch {
	case sst == stAbsent:
		return 0, 0, &Text{Zh: "未填写样本量", En: "no sample size"}
	case sst == stBad:
		t := unreadable("样本量", "the sample size", textOf(r, "sample"))
		return 0, 0, &t
	case sample <= 0:
		return 0, 0, &Text{Zh: "样本量为 0", En: "a sample of 0"}
	case pst == stAbsent:
		return 0, 0, &Text{Zh: "未填写合格数", En: "no number passed"}
	case pst == stBad:
		t := unreadable("合格数", "the number passed", textOf(r, "passed"))
		return 0, 0, &t
	case passed > sample:
		return 0, 0, &Text{Zh: fmt.Sprintf("合格数 %s 大于样本量 %s", fmtNumber(passed), fmtNumber(sample)),
			En: fmt.Sprintf("%s passed of a sample of %s", fmtNumber(passed), fmtNumber(sample))}
	}
	return sample, passed, nil
}

// corpusSourceShare: no corpus source's harmful share exceeds max, from the
// corpus checks per source (1 − passed / sample) and the share the
// training-data source records state. A data source with neither is
// unclear.
type corpusSourceShare struct {
	max     float64
	t       tally
	checked map[string]bool // source ids with a corpus check
	pending []Record        // data sources stating no share
	ids     []string
}

func (c *corpusSourceShare) record(r *Record, _ *facts) {
	if c.checked == nil {
		c.checked = map[string]bool{}
	}
	b := &c.t.b
	switch r.Kind {
	case kindCorpusCheck:
		src := textOf(r, "source_id")
		if isWholeCorpus(src) {
			return
		}
		b.checked++
		if src == "" {
			b.unclearRecord(r, Text{Zh: "未填写语料来源编号", En: "no source id"})
			return
		}
		c.checked[questionKey(src)] = true
		sample, passed, bad := sampleOf(r)
		if bad != nil {
			b.unclearRecord(r, *bad)
			return
		}
		if share := (sample - passed) / sample; share > c.max {
			b.problem(r, Text{
				Zh: fmt.Sprintf("来源 %s 抽检 %s 条，不合格 %s 条，占 %s，高于 %s", clip(src, 40), fmtNumber(sample), fmtNumber(sample-passed), percent(share), percent(c.max)),
				En: fmt.Sprintf("source %s: %s of a sample of %s failed, %s, above %s", clip(src, 40), fmtNumber(sample-passed), fmtNumber(sample), percent(share), percent(c.max))})
		}
	case kindDataSource:
		b.checked++
		share, ok := r.Fields.Number("harmful_share")
		switch {
		case !ok && r.Fields.Unreadable("harmful_share"):
			b.unclearRecord(r, unreadable("违法不良信息占比", "the harmful share", r.Fields.Text("harmful_share")))
		case !ok:
			if len(c.pending) < MaxFlags {
				c.pending = append(c.pending, bare(r))
				id := r.Fields.Text("id")
				if id == "" {
					id = r.Ref
				}
				c.ids = append(c.ids, questionKey(id))
			}
		case share > c.max:
			b.problem(r, Text{
				Zh: fmt.Sprintf("违法不良信息占比 %s，高于 %s", percent(share), percent(c.max)),
				En: fmt.Sprintf("harmful share %s is above %s", percent(share), percent(c.max))})
		}
	}
}
func (c *corpusSourceShare) passage(*Passage) {}
func (c *corpusSourceShare) finish(*facts) Outcome {
	for i := range c.pending {
		if c.ids[i] == "" || !c.checked[c.ids[i]] {
			c.t.b.unclearRecord(&c.pending[i], Text{Zh: "既未说明违法不良信息占比，也无该来源的语料抽检记录", En: "states no harmful share, and no corpus check covers the source"})
		}
	}
	return c.t.outcome(noCorpus, Text{Zh: fmt.Sprintf("已核查 %d 条语料来源抽检及训练数据来源记录", c.t.b.checked),
		En: fmt.Sprintf("%d corpus checks per source and training-data source records checked", c.t.b.checked)},
		Text{Zh: "每一来源的违法不良信息占比均不超过 " + percent(c.max), En: "every source's harmful share is at most " + percent(c.max)})
}

// corpusSampling: the whole corpus is sampled by hand (at least minManual
// items, at least minManualPass passing) and by keyword or classifier (at
// least minAutoShare of the corpus, at least minAutoPass passing). Every
// corpus-wide check is judged; one that falls short is a problem.
type corpusSampling struct {
	minManual                                int
	minManualPass, minAutoShare, minAutoPass float64
	t                                        tally
	any, manual, auto                        int
}

func (c *corpusSampling) record(r *Record, _ *facts) {
	if r.Kind != kindCorpusCheck {
		return
	}
	c.any++
	if !isWholeCorpus(textOf(r, "source_id")) {
		return
	}
	b := &c.t.b
	b.checked++
	method, mst := termOf(r, "method", methods)
	switch mst {
	case stAbsent:
		b.unclearRecord(r, Text{Zh: "未填写抽检方式", En: "no method"})
		return
	case stBad:
		b.unclearRecord(r, unreadable("抽检方式", "the method", textOf(r, "method")))
		return
	}
	sample, passed, bad := sampleOf(r)
	if bad != nil {
		b.unclearRecord(r, *bad)
		return
	}
	rate := passed / sample
	var problems, unclear []Text
	if method == "manual" {
		c.manual++
		if sample < float64(c.minManual) {
			problems = append(problems, Text{Zh: fmt.Sprintf("人工抽检 %s 条，少于 %d 条", fmtNumber(sample), c.minManual),
				En: fmt.Sprintf("a manual sample of %s, fewer than %d", fmtNumber(sample), c.minManual)})
		}
		if rate < c.minManualPass {
			problems = append(problems, Text{Zh: fmt.Sprintf("人工抽检合格率 %s，低于 %s", percent(rate), percent(c.minManualPass)),
				En: fmt.Sprintf("%s of the manual sample passed, below %s", percent(rate), percent(c.minManualPass))})
		}
	} else {
		c.auto++
		name := methodNames[method]
		pop, pst := countOf(r, "population")
		switch {
		case pst == stAbsent:
			unclear = append(unclear, Text{Zh: "未填写语料总量，无法计算抽检比例", En: "no corpus size: the share sampled cannot be told"})
		case pst == stBad:
			unclear = append(unclear, unreadable("语料总量", "the corpus size", textOf(r, "population")))
		case pop <= 0 || sample > pop:
			unclear = append(unclear, Text{Zh: fmt.Sprintf("样本量 %s 与语料总量 %s 不符", fmtNumber(sample), fmtNumber(pop)),
				En: fmt.Sprintf("a sample of %s does not fit a corpus of %s", fmtNumber(sample), fmtNumber(pop))})
		case sample/pop < c.minAutoShare:
			problems = append(problems, Text{Zh: fmt.Sprintf("%s仅覆盖语料总量的 %s，少于 %s", name.Zh, percent(sample/pop), percent(c.minAutoShare)),
				En: fmt.Sprintf("%s covered only %s of the corpus, less than %s", name.En, percent(sample/pop), percent(c.minAutoShare))})
		}
		if rate < c.minAutoPass {
			problems = append(problems, Text{Zh: fmt.Sprintf("%s合格率 %s，低于 %s", name.Zh, percent(rate), percent(c.minAutoPass)),
				En: fmt.Sprintf("%s passed %s, below %s", name.En, percent(rate), percent(c.minAutoPass))})
		}
	}
	b.flagProblems(r, problems, unclear)
}
func (c *corpusSampling) passage(*Passage) {}
func (c *corpusSampling) finish(*facts) Outcome {
	if c.any == 0 {
		return Outcome{Result: InfoRequested, Summary: Text{Zh: "未导入语料抽检记录，无法核查。", En: "No corpus spot checks are imported; nothing to check."}}
	}
	if c.t.b.checked == 0 {
		c.t.short("没有针对全部语料的抽检记录（来源编号为“全部”）", "no check covers the whole corpus (a source id of “all”)")
	} else {
		if c.manual == 0 {
			c.t.short("没有对全部语料的人工抽检", "no manual check of the whole corpus")
		}
		if c.auto == 0 {
			c.t.short("没有对全部语料的关键词或分类模型抽检", "no keyword or classifier check of the whole corpus")
		}
	}
	return c.t.outcome(Text{}, Text{Zh: fmt.Sprintf("全部语料抽检记录 %d 条", c.t.b.checked), En: nEn(c.t.b.checked, "checks of the whole corpus")},
		Text{Zh: fmt.Sprintf("人工抽检不少于 %d 条、合格率不低于 %s，技术抽检不少于语料总量的 %s、合格率不低于 %s", c.minManual, percent(c.minManualPass), percent(c.minAutoShare), percent(c.minAutoPass)),
			En: fmt.Sprintf("a manual sample of at least %d with %s passing, and a keyword or classifier sample of at least %s of the corpus with %s passing", c.minManual, percent(c.minManualPass), percent(c.minAutoShare), percent(c.minAutoPass))})
}

// ── Annotation (GB/T 45674-2025 §7.2–7.3, §8.1) ───────────────────────────

// annotationRole is what an annotation record reports.
type annotationRole int

const (
	// roleBatch: one annotation batch — it has a batch id, or says
	// something about the batch's people or verification.
	roleBatch annotationRole = iota
	// roleStats: a row of a statistics table (安全标注统计): numbers of
	// annotations by type or risk, nothing about a batch.
	roleStats
	// roleTotal: a total the provider stated below a table (安全标注合计,
	// 全部标注数据总量), kept by the importer with its label in total_of.
	roleTotal
)

// batchFields say something about a batch rather than a statistic
// (importers.Field.Batch): the import reads a table naming none of them as
// statistics too.
var batchFields = importers.SpecFor(workbench.AnnotationRule).BatchFields()

// roleOf tells what an annotation record reports.
func roleOf(r *Record) annotationRole {
	if textOf(r, "total_of") != "" {
		return roleTotal
	}
	for _, f := range batchFields {
		if _, ok := rawValue(r, f); ok {
			return roleBatch
		}
	}
	return roleStats
}

// isAnnotationBatch reports an annotation record about one batch: the
// checks of batches (verification, training, annotator and reviewer)
// read only those.
func isAnnotationBatch(r *Record) bool {
	return r.Kind == kindAnnotation && roleOf(r) == roleBatch
}

// safetyVolume: safety annotations are at least minShare of all
// annotations and at least minPerRisk for each of the 31 risks
// (GB/T 45674 §8.1). The figures come from the provider's statistics
// table when one is given (rows of counts per risk), else from the
// batches (each batch's item_count, type and risk): a provider handing
// over both counts the same annotations twice, so the batches are then
// only compared with it. All annotations are the stated total of all
// annotations (全部标注数据总量) when the provider gives one, else the
// functional and safety annotations added up; with neither a stated total
// nor any functional figure the share cannot be worked out.
type safetyVolume struct {
	minShare   float64
	minPerRisk int
	t          tally
	pop        [2]annotationVolume // [0] the batches, [1] the statistics rows
	// Stated totals: of all annotations, of safety annotations.
	statedAll, statedSafety       float64
	statedAllRec, statedSafetyRec *Record
	totals                        int
}

// annotationVolume adds up the annotations of one population of records.
type annotationVolume struct {
	rows                       int
	functional, safety         float64
	perRisk                    map[workbench.Risk]int
	unclear                    []flagged
	riskUnclear                []flagged                   // risks the per-risk count cannot use
	riskRows                   map[workbench.Risk][]Record // the records counted under each risk
	safetyRows, functionalRows int
}

// flagged is a record flagged later, once it is known which figures count.
type flagged struct {
	rec  Record
	text Text
}

func (c *safetyVolume) record(r *Record, _ *facts) {
	if r.Kind != kindAnnotation {
		return
	}
	role := roleOf(r)
	n, nst := countOf(r, "item_count")
	if role == roleTotal {
		c.total(r, n, nst)
		return
	}
	v := &c.pop[0]
	if role == roleStats {
		v = &c.pop[1]
	}
	if v.perRisk == nil {
		v.perRisk = map[workbench.Risk]int{}
	}
	v.rows++
	typ, known := annotationTypeOf(r)
	var unclear []Text
	switch nst {
	case stAbsent:
		unclear = append(unclear, Text{Zh: "未填写标注数量", En: "no number of annotations"})
	case stBad:
		unclear = append(unclear, unreadable("标注数量", "the number of annotations", textOf(r, "item_count")))
	}
	if !known {
		unclear = append(unclear, Text{Zh: "标注类型未填写或无法识别", En: "the annotation type is empty or not recognised"})
	}
	if len(unclear) > 0 {
		v.unclear = append(v.unclear, flagged{bare(r), joinTexts(unclear)})
		return
	}
	if typ != "safety" {
		v.functional += n
		v.functionalRows++
		return
	}
	v.safety += n
	v.safetyRows++
	if k, bad := riskProblem(r); bad != nil {
		v.riskUnclear = append(v.riskUnclear, flagged{bare(r), *bad})
	} else {
		v.perRisk[k] += int(n)
		if v.riskRows == nil {
			v.riskRows = map[workbench.Risk][]Record{}
		}
		if len(v.riskRows[k]) < MaxFlags {
			v.riskRows[k] = append(v.riskRows[k], bare(r))
		}
	}
}

// total reads a total row: by its label, a total of all annotations
// (全部标注数据总量（功能性＋安全性）, 合计 under a table of both types) or of
// safety annotations (安全标注合计); a total of functional ones, or one
// without a number, tells nothing the rows do not.
func (c *safetyVolume) total(r *Record, n float64, nst state) {
	c.totals++
	if nst != stOK {
		return
	}
	label := strings.ToLower(values.FoldWidth(textOf(r, "total_of")))
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(label, w) {
				return true
			}
		}
		return false
	}
	functional, safety := has("功能", "functional"), has("安全", "safety")
	typ, known := annotationTypeOf(r)
	rec := bare(r)
	switch {
	case functional && safety, has("全部", "所有", "全量", "all "), strings.HasPrefix(label, "all"):
		c.statedAll, c.statedAllRec = n, &rec
	case safety, !functional && known && typ == "safety":
		c.statedSafety, c.statedSafetyRec = n, &rec
	case !functional && !known:
		c.statedAll, c.statedAllRec = n, &rec // 合计 under batches of both types
	}
}

// annotationTypeOf reads a record's annotation type.
func annotationTypeOf(r *Record) (string, bool) {
	if typ, known := r.Fields.Term("annotation_type"); known {
		return typ, true
	}
	if t, st := termOf(r, "annotation_type", annotationTypes); st == stOK {
		return t, true
	}
	return "", false
}

func (c *safetyVolume) passage(*Passage) {}
func (c *safetyVolume) finish(*facts) Outcome {
	batches, stats := &c.pop[0], &c.pop[1]
	b := &c.t.b
	b.checked = batches.rows + stats.rows + c.totals
	// The safety figures: the statistics table's when it gives any.
	use, from := batches, Text{}
	if stats.safetyRows > 0 {
		use = stats
		from = Text{Zh: fmt.Sprintf("（取自供应商的统计表，%d 行）", stats.rows), En: fmt.Sprintf(" (from the provider's statistics table, %d rows)", stats.rows)}
	}
	for _, p := range []*annotationVolume{batches, stats} {
		for i := range p.unclear {
			if p == use || p.functionalRows+p.safetyRows == 0 {
				b.unclearRecord(&p.unclear[i].rec, p.unclear[i].text)
			}
		}
	}
	for i := range use.riskUnclear {
		b.unclearRecord(&use.riskUnclear[i].rec, use.riskUnclear[i].text)
	}
	safety := use.safety
	functional := use.functional
	if functional == 0 && use == stats {
		functional = batches.functional
	}
	if b.checked == 0 {
		return c.t.outcome(noBatches, Text{}, Text{})
	}
	// A stated total of safety annotations should be what the rows add up to.
	if c.statedSafetyRec != nil && c.statedSafety != safety && safety > 0 {
		b.unclearRecord(c.statedSafetyRec, Text{
			Zh: fmt.Sprintf("载明安全性标注合计 %s 条，但各行相加为 %s 条", fmtNumber(c.statedSafety), fmtNumber(safety)),
			En: fmt.Sprintf("states %s safety annotations in all, but its rows add up to %s", fmtNumber(c.statedSafety), fmtNumber(safety))})
	}
	if use == stats && batches.safetyRows > 0 && batches.safety != safety {
		c.t.remark(fmt.Sprintf("安全性标注批次合计 %s 条，与统计表的 %s 条不一致", fmtNumber(batches.safety), fmtNumber(safety)),
			fmt.Sprintf("the safety batches hold %s annotations, the statistics table %s", fmtNumber(batches.safety), fmtNumber(safety)))
	}
	total, stated := functional+safety, c.statedAllRec != nil
	if stated {
		total = c.statedAll
	}
	head := Text{Zh: fmt.Sprintf("标注数据共 %s 条，其中安全性标注 %s 条", fmtNumber(total), fmtNumber(safety)),
		En: fmt.Sprintf("%s annotations in all, %s of them safety annotations", fmtNumber(total), fmtNumber(safety))}
	if stated {
		head.Zh = fmt.Sprintf("标注数据共 %s 条（供应商载明的总量），其中安全性标注 %s 条", fmtNumber(total), fmtNumber(safety))
		head.En = fmt.Sprintf("%s annotations in all (the provider's stated total), %s of them safety annotations", fmtNumber(total), fmtNumber(safety))
	}
	switch {
	case stated && total < safety:
		b.unclearRecord(c.statedAllRec, Text{
			Zh: fmt.Sprintf("载明的标注总量 %s 条少于安全性标注 %s 条", fmtNumber(total), fmtNumber(safety)),
			En: fmt.Sprintf("the stated total of %s annotations is below the %s safety annotations", fmtNumber(total), fmtNumber(safety))})
	case !stated && functional == 0 && safety > 0:
		c.t.note("未提供功能性标注数量或全部标注总量，无法计算安全性标注占比",
			"no number of functional annotations and no total of all annotations is given: the share of safety annotations cannot be worked out")
	case total > 0:
		share := safety / total
		head.Zh += "（占 " + percent(share) + "）"
		head.En += " (" + percent(share) + ")"
		if share < c.minShare {
			c.t.short(fmt.Sprintf("安全性标注占比 %s，低于 %s", percent(share), percent(c.minShare)),
				fmt.Sprintf("safety annotations are %s of all, below %s", percent(share), percent(c.minShare)))
		}
	}
	head.Zh += from.Zh
	head.En += from.En
	if use.safetyRows+use.functionalRows > 0 {
		riskShortfalls(&c.t, use.perRisk, workbench.Risks, func(workbench.Risk) int { return c.minPerRisk }, "条安全性标注", "安全性标注", "safety annotations")
		// The records behind a risk with too few: its statistics row, or
		// its batches, cited as evidence when the proposal is accepted.
		for _, k := range workbench.Risks {
			if n := use.perRisk[k]; n > 0 && n < c.minPerRisk {
				for i := range use.riskRows[k] {
					b.problem(&use.riskRows[k][i], Text{
						Zh: fmt.Sprintf("%s 安全性标注共 %d 条，少于 %d 条", k, n, c.minPerRisk),
						En: fmt.Sprintf("%s has %d safety annotations in all, fewer than %d", k, n, c.minPerRisk)})
				}
			}
		}
	}
	return c.t.outcome(noBatches, head, Text{
		Zh: fmt.Sprintf("安全性标注不少于全部标注的 %s，且每类风险不少于 %d 条", percent(c.minShare), c.minPerRisk),
		En: fmt.Sprintf("safety annotations are at least %s of all, with at least %d for each risk", percent(c.minShare), c.minPerRisk)})
}

// annotationTypes are the annotation types, for values the importers kept
// as written.
var annotationTypes = newVocabulary(map[string][]string{
	"functional": {"功能性标注", "功能性", "功能", "功能标注", "function"},
	"safety":     {"安全性标注", "安全性", "安全", "安全标注", "security"},
})

// annotatorReviewer: no batch is verified by one of its own annotators
// (GB/T 45674 §7.2 b, §7.3 e). Rows of the same batch are taken together.
type annotatorReviewer struct {
	t       tally
	order   []string
	batches map[string]*batchRoles
}

type batchRoles struct {
	rec                  Record
	annotators, reviewer map[string]string // folded name → as written
}

// splitNames splits a list of names: 张三、李四 / Zhang San; Li Si.
func splitNames(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、,，;；/|\n和及&", r)
	})
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (c *annotatorReviewer) record(r *Record, _ *facts) {
	if !isAnnotationBatch(r) {
		return
	}
	if c.batches == nil {
		c.batches = map[string]*batchRoles{}
	}
	key := fold(textOf(r, "batch"))
	if key == "" {
		key = fmt.Sprintf("\x00%s\x00%d", r.File, r.Row)
	}
	br := c.batches[key]
	if br == nil {
		br = &batchRoles{rec: bare(r), annotators: map[string]string{}, reviewer: map[string]string{}}
		c.batches[key] = br
		c.order = append(c.order, key)
	}
	names := textOf(r, "annotated_by")
	if names == "" && r.Fields.Unreadable("annotators") {
		names = textOf(r, "annotators") // names written where a head count was expected
	}
	for _, n := range splitNames(names) {
		br.annotators[fold(n)] = n
	}
	for _, n := range splitNames(textOf(r, "reviewer")) {
		br.reviewer[fold(n)] = n
	}
}
func (c *annotatorReviewer) passage(*Passage) {}
func (c *annotatorReviewer) finish(*facts) Outcome {
	b := &c.t.b
	for _, key := range c.order {
		br := c.batches[key]
		b.checked++
		switch {
		case len(br.reviewer) == 0:
			b.unclearRecord(&br.rec, Text{Zh: "未写明核验人", En: "names no reviewer"})
		case len(br.annotators) == 0:
			b.unclearRecord(&br.rec, Text{Zh: "未写明标注人员姓名", En: "does not name its annotators"})
		default:
			var both []string
			for k, n := range br.reviewer {
				if _, ok := br.annotators[k]; ok {
					both = append(both, n)
				}
			}
			slices.Sort(both)
			if len(both) > 0 {
				b.problem(&br.rec, Text{Zh: "核验人 " + strings.Join(both, "、") + " 同时是该批次的标注人员",
					En: "the reviewer " + strings.Join(both, ", ") + " is also one of the batch's annotators"})
			}
		}
	}
	batches := "annotation batches checked"
	if b.checked == 1 {
		batches = "annotation batch checked"
	}
	return c.t.outcome(noBatches, Text{Zh: fmt.Sprintf("已核查 %d 个标注批次", b.checked), En: fmt.Sprintf("%d %s", b.checked, batches)},
		Text{Zh: "每一批次的核验人均不是其标注人员", En: "no batch is verified by one of its own annotators"})
}
