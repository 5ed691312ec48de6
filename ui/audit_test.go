package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
)

// TestAuditTrailDialog renders Case → Audit trail… in English and Chinese
// in each state it can be in: empty and full, before verifying, intact,
// and tampered with (an entry edited in the database behind the
// workbench's back), every text in the user's language.
func TestAuditTrailDialog(t *testing.T) {
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
			mw := openWindow(t, ws, laptopSize)
			open := func() {
				t.Helper()
				it := menuItem(t, mw, pick("Case", "案件"), pick("Audit trail…", "审计日志…"))
				userAct(mw, it.Action)
			}
			expect := func(state string, want ...string) {
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
				screenshot(t, mw, "audit-"+state+"-"+l)
			}
			verify := func() { tapLabelled(t, mw, pick("Verify", "校验")) }

			open()
			expect("empty", pick("Audit trail", "审计日志"), pick("0 changes recorded since", "共记录 0 项变更"),
				pick("No changes have been recorded yet.", "尚未记录任何变更。"),
				pick("Verify checks that no entry was edited", "校验将检查每条记录"))
			verify()
			expect("empty-intact", pick("The audit trail is intact: it has no entries yet.", "审计日志完整：尚无记录。"))
			dismissDialogs(mw)

			c, err := ws.CreateCase(ctx, app.CaseInput{Provider: "星河智算", Service: "星河对话", Inspectors: []string{"张明"}})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ws.Import(ctx, app.ImportRequest{CaseID: c.ID, Files: []string{filepath.Join("..", "testdata", "sample", "annotation-qa.csv")}}); err != nil {
				t.Fatal(err)
			}
			if _, err := ws.StartInspection(ctx, c.ID, ""); err != nil {
				t.Fatal(err)
			}
			if _, err := ws.Assess(ctx, app.AssessInput{CaseID: c.ID, ItemID: "art4-1-prohibited-content", Result: "compliant"}); err != nil {
				t.Fatal(err)
			}
			open()
			expect("full", pick("4 changes recorded since", "共记录 4 项变更"),
				pick("Case created", "新建案件"), pick("File imported", "导入文件"), pick("Inspection started", "开始检查"), pick("Item assessed", "记录评估"),
				pick("Case 1", "案件 1"), pick("Submission 1", "提交材料 1"), "annotation-qa.csv",
				pick("Kind: Annotation rules", "类型：标注规则"), pick("Result: Compliant", "结论：合规"))
			// An entry selected shows in full.
			var table *widget.Table
			for _, o := range onScreen(mw) {
				if tb, ok := o.(*widget.Table); ok {
					table = tb
				}
			}
			if table == nil {
				t.Fatal("no table of entries in the dialog")
			}
			userAct(mw, func() { table.Select(widget.TableCellID{Row: 2, Col: 5}) })
			expect("entry", pick("Entry 2", "第 2 条记录"), pick("File: annotation-qa.csv", "文件：annotation-qa.csv"),
				pick("Label: Internal", "密级标签：内部"), "SHA-256", pick("Hash: ", "哈希值："))
			userAct(mw, func() {
				top := mw.Window().Canvas().Overlays().Top()
				top.Hide()
				mw.Window().Canvas().Overlays().Remove(top)
			})
			verify()
			expect("full-intact", pick("The audit trail is intact: 4 entries", "审计日志完整：共 4 条记录"))

			if _, err := ws.Store().DB().Exec(`UPDATE audit_log SET os_user = 'someone else' WHERE seq = 2`); err != nil {
				t.Fatal(err)
			}
			verify()
			expect("tampered", pick("The audit trail has been tampered with.", "审计日志已被篡改。"),
				pick("The audit trail has been tampered with. Entry 2 was edited: its content no longer matches its hash.", "审计日志已被篡改。第 2 条记录被修改过：其内容与哈希值不再一致。"))
		})
	}
}
