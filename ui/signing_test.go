package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
)

func init() {
	// The tests need the key format, not a second of scrypt per key.
	app.ScryptWorkFactor = 10
}

// signingWindow opens a window on a workspace with one concluded case
// inspected by 张明 and 李华, shows its Checklist tab, and points the keys
// folder at an empty folder of the test's.
func signingWindow(t *testing.T) (*MainWindow, *app.App, int64, string) {
	t.Helper()
	keys := filepath.Join(t.TempDir(), "keys")
	t.Setenv(app.KeysDirEnv, keys)
	ctx := context.Background()
	ws, err := app.Open(ctx, t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	c, err := ws.CreateCase(ctx, app.CaseInput{Provider: "星河智算科技有限公司", Service: "星河对话", Inspectors: []string{"张明", "李华"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.StartInspection(ctx, c.ID, ""); err != nil {
		t.Fatal(err)
	}
	st, err := ws.InspectionStatus(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range st.Items {
		if _, err := ws.Assess(ctx, app.AssessInput{CaseID: c.ID, ItemID: it.ID, Result: "not_applicable"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := ws.ConcludeInspection(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	mw := openWindow(t, ws, laptopSize)
	selectCase(t, mw, c.ID)
	tabs := caseTabs(t, mw)
	userAct(mw, func() { tabs.SelectIndex(slices.Index(tabNames, "checklist")) })
	return mw, ws, c.ID, keys
}

// dialogObjects are the objects of the dialog on top.
func dialogObjects(t *testing.T, mw *MainWindow) []fyne.CanvasObject {
	t.Helper()
	top := mw.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is showing")
	}
	return visibleObjects(top)
}

// passwordEntries are the password fields of the dialog on top.
func passwordEntries(t *testing.T, mw *MainWindow) []*widget.Entry {
	t.Helper()
	var out []*widget.Entry
	for _, o := range dialogObjects(t, mw) {
		if e, ok := o.(*widget.Entry); ok && e.Password {
			out = append(out, e)
		}
	}
	return out
}

// tapInDialog taps the button labelled text in the dialog on top.
func tapInDialog(t *testing.T, mw *MainWindow, text string) {
	t.Helper()
	bs := buttonsLabelled(dialogObjects(t, mw), text)
	if len(bs) == 0 || bs[0].Disabled() {
		t.Fatalf("no enabled button %q in the dialog:\n%s", text, topDialog(mw))
	}
	userAct(mw, func() { test.Tap(bs[0]) })
}

// squeeze drops the spaces and line breaks wrapping puts into shown text.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// checkShown captures the window as name and checks the dialog on top
// shows each of want and, in Chinese, no English of the catalogue.
func checkShown(t *testing.T, mw *MainWindow, language, name string, want ...string) {
	t.Helper()
	if os.Getenv("WB_TEST_SHOTS") != "" || (language == "zh" && !raceDetector) {
		screenshot(t, mw, language+"-"+name)
	}
	shown := squeeze(topDialog(mw))
	for _, w := range want {
		if !strings.Contains(shown, squeeze(w)) {
			t.Errorf("%s: the dialog shows %q, want %q", name, topDialog(mw), w)
		}
	}
	if language == "zh" {
		if en := untranslated(t, onScreen(mw)); len(en) > 0 {
			t.Errorf("%s: English in the Chinese interface: %q", name, en)
		}
		if !hasHan(topDialog(mw)) {
			t.Errorf("%s: no Chinese in the dialog", name)
		}
	}
}

// TestSignDialog walks the Sign… dialog through its states in both
// languages: no key yet; making a key (passphrase twice, strength shown);
// a key present; a wrong passphrase (nothing signed); signed with the
// key; Verify showing the key signature; and a failing signature.
func TestSignDialog(t *testing.T) {
	for _, language := range []string{"en", "zh"} {
		t.Run(language, func(t *testing.T) {
			inLanguage(t, language)
			mw, ws, caseID, keys := signingWindow(t)
			ctx := context.Background()

			// No key yet: the dialog says so and offers to sign without one.
			tapLabelled(t, mw, lang.L("Sign…"))
			checkShown(t, mw, language, "sign-nokey", lang.L("Sign the inspection?"), noKeyLabel(),
				lang.L("No signing key of this case's inspectors is on this computer. Make one with New key… to sign in your name; without a key the SHA-256 proves that the content is unchanged, not who signed it."))
			if ps := passwordEntries(t, mw); len(ps) != 1 || !ps[0].Disabled() {
				t.Errorf("without a key the passphrase field is not disabled")
			}

			// Make a key: the strength follows the typing; passphrases that
			// differ are refused in the dialog.
			tapInDialog(t, mw, lang.L("New key…"))
			ps := passwordEntries(t, mw)
			if len(ps) != 2 {
				t.Fatalf("the new-key dialog has %d passphrase fields, want 2", len(ps))
			}
			userAct(mw, func() { test.Type(ps[0], "abc") })
			checkShown(t, mw, language, "sign-newkey-short", lang.L("New signing key"), strengthText(0))
			userAct(mw, func() { test.Type(ps[0], "defgh-XYZ-2026"); test.Type(ps[1], "different") })
			tapInDialog(t, mw, lang.L("Make key"))
			checkShown(t, mw, language, "sign-newkey-mismatch", strengthText(app.PassphraseStrength("abcdefgh-XYZ-2026")),
				lang.L("The two passphrases differ."))
			userAct(mw, func() { ps[1].SetText("abcdefgh-XYZ-2026") })
			tapInDialog(t, mw, lang.L("Make key"))
			ring, _ := app.OpenKeyRing(keys)
			list, err := ring.List()
			if err != nil || len(list) != 1 || list[0].Inspector != "张明" {
				t.Fatalf("keys after Make key: %+v, %v", list, err)
			}
			if strings.HasPrefix(list[0].Path, ws.Dir()) {
				t.Errorf("the key was kept in the workspace: %s", list[0].Path)
			}
			// The case's audit trail says a key was made, and which.
			trail, err := ws.AuditTrail(context.Background(), caseID)
			if err != nil {
				t.Fatal(err)
			}
			made := false
			for _, e := range trail {
				made = made || e.Action == workbench.AuditKeyCreated && e.Object == "key/"+list[0].Fingerprint
			}
			if !made {
				t.Errorf("no key_created entry for %s in the case's trail: %+v", list[0].Fingerprint, trail)
			}

			// Back in the Sign dialog with the new key chosen.
			checkShown(t, mw, language, "sign-key", keyLabel(list[0]),
				lang.L("Signing with your key adds a signature that proves who signed: anyone with your public key can check it."))

			// A wrong passphrase signs nothing and says so.
			ps = passwordEntries(t, mw)
			userAct(mw, func() { test.Type(ps[0], "wrong passphrase") })
			tapInDialog(t, mw, lang.L("Sign"))
			checkShown(t, mw, language, "sign-wrongpass", lang.L("Wrong passphrase for {{.Name}}'s key. Nothing was signed.", map[string]any{"Name": "张明"}))
			if st, _ := ws.InspectionStatus(ctx, caseID); st.CaseStatus != "concluded" {
				t.Fatalf("after a wrong passphrase the case is %s", st.CaseStatus)
			}

			// The right one signs with the key.
			userAct(mw, func() { test.Type(ps[0], "abcdefgh-XYZ-2026") })
			tapInDialog(t, mw, lang.L("Sign"))
			fp := app.GroupFingerprint(list[0].Fingerprint)
			checkShown(t, mw, language, "sign-signed", lang.L("Inspection signed"),
				lang.L("Signed with {{.Name}}'s key, fingerprint {{.Fingerprint}}.", map[string]any{"Name": "张明", "Fingerprint": fp}))
			dismissDialogs(mw)
			if st, _ := ws.InspectionStatus(ctx, caseID); st.CaseStatus != "signed" {
				t.Fatalf("after signing in the GUI the case is %s", st.CaseStatus)
			}

			// Verify shows the key signature's result.
			tapLabelled(t, mw, lang.L("Verify signature"))
			checkShown(t, mw, language, "verify-key", lang.L("The inspection matches its signature."),
				lang.L("✓ {{.Name}}: signed with key {{.Fingerprint}}. Compare the fingerprint with the one {{.Name}} gave you.",
					map[string]any{"Name": "张明", "Fingerprint": fp}))
			dismissDialogs(mw)

			// A signature replaced behind the workbench's back fails, named.
			if _, err := ws.Store().DB().ExecContext(ctx, `UPDATE signatures SET signature = ? WHERE case_id = ?`,
				strings.Repeat("A", 86)+"==", caseID); err != nil {
				t.Fatal(err)
			}
			tapLabelled(t, mw, lang.L("Verify signature"))
			checkShown(t, mw, language, "verify-badkey", lang.L("The inspection matches its SHA-256, but a key signature does NOT verify."),
				lang.L("✗ {{.Name}}: the signature was not made with the recorded key {{.Fingerprint}} over this inspection: it was made with another key, or altered.",
					map[string]any{"Name": "张明", "Fingerprint": fp}))
			dismissDialogs(mw)
		})
	}
}

// TestSignDialogWithoutKey signs without a key, as before keys existed:
// the result says the SHA-256 proves no signer, and Verify says so too.
func TestSignDialogWithoutKey(t *testing.T) {
	for _, language := range []string{"en", "zh"} {
		t.Run(language, func(t *testing.T) {
			inLanguage(t, language)
			mw, ws, caseID, keys := signingWindow(t)
			// A key of someone else in the folder is not offered.
			ring, _ := app.OpenKeyRing(keys)
			if _, err := ring.New("王五", "correct horse"); err != nil {
				t.Fatal(err)
			}
			tapLabelled(t, mw, lang.L("Sign…"))
			if strings.Contains(topDialog(mw), "王五") {
				t.Errorf("the dialog offers another person's key:\n%s", topDialog(mw))
			}
			tapInDialog(t, mw, lang.L("Sign"))
			noKey := lang.L("No key signed it: the SHA-256 proves that the content is unchanged, not who signed it.")
			checkShown(t, mw, language, "sign-signed-nokey", lang.L("Inspection signed"), noKey)
			dismissDialogs(mw)
			if st, _ := ws.InspectionStatus(context.Background(), caseID); st.CaseStatus != "signed" {
				t.Fatalf("after signing without a key the case is %s", st.CaseStatus)
			}
			tapLabelled(t, mw, lang.L("Verify signature"))
			checkShown(t, mw, language, "verify-nokey", lang.L("The inspection matches its signature."), noKey)
			dismissDialogs(mw)
		})
	}
}
