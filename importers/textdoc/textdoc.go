// Package textdoc reads Markdown and plain-text documents (UTF-8 or
// GB18030) into passages: one passage per paragraph, list item or table
// row, each with the line it starts on and the Markdown headings above it.
package textdoc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/inspection-workbench/workbench/importers/document"
)

// MaxBytes bounds a text document: larger ones are refused.
const MaxBytes = 256 << 20

// Errors callers can test for with errors.Is.
var (
	ErrNotText = errors.New("not a text document")
	ErrEmpty   = errors.New("document is empty")
)

// Read decodes data (UTF-8 with or without BOM, else GB18030) and splits
// it into passages. markdown turns on headings (# …), which set the
// heading path, and tables (| … |), read one row per passage; plain text
// is split into paragraphs at blank lines. encoding names what was found.
func Read(data []byte, markdown bool) (passages []document.Passage, encoding string, err error) {
	if len(data) > MaxBytes {
		return nil, "", fmt.Errorf("%w: %d bytes is over the limit of %d", ErrNotText, len(data), MaxBytes)
	}
	text, encoding, err := decode(data)
	if err != nil {
		return nil, "", err
	}
	var stack []heading
	var para []string
	paraLine := 0
	seq := 0
	add := func(p document.Passage) {
		seq++
		p.Seq = seq
		for _, h := range stack {
			p.HeadingPath = append(p.HeadingPath, h.text)
		}
		passages = append(passages, p)
	}
	flush := func() {
		if len(para) > 0 {
			if t := strings.TrimSpace(strings.Join(para, "\n")); t != "" {
				add(document.Passage{Line: paraLine, Text: t})
			}
		}
		para, paraLine = nil, 0
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64*1024), MaxBytes)
	line := 0
	inFence := false
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), " \t\r")
		trimmed := strings.TrimSpace(l)
		if markdown && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")) {
			inFence = !inFence
			continue
		}
		switch {
		case trimmed == "" && !inFence:
			flush()
		case markdown && !inFence && isHeading(trimmed):
			flush()
			level := len(trimmed) - len(strings.TrimLeft(trimmed, "#"))
			t := strings.TrimSpace(strings.TrimRight(strings.TrimLeft(trimmed, "#"), "#"))
			for len(stack) > 0 && stack[len(stack)-1].level >= level {
				stack = stack[:len(stack)-1]
			}
			add(document.Passage{Line: line, Text: t, Heading: true})
			stack = append(stack, heading{level, t})
		case markdown && !inFence && strings.HasPrefix(trimmed, "|"):
			flush()
			if isTableRule(trimmed) {
				continue
			}
			cells := strings.Split(strings.Trim(trimmed, "|"), "|")
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			add(document.Passage{Line: line, Text: strings.Join(cells, " | ")})
		case markdown && !inFence && isListItem(trimmed):
			flush()
			para, paraLine = []string{trimmed}, line
		default:
			if paraLine == 0 {
				paraLine = line
			}
			para = append(para, trimmed)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, "", fmt.Errorf("line %d: %w", line+1, err)
	}
	flush()
	if len(passages) == 0 {
		return nil, "", ErrEmpty
	}
	return passages, encoding, nil
}

type heading struct {
	level int
	text  string
}

func isHeading(s string) bool {
	n := len(s) - len(strings.TrimLeft(s, "#"))
	return n >= 1 && n <= 6 && len(s) > n && s[n] == ' '
}

func isTableRule(s string) bool {
	return strings.Trim(s, "|-: ") == ""
}

func isListItem(s string) bool {
	if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "+ ") {
		return true
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

// decode turns the bytes into text: UTF-8 (a BOM is dropped), else
// GB18030; NUL bytes or undecodable bytes mean it is not text.
func decode(data []byte) (string, string, error) {
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", fmt.Errorf("%w: it holds NUL bytes (a binary file?)", ErrNotText)
	}
	if b, ok := bytes.CutPrefix(data, []byte("\xef\xbb\xbf")); ok {
		if !utf8.Valid(b) {
			return "", "", fmt.Errorf("%w: invalid UTF-8 after the byte-order mark", ErrNotText)
		}
		return string(b), "UTF-8 BOM", nil
	}
	if utf8.Valid(data) {
		return string(data), "UTF-8", nil
	}
	out, err := io.ReadAll(simplifiedchinese.GB18030.NewDecoder().Reader(bytes.NewReader(data)))
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return "", "", fmt.Errorf("%w: neither UTF-8 nor GB18030", ErrNotText)
	}
	return string(out), "GB18030", nil
}
