package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

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

// signForm is the Sign… dialog of a concluded inspection: it chooses one
// of the keys of the case's inspectors kept on this computer (or none),
// asks its passphrase, and can make a new key.
type signForm struct {
	v          *checklistView
	ring       *app.KeyRing
	inspectors []string
	keys       []app.Key // the keys of the case's inspectors

	choice *widget.Select
	pass   *widget.Entry
	form   *widget.Form
	intro  *widget.Label
	msg    *widget.Label
	signB  *widget.Button
	newB   *widget.Button
	d      *dialog.CustomDialog
	busy   bool
}

// keyLabel names a key in the choice: the inspector and the fingerprint's
// first groups.
func keyLabel(k app.Key) string {
	return k.Inspector + " · " + app.GroupFingerprint(k.Fingerprint)[:19] + "…"
}

// noKeyLabel is the choice of signing without a key.
func noKeyLabel() string { return lang.L("No key (the SHA-256 proves no signer)") }

// sign opens the Sign… dialog, once the keys folder has been read.
func (v *checklistView) sign() {
	var inspectors []string
	if c, ok := v.host.caseByID(v.caseID); ok {
		inspectors = c.Inspectors
	}
	v.host.goBackground(func() {
		ring, err := app.OpenKeyRing("")
		var keys []app.Key
		if err == nil {
			keys, err = ring.List()
		}
		v.host.do(func() {
			if err != nil {
				v.host.showError(err)
				return
			}
			f := &signForm{v: v, ring: ring, inspectors: inspectors}
			f.show(keys, "")
		})
	})
}

// setKeys offers the keys of the case's inspectors among keys, choosing
// the one with fingerprint want, else the first.
func (f *signForm) setKeys(keys []app.Key, want string) {
	f.keys = f.keys[:0]
	for _, k := range keys {
		if slices.Contains(f.inspectors, k.Inspector) {
			f.keys = append(f.keys, k)
		}
	}
	opts := make([]string, 0, len(f.keys)+1)
	chosen := noKeyLabel()
	for _, k := range f.keys {
		opts = append(opts, keyLabel(k))
		if k.Fingerprint == want || (want == "" && chosen == noKeyLabel()) {
			chosen = keyLabel(k)
		}
	}
	opts = append(opts, noKeyLabel())
	f.choice.SetOptions(opts)
	f.choice.SetSelected(chosen)
	if len(f.keys) == 0 {
		f.intro.SetText(lang.L("No signing key of this case's inspectors is on this computer. Make one with New key… to sign in your name; without a key the SHA-256 proves that the content is unchanged, not who signed it."))
	} else {
		f.intro.SetText(lang.L("Signing with your key adds a signature that proves who signed: anyone with your public key can check it."))
	}
}

// chosen is the key chosen, nil for none.
func (f *signForm) chosen() *app.Key {
	i := f.choice.SelectedIndex()
	if i < 0 || i >= len(f.keys) {
		return nil
	}
	return &f.keys[i]
}

func (f *signForm) show(keys []app.Key, want string) {
	win := f.v.win
	lead := widget.NewLabel(lang.L("Signing stores a SHA-256 over every item, result, note, finding, deadline and piece of evidence, in the names of the case's inspectors. A signed inspection can never be changed."))
	lead.Wrapping = fyne.TextWrapWord
	f.intro = widget.NewLabel("")
	f.intro.Wrapping = fyne.TextWrapWord
	f.msg = widget.NewLabel("")
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.Importance = widget.DangerImportance
	f.pass = widget.NewPasswordEntry()
	f.pass.SetPlaceHolder(lang.L("The key's passphrase"))
	f.choice = newSelect(nil, func(string) {
		if f.chosen() == nil {
			f.pass.SetText("")
			f.pass.Disable()
		} else if !f.busy {
			f.pass.Enable()
		}
		f.msg.SetText("")
		if f.form != nil {
			f.form.Refresh() // the passphrase's label follows its field
		}
	})
	f.setKeys(keys, want)
	f.newB = widget.NewButtonWithIcon(lang.L("New key…"), theme.ContentAddIcon(), f.newKey)
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("Sign with"), f.choice),
		widget.NewFormItem(lang.L("Passphrase"), f.pass),
	)
	content := container.NewVBox(lead, f.intro, f.form, container.NewHBox(f.newB), f.msg)
	f.d = dialog.NewCustomWithoutButtons(lang.L("Sign the inspection?"), content, win)
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), f.d.Hide)
	f.signB = widget.NewButtonWithIcon(lang.L("Sign"), theme.ConfirmIcon(), f.submit)
	f.signB.Importance = widget.HighImportance
	f.d.SetButtons([]fyne.CanvasObject{cancel, f.signB})
	f.pass.OnSubmitted = func(string) { f.submit() }
	dialogs.BindKeys(win, f.d, f.submit, f.d.Hide)
	// Sized twice: the wrapped texts ask for less height once the width
	// is set.
	f.d.Resize(fyne.NewSize(620, f.d.MinSize().Height))
	f.d.Resize(fyne.NewSize(620, f.d.MinSize().Height))
	f.d.Show()
	if f.chosen() != nil {
		win.Canvas().Focus(f.pass)
	}
}

// setBusy disables the dialog's controls while a key is unlocked or the
// inspection signed.
func (f *signForm) setBusy(busy bool, msg string) {
	f.busy = busy
	for _, w := range []fyne.Disableable{f.choice, f.pass, f.signB, f.newB} {
		if busy {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if !busy && f.chosen() == nil {
		f.pass.Disable()
	}
	f.msg.Importance = widget.MediumImportance
	if !busy {
		f.msg.Importance = widget.DangerImportance
	}
	f.msg.SetText(msg)
}

// submit unlocks the chosen key and signs, off the UI goroutine. A wrong
// passphrase keeps the dialog open and signs nothing.
func (f *signForm) submit() {
	if f.busy {
		return
	}
	var k *app.Key
	if c := f.chosen(); c != nil {
		kc := *c // the list may be replaced while the key is unlocked
		k = &kc
	}
	pass := f.pass.Text
	if k != nil && pass == "" {
		f.msg.SetText(lang.L("Type the passphrase of {{.Name}}'s key.", map[string]any{"Name": k.Inspector}))
		return
	}
	f.setBusy(true, lang.L("Signing…"))
	v := f.v
	var sig app.Signature
	v.run(nil, func(ctx context.Context) error {
		var keys []*app.SigningKey
		if k != nil {
			sk, err := f.ring.Unlock(*k, pass)
			if err != nil {
				return err
			}
			keys = append(keys, sk)
		}
		var err error
		sig, err = v.ws.SignInspection(ctx, v.caseID, keys...)
		return err
	}, func(err error) {
		var ke *app.KeyError
		switch {
		case errors.As(err, &ke):
			f.setBusy(false, keyErrorText(ke))
			if ke.Problem == app.KeyWrongPassphrase {
				f.pass.SetText("")
				v.win.Canvas().Focus(f.pass)
			}
		case err != nil:
			f.setBusy(false, "")
			f.d.Hide()
			v.host.showError(err)
		default:
			f.d.Hide()
			showSigned(sig, v.win)
		}
	})
}

// showSigned reports a signing: the SHA-256 and who signed with a key.
func showSigned(sig app.Signature, win fyne.Window) {
	var b strings.Builder
	b.WriteString(lang.L("Signed. SHA-256:") + "\n" + sig.SHA256)
	for _, s := range sig.Signatures {
		b.WriteString("\n\n" + lang.L("Signed with {{.Name}}'s key, fingerprint {{.Fingerprint}}.",
			map[string]any{"Name": s.Inspector, "Fingerprint": app.GroupFingerprint(s.Fingerprint)}))
	}
	if len(sig.Signatures) == 0 {
		b.WriteString("\n\n" + lang.L("No key signed it: the SHA-256 proves that the content is unchanged, not who signed it."))
	}
	l := widget.NewLabel(b.String())
	l.Selectable = true
	l.Wrapping = fyne.TextWrapWord
	d := newCustom(lang.L("Inspection signed"), lang.L("Close"), l, win)
	// Wide enough for the 64 hex digits on one line.
	d.Resize(fyne.NewSize(640, d.MinSize().Height))
	d.Show()
}

// strengthText words app.PassphraseStrength.
func strengthText(n int) string {
	switch n {
	case 0:
		return lang.L("Strength: too short (at least {{.N}} characters)", map[string]any{"N": app.MinPassphraseLength})
	case 1:
		return lang.L("Strength: weak")
	case 2:
		return lang.L("Strength: fair")
	case 3:
		return lang.L("Strength: good")
	}
	return lang.L("Strength: strong")
}

// newKey opens the dialog that makes a signing key: the inspector, the
// passphrase twice, its strength shown as it is typed.
func (f *signForm) newKey() {
	win := f.v.win
	name := widget.NewSelectEntry(f.inspectors)
	if len(f.inspectors) > 0 {
		name.SetText(f.inspectors[0])
	}
	pass, again := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	meter := widget.NewProgressBar()
	meter.Max = 4
	meter.TextFormatter = func() string { return "" }
	strength := widget.NewLabel(strengthText(0))
	pass.OnChanged = func(s string) {
		n := app.PassphraseStrength(s)
		meter.SetValue(float64(n))
		strength.SetText(strengthText(n))
	}
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	note := widget.NewLabel(lang.L("The private key is kept encrypted under this passphrase in your user folder, never in the workspace. Without the passphrase it cannot be used, and the passphrase cannot be recovered."))
	note.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Inspector"), name),
		widget.NewFormItem(lang.L("Passphrase"), pass),
		widget.NewFormItem(lang.L("Passphrase again"), again),
		widget.NewFormItem("", container.NewBorder(nil, nil, nil, strength, meter)),
	)
	d := dialog.NewCustomWithoutButtons(lang.L("New signing key"), container.NewVBox(note, form, msg), win)
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), d.Hide)
	var create *widget.Button
	busy := false
	submit := func() {
		if busy {
			return
		}
		if err := app.CheckInspectorName(name.Text); err != nil {
			msg.SetText(keyErrorText(err))
			return
		}
		if err := app.CheckNewPassphrase(pass.Text, again.Text); err != nil {
			msg.SetText(keyErrorText(err))
			return
		}
		busy = true
		create.Disable()
		msg.SetText(lang.L("Making the key…"))
		inspector, p := strings.TrimSpace(name.Text), pass.Text
		f.v.host.goBackground(func() {
			k, err := f.ring.New(inspector, p)
			var keys []app.Key
			if err == nil {
				// The key lives outside the workspace; the trail of the
				// case it was made for says it was made, and which.
				err = f.v.ws.Audit(context.Background(), workbench.AuditKeyCreated, "key/"+k.Fingerprint, f.v.caseID,
					map[string]any{"inspector": k.Inspector, "fingerprint": k.Fingerprint})
			}
			if err == nil {
				keys, err = f.ring.List()
			}
			f.v.host.do(func() {
				busy = false
				create.Enable()
				if err != nil {
					msg.SetText(keyErrorText(err))
					return
				}
				d.Hide()
				f.setKeys(keys, k.Fingerprint)
				if !slices.Contains(f.inspectors, k.Inspector) {
					f.msg.SetText(lang.L("The key was made for {{.Name}}, who is not an inspector of this case, so it cannot sign it.", map[string]any{"Name": k.Inspector}))
				}
				win.Canvas().Focus(f.pass)
			})
		})
	}
	create = widget.NewButtonWithIcon(lang.L("Make key"), theme.ConfirmIcon(), submit)
	create.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{cancel, create})
	again.OnSubmitted = func(string) { submit() }
	dialogs.BindKeys(win, d, submit, d.Hide)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	d.Show()
	win.Canvas().Focus(pass)
}

// keyErrorText words a problem with a signing key for the dialogs.
func keyErrorText(err error) string {
	var ke *app.KeyError
	if !errors.As(err, &ke) {
		return err.Error()
	}
	switch ke.Problem {
	case app.KeyWrongPassphrase:
		return lang.L("Wrong passphrase for {{.Name}}'s key. Nothing was signed.", map[string]any{"Name": ke.Key})
	case app.KeyWeakPassphrase:
		return lang.L("The passphrase is too short: at least {{.N}} characters.", map[string]any{"N": app.MinPassphraseLength})
	case app.KeyPassphraseMismatch:
		return lang.L("The two passphrases differ.")
	case app.KeyBadName:
		return lang.L("Give the inspector's name, on one line.")
	case app.KeyNotInspector:
		return lang.L("This key belongs to {{.Name}}, who is not an inspector of this case.", map[string]any{"Name": ke.Key})
	case app.KeyInWorkspace:
		return lang.L("The keys folder lies inside the workspace; keys must be kept outside it.")
	case app.KeyDamaged:
		return lang.L("The key file is damaged or has been altered: {{.File}}", map[string]any{"File": ke.Key})
	}
	return lang.L("The signing key cannot be used.")
}

// signatureLines words each key signature's check for the Verify dialog.
func signatureLines(checks []app.SignatureCheck) string {
	if len(checks) == 0 {
		return lang.L("No key signed it: the SHA-256 proves that the content is unchanged, not who signed it.")
	}
	var b strings.Builder
	for i, c := range checks {
		if i > 0 {
			b.WriteString("\n")
		}
		a := map[string]any{"Name": c.Inspector, "Fingerprint": app.GroupFingerprint(c.Fingerprint)}
		var line string
		switch {
		case c.OK:
			line = lang.L("✓ {{.Name}}: signed with key {{.Fingerprint}}. Compare the fingerprint with the one {{.Name}} gave you.", a)
		case c.Problem == app.SigContentChanged:
			line = lang.L("✗ {{.Name}}: the signature is over the inspection as it was signed, which the workspace no longer holds.", a)
		case c.Problem == app.SigBadSignature:
			line = lang.L("✗ {{.Name}}: the signature was not made with the recorded key {{.Fingerprint}} over this inspection: it was made with another key, or altered.", a)
		case c.Problem == app.SigBadFingerprint:
			line = lang.L("✗ {{.Name}}: the recorded fingerprint is not that of the recorded key.", a)
		case c.Problem == app.SigNotSigner:
			line = lang.L("✗ {{.Name}}: not among the inspectors the inspection was signed by.", a)
		default:
			line = lang.L("✗ {{.Name}}: the recorded key or signature is damaged.", a)
		}
		b.WriteString(line)
	}
	return b.String()
}

// verificationText words a verification for the Verify dialog.
func verificationText(res app.Verification) string {
	var b strings.Builder
	badSig := slices.ContainsFunc(res.Signatures, func(c app.SignatureCheck) bool { return !c.OK })
	switch {
	case res.OK:
		b.WriteString(lang.L("The inspection matches its signature."))
	case len(res.Differences) == 0 && badSig:
		b.WriteString(lang.L("The inspection matches its SHA-256, but a key signature does NOT verify."))
	default:
		b.WriteString(lang.L("The inspection does NOT match its signature. Differences:"))
		for _, d := range res.Differences {
			where := d.Item
			if where == "" {
				where = lang.L("case")
			}
			fmt.Fprintf(&b, "\n• %s, %s: %q → %q", where, d.Field, app.Clip(d.Signed, 120), app.Clip(d.Now, 120))
		}
	}
	b.WriteString("\n\n" + lang.L("Key signatures") + "\n" + signatureLines(res.Signatures))
	b.WriteString("\n\n" + lang.L("Signature: {{.Hash}}", map[string]any{"Hash": res.Signature}) +
		"\n" + lang.L("Recomputed: {{.Hash}}", map[string]any{"Hash": res.Recomputed}))
	return b.String()
}
