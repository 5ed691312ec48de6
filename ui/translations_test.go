package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"testing"

	"github.com/inspection-workbench/workbench/assets"
)

// usedMessages finds the message ids the GUI code passes to lang.L and
// lang.X, the way "fyne translate" does: as literal strings.
func usedMessages(t *testing.T) map[string]bool {
	t.Helper()
	call := regexp.MustCompile(`lang\.(?:L|X)\(("(?:[^"\\]|\\.)*")`)
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("../cmd/workbench/*.go")
	used := map[string]bool{}
	for _, f := range append(files, more...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllSubmatch(src, -1) {
			s, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			used[s] = true
		}
	}
	if len(used) < 20 {
		t.Fatalf("found only %d messages; is the pattern right?", len(used))
	}
	return used
}

func TestTranslationsComplete(t *testing.T) {
	used := usedMessages(t)
	placeholder := regexp.MustCompile(`\{\{\.[A-Za-z]+\}\}`)
	for _, file := range []string{"wb.en.json", "wb.zh_Hans.json"} {
		t.Run(file, func(t *testing.T) {
			data, err := assets.Translations.ReadFile("translations/" + file)
			if err != nil {
				t.Fatal(err)
			}
			var catalogue map[string]string
			if err := json.Unmarshal(data, &catalogue); err != nil {
				t.Fatalf("%s is not a flat JSON object: %v", file, err)
			}
			var missing, unused []string
			for id := range used {
				if catalogue[id] == "" {
					missing = append(missing, id)
				}
			}
			for id, text := range catalogue {
				if !used[id] {
					unused = append(unused, id)
				}
				want := placeholder.FindAllString(id, -1)
				got := placeholder.FindAllString(text, -1)
				sort.Strings(want)
				sort.Strings(got)
				if !slices.Equal(want, got) {
					t.Errorf("%q: placeholders %v in the translation, want %v", id, got, want)
				}
			}
			sort.Strings(missing)
			sort.Strings(unused)
			for _, id := range missing {
				t.Errorf("no translation for %q", id)
			}
			for _, id := range unused {
				t.Errorf("translation for %q, which the code no longer uses", id)
			}
		})
	}
}
