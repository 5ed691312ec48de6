package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// checkJSONShape is the JSON shape of wb check.
type checkJSONShape struct {
	Proposals []struct {
		Rule     string `json:"rule"`
		Item     string `json:"item"`
		Article  string `json:"article"`
		Result   string `json:"result"`
		Checked  int    `json:"checked"`
		Flagged  int    `json:"flagged"`
		Problems int    `json:"problems"`
		Unclear  int    `json:"unclear"`
		Params   []struct {
			Name   string         `json:"name"`
			Value  any            `json:"value"`
			Source map[string]any `json:"source"`
		} `json:"params"`
		Records []struct {
			ID   string `json:"id"`
			File string `json:"file"`
			Row  int    `json:"row"`
			Hit  string `json:"hit"`
		} `json:"records"`
		Decision string `json:"decision"`
	} `json:"proposals"`
	Added int `json:"added"`
	Kept  int `json:"kept"`
}

func TestCheckCommands(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河对话", "--modality", "text,image",
		"--public-opinion", "--filing-no", "Beijing-XingheChat-20240315", "--inspector", "张明")
	ok(t, "import", "--workspace", ws, "--case", "1", sampleFile("incidents.csv"), sampleFile("data-sources.xlsx"),
		sampleFile("annotation-qa.csv"), sampleFile("algorithm.json"))
	assertFailure(t, wb(t, nil, "check", "--workspace", ws, "--case", "1"), 1, "no inspection yet")
	ok(t, "inspect", "start", "--workspace", ws, "--case", "1")

	var run checkJSONShape
	decode(t, ok(t, "check", "--workspace", ws, "--case", "1", "--json"), &run)
	if len(run.Proposals) != 16 || run.Added != 16 {
		t.Fatalf("wb check --json: %d proposals, %d added", len(run.Proposals), run.Added)
	}
	found := map[string][]string{}
	for _, p := range run.Proposals {
		if p.Rule == "" || p.Item == "" || !strings.HasPrefix(p.Article, "Art. ") || p.Result == "" || p.Decision != "pending" {
			t.Errorf("proposal %+v", p)
		}
		if p.Problems+p.Unclear != p.Flagged {
			t.Errorf("%s: %d problems and %d unclear of %d flagged", p.Rule, p.Problems, p.Unclear, p.Flagged)
		}
		if p.Rule == "harmful_share" && (len(p.Params) != 1 || p.Params[0].Name != "max_share" || p.Params[0].Value != 0.05 ||
			!strings.Contains(p.Params[0].Source["en"].(string), "TC260-003-2024 §5.1 a")) {
			t.Errorf("harmful_share params %+v", p.Params)
		}
		for _, r := range p.Records {
			if r.File == "" || r.Row == 0 || !strings.HasPrefix(r.Hit, "rec-") {
				t.Errorf("record %+v", r)
			}
			found[p.Rule] = append(found[p.Rule], r.ID)
		}
	}
	if got := strings.Join(found["pi_legal_basis"], ","); got != "DS-07" {
		t.Errorf("pi_legal_basis flags %s", got)
	}
	if got := strings.Join(found["illegal_content_report"], ","); got != "INC-0684,INC-0751,INC-1850" {
		t.Errorf("illegal_content_report flags %s", got)
	}

	out := ok(t, "check", "--workspace", ws, "--case", "1")
	for _, want := range []string{
		"art7-3-personal-information/pi_legal_basis  Art. 7(3)  non_compliant  [pending]",
		`DS-07  data-sources.xlsx sheet "数据来源", row 10  (rec-`,
		"(0 new or changed, 16 as before); 16 awaiting a decision.",
		"  checked 15, problems 1, unclear 0\n",
		"  max_share = 0.05 — TC260-003-2024 §5.1 a; GB/T 45654-2025 §5.1 a",
		"  safety_min_accuracy = 0.95 — GB/T 45674-2025 §8.3",
		"wb check accept --case 1 ITEM[/RULE[@DIGEST]]",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("wb check lacks %q:\n%s", want, out)
		}
	}

	out = ok(t, "check", "accept", "--workspace", ws, "--case", "1", "art7-3-personal-information", "art14-1-illegal-content/illegal_content_report")
	if out != "Case 1, art7-3-personal-information: accepted; result non_compliant, 1 evidence link\n"+
		"Case 1, art14-1-illegal-content: accepted; result non_compliant, 3 evidence links\n" {
		t.Errorf("check accept printed %q", out)
	}
	assertFailure(t, wb(t, nil, "check", "accept", "--workspace", ws, "--case", "1", "art7-3-personal-information"), 1,
		"no pending proposal for art7-3-personal-information", "(accepted)")
	// A batch is all or nothing.
	assertFailure(t, wb(t, nil, "check", "accept", "--workspace", ws, "--case", "1", "art8-annotation-quality", "art99-x"), 1,
		"no proposal for \"art99-x\"", "wb check --list shows the proposals")
	ok(t, "check", "accept", "--workspace", ws, "--case", "1", "art8-annotation-quality")
	assertFailure(t, wb(t, nil, "check", "accept", "--workspace", ws, "--case", "1"), 2, "name at least one proposal")
	assertFailure(t, wb(t, nil, "check", "override", "--workspace", ws, "--case", "1", "art15-complaints", "--result", "compliant"), 2,
		"--reason is required")
	assertFailure(t, wb(t, nil, "check", "override", "--workspace", ws, "--case", "1", "art15-complaints"), 2, "--result is required")
	out = ok(t, "check", "override", "--workspace", ws, "--case", "1", "art15-complaints", "--result", "partially_compliant",
		"--reason", "两起投诉跨春节假期")
	if out != "Case 1, art15-complaints: overridden; result partially_compliant\n" {
		t.Errorf("check override printed %q", out)
	}
	out = ok(t, "check", "--workspace", ws, "--case", "1", "--list")
	if !strings.Contains(out, "[overridden → partially_compliant: 两起投诉跨春节假期]") || !strings.Contains(out, "[accepted]") {
		t.Errorf("check --list:\n%s", out)
	}
	var items struct {
		Items []itemJSON `json:"items"`
	}
	decode(t, ok(t, "inspect", "status", "--workspace", ws, "--case", "1", "--json"), &items)
	for _, it := range items.Items {
		switch it.ID {
		case "art15-complaints":
			if it.Result != "partially_compliant" || it.Proposal == nil || it.Proposal.Result != "non_compliant" || it.Proposal.Decision != "overridden" {
				t.Errorf("status of %s: %+v %+v", it.ID, it, it.Proposal)
			}
		case "art10-users-minors":
			if it.Proposal != nil {
				t.Errorf("status of %s shows a proposal", it.ID)
			}
		}
	}
}

// TestInspectLifecycleCommands concludes, signs and verifies an inspection
// from the command line, then changes the database behind the workbench's
// back and expects verify to name the change and exit 1.
func TestInspectLifecycleCommands(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河对话", "--inspector", "张明", "--inspector", "李华")
	ok(t, "import", "--workspace", ws, "--case", "1", sampleFile("data-sources.xlsx"))
	ok(t, "inspect", "start", "--workspace", ws, "--case", "1")
	assertFailure(t, wb(t, nil, "inspect", "sign", "--workspace", ws, "--case", "1"), 1, "conclude it first")
	assertFailure(t, wb(t, nil, "inspect", "verify", "--workspace", ws, "--case", "1"), 1, "has not been signed")
	assertFailure(t, wb(t, nil, "inspect", "conclude", "--workspace", ws, "--case", "1"), 1, "cannot be concluded yet", "art4-1-prohibited-content: not assessed")

	var items struct {
		Items []itemJSON `json:"items"`
	}
	decode(t, ok(t, "inspect", "status", "--workspace", ws, "--case", "1", "--json"), &items)
	for _, it := range items.Items {
		ok(t, "assess", "--workspace", ws, "--case", "1", it.ID, "--result", "not_applicable")
	}
	ok(t, "assess", "--workspace", ws, "--case", "1", "art7-3-personal-information", "--result", "non_compliant", "--evidence", "DS-07",
		"--finding", "DS-07 未说明个人信息处理依据", "--deadline", "2026-12-31")
	if out := ok(t, "inspect", "conclude", "--workspace", ws, "--case", "1"); out != "Case 1's inspection is now concluded\n" {
		t.Errorf("conclude printed %q", out)
	}
	assertFailure(t, wb(t, nil, "assess", "--workspace", ws, "--case", "1", "art7-3-personal-information", "--result", "compliant"), 1,
		"is concluded; it can no longer be changed")
	ok(t, "inspect", "reopen", "--workspace", ws, "--case", "1")
	ok(t, "inspect", "conclude", "--workspace", ws, "--case", "1")

	var sig struct {
		SHA256   string   `json:"sha256"`
		SignedBy []string `json:"signed_by"`
		Format   string   `json:"format"`
	}
	decode(t, ok(t, "inspect", "sign", "--workspace", ws, "--case", "1", "--json"), &sig)
	if len(sig.SHA256) != 64 || strings.Join(sig.SignedBy, ",") != "张明,李华" || sig.Format == "" {
		t.Errorf("sign --json: %+v", sig)
	}
	assertFailure(t, wb(t, nil, "assess", "--workspace", ws, "--case", "1", "art7-3-personal-information", "--result", "compliant"), 1,
		"is signed; it can no longer be changed")
	assertFailure(t, wb(t, nil, "inspect", "reopen", "--workspace", ws, "--case", "1"), 1, "is signed, not concluded")
	out := ok(t, "inspect", "verify", "--workspace", ws, "--case", "1")
	if !strings.HasPrefix(out, "Case 1: the inspection matches its signature.\n") || !strings.Contains(out, "Signature:  "+sig.SHA256) {
		t.Errorf("verify printed %q", out)
	}

	db, err := sql.Open("sqlite", filepath.Join(ws, "workbench.db"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`UPDATE inspection_items SET finding = 'nothing' WHERE item_id = 'art7-3-personal-information'`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	// The report goes to stdout, the verdict to stderr, and the exit code
	// is 1.
	r := wb(t, nil, "inspect", "verify", "--workspace", ws, "--case", "1")
	if r.code != 1 || r.stderr != "wb inspect verify: the inspection does not match its signature\n" {
		t.Errorf("verify after tampering: exit %d, stderr %q", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, `art7-3-personal-information, finding: signed "DS-07 未说明个人信息处理依据", now "nothing"`) {
		t.Errorf("verify after tampering printed %q", r.stdout)
	}
	var v struct {
		OK          bool `json:"ok"`
		Differences []struct {
			Item, Field, Signed, Now string
		} `json:"differences"`
	}
	r = wb(t, nil, "inspect", "verify", "--workspace", ws, "--case", "1", "--json")
	decode(t, r.stdout, &v)
	if v.OK || len(v.Differences) != 1 || v.Differences[0].Field != "finding" {
		t.Errorf("verify --json after tampering: %+v", v)
	}
}

// TestEvidenceListAndRemove lists an item's evidence and removes a link,
// by the provider's identifier and by hit id.
func TestEvidenceListAndRemove(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河对话")
	ok(t, "import", "--workspace", ws, "--case", "1", sampleFile("incidents.csv"))
	ok(t, "inspect", "start", "--workspace", ws, "--case", "1")
	ok(t, "check", "--workspace", ws, "--case", "1")
	ok(t, "check", "accept", "--workspace", ws, "--case", "1", "art14-1-illegal-content")
	var evs []struct {
		Ref, Target, File, Location, Quote, SHA256 string
	}
	decode(t, ok(t, "inspect", "evidence", "--workspace", ws, "--case", "1", "art14-1-illegal-content", "--json"), &evs)
	if len(evs) != 5 || evs[0].Ref != "INC-2000" || !strings.HasPrefix(evs[0].Target, "rec-") || evs[0].File != "incidents.csv" ||
		evs[0].Location != "line 2001" || !strings.Contains(evs[0].Quote, "INC-2000") || len(evs[0].SHA256) != 64 {
		t.Fatalf("evidence %+v", evs)
	}
	out := ok(t, "assess", "--workspace", ws, "--case", "1", "art14-1-illegal-content", "--remove-evidence", "INC-2000",
		"--remove-evidence", evs[1].Target)
	if !strings.HasSuffix(out, ", 3 evidence links\n") {
		t.Errorf("assess --remove-evidence printed %q", out)
	}
	assertFailure(t, wb(t, nil, "assess", "--workspace", ws, "--case", "1", "art14-1-illegal-content", "--remove-evidence", "INC-2000"), 1,
		`does not cite "INC-2000"`, "wb inspect evidence")
	if out := ok(t, "inspect", "evidence", "--workspace", ws, "--case", "1", "art14-1-illegal-content"); !strings.HasSuffix(out, "art14-1-illegal-content: 3 evidence links\n") ||
		strings.Contains(out, "INC-2000") {
		t.Errorf("inspect evidence printed %q", out)
	}
}
