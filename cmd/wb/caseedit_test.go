package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestCaseEdit(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	id := strings.TrimSpace(ok(t, "case", "new", "--workspace", ws, "--provider", "星河智酸", "--service", "星河对话",
		"--filing-no", "Beijing-1", "--inspector", "张明", "--modality", "text", "--opened", "2026-11-02", "--received", "2025-07-01"))

	// Only the flags given change; the default title follows the provider.
	var c struct {
		caseOut
		ReceivedOn    string `json:"received_on"`
		PublicOpinion bool   `json:"public_opinion"`
	}
	decode(t, ok(t, "case", "edit", id, "--workspace", ws, "--provider", "星河智算科技有限公司", "--credit-code", "91310115 ma1k4rj73d",
		"--inspector", "李华", "--inspector", "张明", "--modality", "文本,图片", "--public-opinion", "--json"), &c)
	if c.Provider != "星河智算科技有限公司" || c.CreditCode != "91310115MA1K4RJ73D" || c.Service != "星河对话" || c.FilingNo != "Beijing-1" ||
		c.Title != "星河智算科技有限公司 — 星河对话" || !slices.Equal(c.Inspectors, []string{"李华", "张明"}) ||
		!slices.Equal(c.Modalities, []string{"text", "image"}) || !c.PublicOpinion || c.OpenedOn != "2026-11-02" || c.ReceivedOn != "2025-07-01" {
		t.Errorf("after the first edit: %+v", c)
	}

	// The text output is case show's; --received "" clears the date.
	out := ok(t, "case", "edit", id, "--workspace", ws, "--received", "", "--filing-no", "", "--title", "星河对话检查", "--opened", "2026-11-03")
	if show := ok(t, "case", "show", id, "--workspace", ws); out != show {
		t.Errorf("case edit printed\n%s\ncase show prints\n%s", out, show)
	}
	for _, want := range []string{"Received:                  —", "Filing number:             —", "Title:                     星河对话检查", "Opened:                    2026-11-03"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	var cleared struct {
		caseOut
		ReceivedOn *string `json:"received_on"`
	}
	decode(t, ok(t, "case", "show", id, "--workspace", ws, "--json"), &cleared)
	if cleared.ReceivedOn != nil || cleared.FilingNo != "" {
		t.Errorf("after clearing: %+v", cleared)
	}

	// Each edit is one case_edited entry; an edit that changes nothing
	// writes none; the trail stays intact.
	ok(t, "case", "edit", id, "--workspace", ws, "--service", "星河对话")
	var list struct {
		Entries []struct {
			Action  string          `json:"action"`
			Details json.RawMessage `json:"details"`
		} `json:"entries"`
	}
	decode(t, ok(t, "audit", "list", "--workspace", ws, "--case", id, "--json"), &list)
	var edits []string
	for _, e := range list.Entries {
		if e.Action == "case_edited" {
			var b bytes.Buffer
			if err := json.Compact(&b, e.Details); err != nil {
				t.Fatal(err)
			}
			edits = append(edits, b.String())
		}
	}
	if len(edits) != 2 || !strings.Contains(edits[1], `"received_on":{"from":"2025-07-01","to":""}`) {
		t.Errorf("case_edited entries: %q", edits)
	}
	if out := ok(t, "audit", "verify", "--workspace", ws); !strings.Contains(out, "intact") {
		t.Errorf("audit verify: %s", out)
	}

	// A list given once, empty, is emptied; the other list stays.
	decode(t, ok(t, "case", "edit", id, "--workspace", ws, "--inspector", "", "--json"), &c)
	if len(c.Inspectors) != 0 || !slices.Equal(c.Modalities, []string{"text", "image"}) {
		t.Errorf("after --inspector \"\": inspectors %q, modalities %q", c.Inspectors, c.Modalities)
	}
	decode(t, ok(t, "case", "edit", id, "--workspace", ws, "--modality", " ", "--json"), &c)
	if len(c.Modalities) != 0 {
		t.Errorf("after --modality \" \": modalities %q", c.Modalities)
	}
}

func TestCaseEditErrors(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	id := strings.TrimSpace(ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河对话", "--received", "2025-07-01"))
	before := ok(t, "case", "show", id, "--workspace", ws, "--json")
	for _, tt := range []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"--received", "2025-7-10"}, 1, []string{"received date", "2025-7-10", "YYYY-MM-DD"}},
		{[]string{"--opened", "2025-02-30"}, 1, []string{"opened date", "2025-02-30"}},
		{[]string{"--opened", ""}, 1, []string{"opened date is empty"}},
		{[]string{"--provider", " "}, 1, []string{"provider name is empty"}},
		{[]string{"--credit-code", "91310115MA1K4RJ73E"}, 1, []string{"credit code"}},
		{[]string{"--inspector", "张明", "--inspector", "张明"}, 1, []string{"named twice"}},
		{[]string{"--modality", "smell"}, 1, []string{"smell"}},
		{[]string{"--public-opinion=maybe"}, 2, []string{"maybe"}},
		{[]string{"--colour", "red"}, 2, []string{"colour"}},
	} {
		r := wb(t, nil, append([]string{"case", "edit", id, "--workspace", ws}, tt.args...)...)
		assertFailure(t, r, tt.code, append([]string{"wb case edit:"}, tt.want...)...)
	}
	if after := ok(t, "case", "show", id, "--workspace", ws, "--json"); after != before {
		t.Errorf("refused edits changed the case:\n%s\nwas\n%s", after, before)
	}
	assertFailure(t, wb(t, nil, "case", "edit", "42", "--workspace", ws, "--received", "2025-07-10"), 1, "case 42 not found")
	assertFailure(t, wb(t, nil, "case", "edit", "x1", "--workspace", ws), 1, "not a case number")
	assertFailure(t, wb(t, nil, "case", "edit", "--workspace", ws, "--title", "t"), 2, "give exactly one case ID")
	assertFailure(t, wb(t, nil, "case", "edit", id, "--workspace", filepath.Join(t.TempDir(), "none")), 1, "no workspace")
}

// A signed case refuses every edit; a concluded one asks to be reopened.
func TestCaseEditClosed(t *testing.T) {
	ws, id := concludedWorkspace(t), "1"
	assertFailure(t, wb(t, nil, "case", "edit", id, "--workspace", ws, "--received", "2025-07-10"), 1, "concluded", "reopen it", "wb inspect reopen --case 1")
	ok(t, "inspect", "sign", "--workspace", ws, "--case", id)
	assertFailure(t, wb(t, nil, "case", "edit", id, "--workspace", ws, "--title", "新标题"), 1, "signed", "can no longer be changed")
	ok(t, "inspect", "verify", "--workspace", ws, "--case", id)
}

// The received date set after the case was opened is what the keyword
// library's age counts to (cf. TestSampleSafetyPlanted, which sets it at
// creation).
func TestCaseEditReceivedCountsKeywordAge(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "sample")
	ws := filepath.Join(t.TempDir(), "ws")
	id := strings.TrimSpace(ok(t, "--workspace", ws, "case", "new", "--provider", "星河智算", "--service", "星河对话"))
	ok(t, "--workspace", ws, "import", "--case", id, filepath.Join(root, "keyword-library.xlsx"))
	ok(t, "--workspace", ws, "inspect", "start", "--case", id, "--template", "gb45654-2025")
	updated := func() string {
		t.Helper()
		var run struct {
			Proposals []struct {
				Rule    string `json:"rule"`
				Result  string `json:"result"`
				Summary struct {
					En string `json:"en"`
				} `json:"summary"`
			} `json:"proposals"`
		}
		decode(t, ok(t, "--workspace", ws, "check", "--case", id, "--json"), &run)
		for _, p := range run.Proposals {
			if p.Rule == "keyword_library_updated" {
				return p.Result + ": " + p.Summary.En
			}
		}
		t.Fatal("keyword_library_updated did not run")
		return ""
	}
	const want = "last updated 2025-07-01, 9 days before its submission on 2025-07-10: more than 7"
	if got := updated(); strings.Contains(got, "2025-07-10") {
		t.Fatalf("before the received date is set: %s", got)
	}
	ok(t, "--workspace", ws, "case", "edit", id, "--received", "2025-07-10")
	if got := updated(); !strings.HasPrefix(got, "non_compliant: ") || !strings.Contains(got, want) {
		t.Errorf("after case edit --received 2025-07-10:\n%s\nwant non_compliant saying\n%s", got, want)
	}
}
