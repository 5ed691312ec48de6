package ui

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/canvas"

	"github.com/inspection-workbench/workbench/app"
)

// labelState is one state of the label-sample preview: the file shown and
// what the preview must say of it, per language.
type labelState struct {
	name, file string
	image      bool // the image is decoded and shown
	want       map[string][]string
}

var labelStates = []labelState{
	{"with label", "labelled-xmp.png", true, map[string][]string{
		"en": {"Implicit label", "Found, in XMP metadata", "XH-IMG-20261120-0001", "001191110108MA7XH2TQ5E00000", "Produce ID", "PNG, 96 × 64 pixels"},
		"zh": {"隐式标识", "已发现，位于XMP 元数据", "XH-IMG-20261120-0001", "内容制作编号", "生成合成服务提供者", "PNG，96 × 64 像素"},
	}},
	{"label lacking sub-fields", "labelled-partial.png", true, map[string][]string{
		"en": {"Found, in PNG text chunk", "(missing)"},
		"zh": {"已发现，位于PNG 文本块", "（缺失）"},
	}},
	{"without label", "unlabelled.jpg", true, map[string][]string{
		"en": {"No implicit label found", "JPEG, 80 × 60 pixels"},
		"zh": {"未发现隐式标识", "JPEG，80 × 60 像素"},
	}},
	{"undecodable preview", "undecodable.png", false, map[string][]string{
		"en": {"The image cannot be shown", "No implicit label found"},
		"zh": {"无法显示图片", "未发现隐式标识"},
	}},
}

// TestLabelSampleViews renders a label sample on the Submissions tab in
// each of its states — labelled, with a label lacking sub-fields,
// unlabelled, and an image whose pixels cannot be decoded — and as a
// search hit, in English and in Chinese, with the image decoded off the
// UI goroutine.
func TestLabelSampleViews(t *testing.T) {
	for _, l := range []string{"en", "zh"} {
		t.Run(l, func(t *testing.T) {
			inLanguage(t, l)
			mw, ws, caseID := newCaseWindow(t)
			resize(mw, laptopSize)
			ctx := context.Background()
			var files []string
			for _, s := range labelStates {
				files = append(files, filepath.Join("..", "testdata", "labels", s.file))
			}
			reps, err := ws.Import(ctx, app.ImportRequest{CaseID: caseID, Files: files})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range reps {
				if r.Status != app.StatusImported || r.Kind != string(workbench.LabelSample) {
					t.Fatalf("%s: %s %s %s", r.File, r.Status, r.Kind, r.Error)
				}
			}
			v := mw.subs
			userAct(mw, func() { v.reload(0) })
			userAct(mw, func() { caseTabs(t, mw).SelectIndex(tabSubmissions) })
			for _, s := range labelStates {
				i := -1
				for j, sub := range v.subs {
					if sub.FileName == s.file {
						i = j
					}
				}
				if i < 0 {
					t.Fatalf("no submission %s among %d", s.file, len(v.subs))
				}
				userAct(mw, func() { v.list.Select(i) })
				if v.table.Visible() || !v.preview.content.Visible() {
					t.Errorf("%s: the table shows instead of the preview", s.name)
				}
				if want := map[string]string{"en": s.file + ": content-label sample", "zh": s.file + "：标识样本"}[l]; !strings.HasPrefix(v.info.Text, want) {
					t.Errorf("%s: the line above says %q", s.name, v.info.Text)
				}
				shown := shownText(visibleObjects(v.preview.content))
				for _, w := range s.want[l] {
					if !strings.Contains(shown, w) {
						t.Errorf("%s: no %q in\n%s", s.name, w, shown)
					}
				}
				if got := v.preview.img.Image != nil; got != s.image {
					t.Errorf("%s: image shown %v, want %v (status %q)", s.name, got, s.image, v.preview.status.Text)
				}
				if s.image && v.preview.status.Visible() {
					t.Errorf("%s: status %q over the image", s.name, v.preview.status.Text)
				}
				if l == "zh" {
					if en := untranslated(t, onScreen(mw)); len(en) > 0 {
						t.Errorf("%s: English in the Chinese interface: %q", s.name, en)
					}
				}
				if dir := os.Getenv("WB_TEST_SHOTS"); dir != "" {
					screenshot(t, mw, "label-sample-"+l+"-"+strings.ReplaceAll(s.name, " ", "-"))
				}
			}
			// Another kind of submission brings the table back.
			if _, err := ws.Import(ctx, app.ImportRequest{CaseID: caseID, Files: []string{filepath.Join("..", "testdata", "sample", "algorithm.json")}}); err != nil {
				t.Fatal(err)
			}
			userAct(mw, func() { v.reload(0) })
			for i, sub := range v.subs {
				if sub.Kind == string(workbench.Algorithm) {
					userAct(mw, func() { v.list.Select(i) })
				}
			}
			if !v.table.Visible() || v.preview.content.Visible() {
				t.Error("an algorithm submission shows the image preview")
			}

			// A search hit on a label sample opens the image with its metadata.
			rec, err := ws.Records(ctx, reps[0].SubmissionID, 0, 1)
			if err != nil || len(rec) != 1 {
				t.Fatal(err)
			}
			userAct(mw, func() { mw.ShowCase(caseID) })
			userAct(mw, func() {
				mw.search.open(workbench.SearchHit{ID: "rec-" + strconv.FormatInt(rec[0].ID, 10), CaseID: caseID, Kind: string(workbench.LabelSample)})
			})
			shown := shownTexts(mw)
			for _, w := range labelStates[0].want[l] {
				if !strings.Contains(shown, w) {
					t.Errorf("search hit dialog: no %q in\n%s", w, shown)
				}
			}
			hasImage := false
			for _, o := range objectsOf(mw.win.Canvas().Overlays().Top()) {
				if img, ok := o.(*canvas.Image); ok && img.Image != nil {
					hasImage = true
				}
			}
			if !hasImage {
				t.Error("the search hit's dialog shows no image")
			}
			if l == "zh" {
				if en := untranslated(t, onScreen(mw)); len(en) > 0 {
					t.Errorf("search hit: English in the Chinese interface: %q", en)
				}
			}
		})
	}
}
