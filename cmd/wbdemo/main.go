// Command wbdemo writes the demo workspace that "workbench --demo" shows —
// the sample case in progress, a concluded case and a signed one — without
// opening a window, and lists its cases. The smoke run and the screenshots
// start from it.
//
//	wbdemo --workspace DIR
//
// A workspace that already holds cases is left as it is.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/inspection-workbench/workbench/app"
)

func main() {
	dir := flag.String("workspace", "", "workspace `DIR` to create or fill (required)")
	flag.Parse()
	if *dir == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: wbdemo --workspace DIR")
		os.Exit(2)
	}
	if err := run(context.Background(), *dir); err != nil {
		fmt.Fprintln(os.Stderr, "wbdemo:", err)
		os.Exit(1)
	}
}

// run seeds the workspace in dir and prints one line per case: its id,
// status and title.
func run(ctx context.Context, dir string) (err error) {
	ws, err := app.Open(ctx, dir, true)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, ws.Close()) }()
	if _, err := ws.SeedDemoWorkspace(ctx); err != nil {
		return fmt.Errorf("seed the demo workspace in %s: %w", dir, err)
	}
	cases, err := ws.ListCases(ctx)
	if err != nil {
		return err
	}
	for _, c := range cases {
		fmt.Printf("%d\t%s\t%s\n", c.ID, c.Status, c.Title)
	}
	return nil
}
