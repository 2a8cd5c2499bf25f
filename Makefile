# itareport: fills the official ITA documents (O34, O35, analysis report) as DOCX and ODT.
SWIFT ?= swift
BIN = .build/release/itareport
PREFIX ?= /usr/local

.PHONY: setup setup-test build run test browser-check test-asan fuzz hostile-check bench bench-batch bench-peers templates clean install install-built uninstall print-check

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

build: setup
	$(SWIFT) build -c release --product itareport

# The main job: the document of every bundled example, DOCX and ODT, into Output/.
run: build
	@mkdir -p Output
	@for f in Examples/*.yaml; do \
	  echo "== $$f"; \
	  $(BIN) generate "$$f" --output Output || exit 1; \
	done

test: setup-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The program, its resources and the shipped templates under PREFIX (bin/itareport on PATH).
install: build install-built

# The web app in a real browser: headless Chromium fills a new organisation's scores through the forms,
# sees the Thai message for a bad score, downloads the O34 DOCX and reads it; then a crawl from the home
# page downloads every DOCX and ODT it reaches and checks each names its organisation. Screenshots go to
# Output/browser-shots and Output/acceptance-home.png. Kept out of `make test`: it installs Chromium (about
# 100 MB from Debian) and adds a few minutes to a suite that already takes most of CI's time.
browser-check:
	@scripts/setup.sh browser
	$(SWIFT) build --product itareport
	python3 scripts/browser-check.py .build/debug/itareport --shots Output/browser-shots
	python3 scripts/acceptance-crawl.py .build/debug/itareport --shot Output/acceptance-home.png

# Installs what is built already in BUILD_DIR (default .build/release), without building.
BUILD_DIR ?= .build/release
install-built:
	@scripts/install.sh "$(BUILD_DIR)" "$(DESTDIR)$(PREFIX)"

uninstall:
	rm -rf "$(DESTDIR)$(PREFIX)/lib/itareport" "$(DESTDIR)$(PREFIX)/share/itareport"
	rm -f "$(DESTDIR)$(PREFIX)/bin/itareport"

# Load and fill times of the shipped O34 template with its sample data, in DOCX and ODT, beside the
# libzip floor (the same filled document written with no filling at all: untouched parts copied raw,
# changed parts deflated) and the ratio of the two medians. BENCH_FLAGS=--cpu measures time on the CPU
# instead of elapsed time (steadier on a busy machine).
BENCH_COUNT ?= 50
BENCH_FLAGS ?=
BENCH_TEMPLATE ?= Templates/o34-2567
BENCH_DATA ?= Templates/source/samples/o34-2567.json
ZIPFLOOR = .build/zipfloor

$(ZIPFLOOR): bench/zipfloor.c
	@mkdir -p .build
	cc -O2 -Wall bench/zipfloor.c $$(pkg-config --cflags --libs libzip) -o $@

# The test suite built with AddressSanitizer (its own build folder): a use after free or a double free
# in the engine stops the run with a report. ITAREPORT_SKIP_OFFICE=1 skips the LibreOffice round trips.
test-asan: setup-test
	$(SWIFT) build --build-tests --sanitize=address --build-path .build-asan
	$(SWIFT) test --skip-build --sanitize=address --build-path .build-asan $(if $(FILTER),--filter '$(FILTER)',)

# libFuzzer targets (Fuzz/Targets): the tag lexer and parser (tags), template loading from package bytes
# (package), data conversion from YAML or JSON (data). Built with AddressSanitizer in .build-fuzz, each run
# for FUZZ_SECONDS on its seed corpus (Fuzz/corpus/<target>); a crash, a compiled fill that differs from the
# tree fill, a hang or memory past 2 GB fails the run and its input is kept in .build-fuzz/findings/<target>/.
# FUZZ_TARGETS picks some of them.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= tags package data
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh $(FUZZ_TARGETS)

# A corpus of hostile templates, data files and pictures run through the release build, each under
# timeout and /usr/bin/time -v (HOSTILE_ARGS="--crosscheck" also fills each through the tree path).
hostile-check: build
	python3 scripts/hostile-check.py --bin $(BIN) $(HOSTILE_ARGS)

bench: build $(ZIPFLOOR)
	@for ext in docx odt; do \
	  out=.build/bench-filled.$$ext; \
	  $(BIN) bench $(BENCH_TEMPLATE).$$ext $(BENCH_DATA) --count $(BENCH_COUNT) --keep $$out $(BENCH_FLAGS) || exit 1; \
	  fill=$$($(BIN) bench $(BENCH_TEMPLATE).$$ext $(BENCH_DATA) --count $(BENCH_COUNT) --json $(BENCH_FLAGS)) || exit 1; \
	  floor=$$($(ZIPFLOOR) $(BENCH_TEMPLATE).$$ext $$out $(BENCH_COUNT) --json $(BENCH_FLAGS)) || exit 1; \
	  $(ZIPFLOOR) $(BENCH_TEMPLATE).$$ext $$out $(BENCH_COUNT) $(BENCH_FLAGS); \
	  python3 -c 'import json,sys; f=json.loads(sys.argv[1])["fill_ms"]["median"]; z=json.loads(sys.argv[2])["median"]; print("  %s fill median %.2f ms = %.2f x the libzip floor (%.2f ms)" % (sys.argv[3], f, f / z, z))' "$$fill" "$$floor" $$ext; \
	done

# The same O34 content filled by docxtpl (DOCX) and relatorio (ODT), installed in a virtual environment
# (.build/peers-venv) on first use, interleaved in one run with itareport bench and the libzip floor:
# the median ms per document of each over PEER_ROUNDS rounds of BENCH_COUNT fills, and their ratios.
PEER_ROUNDS ?= 5
PEER_VENV = .build/peers-venv
$(PEER_VENV)/bin/python:
	python3 -m venv $(PEER_VENV)
	$(PEER_VENV)/bin/pip install --quiet docxtpl relatorio

bench-peers: build $(ZIPFLOOR) $(PEER_VENV)/bin/python
	$(PEER_VENV)/bin/python bench/peers.py --bin $(BIN) --floor $(ZIPFLOOR) --template $(BENCH_TEMPLATE) --data $(BENCH_DATA) \
	  --rounds $(PEER_ROUNDS) --count $(BENCH_COUNT) $(BENCH_FLAGS)

# Every document of every shipped example, DOCX and ODT, printed by LibreOffice and checked: numbers,
# years, dates, listed words and the organisation's name split at line ends, a signature alone on its
# page, table rows split across pages, a heading ending a page, text lost (a paragraph end missing
# from the PDF), DOCX/ODT page counts apart. Exit 1 when
# anything is found; PRINT_CHECK_ARGS="-v --keep DIR --png" lists each finding and keeps PDFs and PNGs.
print-check: build setup-test
	python3 scripts/test-line-check.py
	python3 scripts/print-check.py --bin $(BIN) $(PRINT_CHECK_ARGS)

# A batch of BATCH_ORGS organisations from a CSV of scores with BATCH_JOBS workers: wall time, CPU per file,
# files per second, peak memory, and CPU per file against the libzip floor of the files it wrote.
BATCH_ORGS ?= 200
BATCH_JOBS ?= 2
BATCH_REPORT ?=
bench-batch: build $(ZIPFLOOR)
	@BATCH_REPORT=$(BATCH_REPORT) scripts/bench-batch.sh $(BATCH_ORGS) $(BATCH_JOBS)

# Rebuilds the shipped templates from their sources (needs python3 only).
templates:
	python3 Templates/source/build_templates.py

clean:
	rm -rf .build Output/*
