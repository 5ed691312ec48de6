package importers

import (
	"regexp"
	"strings"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/document"
)

// docWarnings tell the reason of a document reader's warning from its
// English message: Match finds it, What is the argument the interfaces
// word ("" for none), and a number the message holds becomes N.
var docWarnings = []struct {
	match  *regexp.Regexp
	reason workbench.Reason
	what   string
}{
	{regexp.MustCompile(`^no text layer`), workbench.ReasonPageNoText, ""},
	{regexp.MustCompile(`^This page could not be read`), workbench.ReasonPageUnreadable, ""},
	{regexp.MustCompile(`^encrypted with an owner password only`), workbench.ReasonOwnerPasswordOnly, ""},
	{regexp.MustCompile(`^This is an XFA form`), workbench.ReasonXFAForm, "unreadable"},
	{regexp.MustCompile(`^This is a dynamic XFA form`), workbench.ReasonXFAForm, "partial"},
	{regexp.MustCompile(`^(\d+) image\(s\) skipped`), workbench.ReasonContentSkipped, "images"},
	{regexp.MustCompile(`^imported content \(altChunk\) skipped`), workbench.ReasonContentSkipped, "altchunk"},
	{regexp.MustCompile(`^chart skipped`), workbench.ReasonContentSkipped, "chart"},
	{regexp.MustCompile(`^diagram \(SmartArt\) skipped`), workbench.ReasonContentSkipped, "smartart"},
	{regexp.MustCompile(`^embedded object`), workbench.ReasonContentSkipped, "object"},
	{regexp.MustCompile(`^text box read where it is anchored`), workbench.ReasonTextBoxAnchored, ""},
	{regexp.MustCompile(`^paragraph longer than (\d+) bytes`), workbench.ReasonParagraphTooLong, ""},
	{regexp.MustCompile(`^a field instruction runs over (\d+) paragraphs`), workbench.ReasonBrokenField, ""},
	{regexp.MustCompile(`^styles ignored`), workbench.ReasonPartIgnored, "styles"},
	{regexp.MustCompile(`^list numbering ignored`), workbench.ReasonPartIgnored, "numbering"},
	{regexp.MustCompile(`^comments ignored`), workbench.ReasonPartIgnored, "comments"},
	{regexp.MustCompile(`relationships unreadable`), workbench.ReasonPartIgnored, "relationships"},
	{regexp.MustCompile(`^(header|footer|footnote|endnote)s? ignored`), workbench.ReasonPartIgnored, "notes"},
	{regexp.MustCompile(` ignored: `), workbench.ReasonPartIgnored, "part"},
}

// documentWarning is a document reader's warning with its reason, when
// its message is one of those docWarnings knows.
func documentWarning(w document.Warning) Warning {
	out := Warning{Location: w.Location, Message: w.Message}
	for _, d := range docWarnings {
		m := d.match.FindStringSubmatch(w.Message)
		if m == nil {
			continue
		}
		out.Reason = d.reason
		out.Args = map[string]any{}
		if d.what != "" {
			out.Args["What"] = d.what
		}
		if len(m) > 1 && m[1] != "" && strings.Trim(m[1], "0123456789") == "" {
			out.Args["N"] = m[1]
		}
		break
	}
	return out
}
