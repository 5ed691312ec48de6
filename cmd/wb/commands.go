package main

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/store"
)

// openWorkspace opens the workspace the flags name. Commands that only read
// pass create=false, so a mistyped folder is reported rather than created.
func openWorkspace(ctx context.Context, e *env, create bool) (*app.App, error) {
	dir, err := app.ResolveWorkspaceDir(e.workspace)
	if err != nil {
		return nil, err
	}
	a, err := app.Open(ctx, dir, create)
	if errors.Is(err, store.ErrNoWorkspace) {
		abs, _ := filepath.Abs(dir)
		return nil, fmt.Errorf("no workspace at %s; create one with: wb init --workspace %s", abs, abs)
	}
	return a, err
}

// openCase opens the workspace and reads the case a command's ID argument
// names; the caller closes the App.
func openCase(ctx context.Context, e *env, arg string) (*app.App, workbench.Case, error) {
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || id <= 0 {
		return nil, workbench.Case{}, fmt.Errorf("case id %q is not a case number", arg)
	}
	a, err := openWorkspace(ctx, e, false)
	if err != nil {
		return nil, workbench.Case{}, err
	}
	c, err := a.GetCase(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		err = fmt.Errorf("case %d not found in %s (wb case list shows the cases)", id, a.Dir())
	}
	if err != nil {
		a.Close()
		return nil, workbench.Case{}, err
	}
	return a, c, nil
}

var initCommand = command{
	name:    "init",
	summary: "create the workspace, or bring an existing one up to date (safe to repeat)",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			dir, err := app.ResolveWorkspaceDir(e.workspace)
			if err != nil {
				return err
			}
			_, statErr := os.Stat(filepath.Join(dir, store.DatabaseFile))
			a, err := app.Open(ctx, dir, true)
			if err != nil {
				return err
			}
			defer a.Close()
			v, err := a.SchemaVersion(ctx)
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, map[string]any{
					"workspace": a.Dir(), "schema_version": v, "created": statErr != nil,
				})
			}
			verb := "Workspace ready"
			if statErr != nil {
				verb = "Created workspace"
			}
			_, err = fmt.Fprintf(e.stdout, "%s at %s (schema version %d)\n", verb, a.Dir(), v)
			return err
		}
	},
}

// caseJSON is the JSON shape of a case: flat, so scripts can read
// .provider and .service directly.
type caseJSON struct {
	ID                int64    `json:"id"`
	Title             string   `json:"title"`
	Provider          string   `json:"provider"`
	ProviderID        int64    `json:"provider_id"`
	CreditCode        string   `json:"credit_code"`
	Service           string   `json:"service"`
	ServiceID         int64    `json:"service_id"`
	FilingNo          string   `json:"filing_no"`
	Modalities        []string `json:"modalities"`
	PublicOpinion     bool     `json:"public_opinion"`
	Inspectors        []string `json:"inspectors"`
	OpenedOn          string   `json:"opened_on"`
	ReceivedOn        string   `json:"received_on,omitempty"`
	Status            string   `json:"status"`
	ChecklistTemplate string   `json:"checklist_template"`
	CreatedAt         string   `json:"created_at"`
	UpdatedAt         string   `json:"updated_at"`
}

func toCaseJSON(c workbench.Case) caseJSON {
	return caseJSON{
		ID: c.ID, Title: c.Title,
		Provider: c.Provider.Name, ProviderID: c.Provider.ID, CreditCode: c.Provider.CreditCode,
		Service: c.Service.Name, ServiceID: c.Service.ID, FilingNo: c.Service.FilingNo,
		Modalities: c.Service.Modalities, PublicOpinion: c.Service.PublicOpinion,
		Inspectors: c.Inspectors, OpenedOn: c.OpenedOn, ReceivedOn: c.ReceivedOn, Status: c.Status,
		ChecklistTemplate: c.ChecklistTemplate,
		CreatedAt:         c.CreatedAt.Format(time.RFC3339), UpdatedAt: c.UpdatedAt.Format(time.RFC3339),
	}
}

var caseNewCommand = command{
	name:    "case new",
	summary: "open a new case for a provider's service and print its id",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		var in app.CaseInput
		var provider, service optionalString
		var inspectors, modalities stringList
		var publicOpinion optionalBool
		fs.Var(&provider, "provider", "provider `NAME` (required)")
		fs.StringVar(&in.CreditCode, "credit-code", "", "the provider's unified social credit `CODE` (统一社会信用代码, 18 characters)")
		fs.Var(&service, "service", "service `NAME` (required)")
		fs.StringVar(&in.FilingNo, "filing-no", "", "the service's filing `NUMBER` (备案号)")
		fs.StringVar(&in.Title, "title", "", "case `TITLE` (default \"PROVIDER — SERVICE\")")
		fs.Var(&inspectors, "inspector", "inspector `NAME` (repeat for each inspector)")
		fs.Var(&modalities, "modality", "what the service generates: "+orList(workbench.Modalities)+" (repeat, or comma-separate)")
		fs.Var(&publicOpinion, "public-opinion", "the service has public-opinion attributes or social-mobilisation capacity (Art. 17)")
		fs.StringVar(&in.OpenedOn, "opened", "", "date the case was opened, `YYYY-MM-DD` (default today)")
		fs.StringVar(&in.ReceivedOn, "received", "", "date the provider's material was received (材料接收日期), `YYYY-MM-DD`: the automated checks count from it (default: each file's import day)")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			if provider.v == nil {
				return usagef("--provider is required")
			}
			if service.v == nil {
				return usagef("--service is required")
			}
			in.Provider, in.Service = *provider.v, *service.v
			in.Inspectors = inspectors
			if len(modalities) > 0 {
				in.Modalities = modalities
			}
			in.PublicOpinion = publicOpinion.v
			// Check the input before touching the workspace, so bad input
			// writes nothing, not even a new workspace folder.
			if err := app.ValidateCaseInput(in); err != nil {
				return err
			}
			a, err := openWorkspace(ctx, e, true)
			if err != nil {
				return err
			}
			defer a.Close()
			c, err := a.CreateCase(ctx, in)
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, toCaseJSON(c))
			}
			_, err = fmt.Fprintln(e.stdout, c.ID)
			return err
		}
	},
}

var caseListCommand = command{
	name:    "case list",
	summary: "list the cases in the workspace",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			a, err := openWorkspace(ctx, e, false)
			if err != nil {
				return err
			}
			defer a.Close()
			cases, err := a.ListCases(ctx)
			if err != nil {
				return err
			}
			if e.json {
				out := make([]caseJSON, len(cases))
				for i, c := range cases {
					out[i] = toCaseJSON(c)
				}
				return writeJSON(e.stdout, out)
			}
			if len(cases) == 0 {
				_, err := fmt.Fprintln(e.stdout, "No cases yet. Open one with: wb case new --provider NAME --service NAME")
				return err
			}
			rows := [][]string{{"ID", "STATUS", "OPENED", "PROVIDER", "SERVICE", "TITLE"}}
			for _, c := range cases {
				rows = append(rows, []string{strconv.FormatInt(c.ID, 10), c.Status, c.OpenedOn, c.Provider.Name, c.Service.Name, c.Title})
			}
			return writeTable(e.stdout, rows)
		}
	},
}

var caseShowCommand = command{
	name:    "case show",
	args:    "ID",
	summary: "show one case",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) != 1 {
				return usagef("give exactly one case ID")
			}
			a, c, err := openCase(ctx, e, args[0])
			if err != nil {
				return err
			}
			defer a.Close()
			if e.json {
				return writeJSON(e.stdout, toCaseJSON(c))
			}
			return printCase(e, c)
		}
	},
}

func printCase(e *env, c workbench.Case) error {
	orNone := func(s string) string {
		if s == "" {
			return "—"
		}
		return s
	}
	publicOpinion := "no"
	if c.Service.PublicOpinion {
		publicOpinion = "yes"
	}
	var rows [][]string
	for _, row := range [][2]string{
		{"Case", strconv.FormatInt(c.ID, 10)},
		{"Title", c.Title},
		{"Status", c.Status},
		{"Opened", c.OpenedOn},
		{"Received", orNone(c.ReceivedOn)},
		{"Provider", c.Provider.Name},
		{"Credit code", orNone(c.Provider.CreditCode)},
		{"Service", c.Service.Name},
		{"Filing number", orNone(c.Service.FilingNo)},
		{"Modalities", orNone(strings.Join(c.Service.Modalities, ", "))},
		{"Public opinion (Art. 17)", publicOpinion},
		{"Inspectors", orNone(strings.Join(c.Inspectors, ", "))},
		{"Checklist template", c.ChecklistTemplate},
	} {
		rows = append(rows, []string{row[0] + ":", row[1]})
	}
	return writeTable(e.stdout, rows)
}

// optionalString is a string flag that knows whether it was given, so a
// missing --provider (usage error) differs from an empty one (bad input).
type optionalString struct{ v *string }

func (o *optionalString) String() string {
	if o == nil || o.v == nil {
		return ""
	}
	return *o.v
}

func (o *optionalString) Set(s string) error { o.v = &s; return nil }
