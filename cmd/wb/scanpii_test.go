package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func piiFile(name string) string { return filepath.Join("..", "..", "testdata", "pii", name) }

func TestScanPIIAndLabelCommands(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河对话")
	ok(t, "import", "--workspace", ws, "--case", "1", "--kind", "incident", piiFile("incidents-pii.csv"))
	ok(t, "import", "--workspace", ws, "--case", "1", "--kind", "annotation_rule", "--label", "state_secret", piiFile("complaint-notes.md"))

	var labels []labelJSON
	decode(t, ok(t, "label", "--workspace", ws, "--case", "1", "--json"), &labels)
	if len(labels) != 2 || labels[0].Label != "internal" || labels[1].Label != "state_secret" || labels[0].File != "incidents-pii.csv" {
		t.Fatalf("labels %+v", labels)
	}

	var rep struct {
		CaseID      int64 `json:"case_id"`
		Submissions []struct {
			SubmissionID int64          `json:"submission_id"`
			File         string         `json:"file"`
			Label        string         `json:"label"`
			LabelBefore  string         `json:"label_before"`
			Scanned      bool           `json:"scanned"`
			Counts       map[string]int `json:"counts"`
			Total        int            `json:"total"`
			Found        []struct {
				Type, Hit, Ref, Location, Field, Value string
			} `json:"found"`
			Truncated bool `json:"truncated"`
		} `json:"submissions"`
		Totals map[string]int `json:"totals"`
		Raised int            `json:"raised"`
	}
	out := ok(t, "scan-pii", "--workspace", ws, "--case", "1", "--json")
	decode(t, out, &rep)
	if rep.CaseID != 1 || len(rep.Submissions) != 2 || rep.Raised != 1 ||
		rep.Totals["resident_id"] != 2 || rep.Totals["mobile"] != 3 || rep.Totals["email"] != 2 || rep.Totals["bank_card"] != 1 {
		t.Fatalf("scan-pii --json: %s", out)
	}
	s := rep.Submissions[0]
	if s.Label != "personal_info" || s.LabelBefore != "internal" || !s.Scanned || s.Total != 6 || len(s.Found) != 6 ||
		s.Found[0].Type != "resident_id" || s.Found[0].Ref != "INC-9001" || s.Found[0].Location != "line 2" ||
		s.Found[0].Field != "description" || s.Found[0].Value != "110**************X" {
		t.Errorf("incident log: %+v", s)
	}
	if rep.Submissions[1].Label != "state_secret" || rep.Submissions[1].LabelBefore != "" {
		t.Errorf("a state secret was changed: %+v", rep.Submissions[1])
	}
	for _, raw := range []string{"11010519491231002X", "13800138000", "zhangsan@", "6222021234567890128"} {
		if strings.Contains(out, raw) {
			t.Errorf("scan-pii prints %q unmasked", raw)
		}
	}

	// The text report: a row per submission, then where.
	text := ok(t, "scan-pii", "--workspace", ws, "--case", "1")
	for _, want := range []string{"incidents-pii.csv", "personal_info", "INC-9004 (rec-", "line 5, description  ***************0128",
		"139-****-5678", "8 pieces of personal information found in the 2 submissions scanned"} {
		if !strings.Contains(text, want) {
			t.Errorf("scan-pii text lacks %q:\n%s", want, text)
		}
	}

	// Labels are changed by id and name, in either language.
	if out := ok(t, "label", "--workspace", ws, "--submission", "1", "商业秘密"); !strings.Contains(out, "label personal_info → trade_secret") {
		t.Errorf("label: %q", out)
	}
	if out := ok(t, "label", "--workspace", ws, "--submission", "1", "trade_secret"); !strings.Contains(out, "already labelled trade_secret") {
		t.Errorf("label again: %q", out)
	}
	assertFailure(t, wb(t, nil, "label", "--workspace", ws, "--submission", "1", "secret"), 1, `unknown label "secret"`, "state_secret")
	assertFailure(t, wb(t, nil, "label", "--workspace", ws, "--submission", "99", "public"), 1, "submission 99 not found")
	assertFailure(t, wb(t, nil, "label", "--workspace", ws, "--submission", "1"), 2, "exactly one LABEL")
	assertFailure(t, wb(t, nil, "label", "--workspace", ws, "public"), 2, "--submission ID")
	assertFailure(t, wb(t, nil, "scan-pii", "--workspace", ws), 2, "--case ID is required")
	assertFailure(t, wb(t, nil, "scan-pii", "--workspace", ws, "--case", "7"), 1, "case 7 not found")
}
