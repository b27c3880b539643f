# crosstrack — the menu. `make help` lists the targets.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed

.PHONY: help demo test lint bench dev clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	touch $(STAMP)

dev: $(STAMP) ## set up .venv with crosstrack and its development tools

demo: $(STAMP) ## set up .venv and run the main job: a tour, then the API with demo data on http://127.0.0.1:8000
	$(VENV)/bin/crosstrack demo

test: $(STAMP) ## run the whole test suite
	$(PY) -m pytest

lint: $(STAMP) ## ruff and mypy --strict on the package
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy src

bench: $(STAMP) ## run the benchmarks and print their figures (about twenty minutes on SQLite)
	$(PY) bench/bench_normalize.py
	$(PY) bench/bench_detect.py
	$(PY) bench/eval_normalize.py | head -25
	$(PY) bench/eval_phrasings.py | tail -1
	$(PY) bench/bench_ingest.py
	$(PY) bench/bench_polling.py
	$(PY) bench/bench_carriers_http.py
	$(PY) bench/bench_sim_generate.py
	$(PY) bench/bench_demo.py
	$(PY) bench/bench_api.py
	$(PY) bench/bench_eta.py
	$(PY) bench/eval_alerts.py
	$(PY) bench/bench_lanes.py
	$(PY) bench/bench_webhooks.py
	$(PY) bench/eval_disruption.py
	$(PY) bench/bench_analytics.py

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
