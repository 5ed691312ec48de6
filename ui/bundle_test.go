package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
)

// TestBundleDialogs renders Case → Export bundle… and Import bundle… in
// English and Chinese in every state: empty, a weak passphrase and its
// strength, passphrases that differ, at work, written; then the import
// into a second workspace: asked, a wrong passphrase, at work, imported
// (the case listed), and the bundle refused by the workspace it came
// from. Every text is in the user's language.
func TestBundleDialogs(t *testing.T) {
	app.BundleScryptWorkFactor = 10
	for _, l := range []string{"en", "zh"} {
		t.Run(l, func(t *testing.T) {
			inLanguage(t, l)
			pick := func(en, zh string) string { return pickLang(en, zh, l) }
			ctx := context.Background()
			ws, err := app.Open(ctx, t.TempDir(), true)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ws.Close() })
			c, err := ws.CreateCase(ctx, app.CaseInput{Provider: "星河智算", Service: "星河对话", Title: "星河对话检查", Inspectors: []string{"张明"}})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ws.Import(ctx, app.ImportRequest{CaseID: c.ID, Files: []string{filepath.Join("..", "testdata", "sample", "annotation-qa.csv")}}); err != nil {
				t.Fatal(err)
			}
			mw := openWindow(t, ws, laptopSize)
			selectCase(t, mw, c.ID)
			expect := func(mw *MainWindow, state string, want ...string) {
				t.Helper()
				shown := topDialog(mw)
				for _, w := range want {
					if !strings.Contains(shown, w) {
						t.Errorf("%s: no %q in the dialog:\n%s", state, w, shown)
					}
				}
				if l == "zh" {
					if en := untranslated(t, onScreen(mw)); len(en) > 0 {
						t.Errorf("%s: English in the Chinese interface: %q", state, en)
					}
				}
				screenshot(t, mw, "bundle-"+state+"-"+l)
			}
			passwords := func(mw *MainWindow) []*widget.Entry {
				var out []*widget.Entry
				for _, o := range onScreen(mw) {
					if e, ok := o.(*widget.Entry); ok && e.Password {
						out = append(out, e)
					}
				}
				return out
			}

			// Export: the menu entry opens the dialog.
			userAct(mw, menuItem(t, mw, pick("Case", "案件"), pick("Export bundle…", "导出案件包…")).Action)
			expect(mw, "export-empty", pick("Export bundle", "导出案件包"), pick("separately", "分开交付"), pick("Include files labelled state secret", "包含标为国家秘密的文件"),
				pick("Passphrase again", "再次输入口令"), pick("Choose file and export…", "选择文件并导出…"))
			ps := passwords(mw)
			if len(ps) != 2 {
				t.Fatalf("%d passphrase fields in the export dialog", len(ps))
			}
			userAct(mw, func() { test.Type(ps[0], "abc") })
			expect(mw, "export-weak", pick("Strength: too short", "强度：太短"))
			userAct(mw, func() { test.Type(ps[0], "defgh-XYZ-2026"); test.Type(ps[1], "different") })
			tapLabelled(t, mw, pick("Choose file and export…", "选择文件并导出…"))
			expect(mw, "export-differ", pick("Strength: ", "强度："))
			if !strings.Contains(topDialog(mw), keyErrorText(app.CheckNewPassphrase("abcdefgh-XYZ-2026", "different"))) {
				t.Errorf("the passphrases differ and the dialog does not say so:\n%s", topDialog(mw))
			}
			dismissDialogs(mw)

			dir := t.TempDir()
			var b *bundleDialog
			userAct(mw, func() { b = mw.showBundleExport(c.ID) })
			var proposed string
			b.choose = func(name string, chosen func(string)) { proposed = name; chosen(filepath.Join(dir, name)) }
			userAct(mw, func() { b.setBusy(filepath.Join(dir, "x.wbx")) })
			expect(mw, "export-busy", pick("Writing x.wbx…", "正在写入 x.wbx…"))
			dismissDialogs(mw)
			userAct(mw, func() { b = mw.showBundleExport(c.ID) })
			b.choose = func(name string, chosen func(string)) { proposed = name; chosen(filepath.Join(dir, name)) }
			ps = passwords(mw)
			userAct(mw, func() { ps[0].SetText("abcdefgh-XYZ-2026"); ps[1].SetText("abcdefgh-XYZ-2026") })
			tapLabelled(t, mw, pick("Choose file and export…", "选择文件并导出…"))
			awaitIdle(mw)
			if !strings.HasPrefix(proposed, "星河对话检查-") || !strings.HasSuffix(proposed, ".wbx") {
				t.Errorf("proposed name %q", proposed)
			}
			out := filepath.Join(dir, proposed)
			if _, err := os.Stat(out); err != nil {
				t.Fatalf("no bundle written: %v", err)
			}
			expect(mw, "export-done", pick("Bundle exported", "案件包已导出"), proposed, "SHA-256")
			dismissDialogs(mw)

			// Import into a second workspace.
			ws2, err := app.Open(ctx, t.TempDir(), true)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ws2.Close() })
			mw2 := openWindow(t, ws2, laptopSize)
			userAct(mw2, func() { b = mw2.showBundleImport(out) })
			expect(mw2, "import-empty", pick("Import bundle", "导入案件包"), proposed, pick("Passphrase", "口令"), pick("Import", "导入"))
			userAct(mw2, func() { b.setBusy("") })
			expect(mw2, "import-busy", pick("Checking and importing", "正在校验并导入"))
			dismissDialogs(mw2)
			userAct(mw2, func() { b = mw2.showBundleImport(out) })
			ps = passwords(mw2)
			userAct(mw2, func() { ps[0].SetText("not the passphrase") })
			tapLabelled(t, mw2, pick("Import", "导入"))
			awaitIdle(mw2)
			expect(mw2, "import-wrong", pick("Wrong passphrase for", "的口令错误"))
			userAct(mw2, func() { ps[0].SetText("abcdefgh-XYZ-2026") })
			tapLabelled(t, mw2, pick("Import", "导入"))
			awaitIdle(mw2)
			expect(mw2, "import-done", pick("Bundle imported", "案件包已导入"), pick("as case 1", "导入为案件 1"))
			cases, err := ws2.ListCases(ctx)
			if err != nil || len(cases) != 1 || cases[0].Title != "星河对话检查" {
				t.Fatalf("cases after the import: %v %v", cases, err)
			}
			dismissDialogs(mw2)

			// Back into the workspace it came from: refused.
			userAct(mw, func() { b = mw.showBundleImport(out) })
			ps = passwords(mw)
			userAct(mw, func() { ps[0].SetText("abcdefgh-XYZ-2026") })
			tapLabelled(t, mw, pick("Import", "导入"))
			awaitIdle(mw)
			expect(mw, "import-replayed", pick("was exported from this workspace", "由本工作区导出"))
			dismissDialogs(mw)
		})
	}
}
