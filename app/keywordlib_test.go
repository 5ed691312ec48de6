package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// libraryRow is a keyword_library record: keyword, risk, match type.
type libraryRow struct{ keyword, risk, match string }

// addLibrary stores rows as a keyword_library submission of the case, the
// way the importer stores them (canonical fields as JSON), through the
// store. The search index is not brought up to date.
func addLibrary(t *testing.T, a *App, caseID int64, name string, rows []libraryRow) workbench.Submission {
	t.Helper()
	ctx := context.Background()
	sum, _, err := a.Store().Blobs().Put(strings.NewReader(name + fmt.Sprint(rows)))
	if err != nil {
		t.Fatal(err)
	}
	sub := workbench.Submission{CaseID: caseID, SHA256: sum, FileName: name,
		Kind: string(workbench.KeywordLibrary), Label: "internal", Format: "csv", ImporterVersion: "1"}
	w, err := a.Store().BeginSubmission(ctx, sub)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		f := map[string]string{}
		for k, v := range map[string]string{"keyword": r.keyword, "risk": r.risk, "match_type": r.match} {
			if v != "" {
				f[k] = v
			}
		}
		data, _ := json.Marshal(f)
		if err := w.Add(workbench.RecordRow{Row: i + 2, Fields: string(data), Extra: `{}`}); err != nil {
			t.Fatal(err)
		}
	}
	sub, err = w.Commit(nil, len(rows))
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

// sampleLibrary is a library over the demo case's sample files: keywords
// that hit incidents and document passages, one found only in a
// data-source record (out of scope), a regular expression, one written
// like one, one of punctuation only, one with a stray quote, one with a
// space, and categories by code, by group, by name, unknown and none.
var sampleLibrary = []libraryRow{
	{"赌博", "A.1.3", "exact"},
	{"暴力", "A.1.3", "模糊"},
	{"歧视性", "A.2.1", "精确"},
	{`赌.*博`, "A.1.3", "regex"},
	{`赌.{0,3}博`, "A.1.3", "exact"},
	{`"虚假新闻`, "A.1.6", "exact"},
	{"!!!", "A.1.3", ""},
	{"损害 他人", "A.4.3", "exact"},
	{"DS-07", "A.4.5", "exact"},
	{"安全性标注", "A.1", ""},
	{"钓鱼邮件", "其他风险", "exact"},
	{"垃圾营销", "", "exact"},
	{"", "A.1.1", "exact"},
	{"赌博", "A.1.8", "exact"},
}

// scopedCount counts query's hits the independent way: every incident
// submission, and each document of another kind by its file.
func scopedCount(t *testing.T, a *App, caseID int64, query string) int {
	t.Helper()
	n := search(t, a, workbench.SearchRequest{Query: query, CaseID: caseID, Kind: "incident", CountOnly: true}).Total
	subs, err := a.ListSubmissions(context.Background(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range subs {
		if s.Kind != "incident" && s.Passages > 0 {
			n += search(t, a, workbench.SearchRequest{Query: query, CaseID: caseID, Kind: s.Kind, File: s.FileName, CountOnly: true}).Total
		}
	}
	return n
}

func TestRunKeywordLibrary(t *testing.T) {
	a := libraryFreeApp(t)
	ctx := context.Background()
	cases, err := a.ListCases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	caseID := cases[0].ID
	if _, err := a.RunKeywordLibrary(ctx, caseID, LibraryOptions{}, nil); !errors.Is(err, ErrNoKeywordLibrary) {
		t.Fatalf("no library: %v", err)
	}
	lib := addLibrary(t, a, caseID, "关键词库.csv", sampleLibrary)
	var progress []KeywordProgress
	run, err := a.RunKeywordLibrary(ctx, caseID, LibraryOptions{Workers: 2}, func(p KeywordProgress) { progress = append(progress, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(progress) == 0 || progress[len(progress)-1].Done != progress[len(progress)-1].Total {
		t.Errorf("progress %v does not end done", progress)
	}
	if len(run.Library) != 1 || run.Library[0].ID != lib.ID {
		t.Errorf("library %v", run.Library)
	}
	for _, s := range run.Searched {
		if s.Kind != "incident" && s.Passages == 0 || s.Kind == string(workbench.KeywordLibrary) {
			t.Errorf("searched %s (%s)", s.FileName, s.Kind)
		}
	}
	if len(run.Counts) != len(sampleLibrary) {
		t.Fatalf("%d counts for %d keywords", len(run.Counts), len(sampleLibrary))
	}
	problems := map[string]LibraryProblem{`赌.*博`: LibraryRegex, `赌.{0,3}博`: LibraryRegexLike, "!!!": LibraryNothing, "": LibraryEmpty}
	for i, c := range run.Counts {
		if c.Keyword != sampleLibrary[i].keyword || c.Row != i+2 || c.FileName != "关键词库.csv" || c.Hit == "" {
			t.Errorf("count %d: %+v", i, c.LibraryKeyword)
		}
		if want, ok := problems[c.Keyword]; ok {
			if libraryProblem(c.Err) != want || c.Query != "" || c.Total != 0 {
				t.Errorf("%q: query %q, err %v, want problem %s", c.Keyword, c.Query, c.Err, want)
			}
			continue
		}
		if c.Err != nil {
			t.Errorf("%q: %v", c.Keyword, c.Err)
			continue
		}
		if want := scopedCount(t, a, caseID, c.Query); c.Total != want {
			t.Errorf("%q (searched %q): %d hits, want %d", c.Keyword, c.Query, c.Total, want)
		}
		sum := 0
		for _, n := range c.Kind {
			sum += n
		}
		if sum != c.Total {
			t.Errorf("%q: kinds %v do not add up to %d", c.Keyword, c.Kind, c.Total)
		}
	}
	byKeyword := map[string]LibraryCount{}
	for _, c := range run.Counts {
		byKeyword[c.Keyword] = c
	}
	// The stray quote is searched as the phrase; the space joins words.
	if c := byKeyword[`"虚假新闻`]; c.Query != `"虚假新闻"` || c.Total == 0 {
		t.Errorf("stray quote: %+v", c)
	}
	if c := byKeyword["损害 他人"]; c.Query != `"损害 他人"` || c.Total == 0 {
		t.Errorf("space: %+v", c)
	}
	// A word only in a data-source record is not counted; one in the
	// annotation rules counts their passages, not the QA rows.
	if c := byKeyword["DS-07"]; c.Total != 0 || search(t, a, workbench.SearchRequest{Query: c.Query, CaseID: caseID, CountOnly: true}).Total == 0 {
		t.Errorf("DS-07: %d in scope", c.Total)
	}
	c := byKeyword["安全性标注"]
	all := search(t, a, workbench.SearchRequest{Query: c.Query, CaseID: caseID, CountOnly: true})
	if c.Total == 0 || c.Total >= all.Total || c.Kind["annotation_rule"] != c.Total {
		t.Errorf("安全性标注: %d in scope (%v) of %d", c.Total, c.Kind, all.Total)
	}

	// Categories: every risk of the standard, the group named, the
	// unknown category as written and the keywords without one.
	if len(run.Risks) != len(workbench.Risks)+3 {
		t.Errorf("%d risk rows", len(run.Risks))
	}
	rows := map[string]RiskHits{}
	for _, h := range run.Risks {
		rows[string(h.Risk)+"|"+h.Written] = h
	}
	a13 := rows["A.1.3|"]
	wantRows := scopedCount(t, a, caseID, "赌博 OR 暴力")
	if a13.Keywords != 5 || a13.Searched != 2 || a13.WithHits != 2 || a13.Rows != wantRows || wantRows == 0 {
		t.Errorf("A.1.3: %+v, want 5 keywords, 2 searched, 2 with hits, %d rows", a13, wantRows)
	}
	if h := rows["A.1.8|"]; h.Keywords != 1 || h.Rows != byKeyword["赌博"].Total {
		t.Errorf("A.1.8: %+v", h)
	}
	if h := rows["A.1|"]; h.Keywords != 1 || h.Rows != c.Total {
		t.Errorf("A.1 group: %+v", h)
	}
	if h := rows["|其他风险"]; h.Keywords != 1 || h.Rows != byKeyword["钓鱼邮件"].Total || h.Rows == 0 || !strings.Contains(h.Name().Zh, "其他风险") {
		t.Errorf("unknown category: %+v", h)
	}
	if h := rows["|"]; h.Keywords != 1 || h.Rows != byKeyword["垃圾营销"].Total {
		t.Errorf("no category: %+v", h)
	}
	if h := rows["A.1.1|"]; h.Keywords != 1 || h.Searched != 0 || h.Rows != 0 {
		t.Errorf("A.1.1 (an empty keyword): %+v", h)
	}
	if h := rows["A.5.2|"]; h.Keywords != 0 || h.Rows != 0 || h.Name().Zh == "A.5.2 " {
		t.Errorf("A.5.2: %+v", h)
	}
	if run.Risks[0].Risk != "A.1" || run.Risks[1].Risk != "A.1.1" || run.Risks[len(run.Risks)-1].Written != "" || run.Risks[len(run.Risks)-1].Risk != "" {
		t.Errorf("order: first %+v %+v, last %+v", run.Risks[0], run.Risks[1], run.Risks[len(run.Risks)-1])
	}
	var qs []string
	for _, c := range run.Counts {
		if c.Err == nil {
			qs = append(qs, c.Query)
		}
	}
	if want := scopedCount(t, a, caseID, strings.Join(qs, " OR ")); run.Rows != want || run.Rows >= sumTotals(run.Counts) {
		t.Errorf("rows caught: %d, want %d (each once, fewer than the sum %d)", run.Rows, want, sumTotals(run.Counts))
	}
	n, searched, withHits, regex, unsearchable := run.Summary()
	if n != 14 || searched != 10 || regex != 1 || unsearchable != 3 || withHits != 9 {
		t.Errorf("summary %d %d %d %d %d", n, searched, withHits, regex, unsearchable)
	}

	// Cancelled: no run.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := a.RunKeywordLibrary(cctx, caseID, LibraryOptions{}, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func sumTotals(cs []LibraryCount) int {
	n := 0
	for _, c := range cs {
		n += c.Total
	}
	return n
}

func TestLibraryQuery(t *testing.T) {
	for _, tc := range []struct {
		keyword, match, query string
		problem               LibraryProblem
	}{
		{"赌博", "exact", "赌博", ""},
		{"casino", "", "casino", ""},
		{"OR", "exact", `"OR"`, ""},
		{"a OR b", "fuzzy", `"a OR b"`, ""},
		{"-d", "", `"-d"`, ""},
		{"kind:incident", "", `"kind:incident"`, ""},
		{"习近平:", "", `"习近平:"`, ""},
		{"3.15晚会", "", `"3.15晚会"`, ""},
		{"[图片]", "", `"[图片]"`, ""},
		{"a|b", "exact", "", LibraryRegexLike},
		{`\d{6}`, "exact", "", LibraryRegexLike},
		{"赌[0-9]博", "exact", "", LibraryRegexLike},
		{"^赌博$", "exact", "", LibraryRegexLike},
		{"^赌博", "fuzzy", "", LibraryRegexLike},
		{"100$", "exact", `"100$"`, ""},
		{"C++", "exact", `"C++"`, ""},
		{"赌博", "regex", "", LibraryRegex},
		{"……", "", "", LibraryNothing},
		{"  ", "", "", LibraryEmpty},
	} {
		q, err := LibraryQuery(tc.keyword, tc.match)
		if q != tc.query || libraryProblem(err) != tc.problem || (tc.problem != "") != (err != nil) {
			t.Errorf("LibraryQuery(%q, %q) = %q, %v; want %q, %q", tc.keyword, tc.match, q, err, tc.query, tc.problem)
		}
		if q != "" {
			if err := ParseQuery(q); err != nil {
				t.Errorf("%q: %v", q, err)
			}
		}
	}
}

func TestLibraryEvidence(t *testing.T) {
	a := libraryFreeApp(t)
	ctx := context.Background()
	cases, _ := a.ListCases(ctx)
	caseID := cases[0].ID
	lib := addLibrary(t, a, caseID, "关键词库.csv", sampleLibrary)
	run, err := a.RunKeywordLibrary(ctx, caseID, LibraryOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddLibraryEvidence(ctx, "art4-1-prohibited-content", run, "zh"); err == nil {
		t.Fatal("cited without an inspection")
	}
	if _, err := a.StartInspection(ctx, caseID, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddLibraryEvidence(ctx, "no-such-item", run, "zh"); !isField(err, FieldItem) {
		t.Errorf("unknown item: %v", err)
	}
	item := "art4-1-prohibited-content"
	st, err := a.AddLibraryEvidence(ctx, item, run, "zh")
	if err != nil {
		t.Fatal(err)
	}
	// Again, after another run: the link is replaced, not doubled.
	if st, err = a.AddLibraryEvidence(ctx, item, run, "en"); err != nil {
		t.Fatal(err)
	}
	evs, err := a.ItemEvidence(ctx, caseID, item)
	if err != nil {
		t.Fatal(err)
	}
	var ev *workbench.Evidence
	for i := range evs {
		if evs[i].Target == LibraryEvidenceTarget(lib.ID) {
			if ev != nil {
				t.Fatal("cited twice")
			}
			ev = &evs[i]
		}
	}
	if ev == nil || st.Evidence != len(evs) {
		t.Fatalf("evidence %+v, item %+v", evs, st)
	}
	if ev.SHA256 != lib.SHA256 || ev.FileName != "关键词库.csv" || ev.Kind != "keyword_library" || ev.SubmissionID != lib.ID ||
		!strings.Contains(ev.Quote, fmt.Sprintf("%d rows or passages hit", run.Rows)) ||
		!strings.Contains(ev.Quote, "A.1.3 ") || strings.Contains(ev.Quote, "A.5.2") || strings.Contains(ev.Quote, "关键词库应用") {
		t.Errorf("evidence %+v", ev)
	}
	if zh := LibraryQuote(run, "zh"); !strings.Contains(zh, "关键词库应用于本案") || strings.Contains(zh, "keywords") {
		t.Errorf("Chinese quote: %q", zh)
	}
	// It can be removed like any other link, and a closed case refuses.
	if _, err := a.Assess(ctx, AssessInput{CaseID: caseID, ItemID: item, RemoveEvidence: []string{ev.Target}}); err != nil {
		t.Errorf("remove: %v", err)
	}
	if _, err := a.Store().DB().Exec(`UPDATE cases SET status = 'concluded' WHERE id = ?`, caseID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddLibraryEvidence(ctx, item, run, "zh"); ErrorCode(err) != workbench.CodeConflict {
		t.Errorf("cited in a concluded case: %v", err)
	}
}

func TestLibraryBook(t *testing.T) {
	a := libraryFreeApp(t)
	ctx := context.Background()
	cases, _ := a.ListCases(ctx)
	addLibrary(t, a, cases[0].ID, "关键词库.csv", sampleLibrary)
	run, err := a.RunKeywordLibrary(ctx, cases[0].ID, LibraryOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"zh", "en", "both"} {
		path := filepath.Join(t.TempDir(), "lib.xlsx")
		if err := WriteKeywordBook(path, LibraryBook(run, cases[0].Title, lang)); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sheets := f.GetSheetList()
		risk, hits := "Risk categories", "Keyword hits"
		if lang == "zh" {
			risk, hits = "风险类别", "关键词命中"
		}
		if len(sheets) != 3 || sheets[0] != risk || sheets[1] != hits {
			t.Fatalf("%s: sheets %q", lang, sheets)
		}
		rows, _ := f.GetRows(risk, excelize.Options{RawCellValue: true})
		// Header, the 31 risks, the group, the unknown and the uncategorised.
		if len(rows) != 1+len(run.Risks)+1 {
			t.Errorf("%s: %d rows on the risk sheet", lang, len(rows))
		}
		var a13 []string
		for _, r := range rows {
			if len(r) > 0 && r[0] == "A.1.3" {
				a13 = r
			}
		}
		h := run.Risks[0]
		for _, x := range run.Risks {
			if x.Risk == "A.1.3" {
				h = x
			}
		}
		if len(a13) < 6 || a13[2] != "5" || a13[3] != "2" || a13[5] != fmt.Sprint(h.Rows) {
			t.Errorf("%s: A.1.3 row %q, want %+v", lang, a13, h)
		}
		last := rows[len(rows)-1]
		if len(last) < 6 || last[5] != fmt.Sprint(run.Rows) {
			t.Errorf("%s: total row %q, want %d rows", lang, last, run.Rows)
		}
		kw, _ := f.GetRows(hits, excelize.Options{RawCellValue: true})
		if len(kw) != len(run.Counts)+1 {
			t.Errorf("%s: %d keyword rows", lang, len(kw))
		}
		head := strings.Join(kw[0], "|")
		var regexRow []string
		for _, r := range kw {
			if len(r) > 1 && r[1] == `赌.*博` {
				regexRow = r
			}
		}
		wantProblem := LibraryRegex.Text().En
		if lang == "zh" {
			wantProblem = LibraryRegex.Text().Zh
		}
		if !strings.Contains(head, map[string]string{"zh": "风险类别", "en": "Risk category", "both": "风险类别 / Risk category"}[lang]) ||
			len(regexRow) == 0 || !strings.Contains(strings.Join(regexRow, "|"), wantProblem) {
			t.Errorf("%s: header %q, regex row %q", lang, head, regexRow)
		}
		f.Close()
	}
}

// libraryFreeApp is the demo workspace without the sample provider's own
// keyword library, so that a test's library is the only one and its
// figures are the test's.
func libraryFreeApp(t *testing.T) *App {
	t.Helper()
	a := searchApp(t)
	ctx := context.Background()
	if _, err := a.Store().DB().ExecContext(ctx, `DELETE FROM submissions WHERE kind = ?`, string(workbench.KeywordLibrary)); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SyncIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	return a
}
