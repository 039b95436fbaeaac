"""The command line: every command is a thin layer over a Python function.

Exit codes are a contract: 0 success (and, for ``validate``, valid; for ``check``, no flag at or above the
threshold), 1 findings or nothing audited (``validate``: invalid), 2 misuse (bad options, missing paths).
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from audit import __version__
from audit.contract.command import validate
from audit.diff.command import diff
from audit.pipeline.config import DEFAULT_JOBS, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from audit.store.commands import db_group, export_group, import_group, record_line, review

if TYPE_CHECKING:  # the commands import the pipeline when they run: `audit --help` stays quick
    from audit.model import AuditResult, Severity


def _stderr(message: str) -> None:
    click.echo(message, err=True)


class _Failure(click.ClickException):
    """A failure the user can act on, shown as one line, exit code 2 (I/O errors, an interrupted run)."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"audit: {self.format_message()}", err=True)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # SIGTERM ends the run as Ctrl-C does: workers stopped, nothing half written


@contextmanager
def _interruptible() -> Iterator[None]:
    """SIGTERM and SIGINT stop the run cleanly: the pool ends its workers, finished captures stay cached."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    except KeyboardInterrupt:
        raise _Failure(
            "interrupted; no outputs were written (with --cache, the captures already done are kept and a rerun "
            "resumes from them)"
        ) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


def _nothing_audited(result: AuditResult, inputs: tuple[str, ...]) -> str:
    if not result.sources:
        return (
            f"nothing to audit: no capture files in {', '.join(inputs)} (audit reads .html, .htm, .txt, "
            "their .gz, .warc and .warc.gz)"
        )
    return "nothing could be audited; each capture's problem is said above"


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int], Callable[[], None]] | None]:
    """A rich progress bar on a terminal; nothing otherwise (logs and CI stay clean)."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True, console=None) as bar:

        def start(total: int) -> Callable[[], None]:
            task = bar.add_task("auditing captures", total=total)
            return lambda: bar.advance(task)

        yield start


F = TypeVar("F", bound=Callable[..., Any])

# Options shared by every command that runs an audit (``run`` and ``check``), in --help order.
_AUDIT_OPTIONS = (
    click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=str)),
    click.option(
        "--reference",
        type=click.Path(exists=True, file_okay=False, path_type=str),
        help="Folder with the reference ledger: events.csv and roles.csv. Default: a folder named 'reference' "
        "holding both inside the one input folder that has one (e.g. raw/reference).",
    ),
    click.option(
        "--no-reference", is_flag=True, help="Use no reference ledger, even one found beside the inputs."
    ),
    click.option(
        "--jobs",
        type=click.IntRange(min=0),
        default=DEFAULT_JOBS,
        show_default=True,
        help="Worker processes for per-capture work (0: all cores).",
    ),
    click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=DEFAULT_MAX_BYTES,
        show_default=True,
        help="Captures larger than this are not parsed (status too_large).",
    ),
    click.option(
        "--timeout",
        type=click.FloatRange(min=0.1),
        default=DEFAULT_TIMEOUT,
        show_default=True,
        help="Seconds one capture may take before its worker is stopped (status timeout).",
    ),
    click.option(
        "--cache",
        type=click.Path(file_okay=False, path_type=str),
        help="Folder to cache per-capture results in, keyed by content hash (reruns skip unchanged captures).",
    ),
    click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="Where per-capture work runs: local worker processes (--jobs), or an existing Dask cluster "
        "(--scheduler; needs pip install 'audit[dask]', see docs/scale.md).",
    ),
    click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="The Dask scheduler for --engine dask, e.g. tcp://10.0.0.5:8786.",
    ),
    click.option("--no-progress", is_flag=True, help="Never show a progress bar."),
)


def audit_options(command: F) -> F:
    for decorator in reversed(_AUDIT_OPTIONS):
        command = decorator(command)
    return command


@contextmanager
def _client(engine: str, scheduler: str | None) -> Iterator[Any]:
    """None for the local pool; for ``--engine dask``, a client of the scheduler (``audit.pipeline.dask_engine``)."""
    if (engine == "dask") != (scheduler is not None):
        raise click.UsageError("--engine dask and --scheduler ADDRESS (e.g. tcp://host:8786) go together")
    if scheduler is None:
        yield None
        return
    from audit.pipeline.dask_engine import EngineError, connect

    try:
        client = connect(scheduler)
    except EngineError as error:
        raise _Failure(str(error)) from error
    with client:
        yield client


def _audit(
    inputs: tuple[str, ...],
    reference: str | None,
    no_reference: bool,
    jobs: int,
    max_bytes: int,
    timeout: float,
    cache: str | None,
    no_progress: bool,
    engine: tuple[str, str | None],
) -> AuditResult:
    """Run the audit (``audit.api.run``), turning bad inputs and a bad ledger into usage errors (exit 2)."""
    from audit import api
    from audit.ingest.discover import InputError
    from audit.ingest.ledger import LedgerError
    from audit.pipeline.workers import WorkerStartError

    try:
        with _client(*engine) as client, _interruptible(), _progress(not no_progress) as progress:
            return api.run(
                inputs,
                reference=reference,
                no_reference=no_reference,
                jobs=jobs,
                max_bytes=max_bytes,
                timeout=timeout,
                cache=cache,
                report=_stderr,
                progress=progress,
                client=client,
            )
    except InputError as error:
        raise click.UsageError(str(error)) from error
    except LedgerError as error:
        raise click.UsageError(f"--reference: {error}") from error
    except WorkerStartError as error:
        raise click.ClickException(f"cannot start worker processes: {error}") from error


@click.group()
@click.version_option(__version__, prog_name="audit")
def main() -> None:
    """Audit web captures: clean them, extract claims, flag what needs a human, write reports."""


@main.command()
@audit_options
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for audit.json, the parquet tables and the reports (created if missing).",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also record the audit in this audit store (SQLite; created if missing): runs, claims, flags, decisions.",
)
def run(
    inputs: tuple[str, ...],
    reference: str | None,
    no_reference: bool,
    jobs: int,
    max_bytes: int,
    timeout: float,
    cache: str | None,
    engine: str,
    scheduler: str | None,
    no_progress: bool,
    out: Path,
    db: Path | None,
) -> None:
    """Audit the captures in INPUTS (files or folders) and write the results to --out.

    With --db, the audit is also recorded in an audit store (a SQLite file, created if missing): the report then
    shows which flags are new, seen before, or decided by an editor (see docs/store.md).
    """
    from audit.report.write import OutputError, output_lock

    if db is not None:  # a store that cannot be used is said before the audit, not after it
        from audit.store.errors import StoreError
        from audit.store.schema import open_store

        try:
            open_store(db)
        except StoreError as error:
            raise click.UsageError(f"--db: {error}") from error
    try:
        with output_lock(out):  # taken first: a busy or unwritable --out is refused before the work
            result = _audit(
                inputs,
                reference,
                no_reference,
                jobs,
                max_bytes,
                timeout,
                cache,
                no_progress,
                (engine, scheduler),
            )
            if db is not None:
                from audit import api

                options = {
                    "jobs": jobs,
                    "max_bytes": max_bytes,
                    "timeout": timeout,
                    "reference": result.run.get("reference"),
                }
                result = api.record(result, db, options=options)
            result.write(out)
    except OutputError as error:
        raise _Failure(str(error)) from error
    audited = sum(1 for s in result.sources if s.status == "ok")
    flags = len(result.flags())
    _stderr(
        f"audited {audited} of {len(result.sources)} sources: {len(result.claims)} claims, {flags} flags -> {out}"
    )
    if result.record is not None:
        _stderr(record_line(result.record))
    if audited == 0:
        _stderr(_nothing_audited(result, inputs))
        sys.exit(1)


CHECK_FORMATS = ("text", "json", "github", "sarif")


@main.command()
@audit_options
@click.option(
    "--fail-on",
    "fail_on",
    default="",
    metavar="KINDS",
    help="Comma-separated flag kinds that fail the check (default: every kind), e.g. misdated,contested.",
)
@click.option(
    "--min-severity",
    type=click.Choice(["low", "medium", "high"]),
    default="low",
    show_default=True,
    help="Only flags at or above this severity fail the check.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(CHECK_FORMATS)),
    default="text",
    show_default=True,
    help="text (PATH:LINE lines), json, github (workflow annotations) or sarif (SARIF 2.1.0).",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output (e.g. audit.sarif).",
)
def check(
    inputs: tuple[str, ...],
    reference: str | None,
    no_reference: bool,
    jobs: int,
    max_bytes: int,
    timeout: float,
    cache: str | None,
    engine: str,
    scheduler: str | None,
    no_progress: bool,
    fail_on: str,
    min_severity: str,
    fmt: str,
    output: Path | None,
) -> None:
    """Audit INPUTS and fail (exit 1) when a flag of the --fail-on kinds is at or above --min-severity.

    Exit 0 when there is none, 1 when there are (or nothing could be audited), 2 on misuse.
    """
    from audit.report.check import CheckUsageError, gate, parse_kinds, summary_line
    from audit.report.check import render_json as check_json
    from audit.report.check import render_text as check_text
    from audit.report.github import render_github
    from audit.report.sarif import render_sarif

    try:
        kinds = parse_kinds(fail_on)
    except CheckUsageError as error:
        raise click.BadParameter(str(error), param_hint="--fail-on") from error
    result = _audit(
        inputs, reference, no_reference, jobs, max_bytes, timeout, cache, no_progress, (engine, scheduler)
    )
    outcome = gate(result, kinds, cast("Severity", min_severity))
    renderers = {"text": check_text, "json": check_json, "github": render_github, "sarif": render_sarif}
    rendered = renderers[fmt](outcome)
    if output is not None:
        from audit.report.write import write_text

        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            write_text(output, rendered)
        except OSError as error:
            raise _Failure(f"{output}: cannot write the report ({error.strerror or error})") from error
    else:
        click.echo(rendered, nl=False)
    if outcome.audited == 0:
        _stderr(_nothing_audited(result, inputs))
    _stderr(summary_line(outcome))
    sys.exit(outcome.exit_code)


main.add_command(validate)
main.add_command(diff)
main.add_command(db_group)
main.add_command(review)
main.add_command(export_group)
main.add_command(import_group)
