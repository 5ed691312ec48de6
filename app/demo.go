package app

import "context"

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

// SeedDemo fills an empty workspace with the demo case. A workspace that
// already holds cases is left alone; created says whether anything was added.
func (a *App) SeedDemo(ctx context.Context) (created bool, err error) {
	cases, err := a.ListCases(ctx)
	if err != nil || len(cases) > 0 {
		return false, err
	}
	if _, err := a.CreateCase(ctx, DemoCase()); err != nil {
		return false, err
	}
	return true, nil
}
