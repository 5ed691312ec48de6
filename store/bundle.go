package store

import (
	"archive/tar"
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/inspection-workbench/workbench"
)

// BundleFormat names the layout of a case bundle's tar: manifest.json,
// then tables/NAME.jsonl for each table in the manifest's order, then
// audit.jsonl, then blobs/SHA256 for each file.
const BundleFormat = "wb-case-bundle/1"

// BundleManifest is a bundle's manifest.json: what it holds and the
// SHA-256 of every stream, checked on import before anything is kept.
type BundleManifest struct {
	Format        string `json:"format"`
	BundleID      string `json:"bundle_id"` // random; the audit trails record it, so a bundle is imported once
	SchemaVersion int    `json:"schema_version"`
	CreatedAt     string `json:"created_at"`
	CaseID        int64  `json:"case_id"` // the case's number in the workspace it came from
	Title         string `json:"title"`
	Status        string `json:"status"`
	// Provider and Service are the case's provider and service rows
	// (without ids), matched by name in the workspace imported into.
	Provider map[string]any `json:"provider"`
	Service  map[string]any `json:"service"`
	Tables   []BundleStream `json:"tables"`
	// Audit is the source workspace's audit entries about the case.
	Audit BundleStream `json:"audit"`
	Blobs []BundleBlob `json:"blobs"`
	// StateSecretLeftOut counts the case's files labelled state_secret
	// the bundle leaves out (with their rows), 0 when it carries them.
	StateSecretLeftOut int `json:"state_secret_left_out,omitempty"`
}

// BundleStream is one JSONL stream of a bundle: a table's rows of the
// case, each line a JSON array of the columns' values.
type BundleStream struct {
	Name     string   `json:"name"`
	Columns  []string `json:"columns"`
	IDColumn string   `json:"id_column,omitempty"`
	Rows     int64    `json:"rows"`
	Bytes    int64    `json:"bytes"`
	SHA256   string   `json:"sha256"`
	MinID    int64    `json:"min_id,omitempty"`
	MaxID    int64    `json:"max_id,omitempty"`
}

// BundleBlob is one submitted file in a bundle.
type BundleBlob struct {
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// BundleRows is the total number of table rows a manifest lists.
func (m BundleManifest) BundleRows() int64 {
	var n int64
	for _, t := range m.Tables {
		n += t.Rows
	}
	return n
}

// BundleProgress is told the table rows done so far and the total.
type BundleProgress func(done, total int64)

// counter counts rows done for a BundleProgress.
type counter struct {
	done, total int64
	f           BundleProgress
}

func (c *counter) add(n int64) {
	if c == nil || c.f == nil {
		return
	}
	c.done += n
	c.f(c.done, c.total)
}

// queryer is what both *sql.Conn and *sql.Tx offer.
type queryer interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}

// encodeValue turns a column value into JSON: integers and text as
// themselves, NULL as null, a real as {"f":x}, a blob as {"b":base64}.
func encodeValue(v any) any {
	switch x := v.(type) {
	case float64:
		return map[string]any{"f": x}
	case []byte:
		return map[string]any{"b": base64.StdEncoding.EncodeToString(x)}
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case bool:
		if x {
			return int64(1)
		}
		return int64(0)
	}
	return v
}

func decodeValue(v any) (any, error) {
	switch x := v.(type) {
	case nil, string:
		return x, nil
	case json.Number:
		n, err := x.Int64()
		if err != nil {
			return nil, fmt.Errorf("value %s is not an integer", x)
		}
		return n, nil
	case map[string]any:
		if f, ok := x["f"].(json.Number); ok {
			return f.Float64()
		}
		if b, ok := x["b"].(string); ok {
			return base64.StdEncoding.DecodeString(b)
		}
	}
	return nil, fmt.Errorf("value %v of an unknown type", v)
}

// streamRows writes the case's rows of t as JSONL to w and returns how
// many there were and the least and greatest rowid.
func streamRows(ctx context.Context, q queryer, t bundleTable, orderBy string, caseID int64, w io.Writer, progress *counter) (n, minID, maxID int64, err error) {
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = quoteIdent(c)
	}
	rows, err := q.QueryContext(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM `+quoteIdent(t.Name)+` WHERE `+t.Where+` ORDER BY `+orderBy, caseID)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("read %s: %w", t.Name, err)
	}
	defer rows.Close()
	idIdx := -1
	for i, c := range t.Columns {
		if c == t.IDColumn {
			idIdx = i
		}
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var b []byte
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return 0, 0, 0, fmt.Errorf("read %s: %w", t.Name, err)
		}
		if b, err = appendRow(b[:0], vals); err != nil {
			return 0, 0, 0, fmt.Errorf("encode a row of %s: %w", t.Name, err)
		}
		if _, err := w.Write(b); err != nil {
			return 0, 0, 0, err
		}
		if idIdx >= 0 {
			if id, ok := vals[idIdx].(int64); ok {
				if n == 0 || id < minID {
					minID = id
				}
				if id > maxID {
					maxID = id
				}
			}
		}
		n++
		if n%10000 == 0 {
			progress.add(10000)
		}
	}
	progress.add(n % 10000)
	if err := rows.Err(); err != nil {
		return 0, 0, 0, fmt.Errorf("read %s: %w", t.Name, err)
	}
	return n, minID, maxID, nil
}

// appendRow appends a row as a JSON array and a newline: integers and
// text directly, other values through encodeValue and encoding/json.
func appendRow(b []byte, vals []any) ([]byte, error) {
	b = append(b, '[')
	for i, v := range vals {
		if i > 0 {
			b = append(b, ',')
		}
		switch x := v.(type) {
		case nil:
			b = append(b, "null"...)
		case int64:
			b = strconv.AppendInt(b, x, 10)
		case string:
			b = appendJSONString(b, x)
		default:
			e, err := json.Marshal(encodeValue(v))
			if err != nil {
				return nil, err
			}
			b = append(b, e...)
		}
	}
	return append(b, ']', '\n'), nil
}

// appendJSONString appends s as a JSON string: as it is when it needs no
// escape (valid UTF-8 without control characters, quotes or
// backslashes), else through encoding/json.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' {
			e, _ := json.Marshal(s)
			return append(b, e...)
		}
	}
	if !utf8.ValidString(s) {
		e, _ := json.Marshal(s)
		return append(b, e...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// countWriter counts and hashes what is written through it.
type countWriter struct {
	n int64
	h hash.Hash
}

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	c.h.Write(p)
	return len(p), nil
}

func orderOf(t bundleTable, pk []string) string {
	if t.IDColumn != "" {
		return quoteIdent(t.IDColumn)
	}
	if len(pk) > 0 {
		q := make([]string, len(pk))
		for i, c := range pk {
			q[i] = quoteIdent(c)
		}
		return strings.Join(q, ", ")
	}
	return "rowid"
}

// auditTable is the audit trail as a stream of a bundle: the source's
// entries about the case, in order.
var auditTable = bundleTable{Name: "audit_log", Columns: []string{"seq", "at", "os_user", "action", "object", "case_id", "details", "prev_hash", "hash"},
	IDColumn: "seq", Where: "case_id = ?1"}

// rowMap reads one row as column → value, leaving out the columns named.
func rowMap(ctx context.Context, q queryer, table, where string, arg any, skip ...string) (map[string]any, error) {
	rows, err := q.QueryContext(ctx, `SELECT * FROM `+quoteIdent(table)+` WHERE `+where, arg)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	if !rows.Next() {
		return nil, fmt.Errorf("read %s: %w", table, ErrNotFound)
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, fmt.Errorf("read %s: %w", table, err)
	}
	out := map[string]any{}
	for i, c := range cols {
		if !containsStr(skip, c) {
			out[c] = encodeValue(vals[i])
		}
	}
	return out, rows.Err()
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ExportCaseBundle writes case id as a bundle's tar to w: the manifest,
// every case table's rows, the case's audit entries and its files. It
// reads from one snapshot of the database and streams every table, so
// memory does not grow with the case: each stream is read twice, once to
// hash and measure it for the manifest and the tar header, once to write.
//
// Unless withStateSecret is set, the case's submissions labelled
// state_secret, their files and every row that names them are left out; a
// signed case holding such material is refused then (ErrBundleStateSecret),
// since its signature covers the evidence that would be missing.
func (s *Store) ExportCaseBundle(ctx context.Context, id int64, bundleID string, w io.Writer, progress BundleProgress, withStateSecret bool) (BundleManifest, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return BundleManifest{}, fmt.Errorf("bundle case %d: %w", id, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN DEFERRED`); err != nil {
		return BundleManifest{}, fmt.Errorf("bundle case %d: %w", id, err)
	}
	defer conn.ExecContext(context.Background(), `ROLLBACK`) //nolint:errcheck // a read-only snapshot
	m := BundleManifest{Format: BundleFormat, BundleID: bundleID, SchemaVersion: LatestSchemaVersion(), CreatedAt: s.timestamp(), CaseID: id}
	var serviceID int64
	err = conn.QueryRowContext(ctx, `SELECT title, status, service_id FROM cases WHERE id = ?`, id).Scan(&m.Title, &m.Status, &serviceID)
	if errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("case %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return m, fmt.Errorf("bundle case %d: %w", id, err)
	}
	if m.Service, err = rowMap(ctx, conn, "services", "id = ?", serviceID, "id"); err != nil {
		return m, err
	}
	pid, _ := m.Service["provider_id"].(int64)
	delete(m.Service, "provider_id")
	if m.Provider, err = rowMap(ctx, conn, "providers", "id = ?", pid, "id"); err != nil {
		return m, err
	}
	tables, err := caseTables(ctx, conn, withStateSecret)
	if err != nil {
		return m, err
	}
	subsWhere := "case_id = ?1"
	for _, t := range tables {
		if t.Name == "submissions" {
			subsWhere = t.Where
		}
	}
	if !withStateSecret {
		var secret int
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM submissions WHERE case_id = ? AND label = 'state_secret'`, id).Scan(&secret); err != nil {
			return m, fmt.Errorf("bundle case %d: %w", id, err)
		}
		m.StateSecretLeftOut = secret
		if secret > 0 && m.Status == StatusSigned {
			return m, ErrBundleStateSecret
		}
	}
	schema, err := readSchema(ctx, conn)
	if err != nil {
		return m, err
	}
	all := append(append([]bundleTable{}, tables...), auditTable)
	streams := make([]BundleStream, len(all))
	for i, t := range all {
		cw := &countWriter{h: sha256.New()}
		n, lo, hi, err := streamRows(ctx, conn, t, orderOf(t, schema[t.Name].pkCols), id, cw, nil)
		if err != nil {
			return m, fmt.Errorf("bundle case %d: %w", id, err)
		}
		streams[i] = BundleStream{Name: t.Name, Columns: t.Columns, IDColumn: t.IDColumn, Rows: n, Bytes: cw.n,
			SHA256: hex.EncodeToString(cw.h.Sum(nil)), MinID: lo, MaxID: hi}
	}
	m.Tables, m.Audit = streams[:len(tables)], streams[len(tables)]
	rows, err := conn.QueryContext(ctx, `SELECT DISTINCT sha256 FROM submissions WHERE `+subsWhere+` ORDER BY sha256`, id)
	if err != nil {
		return m, fmt.Errorf("bundle case %d: list its files: %w", id, err)
	}
	for rows.Next() {
		var sum string
		if err := rows.Scan(&sum); err != nil {
			rows.Close()
			return m, fmt.Errorf("bundle case %d: list its files: %w", id, err)
		}
		m.Blobs = append(m.Blobs, BundleBlob{SHA256: sum})
	}
	rows.Close()
	for i, b := range m.Blobs {
		p, err := s.blobs.path(b.SHA256)
		if err != nil {
			return m, err
		}
		fi, err := os.Stat(p)
		if err != nil {
			return m, fmt.Errorf("bundle case %d: file %s is missing from the workspace: %w", id, b.SHA256, err)
		}
		m.Blobs[i].Size = fi.Size()
	}

	prog := &counter{total: m.BundleRows() + m.Audit.Rows, f: progress}
	tw := tar.NewWriter(w)
	mb, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return m, fmt.Errorf("bundle case %d: %w", id, err)
	}
	hdr := func(name string, size int64) *tar.Header {
		return &tar.Header{Name: name, Mode: 0o600, Size: size, ModTime: time.Unix(0, 0), Format: tar.FormatPAX}
	}
	if err := tw.WriteHeader(hdr("manifest.json", int64(len(mb)))); err != nil {
		return m, err
	}
	if _, err := tw.Write(mb); err != nil {
		return m, err
	}
	for i, t := range all {
		st := streams[i]
		name := "tables/" + t.Name + ".jsonl"
		if i == len(tables) {
			name = "audit.jsonl"
		}
		if err := tw.WriteHeader(hdr(name, st.Bytes)); err != nil {
			return m, err
		}
		cw := &countWriter{h: sha256.New()}
		bw := bufio.NewWriterSize(io.MultiWriter(tw, cw), 1<<16)
		if _, _, _, err := streamRows(ctx, conn, t, orderOf(t, schema[t.Name].pkCols), id, bw, prog); err != nil {
			return m, fmt.Errorf("bundle case %d: %w", id, err)
		}
		if err := bw.Flush(); err != nil {
			return m, fmt.Errorf("bundle case %d: write %s: %w", id, name, err)
		}
		if cw.n != st.Bytes || hex.EncodeToString(cw.h.Sum(nil)) != st.SHA256 {
			return m, fmt.Errorf("bundle case %d: %s changed while it was written", id, t.Name)
		}
	}
	for _, b := range m.Blobs {
		f, err := s.blobs.Open(b.SHA256)
		if err != nil {
			return m, err
		}
		if err := tw.WriteHeader(hdr("blobs/"+b.SHA256, b.Size)); err != nil {
			f.Close()
			return m, err
		}
		_, err = io.Copy(tw, f)
		f.Close()
		if err != nil {
			return m, fmt.Errorf("bundle case %d: write file %s: %w", id, b.SHA256, err)
		}
	}
	if err := tw.Close(); err != nil {
		return m, fmt.Errorf("bundle case %d: %w", id, err)
	}
	return m, nil
}

// Bundle problems: the errors ImportCaseBundle returns, which app words
// with the bundle's file name.
var (
	// ErrBundleDamaged: the tar or a stream does not match the manifest.
	ErrBundleDamaged = errors.New("bundle damaged or altered")
	// ErrBundleReplayed: this workspace wrote or already imported it.
	ErrBundleReplayed = errors.New("bundle already in this workspace")
	// ErrBundleNewer: written by a newer schema.
	ErrBundleNewer = errors.New("bundle from a newer version")
	// ErrBundleStateSecret: a signed case holding state-secret material,
	// bundled without it.
	ErrBundleStateSecret = errors.New("the signed case holds material labelled state secret")
	// ErrBundleNumbersTaken: a signed case whose numbers are taken here.
	ErrBundleNumbersTaken = errors.New("the signed case's numbers are taken in this workspace")
)

func damaged(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrBundleDamaged, fmt.Sprintf(format, args...))
}

// ImportCaseBundle reads a bundle's tar from r and restores its case in
// one transaction, checking every stream against the manifest's SHA-256
// and row count and every file against its name before committing. Rows
// keep their numbers when these are free here; otherwise each table's
// numbers are shifted past those in use (a signed case is refused then,
// see ErrBundleNumbersTaken). auditOf gives the bundle_imported entry,
// appended in the same transaction, from the new case's number and the
// source's audit entries as carried. On any failure nothing is kept:
// the transaction is rolled back and files it stored are removed. After
// the tar, r is read to its end, so a truncated or altered encryption
// stream fails the import too.
func (s *Store) ImportCaseBundle(ctx context.Context, r io.Reader, auditOf func(m BundleManifest, caseID int64, source []json.RawMessage) AuditRecord, progress BundleProgress) (m BundleManifest, caseID int64, err error) {
	tr := tar.NewReader(r)
	h, err := tr.Next()
	if err != nil {
		return m, 0, damaged("no manifest: %v", err)
	}
	if h.Name != "manifest.json" || h.Size > 64<<20 {
		return m, 0, damaged("the first entry is %q, not manifest.json", h.Name)
	}
	dec := json.NewDecoder(tr)
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil || m.Format != BundleFormat {
		return m, 0, damaged("manifest.json is not a %s manifest", BundleFormat)
	}
	normalizeManifest(&m)
	if m.SchemaVersion > LatestSchemaVersion() {
		return m, 0, fmt.Errorf("%w (schema %d; this version reads up to %d)", ErrBundleNewer, m.SchemaVersion, LatestSchemaVersion())
	}
	prog := &counter{total: m.BundleRows(), f: progress}
	var stored []string // files this import stored, removed if it fails
	defer func() {
		if err != nil {
			for _, sum := range stored {
				_ = s.blobs.Remove(sum)
			}
		}
	}()
	err = s.WithTx(ctx, func(tx *sql.Tx) error {
		var seen int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM audit_log WHERE action IN (?, ?) AND instr(details, ?) > 0`,
			string(workbench.AuditBundleExported), string(workbench.AuditBundleImported), `"bundle_id":"`+m.BundleID+`"`).Scan(&seen); err != nil {
			return fmt.Errorf("import bundle: %w", err)
		}
		if seen > 0 || m.BundleID == "" {
			return ErrBundleReplayed
		}
		tables, err := caseTables(ctx, tx, true)
		if err != nil {
			return err
		}
		byName := map[string]bundleTable{}
		for _, t := range tables {
			byName[t.Name] = t
		}
		if len(m.Tables) == 0 || m.Tables[0].Name != "cases" {
			return damaged("the manifest lists no cases table first")
		}
		delta := map[string]int64{}
		for _, st := range m.Tables {
			t, ok := byName[st.Name]
			if !ok {
				return fmt.Errorf("%w (table %s unknown here)", ErrBundleNewer, st.Name)
			}
			for _, c := range st.Columns {
				if !containsStr(t.Columns, c) {
					return fmt.Errorf("%w (column %s.%s unknown here)", ErrBundleNewer, st.Name, c)
				}
			}
			// A table whose rowid names another table's row (inspections.case_id)
			// moves with that table.
			if t.IDColumn == "" || st.Rows == 0 || t.Roots[t.IDColumn] != t.Name {
				continue
			}
			var taken int
			if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+quoteIdent(t.Name)+` WHERE `+quoteIdent(t.IDColumn)+` BETWEEN ? AND ?)`,
				st.MinID, st.MaxID).Scan(&taken); err != nil {
				return fmt.Errorf("import bundle: %w", err)
			}
			if taken == 1 {
				var top int64
				if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(`+quoteIdent(t.IDColumn)+`), 0) FROM `+quoteIdent(t.Name)).Scan(&top); err != nil {
					return fmt.Errorf("import bundle: %w", err)
				}
				delta[t.Name] = top + 1 - st.MinID
			}
		}
		if m.Status == StatusSigned && len(delta) > 0 {
			return ErrBundleNumbersTaken
		}
		caseID = m.CaseID + delta["cases"]
		serviceID, err := s.bundleService(ctx, tx, m)
		if err != nil {
			return err
		}
		for _, st := range m.Tables {
			h, err := tr.Next()
			if err != nil || h.Name != "tables/"+st.Name+".jsonl" {
				return damaged("expected the rows of %s", st.Name)
			}
			if err := insertStream(ctx, tx, tr, byName[st.Name], st, delta, serviceID, prog); err != nil {
				return err
			}
		}
		h, err := tr.Next()
		if err != nil || h.Name != "audit.jsonl" {
			return damaged("expected the audit entries")
		}
		source, err := readAudit(tr, m.Audit)
		if err != nil {
			return err
		}
		for _, b := range m.Blobs {
			h, err := tr.Next()
			if err != nil || h.Name != "blobs/"+b.SHA256 || h.Size != b.Size {
				return damaged("expected file %s", b.SHA256)
			}
			had, err := s.blobs.Has(b.SHA256)
			if err != nil {
				return err
			}
			sum, size, err := s.blobs.Put(tr)
			if err != nil {
				return damaged("file %s: %v", b.SHA256, err)
			}
			if !had && sum == b.SHA256 {
				stored = append(stored, sum)
			}
			if sum != b.SHA256 || size != b.Size {
				if !had {
					_ = s.blobs.Remove(sum)
				}
				return damaged("file %s does not match its SHA-256", b.SHA256)
			}
		}
		if _, err := tr.Next(); err != io.EOF {
			return damaged("unexpected content after the files")
		}
		if _, err := io.Copy(io.Discard, r); err != nil {
			return damaged("%v", err)
		}
		return s.Audit(ctx, tx, auditOf(m, caseID, source))
	})
	if err != nil {
		return m, 0, err
	}
	return m, caseID, nil
}

// normalizeManifest turns the numbers UseNumber left in the provider and
// service rows into integers.
func normalizeManifest(m *BundleManifest) {
	for _, row := range []map[string]any{m.Provider, m.Service} {
		for k, v := range row {
			if d, err := decodeValue(v); err == nil {
				row[k] = d
			}
		}
	}
}

// bundleService finds the bundle's provider and service here by name, or
// adds them, and returns the service's number.
func (s *Store) bundleService(ctx context.Context, tx *sql.Tx, m BundleManifest) (int64, error) {
	pname, _ := m.Provider["name"].(string)
	sname, _ := m.Service["name"].(string)
	if pname == "" || sname == "" {
		return 0, damaged("the manifest names no provider or service")
	}
	var pid int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM providers WHERE name = ?`, pname).Scan(&pid)
	if errors.Is(err, sql.ErrNoRows) {
		if pid, err = insertMap(ctx, tx, "providers", m.Provider, nil); err != nil {
			return 0, err
		}
	} else if err != nil {
		return 0, fmt.Errorf("import bundle: look up provider: %w", err)
	}
	var sid int64
	err = tx.QueryRowContext(ctx, `SELECT id FROM services WHERE provider_id = ? AND name = ?`, pid, sname).Scan(&sid)
	if errors.Is(err, sql.ErrNoRows) {
		return insertMap(ctx, tx, "services", m.Service, map[string]any{"provider_id": pid})
	} else if err != nil {
		return 0, fmt.Errorf("import bundle: look up service: %w", err)
	}
	return sid, nil
}

func insertMap(ctx context.Context, tx *sql.Tx, table string, row, extra map[string]any) (int64, error) {
	var cols, marks []string
	var args []any
	for _, src := range []map[string]any{row, extra} {
		for k, v := range src {
			cols, marks, args = append(cols, quoteIdent(k)), append(marks, "?"), append(args, v)
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO `+quoteIdent(table)+` (`+strings.Join(cols, ", ")+`) VALUES (`+strings.Join(marks, ", ")+`)`, args...)
	if err != nil {
		return 0, fmt.Errorf("import bundle: add to %s: %w", table, err)
	}
	return res.LastInsertId()
}

// lineReader reads a stream's lines, hashing and counting its bytes.
type lineReader struct {
	br *bufio.Reader
	cw *countWriter
}

func newLineReader(r io.Reader) *lineReader {
	cw := &countWriter{h: sha256.New()}
	return &lineReader{br: bufio.NewReaderSize(io.TeeReader(r, cw), 1<<16), cw: cw}
}

// next returns the next line without its newline; io.EOF at the end.
func (l *lineReader) next() ([]byte, error) {
	b, err := l.br.ReadBytes('\n')
	if err == io.EOF && len(b) > 0 {
		return nil, damaged("a stream ends inside a line")
	}
	if err == io.EOF {
		return nil, err
	}
	if err != nil {
		return nil, damaged("%v", err) // the decryption stream was cut or altered
	}
	return b[:len(b)-1], nil
}

func (l *lineReader) check(st BundleStream, rows int64) error {
	if rows != st.Rows || l.cw.n != st.Bytes || hex.EncodeToString(l.cw.h.Sum(nil)) != st.SHA256 {
		return damaged("the rows of %s do not match the manifest's SHA-256", st.Name)
	}
	return nil
}

// insertStream inserts one table's rows, renumbering the columns that name
// rows whose numbers were shifted.
func insertStream(ctx context.Context, tx *sql.Tx, r io.Reader, t bundleTable, st BundleStream, delta map[string]int64, serviceID int64, progress *counter) error {
	cols := make([]string, len(st.Columns))
	marks := make([]string, len(st.Columns))
	shift := make([]int64, len(st.Columns))
	service := make([]bool, len(st.Columns))
	// Columns that name records and passages by search-hit id (rec-N,
	// psg-N) follow their renumbering: an evidence link's target and ref,
	// and the "hit" of each record behind a proposal.
	hitID := make([]bool, len(st.Columns))
	hitJSON := make([]bool, len(st.Columns))
	renumbered := delta["records"] != 0 || delta["passages"] != 0
	for i, c := range st.Columns {
		cols[i], marks[i] = quoteIdent(c), "?"
		r := t.Roots[c]
		shift[i] = delta[r]
		service[i] = r == "services"
		hitID[i] = renumbered && t.Name == "evidence" && (c == "target" || c == "ref")
		hitJSON[i] = renumbered && t.Name == "proposals" && c == "records"
	}
	// Rows go in batches, one statement for many rows, as the importers
	// write records.
	per := max(1, 480/len(cols))
	one := `(` + strings.Join(marks, ", ") + `)`
	insert := func(k int) (*sql.Stmt, error) {
		vals := make([]string, k)
		for i := range vals {
			vals[i] = one
		}
		return tx.PrepareContext(ctx, `INSERT INTO `+quoteIdent(t.Name)+` (`+strings.Join(cols, ", ")+`) VALUES `+strings.Join(vals, ", "))
	}
	batch, err := insert(per)
	if err != nil {
		return fmt.Errorf("import bundle: %s: %w", t.Name, err)
	}
	defer batch.Close()
	args := make([]any, 0, per*len(cols))
	flush := func(n int64) error {
		if len(args) == 0 {
			return nil
		}
		stmt := batch
		if k := len(args) / len(cols); k != per {
			var err error
			if stmt, err = insert(k); err != nil {
				return fmt.Errorf("import bundle: %s: %w", t.Name, err)
			}
			defer stmt.Close()
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("import bundle: rows up to %d of %s: %w", n, t.Name, err)
		}
		args = args[:0]
		return nil
	}
	lr := newLineReader(r)
	var n int64
	fields := make([]any, 0, len(cols))
	for {
		line, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		fields, err = parseRow(fields[:0], line)
		if err != nil || len(fields) != len(cols) {
			return damaged("row %d of %s is unreadable", n+1, t.Name)
		}
		for i, v := range fields {
			if id, ok := v.(int64); ok {
				if service[i] {
					v = serviceID
				} else {
					v = id + shift[i]
				}
			}
			if hitID[i] {
				v = shiftHitID(v, delta)
			}
			if hitJSON[i] {
				v = shiftHitIDs(v, delta)
			}
			args = append(args, v)
		}
		n++
		if len(args) == per*len(cols) {
			if err := flush(n); err != nil {
				return err
			}
		}
		if n%10000 == 0 {
			progress.add(10000)
		}
	}
	if err := flush(n); err != nil {
		return err
	}
	progress.add(n % 10000)
	return lr.check(st, n)
}

// parseRow reads a line as appendRow writes it — a JSON array of strings,
// integers, nulls and {"f":…} or {"b":…} objects — appending the values
// to out. A string without escapes is taken as it is; one with escapes,
// and the objects, go through encoding/json.
func parseRow(out []any, line []byte) ([]any, error) {
	bad := fmt.Errorf("not a row")
	if len(line) < 2 || line[0] != '[' || line[len(line)-1] != ']' {
		return nil, bad
	}
	p := line[1 : len(line)-1]
	for len(p) > 0 {
		var v any
		var rest []byte
		switch p[0] {
		case '"':
			esc := false
			end := -1
			for i := 1; i < len(p); i++ {
				if p[i] == '\\' {
					esc = true
					i++
					continue
				}
				if p[i] == '"' {
					end = i
					break
				}
			}
			if end < 0 {
				return nil, bad
			}
			if esc {
				var s string
				if err := json.Unmarshal(p[:end+1], &s); err != nil {
					return nil, err
				}
				v = s
			} else {
				if !utf8.Valid(p[1:end]) {
					return nil, bad
				}
				v = string(p[1:end])
			}
			rest = p[end+1:]
		case '{':
			end := bytes.IndexByte(p, '}')
			if end < 0 {
				return nil, bad
			}
			var err error
			if v, err = decodeRaw(p[:end+1]); err != nil {
				return nil, err
			}
			rest = p[end+1:]
		case 'n':
			if !bytes.HasPrefix(p, []byte("null")) {
				return nil, bad
			}
			rest = p[4:]
		default:
			end := bytes.IndexByte(p, ',')
			if end < 0 {
				end = len(p)
			}
			n, err := strconv.ParseInt(string(p[:end]), 10, 64)
			if err != nil {
				return nil, bad
			}
			v, rest = n, p[end:]
		}
		out = append(out, v)
		if len(rest) > 0 {
			if rest[0] != ',' || len(rest) == 1 {
				return nil, bad
			}
			rest = rest[1:]
		}
		p = rest
	}
	return out, nil
}

// decodeRaw reads one value of a row: a string (without escapes read
// directly), an integer, null, or {"f":…} / {"b":…}.
func decodeRaw(f json.RawMessage) (any, error) {
	if len(f) == 0 {
		return nil, fmt.Errorf("empty value")
	}
	switch f[0] {
	case '"':
		if bytes.IndexByte(f, '\\') < 0 && len(f) >= 2 {
			return string(f[1 : len(f)-1]), nil
		}
		var s string
		err := json.Unmarshal(f, &s)
		return s, err
	case 'n':
		return nil, nil
	case '{':
		d := json.NewDecoder(bytes.NewReader(f))
		d.UseNumber()
		var m map[string]any
		if err := d.Decode(&m); err != nil {
			return nil, err
		}
		return decodeValue(m)
	}
	return strconv.ParseInt(string(f), 10, 64)
}

// shiftHitID renumbers an evidence target, "rec-N" or "psg-N", with the
// shift of records or passages.
func shiftHitID(v any, delta map[string]int64) any {
	s, _ := v.(string)
	for prefix, table := range map[string]string{"rec-": "records", "psg-": "passages"} {
		if num, ok := strings.CutPrefix(s, prefix); ok && delta[table] != 0 {
			if n, err := strconv.ParseInt(num, 10, 64); err == nil {
				return prefix + strconv.FormatInt(n+delta[table], 10)
			}
		}
	}
	return v
}

// hitIDs matches the search-hit ids quoted in JSON text.
var hitIDs = regexp.MustCompile(`"(rec|psg)-([0-9]+)"`)

// shiftHitIDs renumbers every "rec-N" and "psg-N" string in JSON text.
func shiftHitIDs(v any, delta map[string]int64) any {
	s, ok := v.(string)
	if !ok {
		return v
	}
	return hitIDs.ReplaceAllStringFunc(s, func(m string) string {
		if id, ok := shiftHitID(m[1:len(m)-1], delta).(string); ok {
			return `"` + id + `"`
		}
		return m
	})
}

// readAudit reads the source's audit entries, as JSON arrays of their
// columns, checking them against the manifest.
func readAudit(r io.Reader, st BundleStream) ([]json.RawMessage, error) {
	lr := newLineReader(r)
	var out []json.RawMessage
	for {
		line, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if !json.Valid(line) {
			return nil, damaged("an audit entry is unreadable")
		}
		out = append(out, json.RawMessage(append([]byte{}, line...)))
	}
	return out, lr.check(st, int64(len(out)))
}
