package tabular

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// plainUTF8 reports whether data is read as UTF-8 text unchanged: short
// enough to be sniffed whole, valid UTF-8 without byte order mark or NUL,
// and not using lone CRs as line ends.
func plainUTF8(data []byte) bool {
	return len(data) < sniffSize && utf8.Valid(data) && !bytes.HasPrefix(data, bom) &&
		bytes.IndexByte(data, 0) < 0 && !crOnly(data)
}

func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"a,b,c\n1,2,3\n",
		"名称\t说明\r\n甲\t\"含\t制表符\"\r\n",
		"a;b\n\"x\ny\";\"q\"\"r\"\n\n;\n",
		"a|b\n5\" screen|\"open\n",
		"\"a\"b,c\r\r\n,,,\n \n",
		"a,b\r1,2\r",
		"\xef\xbb\xbfa,b\n",
		"\xff\xfea\x00,\x00b\x00\n\x00",
		"\xc3\xfb\xb3\xc6,\xcb\xb5\xc3\xf7\n",
		"\x89PNG\r\n\x1a\n\x00\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		full, info, err := fuzzReadCSV(t, data, Limits{})
		if err != nil {
			return
		}
		small := Limits{MaxRecordBytes: 64, MaxFields: 4}
		rows, _, err := fuzzReadCSV(t, data, small)
		// Limits only ever cut the rows short.
		if len(rows) > len(full) || !equalRows(rows, full[:len(rows)]) {
			t.Fatalf("with limits %v: rows %v are not a prefix of %v", small, rows, full)
		}
		if err == nil && len(rows) != len(full) {
			t.Fatalf("with limits: %d rows without error, want %d", len(rows), len(full))
		}
		if !plainUTF8(data) {
			return
		}
		// Compare with encoding/csv itself; with MaxFields the rows must
		// stop just before the first record with too many cells.
		want, firstWide := referenceCSV(data, info.Delimiter, 4)
		if !equalRows(full, want) {
			t.Fatalf("rows differ from encoding/csv:\n got %v\nwant %v", full, want)
		}
		fieldsOnly := Limits{MaxFields: 4}
		rows, _, err = fuzzReadCSV(t, data, fieldsOnly)
		if firstWide < 0 {
			if err != nil || len(rows) != len(want) {
				t.Fatalf("MaxFields 4: %d rows, error %v; want %d rows", len(rows), err, len(want))
			}
		} else {
			if !errors.Is(err, ErrTooManyFields) || !strings.HasPrefix(err.Error(), "line "+strconv.Itoa(firstWide)+":") {
				t.Fatalf("MaxFields 4: error %v, want too many fields on line %d", err, firstWide)
			}
			for len(want) > 0 && want[len(want)-1].N >= firstWide {
				want = want[:len(want)-1]
			}
			if !equalRows(rows, want) {
				t.Fatalf("MaxFields 4: rows %v, want %v", rows, want)
			}
		}
	})
}

// equalRows reports whether a and b hold the same rows.
func equalRows(a, b []gotRow) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

// fuzzReadCSV reads data to the end, checking what every reader promises.
// It returns an error only from Next.
func fuzzReadCSV(t *testing.T, data []byte, lim Limits) ([]gotRow, CSVInfo, error) {
	tab, info, err := OpenCSV(bytes.NewReader(data), lim)
	if err != nil {
		if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNotText) {
			t.Fatalf("OpenCSV: unexpected error %v", err)
		}
		return nil, info, err
	}
	switch info.Encoding {
	case "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE", "UTF-16BE":
	default:
		t.Fatalf("encoding %q", info.Encoding)
	}
	if !strings.ContainsRune(",\t;|", info.Delimiter) {
		t.Fatalf("delimiter %q", info.Delimiter)
	}
	lim = lim.withDefaults()
	var rows []gotRow
	for {
		row, err := tab.Next()
		if errors.Is(err, io.EOF) {
			return rows, info, nil
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Fatalf("error without a line: %v", err)
			}
			if _, err2 := tab.Next(); err2 == nil || err2.Error() != err.Error() {
				t.Fatalf("Next after error %v: %v", err, err2)
			}
			return rows, info, err
		}
		if row.Number < 1 || (len(rows) > 0 && row.Number <= rows[len(rows)-1].N) {
			t.Fatalf("row number %d after %v", row.Number, rows)
		}
		if len(row.Cells) == 0 || len(row.Cells) > lim.MaxFields || blankRow(row.Cells) {
			t.Fatalf("line %d: cells %q", row.Number, row.Cells)
		}
		if strings.HasSuffix(row.Cells[len(row.Cells)-1], "\r") {
			t.Fatalf("line %d: CR in %q", row.Number, row.Cells)
		}
		rows = append(rows, gotRow{row.Number, slices.Clone(row.Cells)})
	}
}

// referenceCSV reads data with encoding/csv as OpenCSV should. It also
// returns the line of the first record with more than maxFields cells, or
// -1.
func referenceCSV(data []byte, delim rune, maxFields int) ([]gotRow, int) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var rows []gotRow
	wide := -1
	for {
		rec, err := cr.Read()
		if err != nil {
			return rows, wide
		}
		line, _ := cr.FieldPos(0)
		if len(rec) > maxFields && wide < 0 {
			wide = line
		}
		rec[len(rec)-1] = strings.TrimRight(rec[len(rec)-1], "\r")
		if !blankRow(rec) {
			rows = append(rows, gotRow{line, rec})
		}
	}
}

func FuzzJSON(f *testing.F) {
	for _, s := range []string{
		`[{"a": 1, "b": {"c": [1, 2]}}, {"d": [{"e": null}]}]`,
		`{"incidents": [{"编号": "E-1", "损失": 0.035}]}`,
		`{"provider": "P", "data": {"items": [{"a": 1}, {"b": [2, {"c": 3}]}], "n": 2}, "more": [{"x": {}}, []]}`,
		`{"模型名称": "M", "训练数据": [{"名称": "网页"}], "参数量": "70B"}`,
		`{"a": [[1], {"b": true}, "x"]}`,
		`[1, 2]`,
		`[[[[[[[[[[`,
		`{"a": 1} x`,
		"\xef\xbb\xbf[{\"a\": \"\\u4e2d\"}]",
		"\xff\xfe[\x00{\x00}\x00]\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReadJSON(t, data, Limits{MaxDepth: 3, MaxFields: 5, MaxRecordBytes: 50})
		// A chooser taking the latest array offered walks the wrapped
		// exports' paths: choosing early, late and skipping.
		latest := func(_ []string, arrays []JSONArray) int { return len(arrays) - 1 }
		fuzzReadJSONWith(t, data, Limits{MaxDepth: 6, MaxRecordBytes: 64}, latest)
		lim := Limits{MaxDepth: 8}
		recs, err := fuzzReadJSON(t, data, lim)
		if !plainUTF8(data) || len(data) >= defaultMaxFields {
			return
		}
		// A valid array of objects within the limits must be read whole.
		var v any
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		if dec.Decode(&v) != nil {
			return
		}
		if _, errEnd := dec.Token(); !errors.Is(errEnd, io.EOF) {
			return
		}
		arr, ok := v.([]any)
		if !ok || len(arr) == 0 || tokenDepth(data) > lim.MaxDepth {
			return
		}
		for _, e := range arr {
			if _, ok := e.(map[string]any); !ok {
				return
			}
		}
		if err != nil || len(recs) != len(arr) {
			t.Fatalf("%d records, error %v; want %d records", len(recs), err, len(arr))
		}
		for i, e := range arr {
			ref := map[string]string{}
			if !refFlatten(ref, "", e.(map[string]any), true) {
				continue
			}
			got := map[string]string{}
			for k, key := range recs[i].Keys {
				got[key] = recs[i].Values[k]
			}
			// Duplicate members make the reader keep keys the map lost;
			// what the map kept must match.
			for k, val := range ref {
				if g, ok := got[k]; !ok || g != val {
					t.Fatalf("record %d: key %q = %q, want %q", i+1, k, g, val)
				}
			}
		}
	})
}

// fuzzReadJSON reads data to the end, checking what every reader promises.
func fuzzReadJSON(t *testing.T, data []byte, lim Limits) ([]Record, error) {
	return fuzzReadJSONWith(t, data, lim, OnlyArray)
}

// fuzzReadJSONWith is fuzzReadJSON with a Chooser.
func fuzzReadJSONWith(t *testing.T, data []byte, lim Limits, choose Chooser) ([]Record, error) {
	jr, err := OpenJSONChoosing(bytes.NewReader(data), lim, choose)
	if err != nil {
		if err.Error() == "" {
			t.Fatal("empty error message")
		}
		return nil, err
	}
	var recs []Record
	for {
		rec, err := jr.Next()
		if errors.Is(err, io.EOF) {
			return recs, nil
		}
		if err != nil {
			if _, err2 := jr.Next(); err2 == nil || err2.Error() != err.Error() {
				t.Fatalf("Next after error %v: %v", err, err2)
			}
			return recs, err
		}
		if rec.Number != len(recs)+1 {
			t.Fatalf("record number %d after %d records", rec.Number, len(recs))
		}
		checkRecord(t, rec, lim.withDefaults())
		recs = append(recs, rec)
	}
}

// tokenDepth returns the deepest nesting of objects and arrays in the JSON
// value at the start of data.
func tokenDepth(data []byte) int {
	dec := json.NewDecoder(bytes.NewReader(data))
	d, deepest := 0, 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return deepest
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			d++
			deepest = max(deepest, d)
		case json.Delim('}'), json.Delim(']'):
			d--
		}
		if d == 0 {
			return deepest
		}
	}
}

// checkRecord checks what every record promises.
func checkRecord(t *testing.T, rec Record, lim Limits) {
	t.Helper()
	if len(rec.Keys) != len(rec.Values) || len(rec.Keys) > lim.MaxFields {
		t.Fatalf("record %d: %d keys, %d values", rec.Number, len(rec.Keys), len(rec.Values))
	}
	seen := map[string]bool{}
	for _, k := range rec.Keys {
		if seen[k] {
			t.Fatalf("record %d: key %q twice", rec.Number, k)
		}
		seen[k] = true
	}
}

// refFlatten flattens a decoded value as the readers do. It returns false
// if keys hold dots, which makes the flattened keys ambiguous.
func refFlatten(out map[string]string, prefix string, v any, root bool) bool {
	switch t := v.(type) {
	case map[string]any:
		if len(t) == 0 && !root {
			out[prefix] = ""
		}
		for k, e := range t {
			if strings.Contains(k, ".") {
				return false
			}
			key := k
			if !root {
				key = prefix + "." + k
			}
			if !refFlatten(out, key, e, false) {
				return false
			}
		}
	case []any:
		var scalars []string
		for _, e := range t {
			switch e.(type) {
			case map[string]any, []any:
				scalars = nil
			default:
				scalars = append(scalars, scalarText(e))
				continue
			}
			break
		}
		if len(scalars) == len(t) {
			out[prefix] = strings.Join(scalars, "; ")
			return true
		}
		for i, e := range t {
			if !refFlatten(out, prefix+"."+strconv.Itoa(i), e, false) {
				return false
			}
		}
	default:
		out[prefix] = scalarText(v)
	}
	return true
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		"{\"a\": 1}\n{\"b\": [1, 2]}\n",
		"\n{\"事件\": \"泄露\", \"详情\": {\"次数\": 3}}\r\n\r\n{}",
		"{\"a\": 1}\n[1]\n",
		"{\"a\": 1} {\"b\": 2}\n",
		"{\"a\": \n",
		"\xef\xbb\xbf{\"a\": \"\xe4\xb8\xad\"}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzReadJSONL(t, data, Limits{MaxDepth: 3, MaxFields: 5, MaxRecordBytes: 50})
		lim := Limits{MaxDepth: 8, MaxRecordBytes: 1000}
		recs, err := fuzzReadJSONL(t, data, lim)
		if !plainUTF8(data) || len(data) >= defaultMaxFields {
			return
		}
		if strings.TrimFunc(string(data), func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }) == "" {
			if !errors.Is(err, ErrEmpty) || !errors.Is(err, ErrNoRecords) {
				t.Fatalf("error %v for a blank file", err)
			}
			return
		}
		// Each non-blank line that is a JSON object within the limits is a
		// record; the first other line is the error.
		var want []int
		bad := 0
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSuffix(line, "\r")
			if len(bytes.TrimSpace([]byte(line))) == 0 {
				continue
			}
			var v any
			if json.Unmarshal([]byte(line), &v) != nil || len(line) > int(lim.MaxRecordBytes) {
				bad = i + 1
				break
			}
			if _, ok := v.(map[string]any); !ok || tokenDepth([]byte(line)) > lim.MaxDepth {
				bad = i + 1
				break
			}
			want = append(want, i+1)
		}
		var got []int
		for _, r := range recs {
			got = append(got, r.Number)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("records on lines %v, want %v", got, want)
		}
		switch {
		case bad > 0:
			if err == nil || !strings.HasPrefix(err.Error(), "line "+strconv.Itoa(bad)+":") {
				t.Fatalf("error %v, want one on line %d", err, bad)
			}
		case len(want) == 0:
			if !errors.Is(err, ErrNoRecords) {
				t.Fatalf("error %v, want ErrNoRecords", err)
			}
		case err != nil:
			t.Fatalf("error %v", err)
		}
	})
}

// fuzzReadJSONL reads data to the end, checking what every reader promises.
func fuzzReadJSONL(t *testing.T, data []byte, lim Limits) ([]Record, error) {
	rr, err := OpenJSONL(bytes.NewReader(data), lim)
	if err != nil {
		if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNotText) && !errors.Is(err, ErrNoRecords) &&
			!strings.HasPrefix(err.Error(), "line ") {
			t.Fatalf("OpenJSONL: unexpected error %v", err)
		}
		return nil, err
	}
	var recs []Record
	for {
		rec, err := rr.Next()
		if errors.Is(err, io.EOF) {
			return recs, nil
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Fatalf("error without a line: %v", err)
			}
			if _, err2 := rr.Next(); err2 == nil || err2.Error() != err.Error() {
				t.Fatalf("Next after error %v: %v", err, err2)
			}
			return recs, err
		}
		if rec.Number < 1 || (len(recs) > 0 && rec.Number <= recs[len(recs)-1].Number) {
			t.Fatalf("record number %d after %d", rec.Number, len(recs))
		}
		checkRecord(t, rec, lim.withDefaults())
		recs = append(recs, rec)
	}
}
