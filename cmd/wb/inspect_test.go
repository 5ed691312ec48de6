package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// itemJSON is the JSON shape of one item in wb assess and wb inspect status.
type itemJSON struct {
	ID       string `json:"id"`
	Result   string `json:"result"`
	Severity string `json:"severity"`
	Evidence int    `json:"evidence"`
	Note     string `json:"note"`
	Finding  string `json:"finding"`
	Deadline string `json:"deadline"`
	Proposal *struct {
		Result   string `json:"result"`
		Decision string `json:"decision"`
	} `json:"proposal"`
	Title struct {
		Zh string `json:"zh"`
		En string `json:"en"`
	} `json:"title"`
	Articles []struct {
		Article int `json:"article"`
	} `json:"articles"`
}

func TestInspectCommands(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河对话")
	ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河绘图")
	ok(t, "import", "--workspace", ws, "--case", "1", sampleFile("incidents.csv"), sampleFile("data-sources.xlsx"))

	// Assessing before the inspection starts.
	assertFailure(t, wb(t, nil, "assess", "--workspace", ws, "--case", "1", "art7-3-personal-information", "--result", "compliant"), 1,
		"case 1 has no inspection yet", "wb inspect start --case 1")
	assertFailure(t, wb(t, nil, "inspect", "status", "--workspace", ws, "--case", "1"), 1, "no inspection yet")

	out := ok(t, "inspect", "start", "--workspace", ws, "--case", "1")
	if !strings.HasPrefix(out, "Started inspection of case 1 with template art19-measures-2023 (") || !strings.HasSuffix(out, " items)\n") {
		t.Errorf("inspect start printed %q", out)
	}
	var started struct {
		CaseID   int64  `json:"case_id"`
		Template string `json:"template"`
		Version  string `json:"version"`
		Items    int    `json:"items"`
	}
	decode(t, ok(t, "inspect", "start", "--workspace", ws, "--case", "2", "--template", "art19-measures-2023", "--json"), &started)
	if started.CaseID != 2 || started.Template != "art19-measures-2023" || started.Version == "" || started.Items < 30 {
		t.Errorf("inspect start --json = %+v", started)
	}
	assertFailure(t, wb(t, nil, "inspect", "start", "--workspace", ws, "--case", "1"), 1, "already has an inspection")

	out = ok(t, "assess", "--workspace", ws, "--case", "1", "art7-3-personal-information", "--result", "non_compliant",
		"--severity", "high", "--deadline", "2026-12-31", "--evidence", "DS-07", "--evidence", "INC-0042")
	if out != "Case 1, art7-3-personal-information: non_compliant (high), deadline 2026-12-31, 2 evidence links\n" {
		t.Errorf("assess printed %q", out)
	}
	var item itemJSON
	decode(t, ok(t, "assess", "--workspace", ws, "--case", "1", "art7-3-personal-information", "--result", "non_compliant",
		"--note", "见数据来源表", "--finding", "DS-07 lacks a legal basis", "--evidence", "rec-42", "--json"), &item)
	if item.ID != "art7-3-personal-information" || item.Result != "non_compliant" || item.Severity != "high" || item.Evidence != 2 ||
		item.Note != "见数据来源表" || item.Finding != "DS-07 lacks a legal basis" || item.Deadline != "2026-12-31" || item.Proposal != nil ||
		item.Title.En == "" || item.Title.Zh == "" || len(item.Articles) == 0 || item.Articles[0].Article != 7 {
		t.Errorf("assess --json = %+v", item)
	}

	var status struct {
		Items  []itemJSON     `json:"items"`
		Totals map[string]int `json:"totals"`
	}
	decode(t, ok(t, "inspect", "status", "--workspace", ws, "--case", "1", "--json"), &status)
	if len(status.Items) != started.Items || status.Items[0].ID != "art4-1-prohibited-content" {
		t.Fatalf("status --json has %d items, first %+v", len(status.Items), status.Items[0])
	}
	for _, it := range status.Items {
		if it.ID == "art7-3-personal-information" && (it.Result != "non_compliant" || it.Evidence != 2) {
			t.Errorf("status item %+v", it)
		}
	}
	want := map[string]int{"not_assessed": started.Items - 1, "compliant": 0, "partially_compliant": 0, "non_compliant": 1, "not_applicable": 0, "info_requested": 0}
	if len(status.Totals) != len(want) {
		t.Errorf("totals = %v, want %v", status.Totals, want)
	}
	for k, v := range want {
		if status.Totals[k] != v {
			t.Errorf("totals[%s] = %d, want %d", k, status.Totals[k], v)
		}
	}
	out = ok(t, "inspect", "status", "--workspace", ws, "--case", "1")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "ITEM") || !strings.Contains(lines[0], "EVIDENCE") ||
		!strings.Contains(out, "art7-3-personal-information") || !strings.Contains(out, "1 non_compliant") ||
		!strings.Contains(lines[len(lines)-1], "items:") {
		t.Errorf("inspect status printed:\n%s", out)
	}
}

func TestInspectErrors(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河对话")
	ok(t, "import", "--workspace", ws, "--case", "1", sampleFile("incidents.csv"))
	ok(t, "inspect", "start", "--workspace", ws, "--case", "1")
	for _, tc := range []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"inspect", "start"}, 2, []string{"--case"}},
		{[]string{"inspect", "start", "--case", "1", "extra"}, 2, []string{"unexpected argument"}},
		{[]string{"inspect", "start", "--case", "9"}, 1, []string{"case 9 not found"}},
		{[]string{"inspect", "status"}, 2, []string{"--case"}},
		{[]string{"inspect", "status", "--case", "x"}, 2, []string{"case"}},
		{[]string{"assess", "--case", "1", "art7-1-lawful-sources"}, 2, []string{"--result is required"}},
		{[]string{"assess", "--case", "1", "--result", "compliant"}, 2, []string{"ITEM"}},
		{[]string{"assess", "--result", "compliant", "art7-1-lawful-sources"}, 2, []string{"--case"}},
		{[]string{"assess", "--case", "1", "art7-1", "--result", "compliant"}, 1, []string{"no item", "art7-1-lawful-sources"}},
		{[]string{"assess", "--case", "1", "art7-1-lawful-sources", "--result", "fine"}, 1, []string{"not one of", "partially_compliant"}},
		{[]string{"assess", "--case", "1", "art7-1-lawful-sources", "--result", "compliant", "--severity", "huge"}, 1, []string{"severity", "critical"}},
		{[]string{"assess", "--case", "1", "art7-1-lawful-sources", "--result", "compliant", "--deadline", "2026-13-01"}, 1, []string{"YYYY-MM-DD"}},
		{[]string{"assess", "--case", "1", "art7-1-lawful-sources", "--result", "compliant", "--evidence", "INC-9999"}, 1, []string{"INC-9999"}},
		{[]string{"assess", "--case", "1", "art7-1-lawful-sources", "--result", "compliant", "--evidence", "rec-999999"}, 1, []string{"no record"}},
	} {
		r := wb(t, nil, append(tc.args, "--workspace", ws)...)
		assertFailure(t, r, tc.code, tc.want...)
	}
	// Nothing of the refused assessments was recorded.
	var status struct {
		Totals map[string]int `json:"totals"`
	}
	decode(t, ok(t, "inspect", "status", "--workspace", ws, "--case", "1", "--json"), &status)
	for k, v := range status.Totals {
		if k != "not_assessed" && v != 0 {
			t.Errorf("totals after refused assessments: %v", status.Totals)
		}
	}
}

// TestInspectTemplates: --template repeats, wb inspect add-template adds a
// template to an open inspection, and the JSON shapes name the templates.
func TestInspectTemplates(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	for _, s := range []string{"一", "二", "三"} {
		ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河"+s)
	}
	type started struct {
		CaseID    int64  `json:"case_id"`
		Template  string `json:"template"`
		Version   string `json:"version"`
		Items     int    `json:"items"`
		Templates []struct {
			ID      string `json:"id"`
			Version string `json:"version"`
			Items   int    `json:"items"`
		} `json:"templates"`
	}
	var both started
	decode(t, ok(t, "inspect", "start", "--workspace", ws, "--case", "1", "--template", "art19-measures-2023", "--template", "gb45654-2025", "--json"), &both)
	if both.Template != "art19-measures-2023" || len(both.Templates) != 2 || both.Templates[1].ID != "gb45654-2025" ||
		both.Items != both.Templates[0].Items+both.Templates[1].Items || both.Templates[1].Items != 10 {
		t.Errorf("inspect start with two templates = %+v", both)
	}
	out := ok(t, "inspect", "start", "--workspace", ws, "--case", "2")
	if !strings.HasPrefix(out, "Started inspection of case 2 with template art19-measures-2023 (") {
		t.Errorf("one template as before: %q", out)
	}
	out = ok(t, "inspect", "add-template", "--workspace", ws, "--case", "2", "--template", "gb45654-2025")
	if !strings.Contains(out, "Added template gb45654-2025 (10 items, named gb45654-2025:ITEM) to the inspection of case 2") {
		t.Errorf("add-template printed %q", out)
	}
	assertFailure(t, wb(t, nil, "inspect", "add-template", "--workspace", ws, "--case", "2", "--template", "gb45654-2025"), 1, "already holds checklist template gb45654-2025")
	assertFailure(t, wb(t, nil, "inspect", "add-template", "--workspace", ws, "--case", "2"), 2, "--template is required")
	assertFailure(t, wb(t, nil, "inspect", "add-template", "--workspace", ws, "--case", "3", "--template", "gb45654-2025"), 1, "no inspection yet")
	assertFailure(t, wb(t, nil, "inspect", "start", "--workspace", ws, "--case", "3", "--template", "gb45654-2025", "--template", "gb45654-2025"), 1, "given twice")

	var status struct {
		Items     []itemJSON `json:"items"`
		Templates []struct {
			ID string `json:"id"`
		} `json:"templates"`
	}
	decode(t, ok(t, "inspect", "status", "--workspace", ws, "--case", "2", "--json"), &status)
	last := status.Items[len(status.Items)-1]
	if len(status.Templates) != 2 || last.ID != "gb45654-2025:implicit-labels" || last.Title.Zh == "" {
		t.Errorf("status of two templates: %+v, last item %+v", status.Templates, last)
	}
	out = ok(t, "assess", "--workspace", ws, "--case", "2", "gb45654-2025:keyword-library", "--result", "info_requested")
	if out != "Case 2, gb45654-2025:keyword-library: info_requested, 0 evidence links\n" {
		t.Errorf("assess an added item: %q", out)
	}
	out = ok(t, "inspect", "status", "--workspace", ws, "--case", "2")
	if !strings.Contains(out, "templates art19-measures-2023 (version 1, 32 items), gb45654-2025 (version 1, 10 items): 42 items") {
		t.Errorf("status printed %q", out)
	}
}
