"""Developer sessions: tests, lint, typecheck, schemas (default: tests, lint, typecheck), and eval."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.reuse_existing_virtualenvs = True

PYTHON = "3.11"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The test suite (unit tests, example-capture cases, the end-to-end run on raw/)."""
    session.install(".", "pytest-timeout>=2.3")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    session.install("ruff>=0.6")
    session.run("ruff", "check", "audit", "tests", "noxfile.py", "benchmarks")
    session.run("ruff", "format", "--check", "audit", "tests", "noxfile.py", "benchmarks")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    session.install(".", "mypy>=1.10", "types-jsonschema")
    session.run("mypy", "audit")


@nox.session(python=PYTHON)
def schemas(session: nox.Session) -> None:
    """Schemas are valid against the draft 2020-12 metaschema; valid examples pass, invalid ones fail."""
    session.install(".", "pytest-timeout>=2.3")
    session.run("pytest", "tests/test_schemas.py", *session.posargs)


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
