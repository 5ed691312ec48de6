// Package searchlang holds the language side of the workbench's full-text
// search: a Chinese-aware bleve analyzer and the parser for the query syntax
// users type. It depends only on bleve's mapping, search/query and analysis
// sub-packages, never on the root bleve package.
//
// # Analyzer
//
// [Register] adds the analyzer [AnalyzerName] ("wb_cjk") to an index
// mapping. Its single-pass [Tokenizer] folds full-width ASCII to
// half-width (ＡＩ matches AI), lowercases, keeps runs of letters and digits
// as words, and splits CJK text into unigrams plus the 2-, 3- and 4-grams
// starting at each character: 违法内容 is indexed as 违 违法 违法内 违法内容
// 法 法内 法内容 内 内容 容, where each character's n-grams share its
// position, so a one-character query (违) finds 违法 and a Chinese word of
// up to four characters is a single term. Its unigrams and bigrams are the
// terms and positions of bleve's chain unicode → cjk_width → lowercase →
// cjk_bigram(output_unigram) on Chinese and plain English text, which it
// replaces several times faster. [TextTerms] says which of these terms a
// word or phrase is searched by: the longest n-grams, overlapping by one
// character, so a phrase of n characters needs about n/3 terms.
//
// # Query syntax
//
//	违法 report            words: every word must match (AND)
//	"违法内容"              exact phrase: the words in this order, adjacent
//	违法 OR 违规            either side may match; OR binds two neighbouring
//	                       words/phrases/filters and can be chained (a OR b OR c)
//	-删除  -"测试数据"       exclusion: documents containing it are dropped
//	kind:incident          field filter: the field has exactly this value
//	file:"a b.xlsx"        quoted field value (may hold spaces and colons, not quotes)
//	found:2024-01-01..2024-03-31   date range, both ends inclusive
//	found:2024-01-01..     open end      found:..2024-03-31   open start
//	found:2024-02-15       a single day
//
// Details:
//   - A bare word that contains a CJK character is searched as a phrase:
//     违法内容 means those four characters in that order, adjacent, so it
//     does not match 违法的内容; 违法 means the word 违法, not 违 and 法 apart.
//     A single character (违) matches wherever it occurs. Words without CJK
//     characters match when all their terms occur (e-mail needs e and mail).
//   - Spaces and punctuation inside a phrase match text with or without
//     them: "违法 内容" matches 违法内容, 违法 内容 and 违法，内容.
//   - OR must be written in capitals and needs something on both sides; it
//     cannot join an exclusion (-a OR b is an error). Lowercase "or" is an
//     ordinary word.
//   - Field filters work only on the fields the application declares (see
//     [Options]); keyword fields compare the value exactly (case-sensitive,
//     not analysed), date fields take YYYY-MM-DD ranges as above. A word
//     whose part before ":" is not a plain ASCII name (10:30, 说明:内容) is an
//     ordinary word; to search for text like foo:bar or http://x, quote it:
//     "foo:bar".
//   - Date ranges are whole days in [Options.Location] (UTC if unset): the
//     end day is included up to its last instant.
//   - Full-width space, the quotes “” 「」 ＂, the full-width colon ： and
//     the full-width minus － are accepted in place of their ASCII forms.
//   - A query needs at least one thing to search for; one made only of
//     exclusions is rejected.
//
// Malformed queries produce a *[workbench.SyntaxError] naming the 1-based character
// position, e.g. `position 5: unterminated quote (opened here)` or
// `position 1: unknown field "foo" (known fields: file, found, kind, label)`.
package searchlang
