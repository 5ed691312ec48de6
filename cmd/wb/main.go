// Command wb is the command-line interface of Inspection Workbench. It
// drives the same use cases as the GUI (package app) and builds without cgo.
//
// Every command takes --workspace DIR (else $WB_WORKSPACE, else the default
// workspace in the user's data directory). With --json a command prints
// exactly one JSON document on standard output. Errors are one line on
// standard error. Exit status: 0 success, 1 input or state error (nothing
// written), 2 usage error.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"strings"

	"github.com/inspection-workbench/workbench/app"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

func main() {
	// bleve reports its own housekeeping with the standard logger ("got
	// err removing file" when a merged-away segment file is already gone):
	// not for the user, and scripts read standard error. WB_DEBUG=1 shows
	// it, and the search's debug lines with it.
	if os.Getenv("WB_DEBUG") == "" {
		log.SetOutput(io.Discard)
	} else {
		slog.SetLogLoggerLevel(slog.LevelDebug)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// usageError is a mistake in how the command was called (exit 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// command is one wb sub-command.
type command struct {
	name    string // e.g. "case new"
	args    string // synopsis of the arguments after the flags
	summary string
	// details, when set, follows the summary in "wb COMMAND --help": the
	// JSON shape, say.
	details string
	setup   func(fs *flag.FlagSet) func(ctx context.Context, env *env, args []string) error
}

// env is what a running command needs.
type env struct {
	stdout, stderr io.Writer
	workspace      string // the --workspace flag, "" when not given
	json           bool
}

var commands = []command{
	initCommand,
	caseNewCommand,
	caseListCommand,
	caseShowCommand,
	caseEditCommand,
	caseDeleteCommand,
	importCommand,
	labelCommand,
	scanPIICommand,
	searchCommand,
	reindexCommand,
	inspectStartCommand,
	inspectAddTemplateCommand,
	assessCommand,
	inspectStatusCommand,
	inspectEvidenceCommand,
	checkCommand,
	checkAcceptCommand,
	checkOverrideCommand,
	inspectConcludeCommand,
	inspectReopenCommand,
	inspectSignCommand,
	inspectVerifyCommand,
	verifySignatureCommand,
	keyNewCommand,
	keyListCommand,
	keyExportCommand,
	exportCommand,
	importChecklistCommand,
	auditListCommand,
	auditVerifyCommand,
	bundleExportCommand, bundleImportCommand,
	templateCommand,
	templateCheckCommand,
	versionCommand,
}

const topUsage = `wb — Inspection Workbench command line

Usage: wb [--workspace DIR] COMMAND [flags] [args]

Commands:
%s
Every command takes --workspace DIR (default: $WB_WORKSPACE, else the
workspace in your data directory) and --json (one JSON document on stdout).
Exit status: 0 ok, 1 input or state error (nothing written), 2 usage error.
Run "wb COMMAND --help" for a command's flags.
`

func printTopUsage(w io.Writer) {
	var b strings.Builder
	width := 0
	for _, c := range commands {
		width = max(width, len(c.name))
	}
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprintf(w, topUsage, b.String())
}

// run executes one wb invocation and returns its exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	// Flags before the command name apply to it: wb --workspace X case list.
	var pre []string
	for len(args) > 0 && strings.HasPrefix(args[0], "-") && args[0] != "--" {
		a := args[0]
		if a == "-h" || a == "-help" || a == "--help" {
			printTopUsage(stdout)
			return exitOK
		}
		pre = append(pre, a)
		args = args[1:]
		if (a == "--workspace" || a == "-workspace") && len(args) > 0 {
			pre = append(pre, args[0])
			args = args[1:]
		}
	}
	if len(args) == 0 {
		printTopUsage(stderr)
		return exitUsage
	}
	if args[0] == "help" {
		printTopUsage(stdout)
		return exitOK
	}
	cmd, rest := findCommand(args)
	if cmd == nil {
		fmt.Fprintf(stderr, "wb: unknown command %q (run \"wb help\" for the list)\n", strings.Join(args[:min(len(args), 2)], " "))
		return exitUsage
	}
	e := &env{stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("wb "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.workspace, "workspace", "", "workspace `DIR` (default $WB_WORKSPACE, else the one in your data directory)")
	fs.BoolVar(&e.json, "json", false, "print one JSON document on standard output")
	action := cmd.setup(fs)
	positional, err := parseInterspersed(fs, append(pre, rest...))
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(stdout, "Usage: wb %s [flags] %s\n\n%s\n\n", cmd.name, cmd.args, cmd.summary)
		if cmd.details != "" {
			fmt.Fprintf(stdout, "%s\n\n", strings.TrimSpace(cmd.details))
		}
		fmt.Fprintf(stdout, "Flags:\n")
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		return exitOK
	}
	if err == nil {
		err = action(ctx, e, positional)
	}
	if err == nil {
		return exitOK
	}
	msg := strings.Join(strings.Fields(strings.ReplaceAll(cliMessage(err), "\n", "; ")), " ")
	var ue *usageError
	if errors.As(err, &ue) || isFlagError(err) {
		fmt.Fprintf(stderr, "wb %s: %s (see \"wb %s --help\")\n", cmd.name, msg, cmd.name)
		return exitUsage
	}
	fmt.Fprintf(stderr, "wb %s: %s\n", cmd.name, msg)
	return exitStatus(app.ErrorCode(err))
}

// findCommand matches the longest command name at the start of args.
func findCommand(args []string) (*command, []string) {
	var best *command
	n := 0
	for i := range commands {
		words := strings.Fields(commands[i].name)
		if len(words) > n && len(args) >= len(words) && strings.Join(args[:len(words)], " ") == commands[i].name {
			best, n = &commands[i], len(words)
		}
	}
	if best == nil {
		return nil, nil
	}
	return best, args[n:]
}

// flagError marks errors from the flag package (exit 2).
type flagError struct{ err error }

func (e *flagError) Error() string { return e.err.Error() }
func (e *flagError) Unwrap() error { return e.err }

func isFlagError(err error) bool {
	var fe *flagError
	return errors.As(err, &fe)
}

// parseInterspersed parses flags wherever they stand among the positional
// arguments (wb case show 3 --json); everything after "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	// "-违法" and "-\"测试数据\"" are query exclusions, not flags: flags
	// are ASCII, so a dash before anything else is an argument. The flag
	// package would take them for flags, so they are hidden from it.
	const hidden = "\x00"
	args = append([]string(nil), args...)
	for i, a := range args {
		if strings.HasPrefix(a, "-") && !looksLikeFlag(a) && (i == 0 || !takesValue(fs, args[i-1])) {
			args[i] = hidden + a
		}
	}
	var positional []string
	defer func() {
		for i, a := range positional {
			positional[i] = strings.TrimPrefix(a, hidden)
		}
	}()
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &flagError{err}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	return append(positional, tail...), nil
}

// looksLikeFlag reports whether a is "-" or "--" followed by an ASCII
// letter, as every flag is.
func looksLikeFlag(a string) bool {
	name := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	if len(name) == len(a) || name == "" {
		return false
	}
	c := name[0]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// takesValue reports whether a is a flag of fs that takes the next
// argument as its value (--limit 5, not --json or --limit=5).
func takesValue(fs *flag.FlagSet, a string) bool {
	if !looksLikeFlag(a) || strings.Contains(a, "=") {
		return false
	}
	f := fs.Lookup(strings.TrimLeft(a, "-"))
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ", ") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// orNone is the list, or an empty one when it was given as one blank
// value (--inspector "" in wb case edit).
func (l stringList) orNone() []string {
	if len(l) == 1 && strings.TrimSpace(l[0]) == "" {
		return []string{}
	}
	return l
}

// optionalBool is a boolean flag that knows whether it was given.
type optionalBool struct{ v *bool }

func (o *optionalBool) String() string {
	if o == nil || o.v == nil {
		return ""
	}
	return fmt.Sprint(*o.v)
}

func (o *optionalBool) Set(s string) error {
	var b bool
	switch strings.ToLower(s) {
	case "true", "1", "yes", "y", "是":
		b = true
	case "false", "0", "no", "n", "否":
	default:
		return fmt.Errorf("%q is not true or false", s)
	}
	o.v = &b
	return nil
}

func (o *optionalBool) IsBoolFlag() bool { return true }

// writeJSON prints v as one JSON document, Chinese left readable.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
