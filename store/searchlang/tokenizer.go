package searchlang

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// TokenizerName is the name under which the workbench's single-pass
// tokenizer is registered with bleve (once, when this package is loaded).
const TokenizerName = "wb_cjk_tokenizer"

func init() {
	// The index stores its mapping by name, so an index written by this
	// package can be reopened by any program that links it.
	if err := registry.RegisterTokenizer(TokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return Tokenizer{}, nil
	}); err != nil {
		panic(err)
	}
}

// MaxGram is the longest CJK n-gram the [Tokenizer] indexes.
const MaxGram = 4

// Tokenizer does in one pass what the chain unicode tokenizer → cjk_width →
// lowercase → cjk_bigram(output_unigram) does in four, at a fraction of the
// cost (indexing speed is dominated by analysis), and adds CJK 3- and
// 4-grams:
//
//   - full-width ASCII (Ａ, ０, ！) and the ideographic space are folded to
//     their ASCII forms, then letters are lowercased;
//   - runs of letters and digits (with an inner . ' ’ between two letters or
//     two digits, and an inner , between two digits: 3.5, 1,234, don't) are
//     one token each;
//   - each Han, Hiragana, Katakana or Hangul character is a unigram (type
//     [analysis.Single]) at its own position, followed at that position by
//     the 2-, 3- and 4-grams of the run of such characters that start at it
//     (a bigram has type [analysis.Double], longer n-grams
//     [analysis.Shingle]), so 违法内容 gives 违@1 违法@1 违法内@1 违法内容@1
//     法@2 法内@2 法内容@2 内@3 内容@3 容@4: a Chinese word of up to
//     [MaxGram] characters is one term;
//   - everything else (spaces, punctuation, symbols) separates tokens and is
//     not indexed. A CJK run, and so an n-gram, does not continue across a
//     separator, but positions only count tokens, so 违法 内容 puts 法@2
//     next to 内@3.
//
// Start and End are byte offsets into the original text, so highlighting
// can mark the original characters. The terms of a CJK run share one
// backing array (the folded run), each n-gram a slice of it.
type Tokenizer struct{}

// RuneClass is what the tokenizer makes of a character: a separator, part
// of a word (letters, digits, underscore), or a CJK character.
type RuneClass uint8

const (
	ClassSep RuneClass = iota
	ClassWord
	ClassCJK
)

// Classify is the class of r, as the tokenizer reads it.
func Classify(r rune) RuneClass {
	switch {
	case r < 0x80:
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' {
			return ClassWord
		}
		return ClassSep
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return ClassCJK
	case r == 'ー' || r == '々' || r == '〆':
		return ClassCJK
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return ClassWord
	}
	return ClassSep
}

// Fold maps full-width ASCII forms to ASCII and lowercases, as the
// tokenizer does before it classifies.
func Fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFF01 - 0x21
	case r == 0x3000:
		return ' '
	}
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	return unicode.ToLower(r)
}

// IsDigit reports whether r is a decimal digit of any script.
func IsDigit(r rune) bool { return r >= '0' && r <= '9' || r >= 0x80 && unicode.IsDigit(r) }

// Tokenize implements analysis.Tokenizer.
func (Tokenizer) Tokenize(input []byte) analysis.TokenStream {
	// One backing array for tokens and one for terms keep allocations per
	// document at a handful. Terms are the folded text (n-grams are slices
	// of their run), about as long as the input.
	toks := make([]analysis.Token, 0, tokenEstimate(input))
	terms := make([]byte, 0, len(input)+8)
	pos := 1
	type cjkChar struct {
		start, end int // in input
		term       int // start of the folded character in terms
	}
	var run []cjkChar // the current CJK run
	var runBuf [64]cjkChar
	run = runBuf[:0]

	emit := func(term []byte, start, end, position int, typ analysis.TokenType) {
		toks = append(toks, analysis.Token{Term: term, Start: start, End: end, Position: position, Type: typ})
	}
	endRun := func() {
		if len(run) == 0 {
			return
		}
		termEnd := len(terms)
		for i, c := range run {
			for n := 1; n <= MaxGram && i+n <= len(run); n++ {
				last := i + n - 1
				te := termEnd
				if last+1 < len(run) {
					te = run[last+1].term
				}
				typ := analysis.Shingle
				switch n {
				case 1:
					typ = analysis.Single
				case 2:
					typ = analysis.Double
				}
				emit(terms[c.term:te:te], c.start, run[last].end, pos, typ)
			}
			pos++
		}
		run = run[:0]
	}

	for i := 0; i < len(input); {
		r, size := utf8.DecodeRune(input[i:])
		f := Fold(r)
		switch Classify(f) {
		case ClassCJK:
			run = append(run, cjkChar{start: i, end: i + size, term: len(terms)})
			terms = utf8.AppendRune(terms, f)
			i += size
		case ClassWord:
			endRun()
			start := i
			n := len(terms)
			lastDigit := IsDigit(f)
			terms = utf8.AppendRune(terms, f)
			i += size
			for i < len(input) {
				r2, s2 := utf8.DecodeRune(input[i:])
				f2 := Fold(r2)
				if Classify(f2) == ClassWord {
					terms = utf8.AppendRune(terms, f2)
					lastDigit = IsDigit(f2)
					i += s2
					continue
				}
				// An inner joiner between two letters or two digits.
				if f2 == '.' || f2 == '\'' || f2 == '’' || f2 == ',' && lastDigit {
					r3, s3 := utf8.DecodeRune(input[i+s2:])
					f3 := Fold(r3)
					if i+s2 < len(input) && Classify(f3) == ClassWord && IsDigit(f3) == lastDigit && (f2 != ',' || IsDigit(f3)) {
						terms = utf8.AppendRune(terms, f2)
						terms = utf8.AppendRune(terms, f3)
						lastDigit = IsDigit(f3)
						i += s2 + s3
						continue
					}
				}
				break
			}
			emit(terms[n:len(terms):len(terms)], start, i, pos, analysis.AlphaNumeric)
			pos++
		default:
			endRun()
			i += size
		}
	}
	endRun()
	out := make(analysis.TokenStream, len(toks))
	for k := range toks {
		out[k] = &toks[k]
	}
	return out
}

// tokenEstimate is about how many tokens input gives: up to MaxGram per
// CJK character (three bytes in UTF-8), one per word of Latin text.
func tokenEstimate(input []byte) int {
	multi := 0
	for _, b := range input {
		if b >= 0xC0 {
			multi++ // the first byte of a multi-byte character
		}
	}
	return multi*MaxGram + max(0, len(input)-3*multi)/4 + 1
}
