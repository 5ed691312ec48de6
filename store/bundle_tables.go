package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// globalTables are the tables a case bundle never carries as rows: the
// schema's own bookkeeping, the audit trail (carried as a record of the
// source's trail, see bundle.go) and the providers and services, which a
// case shares with others and which the bundle carries by name.
var globalTables = []string{"schema_migrations", "audit_log", "audit_head", "providers", "services"}

// bundleTable is a table whose rows belong to cases, as found in SQLite's
// schema: its columns, whether its primary key is the rowid ("id"), the
// columns that refer to other tables' rows and the condition that selects
// one case's rows.
type bundleTable struct {
	Name    string
	Columns []string
	// IDColumn is the column that is the rowid (INTEGER PRIMARY KEY), ""
	// when the table has none.
	IDColumn string
	// Roots maps a column to the table whose rowid it ends up naming,
	// following foreign keys (evidence.case_id → inspection_items.case_id
	// → inspections.case_id → cases.id gives "cases").
	Roots map[string]string
	// Where selects the rows of one case; it holds one "?" for the case id.
	Where string
	// parents are the case tables this one refers to, inserted first.
	parents []string
}

type tableSchema struct {
	name    string
	cols    []string
	idCol   string
	fks     map[string][2]string // column → parent table, parent column ("" for its primary key)
	pkCols  []string
	virtual bool
}

// readSchema reads every table's columns and foreign keys from SQLite.
func readSchema(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (map[string]*tableSchema, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("read the schema: %w", err)
	}
	var names []string
	virtual := map[string]bool{}
	for rows.Next() {
		var n, s string
		if err := rows.Scan(&n, &s); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read the schema: %w", err)
		}
		names = append(names, n)
		virtual[n] = strings.HasPrefix(strings.ToUpper(strings.TrimSpace(s)), "CREATE VIRTUAL")
	}
	rows.Close()
	out := map[string]*tableSchema{}
	for _, n := range names {
		t := &tableSchema{name: n, fks: map[string][2]string{}, virtual: virtual[n]}
		cr, err := q.QueryContext(ctx, `SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid`, n)
		if err != nil {
			return nil, fmt.Errorf("read the columns of %s: %w", n, err)
		}
		var pkTypes []string
		for cr.Next() {
			var c, typ string
			var pk int
			if err := cr.Scan(&c, &typ, &pk); err != nil {
				cr.Close()
				return nil, fmt.Errorf("read the columns of %s: %w", n, err)
			}
			t.cols = append(t.cols, c)
			if pk > 0 {
				t.pkCols = append(t.pkCols, c)
				pkTypes = append(pkTypes, typ)
			}
		}
		cr.Close()
		if len(t.pkCols) == 1 && strings.EqualFold(pkTypes[0], "INTEGER") {
			t.idCol = t.pkCols[0]
		}
		fr, err := q.QueryContext(ctx, `SELECT "table", "from", coalesce("to", '') FROM pragma_foreign_key_list(?)`, n)
		if err != nil {
			return nil, fmt.Errorf("read the foreign keys of %s: %w", n, err)
		}
		for fr.Next() {
			var parent, from, to string
			if err := fr.Scan(&parent, &from, &to); err != nil {
				fr.Close()
				return nil, fmt.Errorf("read the foreign keys of %s: %w", n, err)
			}
			t.fks[from] = [2]string{parent, to}
		}
		fr.Close()
		out[n] = t
	}
	return out, nil
}

// root follows col of table t through foreign keys to the table whose
// rowid it names; "" when it names none. A case_id or submission_id column
// without a foreign key names cases or submissions by convention.
func root(schema map[string]*tableSchema, t *tableSchema, col string, depth int) string {
	if depth > 16 {
		return ""
	}
	if fk, ok := t.fks[col]; ok {
		p := schema[fk[0]]
		if p == nil {
			return ""
		}
		to := fk[1]
		if to == "" {
			if len(p.pkCols) != 1 {
				return ""
			}
			to = p.pkCols[0]
		}
		return root(schema, p, to, depth+1)
	}
	if t.idCol != "" && col == t.idCol {
		return t.name
	}
	switch col {
	case "case_id":
		if schema["cases"] != nil && t.name != "cases" {
			return "cases"
		}
	case "submission_id":
		if schema["submissions"] != nil && t.name != "submissions" {
			return "submissions"
		}
	}
	return ""
}

// caseTables finds the tables holding a case's rows, parents before the
// tables that refer to them: cases itself, every table with a column that
// names a case, and every table with a column that names a row of such a
// table (records through submissions), however long the chain. A table
// added to the schema later is found the same way.
//
// Where holds "?1" for the case id, as often as needed. Unless
// withStateSecret is set, submissions labelled state_secret are left out,
// and with them every row of another table that names one (records,
// passages, evidence quoting them …).
func caseTables(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, withStateSecret bool) ([]bundleTable, error) {
	schema, err := readSchema(ctx, q)
	if err != nil {
		return nil, err
	}
	if schema["cases"] == nil {
		return nil, fmt.Errorf("read the schema: no cases table")
	}
	found := map[string]*bundleTable{}
	mk := func(t *tableSchema) *bundleTable {
		bt := &bundleTable{Name: t.name, Columns: t.cols, IDColumn: t.idCol, Roots: map[string]string{}}
		for _, c := range t.cols {
			if r := root(schema, t, c, 0); r != "" {
				bt.Roots[c] = r
			}
		}
		return bt
	}
	c := mk(schema["cases"])
	c.Where = c.IDColumn + " = ?1"
	found["cases"] = c
	names := make([]string, 0, len(schema))
	for n := range schema {
		names = append(names, n)
	}
	slices.Sort(names)
	for changed := true; changed; {
		changed = false
		for _, n := range names {
			t := schema[n]
			if found[n] != nil || t.virtual || slices.Contains(globalTables, n) {
				continue
			}
			bt := mk(t)
			// A column naming the case directly is preferred to a chain.
			for _, col := range t.cols {
				if bt.Roots[col] == "cases" {
					bt.Where = quoteIdent(col) + " = ?1"
					break
				}
			}
			if bt.Where == "" {
				for _, col := range t.cols {
					r := bt.Roots[col]
					if p := found[r]; p != nil && r != n && p.IDColumn != "" {
						bt.Where = fmt.Sprintf("%s IN (SELECT %s FROM %s WHERE %s)", quoteIdent(col), quoteIdent(p.IDColumn), quoteIdent(r), p.Where)
						break
					}
				}
			}
			if bt.Where == "" {
				continue
			}
			if n == "submissions" && !withStateSecret && slices.Contains(t.cols, "label") {
				bt.Where += ` AND label != 'state_secret'`
			}
			for _, col := range t.cols {
				if r := bt.Roots[col]; r != "" && r != n && !slices.Contains(globalTables, r) && !slices.Contains(bt.parents, r) {
					bt.parents = append(bt.parents, r)
				}
				if fk, ok := t.fks[col]; ok && fk[0] != n && !slices.Contains(bt.parents, fk[0]) && !slices.Contains(globalTables, fk[0]) {
					bt.parents = append(bt.parents, fk[0])
				}
			}
			found[n] = bt
			changed = true
		}
	}
	// Parents first: cases, then what refers to it, and so on.
	var out []bundleTable
	done := map[string]bool{}
	for len(out) < len(found) {
		progress := false
		for _, n := range names {
			bt := found[n]
			if bt == nil || done[n] {
				continue
			}
			ready := true
			for _, p := range bt.parents {
				if found[p] != nil && !done[p] {
					ready = false
				}
			}
			if ready {
				out = append(out, *bt)
				done[n] = true
				progress = true
			}
		}
		if !progress {
			return nil, fmt.Errorf("read the schema: the case tables refer to each other in a circle")
		}
	}
	// A row that names a row of another case table is carried only with
	// it (evidence quoting a submission left out is left out too); one
	// naming none (NULL) stays. Parents come first, so their conditions
	// are complete when their children's are made.
	where := map[string]string{}
	for i := range out {
		bt := &out[i]
		for _, col := range bt.Columns {
			r := bt.Roots[col]
			p, ok := where[r]
			if !ok || r == bt.Name || r == "cases" || found[r].IDColumn == "" || strings.Contains(bt.Where, quoteIdent(col)+" IN ") {
				continue
			}
			bt.Where += fmt.Sprintf(" AND (%s IS NULL OR %s IN (SELECT %s FROM %s WHERE %s))", quoteIdent(col), quoteIdent(col), quoteIdent(found[r].IDColumn), quoteIdent(r), p)
		}
		where[bt.Name] = bt.Where
	}
	return out, nil
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// CaseTableNames lists the tables a case bundle carries rows of, parents
// first, as found in the schema.
func (s *Store) CaseTableNames(ctx context.Context) ([]string, error) {
	ts, err := caseTables(ctx, s.db, true)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Name
	}
	return out, nil
}

// CaseRowCounts counts, for every table a bundle carries, the rows that
// belong to case id.
func (s *Store) CaseRowCounts(ctx context.Context, id int64) (map[string]int64, error) {
	ts, err := caseTables(ctx, s.db, true)
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for _, t := range ts {
		var n int64
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+quoteIdent(t.Name)+` WHERE `+t.Where, id).Scan(&n); err != nil {
			return nil, fmt.Errorf("count the rows of case %d in %s: %w", id, t.Name, err)
		}
		out[t.Name] = n
	}
	return out, nil
}
