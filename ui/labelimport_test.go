package ui

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench/app"
)

// TestFolderImportImages: a folder import leaves its images out, saying
// how to take them, unless the kind chosen is label samples — then it
// takes its images and nothing else; a malformed image is refused with
// what is wrong, in both languages, and adds nothing. Images chosen one
// by one are label samples whatever the kind chooser says.
func TestFolderImportImages(t *testing.T) {
	folder, err := filepath.Abs(filepath.Join("..", "testdata", "folder-import"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		locale                 string
		note, malformed, count string
	}{
		{"en_US.UTF-8", "Images in a folder are imported only as content-label samples", "The PNG image is cut short", "0 imported of 5 files."},
		{"zh_CN.UTF-8", "文件夹中的图片只能作为标识样本导入", "该 PNG 图片不完整", "共 5 个文件，导入 0 个。"},
	} {
		t.Run(tc.locale, func(t *testing.T) {
			inLanguage(t, tc.locale)
			mw, ws, caseID := newCaseWindow(t)
			v := mw.subs
			v.files.UsePlatform(&scripted{folder: folder})

			// Detect from headers: photo.png is left out, with the note.
			v.ImportFolder()
			mw.bg.Wait()
			report := shownTexts(mw)
			if !strings.Contains(report, "photo.png") || !strings.Contains(report, tc.note) {
				t.Errorf("report without the images note:\n%s", report)
			}
			closeReport(t, mw)

			// Label samples chosen: only photo.png is read — an 8-byte PNG
			// signature, refused as cut short.
			v.kind.SetSelectedIndex(slices.Index(app.Kinds(), workbench.LabelSample) + 1)
			v.ImportFolder()
			mw.bg.Wait()
			report = shownTexts(mw)
			for _, want := range []string{tc.count, "photo.png", tc.malformed} {
				if !strings.Contains(report, want) {
					t.Errorf("report lacks %q:\n%s", want, report)
				}
			}
			if strings.Contains(report, tc.note) {
				t.Errorf("the images note with label samples chosen:\n%s", report)
			}
			closeReport(t, mw)
			subs, err := ws.ListSubmissions(context.Background(), caseID)
			if err != nil || len(subs) != 2 {
				t.Fatalf("after the folder imports: %v, %v", subs, err)
			}

			// Images chosen one by one, the kind left to detection.
			v.importFiles([]string{filepath.Join("..", "testdata", "labels", "labelled-exif.jpg"), filepath.Join("..", "testdata", "labels", "jpeg-named.png")})
			mw.bg.Wait()
			report = shownTexts(mw)
			if !strings.Contains(report, "labelled-exif.jpg") || strings.Count(report, "✔") != 1 {
				t.Errorf("report of two images (one a duplicate of the other's bytes):\n%s", report)
			}
			closeReport(t, mw)
		})
	}
}
