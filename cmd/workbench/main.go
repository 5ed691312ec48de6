// Command workbench is the Inspection Workbench desktop application.
//
//	workbench [--workspace DIR] [--demo]
//
// --workspace (else $WB_WORKSPACE, else the default folder in the user's
// data directory) names the workspace; --demo opens a demo workspace that
// holds a sample case.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui"
)

func main() {
	workspace := flag.String("workspace", "", "workspace `DIR` (default $WB_WORKSPACE, else the one in your data directory)")
	demo := flag.Bool("demo", false, "open the demo workspace, which holds a sample case")
	flag.Parse()

	a := fyneapp.NewWithID(ui.AppID)
	ui.Setup(a)

	ws, err := openWorkspace(*workspace, *demo)
	if err != nil {
		fmt.Fprintln(os.Stderr, "workbench:", err)
		showFatal(a, err)
		os.Exit(1)
	}
	defer ws.Close()
	mw := ui.NewMainWindow(a, ws)
	if *demo {
		mw.SeedDemo()
	}
	mw.Window().ShowAndRun()
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
	ctx := context.Background()
	return app.Open(ctx, dir, true)
}

// showFatal tells a user who started the program from a desktop why it
// cannot open, then lets them close it.
func showFatal(a fyne.App, err error) {
	w := a.NewWindow(lang.L("Inspection Workbench"))
	msg := widget.NewLabel(lang.L("The workspace could not be opened:") + "\n\n" + err.Error())
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, widget.NewButton(lang.L("Quit"), a.Quit), nil, nil, msg))
	w.Resize(fyne.NewSize(560, 200))
	w.ShowAndRun()
}
