package fulltext

import (
	"unicode/utf8"

	"github.com/inspection-workbench/workbench/store/searchlang"
)

// What the text field indexes (index format 5): at each position of the
// searchlang tokenizer's stream one term only, the longest it has there.
// For a Latin word that is the word; for a CJK character it is the
// MaxGram-gram starting at it, or the rest of its run when fewer
// characters follow (违法内容 gives 违法内容@1 法内容@2 内容@3 容@4).
// Every CJK string of up to MaxGram characters that occurs in the text is
// a prefix of the term at the position where it starts, so a word is
// found as a prefix of the dictionary (see textNode) and a phrase by the
// positions of those terms: one term per character instead of every 1- to
// 4-gram, with far fewer postings and locations to build, merge and
// store. Offsets are not kept: highlighting analyses the text read back
// from SQLite (see spansOf), so the index stores only positions.

// gram is one term of the text field at its position.
type gram struct {
	term []byte
	pos  int
}

// appendGrams appends to out the terms of the text field for input,
// without building the token stream of every n-gram first: it follows
// searchlang.Tokenizer step by step (folding, word joiners, CJK runs) but
// emits, per position, only the longest term. TestGramsMatchTokenizer
// holds the two together.
func appendGrams(out []gram, input []byte) []gram {
	terms := make([]byte, 0, len(input)+8) // folded text; terms are slices of it
	pos := 1
	var runBuf [64]int // starts of the current CJK run's characters in terms
	run := runBuf[:0]
	endRun := func() {
		for i, start := range run {
			end := len(terms)
			if i+searchlang.MaxGram < len(run) {
				end = run[i+searchlang.MaxGram]
			}
			out = append(out, gram{terms[start:end:end], pos})
			pos++
		}
		run = run[:0]
	}
	for i := 0; i < len(input); {
		r, size := utf8.DecodeRune(input[i:])
		f := searchlang.Fold(r)
		switch searchlang.Classify(f) {
		case searchlang.ClassCJK:
			run = append(run, len(terms))
			terms = utf8.AppendRune(terms, f)
			i += size
		case searchlang.ClassWord:
			endRun()
			n := len(terms)
			lastDigit := searchlang.IsDigit(f)
			terms = utf8.AppendRune(terms, f)
			i += size
			for i < len(input) {
				r2, s2 := utf8.DecodeRune(input[i:])
				f2 := searchlang.Fold(r2)
				if searchlang.Classify(f2) == searchlang.ClassWord {
					terms = utf8.AppendRune(terms, f2)
					lastDigit = searchlang.IsDigit(f2)
					i += s2
					continue
				}
				// An inner joiner between two letters or two digits.
				if f2 == '.' || f2 == '\'' || f2 == '’' || f2 == ',' && lastDigit {
					r3, s3 := utf8.DecodeRune(input[i+s2:])
					f3 := searchlang.Fold(r3)
					if i+s2 < len(input) && searchlang.Classify(f3) == searchlang.ClassWord && searchlang.IsDigit(f3) == lastDigit && (f2 != ',' || searchlang.IsDigit(f3)) {
						terms = utf8.AppendRune(terms, f2)
						terms = utf8.AppendRune(terms, f3)
						lastDigit = searchlang.IsDigit(f3)
						i += s2 + s3
						continue
					}
				}
				break
			}
			out = append(out, gram{terms[n:len(terms):len(terms)], pos})
			pos++
		default:
			endRun()
			i += size
		}
	}
	endRun()
	return out
}
