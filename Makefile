# `make demo` and `make test` work on a fresh Debian machine and are idempotent.
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/install-system.sh
	bash scripts/install-system.sh
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install -q -e '.[test,bench]'
	$(BIN)/python -m zwgk.text.typos
	touch $(STAMP)

demo: setup
	$(BIN)/zwgk demo --out demo-out

test: setup
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) demo-out
