// Command workbench is the Inspection Workbench desktop application.
//
//	workbench [--workspace DIR] [--demo] [--case ID] [--tab overview|submissions|search|checklist]
//
// --workspace (else $WB_WORKSPACE, else the default folder in the user's
// data directory) names the workspace; --demo opens a demo workspace that
// holds a sample case. --case (else $WB_CASE) opens the case with that
// number, --tab (else $WB_TAB) on that tab.
package main

import (
	"os"

	// Before Fyne reads the locale: see the package.
	_ "github.com/inspection-workbench/workbench/internal/clocale"
	"github.com/inspection-workbench/workbench/ui"
)

func main() { os.Exit(ui.Main(os.Args[1:])) }
