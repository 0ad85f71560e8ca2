# The two commands: `make run` and `make test`. Everything else is set-up they call.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
ARTICLES ?= kg/data/articles
DATASET ?= build/dataset
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install build system-deps clean bench

## run: build the bundled articles, validate them and serve them on http://$(HOST):$(PORT)
run: build
	$(BIN)/kg serve $(DATASET) --host $(HOST) --port $(PORT)

## build: build and validate the bundled articles into $(DATASET)
build: install
	$(BIN)/kg build $(ARTICLES) -o $(DATASET)

## test: the whole test suite
test: install system-deps
	$(BIN)/python -m pytest

## bench: the benchmark (build, query latency against Oxigraph server and rdflib-endpoint, throughput,
## validation) at BENCH_SIZES articles; writes bench/results/latest.json (see README "Benchmarks")
BENCH_SIZES ?= 1000 10000
bench: install
	@command -v wrk >/dev/null 2>&1 || echo "wrk not found (apt-get install wrk): using the slower Python load generator"
	$(BIN)/python -m bench --sizes $(BENCH_SIZES) $(BENCH_ARGS)

## install: the virtual environment with kg and its test tools
install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## system-deps: what the tests need from Debian (a headless browser); installed when missing
system-deps:
	@command -v chromium >/dev/null 2>&1 || ./.ci/install-system-deps

clean:
	rm -rf $(VENV) build
