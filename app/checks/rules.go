package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/inspection-workbench/workbench/importers"
	"github.com/inspection-workbench/workbench/importers/values"
)

// noSources is the summary of a data-source check with nothing to check.
var noSources = Text{Zh: "未导入训练数据来源记录，无法核查。", En: "No training-data source records are imported; nothing to check."}

// unreadable describes a value that could not be read as its type.
func unreadable(zhField, enField, raw string) Text {
	return Text{
		Zh: fmt.Sprintf("%s“%s”无法识别", zhField, clip(raw, 40)),
		En: fmt.Sprintf("%s %q cannot be read", enField, clip(raw, 40)),
	}
}

// lawfulBasis: every data source states its lawful-source basis (Art. 7(1)).
type lawfulBasis struct {
	b    outcomeBuilder
	held heldByTable
}

func (c *lawfulBasis) record(r *Record, _ *facts) {
	if r.Kind != kindDataSource {
		return
	}
	c.b.checked++
	c.held.seen(r, r.Fields.Value("lawful_basis").Set, false)
	if v := r.Fields.Text("lawful_basis"); statesNothing(v) {
		c.held.hold(r, v, "")
	}
}
func (c *lawfulBasis) passage(*Passage) {}
func (c *lawfulBasis) finish(*facts) Outcome {
	c.held.flush(func(r *Record, v, _ string, stated, _ bool) {
		switch {
		case !stated:
			c.b.unclearRecord(r, Text{
				Zh: "所在表格没有一行说明合法来源依据（无此列，或整列为空），无法判断",
				En: "no row of its table states a lawful-source basis (no such column, or it is blank throughout): cannot judge"})
		case v == "":
			c.b.problem(r, Text{Zh: "未说明合法来源依据（合法来源依据为空）", En: "states no lawful-source basis (合法来源依据 is empty)"})
		default:
			c.b.problem(r, Text{Zh: fmt.Sprintf("未说明合法来源依据（合法来源依据为“%s”）", clip(v, 40)), En: fmt.Sprintf("states no lawful-source basis (合法来源依据 reads %q)", clip(v, 40))})
		}
	})
	return c.b.outcome(noSources,
		Text{Zh: "每一来源均说明了合法来源依据", En: "every source states its lawful-source basis"},
		Text{Zh: "未说明合法来源依据", En: "without a lawful-source basis"})
}

// heldByTable holds records until every record is seen, with what they
// say of a field (and of an alternative field): whether a blank is a
// problem depends on whether their table states the field in any row. A
// register with no such column, or one left empty throughout, says
// nothing either way — the import has warned of it
// (workbench.ReasonFieldsUnmapped), and the inspector asks the provider
// rather than finds against every row.
type heldByTable struct {
	tables []string             // in the order first seen
	stated map[string][2]bool   // per table: the field, its alternative, in some row
	held   map[string][]heldRec // per table
}

type heldRec struct {
	r         Record
	text, alt string
}

// table names the table of r: its file and worksheet.
func table(r *Record) string { return r.File + "\x00" + r.Sheet }

// seen notes r's table, and whether r gives the field and its
// alternative.
func (h *heldByTable) seen(r *Record, gives, altGives bool) {
	if h.stated == nil {
		h.stated, h.held = map[string][2]bool{}, map[string][]heldRec{}
	}
	k := table(r)
	st, ok := h.stated[k]
	if !ok {
		h.tables = append(h.tables, k)
	}
	h.stated[k] = [2]bool{st[0] || gives, st[1] || altGives}
}

// hold keeps r, with its texts of the field and its alternative, for
// flush.
func (h *heldByTable) hold(r *Record, text, alt string) {
	k := table(r)
	h.held[k] = append(h.held[k], heldRec{bare(r), text, alt})
}

// flush hands each held record to decide, table by table, with whether
// its table states the field and its alternative in some row.
func (h *heldByTable) flush(decide func(r *Record, text, alt string, stated, altStated bool)) {
	for _, k := range h.tables {
		for i := range h.held[k] {
			rec := &h.held[k][i]
			decide(&rec.r, rec.text, rec.alt, h.stated[k][0], h.stated[k][1])
		}
	}
	h.tables, h.stated, h.held = nil, nil, nil
}

// declaredBasis: a data source that says yes to flag names its basis
// (copyright licence, Art. 7(2); personal-information legal basis, Art.
// 7(3)). A source that does not say yes or no cannot be decided. alt,
// when set, is a field that names the basis in a table with no basis
// column: the licence or contract the data is used under covers the
// copyrighted works in it. A table with both columns is read by basis.
type declaredBasis struct {
	flag, basis, alt                              string
	unknown, missing, unstated, none, okText, bad Text
	b                                             outcomeBuilder
	held                                          heldByTable
	yes                                           int
}

func (c *declaredBasis) record(r *Record, _ *facts) {
	if r.Kind != kindDataSource {
		return
	}
	c.b.checked++
	c.held.seen(r, r.Fields.Value(c.basis).Set, c.alt != "" && r.Fields.Value(c.alt).Set)
	v, ok := r.Fields.Bool(c.flag)
	switch {
	case !ok:
		p := c.unknown
		if r.Fields.Unreadable(c.flag) {
			p = joinTexts([]Text{p, unreadable("是否", "the yes/no answer", r.Fields.Text(c.flag))})
		}
		c.b.unclearRecord(r, p)
	case v:
		c.yes++
		alt := ""
		if c.alt != "" {
			alt = r.Fields.Text(c.alt)
		}
		c.held.hold(r, r.Fields.Text(c.basis), alt)
	}
}
func (c *declaredBasis) passage(*Passage) {}
func (c *declaredBasis) finish(*facts) Outcome {
	c.held.flush(func(r *Record, basis, alt string, stated, altStated bool) {
		switch {
		case !stated && altStated:
			basis = alt
		case !stated:
			c.b.unclearRecord(r, c.unstated)
			return
		}
		if statesNothing(basis) {
			p := c.missing
			if basis != "" {
				p.Zh += fmt.Sprintf("（写作“%s”）", clip(basis, 40))
				p.En += fmt.Sprintf(" (it reads %q)", clip(basis, 40))
			}
			c.b.problem(r, p)
		}
	})
	ok := c.okText
	if c.yes == 0 {
		ok = c.none
	}
	return c.b.outcome(noSources, ok, c.bad)
}

// harmfulShare: the share of illegal or harmful items in each source's
// sample is at most max (Art. 7(4); TC260-003 §5.1 a).
type harmfulShare struct {
	max float64
	b   outcomeBuilder
}

func (c *harmfulShare) record(r *Record, _ *facts) {
	if r.Kind != kindDataSource {
		return
	}
	c.b.checked++
	share, ok := r.Fields.Number("harmful_share")
	switch {
	case !ok && r.Fields.Unreadable("harmful_share"):
		c.b.unclearRecord(r, unreadable("违法不良信息占比", "the harmful share", r.Fields.Text("harmful_share")))
	case !ok:
		c.b.unclearRecord(r, Text{Zh: "未说明抽检违法不良信息占比", En: "gives no share of illegal or harmful items in its sample"})
	case share > c.max:
		c.b.problem(r, Text{
			Zh: fmt.Sprintf("违法不良信息占比 %s，高于阈值 %s", percent(share), percent(c.max)),
			En: fmt.Sprintf("harmful share %s is above the threshold of %s", percent(share), percent(c.max)),
		})
	}
}
func (c *harmfulShare) passage(*Passage) {}
func (c *harmfulShare) finish(*facts) Outcome {
	return c.b.outcome(noSources,
		Text{Zh: "每一来源的违法不良信息占比均不超过 " + percent(c.max), En: "every source's harmful share is at most " + percent(c.max)},
		Text{Zh: "违法不良信息占比超过 " + percent(c.max), En: "with a harmful share above " + percent(c.max)})
}

// noAlgorithm is the summary of an algorithm check with nothing to check.
var noAlgorithm = Text{Zh: "未导入算法机制机理说明，无法核查。", En: "No algorithm description is imported; nothing to check."}

// ownModelWords say a provider built its model itself, without a
// third-party base model; basedWords that it built on one after all
// ("基于 XX 自研微调").
var (
	ownModelWords = []string{"自研", "自主研发", "自行研发", "自主训练", "自行训练", "从头训练", "从零训练", "未使用第三方", "无第三方",
		"不使用第三方", "未采用第三方", "self-developed", "developed in-house", "in-house model", "trained from scratch", "no third-party", "own model"}
	basedWords = []string{"基于", "微调", "精调", "based on", "fine-tuned", "fine tuned", "finetuned"}
)

// ownModel reports whether a base-model statement says the provider built
// its own model (自研) rather than building on a third party's.
func ownModel(s string) bool {
	low := strings.ToLower(s)
	for _, w := range basedWords {
		if strings.Contains(low, w) {
			return false
		}
	}
	for _, w := range ownModelWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// baseModelFiling: a service built on a base model names the base model's
// filing number (Art. 7(1)). A provider that built its own model owes none.
type baseModelFiling struct{}

func (c *baseModelFiling) record(*Record, *facts) {}
func (c *baseModelFiling) passage(*Passage)       {}
func (c *baseModelFiling) finish(f *facts) Outcome {
	var b outcomeBuilder
	if len(f.algorithm) == 0 {
		return b.outcome(noAlgorithm, Text{}, Text{})
	}
	b.checked = len(f.algorithm)
	var model string
	none, own := false, false
	for _, r := range f.algorithm {
		v := r.Fields.Text("base_model")
		switch {
		case ownModel(v):
			own = true
		case statesNone(v):
			none = true
		case v != "" && model == "":
			model = v
		}
	}
	filing, _ := f.algorithmText("base_model_filing_no")
	switch {
	case model == "" && own:
		return Outcome{Result: NotApplicable, Checked: b.checked, Summary: Text{
			Zh: "算法机制机理说明称模型为提供者自研，未使用第三方基础模型，无需基础模型备案号。",
			En: "The algorithm description says the provider built its own model, with no third-party base model: no base-model filing number is owed."}}
	case model == "" && none:
		return Outcome{Result: NotApplicable, Checked: b.checked, Summary: Text{
			Zh: "算法机制机理说明称服务未使用基础模型。",
			En: "The algorithm description says the service builds on no base model."}}
	case model == "":
		return Outcome{Result: InfoRequested, Checked: b.checked, Summary: Text{
			Zh: "算法机制机理说明未说明服务是否使用基础模型。",
			En: "The algorithm description does not say whether the service builds on a base model."}}
	case filing != "":
		return Outcome{Result: Compliant, Checked: b.checked, Summary: Text{
			Zh: fmt.Sprintf("基础模型 %s 的备案号为 %s。", model, filing),
			En: fmt.Sprintf("The base model %s has filing number %s.", model, filing)}}
	}
	for i := range f.algorithm {
		r := &f.algorithm[i]
		if v := r.Fields.Text("base_model"); v != "" && !statesNone(v) && !ownModel(v) {
			b.problem(r, Text{Zh: "说明了基础模型但未说明其备案号", En: "names a base model but not its filing number"})
		}
	}
	o := b.outcome(noAlgorithm, Text{}, Text{})
	o.Summary = Text{
		Zh: fmt.Sprintf("服务使用基础模型 %s，但提交材料未说明其备案号。", model),
		En: fmt.Sprintf("The service builds on the base model %s, but no submission gives its filing number.", model)}
	return o
}

// annotationRules: the provider submitted annotation rules (Art. 8).
type annotationRules struct{}

func (c *annotationRules) record(*Record, *facts) {}
func (c *annotationRules) passage(*Passage)       {}
func (c *annotationRules) finish(f *facts) Outcome {
	n := f.kinds[kindAnnotation]
	total := 0
	for _, k := range f.kinds {
		total += k
	}
	if total == 0 {
		return Outcome{Result: InfoRequested, Summary: Text{
			Zh: "案件尚未导入任何提交材料。",
			En: "Nothing has been imported into the case yet."}}
	}
	if n == 0 {
		return Outcome{Result: NonCompliant, Summary: Text{
			Zh: "未提交标注规则（既无标注规则文档，也无标注质量核验记录）。",
			En: "No annotation rules are submitted: neither an annotation-rule document nor annotation QA records."}}
	}
	return Outcome{Result: Compliant, Checked: n, Summary: Text{
		Zh: fmt.Sprintf("已提交 %d 份标注规则材料。", n),
		En: fmt.Sprintf("%d annotation-rule submissions are imported.", n)}}
}

// noBatches is the summary of an annotation check with nothing to check.
var noBatches = Text{Zh: "未导入标注批次记录，无法核查。", En: "No annotation batch records are imported; nothing to check."}

// annotationQA: every annotation batch was verified by sampling (Art. 8;
// GB/T 45674-2025 §8.2 g), a safety batch whose verified accuracy is below
// safetyMinAccuracy is void (§8.3), and a functional batch's accuracy is
// at least minAccuracy when that is set.
type annotationQA struct {
	minSample                      int
	minAccuracy, safetyMinAccuracy float64
	b                              outcomeBuilder
}

func (c *annotationQA) record(r *Record, _ *facts) {
	if !isAnnotationBatch(r) {
		return
	}
	c.b.checked++
	var problems, unclear []Text
	typ, known := r.Fields.Term("annotation_type")
	n, hasSample := r.Fields.Number("sample_size")
	a, hasAccuracy := r.Fields.Number("accuracy")
	if passed, ok := r.Fields.Number("passed"); ok && !hasAccuracy && !r.Fields.Unreadable("accuracy") && hasSample && n > 0 {
		if passed > n {
			c.b.unclearRecord(r, Text{
				Zh: fmt.Sprintf("核验合格数 %s 大于核验样本量 %s", fmtNumber(passed), fmtNumber(n)),
				En: fmt.Sprintf("%s passed of a verification sample of %s", fmtNumber(passed), fmtNumber(n))})
			return
		}
		a, hasAccuracy = passed/n, true // the accuracy the counts give
	}
	switch {
	case r.Fields.Unreadable("sample_size"):
		unclear = append(unclear, unreadable("核验样本量", "the sample size", r.Fields.Text("sample_size")))
	case !hasSample && !hasAccuracy && !r.Fields.Unreadable("accuracy"):
		problems = append(problems, Text{Zh: "无核验样本量和准确率，未见抽样核验", En: "no verification sample size and no accuracy: no sign of sample verification"})
	case !hasSample:
		unclear = append(unclear, Text{Zh: "有准确率但未说明核验样本量", En: "gives an accuracy but no verification sample size"})
	case n < 1:
		problems = append(problems, Text{Zh: "核验样本量为 0，未抽样核验", En: "a verification sample of 0: not sample-verified"})
	case n < float64(c.minSample):
		problems = append(problems, Text{
			Zh: fmt.Sprintf("核验样本量 %s 少于 %d", fmtNumber(n), c.minSample),
			En: fmt.Sprintf("verification sample of %s is below %d", fmtNumber(n), c.minSample)})
	}
	switch {
	case r.Fields.Unreadable("accuracy"):
		unclear = append(unclear, unreadable("准确率", "the accuracy", r.Fields.Text("accuracy")))
	case !hasAccuracy:
		if hasSample && (typ == "safety" || !known || c.minAccuracy > 0) {
			unclear = append(unclear, Text{Zh: "未说明核验准确率，无法判断是否达标", En: "no accuracy: cannot tell whether the batch meets the bar"})
		}
	case known && typ == "safety" && a < c.safetyMinAccuracy:
		problems = append(problems, Text{
			Zh: fmt.Sprintf("安全性标注批次核验准确率 %s，低于 %s（不合格率超过 %s），批次应作废", percent(a), percent(c.safetyMinAccuracy), percent(1-c.safetyMinAccuracy)),
			En: fmt.Sprintf("safety batch verified at %s accuracy, below %s (failures above %s): the batch is void", percent(a), percent(c.safetyMinAccuracy), percent(1-c.safetyMinAccuracy))})
	case known && typ == "functional" && c.minAccuracy > 0 && a < c.minAccuracy:
		problems = append(problems, Text{
			Zh: fmt.Sprintf("准确率 %s 低于 %s", percent(a), percent(c.minAccuracy)),
			En: fmt.Sprintf("accuracy %s is below %s", percent(a), percent(c.minAccuracy))})
	case !known && a < max(c.safetyMinAccuracy, c.minAccuracy):
		what := Text{Zh: "未说明标注类型", En: "no annotation type"}
		if typ != "" {
			what = unreadable("标注类型", "the annotation type", typ)
		}
		bar := max(c.safetyMinAccuracy, c.minAccuracy)
		unclear = append(unclear, Text{
			Zh: fmt.Sprintf("%s，准确率 %s 低于 %s，无法判断批次是否达标", what.Zh, percent(a), percent(bar)),
			En: fmt.Sprintf("%s, and its accuracy of %s is below %s: cannot tell whether the batch meets the bar for its type", what.En, percent(a), percent(bar))})
	}
	c.b.flagProblems(r, problems, unclear)
}
func (c *annotationQA) passage(*Passage) {}
func (c *annotationQA) finish(*facts) Outcome {
	return c.b.outcome(noBatches,
		Text{Zh: "每一批次均经抽样核验，安全性标注批次准确率均不低于 " + percent(c.safetyMinAccuracy), En: "every batch was sample-verified and every safety batch reached " + percent(c.safetyMinAccuracy)},
		Text{Zh: "未经充分核验或应作废", En: "not adequately verified or void"})
}

// annotatorTraining: the annotators of every batch were trained (Art. 8).
type annotatorTraining struct{ b outcomeBuilder }

func (c *annotatorTraining) record(r *Record, _ *facts) {
	if !isAnnotationBatch(r) {
		return
	}
	c.b.checked++
	trained, said := r.Fields.Bool("training_given")
	_, dated := r.Fields.Time("training_date")
	switch {
	case said && !trained:
		p := Text{Zh: "标注人员未经培训（是否培训为“否”）", En: "annotators not trained (是否培训 is no)"}
		if !dated {
			p = Text{Zh: "标注人员未经培训（是否培训为“否”，无培训日期）", En: "annotators not trained (是否培训 is no, no training date)"}
		}
		c.b.problem(r, p)
	case r.Fields.Unreadable("training_date"):
		c.b.unclearRecord(r, unreadable("培训日期", "the training date", r.Fields.Text("training_date")))
	case !said && r.Fields.Unreadable("training_given"):
		c.b.unclearRecord(r, unreadable("是否培训", "whether trained", r.Fields.Text("training_given")))
	case !said && !dated:
		c.b.unclearRecord(r, Text{Zh: "未说明标注人员是否经过培训", En: "does not say whether the annotators were trained"})
	case !dated:
		c.b.problem(r, Text{Zh: "称已培训但无培训日期", En: "says the annotators were trained but gives no training date"})
	}
}
func (c *annotatorTraining) passage(*Passage) {}
func (c *annotatorTraining) finish(*facts) Outcome {
	return c.b.outcome(noBatches,
		Text{Zh: "每一批次的标注人员均经培训", En: "the annotators of every batch were trained"},
		Text{Zh: "标注人员培训有问题", En: "without trained annotators"})
}

// safetyWords are how annotation rules name safety annotation.
var safetyWords = []string{"安全性标注", "安全标注", "safety annotation", "safety labelling", "safety labeling"}

// safetyAnnotation: the provider carries out safety annotation (Art. 8).
type safetyAnnotation struct {
	batches, safety int
	statsSafety     float64 // safety annotations a statistics table counts
	unknown         []Record
	found           *Passage
}

func (c *safetyAnnotation) record(r *Record, _ *facts) {
	if r.Kind != kindAnnotation {
		return
	}
	switch roleOf(r) {
	case roleTotal:
		return
	case roleStats:
		// A statistics table counting safety annotations shows them done.
		if typ, known := annotationTypeOf(r); known && typ == "safety" {
			if n, st := countOf(r, "item_count"); st == stOK && n > 0 {
				c.statsSafety += n
			}
		}
		return
	}
	c.batches++
	switch typ, known := r.Fields.Term("annotation_type"); {
	case known && typ == "safety":
		c.safety++
	case !known && len(c.unknown) < MaxFlags:
		rec := *r
		rec.Fields = importers.Fields{}
		c.unknown = append(c.unknown, rec)
	}
}
func (c *safetyAnnotation) passage(p *Passage) {
	if c.found != nil || p.Kind != kindAnnotation {
		return
	}
	low := strings.ToLower(p.Text)
	for _, w := range safetyWords {
		if strings.Contains(low, w) {
			q := *p
			c.found = &q
			return
		}
	}
}
func (c *safetyAnnotation) finish(f *facts) Outcome {
	switch {
	case c.safety > 0:
		return Outcome{Result: Compliant, Checked: c.batches, Summary: Text{
			Zh: fmt.Sprintf("%d 个标注批次中有 %d 个为安全性标注。", c.batches, c.safety),
			En: fmt.Sprintf("%d of %d annotation batches are safety annotation.", c.safety, c.batches)}}
	case c.statsSafety > 0:
		return Outcome{Result: Compliant, Checked: f.kinds[kindAnnotation], Summary: Text{
			Zh: fmt.Sprintf("供应商的标注统计表载明安全性标注 %s 条。", fmtNumber(c.statsSafety)),
			En: fmt.Sprintf("The provider's annotation statistics count %s safety annotations.", fmtNumber(c.statsSafety))}}
	case c.found != nil:
		return Outcome{Result: Compliant, Checked: f.kinds[kindAnnotation], Summary: Text{
			Zh: fmt.Sprintf("标注规则 %s（%s）规定了安全性标注。", c.found.File, c.found.Location),
			En: fmt.Sprintf("The annotation rules %s (%s) provide for safety annotation.", c.found.File, c.found.Location)}}
	case f.kinds[kindAnnotation] == 0:
		return Outcome{Result: InfoRequested, Summary: Text{
			Zh: "未导入标注规则材料，无法核查是否开展安全性标注。",
			En: "No annotation rules are imported; whether safety annotation is done cannot be checked."}}
	case len(c.unknown) > 0:
		var b outcomeBuilder
		b.checked = c.batches
		for i := range c.unknown {
			b.unclearRecord(&c.unknown[i], Text{Zh: "标注类型未填写或无法识别，无法判断是否为安全性标注", En: "the annotation type is empty or not recognised: cannot tell whether it is safety annotation"})
		}
		return b.outcome(noBatches, Text{}, Text{})
	}
	return Outcome{Result: NonCompliant, Checked: f.kinds[kindAnnotation], Summary: Text{
		Zh: fmt.Sprintf("%d 个标注批次均非安全性标注，标注规则文档也未规定安全性标注。", c.batches),
		En: fmt.Sprintf("None of the %d annotation batches is safety annotation, and no annotation-rule document provides for it.", c.batches)}}
}

// noIncidents is the summary of an incident check with nothing to check.
func noIncidents(what Text) Text {
	return Text{Zh: "事件与处置记录中没有" + what.Zh + "，无法核查。", En: "The incident records hold no " + what.En + "; nothing to check."}
}

// incidentOf reports whether r is an incident of category want. An
// incident whose category is empty or outside the vocabulary cannot be
// classified: it is checked and flagged unclear, never skipped silently.
func (b *outcomeBuilder) incidentOf(r *Record, want string, what Text) bool {
	if r.Kind != kindIncident {
		return false
	}
	term, known := r.Fields.Term("category")
	if known {
		return term == want
	}
	b.checked++
	if term == "" {
		b.unclearRecord(r, Text{Zh: "未填写事件类别，无法判断是否属于" + what.Zh, En: "no category: cannot tell whether it is " + what.En})
	} else {
		b.unclearRecord(r, Text{
			Zh: fmt.Sprintf("事件类别“%s”无法识别，无法判断是否属于%s", clip(term, 40), what.Zh),
			En: fmt.Sprintf("category %q is not one the checks know: cannot tell whether it is %s", clip(term, 40), what.En)})
	}
	return false
}

// receipt reads an incident's time of receipt and the time it was handled
// (the field done), and says what makes them unclear: no time of receipt,
// a time that cannot be read, or a handling time earlier than receipt at
// the coarser precision of the two.
func receipt(r *Record, done string, doneZh, doneEn string) (found, handled values.Time, hasFound, hasHandled bool, unclear []Text) {
	found, hasFound = r.Fields.Time("found_at")
	handled, hasHandled = r.Fields.Time(done)
	switch {
	case r.Fields.Unreadable("found_at"):
		unclear = append(unclear, unreadable("发现时间", "the time of receipt", r.Fields.Text("found_at")))
	case !hasFound:
		unclear = append(unclear, Text{Zh: "无发现（受理）时间", En: "no time of receipt (发现时间 is empty)"})
	}
	switch {
	case r.Fields.Unreadable(done):
		unclear = append(unclear, unreadable(doneZh, doneEn, r.Fields.Text(done)))
	case hasFound && hasHandled && handled.Before(found):
		unclear = append(unclear, Text{
			Zh: fmt.Sprintf("%s（%s）早于发现（受理）时间（%s）", doneZh, handled.Display(), found.Display()),
			En: fmt.Sprintf("%s (%s) is earlier than the time of receipt (%s)", doneEn, handled.Display(), found.Display())})
	}
	return
}

// piRequests: every personal-information request was resolved and answered
// within maxDays (Art. 11 ¶2).
type piRequests struct {
	maxDays int
	b       outcomeBuilder
}

var piWhat = Text{Zh: "个人信息请求", En: "a personal-information request"}

func (c *piRequests) record(r *Record, _ *facts) {
	if !c.b.incidentOf(r, "pi_request", piWhat) {
		return
	}
	c.b.checked++
	var problems []Text
	found, resolved, _, hasResolved, unclear := receipt(r, "resolved_at", "办结时间", "the resolution time")
	switch {
	case !hasResolved && !r.Fields.Unreadable("resolved_at"):
		problems = append(problems, Text{Zh: "无办结时间，请求未办结", En: "no resolution time: the request was not handled"})
	case unclear == nil:
		limit := duration{float64(c.maxDays), "days"}
		switch limit.judge(found, resolved) {
		case beyondLimit:
			d, _ := values.CalendarDays(found, resolved)
			problems = append(problems, Text{
				Zh: fmt.Sprintf("受理后 %d 日方办结，超过 %d 日", d, c.maxDays),
				En: fmt.Sprintf("resolved %d days after receipt, more than %d", d, c.maxDays)})
		case cannotTell:
			unclear = append(unclear, tooCoarse(found, resolved, limit))
		}
	}
	problems, unclear = feedback(r, problems, unclear, Text{Zh: "未反馈处理结果", En: "the requester was not answered"})
	c.b.flagProblems(r, problems, unclear)
}
func (c *piRequests) passage(*Passage) {}
func (c *piRequests) finish(*facts) Outcome {
	return c.b.outcome(noIncidents(Text{Zh: "个人信息请求", En: "personal-information requests"}),
		Text{Zh: fmt.Sprintf("每一个人信息请求均在 %d 日内办结并反馈", c.maxDays), En: fmt.Sprintf("every request was resolved and answered within %d days", c.maxDays)},
		Text{Zh: "个人信息请求未及时处理", En: "requests not handled in time"})
}

// modalityNames names the modalities a service generates.
var modalityNames = map[string]Text{
	"text": {Zh: "文本", En: "text"}, "image": {Zh: "图片", En: "images"}, "audio": {Zh: "音频", En: "audio"},
	"video": {Zh: "视频", En: "video"}, "code": {Zh: "代码", En: "code"},
}

// namesOf writes modalities in both languages.
func namesOf(ms []string) Text {
	var zh, en []string
	for _, m := range ms {
		n, ok := modalityNames[m]
		if !ok {
			n = Text{Zh: m, En: m}
		}
		zh, en = append(zh, n.Zh), append(en, n.En)
	}
	return Text{Zh: strings.Join(zh, "、"), En: strings.Join(en, ", ")}
}

// contentLabelling: a service that generates images or video describes
// how generated content is labelled (Art. 12). What the service generates
// is taken from the case and from the provider's own key facts; a
// disagreement between the two is said.
type contentLabelling struct{}

func (c *contentLabelling) record(*Record, *facts) {}
func (c *contentLabelling) passage(*Passage)       {}
func (c *contentLabelling) finish(f *facts) Outcome {
	caseMs := f.service.Modalities
	var declared []string
	var declaredBy *Record
	for i := range f.algorithm {
		v := f.algorithm[i].Fields.Value("generates")
		if v.Set && len(v.Terms) > 0 {
			declared, declaredBy = v.Terms, &f.algorithm[i]
			break
		}
	}
	all := slices.Clone(caseMs)
	for _, m := range declared {
		if !slices.Contains(all, m) {
			all = append(all, m)
		}
	}
	var visual []string
	for _, m := range all {
		if m == "image" || m == "video" {
			visual = append(visual, m)
		}
	}
	// What the case and the provider say the service generates, and
	// whether they disagree.
	var said Text
	if declaredBy != nil {
		a, b := slices.Clone(caseMs), slices.Clone(declared)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			cs, ds := namesOf(caseMs), namesOf(declared)
			if len(caseMs) == 0 {
				cs = Text{Zh: "（未记载）", En: "(nothing)"}
			}
			said = Text{
				Zh: fmt.Sprintf("案件记载服务生成%s，而 %s 称服务生成%s，二者不一致，请核实。", cs.Zh, declaredBy.File, ds.Zh),
				En: fmt.Sprintf("The case records that the service generates %s, but %s says it generates %s; the two disagree — please verify. ", cs.En, declaredBy.File, ds.En)}
		}
	}
	if len(visual) == 0 {
		return Outcome{Result: NotApplicable, Summary: Text{
			Zh: said.Zh + "案件及提交材料均未记载服务生成图片或视频。",
			En: said.En + "Neither the case nor the submissions record that the service generates images or video."}}
	}
	vn := namesOf(visual)
	var b outcomeBuilder
	if len(f.algorithm) == 0 && f.labelling == nil {
		o := b.outcome(noAlgorithm, Text{}, Text{})
		o.Summary = Text{Zh: fmt.Sprintf("服务生成%s，但%s", vn.Zh, noAlgorithm.Zh), En: fmt.Sprintf("The service generates %s, but %s", vn.En, strings.ToLower(noAlgorithm.En[:1])+noAlgorithm.En[1:])}
		return o
	}
	b.checked = len(f.algorithm)
	if how, r := f.algorithmText("content_labelling"); how != "" {
		return Outcome{Result: Compliant, Checked: b.checked, Summary: Text{
			Zh: said.Zh + fmt.Sprintf("服务生成%s；%s 说明了生成内容标识：%s", vn.Zh, r.File, clip(how, 80)),
			En: said.En + fmt.Sprintf("The service generates %s; %s describes the labelling: %s", vn.En, r.File, clip(how, 80))}}
	}
	if p := f.labelling; p != nil {
		return Outcome{Result: Compliant, Checked: max(b.checked, 1), Summary: Text{
			Zh: said.Zh + fmt.Sprintf("服务生成%s；%s（%s）说明了生成内容标识：%s", vn.Zh, p.File, p.Location, clip(p.Text, 80)),
			En: said.En + fmt.Sprintf("The service generates %s; %s (%s) describes the labelling: %s", vn.En, p.File, p.Location, clip(p.Text, 80))}}
	}
	for i := range f.algorithm {
		b.problem(&f.algorithm[i], Text{Zh: "未说明生成内容标识方式", En: "does not describe how generated content is labelled"})
	}
	o := b.outcome(noAlgorithm, Text{}, Text{})
	o.Summary = Text{
		Zh: said.Zh + fmt.Sprintf("服务生成%s，但算法机制机理说明未说明生成内容的标识方式。", vn.Zh),
		En: said.En + fmt.Sprintf("The service generates %s, but the algorithm description does not say how generated content is labelled.", vn.En)}
	return o
}

// stopActions are the actions Art. 14 ¶1 requires on illegal content.
var stopActions = []string{"stop_generation", "stop_transmission", "eliminate"}

// userActions are the actions Art. 14 ¶2 requires on user illegal activity.
var userActions = []string{"warn", "restrict", "suspend", "terminate"}

func hasAny(have, want []string) bool {
	for _, h := range have {
		if slices.Contains(want, h) {
			return true
		}
	}
	return false
}

// actionsUnclear says why a record's actions, which include none of want,
// cannot be judged: some are outside the vocabulary and might be one of
// want under another name. nil when every action was recognised.
func actionsUnclear(r *Record) *Text {
	unknown := r.Fields.UnknownTerms("action")
	if len(unknown) == 0 {
		return nil
	}
	for i := range unknown {
		unknown[i] = clip(unknown[i], 30)
	}
	return &Text{
		Zh: fmt.Sprintf("处置措施“%s”无法识别，无法判断是否采取了规定的措施", strings.Join(unknown, "、")),
		En: fmt.Sprintf("the action %q is not one the checks know: cannot tell whether a required action was taken", strings.Join(unknown, "; "))}
}

// illegalContentAction: illegal content was stopped or eliminated (Art. 14
// ¶1).
type illegalContentAction struct{ b outcomeBuilder }

var illegalWhat = Text{Zh: "违法内容", En: "illegal content"}

func (c *illegalContentAction) record(r *Record, _ *facts) {
	if !c.b.incidentOf(r, "illegal_content", illegalWhat) {
		return
	}
	c.b.checked++
	actions := r.Fields.Value("action").Terms
	if hasAny(actions, stopActions) {
		return
	}
	if u := actionsUnclear(r); u != nil {
		c.b.unclearRecord(r, *u)
		return
	}
	p := Text{Zh: "未采取任何处置措施", En: "no action taken"}
	if known := slices.DeleteFunc(slices.Clone(actions), func(a string) bool { return a == "none" }); len(known) > 0 {
		p = Text{
			Zh: "处置措施仅为" + actionNames(known, true) + "，未停止生成、停止传输或消除",
			En: "actions were only " + actionNames(known, false) + ": no stopping of generation or transmission, no elimination"}
	}
	c.b.problem(r, p)
}
func (c *illegalContentAction) passage(*Passage) {}
func (c *illegalContentAction) finish(*facts) Outcome {
	return c.b.outcome(noIncidents(Text{Zh: "违法内容事件", En: "illegal-content incidents"}),
		Text{Zh: "每一违法内容事件均采取了停止生成、停止传输或消除措施", En: "every illegal-content incident was stopped or eliminated"},
		Text{Zh: "未停止生成、停止传输或消除", En: "not stopped or eliminated"})
}

// actionNames writes canonical action terms in Chinese or English.
func actionNames(actions []string, zh bool) string {
	names := map[string][2]string{
		"stop_generation": {"停止生成", "stop generation"}, "stop_transmission": {"停止传输", "stop transmission"},
		"eliminate": {"消除", "elimination"}, "model_optimisation": {"模型优化训练", "model optimisation training"},
		"warn": {"警示", "warning"}, "restrict": {"限制功能", "restriction"}, "suspend": {"暂停服务", "suspension"},
		"terminate": {"终止服务", "termination"}, "none": {"未处置", "none"},
	}
	out := make([]string, len(actions))
	for i, a := range actions {
		n, ok := names[a]
		switch {
		case !ok:
			out[i] = a
		case zh:
			out[i] = n[0]
		default:
			out[i] = n[1]
		}
	}
	if zh {
		return strings.Join(out, "、")
	}
	return strings.Join(out, ", ")
}

// reportProblems says what is wrong with an incident's report to the
// competent authority (Art. 14): problems when it was not reported, unclear
// when whether or when it was cannot be told.
func reportProblems(r *Record) (problems, unclear []Text) {
	reported, said := r.Fields.Bool("reported")
	reportedAt, dated := r.Fields.Time("reported_at")
	if found, ok := r.Fields.Time("found_at"); ok && dated && reportedAt.Before(found) {
		unclear = append(unclear, Text{
			Zh: fmt.Sprintf("报告时间（%s）早于发现时间（%s）", reportedAt.Display(), found.Display()),
			En: fmt.Sprintf("the report time (%s) is earlier than the time it was found (%s)", reportedAt.Display(), found.Display())})
		return nil, unclear
	}
	switch {
	case said && !reported:
		p := Text{Zh: "未向有关主管部门报告（是否报告主管部门为“否”）", En: "not reported to the competent authority (是否报告主管部门 is no)"}
		if !dated {
			p = Text{Zh: "未向有关主管部门报告（是否报告主管部门为“否”，无报告时间）", En: "not reported to the competent authority (是否报告主管部门 is no, no report time)"}
		}
		problems = append(problems, p)
	case r.Fields.Unreadable("reported_at"):
		unclear = append(unclear, unreadable("报告时间", "the report time", r.Fields.Text("reported_at")))
	case said && !dated:
		problems = append(problems, Text{Zh: "称已报告但无报告时间，未记录何时报告", En: "says it was reported but gives no report time"})
	case !said && r.Fields.Unreadable("reported"):
		unclear = append(unclear, unreadable("是否报告", "whether reported", r.Fields.Text("reported")))
	case !said && !dated:
		unclear = append(unclear, Text{Zh: "未说明是否向有关主管部门报告", En: "does not say whether it was reported to the competent authority"})
	}
	return problems, unclear
}

// illegalContentReport: illegal content was reported to the competent
// authority (Art. 14 ¶1).
type illegalContentReport struct{ b outcomeBuilder }

func (c *illegalContentReport) record(r *Record, _ *facts) {
	if !c.b.incidentOf(r, "illegal_content", illegalWhat) {
		return
	}
	c.b.checked++
	problems, unclear := reportProblems(r)
	c.b.flagProblems(r, problems, unclear)
}
func (c *illegalContentReport) passage(*Passage) {}
func (c *illegalContentReport) finish(*facts) Outcome {
	return c.b.outcome(noIncidents(Text{Zh: "违法内容事件", En: "illegal-content incidents"}),
		Text{Zh: "每一违法内容事件均已报告并记录报告时间", En: "every illegal-content incident was reported, with its time"},
		Text{Zh: "未向主管部门报告或未记录报告时间", En: "not reported to the competent authority, or without a report time"})
}

// userIllegalActivity: user illegal activity was acted on, recorded and
// reported (Art. 14 ¶2).
type userIllegalActivity struct{ b outcomeBuilder }

var userWhat = Text{Zh: "使用者违法活动", En: "a user's illegal activity"}

func (c *userIllegalActivity) record(r *Record, _ *facts) {
	if !c.b.incidentOf(r, "user_illegal_activity", userWhat) {
		return
	}
	c.b.checked++
	var problems, unclear []Text
	if !hasAny(r.Fields.Value("action").Terms, userActions) {
		if u := actionsUnclear(r); u != nil {
			unclear = append(unclear, *u)
		} else {
			problems = append(problems, Text{Zh: "未采取警示、限制功能、暂停或者终止服务措施", En: "no warning, restriction, suspension or termination"})
		}
	}
	if r.Fields.Text("description") == "" {
		problems = append(problems, Text{Zh: "无事件描述，未保存有关记录", En: "no description: nothing of the activity is recorded"})
	}
	p, u := reportProblems(r)
	c.b.flagProblems(r, append(problems, p...), append(unclear, u...))
}
func (c *userIllegalActivity) passage(*Passage) {}
func (c *userIllegalActivity) finish(*facts) Outcome {
	return c.b.outcome(noIncidents(Text{Zh: "用户违法活动", En: "user illegal activity"}),
		Text{Zh: "每一用户违法活动均已处置、记录并报告", En: "every user illegal activity was acted on, recorded and reported"},
		Text{Zh: "处置、记录或报告有缺失", En: "without action, record or report"})
}

// tooCoarse says that two times are too coarse to judge a limit by.
func tooCoarse(found, done values.Time, limit duration) Text {
	lt := limit.text()
	return Text{
		Zh: fmt.Sprintf("受理时间 %s、办结时间 %s 的精度不足以判断是否超过%s", found.Display(), done.Display(), lt.Zh),
		En: fmt.Sprintf("received %s and resolved %s: too coarse to tell whether it took longer than %s", found.Display(), done.Display(), lt.En)}
}

// feedback adds what is wrong with whether the requester or complainant
// was answered: a problem when the record says no, unclear when it says
// something that is neither yes nor no.
func feedback(r *Record, problems, unclear []Text, no Text) ([]Text, []Text) {
	fb, ok := r.Fields.Bool("feedback_given")
	switch {
	case ok && !fb:
		problems = append(problems, no)
	case !ok && r.Fields.Unreadable("feedback_given"):
		unclear = append(unclear, unreadable("是否反馈", "whether answered", r.Fields.Text("feedback_given")))
	}
	return problems, unclear
}

// complaintTimeLimit: complaints were resolved within the provider's
// published time limit, else within defaultDays (Art. 15). The limit is
// read from the algorithm records, which come first, when the first
// complaint passes.
type complaintTimeLimit struct {
	defaultDays int
	b           outcomeBuilder
	known       bool // limit and source are set
	limit       duration
	source      Text
}

var complaintWhat = Text{Zh: "投诉举报", En: "a complaint or report"}

// setLimit takes the provider's published limit from the algorithm
// records, else the template's default.
func (c *complaintTimeLimit) setLimit(f *facts) {
	if c.known {
		return
	}
	c.known = true
	c.limit = duration{float64(c.defaultDays), "days"}
	c.source = Text{Zh: "模板默认时限", En: "the template's default limit"}
	for _, r := range f.algorithm {
		if d, ok := durationField(r.Fields, "complaint_time_limit"); ok {
			c.limit = d
			c.source = Text{Zh: r.File + " 公布的时限", En: "the limit published in " + r.File}
			return
		}
	}
}

func (c *complaintTimeLimit) record(r *Record, f *facts) {
	if !c.b.incidentOf(r, "complaint", complaintWhat) {
		return
	}
	c.setLimit(f)
	c.b.checked++
	var problems []Text
	found, done, _, hasDone, unclear := receipt(r, "resolved_at", "办结时间", "the resolution time")
	switch {
	case !hasDone && !r.Fields.Unreadable("resolved_at"):
		problems = append(problems, Text{Zh: "无办结时间，投诉举报未办结", En: "no resolution time: not resolved"})
	case unclear == nil:
		switch c.limit.judge(found, done) {
		case beyondLimit:
			days, _ := values.CalendarDays(found, done)
			lt := c.limit.text()
			p := Text{
				Zh: fmt.Sprintf("受理后 %d 个自然日方办结，超过%s（%s）", days, lt.Zh, c.source.Zh),
				En: fmt.Sprintf("resolved %d calendar days after receipt, beyond %s (%s)", days, lt.En, c.source.En)}
			if c.limit.unit == "working_days" {
				w := workingDays(found.Start(), days)
				p.Zh += fmt.Sprintf("，计 %d 个工作日", w)
				p.En += fmt.Sprintf("; %d working days", w)
			}
			problems = append(problems, p)
		case cannotTell:
			unclear = append(unclear, tooCoarse(found, done, c.limit))
		}
	}
	problems, unclear = feedback(r, problems, unclear, Text{Zh: "未反馈处理结果", En: "the outcome was not fed back"})
	c.b.flagProblems(r, problems, unclear)
}
func (c *complaintTimeLimit) passage(*Passage) {}
func (c *complaintTimeLimit) finish(f *facts) Outcome {
	c.setLimit(f)
	lt := c.limit.text()
	o := c.b.outcome(noIncidents(Text{Zh: "投诉举报", En: "complaints"}),
		Text{Zh: fmt.Sprintf("每一投诉举报均在%s内办结（%s）", lt.Zh, c.source.Zh), En: fmt.Sprintf("every complaint was resolved within %s (%s)", lt.En, c.source.En)},
		Text{Zh: fmt.Sprintf("未在%s内办结或未反馈（%s）", lt.Zh, c.source.Zh), En: fmt.Sprintf("not resolved within %s or not answered (%s)", lt.En, c.source.En)})
	if c.limit.unit == "working_days" && c.b.problems > 0 {
		o.Summary.Zh += "工作日按周一至周五计，未扣除法定节假日。"
		o.Summary.En += " Working days are counted Monday to Friday; public holidays are not deducted."
	}
	return o
}

// algorithmFiling: a service with public-opinion attributes has an
// algorithm filing number (Art. 17).
type algorithmFiling struct{}

func (c *algorithmFiling) record(*Record, *facts) {}
func (c *algorithmFiling) passage(*Passage)       {}
func (c *algorithmFiling) finish(f *facts) Outcome {
	po, said := f.algorithmBool("public_opinion")
	if !f.service.PublicOpinion && !po {
		s := Text{Zh: "案件未记载服务具有舆论属性或者社会动员能力", En: "The case does not record public-opinion attributes or social-mobilisation capacity"}
		if said {
			s.Zh += "，算法机制机理说明亦称不具有。"
			s.En += ", and the algorithm description says the service has none."
		} else {
			s.Zh += "。"
			s.En += "."
		}
		return Outcome{Result: NotApplicable, Summary: s}
	}
	filing := strings.TrimSpace(f.service.FilingNo)
	where := Text{Zh: "案件记载", En: "the case"}
	if statesNothing(filing) {
		var r *Record
		if filing, r = f.algorithmText("filing_no"); r != nil {
			where = Text{Zh: r.File, En: r.File}
		}
	}
	if !statesNothing(filing) {
		return Outcome{Result: Compliant, Checked: len(f.algorithm), Summary: Text{
			Zh: fmt.Sprintf("服务具有舆论属性或者社会动员能力，算法备案号为 %s（%s）。", filing, where.Zh),
			En: fmt.Sprintf("The service has public-opinion attributes; its algorithm filing number is %s (%s).", filing, where.En)}}
	}
	var b outcomeBuilder
	b.checked = len(f.algorithm)
	for i := range f.algorithm {
		b.problem(&f.algorithm[i], Text{Zh: "未说明算法备案号", En: "gives no algorithm filing number"})
	}
	return Outcome{Result: NonCompliant, Checked: b.checked, Problems: b.problems, Flags: b.flags, Summary: Text{
		Zh: "服务具有舆论属性或者社会动员能力，但案件和提交材料均未记载算法备案号。",
		En: "The service has public-opinion attributes or social-mobilisation capacity, but neither the case nor any submission gives an algorithm filing number."}}
}
