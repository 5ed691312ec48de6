#!/usr/bin/env bash
# Checks that the pure-Go artefacts of make release are reproducible:
# builds the CLI again from the commit dist/ was built from — in another folder, with an empty Go
# build cache, so every package is compiled afresh — and compares it byte
# for byte with the wb-* binaries in dist/. Exit status 1 on a difference.
#
# REPRO_TARGETS="linux/amd64 windows/amd64" checks fewer targets (default:
# every line of targets).
set -euo pipefail
cd "$(dirname "$0")/../.."
DIST=${DIST:-$PWD/dist}
ls "$DIST"/wb-* >/dev/null 2>&1 || { echo "repro: no wb-* in $DIST: run make release first" >&2; exit 1; }
again=$(mktemp -d "${TMPDIR:-/tmp}/wb-repro.XXXXXX")
trap 'rm -rf "$again"' EXIT
mkdir "$again/dist" "$again/cache"
# The commit dist/ was built from, as its Linux wb records it.
commit=$("$(ls "$DIST"/wb-*-linux-amd64 | head -1)" version --json | sed -n 's/^ *"commit": *"\([0-9a-f]*\)".*/\1/p')
[ -n "$commit" ] || { echo "repro: cannot tell which commit $DIST was built from" >&2; exit 1; }
echo "repro: building the CLI of $commit again, elsewhere, with an empty build cache"
RELEASE_COMMIT=$commit GOCACHE=$again/cache DIST=$again/dist RELEASE_ONLY=cli RELEASE_TARGETS=${REPRO_TARGETS:-} \
	scripts/release/release.sh >"$again/build.log" 2>&1 || { cat "$again/build.log" >&2; exit 1; }
status=0 n=0
for f in "$again"/dist/wb-*; do
	b=$(basename "$f")
	n=$((n + 1))
	if cmp -s "$f" "$DIST/$b"; then
		echo "  same bytes   $b  $(sha256sum <"$f" | cut -c1-16)…"
	else
		echo "  DIFFERENT    $b" >&2
		status=1
	fi
done
[ $status -eq 0 ] && echo "repro: $n binaries built twice, identical" || echo "repro: not reproducible" >&2
exit $status
