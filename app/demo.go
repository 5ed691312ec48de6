package app

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/inspection-workbench/workbench/assets"
	"github.com/inspection-workbench/workbench/importers"
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
	}
}

// SeedDemo fills an empty workspace with the demo case and imports the
// sample provider's submissions into it. A workspace that already holds
// cases is left alone; created says whether anything was added.
func (a *App) SeedDemo(ctx context.Context) (created bool, err error) {
	cases, err := a.ListCases(ctx)
	if err != nil || len(cases) > 0 {
		return false, err
	}
	c, err := a.CreateCase(ctx, DemoCase())
	if err != nil {
		return false, err
	}
	dir, err := os.MkdirTemp("", "wb-demo-*")
	if err != nil {
		return true, fmt.Errorf("demo sample: %w", err)
	}
	defer os.RemoveAll(dir)
	entries, err := fs.ReadDir(assets.Demo, "demo")
	if err != nil {
		return true, fmt.Errorf("demo sample: %w", err)
	}
	// Documents carry no headers to tell their kind from.
	documentKinds := map[string]importers.Kind{
		"annotation-rules.docx":     importers.AnnotationRule,
		"algorithm-description.pdf": importers.Algorithm,
	}
	var files []string
	var documents []ImportRequest
	for _, e := range entries {
		data, err := fs.ReadFile(assets.Demo, "demo/"+e.Name())
		if err != nil {
			return true, fmt.Errorf("demo sample %s: %w", e.Name(), err)
		}
		p := filepath.Join(dir, e.Name())
		if err := os.WriteFile(p, data, 0o600); err != nil {
			return true, fmt.Errorf("demo sample %s: %w", e.Name(), err)
		}
		if k, ok := documentKinds[e.Name()]; ok {
			documents = append(documents, ImportRequest{CaseID: c.ID, Label: importers.TradeSecret, Kind: k, Files: []string{p}})
			continue
		}
		files = append(files, p)
	}
	for _, req := range append([]ImportRequest{{CaseID: c.ID, Label: importers.TradeSecret, Files: files}}, documents...) {
		reports, err := a.Import(ctx, req)
		if err != nil {
			return true, fmt.Errorf("import demo sample: %w", err)
		}
		for _, r := range reports {
			if r.Status == StatusFailed {
				return true, fmt.Errorf("import demo sample %s: %s", filepath.Base(r.File), r.Error)
			}
		}
	}
	return true, nil
}
