package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/dialogs"
)

// auditView is the Audit trail dialog (Case → Audit trail…): every change
// recorded in the workspace, newest first — time, user, action, object,
// details, all in the user's language — and a Verify button that checks
// the trail's hash chain and says whether it is intact or which entry was
// tampered with. The trail is read and verified off the UI goroutine.
type auditView struct {
	host pageHost
	ws   *app.App
	win  fyne.Window

	entries []workbench.AuditEntry // newest first
	since   *widget.Label
	empty   *widget.Label
	table   *widget.Table
	verify  *widget.Button
	result  *widget.Label
	content fyne.CanvasObject
	d       dialog.Dialog
}

// auditColumns are the table's column titles and widths.
func auditColumns() ([]string, []float32) {
	return []string{lang.L("No."), lang.L("Time"), lang.L("User"), lang.L("Action"), lang.L("Object"), lang.L("Details")},
		[]float32{60, 170, 110, 160, 230, 520}
}

func newAuditView(host pageHost) *auditView {
	v := &auditView{host: host, ws: host.Workspace(), win: host.Window()}
	v.since = widget.NewLabel(lang.L("Reading the audit trail…"))
	v.since.Wrapping = fyne.TextWrapWord
	v.empty = widget.NewLabel(lang.L("No changes have been recorded yet."))
	v.empty.Alignment = fyne.TextAlignCenter
	v.empty.Hide()
	titles, widths := auditColumns()
	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.entries), len(titles) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.cell(id)) },
	)
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(titles) {
			o.(*widget.Label).SetText(titles[id.Col])
		}
	}
	for i, w := range widths {
		v.table.SetColumnWidth(i, w)
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(v.entries) {
			v.showEntry(v.entries[id.Row])
		}
	}
	v.verify = widget.NewButtonWithIcon(lang.L("Verify"), theme.ConfirmIcon(), v.runVerify)
	v.verify.Importance = widget.HighImportance
	v.result = widget.NewLabel(lang.L("Verify checks that no entry was edited, deleted, inserted or moved since it was written."))
	v.result.Wrapping = fyne.TextWrapWord
	top := container.NewBorder(nil, nil, nil, v.verify, v.since)
	v.content = container.NewBorder(top, v.result, nil, nil, container.NewStack(v.table, v.empty))
	return v
}

// show opens the dialog and reads the trail.
func (v *auditView) show() {
	v.d = dialog.NewCustom(lang.L("Audit trail"), lang.L("Close"), v.content, v.win)
	dialogs.BindKeys(v.win, v.d, nil, v.d.Hide)
	v.d.Resize(dialogSize(v.win, 1340, 680))
	v.d.Show()
	v.load()
}

// load reads the trail off the UI goroutine and shows it.
func (v *auditView) load() {
	v.host.goBackground(func() {
		ctx := context.Background()
		since, err := v.ws.AuditSince(ctx)
		var es []workbench.AuditEntry
		if err == nil {
			es, err = v.ws.AuditTrail(ctx, 0)
		}
		v.host.do(func() {
			if err != nil {
				v.since.SetText(lang.L("The audit trail could not be read."))
				v.host.showError(err)
				return
			}
			v.setEntries(since, es)
		})
	})
}

// setEntries shows the trail, newest entry first.
func (v *auditView) setEntries(since time.Time, es []workbench.AuditEntry) {
	v.entries = make([]workbench.AuditEntry, len(es))
	for i, e := range es {
		v.entries[len(es)-1-i] = e
	}
	v.since.SetText(lang.L("{{.Count}} changes recorded since {{.Since}}; changes made before then were not recorded.",
		map[string]any{"Count": len(es), "Since": localTime(since)}))
	if len(es) == 0 {
		v.table.Hide()
		v.empty.Show()
	} else {
		v.empty.Hide()
		v.table.Show()
	}
	v.table.Refresh()
}

// runVerify checks the chain off the UI goroutine and says what it found.
func (v *auditView) runVerify() {
	v.verify.Disable()
	v.result.Importance = widget.MediumImportance
	v.result.SetText(lang.L("Verifying the audit trail…"))
	v.host.goBackground(func() {
		chk, err := v.ws.VerifyAudit(context.Background())
		v.host.do(func() {
			v.verify.Enable()
			if err != nil {
				v.result.SetText(lang.L("The audit trail could not be read."))
				v.host.showError(err)
				return
			}
			v.showCheck(chk)
		})
	})
}

// showCheck words a verification in the user's language.
func (v *auditView) showCheck(chk workbench.AuditCheck) {
	v.result.Importance = widget.SuccessImportance
	if !chk.Intact {
		v.result.Importance = widget.DangerImportance
	}
	v.result.SetText(auditCheckText(chk))
}

// auditCheckText words a verification: intact, or the first bad entry and
// what was done to it.
func auditCheckText(chk workbench.AuditCheck) string {
	if chk.Intact {
		if chk.Entries == 0 {
			return lang.L("The audit trail is intact: it has no entries yet.")
		}
		return lang.L("The audit trail is intact: {{.Count}} entries, none edited, deleted, inserted or moved. Last hash: {{.Hash}}",
			map[string]any{"Count": chk.Entries, "Hash": chk.Head})
	}
	args := map[string]any{"Seq": chk.BadSeq}
	var what string
	switch chk.Problem {
	case workbench.AuditEdited:
		what = lang.L("Entry {{.Seq}} was edited: its content no longer matches its hash.", args)
	case workbench.AuditDeleted:
		what = lang.L("The chain is broken at entry {{.Seq}}: an entry was deleted there.", args)
	case workbench.AuditInserted:
		what = lang.L("Entry {{.Seq}} was inserted: the workbench did not write it there.", args)
	case workbench.AuditReordered:
		what = lang.L("Entry {{.Seq}} was moved: it stands before an entry written earlier.", args)
	default:
		what = lang.L("Entry {{.Seq}} is not as the workbench wrote it.", args)
	}
	return lang.L("The audit trail has been tampered with.") + sentenceGap() + what
}

// cell is the text of one cell of the table.
func (v *auditView) cell(id widget.TableCellID) string {
	if id.Row < 0 || id.Row >= len(v.entries) {
		return ""
	}
	e := v.entries[id.Row]
	switch id.Col {
	case 0:
		return fmt.Sprint(e.Seq)
	case 1:
		return localTime(e.Time)
	case 2:
		return e.User
	case 3:
		return nameIn(e.Action.Name())
	case 4:
		return auditObjectText(e.Object)
	case 5:
		return strings.Join(auditDetails(e.Details), listGap())
	}
	return ""
}

// showEntry shows one entry in full, its details a line each.
func (v *auditView) showEntry(e workbench.AuditEntry) {
	lines := []string{
		lang.L("Entry {{.Seq}}", map[string]any{"Seq": e.Seq}),
		localTime(e.Time) + " · " + e.User,
		nameIn(e.Action.Name()) + " · " + auditObjectText(e.Object),
		"",
	}
	lines = append(lines, auditDetails(e.Details)...)
	lines = append(lines, "", lang.L("Hash: {{.Hash}}", map[string]any{"Hash": e.Hash}))
	l := widget.NewLabel(strings.Join(lines, "\n"))
	l.Wrapping = fyne.TextWrapBreak
	d := dialog.NewCustom(lang.L("Audit entry"), lang.L("Close"), container.NewVScroll(l), v.win)
	dialogs.BindKeys(v.win, d, nil, d.Hide)
	d.Resize(dialogSize(v.win, 760, 480))
	d.Show()
}

// sentenceGap is what stands between two sentences: a space in English,
// nothing in Chinese.
func sentenceGap() string {
	if chinese() {
		return ""
	}
	return " "
}

// listGap stands between the items of a list on one line: "; " in
// English, a full-width semicolon in Chinese.
func listGap() string {
	if chinese() {
		return "；"
	}
	return "; "
}

// nameColon stands between a name and its value: ": " in English, a
// full-width colon in Chinese.
func nameColon() string {
	if chinese() {
		return "："
	}
	return ": "
}

// localTime is a time as the GUI shows it: local, to the second.
func localTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Local().Format("2006-01-02 15:04:05")
}

// auditObjectText words an audit object ("case/3", "submission/12",
// "case/3/item/ID", "key/F") in the user's language.
func auditObjectText(obj string) string {
	parts := strings.Split(obj, "/")
	switch {
	case len(parts) == 2 && parts[0] == "case":
		return lang.L("Case {{.ID}}", map[string]any{"ID": parts[1]})
	case len(parts) == 2 && parts[0] == "submission":
		return lang.L("Submission {{.ID}}", map[string]any{"ID": parts[1]})
	case len(parts) == 4 && parts[0] == "case" && parts[2] == "item":
		return lang.L("Case {{.ID}}, item {{.Item}}", map[string]any{"ID": parts[1], "Item": parts[3]})
	case len(parts) == 2 && parts[0] == "key":
		return lang.L("Key {{.ID}}", map[string]any{"ID": parts[1]})
	}
	return obj
}

// auditDetailNames are the details' keys in the user's language, in the
// order they are shown; a key not listed shows as it is, after them.
func auditDetailNames() []struct{ key, name string } {
	return []struct{ key, name string }{
		{"title", lang.L("Title")}, {"provider", lang.L("Provider")}, {"service", lang.L("Service")},
		{"inspectors", lang.L("Inspectors")}, {"file", lang.L("File")}, {"files", lang.L("Files deleted")},
		{"kind", lang.L("Kind")}, {"label", lang.L("Label")}, {"from", lang.L("From")}, {"to", lang.L("To")},
		{"records", lang.L("Records")}, {"passages", lang.L("Passages")}, {"size", lang.L("Size (bytes)")},
		{"template", lang.L("Checklist template")}, {"version", lang.L("Template version")}, {"items", lang.L("Items")},
		{"proposals", lang.L("Proposals")}, {"decision", lang.L("Decision")}, {"decided_result", lang.L("Result decided")},
		{"result", lang.L("Result")}, {"severity", lang.L("Severity")}, {"deadline", lang.L("Deadline")},
		{"text_changed", lang.L("Text changed")}, {"evidence_added", lang.L("Evidence added")},
		{"evidence_removed", lang.L("Evidence removed")}, {"added", lang.L("Proposals added")}, {"kept", lang.L("Proposals kept")},
		{"lang", lang.L("Language")}, {"include_personal_info", lang.L("Personal information unmasked")},
		{"signed_by", lang.L("Signed by")}, {"signature", lang.L("Signature")}, {"fingerprint", lang.L("Fingerprint")},
		{"sha256", "SHA-256"}, {"edited_case", lang.L("Edited through case")},
		{"created_case", lang.L("Changed by creating case")},
	}
}

// auditDetails words an entry's details, one "name: value" each, with
// vocabulary codes in the user's language.
func auditDetails(details string) []string {
	var m map[string]any
	if err := json.Unmarshal([]byte(details), &m); err != nil {
		return []string{details}
	}
	var out []string
	known := map[string]bool{}
	if changes, ok := m["changes"].(map[string]any); ok {
		// A case edited: each field changed, from what to what.
		out = caseChangeLines(m["fields"], changes)
		known["changes"], known["fields"] = true, true
	}
	for _, n := range auditDetailNames() {
		known[n.key] = true
		if v, ok := m[n.key]; ok {
			out = append(out, n.name+nameColon()+auditValue(n.key, v))
		}
	}
	var rest []string
	for k := range m {
		if !known[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		out = append(out, k+nameColon()+auditValue(k, m[k]))
	}
	return out
}

// caseFieldName is the name of a case detail as the case form shows it
// (store.CaseField…), or the key itself for one it does not know.
func caseFieldName(field string) string {
	names := map[string]string{
		"provider": lang.L("Provider"), "credit_code": lang.L("Unified social credit code"), "service": lang.L("Service"),
		"filing_no": lang.L("Filing number"), "modalities": lang.L("Modalities"),
		"public_opinion": lang.L("Public-opinion attribute (Art. 17)"), "title": lang.L("Title"),
		"inspectors": lang.L("Inspectors"), "opened_on": lang.L("Opened on"), "received_on": lang.L("Material received on"),
	}
	if name := names[field]; name != "" {
		return name
	}
	return field
}

// caseChangeLines words the changes of a case_edited entry, one line a
// field in the order fields lists them: "Provider: old → new".
func caseChangeLines(fields any, changes map[string]any) []string {
	value := func(field string, v any) string {
		if s, ok := v.(string); ok && s == "" {
			return "—"
		}
		if list, ok := v.([]any); ok && field == "modalities" {
			parts := make([]string, len(list))
			for i, m := range list {
				parts[i] = modalityName(fmt.Sprint(m))
			}
			v = []any{strings.Join(parts, lang.L(", "))}
		}
		return auditValue(field, v)
	}
	list, _ := fields.([]any)
	var out []string
	for _, f := range list {
		field := fmt.Sprint(f)
		ch, _ := changes[field].(map[string]any)
		out = append(out, caseFieldName(field)+nameColon()+value(field, ch["from"])+" → "+value(field, ch["to"]))
	}
	return out
}

// auditValue words one detail's value.
func auditValue(key string, v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case bool:
		if x {
			return lang.L("Yes")
		}
		return lang.L("No")
	case float64:
		return fmt.Sprint(int64(x))
	case []any:
		if len(x) == 0 {
			return "—"
		}
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = auditValue(key, e)
		}
		return strings.Join(parts, lang.L(", "))
	case map[string]any:
		// A file deleted with its case: its name and hash.
		name, _ := x["file"].(string)
		sum, _ := x["sha256"].(string)
		if len(sum) > 12 {
			sum = sum[:12] + "…"
		}
		return strings.TrimSpace(name + " (" + sum + ")")
	case string:
		switch key {
		case "result", "decided_result":
			return resultName(x)
		case "severity":
			return severityName(x)
		case "kind":
			return kindName(x)
		case "label", "from", "to":
			return labelName(x)
		case "decision":
			return decisionName(x)
		case "text_changed":
			return map[string]string{"note": lang.L("Note"), "finding": lang.L("Finding")}[x]
		case "lang":
			switch x {
			case workbench.ExportLangZh:
				return lang.L("Chinese")
			case workbench.ExportLangEn:
				return lang.L("English")
			case workbench.ExportLangBoth:
				return lang.L("Chinese and English")
			}
		}
		return x
	}
	return fmt.Sprint(v)
}

// showAuditTrail opens the Audit trail dialog (Case → Audit trail…).
func (mw *MainWindow) showAuditTrail() { newAuditView(mw).show() }
