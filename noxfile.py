"""Developer sessions: tests, lint, typecheck, schemas (default: tests, lint, typecheck), eval, bench and seeds."""

from __future__ import annotations

import shutil
import sys

import nox

nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True  # a missing Python fails the run instead of skipping it


def _python() -> str:
    """The Python the sessions run on: the one running nox when it is 3.11 or newer, else the newest found."""
    if sys.version_info >= (3, 11):  # noqa: UP036 (nox itself may run on an older Python)
        return f"{sys.version_info.major}.{sys.version_info.minor}"
    for version in ("3.14", "3.13", "3.12", "3.11"):
        if shutil.which(f"python{version}"):
            return version
    raise SystemExit(
        "nox: audit needs Python 3.11 or newer and none was found; install one and run nox again"
    )


PYTHON = _python()
# The README's audit of the samples, into the committed reference output (the quick start writes reports/latest)
SEEDS_COMMAND = (
    "audit",
    "run",
    "raw/",
    "--reference",
    "raw/reference",
    "--out",
    "reports/seeds",
    "--jobs",
    "1",
)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The test suite (unit tests, example-capture cases, the end-to-end run on raw/).

    scikit-learn is installed so the check that the package scores as the trained model does runs too, and the
    ``dask`` extra so the Dask engine's tests run on a local cluster (tests/pipeline/test_dask.py).
    """
    session.install(".[dask]", "pytest>=8", "pytest-timeout>=2.3", "scikit-learn>=1.4")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    session.install("ruff>=0.6")
    session.run("ruff", "check", "audit", "tests", "evaluation", "tools", "noxfile.py", "benchmarks")
    session.run(
        "ruff", "format", "--check", "audit", "tests", "evaluation", "tools", "noxfile.py", "benchmarks"
    )


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    session.install(".", "mypy>=1.10", "types-jsonschema")
    session.run("mypy", "audit")


@nox.session(python=PYTHON)
def schemas(session: nox.Session) -> None:
    """Schemas are valid against the draft 2020-12 metaschema; valid examples pass, invalid ones fail."""
    session.install(".", "pytest>=8", "pytest-timeout>=2.3")
    session.run("pytest", "tests/contract/test_schemas.py", *session.posargs)


@nox.session(python=PYTHON)
def eval(session: nox.Session) -> None:
    """Quality on ../shared/eval (skips cleanly when absent); fails when a pinned floor is not met."""
    session.install(".")
    session.run("python", "-m", "evaluation", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Performance benchmarks (figures go in docs/performance.md)."""
    session.install(".")
    session.run("python", "benchmarks/bench_pipeline.py", *session.posargs)


@nox.session(python=PYTHON)
def seeds(session: nox.Session) -> None:
    """Regenerate reports/seeds/, the committed output of the README's audit (tests/report/test_reports_fresh.py)."""
    session.install(".")
    session.run(*SEEDS_COMMAND)
