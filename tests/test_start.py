"""Lean start (issue #18): `audit --help` imports no pipeline stage, and a worker imports only what a capture uses.

Import lists, not timings: a loaded machine must not fail the suite (benchmarks/bench_start.py times them).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("scipy", "polars", "datasketch", "wordfreq", "jinja2", "sqlite_utils", "wordllama", "distributed")


def _imported(statement: str, names: tuple[str, ...]) -> list[str]:
    """Which of ``names`` a fresh interpreter has imported after ``statement``."""
    probe = f"import sys\n{statement}\nprint(' '.join(n for n in {names!r} if n in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_the_command_line_imports_no_stage_until_a_command_runs() -> None:
    assert _imported("import audit.cli", (*HEAVY, "trafilatura", "jsonschema", "charset_normalizer")) == []


@pytest.mark.parametrize("statement", ["import audit.pipeline.task", "import audit.pipeline.dask_engine"])
def test_a_worker_imports_no_corpus_stage_rule_or_renderer(statement: str) -> None:
    assert _imported(statement, HEAVY) == []
