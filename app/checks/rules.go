package checks

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// noSources is the summary of a data-source check with nothing to check.
var noSources = Text{Zh: "未导入训练数据来源记录，无法核查。", En: "No training-data source records are imported; nothing to check."}

// lawfulBasis: every data source states its lawful-source basis (Art. 7(1)).
type lawfulBasis struct{ b outcomeBuilder }

func (c *lawfulBasis) record(r *Record) {
	if r.Kind != kindDataSource {
		return
	}
	c.b.checked++
	if blank(text(r.Fields, "lawful_basis")) {
		c.b.flag(r, Text{Zh: "未说明合法来源依据（合法来源依据为空）", En: "states no lawful-source basis (合法来源依据 is empty)"}, false)
	}
}
func (c *lawfulBasis) passage(*Passage) {}
func (c *lawfulBasis) finish(*facts) Outcome {
	return c.b.outcome(noSources,
		Text{Zh: "每一来源均说明了合法来源依据", En: "every source states its lawful-source basis"},
		Text{Zh: "未说明合法来源依据", En: "without a lawful-source basis"})
}

// declaredBasis: a data source that says yes to flag names its basis
// (copyright licence, Art. 7(2); personal-information legal basis, Art.
// 7(3)). A source that does not say yes or no cannot be decided.
type declaredBasis struct {
	flag, basis                         string
	unknown, missing, none, okText, bad Text
	b                                   outcomeBuilder
	yes                                 int
}

func (c *declaredBasis) record(r *Record) {
	if r.Kind != kindDataSource {
		return
	}
	c.b.checked++
	v, ok := r.Fields[c.flag].(bool)
	switch {
	case !ok:
		c.b.flag(r, c.unknown, true)
	case v:
		c.yes++
		if blank(text(r.Fields, c.basis)) {
			c.b.flag(r, c.missing, false)
		}
	}
}
func (c *declaredBasis) passage(*Passage) {}
func (c *declaredBasis) finish(*facts) Outcome {
	ok := c.okText
	if c.yes == 0 {
		ok = c.none
	}
	return c.b.outcome(noSources, ok, c.bad)
}

// harmfulShare: the share of illegal or harmful items in each source's
// sample is at most max (Art. 7(4)).
type harmfulShare struct {
	max float64
	b   outcomeBuilder
}

func (c *harmfulShare) record(r *Record) {
	if r.Kind != kindDataSource {
		return
	}
	c.b.checked++
	share, ok := number(r.Fields, "harmful_share")
	switch {
	case !ok:
		c.b.flag(r, Text{Zh: "未说明抽检违法不良信息占比", En: "gives no share of illegal or harmful items in its sample"}, true)
	case share > c.max:
		c.b.flag(r, Text{
			Zh: fmt.Sprintf("违法不良信息占比 %s，高于阈值 %s", percent(share), percent(c.max)),
			En: fmt.Sprintf("harmful share %s is above the threshold of %s", percent(share), percent(c.max)),
		}, false)
	}
}
func (c *harmfulShare) passage(*Passage) {}
func (c *harmfulShare) finish(*facts) Outcome {
	return c.b.outcome(noSources,
		Text{Zh: "每一来源的违法不良信息占比均不超过 " + percent(c.max), En: "every source's harmful share is at most " + percent(c.max)},
		Text{Zh: "违法不良信息占比超过 " + percent(c.max) + " 或未说明", En: "with a harmful share above " + percent(c.max) + " or none given"})
}

// noAlgorithm is the summary of an algorithm check with nothing to check.
var noAlgorithm = Text{Zh: "未导入算法机制机理说明，无法核查。", En: "No algorithm description is imported; nothing to check."}

// baseModelFiling: a service built on a base model names the base model's
// filing number (Art. 7(1)).
type baseModelFiling struct{}

func (c *baseModelFiling) record(*Record)   {}
func (c *baseModelFiling) passage(*Passage) {}
func (c *baseModelFiling) finish(f *facts) Outcome {
	var b outcomeBuilder
	if len(f.algorithm) == 0 {
		return b.outcome(noAlgorithm, Text{}, Text{})
	}
	model, _ := f.algorithmText("base_model")
	filing, _ := f.algorithmText("base_model_filing_no")
	b.checked = len(f.algorithm)
	none := false
	for _, r := range f.algorithm {
		none = none || statesNone(text(r.Fields, "base_model"))
	}
	switch {
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
		if !blank(text(r.Fields, "base_model")) {
			b.flag(r, Text{Zh: "说明了基础模型但未说明其备案号", En: "names a base model but not its filing number"}, false)
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

func (c *annotationRules) record(*Record)   {}
func (c *annotationRules) passage(*Passage) {}
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

// annotationQA: every annotation batch was verified by sampling, with
// enough samples and accuracy (Art. 8).
type annotationQA struct {
	minSample   int
	minAccuracy float64
	b           outcomeBuilder
}

func (c *annotationQA) record(r *Record) {
	if r.Kind != kindAnnotation {
		return
	}
	c.b.checked++
	var problems []Text
	if n, ok := number(r.Fields, "sample_size"); !ok {
		problems = append(problems, Text{Zh: "未说明核验样本量", En: "no verification sample size"})
	} else if n < float64(c.minSample) {
		problems = append(problems, Text{
			Zh: fmt.Sprintf("核验样本量 %s 少于 %d", fmtNumber(n), c.minSample),
			En: fmt.Sprintf("verification sample of %s is below %d", fmtNumber(n), c.minSample)})
	}
	if a, ok := number(r.Fields, "accuracy"); !ok {
		problems = append(problems, Text{Zh: "未说明准确率", En: "no accuracy"})
	} else if a < c.minAccuracy {
		problems = append(problems, Text{
			Zh: fmt.Sprintf("准确率 %s 低于 %s", percent(a), percent(c.minAccuracy)),
			En: fmt.Sprintf("accuracy %s is below %s", percent(a), percent(c.minAccuracy))})
	}
	c.b.flagProblems(r, problems, nil)
}
func (c *annotationQA) passage(*Passage) {}
func (c *annotationQA) finish(*facts) Outcome {
	return c.b.outcome(noBatches,
		Text{Zh: "每一批次均经抽样核验且准确率达标", En: "every batch was sample-verified with sufficient accuracy"},
		Text{Zh: "未经充分核验", En: "without adequate sample verification"})
}

// annotatorTraining: the annotators of every batch were trained (Art. 8).
type annotatorTraining struct{ b outcomeBuilder }

func (c *annotatorTraining) record(r *Record) {
	if r.Kind != kindAnnotation {
		return
	}
	c.b.checked++
	trained, said := r.Fields["training_given"].(bool)
	_, dated := when(r.Fields, "training_date")
	switch {
	case said && !trained:
		p := Text{Zh: "标注人员未经培训（是否培训为“否”）", En: "annotators not trained (是否培训 is no)"}
		if !dated {
			p = Text{Zh: "标注人员未经培训（是否培训为“否”，无培训日期）", En: "annotators not trained (是否培训 is no, no training date)"}
		}
		c.b.flag(r, p, false)
	case !said && !dated:
		c.b.flag(r, Text{Zh: "未说明标注人员是否经过培训", En: "does not say whether the annotators were trained"}, true)
	case !dated:
		c.b.flag(r, Text{Zh: "称已培训但无培训日期", En: "says the annotators were trained but gives no training date"}, false)
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
	found           *Passage
}

func (c *safetyAnnotation) record(r *Record) {
	if r.Kind != kindAnnotation {
		return
	}
	c.batches++
	if text(r.Fields, "annotation_type") == "safety" {
		c.safety++
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
	case c.found != nil:
		return Outcome{Result: Compliant, Checked: f.kinds[kindAnnotation], Summary: Text{
			Zh: fmt.Sprintf("标注规则 %s（%s）规定了安全性标注。", c.found.File, c.found.Location),
			En: fmt.Sprintf("The annotation rules %s (%s) provide for safety annotation.", c.found.File, c.found.Location)}}
	case f.kinds[kindAnnotation] == 0:
		return Outcome{Result: InfoRequested, Summary: Text{
			Zh: "未导入标注规则材料，无法核查是否开展安全性标注。",
			En: "No annotation rules are imported; whether safety annotation is done cannot be checked."}}
	}
	return Outcome{Result: NonCompliant, Checked: f.kinds[kindAnnotation], Summary: Text{
		Zh: fmt.Sprintf("%d 个标注批次均非安全性标注，标注规则文档也未规定安全性标注。", c.batches),
		En: fmt.Sprintf("None of the %d annotation batches is safety annotation, and no annotation-rule document provides for it.", c.batches)}}
}

// noIncidents is the summary of an incident check with nothing to check.
func noIncidents(what Text) Text {
	return Text{Zh: "事件与处置记录中没有" + what.Zh + "，无法核查。", En: "The incident records hold no " + what.En + "; nothing to check."}
}

// piRequests: every personal-information request was resolved and answered
// within maxDays (Art. 11 ¶2).
type piRequests struct {
	maxDays int
	b       outcomeBuilder
}

func (c *piRequests) record(r *Record) {
	if r.Kind != kindIncident || text(r.Fields, "category") != "pi_request" {
		return
	}
	c.b.checked++
	var problems []Text
	found, hasFound := when(r.Fields, "found_at")
	resolved, hasResolved := when(r.Fields, "resolved_at")
	unclear := timeProblem(hasFound, found, hasResolved, resolved, "办结时间", "the resolution time")
	if !hasResolved {
		problems = append(problems, Text{Zh: "无办结时间，请求未办结", En: "no resolution time: the request was not handled"})
	} else if unclear == nil {
		if (duration{float64(c.maxDays), "days"}).exceeded(found, resolved) {
			d := calendarDays(found, resolved)
			problems = append(problems, Text{
				Zh: fmt.Sprintf("受理后 %d 日方办结，超过 %d 日", d, c.maxDays),
				En: fmt.Sprintf("resolved %d days after receipt, more than %d", d, c.maxDays)})
		}
	}
	if fb, ok := r.Fields["feedback_given"].(bool); ok && !fb {
		problems = append(problems, Text{Zh: "未反馈处理结果", En: "the requester was not answered"})
	}
	c.b.flagProblems(r, problems, unclear)
}
func (c *piRequests) passage(*Passage) {}
func (c *piRequests) finish(*facts) Outcome {
	return c.b.outcome(noIncidents(Text{Zh: "个人信息请求", En: "personal-information requests"}),
		Text{Zh: fmt.Sprintf("每一个人信息请求均在 %d 日内办结并反馈", c.maxDays), En: fmt.Sprintf("every request was resolved and answered within %d days", c.maxDays)},
		Text{Zh: "个人信息请求未及时处理", En: "requests not handled in time"})
}

// contentLabelling: a service that generates images or video describes
// how generated content is labelled (Art. 12).
type contentLabelling struct{}

func (c *contentLabelling) record(*Record)   {}
func (c *contentLabelling) passage(*Passage) {}
func (c *contentLabelling) finish(f *facts) Outcome {
	var visual, visualZh []string
	for _, m := range f.service.Modalities {
		switch m {
		case "image":
			visual, visualZh = append(visual, "images"), append(visualZh, "图片")
		case "video":
			visual, visualZh = append(visual, "video"), append(visualZh, "视频")
		}
	}
	if len(visual) == 0 {
		return Outcome{Result: NotApplicable, Summary: Text{
			Zh: "案件未记载服务生成图片或视频。",
			En: "The case does not record that the service generates images or video."}}
	}
	var b outcomeBuilder
	if len(f.algorithm) == 0 {
		return b.outcome(noAlgorithm, Text{}, Text{})
	}
	b.checked = len(f.algorithm)
	if how, r := f.algorithmText("content_labelling"); how != "" {
		return Outcome{Result: Compliant, Checked: b.checked, Summary: Text{
			Zh: fmt.Sprintf("服务生成%s；%s 说明了生成内容标识：%s", strings.Join(visualZh, "、"), r.File, clip(how, 80)),
			En: fmt.Sprintf("The service generates %s; %s describes the labelling: %s", strings.Join(visual, " and "), r.File, clip(how, 80))}}
	}
	for i := range f.algorithm {
		b.flag(&f.algorithm[i], Text{Zh: "未说明生成内容标识方式", En: "does not describe how generated content is labelled"}, false)
	}
	o := b.outcome(noAlgorithm, Text{}, Text{})
	o.Summary = Text{
		Zh: fmt.Sprintf("服务生成%s，但算法机制机理说明未说明生成内容的标识方式。", strings.Join(visualZh, "、")),
		En: fmt.Sprintf("The service generates %s, but the algorithm description does not say how generated content is labelled.", strings.Join(visual, " and "))}
	return o
}

// clip shortens s to n characters.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
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

// illegalContentAction: illegal content was stopped or eliminated (Art. 14
// ¶1).
type illegalContentAction struct{ b outcomeBuilder }

func (c *illegalContentAction) record(r *Record) {
	if r.Kind != kindIncident || text(r.Fields, "category") != "illegal_content" {
		return
	}
	c.b.checked++
	actions := terms(r.Fields, "action")
	if hasAny(actions, stopActions) {
		return
	}
	p := Text{Zh: "未采取任何处置措施", En: "no action taken"}
	if len(actions) > 0 && !slices.Equal(actions, []string{"none"}) {
		p = Text{
			Zh: "处置措施仅为" + actionNames(actions, true) + "，未停止生成、停止传输或消除",
			En: "actions were only " + actionNames(actions, false) + ": no stopping of generation or transmission, no elimination"}
	}
	c.b.flag(r, p, false)
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

// illegalContentReport: illegal content was reported to the competent
// authority (Art. 14 ¶1).
type illegalContentReport struct{ b outcomeBuilder }

func (c *illegalContentReport) record(r *Record) {
	if r.Kind != kindIncident || text(r.Fields, "category") != "illegal_content" {
		return
	}
	c.b.checked++
	reported, said := r.Fields["reported"].(bool)
	reportedAt, dated := when(r.Fields, "reported_at")
	if found, ok := when(r.Fields, "found_at"); ok && dated && reportedAt.Before(found) {
		c.b.flag(r, Text{Zh: "报告时间早于发现时间", En: "the report time is earlier than the time the content was found"}, true)
		return
	}
	switch {
	case said && !reported:
		p := Text{Zh: "未向有关主管部门报告（是否报告主管部门为“否”）", En: "not reported to the competent authority (是否报告主管部门 is no)"}
		if !dated {
			p = Text{Zh: "未向有关主管部门报告（是否报告主管部门为“否”，无报告时间）", En: "not reported to the competent authority (是否报告主管部门 is no, no report time)"}
		}
		c.b.flag(r, p, false)
	case !dated:
		c.b.flag(r, Text{Zh: "无报告时间，未证明已向有关主管部门报告", En: "no report time: no sign it was reported to the competent authority"}, !said)
	}
}
func (c *illegalContentReport) passage(*Passage) {}
func (c *illegalContentReport) finish(*facts) Outcome {
	return c.b.outcome(noIncidents(Text{Zh: "违法内容事件", En: "illegal-content incidents"}),
		Text{Zh: "每一违法内容事件均已报告并记录报告时间", En: "every illegal-content incident was reported, with its time"},
		Text{Zh: "未向主管部门报告", En: "not reported to the competent authority"})
}

// userIllegalActivity: user illegal activity was acted on, recorded and
// reported (Art. 14 ¶2).
type userIllegalActivity struct{ b outcomeBuilder }

func (c *userIllegalActivity) record(r *Record) {
	if r.Kind != kindIncident || text(r.Fields, "category") != "user_illegal_activity" {
		return
	}
	c.b.checked++
	var problems []Text
	if !hasAny(terms(r.Fields, "action"), userActions) {
		problems = append(problems, Text{Zh: "未采取警示、限制功能、暂停或者终止服务措施", En: "no warning, restriction, suspension or termination"})
	}
	if text(r.Fields, "description") == "" {
		problems = append(problems, Text{Zh: "无事件描述，未保存有关记录", En: "no description: nothing of the activity is recorded"})
	}
	if reported, ok := r.Fields["reported"].(bool); ok && !reported {
		problems = append(problems, Text{Zh: "未向有关主管部门报告", En: "not reported to the competent authority"})
	} else if !ok {
		if _, dated := when(r.Fields, "reported_at"); !dated {
			problems = append(problems, Text{Zh: "未说明是否向有关主管部门报告", En: "does not say whether it was reported to the competent authority"})
		}
	}
	c.b.flagProblems(r, problems, nil)
}
func (c *userIllegalActivity) passage(*Passage) {}
func (c *userIllegalActivity) finish(*facts) Outcome {
	return c.b.outcome(noIncidents(Text{Zh: "用户违法活动", En: "user illegal activity"}),
		Text{Zh: "每一用户违法活动均已处置、记录并报告", En: "every user illegal activity was acted on, recorded and reported"},
		Text{Zh: "处置、记录或报告有缺失", En: "without action, record or report"})
}

// complaint is a complaint kept until the time limit is known.
type complaint struct {
	rec      Record
	found    time.Time
	resolved time.Time
	hasFound bool
	hasRes   bool
	feedback *bool
}

// complaintTimeLimit: complaints were resolved within the provider's
// published time limit, else within defaultDays (Art. 15).
type complaintTimeLimit struct {
	defaultDays int
	complaints  []complaint
}

func (c *complaintTimeLimit) record(r *Record) {
	if r.Kind != kindIncident || text(r.Fields, "category") != "complaint" {
		return
	}
	k := complaint{rec: *r}
	k.rec.Fields = nil
	k.found, k.hasFound = when(r.Fields, "found_at")
	k.resolved, k.hasRes = when(r.Fields, "resolved_at")
	if fb, ok := r.Fields["feedback_given"].(bool); ok {
		k.feedback = &fb
	}
	c.complaints = append(c.complaints, k)
}
func (c *complaintTimeLimit) passage(*Passage) {}
func (c *complaintTimeLimit) finish(f *facts) Outcome {
	limit := duration{float64(c.defaultDays), "days"}
	source := Text{Zh: "模板默认时限", En: "the template's default limit"}
	for _, r := range f.algorithm {
		if d, ok := durationField(r.Fields, "complaint_time_limit"); ok {
			limit = d
			source = Text{Zh: r.File + " 公布的时限", En: "the limit published in " + r.File}
			break
		}
	}
	var b outcomeBuilder
	for i := range c.complaints {
		k := &c.complaints[i]
		b.checked++
		var problems []Text
		unclear := timeProblem(k.hasFound, k.found, k.hasRes, k.resolved, "办结时间", "the resolution time")
		switch {
		case !k.hasRes:
			problems = append(problems, Text{Zh: "无办结时间，投诉举报未办结", En: "no resolution time: not resolved"})
		case unclear == nil && limit.exceeded(k.found, k.resolved):
			days := calendarDays(k.found, k.resolved)
			p := Text{
				Zh: fmt.Sprintf("受理后 %d 个自然日方办结，超过%s（%s）", days, limit.text().Zh, source.Zh),
				En: fmt.Sprintf("resolved %d calendar days after receipt, beyond %s (%s)", days, limit.text().En, source.En)}
			if limit.unit == "working_days" {
				w := workingDays(k.found, k.resolved)
				p.Zh += fmt.Sprintf("，计 %d 个工作日", w)
				p.En += fmt.Sprintf("; %d working days", w)
			}
			problems = append(problems, p)
		}
		if k.feedback != nil && !*k.feedback {
			problems = append(problems, Text{Zh: "未反馈处理结果", En: "the outcome was not fed back"})
		}
		b.flagProblems(&k.rec, problems, unclear)
	}
	lt := limit.text()
	o := b.outcome(noIncidents(Text{Zh: "投诉举报", En: "complaints"}),
		Text{Zh: fmt.Sprintf("每一投诉举报均在%s内办结（%s）", lt.Zh, source.Zh), En: fmt.Sprintf("every complaint was resolved within %s (%s)", lt.En, source.En)},
		Text{Zh: fmt.Sprintf("未在%s内办结或未反馈（%s）", lt.Zh, source.Zh), En: fmt.Sprintf("not resolved within %s or not answered (%s)", lt.En, source.En)})
	if limit.unit == "working_days" && b.flagged > 0 {
		o.Summary.Zh += "。工作日按周一至周五计，未扣除法定节假日。"
		o.Summary.En += ". Working days are counted Monday to Friday; public holidays are not deducted."
	}
	return o
}

// algorithmFiling: a service with public-opinion attributes has an
// algorithm filing number (Art. 17).
type algorithmFiling struct{}

func (c *algorithmFiling) record(*Record)   {}
func (c *algorithmFiling) passage(*Passage) {}
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
	if blank(filing) {
		var r *Record
		if filing, r = f.algorithmText("filing_no"); r != nil {
			where = Text{Zh: r.File, En: r.File}
		}
	}
	if !blank(filing) {
		return Outcome{Result: Compliant, Checked: len(f.algorithm), Summary: Text{
			Zh: fmt.Sprintf("服务具有舆论属性或者社会动员能力，算法备案号为 %s（%s）。", filing, where.Zh),
			En: fmt.Sprintf("The service has public-opinion attributes; its algorithm filing number is %s (%s).", filing, where.En)}}
	}
	var b outcomeBuilder
	b.checked = len(f.algorithm)
	for i := range f.algorithm {
		b.flag(&f.algorithm[i], Text{Zh: "未说明算法备案号", En: "gives no algorithm filing number"}, false)
	}
	o := Outcome{Result: NonCompliant, Checked: b.checked, Flagged: b.flagged, Flags: b.flags, Summary: Text{
		Zh: "服务具有舆论属性或者社会动员能力，但案件和提交材料均未记载算法备案号。",
		En: "The service has public-opinion attributes or social-mobilisation capacity, but neither the case nor any submission gives an algorithm filing number."}}
	return o
}
