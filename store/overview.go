package store

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/inspection-workbench/workbench"
)

// SubmissionCounts counts a case's submissions by kind and label, in kind
// then label order.
func (s *Store) SubmissionCounts(ctx context.Context, caseID int64) ([]workbench.SubmissionCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, label, count(*), coalesce(sum(record_count), 0), coalesce(sum(passage_count), 0)
		FROM submissions WHERE case_id = ? GROUP BY kind, label ORDER BY kind, label`, caseID)
	if err != nil {
		return nil, fmt.Errorf("count submissions of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []workbench.SubmissionCount
	for rows.Next() {
		var c workbench.SubmissionCount
		if err := rows.Scan(&c.Kind, &c.Label, &c.Submissions, &c.Records, &c.Passages); err != nil {
			return nil, fmt.Errorf("count submissions of case %d: %w", caseID, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count submissions of case %d: %w", caseID, err)
	}
	return out, nil
}

// IncidentGroup counts a case's incident records that share a found-at
// key and a category as stored.
type IncidentGroup struct {
	// Found is the stored found_at value cut to its date ("2024-03-05",
	// "2024-03", "2024") when it was written without a zone, the whole
	// stored value when with one (its day in China time may differ), and
	// "" when the record has no text value there.
	Found string
	// Category is the stored category: the canonical term, or what the
	// provider wrote; "" when absent.
	Category string
	N        int
}

// IncidentGroups counts the incident records of a case by found-at day
// and stored category, in one pass over the records in the database.
func (s *Store) IncidentGroups(ctx context.Context, caseID int64) ([]IncidentGroup, error) {
	rows, err := s.db.QueryContext(ctx, `
		WITH v AS (
			SELECT json_extract(r.fields, '$.found_at') AS f, json_extract(r.fields, '$.category') AS c
			FROM records r JOIN submissions s ON s.id = r.submission_id
			WHERE s.case_id = ? AND s.kind = 'incident')
		SELECT CASE
				WHEN typeof(f) <> 'text' THEN ''
				WHEN length(f) > 10 AND (instr(substr(f, 11), 'Z') > 0 OR instr(substr(f, 11), '+') > 0 OR instr(substr(f, 11), '-') > 0) THEN f
				ELSE substr(f, 1, 10) END AS day,
			CASE WHEN typeof(c) = 'text' THEN c ELSE '' END AS cat,
			count(*)
		FROM v GROUP BY day, cat ORDER BY day, cat`, caseID)
	if err != nil {
		return nil, fmt.Errorf("count incidents of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []IncidentGroup
	for rows.Next() {
		var g IncidentGroup
		var found, cat sql.NullString
		if err := rows.Scan(&found, &cat, &g.N); err != nil {
			return nil, fmt.Errorf("count incidents of case %d: %w", caseID, err)
		}
		g.Found, g.Category = found.String, cat.String
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count incidents of case %d: %w", caseID, err)
	}
	return out, nil
}
