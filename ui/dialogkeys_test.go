package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/inspection-workbench/workbench"
)

// pressKey types key on the window as a person would with no field
// focused: the canvas's key handler gets it.
func pressKey(mw *MainWindow, key fyne.KeyName) {
	onUI(mw, func() {
		if h := mw.win.Canvas().OnTypedKey(); h != nil {
			h(&fyne.KeyEvent{Name: key})
		}
	})
}

// TestDialogKeys signs a concluded inspection with the keyboard alone:
// Escape cancels the Sign dialog (nothing signed), Enter confirms it,
// Enter closes the "signed" message; then Verify's result closes on
// Escape. Found walking the GUI: the confirm dialogs took neither key.
func TestDialogKeys(t *testing.T) {
	for _, l := range []string{"en", "zh"} {
		t.Run(l, func(t *testing.T) {
			mw, concluded := keysWindow(t, l, workbench.StatusConcluded)
			ws, ctx := mw.ws, context.Background()
			onUI(mw, func() { mw.showTab(tabChecklist) })
			if mw.checks == nil || !mw.checks.started {
				t.Fatal("the concluded case's checklist is not shown")
			}
			status := func() string {
				c, err := ws.GetCase(ctx, concluded)
				if err != nil {
					t.Fatal(err)
				}
				return c.Status
			}

			onUI(mw, mw.checks.sign)
			if overlays(mw) != 1 {
				t.Fatalf("Sign… shows %d dialogs", overlays(mw))
			}
			pressKey(mw, fyne.KeyEscape)
			if overlays(mw) != 0 || status() != string(workbench.StatusConcluded) {
				t.Fatalf("after Escape: %d dialogs, case %s", overlays(mw), status())
			}
			onUI(mw, mw.checks.sign)
			pressKey(mw, fyne.KeyReturn)
			mw.bg.Wait()
			if status() != string(workbench.StatusSigned) {
				t.Fatalf("after Enter the case is %s", status())
			}
			if overlays(mw) != 1 {
				t.Fatalf("no message says the inspection is signed (%d dialogs)", overlays(mw))
			}
			if w := mw.win.Canvas().Overlays().Top().Size().Width; w < 600 {
				t.Errorf("the signed message is %v wide: the SHA-256 breaks over lines", w)
			}
			pressKey(mw, fyne.KeyReturn)
			if overlays(mw) != 0 {
				t.Fatalf("Enter leaves %d dialogs", overlays(mw))
			}
			onUI(mw, mw.checks.verify)
			if overlays(mw) != 1 {
				t.Fatalf("Verify shows %d dialogs", overlays(mw))
			}
			pressKey(mw, fyne.KeyEscape)
			if overlays(mw) != 0 {
				t.Fatalf("Escape leaves %d dialogs", overlays(mw))
			}
		})
	}
}
