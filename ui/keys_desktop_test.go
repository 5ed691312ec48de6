//go:build uistall

package ui

// The keys through the real desktop driver under X (the GLFW hook of
// keyhook.go), typed by xdotool: run under Xvfb with the benchmark's
// TestMain (stall_bench_test.go), which runs Fyne's event loop:
//
//	xvfb-run -a go test -tags 'migrated_fynedo uistall' -run TestDesktopKeys ./ui/

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/inspection-workbench/workbench/app"
)

// TestDesktopKeys focuses the query field of a real window, types into
// it and presses F1 with xdotool: Help opens and the field keeps what was
// typed; Escape closes Help.
func TestDesktopKeys(t *testing.T) {
	if _, err := exec.LookPath("xdotool"); err != nil {
		t.Skip("needs xdotool")
	}
	ctx := context.Background()
	ws, err := app.Open(ctx, t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	c, err := ws.CreateCase(ctx, app.CaseInput{Provider: "星河智算科技有限公司", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	var mw *MainWindow
	fyne.DoAndWait(func() {
		mw = OpenMainWindow(benchApp, ws, StartOptions{CaseID: c.ID, Tab: "search"})
		mw.win.SetTitle("wb-keys-test")
		mw.win.Resize(fyne.NewSize(1000, 700))
		mw.win.Show()
	})
	// The window stays open: closing the last window ends the event loop,
	// and with it the test binary, before the result is written.
	defer fyne.DoAndWait(mw.win.Hide)
	mw.bg.Wait()
	xdo := func(args ...string) {
		t.Helper()
		if out, err := exec.Command("xdotool", args...).CombinedOutput(); err != nil {
			t.Fatalf("xdotool %s: %v %s", strings.Join(args, " "), err, out)
		}
	}
	var wid string
	for range 50 {
		out, _ := exec.Command("xdotool", "search", "--name", "wb-keys-test").Output()
		if wid = strings.TrimSpace(string(out)); wid != "" {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if wid == "" {
		t.Fatal("the window does not show")
	}
	wid = strings.Fields(wid)[0]
	xdo("windowfocus", "--sync", wid)
	time.Sleep(500 * time.Millisecond) // the hook is put in place once the window exists
	fyne.DoAndWait(func() { mw.win.Canvas().Focus(mw.search.query) })
	xdo("type", "--delay", "20", "abc")
	xdo("key", "F1")
	time.Sleep(500 * time.Millisecond)
	var text, top string
	var n int
	fyne.DoAndWait(func() {
		text = mw.search.query.Text
		n = len(mw.win.Canvas().Overlays().List())
		top = topDialog(mw)
	})
	if text != "abc" || n != 1 || !strings.Contains(top, "Keyboard shortcuts") && !strings.Contains(top, "键盘快捷键") {
		t.Fatalf("F1 in the query field: the query holds %q, %d dialogs, on top %q", text, n, top)
	}
	xdo("key", "Escape")
	time.Sleep(300 * time.Millisecond)
	fyne.DoAndWait(func() { n = len(mw.win.Canvas().Overlays().List()) })
	if n != 0 {
		t.Fatalf("Escape leaves %d dialogs", n)
	}
}
