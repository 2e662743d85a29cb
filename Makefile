# figurewire: `make run` and `make test` are the two commands a newcomer needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup run test lock airflow bench fuzz clean lint

setup: $(STAMP)

$(STAMP): requirements.txt constraints.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

run: setup
	$(VENV)/bin/figurewire run

test: setup
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check .

# Airflow 3 UI, scheduler and workers on http://localhost:8080 (login required; Ctrl-C stops them all).
airflow: setup
	AIRFLOW_HOME=$(CURDIR) $(PY) -m figurewire.airflow_env standalone

# Re-resolve the full dependency tree in a throwaway venv and pin it.
lock:
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv
	.lockvenv/bin/pip install --quiet -r requirements.txt
	.lockvenv/bin/pip freeze --exclude-editable | grep -v '^figurewire' > constraints.txt
	rm -rf .lockvenv

# Speed measurements (not tests): writes bench/RESULTS.md with machine info, medians and ratios.
bench: setup
	$(PY) -m bench.run --profile

# Long fuzzing run (hypothesis, plus atheris when installed); `make test` runs only a quick fixed-seed pass.
FUZZ_SECONDS ?= 300
fuzz: setup
	$(PY) -m tests.fuzz.run --seconds $(FUZZ_SECONDS)

clean:
	rm -rf $(VENV) data airflow_home .pytest_cache
