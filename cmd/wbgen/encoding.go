package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// textEncoding is a character encoding of the CSV files wbgen writes.
type textEncoding string

const (
	encUTF8    textEncoding = "utf-8"
	encGB18030 textEncoding = "gb18030"
)

// parseEncoding reads an --encoding value.
func parseEncoding(s string) (textEncoding, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "utf-8", "utf8":
		return encUTF8, nil
	case "gb18030":
		return encGB18030, nil
	}
	return "", fmt.Errorf("unknown encoding %q (want utf-8 or gb18030)", s)
}

// nopCloser adds a Close that does nothing to a writer.
type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// encodeWriter returns a writer that encodes UTF-8 text into enc on its way
// to w. Close flushes what the encoder holds back; it does not close w.
func encodeWriter(w io.Writer, enc textEncoding) io.WriteCloser {
	if enc == encGB18030 {
		return transform.NewWriter(w, simplifiedchinese.GB18030.NewEncoder())
	}
	return nopCloser{w}
}

// encodeGB18030 converts UTF-8 text to GB18030.
func encodeGB18030(b []byte) ([]byte, error) {
	var out bytes.Buffer
	w := encodeWriter(&out, encGB18030)
	if _, err := w.Write(b); err != nil {
		return nil, fmt.Errorf("encoding to GB18030: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("encoding to GB18030: %w", err)
	}
	return out.Bytes(), nil
}
