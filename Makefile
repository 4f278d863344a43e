# NexusGen — see README.md. Targets are safe to run on a fresh machine.
SHELL := /bin/bash
GO ?= go
BIN := bin/nexusgen
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/nexusgen/nexusgen/internal/cli.Version=$(VERSION)
PROMPT ?= A to-do app where I can add tasks with a title, a due date and a priority (low, medium, high), mark them done, and delete them.
OUT ?= out/todo

.PHONY: all build run test test-unit test-e2e lint fmt vet bench bench-prompts bench-heal deps clean

all: build

build:
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) .

# Installs what the main job needs and generates an app into $(OUT).
run: deps build
	rm -rf $(OUT)
	./$(BIN) new "$(PROMPT)" --out $(OUT)

# Optional system packages: bubblewrap confines untrusted processes; without
# it NexusGen still runs them with a clean environment and time limits.
deps:
	@command -v node >/dev/null || { echo "Node.js 20+ and npm are required"; exit 1; }
	@if ! command -v bwrap >/dev/null && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap >/dev/null 2>&1 || echo "note: bubblewrap not installed; using the direct sandbox"; \
	fi

# Everything CI checks: formatting, vet, unit tests with the race detector,
# then the end-to-end tests (real npm, next build and Chromium).
test: vet test-unit test-e2e

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

test-unit:
	$(GO) test -race -count=1 -timeout 15m ./...

test-e2e: build
	NEXUSGEN_E2E=1 $(GO) test -count=1 -timeout 30m -v ./e2e/...

lint:
	golangci-lint run ./...

bench: build
	./$(BIN) bench prompts eval/prompts.jsonl --browser --baseline

# Heals the fault corpus with no model: heal rate, attempts, time against a bare
# build, diff size, and the warm fix cache's hit rate.
bench-heal: build
	./$(BIN) bench heal faults

clean:
	rm -rf bin out
