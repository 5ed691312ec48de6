package checklist

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/inspection-workbench/workbench/assets"
)

// DefaultID is the id of the built-in template new cases use.
const DefaultID = "art19-measures-2023"

// SafetyID is the id of the built-in template of the provider's safety
// testing against the national standards (TC260-003-2024 / GB/T
// 45654-2025, GB/T 45674-2025), which an inspection adds to the Measures
// checklist.
const SafetyID = "gb45654-2025"

// builtinDir is the folder of assets.Checklists holding the templates.
const builtinDir = "checklists"

var builtin struct {
	once      sync.Once
	templates map[string]*Template
	err       error
}

// loadBuiltin loads every embedded template once.
func loadBuiltin() (map[string]*Template, error) {
	builtin.once.Do(func() {
		builtin.templates, builtin.err = loadFS(assets.Checklists, builtinDir)
	})
	return builtin.templates, builtin.err
}

// loadFS loads the *.yaml templates in dir of fsys, keyed by id; each file
// must be named after its template's id.
func loadFS(fsys fs.FS, dir string) (map[string]*Template, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("list built-in checklist templates: %w", err)
	}
	out := map[string]*Template{}
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("open built-in checklist template: %w", err)
		}
		t, err := Load(f, name)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("built-in checklist template: %w", err)
		}
		if want := strings.TrimSuffix(path.Base(name), ".yaml"); t.ID != want {
			return nil, fmt.Errorf("built-in checklist template %s has id %q; name the file %s.yaml", name, t.ID, t.ID)
		}
		out[t.ID] = t
	}
	return out, nil
}

// Default returns the built-in template art19-measures-2023. It panics if
// the embedded template does not load, which the package's tests rule out.
func Default() *Template {
	t, err := ByID(DefaultID)
	if err != nil {
		panic(err)
	}
	return t
}

// ByID returns the built-in template with the given id. The template is
// the caller's own copy.
func ByID(id string) (*Template, error) {
	templates, err := loadBuiltin()
	if err != nil {
		return nil, err
	}
	t, ok := templates[id]
	if !ok {
		return nil, fmt.Errorf("no built-in checklist template %q (built in: %s)", id, strings.Join(BuiltinIDs(), ", "))
	}
	return t.clone(), nil
}

// BuiltinIDs lists the ids of the built-in templates, sorted; none when
// they fail to load.
func BuiltinIDs() []string {
	templates, _ := loadBuiltin()
	ids := make([]string, 0, len(templates))
	for id := range templates {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
