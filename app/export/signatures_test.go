package export

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// keySigned is the sample with two key signatures, from fixed seeds.
func keySigned(t *testing.T, lang string) (*Data, []KeySignature) {
	t.Helper()
	d := sampleData(lang)
	var sigs []KeySignature
	for i, name := range []string{"王芳", "李雷"} {
		priv := ed25519.NewKeyFromSeed(append(make([]byte, 31), byte(i+1)))
		pub := priv.Public().(ed25519.PublicKey)
		fp := sha256.Sum256(pub)
		sigs = append(sigs, KeySignature{Inspector: name, Fingerprint: hex.EncodeToString(fp[:]),
			PublicKey: base64.StdEncoding.EncodeToString(pub), Signature: base64.StdEncoding.EncodeToString(ed25519.Sign(priv, []byte(d.Case.Signature)))})
	}
	d.Case.KeySignatures = sigs
	return d, sigs
}

// TestSignatureRows writes the key signatures on the Summary in each
// language and reads them back by their shapes.
func TestSignatureRows(t *testing.T) {
	for _, lang := range []string{workbench.ExportLangZh, workbench.ExportLangEn, workbench.ExportLangBoth} {
		d, sigs := keySigned(t, lang)
		path := writeSample(t, d)
		v := summaryValues(t, open(t, path), SheetName(SheetSummary, lang))
		cell := v[short(sumSigner, lang)]
		if !strings.Contains(cell, groupHex(sigs[1].Fingerprint)) || !strings.Contains(cell, sigs[1].Signature) || !strings.HasPrefix(cell, "李雷\n") {
			t.Errorf("%s: signer cell %q", lang, cell)
		}
		ws, err := ReadSignatures(path)
		if err != nil {
			t.Fatal(err)
		}
		if ws.SHA256 != sampleSHA || ws.CaseID != d.Case.ID || len(ws.KeySignatures) != 2 {
			t.Fatalf("%s: ReadSignatures = %+v", lang, ws)
		}
		for i, s := range ws.KeySignatures {
			if s != sigs[i] {
				t.Errorf("%s: read %+v, wrote %+v", lang, s, sigs[i])
			}
		}
	}
	// Signed without keys: the Summary says the hash proves no signer.
	d := sampleData(workbench.ExportLangZh)
	path := writeSample(t, d)
	if got := summaryValues(t, open(t, path), "概要")[sumSigner.Zh]; got != sigNoKey.Zh {
		t.Errorf("signer row without keys = %q", got)
	}
	if ws, err := ReadSignatures(path); err != nil || ws.SHA256 != sampleSHA || len(ws.KeySignatures) != 0 {
		t.Errorf("ReadSignatures without keys = %+v, %v", ws, err)
	}
	// Not signed: no signer row, no hash.
	d = sampleData(workbench.ExportLangEn)
	d.Case.Signature, d.Case.Status = "", "concluded"
	path = writeSample(t, d)
	if _, ok := summaryValues(t, open(t, path), "Summary")[sumSigner.En]; ok {
		t.Error("an unsigned inspection's Summary has a signer row")
	}
	if ws, err := ReadSignatures(path); err != nil || ws.SHA256 != "" {
		t.Errorf("ReadSignatures of an unsigned workbook = %+v, %v", ws, err)
	}
}
