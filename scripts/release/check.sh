#!/usr/bin/env bash
# make release-check: smoke tests of the artefacts make release wrote into
# dist/, on this Debian machine. Writes dist/check/report.txt (what ran,
# under what, and what it showed) and the screenshots beside it.
#
#   1. SHA256SUMS verifies.
#   2. Every CLI binary's `wb version` runs: linux/amd64 natively,
#      linux/arm64 and linux/loong64 under qemu-user-static, windows under
#      wine; macOS cannot run here — its binaries are checked to be Mach-O
#      executables whose build info go version -m reads.
#   3. Under wine, the zip's wb.exe runs the whole CLI flow on the sample
#      provider (testdata/sample): init, case, import of every sample file
#      (the PDF and the DOCX included), a search in Chinese, inspection,
#      automated checks, export; the workbook opens (the Linux wb reads it
#      back with import-checklist --dry-run).
#   4. The zip's workbench.exe starts under wine in Xvfb and shows its
#      window (screenshot), or the report says why not.
#   5. The Linux x86-64 tar.xz installs into a temporary prefix with its
#      Makefile, and the GUI starts from there under Xvfb (screenshot);
#      the .debs hold what they should and the amd64 one's wb runs.
#   6. The ARM64 GUI starts under qemu-aarch64 in Xvfb, if it can here.
#
# Exit status 1 when a check that must pass fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
DIST=${DIST:-$root/dist}
out=$DIST/check
rm -rf "$out"
mkdir -p "$out"
report=$out/report.txt
: >"$report"
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-release-check.XXXXXX")
xvfb_pid="" bg_pids=()
cleanup() {
	for p in "${bg_pids[@]}"; do kill "$p" 2>/dev/null; done
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
	[ -n "${WINEPREFIX:-}" ] && wineserver -k 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
# WINEPREFIX: a fresh one, unless RELEASE_CHECK_WINEPREFIX names one to reuse.
# C.UTF-8 is the UTF-8 locale every Debian has: wine converts the
# arguments (Chinese ones included) to UTF-16 through it.
export LANG=C.UTF-8 LC_ALL=C.UTF-8 WINEDEBUG=-all WINEPREFIX=${RELEASE_CHECK_WINEPREFIX:-$work/wine} WINEDLLOVERRIDES="mscoree,mshtml="
fails=0
say() { echo "$*" | tee -a "$report"; }
ok() { say "ok    $*"; }
fail() { say "FAIL  $*"; fails=$((fails + 1)); }
note() { say "note  $*"; }

version=$(cd "$DIST" && ls wb-*-linux-amd64 | sed 's/^wb-\(.*\)-linux-amd64$/\1/')
[ -n "$version" ] || { echo "release-check: no wb-*-linux-amd64 in $DIST: run make release first" >&2; exit 1; }
commit=$("$DIST/wb-$version-linux-amd64" version --json | sed -n 's/^ *"commit": *"\([0-9a-f]*\)".*/\1/p')
say "release-check of $version ($commit) in $DIST, $(date -u +%Y-%m-%dT%H:%M:%SZ), on $(uname -m) $(. /etc/os-release && echo "$PRETTY_NAME")"

# --- 1. Checksums.
if (cd "$DIST" && sha256sum --quiet -c SHA256SUMS); then ok "SHA256SUMS: $(wc -l <"$DIST/SHA256SUMS") files verify"; else fail "SHA256SUMS does not verify"; fi

# An X server for wine and the GUIs.
n=99
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
export DISPLAY=:$n
say "wine: $(wine --version 2>/dev/null || echo missing); qemu: $(qemu-aarch64-static --version 2>/dev/null | head -1 || echo missing)"
wineboot -i >"$work/wineboot.log" 2>&1 || note "wineboot: $(tail -1 "$work/wineboot.log")"
# Debian 12's wine (8.0) lacks bcryptprimitives.dll, which Windows 10 has
# and Go programs need to start ("fatal error: bcryptprimitives.dll not
# found"): a ProcessPrng shim goes into this throwaway prefix.
sys32=$WINEPREFIX/drive_c/windows/system32
if [ ! -e "$sys32/bcryptprimitives.dll" ]; then
	if x86_64-w64-mingw32-gcc -O2 -shared -o "$sys32/bcryptprimitives.dll" scripts/release/wine/bcryptprimitives.c scripts/release/wine/bcryptprimitives.def -ladvapi32 2>"$work/shim.log"; then
		note "wine $(wine --version 2>/dev/null) has no bcryptprimitives.dll (Windows 10 does; Go needs it): the ProcessPrng shim of scripts/release/wine/ is in the test prefix"
	else
		fail "building the bcryptprimitives.dll shim for wine: $(cat "$work/shim.log")"
	fi
fi

# --- 2. wb version on every platform.
for f in "$DIST"/wb-*; do
	b=$(basename "$f")
	case $b in
	*-linux-amd64) how="natively" run=() ;;
	*-linux-arm64) how="under qemu-aarch64-static" run=(qemu-aarch64-static) ;;
	*-linux-loong64) how="under qemu-loongarch64-static" run=(qemu-loongarch64-static) ;;
	*-windows-amd64.exe) how="under wine" run=(wine) ;;
	*-darwin-*)
		kind=$(file -b "$f")
		if [[ $kind == Mach-O* ]] && go version -m "$f" >/dev/null && grep -aq "$commit" "$f"; then
			ok "$b: not run (no macOS here); $kind, go version -m reads its build info, and it carries the commit $commit"
		else
			fail "$b: $kind"
		fi
		continue ;;
	*) continue ;;
	esac
	if [ ${#run[@]} -gt 0 ] && ! command -v "${run[0]}" >/dev/null; then
		fail "$b: ${run[0]} is missing (make release-check installs it)"
		continue
	fi
	if v=$("${run[@]}" "$f" version --json 2>"$work/err") && grep -q "\"version\": *\"$version\"" <<<"$v"; then
		ok "$b version ran $how: $(tr -d '\r\n' <<<"$v" | tr -s ' ')"
	else
		fail "$b version $how: $(tr -d '\r' <<<"$v") $(head -3 "$work/err")"
	fi
done

# --- 3. The CLI flow under wine, from the Windows zip.
zip=$DIST/InspectionWorkbench-$version-windows-amd64.zip
unzip -q "$zip" -d "$work/zip" || fail "unzip $zip"
windir=$work/zip/InspectionWorkbench-$version-windows-amd64
ls "$windir" >"$out/windows-zip-contents.txt"
for f in workbench.exe wb.exe README.txt INSTALL.md THIRD_PARTY_NOTICES.txt; do
	[ -f "$windir/$f" ] || fail "the Windows zip lacks $f"
done
wsw=$work/ws-wine
sample=$root/testdata/sample
flowlog=$out/wine-cli-flow.txt
wbw() { # wbw ARGS…: wb.exe under wine, its output logged; stdout without CRs
	echo "\$ wb.exe $*" >>"$flowlog"
	wine "$windir/wb.exe" --workspace "$wsw" "$@" 2>>"$flowlog" | tr -d '\r' | tee -a "$flowlog"
	return "${PIPESTATUS[0]}"
}
flow() {
	wbw init >/dev/null || return 1
	id=$(wbw case new --provider 星河智算科技有限公司 --credit-code 91110108MA7XH2TQ5E --service 星河对话 \
		--filing-no Beijing-XingheChat-20240315 --inspector 张明 --modality text --modality image) || return 1
	wbw import --case "$id" "$sample/data-sources.xlsx" "$sample/annotation-qa.csv" "$sample/algorithm.json" "$sample/incidents.csv" >/dev/null || return 1
	wbw import --case "$id" --kind annotation_rule "$sample/annotation-rules.docx" >/dev/null || return 1
	wbw import --case "$id" --kind algorithm "$sample/algorithm-description.pdf" >/dev/null || return 1
	hits=$(wbw search --case "$id" --json 违法内容 | sed -n 's/^ *"total": *\([0-9]*\).*/\1/p' | head -1)
	[ "${hits:-0}" -gt 0 ] || { echo "search 违法内容: no hits" >>"$flowlog"; return 1; }
	pdfhits=$(wbw search --case "$id" --json 投诉处理时限 | sed -n 's/^ *"total": *\([0-9]*\).*/\1/p' | head -1)
	[ "${pdfhits:-0}" -gt 0 ] || { echo "search 投诉处理时限 (the PDF): no hits" >>"$flowlog"; return 1; }
	wbw inspect start --case "$id" >/dev/null || return 1
	wbw check --case "$id" >/dev/null || return 1
	wbw export --case "$id" --out "$work/wine-export.xlsx" >/dev/null || return 1
}
if flow; then
	ok "wb.exe under wine: init, case $id, imported the 6 sample files (PDF and DOCX included), search 违法内容 $hits hits and 投诉处理时限 $pdfhits, inspection started, checks run, exported ($(stat -c %s "$work/wine-export.xlsx") bytes); log in check/wine-cli-flow.txt"
	cp "$work/wine-export.xlsx" "$out/wine-export.xlsx"
	# The workbook opens: the Linux wb reads it back against the same
	# workspace (the Windows build wrote it; the format is the same).
	if r=$("$DIST/wb-$version-linux-amd64" --workspace "$wsw" import-checklist --case "$id" --dry-run "$work/wine-export.xlsx" 2>&1); then
		ok "the workbook wb.exe wrote opens: wb import-checklist --dry-run reads it: $(head -1 <<<"$r")"
	else
		fail "the workbook wb.exe wrote does not open: $r"
	fi
else
	fail "wb.exe under wine: the CLI flow failed; see check/wine-cli-flow.txt: $(tail -3 "$flowlog" | tr '\n' ' ')"
fi

# Waits for a window whose name matches $1 and takes a screenshot into
# $2 (on the whole screen); fails when none shows in $3 seconds or the
# screen is blank.
shot() {
	local pattern=$1 png=$2 wait=$3 wid=""
	for _ in $(seq "$wait"); do
		wid=$(xdotool search --onlyvisible --name "$pattern" 2>/dev/null | head -1)
		[ -n "$wid" ] && break
		sleep 1
	done
	[ -n "$wid" ] || return 1
	sleep "${SETTLE:-5}"
	import -window root "$png" 2>/dev/null || return 1
	local colours
	colours=$(convert "$png" -format %k info: 2>/dev/null || echo 0)
	[ "$colours" -gt 8 ] || { echo "blank screen ($colours colours)"; return 1; }
	echo "window $wid \"$(xdotool getwindowname "$wid")\", $colours colours"
}

# --- 4. workbench.exe under wine.
wine "$windir/workbench.exe" --workspace "$work/ws-wine-gui" --demo >"$work/wine-gui.log" 2>&1 &
bg_pids+=($!)
if w=$(shot "Inspection Workbench" "$out/workbench-exe-wine.png" 90); then
	ok "workbench.exe under wine in Xvfb shows its window: $w; screenshot check/workbench-exe-wine.png"
else
	fail "workbench.exe under wine showed no window in 90 s ($w); its output: $(tail -5 "$work/wine-gui.log" | tr '\n' ' ')"
	cp "$work/wine-gui.log" "$out/workbench-exe-wine.log"
fi
wineserver -k 2>/dev/null

# --- 5. The Linux x86-64 package, installed into a temporary prefix.
tarball=$DIST/InspectionWorkbench-$version-linux-amd64.tar.xz
mkdir -p "$work/tar"
tar -xJf "$tarball" -C "$work/tar" && tar -tJf "$tarball" >"$out/linux-amd64-tar-contents.txt"
prefix=$work/prefix
if make -s -C "$work/tar" install PREFIX="$prefix" >"$work/install.log" 2>&1; then
	ok "the linux-amd64 tar.xz installs with make install PREFIX=$prefix: $(cd "$prefix" && find . -type f | sort | tr '\n' ' ')"
else
	fail "make install PREFIX=…: $(cat "$work/install.log")"
fi
grep -q "^Exec=$prefix/bin/workbench" "$prefix"/share/applications/*.desktop || fail "the installed .desktop file does not run $prefix/bin/workbench"
"$prefix/bin/workbench" --workspace "$work/ws-linux" --demo >"$work/linux-gui.log" 2>&1 &
bg_pids+=($!)
if w=$(shot "Inspection Workbench" "$out/workbench-linux-amd64-installed.png" 60); then
	ok "the installed $prefix/bin/workbench starts under Xvfb: $w; screenshot check/workbench-linux-amd64-installed.png"
else
	fail "the installed workbench showed no window ($w): $(tail -5 "$work/linux-gui.log" | tr '\n' ' ')"
fi
kill "${bg_pids[-1]}" 2>/dev/null
for arch in amd64 arm64; do
	deb=$(ls "$DIST"/inspection-workbench_*_$arch.deb 2>/dev/null | head -1)
	[ -n "$deb" ] || { fail "no .deb for $arch"; continue; }
	dpkg-deb -c "$deb" >"$out/$(basename "$deb").contents.txt"
	a=$(dpkg-deb -f "$deb" Architecture)
	x=$work/deb-$arch
	dpkg-deb -x "$deb" "$x"
	if [ "$a" = "$arch" ] && [ -x "$x/usr/bin/workbench" ] && [ -x "$x/usr/bin/wb" ] && ls "$x"/usr/share/applications/*.desktop >/dev/null 2>&1 && [ -f "$x/usr/share/doc/inspection-workbench/copyright" ]; then
		ok "$(basename "$deb"): Architecture $a, $(dpkg-deb -f "$deb" Version), usr/bin/workbench and wb, the .desktop file, icon and notices"
	else
		fail "$(basename "$deb"): Architecture $a or contents wrong"
	fi
done
if v=$("$work/deb-amd64/usr/bin/wb" version | head -1); then ok "the amd64 .deb's wb runs: $v"; else fail "the amd64 .deb's wb does not run"; fi

# --- 6. The ARM64 GUI under qemu (not required: emulated OpenGL is slow).
if [ -e /lib/ld-linux-aarch64.so.1 ]; then
	QEMU_LD_PREFIX=/ qemu-aarch64-static "$work/deb-arm64/usr/bin/workbench" --workspace "$work/ws-arm64" >"$work/arm64-gui.log" 2>&1 &
	bg_pids+=($!)
	if w=$(SETTLE=10 shot "Inspection Workbench" "$out/workbench-linux-arm64-qemu.png" 120); then
		ok "the ARM64 workbench starts under qemu-aarch64-static in Xvfb: $w; screenshot check/workbench-linux-arm64-qemu.png"
	else
		note "the ARM64 workbench showed no window under qemu-aarch64-static within 120 s ($w): $(tail -3 "$work/arm64-gui.log" | tr '\n' ' ')"
	fi
	kill "${bg_pids[-1]}" 2>/dev/null
else
	note "the ARM64 GUI was not started: no arm64 dynamic loader here (libc6:arm64)"
fi

say ""
if [ $fails -eq 0 ]; then say "release-check: all passed"; else say "release-check: $fails failed"; fi
[ $fails -eq 0 ]
