#!/usr/bin/env bash
# Installs, with apt-get (through sudo when not root), what make release
# (deps.sh release) or make release-check (deps.sh check) needs on Debian:
# the MinGW cross compiler and windres for the Windows GUI, Debian's
# multiarch cross toolchain and the arm64 X11/OpenGL development files for
# the ARM64 GUI; wine, qemu-user-static, Xvfb, xdotool and ImageMagick for
# the checks. Packages already installed are left alone.
set -euo pipefail
what=${1:-release}
release_pkgs="gcc pkg-config libgl1-mesa-dev xorg-dev xz-utils dpkg-dev gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 gcc-aarch64-linux-gnu libc6-dev-arm64-cross libgl1-mesa-dev:arm64 libx11-dev:arm64 libxcursor-dev:arm64 libxrandr-dev:arm64 libxinerama-dev:arm64 libxi-dev:arm64 libxxf86vm-dev:arm64"
check_pkgs="gcc-mingw-w64-x86-64 wine wine64 qemu-user-static xvfb libgl1-mesa-dri xdotool imagemagick unzip"
case $what in
release) pkgs=$release_pkgs ;;
check) pkgs=$check_pkgs ;;
*) echo "usage: deps.sh release|check" >&2; exit 2 ;;
esac
if ! command -v dpkg-query >/dev/null; then
	echo "Not a Debian system: install by hand the equivalents of: $pkgs" >&2
	exit 0
fi
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
case " $pkgs " in *:arm64*)
	if ! dpkg --print-foreign-architectures | grep -qx arm64; then
		echo "Adding the arm64 architecture (multiarch) for the ARM64 cross build"
		$sudo dpkg --add-architecture arm64
		$sudo apt-get update -q
	fi ;;
esac
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "Installing:$missing"
	$sudo apt-get update -q
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
fi
