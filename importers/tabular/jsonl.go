package tabular

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// jsonlReader is the RecordReader returned by OpenJSONL.
type jsonlReader struct {
	br  *bufio.Reader
	lim Limits
	f   *flattener

	line  int    // number of the last line read
	buf   []byte // holds a line longer than br's buffer
	first *Record
	err   error
}

// OpenJSONL reads JSON Lines: one JSON object per line, each flattened as
// by OpenJSON; blank lines are skipped and Record.Number is the line
// number. A line holding anything but one object, or longer than
// MaxRecordBytes, is an error naming the line. The first record is read
// here, so a file with none yields ErrNoRecords and a bad first line an
// error. Encodings are sniffed as for OpenCSV.
func OpenJSONL(r io.Reader, lim Limits) (RecordReader, error) {
	lim = lim.withDefaults()
	ts, err := openText(r)
	if err != nil {
		return nil, emptyMeansNoRecords(err)
	}
	src := ts.r
	if crOnly(ts.sample) {
		src = crReader{src}
	}
	j := &jsonlReader{
		br:  bufio.NewReaderSize(src, 64<<10),
		lim: lim,
		f:   newFlattener(nil, lim),
	}
	rec, err := j.next()
	if errors.Is(err, io.EOF) {
		return nil, emptyMeansNoRecords(ErrEmpty)
	}
	if err != nil {
		return nil, err
	}
	j.first = &rec
	return j, nil
}

// Next returns the record on the next non-blank line, or io.EOF after the
// last one.
func (j *jsonlReader) Next() (Record, error) {
	if j.first != nil {
		rec := *j.first
		j.first = nil
		return rec, nil
	}
	return j.next()
}

func (j *jsonlReader) next() (Record, error) {
	if j.err != nil {
		return Record{}, j.err
	}
	for {
		line, err := j.readLine()
		if err != nil {
			j.err = err
			return Record{}, err
		}
		if t := bytes.TrimSpace(line); len(t) > 0 {
			rec, err := j.parse(line)
			if err != nil {
				j.err = &lineError{line: j.line, err: err}
				return Record{}, j.err
			}
			return rec, nil
		}
	}
}

// readLine returns the next line without its line ending, or io.EOF.
func (j *jsonlReader) readLine() ([]byte, error) {
	max := j.lim.MaxRecordBytes
	j.buf = j.buf[:0]
	var line []byte
	for {
		frag, err := j.br.ReadSlice('\n')
		if int64(len(j.buf)+len(frag)) > max+2 { // room for "\r\n"
			return nil, &lineError{line: j.line + 1, err: fmt.Errorf("%w: the line is longer than the limit of %d bytes", ErrRecordTooLarge, max)}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			j.buf = append(j.buf, frag...)
			continue
		}
		if len(j.buf) > 0 {
			j.buf = append(j.buf, frag...)
			line = j.buf
		} else {
			line = frag
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, &lineError{line: j.line + 1, err: err}
		}
		if len(line) == 0 && err != nil {
			return nil, io.EOF
		}
		break
	}
	j.line++
	line = bytes.TrimSuffix(line, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if int64(len(line)) > max {
		return nil, &lineError{line: j.line, err: fmt.Errorf("%w: the line is longer than the limit of %d bytes", ErrRecordTooLarge, max)}
	}
	return line, nil
}

// parse flattens the object on one line.
func (j *jsonlReader) parse(line []byte) (Record, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	j.f.dec = dec
	col := func(err error) error {
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			// The decoder's offset is at the start of the failing token
			// (se.Offset is not reliable when reading token by token).
			return syntaxErr("column %d: %w", dec.InputOffset()+1, err)
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return syntaxErr("unexpected end of line: %w", io.ErrUnexpectedEOF)
		}
		return err
	}
	tok, err := dec.Token()
	if err != nil {
		return Record{}, col(err)
	}
	if tok != json.Delim('{') {
		return Record{}, notRecords("%s, not an object", kind(tok))
	}
	if j.lim.MaxDepth < 1 {
		return Record{}, tooDeep(j.lim.MaxDepth)
	}
	if err := j.f.objectFrom("", true, 1, nil); err != nil {
		j.f.record(0) // discard what was built
		return Record{}, col(err)
	}
	rec := j.f.record(j.line)
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if err != nil {
			return Record{}, col(err)
		}
		return Record{}, syntaxErr("column %d: more than one JSON value on the line", dec.InputOffset())
	}
	return rec, nil
}
