#!/bin/sh
# unalias.sh removes package app's aliases of the workbench domain types
# (issue #14, point 5) once the GUI rewrite has merged: it rewrites ui/,
# cmd/ and app/ to name the types of package workbench, deletes the
# aliases, and fixes the imports. Run it from the module root, then
# `go build ./... && go vet ./...` (with -tags migrated_fynedo).
set -eu

# app.X -> workbench.Y, outside app.
map='Case:Case Provider:Provider Service:Service Submission:Submission ImportWarning:Warning Evidence:Evidence ChecklistText:Text Code:Code CodeInvalid:CodeInvalid CodeNotFound:CodeNotFound CodeConflict:CodeConflict CodeInUse:CodeInUse CodeUnsupported:CodeUnsupported CodeInternal:CodeInternal'

files_outside=$(grep -rlE '\bapp\.' --include='*.go' ui cmd || true)
for pair in $map; do
	from=${pair%%:*}
	to=${pair#*:}
	for f in $files_outside; do
		sed -i -E "s/\bapp\.$from\b/workbench.$to/g" "$f"
	done
done

# Delete the alias declarations from app.
python3 - <<'PY'
import re
decls = {
    'app/cases.go': [r'\t// Case is one inspection[^\n]*\n\tCase = workbench\.Case\n',
                     r'\t// Provider is a generative-AI service provider\.\n\tProvider = workbench\.Provider\n',
                     r'\t// Service is a provider[^\n]*\n\tService = workbench\.Service\n'],
    'app/imports.go': [r'(//[^\n]*\n)*type Submission = workbench\.Submission\n',
                       r'(//[^\n]*\n)*type ImportWarning = workbench\.Warning\n'],
    'app/inspections.go': [r'(//[^\n]*\n)*type Evidence = workbench\.Evidence\n',
                           r'\tChecklistText +\= workbench\.Text\n'],
}
for f, pats in decls.items():
    s = open(f).read()
    for p in pats:
        s, n = re.subn(p, '', s, count=1)
        if n != 1:
            raise SystemExit(f'{f}: alias {p!r} not found')
    open(f, 'w').write(s)
# Code and its constants in app/app.go.
f = 'app/app.go'
s = open(f).read()
s, n = re.subn(r'// Code classifies an error[^\n]*\n(//[^\n]*\n)*type Code = workbench\.Code\n\n// Error codes\.\nconst \(\n(\tCode\w+ += workbench\.Code\w+[^\n]*\n)+\)\n\n', '', s, count=1)
if n != 1:
    raise SystemExit('app/app.go: Code aliases not found')
open(f, 'w').write(s)
PY

# Inside app the aliases were unqualified.
for pair in Case:Case Provider:Provider Service:Service Submission:Submission ImportWarning:Warning Evidence:Evidence ChecklistText:Text Code:Code CodeInvalid:CodeInvalid CodeNotFound:CodeNotFound CodeConflict:CodeConflict CodeInUse:CodeInUse CodeUnsupported:CodeUnsupported CodeInternal:CodeInternal; do
	from=${pair%%:*}
	to=${pair#*:}
	for f in app/*.go; do
		gofmt -r "$from -> workbench.$to" -w "$f"
	done
done
# gofmt -r also rewrote the field names of struct literals ({Code: …}):
# put them back (a case label keeps its qualified name).
sed -i -E '/^\s*case /!s/(^\s+|[{,(]\s*)workbench\.([A-Za-z]+):/\1\2:/g' app/*.go

# Imports: add workbench where it is now used, drop app where it no longer is.
for f in $(grep -rlE '^[^/]*\bworkbench\.[A-Z]' --include='*.go' ui cmd app); do
	if ! grep -q '"github.com/inspection-workbench/workbench"$' "$f"; then
		sed -i '0,/^import (/s//import (\n\t"github.com\/inspection-workbench\/workbench"\n/' "$f"
	fi
done
for f in $files_outside; do
	if ! grep -qE '\bapp\.' "$f"; then
		sed -i '/^\t"github.com\/inspection-workbench\/workbench\/app"$/d' "$f"
	fi
done
gofmt -w ui cmd app
echo "unalias: done; now go build -tags migrated_fynedo ./... && go vet -tags migrated_fynedo ./..."
