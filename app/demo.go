package app

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/assets"
	"github.com/inspection-workbench/workbench/store/fulltext"
)

// DemoCase is the sample case the demo workspace holds: a fictional
// provider and service, with a credit code that passes the GB 32100 check
// but belongs to no real organisation.
func DemoCase() CaseInput {
	yes := true
	return CaseInput{
		Provider:      "星河智算科技有限公司",
		CreditCode:    "91110108MA7XH2TQ5E",
		Service:       "星河对话 Xinghe Chat",
		FilingNo:      "Beijing-XingheChat-20240315",
		Title:         "星河对话生成式人工智能服务检查 / Xinghe Chat inspection",
		Inspectors:    []string{"张明", "李华"},
		Modalities:    []string{"text", "image"},
		PublicOpinion: &yes,
		// The day the provider handed the material over, as the sample's
		// README gives it: the safety checks count from it.
		ReceivedOn: "2025-07-10",
	}
}

// DemoConcludedCase is the demo workspace's concluded case, awaiting its
// signature: another fictional provider, whose submissions are the sample
// files without the PDF and the incident log.
func DemoConcludedCase() CaseInput {
	no := false
	return CaseInput{
		Provider:      "云帆智能科技有限公司",
		CreditCode:    "91310115MA1K4YF8QJ",
		Service:       "云帆写作助手 Yunfan Writer",
		FilingNo:      "Shanghai-YunfanWriter-20240620",
		Title:         "云帆写作助手检查 / Yunfan Writer inspection",
		Inspectors:    []string{"王芳", "赵磊"},
		Modalities:    []string{"text"},
		PublicOpinion: &no,
	}
}

// DemoSignedCase is the demo workspace's concluded and signed case.
func DemoSignedCase() CaseInput {
	yes := true
	return CaseInput{
		Provider:      "深蓝视觉科技有限公司",
		CreditCode:    "91440300MA5GTR2L7D",
		Service:       "深蓝绘图 Shenlan Draw",
		FilingNo:      "Guangdong-ShenlanDraw-20231108",
		Title:         "深蓝绘图检查（已签署）/ Shenlan Draw inspection (signed)",
		Inspectors:    []string{"陈静", "刘洋"},
		Modalities:    []string{"text", "image"},
		PublicOpinion: &yes,
	}
}

// SeedDemo fills an empty workspace with the demo case and imports the
// sample provider's submissions into it, nothing more: tests start from
// it. A workspace that already holds cases is left alone; created says
// whether anything was added. SeedDemoWorkspace builds the whole demo.
func (a *App) SeedDemo(ctx context.Context) (created bool, err error) {
	cases, err := a.ListCases(ctx)
	if err != nil || len(cases) > 0 {
		return false, err
	}
	if _, err := a.seedCase(ctx, DemoCase(), false); err != nil {
		return true, err
	}
	return true, nil
}

// SeedDemoWorkspace fills an empty workspace with the demo: the sample
// case with its inspection in progress (some items assessed, some
// proposals decided, others pending), a second case concluded and
// awaiting signature, and a third concluded and signed. A workspace that
// already holds cases is left alone; created says whether anything was
// added. Dates are relative to today, so one finding of the sample case is
// overdue.
func (a *App) SeedDemoWorkspace(ctx context.Context) (created bool, err error) {
	cases, err := a.ListCases(ctx)
	if err != nil || len(cases) > 0 {
		return false, err
	}
	today := a.now()
	in := DemoCase()
	in.OpenedOn = today.AddDate(0, 0, -14).Format(DateLayout)
	id, err := a.seedCase(ctx, in, false)
	if err != nil {
		return true, err
	}
	if err := a.seedInProgress(ctx, id, today); err != nil {
		return true, fmt.Errorf("demo case %d: %w", id, err)
	}
	for _, c := range []struct {
		in   CaseInput
		ago  int // days since the case was opened
		sign bool
	}{{DemoConcludedCase(), 40, false}, {DemoSignedCase(), 90, true}} {
		c.in.OpenedOn = today.AddDate(0, 0, -c.ago).Format(DateLayout)
		id, err := a.seedCase(ctx, c.in, true)
		if err != nil {
			return true, err
		}
		if err := a.seedConcluded(ctx, id, today, c.sign); err != nil {
			return true, fmt.Errorf("demo case %d: %w", id, err)
		}
	}
	return true, nil
}

// seedCase creates a demo case and imports the sample files into it; when
// brief, not the PDF (its engine takes a while to start), the incident
// log, the keyword library (thousands of records to index) nor the label
// samples.
func (a *App) seedCase(ctx context.Context, in CaseInput, brief bool) (int64, error) {
	c, err := a.CreateCase(ctx, in)
	if err != nil {
		return 0, fmt.Errorf("demo case: %w", err)
	}
	dir, err := os.MkdirTemp("", "wb-demo-*")
	if err != nil {
		return c.ID, fmt.Errorf("demo sample: %w", err)
	}
	defer os.RemoveAll(dir)
	entries, err := fs.ReadDir(assets.Demo, "demo")
	if err != nil {
		return c.ID, fmt.Errorf("demo sample: %w", err)
	}
	// Documents carry no headers to tell their kind from.
	documentKinds := map[string]workbench.Kind{
		"annotation-rules.docx":     workbench.AnnotationRule,
		"algorithm-description.pdf": workbench.Algorithm,
	}
	var files []string
	var documents []ImportRequest
	for _, e := range entries {
		if brief && (e.Name() == "algorithm-description.pdf" || e.Name() == "incidents.csv" || e.Name() == "keyword-library.xlsx") {
			continue
		}
		if e.IsDir() {
			if e.Name() == "labels" && !brief {
				req, err := demoLabelSamples(dir, c.ID)
				if err != nil {
					return c.ID, err
				}
				documents = append(documents, req)
			}
			continue
		}
		data, err := fs.ReadFile(assets.Demo, "demo/"+e.Name())
		if err != nil {
			return c.ID, fmt.Errorf("demo sample %s: %w", e.Name(), err)
		}
		p := filepath.Join(dir, e.Name())
		if err := os.WriteFile(p, data, 0o600); err != nil {
			return c.ID, fmt.Errorf("demo sample %s: %w", e.Name(), err)
		}
		if k, ok := documentKinds[e.Name()]; ok {
			documents = append(documents, ImportRequest{CaseID: c.ID, Label: workbench.TradeSecret, Kind: k, Files: []string{p}})
			continue
		}
		files = append(files, p)
	}
	for _, req := range append([]ImportRequest{{CaseID: c.ID, Label: workbench.TradeSecret, Files: files}}, documents...) {
		reports, err := a.Import(ctx, req)
		if err != nil {
			return c.ID, fmt.Errorf("import demo sample: %w", err)
		}
		for _, r := range reports {
			if r.Status == StatusFailed {
				return c.ID, fmt.Errorf("import demo sample %s: %s", filepath.Base(r.File), r.Error)
			}
		}
	}
	return c.ID, nil
}

// demoLabelSamples writes the sample's generated images (labels/) into
// dir and returns their import as label samples.
func demoLabelSamples(dir string, caseID int64) (ImportRequest, error) {
	req := ImportRequest{CaseID: caseID, Label: workbench.TradeSecret, Kind: workbench.LabelSample}
	entries, err := fs.ReadDir(assets.Demo, "demo/labels")
	if err != nil {
		return req, fmt.Errorf("demo label samples: %w", err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(assets.Demo, "demo/labels/"+e.Name())
		if err != nil {
			return req, fmt.Errorf("demo label sample %s: %w", e.Name(), err)
		}
		p := filepath.Join(dir, e.Name())
		if err := os.WriteFile(p, data, 0o600); err != nil {
			return req, fmt.Errorf("demo label sample %s: %w", e.Name(), err)
		}
		req.Files = append(req.Files, p)
	}
	return req, nil
}

// demoAssessment is an inspector's work on one item of a demo case.
type demoAssessment struct {
	item, result, severity string
	note, finding          string
	deadline               int // days from today; 0 for none
	evidence               []string
}

// The sample case's inspection in progress: the proposals for these items
// are accepted, one is overridden, the others stay pending; these items
// are assessed by hand.
var (
	demoAccepted   = []string{"art7-2-intellectual-property", "art7-3-personal-information", "art8-annotation-rules"}
	demoOverridden = struct{ item, result, reason string }{"art12-content-labelling", "partially_compliant",
		"算法说明写明图片加水印，但抽查的 20 张生成图片中 3 张无隐式标识。\nThe algorithm description says images are watermarked, but 3 of 20 generated images sampled carry no implicit label."}
	demoAssessed = []demoAssessment{
		{item: "art4-1-prohibited-content", result: "compliant",
			note: "现场抽查 200 条生成内容，未见违法内容。\nSampled 200 generated outputs on site; none was unlawful."},
		{item: "art19-1-data-source", result: "compliant", evidence: []string{"DS-01", "DS-02", "DS-03"},
			note: "训练数据来源说明逐项列明来源、类别和合法性依据。\nThe data-source statement lists each source with its category and lawful basis."},
		{item: "art7-2-intellectual-property", severity: "high", deadline: 30},
		{item: "art7-3-personal-information", severity: "high", deadline: -5},
		{item: "art12-content-labelling", severity: "medium", deadline: 45,
			finding: "部分生成图片未按规定添加隐式标识。\nSome generated images carry no implicit label as required."},
		{item: "art10-users-minors", result: "info_requested",
			note: "已要求提供未成年人模式的设置说明和上线日期。\nAsked for the minors' mode settings and the date it went live."},
		{item: "art9-2-service-agreement", result: "partially_compliant", severity: "low", deadline: 60,
			note:    "服务协议未写明投诉处理时限。\nThe service agreement states no time limit for complaints.",
			finding: "服务协议缺少投诉处理时限条款。\nThe service agreement lacks a clause on the time limit for complaints."},
	}
)

// seedInProgress starts the sample case's inspection, runs the automated
// checks and records an inspector's first steps.
func (a *App) seedInProgress(ctx context.Context, caseID int64, today time.Time) error {
	if _, err := a.StartInspection(ctx, caseID, ""); err != nil {
		return err
	}
	if _, err := a.RunChecks(ctx, caseID); err != nil {
		return err
	}
	st, err := a.InspectionStatus(ctx, caseID)
	if err != nil {
		return err
	}
	has := func(item string) bool {
		return slices.ContainsFunc(st.Items, func(it ItemStatus) bool { return it.ID == item && it.Proposal != nil })
	}
	for _, item := range demoAccepted {
		if has(item) {
			if _, err := a.AcceptProposal(ctx, caseID, item); err != nil {
				return err
			}
		}
	}
	if o := demoOverridden; has(o.item) {
		if _, err := a.OverrideProposal(ctx, caseID, o.item, o.result, o.reason); err != nil {
			return err
		}
	}
	for _, d := range demoAssessed {
		if err := a.seedAssess(ctx, caseID, today, d); err != nil {
			return err
		}
	}
	return nil
}

// demoEvidence turns the record identifiers the demo cites into hit ids
// where an identifier names several records: the sample's corpus checks
// name the data sources (DS-01 …) as the data-source statement does, and
// the demo cites the statement's record.
func (a *App) demoEvidence(ctx context.Context, caseID int64, refs []string) ([]string, error) {
	out := make([]string, 0, len(refs))
	for _, ref := range refs {
		ms, err := a.store.RecordsByRef(ctx, caseID, ref)
		if err != nil {
			return nil, err
		}
		if len(ms) > 1 {
			for _, m := range ms {
				if !slices.Contains(workbench.SafetyKinds, workbench.Kind(m.Submission.Kind)) {
					ref = fulltext.RecordHitID(m.Record.ID)
					break
				}
			}
		}
		out = append(out, ref)
	}
	return out, nil
}

// seedAssess records d, leaving alone what it does not give.
func (a *App) seedAssess(ctx context.Context, caseID int64, today time.Time, d demoAssessment) error {
	evidence, err := a.demoEvidence(ctx, caseID, d.evidence)
	if err != nil {
		return fmt.Errorf("assess %s: %w", d.item, err)
	}
	in := AssessInput{CaseID: caseID, ItemID: d.item, Result: d.result, Evidence: evidence}
	opt := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	in.Severity, in.Note, in.Finding = opt(d.severity), opt(d.note), opt(d.finding)
	if d.deadline != 0 {
		in.Deadline = opt(today.AddDate(0, 0, d.deadline).Format(DateLayout))
	}
	if _, err := a.Assess(ctx, in); err != nil {
		return fmt.Errorf("assess %s: %w", d.item, err)
	}
	return nil
}

// seedConcluded takes a case through a whole inspection: every proposal
// accepted, every other item found compliant, a severity and deadline for
// each finding; then concludes it, and signs it when sign is set.
func (a *App) seedConcluded(ctx context.Context, caseID int64, today time.Time, sign bool) error {
	if _, err := a.StartInspection(ctx, caseID, ""); err != nil {
		return err
	}
	run, err := a.RunChecks(ctx, caseID)
	if err != nil {
		return err
	}
	var keys []string
	for _, p := range run.Proposals {
		if p.Decision == DecisionPending {
			keys = append(keys, p.Key())
		}
	}
	if len(keys) > 0 {
		if _, err := a.AcceptProposals(ctx, caseID, keys...); err != nil {
			return err
		}
	}
	st, err := a.InspectionStatus(ctx, caseID)
	if err != nil {
		return err
	}
	for i, it := range st.Items {
		d := demoAssessment{item: it.ID}
		switch it.Result {
		case ResultNotAssessed:
			d.result = "compliant"
			d.note = "已核查提交材料，未见问题。\nReviewed the submissions; no problem found."
		case "non_compliant", "partially_compliant":
			d.severity = []string{"medium", "high", "low"}[i%3]
			d.deadline = 30 + i
			if it.Finding == "" {
				d.finding = "见所附证据。\nSee the evidence cited."
			}
		default:
			continue
		}
		if err := a.seedAssess(ctx, caseID, today, d); err != nil {
			return err
		}
	}
	if err := a.ConcludeInspection(ctx, caseID); err != nil {
		return err
	}
	if sign {
		if _, err := a.SignInspection(ctx, caseID); err != nil {
			return err
		}
	}
	return nil
}
