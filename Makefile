# The README's two commands: `make run` and `make test`. Each creates .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-postgres lint typecheck lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs the package with its dev extras and the cluster extra (Dask, which tests/execution runs
# on loopback), pinned by constraints.txt (the lock file).
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,cluster]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/hexatable serve

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

# The room's tests again on PostgreSQL: HEXATABLE_TEST_DATABASE_URL names the database
# (.ci/run starts Debian's PostgreSQL on loopback with .ci/postgres.sh and sets it).
test-postgres: $(STAMP)
	@test -n "$$HEXATABLE_TEST_DATABASE_URL" || { echo "set HEXATABLE_TEST_DATABASE_URL (see .ci/postgres.sh)"; exit 2; }
	$(BIN)/pytest tests/web tests/browser

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

# Regenerates the lock file from what is installed now.
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
