package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Under LANG=C.UTF-8 the program starts without Fyne's "Error parsing
// user locale C": the test binary links what the program does, so it is
// run again in such an environment and its standard error read.
func TestStartsQuietlyInCLocale(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != "LANG" && k != "LANGUAGE" && k != "LC_ALL" && k != "LC_MESSAGES" {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "LANG=C.UTF-8")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if strings.Contains(string(out), "locale") {
		t.Errorf("started with: %s", out)
	}
}
