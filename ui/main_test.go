//go:build !uistall

package ui

import (
	"fmt"
	"os"
	"testing"

	"github.com/inspection-workbench/workbench/app"
)

// TestMain seals the tests off from the developer's own signing keys: the
// keys folder is a fresh one, so a key named like a test inspector on this
// machine cannot change what the Sign dialog offers.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "wb-ui-keys-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv(app.KeysDirEnv, dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
