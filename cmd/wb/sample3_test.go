package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The third, independently written sample (testdata/sample3): a register
// with no lawful-basis column and a licence column instead of a copyright
// one, and a ticket log in its team's own words. The checks find the
// three planted problems of each file (EXPECTED.md) and no other.
func TestSample3Expected(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "sample3")
	ws := filepath.Join(t.TempDir(), "ws")
	id := strings.TrimSpace(ok(t, "--workspace", ws, "case", "new", "--provider", "P", "--service", "S"))
	ok(t, "--workspace", ws, "import", "--case", id, filepath.Join(root, "训练数据来源登记表.xlsx"), filepath.Join(root, "事件处置台账.csv"))
	ok(t, "--workspace", ws, "inspect", "start", "--case", id)
	var run struct {
		Proposals []struct {
			Rule     string `json:"rule"`
			Result   string `json:"result"`
			Problems int    `json:"problems"`
			Unclear  int    `json:"unclear"`
			Records  []struct {
				ID string `json:"id"`
			} `json:"records"`
		} `json:"proposals"`
	}
	decode(t, ok(t, "--workspace", ws, "check", "--case", id, "--json"), &run)
	want := map[string]struct {
		result            string
		problems, unclear int
		ids               []string // problems, then unclear, by id
	}{
		// No lawful-basis column: the inspector asks, nothing is found.
		"data_source_lawful_basis": {"info_requested", 0, 14, nil},
		// 序号 7 names no licence; 13 leaves the copyright answer blank.
		"copyright_licence":      {"non_compliant", 1, 1, []string{"7", "13"}},
		"pi_legal_basis":         {"non_compliant", 1, 0, []string{"5"}},
		"harmful_share":          {"non_compliant", 1, 0, []string{"10"}},
		"illegal_content_action": {"non_compliant", 1, 0, []string{"GD20250224010"}},
		"illegal_content_report": {"compliant", 0, 0, nil},
		"pi_requests_handled":    {"non_compliant", 1, 0, []string{"GD20250506022"}},
		"complaint_time_limit":   {"non_compliant", 1, 0, []string{"GD20250303011"}},
	}
	seen := 0
	for _, p := range run.Proposals {
		w, ok := want[p.Rule]
		if !ok {
			continue
		}
		seen++
		var ids []string
		for _, r := range p.Records {
			ids = append(ids, r.ID)
		}
		slices.Sort(ids)
		wantIDs := slices.Clone(w.ids)
		slices.Sort(wantIDs)
		if p.Result != w.result || p.Problems != w.problems || p.Unclear != w.unclear || (w.ids != nil && !slices.Equal(ids, wantIDs)) {
			t.Errorf("%s: %s, %d problems, %d unclear, records %q; want %s, %d, %d, %q", p.Rule, p.Result, p.Problems, p.Unclear, ids, w.result, w.problems, w.unclear, w.ids)
		}
	}
	if seen != len(want) {
		t.Errorf("%d of the %d rules proposed", seen, len(want))
	}
}
