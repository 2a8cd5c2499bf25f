# itareport: fills the official ITA documents (O34, O35, analysis report) as DOCX and ODT.
SWIFT ?= swift
BIN = .build/release/itareport
PREFIX ?= /usr/local

.PHONY: setup setup-test build run test bench templates clean install install-built uninstall

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

build: setup
	$(SWIFT) build -c release --product itareport

# The main job: every report of every bundled example, DOCX and ODT, into Output/.
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

# Installs what is built already in BUILD_DIR (default .build/release), without building.
BUILD_DIR ?= .build/release
install-built:
	@scripts/install.sh "$(BUILD_DIR)" "$(DESTDIR)$(PREFIX)"

uninstall:
	rm -rf "$(DESTDIR)$(PREFIX)/lib/itareport" "$(DESTDIR)$(PREFIX)/share/itareport"
	rm -f "$(DESTDIR)$(PREFIX)/bin/itareport"

bench: build
	$(BIN) bench

# Rebuilds the shipped templates from their sources (needs python3 only).
templates:
	python3 Templates/source/build_templates.py

clean:
	rm -rf .build Output/*
