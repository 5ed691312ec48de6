package fulltext

import (
	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// The fields of a search document, built for indexing speed: bleve's
// document.TextField analyses each value through a token stream and a map
// of allocations per term, and sizes itself by walking that map; these
// build the same term frequencies with a few allocations per document
// (textField) or none at all (keywordField, whose one term is analysed
// once per submission and shared by its documents, which bleve only
// reads).

var (
	_ document.Field = (*textField)(nil)
	_ document.Field = (*keywordField)(nil)
)

// textField is a document's text, analysed by appendGrams, with
// positions.
type textField struct {
	value  []byte
	length int
	freqs  index.TokenFrequencies
}

func newTextField(text string) *textField { return &textField{value: []byte(text)} }

func (f *textField) Name() string             { return fieldText }
func (f *textField) ArrayPositions() []uint64 { return nil }
func (f *textField) Options() index.FieldIndexingOptions {
	return index.IndexField | index.IncludeTermVectors
}
func (f *textField) Value() []byte                                    { return f.value }
func (f *textField) NumPlainTextBytes() uint64                        { return uint64(len(f.value)) }
func (f *textField) EncodedFieldType() byte                           { return 't' }
func (f *textField) AnalyzedLength() int                              { return f.length }
func (f *textField) AnalyzedTokenFrequencies() index.TokenFrequencies { return f.freqs }

// Size is an estimate (bleve uses it for statistics and memory
// accounting): the text, and about two terms' worth of bookkeeping per
// byte analysed.
func (f *textField) Size() int { return 64 + len(f.value)*(1+2*tokenBytes) }

// tokenBytes is about what one analysed term costs in memory.
const tokenBytes = 40

// Analyze computes the term frequencies and positions (see appendGrams),
// as analysis.TokenFrequency does, from slabs allocated once per
// document.
func (f *textField) Analyze() {
	toks := appendGrams(make([]gram, 0, len(f.value)/3+4), f.value)
	n := len(toks)
	f.length = n
	f.freqs = make(index.TokenFrequencies, n)
	if n == 0 {
		return
	}
	tfs := make([]index.TokenFreq, 0, n) // never grows: pointers into it stay valid
	of := make([]*index.TokenFreq, n)    // the term of each token
	for i, t := range toks {
		tf := f.freqs[string(t.term)]
		if tf == nil {
			tfs = append(tfs, index.TokenFreq{Term: t.term})
			tf = &tfs[len(tfs)-1]
			f.freqs[string(t.term)] = tf
		}
		tf.SetFrequency(tf.Frequency() + 1)
		of[i] = tf
	}
	locs := make([]index.TokenLocation, n)
	ptrs := make([]*index.TokenLocation, n)
	off := 0
	for i := range tfs {
		k := tfs[i].Frequency()
		tfs[i].Locations = ptrs[off : off : off+k]
		off += k
	}
	for i, t := range toks {
		locs[i] = index.TokenLocation{Position: t.pos}
		of[i].Locations = append(of[i].Locations, &locs[i])
	}
}

// keywordField is a one-term field whose term frequencies are computed
// when it is made; documents of one submission share it.
type keywordField struct {
	name  string
	value []byte
	opts  index.FieldIndexingOptions
	freqs index.TokenFrequencies
}

func newKeywordField(name string, value []byte, opts index.FieldIndexingOptions) *keywordField {
	tf := &index.TokenFreq{Term: value}
	tf.SetFrequency(1)
	return &keywordField{name: name, value: value, opts: opts, freqs: index.TokenFrequencies{string(value): tf}}
}

func (f *keywordField) Name() string                                     { return f.name }
func (f *keywordField) ArrayPositions() []uint64                         { return nil }
func (f *keywordField) Options() index.FieldIndexingOptions              { return f.opts }
func (f *keywordField) Analyze()                                         {}
func (f *keywordField) Value() []byte                                    { return f.value }
func (f *keywordField) NumPlainTextBytes() uint64                        { return uint64(len(f.value)) }
func (f *keywordField) Size() int                                        { return 64 + len(f.value) }
func (f *keywordField) EncodedFieldType() byte                           { return 't' }
func (f *keywordField) AnalyzedLength() int                              { return 1 }
func (f *keywordField) AnalyzedTokenFrequencies() index.TokenFrequencies { return f.freqs }
