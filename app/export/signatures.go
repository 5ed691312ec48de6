package export

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"

	"github.com/inspection-workbench/workbench"
	"github.com/xuri/excelize/v2"
)

// KeySignature is one inspector's Ed25519 signature of the inspection's
// SHA-256, as the Summary sheet shows it: enough for an auditor to check
// it with wb alone (wb inspect verify --workbook).
type KeySignature struct {
	Inspector string
	// Fingerprint is the hex SHA-256 of the public key.
	Fingerprint string
	// PublicKey and Signature are base64.
	PublicKey, Signature string
}

// Labels of the signature rows on the Summary sheet.
var (
	sumSigner      = workbench.Text{Zh: "签名人（Ed25519 密钥）", En: "Signed with key (Ed25519)"}
	sigFingerprint = workbench.Text{Zh: "密钥指纹（SHA-256）", En: "Key fingerprint (SHA-256)"}
	sigPublicKey   = workbench.Text{Zh: "公钥", En: "Public key"}
	sigSignature   = workbench.Text{Zh: "签名", En: "Signature"}
	sigNoKey       = workbench.Text{
		Zh: "未用密钥签名：上面的 SHA-256 只证明内容未被改动，不证明由谁签署",
		En: "No key signature: the SHA-256 above proves the content is unchanged, not who signed it",
	}
)

// signatureRows are the Summary's rows for the key signatures: one per
// signer, or one saying there is none when the inspection is signed
// without keys; none when it is not signed.
func (x *writer) signatureRows() [][2]any {
	c := x.d.Case
	if c.Signature == "" {
		return nil
	}
	label := excelize.Cell{StyleID: x.st.label, Value: escapeCell(short(sumSigner, x.lang))}
	if len(c.KeySignatures) == 0 {
		return [][2]any{{label, excelize.Cell{StyleID: x.st.wrap, Value: escapeCell(short(sigNoKey, x.lang))}}}
	}
	sep := ": "
	if x.lang == workbench.ExportLangZh {
		sep = "："
	}
	var rows [][2]any
	for _, s := range c.KeySignatures {
		name := s.Inspector
		if !x.d.IncludePersonalInfo {
			name = MaskPersonalInfo(name)
		}
		text := strings.Join([]string{name,
			short(sigFingerprint, x.lang) + sep + groupHex(s.Fingerprint),
			short(sigPublicKey, x.lang) + sep + s.PublicKey,
			short(sigSignature, x.lang) + sep + s.Signature}, "\n")
		rows = append(rows, [2]any{label, excelize.Cell{StyleID: x.st.wrap, Value: escapeCell(text)}})
	}
	return rows
}

// groupHex writes hex in groups of four.
func groupHex(h string) string {
	var b strings.Builder
	for i := 0; i < len(h); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(h[i:min(i+4, len(h))])
	}
	return b.String()
}

// WorkbookSignatures is what an exported workbook's Summary shows of the
// signature: the inspection's SHA-256 and the key signatures.
type WorkbookSignatures struct {
	CaseID int64
	// SHA256 is the hex SHA-256 of the signed inspection, "" when the
	// workbook shows none.
	SHA256        string
	KeySignatures []KeySignature
}

var (
	hexHash     = regexp.MustCompile(`^[0-9a-f]{64}$`)
	groupedHash = regexp.MustCompile(`^[0-9a-f]{4}( [0-9a-f]{4}){15}$`)
)

// ReadSignatures reads the signature and key signatures from the Summary
// sheet of a workbook Write made, in any of its languages. The rows are
// found by their contents' shapes — a 64-digit hash, a 32-byte key and a
// 64-byte signature in base64 — not by their labels.
func ReadSignatures(path string) (*WorkbookSignatures, error) {
	if err := preflight(path); err != nil {
		return nil, fmt.Errorf("reading signatures from %s: %w", path, err)
	}
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, fmt.Errorf("reading signatures from %s: not a readable Excel workbook: %w", path, err)
	}
	defer func() { _ = f.Close() }()
	ws := &WorkbookSignatures{}
	if props, err := f.GetDocProps(); err == nil {
		ws.CaseID = parseCaseIdentifier(props.Identifier)
	}
	sheet := ""
	for _, lang := range []string{workbench.ExportLangZh, workbench.ExportLangEn} {
		if idx, err := f.GetSheetIndex(SheetName(SheetSummary, lang)); err == nil && idx >= 0 {
			sheet = SheetName(SheetSummary, lang)
			break
		}
	}
	if sheet == "" {
		return nil, fmt.Errorf("reading signatures from %s: it has no Summary sheet (%s)", path, SheetNames[SheetSummary].Both(" / "))
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("reading signatures from %s: %w", path, err)
	}
	for _, r := range rows {
		if len(r) < 2 {
			continue
		}
		v := strings.TrimSpace(unescapeCell(r[1]))
		if ws.SHA256 == "" && hexHash.MatchString(v) && strings.Contains(r[0], "SHA-256") {
			ws.SHA256 = v
			continue
		}
		if ks, ok := parseSignatureCell(v); ok {
			ws.KeySignatures = append(ws.KeySignatures, ks)
		}
	}
	return ws, nil
}

// parseSignatureCell reads a signer's cell: the name on the first line,
// then the fingerprint, public key and signature, each after a label.
func parseSignatureCell(v string) (KeySignature, bool) {
	lines := strings.Split(v, "\n")
	if len(lines) < 4 {
		return KeySignature{}, false
	}
	ks := KeySignature{Inspector: strings.TrimSpace(lines[0])}
	for _, l := range lines[1:] {
		_, val, ok := strings.Cut(strings.ReplaceAll(l, "：", ": "), ": ")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		b, err := base64.StdEncoding.DecodeString(val)
		switch {
		case groupedHash.MatchString(val):
			ks.Fingerprint = strings.ReplaceAll(val, " ", "")
		case err == nil && len(b) == 32:
			ks.PublicKey = val
		case err == nil && len(b) == 64:
			ks.Signature = val
		}
	}
	return ks, ks.Fingerprint != "" && ks.PublicKey != "" && ks.Signature != ""
}
