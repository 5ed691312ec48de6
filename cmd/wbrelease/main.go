// Command wbrelease holds the parts of the release build (make release,
// scripts/release/) that are easier to get right — and reproducible — in
// Go than in a shell script. It runs on the build machine only and never
// touches the network: what it reads comes from the source tree, the Go
// module cache and the binaries just built.
//
//	wbrelease winres   --app FyneApp.toml --icon assets/icon.png --version V --out DIR
//	wbrelease notices  --out FILE [--font-notice F] BINARY...
//	wbrelease zip      --out FILE.zip --mtime UNIX DIR
//	wbrelease debversion V
//
// winres writes the Windows icon (workbench.ico) and resource script
// (workbench.rc: icon and version resource from FyneApp.toml) that
// MinGW's windres compiles into a .syso for the GUI. notices writes the
// third-party notices of what the binaries ship: every Go module built in
// (read with go version -m) with the licence files found in its module
// cache folder, the Go toolchain's own licence, the embedded font's
// NOTICE and PDFium's licence as the go-pdfium module states it. zip
// writes a zip of DIR whose bytes depend only on the files: names sorted,
// one timestamp, fixed permissions. debversion turns a git describe
// version into a Debian package version.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "winres":
		err = winresCmd(os.Args[2:])
	case "notices":
		err = noticesCmd(os.Args[2:])
	case "zip":
		err = zipCmd(os.Args[2:])
	case "debversion":
		if len(os.Args) != 3 {
			usage()
		}
		_, err = fmt.Println(DebianVersion(os.Args[2]))
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wbrelease:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: wbrelease winres|notices|zip|debversion … (see the package doc)")
	os.Exit(2)
}
