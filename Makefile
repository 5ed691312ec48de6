# Inspection Workbench — set-up, build and test.
#
#   make demo   install what is missing, build, open the GUI on the demo workspace
#   make test   install what is missing, then gofmt check, go vet, go test -race,
#               and the smoke run of the real program under Xvfb (.ci/smoke)
#   make smoke        only the smoke run
#   make screenshots  every view in English and Chinese into docs/screenshots/
#
# On Debian/Ubuntu the missing system packages (Fyne's cgo build
# dependencies) are installed with apt-get, through sudo when not root.

GO       ?= go
TAGS     := migrated_fynedo
BIN      := bin
DEMO_WS  ?= $(CURDIR)/.demo-workspace
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT   ?= $(shell git rev-parse HEAD 2>/dev/null)
VPKG     := github.com/inspection-workbench/workbench/internal/version
LDFLAGS  := -X $(VPKG).Version=$(VERSION) -X $(VPKG).Commit=$(COMMIT)

# gcc and pkg-config for cgo; OpenGL and X11 headers for Fyne's GLFW driver;
# for the smoke run and the screenshots, a virtual X server with software
# OpenGL, xdotool to find and size the window, ImageMagick to take and
# check the screenshots.
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev xvfb libgl1-mesa-dri xdotool imagemagick

export LANG ?= en_US.UTF-8

.PHONY: release release-deps release-check release-check-deps release-repro
.PHONY: demo test smoke screenshots deps system-deps go-deps build wb wbdemo workbench fmt-check vet unit bench bench-import bench-search bench-export bench-check bench-ui clean

demo: deps workbench
	$(BIN)/workbench --demo --workspace "$(DEMO_WS)"

test: deps fmt-check vet unit smoke

# The real program under Xvfb: each case of the demo workspace (open,
# concluded, signed) on each tab; fails on an early exit, a panic or a
# blank screen. SMOKE_LANGS="en_US.UTF-8 zh_CN.UTF-8" runs both languages.
smoke: system-deps
	.ci/smoke

# Every view, in English and Chinese, at 1366×768 into docs/screenshots/.
screenshots: system-deps
	rm -f docs/screenshots/*.png
	SMOKE_LANGS="en_US.UTF-8 zh_CN.UTF-8" SMOKE_SHOTS=docs/screenshots SMOKE_SETTLE=2 .ci/smoke

deps: system-deps go-deps

system-deps:
	@command -v $(GO) >/dev/null || { echo "Go is not installed: install Go 1.26 or newer (https://go.dev/dl/) and run make again." >&2; exit 1; }
	@if command -v dpkg-query >/dev/null; then \
		missing=""; \
		for p in $(DEB_PACKAGES); do \
			dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
		done; \
		if [ -n "$$missing" ]; then \
			sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
			echo "Installing system packages:$$missing"; \
			$$sudo apt-get update -q && \
			$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
		fi; \
	else \
		echo "Not a Debian system: make sure a C compiler and the OpenGL/X11 development files are installed (see README)."; \
	fi

go-deps:
	$(GO) mod download

build: wb workbench

# The CLI is pure Go: it must build without cgo.
wb:
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o $(BIN)/wb ./cmd/wb

# Writes the demo workspace without a window, for the smoke run.
wbdemo:
	CGO_ENABLED=0 $(GO) build -o $(BIN)/wbdemo ./cmd/wbdemo

workbench:
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN)/workbench ./cmd/workbench

fmt-check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:" $$unformatted >&2; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...

# The GUI package renders every view in every state under the race
# detector, which on two cores takes longer than go test's default 10 min.
unit:
	$(GO) test -race -tags $(TAGS) -count=1 -timeout 30m ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf $(BIN) "$(DEMO_WS)"

# The import benchmark of docs/performance.md: a generated 1M-row incident
# log through wb import, against a bare encoding/csv pass.
bench-import: wb
	$(GO) run ./cmd/wbgen bench-import --wb $(BIN)/wb --rows 1000000 --runs 3

# The search benchmark of docs/performance.md: indexing a generated 1M-row
# incident log (against plain bleve), query latency, RSS, and SQLite FTS5
# trigram on the same text. Takes about a quarter of an hour.
bench-search: wb
	$(GO) build -o $(BIN)/wbgen ./cmd/wbgen
	$(GO) run ./cmd/wbbench search --wb $(BIN)/wb --wbgen $(BIN)/wbgen --rows 1000000 --runs 20
	@echo "--- the second log (wbgen2: another provider's wording, longer descriptions, date-only columns)"
	test -f "$(BENCH_LOG2)" || $(GO) run ./cmd/wbgen2 --rows 1000000 --out "$(BENCH_LOG2)" --queries-out "$(BENCH_LOG2:.csv=-queries.tsv)"
	$(GO) run ./cmd/wbbench search --wb $(BIN)/wb --log "$(BENCH_LOG2)" --queries "$(BENCH_LOG2:.csv=-queries.tsv)" --runs 20 --skip-baseline

# The export benchmark of docs/performance.md: wb export of a case citing
# 100,000 evidence links, timed in a fresh process with its peak RSS.
bench-export: wb
	$(GO) run ./cmd/wbbench export --wb $(BIN)/wb --evidence 100000 --runs 3

# The checks benchmark of docs/performance.md: wb check over a generated
# 1M-row incident log, each run in a fresh process with its peak RSS. Give
# BASELINE=path/to/an/older/wb to time it beside this build in the same run.
bench-check: wb
	$(GO) build -o $(BIN)/wbgen ./cmd/wbgen
	$(GO) run ./cmd/wbbench check --wb $(BIN)/wb --wbgen $(BIN)/wbgen --rows 1000000 --runs 3 $(if $(BASELINE),--baseline $(BASELINE))

# The responsiveness benchmark of docs/performance.md: the longest stall of
# the UI goroutine while a generated 1M-row incident log is imported through
# the GUI's Submissions tab and then indexed, with the real desktop driver.
# It needs a display: without $DISPLAY it runs under xvfb-run (package xvfb).
BENCH_LOG ?= /tmp/wb-incidents-1m.csv
BENCH_LOG2 ?= /tmp/wb-incidents2-1m.csv
bench-ui:
	test -f "$(BENCH_LOG)" || $(GO) run ./cmd/wbgen incidents --rows 1000000 --out "$(BENCH_LOG)"
	$(if $(DISPLAY),,xvfb-run -a -s "-screen 0 1366x768x24") $(GO) test -tags "$(TAGS) uistall" -run '^$$' -bench UIStall -benchtime 1x -timeout 30m ./ui/ -args -log "$(BENCH_LOG)"

# The release packages, into dist/ (see scripts/release/release.sh and
# docs/install.md): the GUI for Windows x86-64 (MinGW) and Linux x86-64
# and ARM64 (tar.xz in fyne package's layout, .deb), the CLI for Windows,
# Linux x86-64/ARM64/LoongArch64 and macOS x86-64/ARM64, the notices, the
# module list and SHA256SUMS. Installs the cross toolchains with apt-get.
# Not part of make test.
release: system-deps release-deps go-deps
	scripts/release/release.sh

release-deps:
	scripts/release/deps.sh release

# Smoke tests of dist/ (wine, qemu-user-static, Xvfb): dist/check/report.txt.
release-check: release-check-deps
	scripts/release/check.sh

release-check-deps:
	scripts/release/deps.sh check

# Builds the pure-Go artefacts of dist/ again with an empty build cache
# and compares the bytes.
release-repro:
	scripts/release/repro.sh
