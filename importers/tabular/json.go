package tabular

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// JSONReader is the RecordReader returned by OpenJSON.
type JSONReader interface {
	RecordReader
	// Container is the name of the top-level member that holds the array
	// of records ({"incidents":[…]} gives "incidents"), or "" when the
	// records are a top-level array or the file is a single object.
	Container() string
}

// jsonReadMax bounds each read the JSON decoder makes, so that how far it
// reads ahead of the record it is decoding is known.
const jsonReadMax = 64 << 10

// jsonSlack is how far beyond a record's byte limit the decoder may have
// read before the limit is enforced on the input.
const jsonSlack = 2 * jsonReadMax

// ringSize is how much of the most recent input is kept to turn byte
// offsets in error messages into line numbers.
const ringSize = 128 << 10

// errInputLimit marks a read refused by jsonSource because the record being
// decoded has grown past the byte limit.
var errInputLimit = errors.New("input limit reached")

// jsonSource feeds the JSON decoder. It counts the bytes it delivers,
// refuses to deliver more than the current record may hold, and remembers
// the latest input to locate errors by line.
type jsonSource struct {
	r     io.Reader
	n     int64 // bytes delivered
	limit int64 // no byte at offset limit or beyond is delivered
	ring  []byte
	// linesBefore counts the line feeds in the bytes no longer in ring.
	linesBefore int
	err         error
}

func newJSONSource(r io.Reader) *jsonSource {
	return &jsonSource{r: r, ring: make([]byte, ringSize)}
}

func (s *jsonSource) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	if s.n >= s.limit {
		return 0, errInputLimit // not sticky: the limit moves with each record
	}
	p = p[:min(len(p), jsonReadMax, int(min(s.limit-s.n, jsonReadMax)))]
	n, err := s.r.Read(p)
	s.keep(p[:n])
	if err != nil {
		s.err = err
	}
	return n, err
}

// keep adds b to the ring of recent input.
func (s *jsonSource) keep(b []byte) {
	for len(b) > 0 {
		pos := int(s.n % ringSize)
		k := min(len(b), ringSize-pos)
		if s.n >= ringSize {
			s.linesBefore += bytes.Count(s.ring[pos:pos+k], []byte{'\n'})
		}
		copy(s.ring[pos:], b[:k])
		s.n += int64(k)
		b = b[k:]
	}
}

// lineAt returns the 1-based line of the byte at offset off, or 0 if that
// byte is no longer remembered.
func (s *jsonSource) lineAt(off int64) int {
	start := max(0, s.n-ringSize)
	if off < start || off > s.n {
		return 0
	}
	lines := s.linesBefore
	for p := start; p < off; {
		pos := int(p % ringSize)
		k := int(min(off-p, int64(ringSize-pos)))
		lines += bytes.Count(s.ring[pos:pos+k], []byte{'\n'})
		p += int64(k)
	}
	return lines + 1
}

// at describes the place of offset off for an error message.
func (s *jsonSource) at(off int64) string {
	if l := s.lineAt(off); l > 0 {
		return fmt.Sprintf("line %d (offset %d)", l, off)
	}
	return fmt.Sprintf("offset %d", off)
}

// Modes of a jsonReader.
const (
	jsStream = iota // records are read from an array one by one
	jsDone          // only pending records remain
)

// jsonReader is the JSONReader returned by OpenJSON.
type jsonReader struct {
	dec *json.Decoder
	src *jsonSource
	lim Limits
	f   *flattener

	container string
	mode      int
	// elemDepth is the nesting depth of the record objects in the
	// document: 2 in a top-level array, 3 in a container object.
	elemDepth int
	pending   []Record
	// next is the number of the next record to read from the array.
	next int
	// closeDepth is how many objects enclose a streamed container array;
	// they are read past after it.
	closeDepth int
	// chooser decides which array of a top-level object holds the records.
	chooser Chooser
	// held is a token already read: the '{' of the first record.
	held json.Token
	err  error
}

// OpenJSON reads a JSON document holding records: either a top-level array
// of objects; or a top-level object with exactly one member whose value is
// an array of objects (e.g. {"incidents":[…]}, whose member name Container
// reports); or a single top-level object of any other shape, which is one
// record (e.g. the key facts of an algorithm). It is OpenJSONChoosing with
// the Chooser OnlyArray.
//
// Records are decoded one at a time, so large arrays are never held whole.
// Each is flattened: nested objects give dotted keys ("安全机制.内容过滤"),
// arrays of scalars one value joined with "; ", other arrays keys with an
// index ("训练数据.0.名称"); null gives "", numbers keep their text, and a key
// repeated keeps its last value at its first position. The text may be
// UTF-8 (with or without byte order mark), UTF-16 with byte order mark or
// GB18030, as for OpenCSV.
//
// A document holding no records yields ErrNoRecords; a top-level scalar or
// an array of non-objects, an error saying what was found. Errors in the
// document name its line and byte offset (counted in the UTF-8 text).
func OpenJSON(r io.Reader, lim Limits) (JSONReader, error) {
	return OpenJSONChoosing(r, lim, OnlyArray)
}

// OpenJSONChoosing is OpenJSON for exports that wrap their records in an
// object beside metadata ({"provider": …, "exported_at": …, "batches":
// [...]}, {"data": {"items": [...]}}): choose decides which of the arrays
// of objects found in a top-level object, through nested objects up to
// four deep, holds the records (Container gives its dotted path), or that
// the object is itself one record. The object's other members are not
// records.
func OpenJSONChoosing(r io.Reader, lim Limits, choose Chooser) (JSONReader, error) {
	lim = lim.withDefaults()
	ts, err := openText(r)
	if err != nil {
		return nil, emptyMeansNoRecords(err)
	}
	src := newJSONSource(ts.r)
	dec := json.NewDecoder(src)
	dec.UseNumber()
	j := &jsonReader{
		dec:     dec,
		src:     src,
		lim:     lim,
		f:       newFlattener(dec, lim),
		chooser: choose,
	}
	if err := j.open(); err != nil {
		return nil, err
	}
	return j, nil
}

// Container returns the name of the member holding the records, or "".
func (j *jsonReader) Container() string { return j.container }

// Next returns the next record, or io.EOF after the last one.
func (j *jsonReader) Next() (Record, error) {
	if j.err != nil {
		return Record{}, j.err
	}
	if len(j.pending) > 0 {
		rec := j.pending[0]
		j.pending[0] = Record{}
		j.pending = j.pending[1:]
		return rec, nil
	}
	if j.mode == jsDone {
		return Record{}, io.EOF
	}
	rec, err := j.readElement()
	if err != nil {
		if errors.Is(err, io.EOF) {
			j.mode = jsDone
			return Record{}, io.EOF
		}
		j.err = err
		return Record{}, err
	}
	return rec, nil
}

// setLimit lets the decoder read one record's worth of input from here.
func (j *jsonReader) setLimit(from int64) {
	j.src.limit = from + j.lim.MaxRecordBytes + jsonSlack
}

// token reads the next token.
func (j *jsonReader) token() (json.Token, error) {
	if j.held != nil {
		t := j.held
		j.held = nil
		return t, nil
	}
	return j.dec.Token()
}

// open reads the start of the document to learn its shape.
func (j *jsonReader) open() error {
	j.setLimit(0)
	tok, err := j.dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return emptyMeansNoRecords(ErrEmpty)
		}
		return j.wrap(err, 0)
	}
	switch tok {
	case json.Delim('['):
		if j.lim.MaxDepth < 2 {
			return j.wrap(tooDeep(j.lim.MaxDepth), 0)
		}
		tok, err := j.dec.Token()
		if err != nil {
			return j.wrap(err, 0)
		}
		switch tok {
		case json.Delim(']'):
			return fmt.Errorf("%w: the top-level array is empty", ErrNoRecords)
		case json.Delim('{'):
		default:
			return notRecords("%s: top level is an array of %s, not of objects", j.src.at(j.dec.InputOffset()), kindPlural(tok))
		}
		j.held = tok
		j.mode, j.elemDepth, j.next = jsStream, 2, 1
		return nil
	case json.Delim('{'):
		return j.openObject()
	default:
		return notRecords("top level is %s, not an array or object of records", kind(tok))
	}
}

// Chooser decides which array of objects inside a top-level JSON object
// holds the records. meta are the flattened keys of the object's other
// members (an export's provider, date, counts); arrays are the arrays of
// objects met so far, in document order. It returns the index of the
// array to read as the records, or -1 to read the whole object as one
// record.
//
// A long array is offered before it has been read to the end, once its
// first records are read (64, or 1 MiB), so that a large export can be
// streamed: its Complete is then false and it is the last of arrays.
// Choosing it commits to it, and the members after it are read past.
// Should the object outgrow MaxRecordBytes before it ends, the Chooser is
// asked once more, and an earlier array chosen then is read as the
// records.
type Chooser func(meta []string, arrays []JSONArray) int

// JSONArray is an array of objects found inside a top-level object.
type JSONArray struct {
	// Path is the dotted path of the member holding the array: "batches",
	// "data.items".
	Path string
	// Keys are the flattened keys of the records read from it, first seen
	// first.
	Keys []string
	// Records is how many records were read from it.
	Records int
	// Complete says the array was read to its end.
	Complete bool
}

// How much of an array of objects is read before it is offered to the
// Chooser unfinished.
const (
	sampleRecords = 64
	sampleBytes   = 1 << 20
)

// maxWrapDepth is the deepest nesting of the objects searched for arrays
// of records: {"data": {"items": [...]}} has the array in the second.
const maxWrapDepth = 4

// OnlyArray is the Chooser of OpenJSON: an object holding nothing but one
// array of objects is a container of records; any other object is one
// record.
func OnlyArray(meta []string, arrays []JSONArray) int {
	if len(meta) == 0 && len(arrays) == 1 {
		return 0
	}
	return -1
}

// candidate is an array of objects met while reading a top-level object.
type candidate struct {
	JSONArray
	recs []Record
	keys map[string]bool
}

// objectWalk is the reading of a top-level object.
type objectWalk struct {
	start  int64      // offset of its '{'
	sf     *flattener // the object as one record
	meta   []string   // the keys sf got from members other than arrays of objects
	cands  []candidate
	chosen int  // the candidate chosen, or -1
	stream bool // the chosen candidate is being streamed
	done   bool // decided: what follows is read past
}

// openObject reads a top-level object, whose '{' has been read, far enough
// to decide what holds the records: one of the arrays of objects it holds,
// at any depth up to maxWrapDepth ({"provider": …, "batches": [...]},
// {"data": {"items": [...]}}), or the object itself, one record. The
// Chooser decides. The object is read into memory (within MaxRecordBytes)
// unless an array is chosen before its end, which is then streamed.
func (j *jsonReader) openObject() error {
	w := &objectWalk{start: j.dec.InputOffset() - 1, sf: newFlattener(j.dec, j.lim), chosen: -1}
	j.setLimit(w.start)
	if err := j.walkObject(w, "", 1); err != nil {
		return err
	}
	if w.stream {
		return nil
	}
	if !w.done {
		if len(w.sf.keys) == 0 && len(w.cands) == 0 {
			return fmt.Errorf("%w: the top-level object is empty", ErrNoRecords)
		}
		w.chosen = j.choose(w)
	}
	if w.chosen >= 0 {
		c := &w.cands[w.chosen]
		if c.Records == 0 {
			return fmt.Errorf("%w: %q is an empty array", ErrNoRecords, c.Path)
		}
		j.container, j.pending, j.mode = c.Path, c.recs, jsDone
		return j.checkEnd()
	}
	if size := j.dec.InputOffset() - w.start; size > j.lim.MaxRecordBytes {
		return fmt.Errorf("%w: the top-level object is %d bytes, more than the limit of %d", ErrRecordTooLarge, size, j.lim.MaxRecordBytes)
	}
	j.pending = []Record{w.sf.record(1)}
	j.mode = jsDone
	return j.checkEnd()
}

// choose asks the Chooser about the arrays met so far.
func (j *jsonReader) choose(w *objectWalk) int {
	arrays := make([]JSONArray, len(w.cands))
	for i, c := range w.cands {
		arrays[i] = c.JSONArray
	}
	if i := j.chooser(w.meta, arrays); i >= 0 && i < len(arrays) {
		return i
	}
	return -1
}

// walkObject reads the members of an object at nesting depth depth whose
// '{' has been read, under prefix (the object's path, "" at the top).
func (j *jsonReader) walkObject(w *objectWalk, prefix string, depth int) error {
	n := 0
	for {
		tok, err := j.dec.Token()
		if err != nil {
			return j.wrap(err, 1)
		}
		if tok == json.Delim('}') {
			if n == 0 && prefix != "" && !w.done {
				return j.addMeta(w, prefix, "")
			}
			return nil
		}
		key, ok := tok.(string)
		if !ok {
			return j.wrap(syntaxErr("unexpected %v in object", tok), 1)
		}
		n++
		if prefix != "" {
			key = prefix + "." + key
		}
		val, err := j.dec.Token()
		if err != nil {
			return j.wrap(err, 1)
		}
		if w.done {
			if err := j.skipValue(val, depth+1); err != nil {
				return err
			}
			continue
		}
		switch val {
		case json.Delim('{'):
			if depth+1 > j.lim.MaxDepth {
				return j.wrap(tooDeep(j.lim.MaxDepth), 1)
			}
			if depth+1 <= maxWrapDepth {
				err = j.walkObject(w, key, depth+1)
			} else {
				err = j.flattenMeta(w, func() error { return w.sf.objectFrom(key, false, depth+1, nil) })
			}
		case json.Delim('['):
			err = j.walkArray(w, key, depth+1)
		default:
			err = j.addMeta(w, key, scalarText(val))
		}
		if err != nil || w.stream {
			return err
		}
		if !w.done && j.dec.InputOffset()-w.start > j.lim.MaxRecordBytes {
			return fmt.Errorf("%w: the top-level object is larger than the limit of %d bytes", ErrRecordTooLarge, j.lim.MaxRecordBytes)
		}
	}
}

// addMeta adds a member that is not an array of objects to the object as
// a record.
func (j *jsonReader) addMeta(w *objectWalk, key, val string) error {
	return j.flattenMeta(w, func() error { return w.sf.add(key, val) })
}

// flattenMeta runs add, which adds to the object as a record, and notes
// the keys it added as the object's own.
func (j *jsonReader) flattenMeta(w *objectWalk, add func() error) error {
	before := len(w.sf.keys)
	if err := add(); err != nil {
		return j.wrap(err, 1)
	}
	w.meta = append(w.meta, w.sf.keys[before:]...)
	return nil
}

// walkArray reads an array at depth depth, whose '[' has been read, as
// the member key of an object being walked. An array of objects is a
// candidate for the records (and, until one is chosen, also part of the
// object as a record); any other array belongs to the object.
func (j *jsonReader) walkArray(w *objectWalk, key string, depth int) error {
	if depth > j.lim.MaxDepth {
		return j.wrap(tooDeep(j.lim.MaxDepth), 1)
	}
	tok, err := j.dec.Token()
	if err != nil {
		return j.wrap(err, 1)
	}
	if tok == json.Delim(']') {
		// An empty array may be where the records would be.
		w.cands = append(w.cands, candidate{JSONArray: JSONArray{Path: key, Complete: true}})
		return j.wrapAt(w.sf.add(key, ""), 1)
	}
	if tok != json.Delim('{') {
		return j.flattenMeta(w, func() error { return w.sf.array(key, depth, tok, 0, false) })
	}
	w.cands = append(w.cands, candidate{JSONArray: JSONArray{Path: key}, keys: map[string]bool{}})
	ci := len(w.cands) - 1
	arrStart := j.dec.InputOffset() - 1
	sampled := false
	for idx := 0; ; idx++ {
		c := &w.cands[ci]
		if tok != json.Delim('{') {
			j.setLimit(w.start)
			if tok == json.Delim(']') {
				c.Complete = true
				if err := w.sf.addIndexed(key, c.recs); err != nil {
					return j.wrap(err, 1)
				}
				return nil
			}
			// Not an object: the array belongs to the object as a record.
			recs := c.recs
			w.cands = w.cands[:ci]
			return j.flattenMeta(w, func() error {
				if err := w.sf.addIndexed(key, recs); err != nil {
					return err
				}
				return w.sf.array(key, depth, tok, idx, true)
			})
		}
		j.elemDepth = depth + 1
		rec, err := j.readObject(idx + 1)
		if err != nil {
			return err
		}
		c.recs = append(c.recs, rec)
		c.Records++
		for _, k := range rec.Keys {
			if !c.keys[k] {
				c.keys[k] = true
				c.Keys = append(c.Keys, k)
			}
		}
		over := j.dec.InputOffset()-w.start > j.lim.MaxRecordBytes
		if over || (!sampled && (c.Records >= sampleRecords || j.dec.InputOffset()-arrStart > min(sampleBytes, j.lim.MaxRecordBytes))) {
			sampled = true
			switch i := j.choose(w); {
			case i == ci:
				// Streamed from here: the records read so far come first.
				j.container, j.pending = key, c.recs
				j.mode, j.next, j.closeDepth = jsStream, idx+2, depth-1
				w.stream = true
				return nil
			case i >= 0 && over:
				// An earlier array: this one and all that follows are
				// read past.
				w.chosen, w.done = i, true
				w.cands[ci].recs = nil
				return j.skip(depth, depth-1)
			case over:
				return fmt.Errorf("%w: the top-level object is larger than the limit of %d bytes, and no array in it holds records", ErrRecordTooLarge, j.lim.MaxRecordBytes)
			}
		}
		j.setLimit(j.dec.InputOffset())
		if tok, err = j.dec.Token(); err != nil {
			return j.wrap(err, idx+2)
		}
	}
}

// wrapAt is wrap for an error that may be nil.
func (j *jsonReader) wrapAt(err error, num int) error {
	if err == nil {
		return nil
	}
	return j.wrap(err, num)
}

// skipValue reads past a value that starts with tok at depth depth.
func (j *jsonReader) skipValue(tok json.Token, depth int) error {
	if d, ok := tok.(json.Delim); ok && (d == '{' || d == '[') {
		if depth > j.lim.MaxDepth {
			return j.wrap(tooDeep(j.lim.MaxDepth), 0)
		}
		return j.skip(depth, depth-1)
	}
	return nil
}

// skip reads tokens from nesting depth level until the depth falls to
// target, keeping nothing and letting the decoder read on as it goes.
func (j *jsonReader) skip(level, target int) error {
	for level > target {
		j.setLimit(j.dec.InputOffset())
		tok, err := j.dec.Token()
		if err != nil {
			return j.wrap(err, 0)
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			if level++; level > j.lim.MaxDepth {
				return j.wrap(tooDeep(j.lim.MaxDepth), 0)
			}
		case json.Delim('}'), json.Delim(']'):
			level--
		}
	}
	return nil
}

// readObject reads a record whose '{' has been read.
func (j *jsonReader) readObject(num int) (Record, error) {
	start := j.dec.InputOffset() - 1
	if j.elemDepth > j.lim.MaxDepth {
		return Record{}, j.wrap(tooDeep(j.lim.MaxDepth), num)
	}
	if err := j.f.objectFrom("", true, j.elemDepth, nil); err != nil {
		return Record{}, j.wrap(err, num)
	}
	if size := j.dec.InputOffset() - start; size > j.lim.MaxRecordBytes {
		return Record{}, fmt.Errorf("record %d at %s: %w: %d bytes, more than the limit of %d", num, j.src.at(start), ErrRecordTooLarge, size, j.lim.MaxRecordBytes)
	}
	return j.f.record(num), nil
}

// readElement reads the next record of the array being streamed. It
// returns io.EOF at the end of the array once the rest of the document has
// been checked.
func (j *jsonReader) readElement() (Record, error) {
	j.setLimit(j.dec.InputOffset())
	num := j.next
	tok, err := j.token()
	if err != nil {
		return Record{}, j.wrap(err, num)
	}
	switch tok {
	case json.Delim('{'):
		rec, err := j.readObject(num)
		if err != nil {
			return Record{}, err
		}
		j.next++
		return rec, nil
	case json.Delim(']'):
		if j.container != "" {
			// The members after the array are the export's metadata.
			if err := j.skip(j.closeDepth, 0); err != nil {
				return Record{}, err
			}
		}
		if err := j.checkEnd(); err != nil {
			return Record{}, err
		}
		return Record{}, io.EOF
	}
	where := "the top-level array"
	if j.container != "" {
		where = strconv.Quote(j.container)
	}
	return Record{}, notRecords("%s: record %d of %s is %s, not an object", j.src.at(j.dec.InputOffset()), num, where, kind(tok))
}

// checkEnd checks that nothing but white space follows the top-level value.
func (j *jsonReader) checkEnd() error {
	j.setLimit(j.dec.InputOffset())
	_, err := j.dec.Token()
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return j.wrap(err, 0)
	}
	return syntaxErr("%s: unexpected data after the top-level value", j.src.at(j.dec.InputOffset()))
}

// wrap gives an error met while reading record num (0: outside any
// record) its place in the file.
func (j *jsonReader) wrap(err error, num int) error {
	rec := ""
	if num > 0 {
		rec = fmt.Sprintf("record %d, ", num)
	}
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		// se.Offset is unreliable when the decoder is used token by token
		// (it counts only the bytes of scalar values); the decoder's input
		// offset is at the start of the token that failed.
		return syntaxErr("%s%s: %w", rec, j.src.at(j.dec.InputOffset()), err)
	case errors.Is(err, errInputLimit):
		return fmt.Errorf("%s%s: %w: longer than the limit of %d bytes", rec, j.src.at(j.src.n), ErrRecordTooLarge, j.lim.MaxRecordBytes)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return syntaxErr("%s%s: unexpected end of file: %w", rec, j.src.at(j.src.n), io.ErrUnexpectedEOF)
	case errors.Is(err, ErrTooDeep), errors.Is(err, ErrTooManyFields):
		return fmt.Errorf("%s%s: %w", rec, j.src.at(j.dec.InputOffset()), err)
	}
	return fmt.Errorf("%s%s: %w", rec, j.src.at(j.src.n), err)
}

func tooDeep(max int) error { return &depthError{max: max} }

// kind names the JSON value that tok starts, with an article.
func kind(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			return "an array"
		}
		return "an object"
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", tok)
}

// kindPlural names the JSON values that tok starts, in the plural.
func kindPlural(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			return "arrays"
		}
		return "objects"
	case string:
		return "strings"
	case json.Number, float64:
		return "numbers"
	case bool:
		return "booleans"
	case nil:
		return "nulls"
	}
	return fmt.Sprintf("%T", tok)
}

// flattener turns the JSON object read from a decoder into a record of
// dotted keys and text values, checking depth and field limits as it goes.
type flattener struct {
	dec       *json.Decoder
	maxDepth  int
	maxFields int

	keys []string
	vals []string
	pos  map[string]int // index of each key in keys

	// join collects the scalars of arrays not (yet) known to hold
	// composites, separated by "; "; spans holds the start and end of each
	// of the first maxFields+1 of them.
	join  []byte
	spans []int
}

func newFlattener(dec *json.Decoder, lim Limits) *flattener {
	return &flattener{dec: dec, maxDepth: lim.MaxDepth, maxFields: lim.MaxFields, pos: map[string]int{}}
}

// record returns the record built so far and starts a new one.
func (f *flattener) record(num int) Record {
	rec := Record{Number: num, Keys: f.keys, Values: f.vals}
	if rec.Keys == nil {
		rec.Keys, rec.Values = []string{}, []string{}
	}
	f.keys, f.vals = nil, nil
	clear(f.pos)
	return rec
}

// add sets key to val: a new key goes last, a repeated key keeps its place.
func (f *flattener) add(key, val string) error {
	if i, ok := f.pos[key]; ok {
		f.vals[i] = val
		return nil
	}
	if len(f.keys) >= f.maxFields {
		return fmt.Errorf("%w: more than %d keys", ErrTooManyFields, f.maxFields)
	}
	f.pos[key] = len(f.keys)
	f.keys = append(f.keys, key)
	f.vals = append(f.vals, val)
	return nil
}

// addIndexed adds records read as the elements of the array under key.
func (f *flattener) addIndexed(key string, recs []Record) error {
	for i, r := range recs {
		p := key + "." + strconv.Itoa(i)
		if len(r.Keys) == 0 {
			if err := f.add(p, ""); err != nil {
				return err
			}
		}
		for k, name := range r.Keys {
			if err := f.add(p+"."+name, r.Values[k]); err != nil {
				return err
			}
		}
	}
	return nil
}

// objectFrom flattens the members of an object whose '{' has been read and
// which lies at nesting depth depth, under prefix (unless root). tok is
// its first token (a key or '}') if already read, or nil.
func (f *flattener) objectFrom(prefix string, root bool, depth int, tok json.Token) error {
	n := 0
	for {
		if tok == nil {
			var err error
			if tok, err = f.dec.Token(); err != nil {
				return err
			}
		}
		if tok == json.Delim('}') {
			if n == 0 && !root {
				return f.add(prefix, "")
			}
			return nil
		}
		key, ok := tok.(string)
		if !ok {
			return syntaxErr("unexpected %v in object", tok)
		}
		n++
		if !root {
			key = prefix + "." + key
		}
		val, err := f.dec.Token()
		if err != nil {
			return err
		}
		if err := f.value(key, val, depth); err != nil {
			return err
		}
		tok = nil
	}
}

// value flattens under key the value that starts with tok, found inside an
// object or array at nesting depth depth.
func (f *flattener) value(key string, tok json.Token, depth int) error {
	d, ok := tok.(json.Delim)
	if !ok {
		return f.add(key, scalarText(tok))
	}
	if depth+1 > f.maxDepth {
		return tooDeep(f.maxDepth)
	}
	switch d {
	case '{':
		return f.objectFrom(key, false, depth+1, nil)
	case '[':
		first, err := f.dec.Token()
		if err != nil {
			return err
		}
		return f.array(key, depth+1, first, 0, false)
	}
	return syntaxErr("unexpected %v", d)
}

// array flattens under key the rest of an array at nesting depth depth
// whose '[' has been read. tok is the next token, the start of element idx
// or ']'. indexed says whether earlier elements were added under indexed
// keys (because one was an object or array).
func (f *flattener) array(key string, depth int, tok json.Token, idx int, indexed bool) error {
	jstart, sstart := len(f.join), len(f.spans)
	defer func() {
		f.join, f.spans = f.join[:jstart], f.spans[:sstart]
	}()
	for {
		d, composite := tok.(json.Delim)
		switch {
		case composite && d == ']':
			if indexed {
				return nil
			}
			if idx == 0 {
				return f.add(key, "")
			}
			return f.add(key, string(f.join[jstart:]))
		case composite:
			if !indexed {
				// The scalars before become indexed keys too.
				if idx > f.maxFields {
					return fmt.Errorf("%w: more than %d keys", ErrTooManyFields, f.maxFields)
				}
				for k := range idx {
					s, e := f.spans[sstart+2*k], f.spans[sstart+2*k+1]
					if err := f.add(key+"."+strconv.Itoa(k), string(f.join[s:e])); err != nil {
						return err
					}
				}
				f.join, f.spans = f.join[:jstart], f.spans[:sstart]
				indexed = true
			}
			if err := f.value(key+"."+strconv.Itoa(idx), tok, depth); err != nil {
				return err
			}
		case indexed:
			if err := f.add(key+"."+strconv.Itoa(idx), scalarText(tok)); err != nil {
				return err
			}
		default:
			if idx > 0 {
				f.join = append(f.join, "; "...)
			}
			s := len(f.join)
			f.join = append(f.join, scalarText(tok)...)
			if idx <= f.maxFields {
				f.spans = append(f.spans, s, len(f.join))
			}
		}
		idx++
		var err error
		if tok, err = f.dec.Token(); err != nil {
			return err
		}
	}
}

// scalarText returns the text of a JSON scalar token.
func scalarText(tok json.Token) string {
	switch t := tok.(type) {
	case string:
		return t
	case json.Number:
		return string(t)
	case bool:
		if t {
			return "true"
		}
		return "false"
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(t, 'g', -1, 64)
	}
	return fmt.Sprint(tok)
}

// emptyMeansNoRecords makes ErrEmpty also match ErrNoRecords: for JSON an
// empty file is one without records.
func emptyMeansNoRecords(err error) error {
	if errors.Is(err, ErrEmpty) {
		return fmt.Errorf("%w (%w)", err, ErrNoRecords)
	}
	return err
}
