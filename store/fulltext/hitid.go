package fulltext

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/inspection-workbench/workbench"
)

// Document id prefixes: a hit id is the prefix and the SQLite row id.
const (
	recordPrefix  = "rec-"
	passagePrefix = "psg-"
)

// RecordHitID is the hit id of the record with SQLite id id: "rec-12".
func RecordHitID(id int64) string { return recordPrefix + strconv.FormatInt(id, 10) }

// PassageHitID is the hit id of the passage with SQLite id id: "psg-7".
func PassageHitID(id int64) string { return passagePrefix + strconv.FormatInt(id, 10) }

// ParseHitID reads a hit id: "rec-N" (a record) or "psg-N" (a passage),
// N being decimal digits only. ok is false for anything else.
func ParseHitID(id string) (passage bool, rowID int64, ok bool) {
	num, isRec := strings.CutPrefix(id, recordPrefix)
	if !isRec {
		var isPsg bool
		if num, isPsg = strings.CutPrefix(id, passagePrefix); !isPsg {
			return false, 0, false
		}
		passage = true
	}
	if num == "" || strings.Trim(num, "0123456789") != "" {
		return false, 0, false
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		return false, 0, false
	}
	return passage, n, true
}

// PassagePlace is where a passage stands in its document, with the
// headings it stands under.
func PassagePlace(p workbench.PassageRow) Place {
	pl := Place{Page: p.Page, Para: p.Paragraph, Line: p.Line, Table: p.Table, TableRow: p.Row, TableCell: p.Cell, Seq: p.Seq,
		Part: p.Part, Comment: p.Comment, Author: p.Author}
	if p.HeadingPath != "" && p.HeadingPath != "[]" {
		_ = json.Unmarshal([]byte(p.HeadingPath), &pl.Headings) // a damaged path is left out, not fatal
	}
	return pl
}
