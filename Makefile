# itareport: fills the official ITA documents (O34, O35, analysis report) as DOCX and ODT.
SWIFT ?= swift
BIN = .build/release/itareport

.PHONY: setup setup-test build run test bench templates clean

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

bench: build
	$(BIN) bench

# Rebuilds the shipped templates from their sources (needs python3 only).
templates:
	python3 Templates/source/build_templates.py

clean:
	rm -rf .build Output/*
