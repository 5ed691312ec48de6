package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
)

// importFixtures are the files a provider hands over that the importers
// fail on or warn about: the malformed fixtures of testdata/bad, the
// importers' ragged, note-laden and header-less tables, and the sample's
// planted problems. Kind is the kind chosen before importing ("" to tell).
var importFixtures = []struct {
	file string
	kind workbench.Kind
}{
	{"testdata/bad/empty.csv", ""},
	{"testdata/bad/header-only.csv", ""},
	{"testdata/bad/image.csv", ""},
	{"testdata/bad/image.xlsx", ""},
	{"testdata/bad/no-header.csv", ""},
	{"testdata/bad/no-header.csv", workbench.Incident},
	{"testdata/bad/ambiguous.csv", ""},
	{"testdata/bad/not-records.json", ""},
	{"testdata/bad/broken.json", ""},
	{"testdata/bad/broken-line.jsonl", ""},
	{"testdata/bad/deep.json", ""},
	{"testdata/bad/legacy.xls", ""},
	{"testdata/bad/zipbomb.xlsx", ""},
	{"testdata/bad/truncated.xlsx", ""},
	{"testdata/bad/missing.csv", ""},
	{"testdata/bad/image.pdf", workbench.Algorithm},
	{"testdata/bad/truncated.pdf", workbench.Algorithm},
	{"testdata/bad/encrypted.pdf", workbench.Algorithm},
	{"testdata/bad/image.docx", workbench.AnnotationRule},
	{"testdata/bad/truncated.docx", workbench.AnnotationRule},
	{"testdata/bad/truncated.docx", ""},
	{"testdata/bad/zipbomb.docx", workbench.AnnotationRule},
	{"testdata/folder-import/broken.csv", ""},
	{"testdata/bad/warnings.csv", ""},
	{"testdata/bad/slides.pptx", ""},
	{"testdata/bad/warnings-terms.csv", ""},
	{"testdata/bad", ""},
	{"importers/testdata/binary.xlsb", ""},
	{"importers/testdata/legacy-lo.doc", workbench.AnnotationRule},
	{"importers/testdata/legacy-lo.xls", ""},
	{"importers/testdata/ragged-lo.xlsx", ""},
	{"importers/testdata/noheader-lo.xlsx", ""},
	{"importers/testdata/notes-gbk.csv", ""},
	{"importers/testdata/notes-lo.xlsx", ""},
	{"importers/testdata/keyfacts-lo.xlsx", ""},
	{"importers/testdata/empty-sst-index.xlsx", ""},
	{"importers/testdata/bilingual-lo.xlsx", ""},
	{"importers/testdata/beta-2007.xlsx", ""},
	{"importers/pdf/testdata/scanned.pdf", workbench.Algorithm},
	{"importers/pdf/testdata/bad-page.pdf", workbench.Algorithm},
	{"importers/pdf/testdata/all-pages-bad.pdf", workbench.Algorithm},
	{"importers/pdf/testdata/owner-only.pdf", workbench.Algorithm},
	{"importers/pdf/testdata/unsupported-encryption.pdf", workbench.Algorithm},
	{"importers/pdf/testdata/xfa-placeholder.pdf", workbench.Algorithm},
	{"importers/pdf/testdata/xfa-with-text.pdf", workbench.Algorithm},
	{"importers/docx/testdata/rules-lo.docx", workbench.AnnotationRule},
	{"importers/docx/testdata/header-only-lo.docx", workbench.AnnotationRule},
	{"testdata/sample/data-sources.xlsx", ""},
	{"testdata/sample/incidents.csv", ""},
	{"testdata/sample/annotation-qa.csv", ""},
	{"testdata/sample/algorithm.json", ""},
	{"testdata/sample/annotation-rules.docx", workbench.AnnotationRule},
	{"testdata/sample/algorithm-description.pdf", workbench.Algorithm},
	// Question banks told by the sheet's or the file's name (a notice).
	{"testdata/sample2/safety/refusal_banks.xlsx", ""},
	{"testdata/sample2/safety/generated_questions.csv", ""},
}

// fileNames are the names of files a message may quote as they are.
var fileNames = regexp.MustCompile(`[\w.~$-]+\.(csv|xlsx|xlsb|xls|json|jsonl|pdf|docx|doc|fods|fodt)\b`)

// TestImportReportsInChinese imports each fixture through app into a
// workspace with the GUI in Chinese and checks every failure and warning
// the import report shows is worded in Chinese: no English sentence, no
// command-line advice, no file of our documentation.
func TestImportReportsInChinese(t *testing.T) {
	inLanguage(t, "zh_CN.UTF-8")
	for _, m := range importMessages(t) {
		t.Logf("%s: %s", m.what, m.text)
		checkImportChinese(t, m.what, m.text)
	}
}

// TestImportReportsInEnglish checks the same reports in the English GUI:
// worded (no blank left unfilled, no reason id), without command-line
// advice or our documentation's files.
func TestImportReportsInEnglish(t *testing.T) {
	inLanguage(t, "en_US.UTF-8")
	for _, m := range importMessages(t) {
		if m.text == "" || strings.Contains(m.text, "{{") || strings.Contains(m.text, "--") || strings.Contains(m.text, "docs/") ||
			hanChar.MatchString(regexp.MustCompile(`“[^”]*”|"[^"]*"|[^ ]*\p{Han}[^ ,]*`).ReplaceAllString(m.text, "")) {
			t.Errorf("%s: %q", m.what, m.text)
		}
	}
}

// importMessage is a failure or warning of an import, as the GUI words it.
type importMessage struct{ what, text string }

// importMessages imports each of importFixtures into a new case and
// returns the report's failures and warnings in the GUI's language.
func importMessages(t *testing.T) []importMessage {
	t.Helper()
	ctx := context.Background()
	ws, err := app.Open(ctx, t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	c, err := ws.CreateCase(ctx, app.CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	var out []importMessage
	failed, warned := 0, 0
	for _, fx := range importFixtures {
		path := filepath.Join("..", filepath.FromSlash(fx.file))
		if _, err := os.Stat(path); err != nil && !strings.Contains(fx.file, "missing") {
			t.Fatalf("fixture %s: %v", fx.file, err)
		}
		reps, err := ws.Import(ctx, app.ImportRequest{CaseID: c.ID, Kind: fx.kind, Files: []string{path}})
		if err != nil {
			t.Fatalf("%s: %v", fx.file, err)
		}
		r := reps[0]
		if r.Status == app.StatusFailed {
			failed++
			out = append(out, importMessage{fx.file + " (failed)", fileErrorText(r)})
		}
		for _, w := range r.Warnings {
			warned++
			// Every warning, the importers' and app's, carries a reason
			// the GUI words; none falls back to its English message.
			if err := workbench.CheckWarning(w); err != nil {
				t.Errorf("%s: %v", fx.file, err)
			}
			out = append(out, importMessage{fx.file + " warning", warningText(w)})
		}
	}
	if failed < 30 || warned < 20 {
		t.Errorf("only %d failures and %d warnings: the fixtures no longer exercise the messages", failed, warned)
	}
	return out
}

// englishWord is an English word of four letters or more.
var englishWord = regexp.MustCompile(`[A-Za-z]{4,}`)

// productNames may stand in a Chinese message: the programs a provider
// saves its files with.
var productNames = map[string]bool{"Excel": true, "Word": true, "LibreOffice": true, "PowerPoint": true, "OpenDocument": true,
	"Office": true, "JSON": true, "HTML": true, "YYYY": true, "tokens": true, "JPEG": true}

// checkImportChinese checks an import's message is worded in Chinese: Han
// characters, no English word of four letters or more once file names,
// extensions and quoted values are taken out, no command-line advice, no
// file of our documentation.
func checkImportChinese(t *testing.T, what, msg string) {
	t.Helper()
	if strings.Contains(msg, "--") || strings.Contains(msg, "docs/") {
		t.Errorf("%s: %q shows command-line advice or our documentation", what, msg)
		return
	}
	rest := fileNames.ReplaceAllString(msg, "")
	rest = regexp.MustCompile(`“[^”]*”|"[^"]*"|（[a-z_]+）|\.[a-z]{3,4}\b`).ReplaceAllString(rest, "")
	for _, w := range englishWord.FindAllString(rest, -1) {
		if !productNames[w] {
			t.Errorf("%s: %q has the English word %q", what, msg, w)
			return
		}
	}
	if !hanChar.MatchString(msg) {
		t.Errorf("%s: %q is not in Chinese", what, msg)
	}
}

var hanChar = regexp.MustCompile(`\p{Han}`)

// TestFieldErrorsInChinese words the problems app finds with what the
// inspector typed or chose — an unknown result, severity or template,
// evidence that is not in the case, a note too long, an export file name
// without .xlsx or in a missing folder — in Chinese, and a FieldError of
// any field and problem without a reason too.
func TestFieldErrorsInChinese(t *testing.T) {
	inLanguage(t, "zh_CN.UTF-8")
	ctx := context.Background()
	ws, err := app.Open(ctx, t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	c, err := ws.CreateCase(ctx, app.CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	_, templateErr := ws.StartInspection(ctx, c.ID, "no-such-template")
	if _, err := ws.StartInspection(ctx, c.ID, ""); err != nil {
		t.Fatal(err)
	}
	st, err := ws.InspectionStatus(ctx, c.ID)
	if err != nil || len(st.Items) == 0 {
		t.Fatalf("status %+v, %v", st, err)
	}
	item := st.Items[0].ID
	bad, long := "严重得很", strings.Repeat("长", app.MaxNoteLen+1)
	assess := func(in app.AssessInput) error {
		in.CaseID, in.ItemID = c.ID, item
		_, err := ws.Assess(ctx, in)
		return err
	}
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"template", templateErr, "no-such-template"},
		{"result", assess(app.AssessInput{Result: "合规吧"}), "合规吧"},
		{"severity", assess(app.AssessInput{Severity: &bad}), "严重得很"},
		{"note", assess(app.AssessInput{Note: &long}), strconv.Itoa(app.MaxNoteLen)},
		{"hit id", assess(app.AssessInput{Evidence: []string{"rec-999"}}), "rec-999"},
		{"identifier", assess(app.AssessInput{Evidence: []string{"INC-404"}}), "INC-404"},
		{"export name", exportErr(ws, c.ID, filepath.Join(t.TempDir(), "结论.xls")), "结论.xls"},
		{"export folder", exportErr(ws, c.ID, filepath.Join(t.TempDir(), "无此目录", "结论.xlsx")), "无此目录"},
	} {
		if tc.err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		msg := errorText(tc.err)
		t.Logf("%s: %s", tc.name, msg)
		checkImportChinese(t, tc.name, strings.ReplaceAll(msg, tc.want, ""))
		if !strings.Contains(msg, tc.want) {
			t.Errorf("%s: %q does not name %q", tc.name, msg, tc.want)
		}
	}
	for _, field := range []string{app.FieldTemplate, app.FieldItem, app.FieldResult, app.FieldSeverity, app.FieldNote, app.FieldFinding,
		app.FieldDeadline, app.FieldEvidence, app.FieldProposal, app.FieldReason, app.FieldLang, app.FieldOut, app.FieldFile, "kind", "label"} {
		for p := app.ProblemEmpty; p <= app.ProblemCreditCode; p++ {
			fe := &app.FieldError{Field: field, Problem: p, Err: errors.New("an English explanation for the command line")}
			checkImportChinese(t, field, errorText(fe))
		}
	}
}

// exportErr is the error of exporting case id to path.
func exportErr(ws *app.App, id int64, path string) error {
	_, err := ws.Export(context.Background(), app.ExportRequest{CaseID: id, Path: path})
	return err
}
