package ui

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
)

// Tab names accepted by --tab and $WB_TAB, in the order the tabs show.
var tabNames = []string{"overview", "submissions", "search", "checklist"}

// Tab positions in the case's tabs.
const (
	tabOverview = iota
	tabSubmissions
	tabSearch
	tabChecklist
)

// Options are what the command line asks of the window.
type Options struct {
	Workspace string // workspace folder; "" for $WB_WORKSPACE or the default
	Demo      bool   // open (seeding if empty) the demo workspace

	// Start names what the window shows first.
	Start StartOptions
}

// StartOptions name the case and tab the window opens on.
type StartOptions struct {
	CaseID int64  // the case to select; 0 for the last one used, else the first
	Tab    string // one of overview, submissions, search, checklist; "" for overview
}

// tabIndex is the position of the tab named s ("" is the overview).
func tabIndex(s string) (int, bool) {
	if s == "" {
		return tabOverview, true
	}
	for i, n := range tabNames {
		if n == s {
			return i, true
		}
	}
	return 0, false
}

// ParseArgs reads the workbench's command line:
//
//	workbench [--workspace DIR] [--demo] [--case ID] [--tab overview|submissions|search|checklist]
//
// $WB_CASE and $WB_TAB, read through getenv, stand for --case and --tab
// when those are not given. Usage errors wrap flag.ErrHelp when help was
// asked for.
func ParseArgs(args []string, getenv func(string) string, usage io.Writer) (Options, error) {
	var o Options
	var caseArg, tabArg string
	fs := flag.NewFlagSet("workbench", flag.ContinueOnError)
	fs.SetOutput(usage)
	fs.StringVar(&o.Workspace, "workspace", "", "workspace `DIR` (default $WB_WORKSPACE, else the one in your data directory)")
	fs.BoolVar(&o.Demo, "demo", false, "open the demo workspace, which holds a sample case")
	fs.StringVar(&caseArg, "case", "", "open the case numbered `ID` (default $WB_CASE, else the last case opened)")
	fs.StringVar(&tabArg, "tab", "", "open the case on `TAB`: "+strings.Join(tabNames, ", ")+" (default $WB_TAB, else overview)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if caseArg == "" {
		caseArg = strings.TrimSpace(getenv("WB_CASE"))
	}
	if tabArg == "" {
		tabArg = strings.TrimSpace(getenv("WB_TAB"))
	}
	if caseArg != "" {
		id, err := strconv.ParseInt(caseArg, 10, 64)
		if err != nil || id <= 0 {
			return o, fmt.Errorf("--case %q: a case number is a positive whole number (see wb case list)", caseArg)
		}
		o.Start.CaseID = id
	}
	tabArg = strings.ToLower(tabArg)
	if _, ok := tabIndex(tabArg); !ok {
		return o, fmt.Errorf("--tab %q: use one of %s", tabArg, strings.Join(tabNames, ", "))
	}
	o.Start.Tab = tabArg
	return o, nil
}

// Main runs the workbench with the command-line arguments args (without
// the program name) and returns the process's exit status: 0, 1 when the
// workspace cannot be opened, 2 for a usage error.
func Main(args []string) int {
	o, err := ParseArgs(args, os.Getenv, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "workbench:", err)
		return 2
	}
	a := fyneapp.NewWithID(AppID)
	Setup(a)
	ws, err := openWorkspace(o.Workspace, o.Demo)
	if err != nil {
		fmt.Fprintln(os.Stderr, "workbench:", err)
		showFatal(a, err)
		return 1
	}
	defer ws.Close()
	mw := OpenMainWindow(a, ws, o.Start)
	if o.Demo {
		mw.SeedDemoWorkspace()
	}
	stop := quitOnSignal(a, mw)
	mw.Window().ShowAndRun()
	stop()
	// Let saves the window started finish, and the index update stop at
	// its next batch, before the workspace closes.
	mw.indexer.Close()
	mw.bg.Wait()
	return 0
}

// openWorkspace opens (creating if needed) the workspace to show; with
// demo and no folder named, the demo workspace.
func openWorkspace(dir string, demo bool) (*app.App, error) {
	var err error
	if dir == "" && demo {
		dir, err = app.DemoWorkspaceDir()
	} else {
		dir, err = app.ResolveWorkspaceDir(dir)
	}
	if err != nil {
		return nil, err
	}
	return app.Open(context.Background(), dir, true)
}

// showFatal tells a user who started the program from a desktop why it
// cannot open, then lets them close it.
func showFatal(a fyne.App, err error) {
	w := a.NewWindow(lang.L("Inspection Workbench"))
	msg := widget.NewLabel(lang.L("The workspace could not be opened:") + "\n\n" + errorText(err))
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, widget.NewButton(lang.L("Quit"), a.Quit), nil, nil, msg))
	w.Resize(fyne.NewSize(560, 200))
	w.ShowAndRun()
}

// quitOnSignal makes an interrupt, SIGTERM or SIGHUP — a logout, a
// shutdown, Ctrl+C in the terminal — end the program the way closing the
// window does: the typed work and the window's size are saved first. The
// function returned stops listening.
func quitOnSignal(a fyne.App, mw *MainWindow) (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		if _, ok := <-sig; ok {
			fyne.Do(func() {
				mw.beforeClose()
				a.Quit()
			})
		}
	}()
	return func() {
		signal.Stop(sig)
		close(sig)
	}
}
