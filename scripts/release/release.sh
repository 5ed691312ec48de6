#!/usr/bin/env bash
# make release: builds the release packages of the committed tree (HEAD)
# into dist/ —
#
#   InspectionWorkbench-V-windows-amd64.zip   workbench.exe (icon and version
#                                             resource from FyneApp.toml), wb.exe,
#                                             README, INSTALL.md, notices
#   InspectionWorkbench-V-linux-amd64.tar.xz  fyne package's layout: Makefile,
#   InspectionWorkbench-V-linux-arm64.tar.xz  usr/local/{bin,share/applications,
#                                             share/pixmaps}; plus docs
#   inspection-workbench_DV_amd64.deb, …_arm64.deb
#   wb-V-OS-ARCH[.exe]                        the CLI for every line of targets
#   THIRD_PARTY_NOTICES.txt, MODULES.txt, SHA256SUMS
#
# V is the git tag (v0.2.0), git describe after it, or the commit when
# there is no tag; DV its Debian spelling. The Windows GUI is cross-compiled
# with MinGW, the ARM64 GUI with Debian's multiarch cross toolchain
# (deps.sh installs both). Builds are reproducible: -trimpath, no build id,
# no VCS stamp, the version, commit and date (the commit's time) set with
# -X, archives with sorted names, one owner and SOURCE_DATE_EPOCH as every
# time. repro.sh builds the pure-Go artefacts again and compares.
#
# Environment: DIST (default dist), RELEASE_COMMIT (default HEAD) to build
# another commit, RELEASE_ONLY="cli" to build only the
# CLI binaries (what repro.sh uses), RELEASE_TARGETS="linux/amd64 …" for
# fewer CLI targets than the targets file lists, GO (default go).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
GO=${GO:-go}
DIST=${DIST:-$root/dist}
case $DIST in /*) ;; *) DIST=$root/$DIST ;; esac
only=${RELEASE_ONLY:-all}

rev=${RELEASE_COMMIT:-HEAD}
version=$(git describe --tags --always "$rev")
commit=$(git rev-parse "$rev^{commit}")
export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct "$rev")
date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
if [ "$rev" = HEAD ] && [ -n "$(git status --porcelain --untracked-files=no)" ]; then
	echo "release: the working tree has uncommitted changes; the release is built from HEAD ($commit) without them" >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/wb-release.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The committed tree, as a clean clone would have it.
src=$work/src
mkdir -p "$src"
git archive --format=tar "$commit" | tar -x -C "$src"

app_version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' "$src/FyneApp.toml")
if tag=$(git describe --tags --exact-match "$commit" 2>/dev/null) && [[ $tag =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]]; then
	if [ "${tag#v}" != "$app_version" ]; then
		echo "release: the tag $tag and FyneApp.toml's Version $app_version differ; make them agree" >&2
		exit 1
	fi
fi

pkg=github.com/inspection-workbench/workbench/internal/version
ldflags="-s -w -buildid= -X $pkg.Version=$version -X $pkg.Commit=$commit -X $pkg.Date=$date"
export GOFLAGS="-trimpath -buildvcs=false"
export GOTOOLCHAIN=${GOTOOLCHAIN:-local}

stage=$work/stage
[ "$only" = cli ] || rm -rf "$DIST"
mkdir -p "$stage" "$DIST"
echo "release: $version ($commit, $date) into $DIST"

# --- The CLI: pure Go, every target.
cli_files=()
while read -r t; do
	case $t in "" | \#*) continue ;; esac
	os=${t%/*} arch=${t#*/}
	exe=wb; [ "$os" = windows ] && exe=wb.exe
	out=$stage/$os-$arch/$exe
	echo "  wb $os/$arch"
	(cd "$src" && CGO_ENABLED=0 GOOS=$os GOARCH=$arch $GO build -ldflags "$ldflags" -o "$out" ./cmd/wb)
	name=wb-$version-$os-$arch; [ "$os" = windows ] && name=$name.exe
	cp "$out" "$DIST/$name"
	cli_files+=("$name")
done < <(if [ -n "${RELEASE_TARGETS:-}" ]; then tr ' ' '\n' <<<"$RELEASE_TARGETS"; else cat "$src/scripts/release/targets"; fi)
if [ "$only" = cli ]; then
	echo "release: CLI only, done"
	exit 0
fi

# --- The GUI.
echo "  workbench windows/amd64 (MinGW; icon and version resource by windres)"
(cd "$src" && $GO build -o "$work/wbrelease" ./cmd/wbrelease)
"$work/wbrelease" winres --app "$src/FyneApp.toml" --version "$version" --out "$work"
(cd "$work" && x86_64-w64-mingw32-windres -i workbench.rc -O coff -o "$src/cmd/workbench/rsrc_windows_amd64.syso")
(cd "$src" && CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
	$GO build -tags migrated_fynedo -ldflags "$ldflags -H windowsgui" -o "$stage/windows-amd64/workbench.exe" ./cmd/workbench)
rm "$src/cmd/workbench/rsrc_windows_amd64.syso"

echo "  workbench linux/amd64"
(cd "$src" && CGO_ENABLED=1 GOOS=linux GOARCH=amd64 \
	$GO build -tags migrated_fynedo -ldflags "$ldflags" -o "$stage/linux-amd64/workbench" ./cmd/workbench)
echo "  workbench linux/arm64 (aarch64-linux-gnu-gcc, arm64 multiarch libraries)"
(cd "$src" && CGO_ENABLED=1 GOOS=linux GOARCH=arm64 CC=aarch64-linux-gnu-gcc \
	PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig \
	$GO build -tags migrated_fynedo -ldflags "$ldflags" -o "$stage/linux-arm64/workbench" ./cmd/workbench)

# --- Notices and the module list, from the binaries themselves.
bins=()
for d in "$stage"/*/; do
	for b in "$d"*; do bins+=("$b"); done
done
(cd "$src" && "$work/wbrelease" notices --out "$stage/THIRD_PARTY_NOTICES.txt" --font-notice assets/fonts/NOTICE "${bins[@]}")
cp "$stage/THIRD_PARTY_NOTICES.txt" "$DIST/"
{
	echo "# Go modules built into each binary of Inspection Workbench $version ($commit),"
	echo "# as \`go version -m\` reads them from the binaries."
	for b in "${bins[@]}"; do
		echo
		echo "## $(basename "$(dirname "$b")")/$(basename "$b")"
		$GO version -m "$b" | sed "s|^$stage/||"
	done
} >"$DIST/MODULES.txt"

# Files normalised for the archives: one time, no group/other write.
normalise() { find "$1" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +; chmod -R go-w,u+rw "$1"; }
txz() { # txz DIR OUT: a reproducible tar.xz of DIR's contents
	tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner --format=gnu \
		-C "$1" -cf - . | xz -6 -T1 -c >"$2"
}
id=$(sed -n 's/^ID *= *"\(.*\)"/\1/p' "$src/FyneApp.toml")
name=$(sed -n 's/^Name *= *"\(.*\)"/\1/p' "$src/FyneApp.toml")
icon=$(sed -n 's/^Icon *= *"\(.*\)"/\1/p' "$src/FyneApp.toml")
docs() { # docs DIR: README, INSTALL.md and the notices
	sed -e "s/@VERSION@/$version/g" -e "s/@COMMIT@/$commit/g" -e "s/@DATE@/$date/g" "$src/scripts/release/README.txt" >"$1/README.txt"
	cp "$src/docs/install.md" "$1/INSTALL.md"
	cp "$stage/THIRD_PARTY_NOTICES.txt" "$1/"
}

# --- Windows: a zip.
zdir=$work/zip/InspectionWorkbench-$version-windows-amd64
mkdir -p "$zdir"
cp "$stage/windows-amd64/workbench.exe" "$stage/windows-amd64/wb.exe" "$zdir/"
docs "$zdir"
# Notepad on older Windows wants a BOM and CRLF to show UTF-8 Chinese.
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$zdir/README.txt"; } >"$zdir/README.tmp" && mv "$zdir/README.tmp" "$zdir/README.txt"
"$work/wbrelease" zip --out "$DIST/InspectionWorkbench-$version-windows-amd64.zip" --mtime "$SOURCE_DATE_EPOCH" "$zdir"

# --- Linux: fyne package's tar.xz and a .deb per architecture.
debversion=$("$work/wbrelease" debversion "$version")
for arch in amd64 arm64; do
	t=$work/tar-$arch
	mkdir -p "$t/usr/local/bin" "$t/usr/local/share/applications" "$t/usr/local/share/pixmaps" "$t/usr/local/share/doc/inspection-workbench"
	install -m 0755 "$stage/linux-$arch/workbench" "$stage/linux-$arch/wb" "$t/usr/local/bin/"
	install -m 0644 "$src/$icon" "$t/usr/local/share/pixmaps/$id.png"
	sed -e "s/@NAME@/$name/g" -e "s/@ID@/$id/g" "$src/scripts/release/workbench.desktop" >"$t/usr/local/share/applications/$id.desktop"
	sed -e "s/@ID@/$id/g" "$src/scripts/release/Makefile.unix" >"$t/Makefile"
	docs "$t/usr/local/share/doc/inspection-workbench"
	normalise "$t"
	txz "$t" "$DIST/InspectionWorkbench-$version-linux-$arch.tar.xz"

	d=$work/deb-$arch
	mkdir -p "$d/DEBIAN" "$d/usr/bin" "$d/usr/share/applications" "$d/usr/share/pixmaps" "$d/usr/share/doc/inspection-workbench"
	install -m 0755 "$stage/linux-$arch/workbench" "$stage/linux-$arch/wb" "$d/usr/bin/"
	install -m 0644 "$src/$icon" "$d/usr/share/pixmaps/$id.png"
	cp "$t/usr/local/share/applications/$id.desktop" "$d/usr/share/applications/"
	docs "$d/usr/share/doc/inspection-workbench"
	cp "$stage/THIRD_PARTY_NOTICES.txt" "$d/usr/share/doc/inspection-workbench/copyright"
	size=$(du -sk --exclude=DEBIAN "$d" | cut -f1)
	sed -e "s/@VERSION@/$debversion/g" -e "s/@ARCH@/$arch/g" -e "s/@SIZE@/$size/g" "$src/scripts/release/control" >"$d/DEBIAN/control"
	normalise "$d"
	dpkg-deb --root-owner-group -Zxz --build "$d" "$DIST/inspection-workbench_${debversion}_$arch.deb" >/dev/null
done

# --- Checksums over everything.
(cd "$DIST" && rm -f SHA256SUMS && find . -maxdepth 1 -type f ! -name SHA256SUMS -printf '%f\n' | LC_ALL=C sort | xargs sha256sum >SHA256SUMS)
echo "release: done"
(cd "$DIST" && ls -l)
