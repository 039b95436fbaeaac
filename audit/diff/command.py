"""``audit diff``: the command over ``audit.api.diff_captures`` and ``audit.api.diff_stored``, registered by
``audit.cli``. Exit 0 without a silent edit, 1 with one, 2 on misuse."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from audit.diff.captures import CaptureDiff

DIFF_FORMATS = ("markdown", "json", "html")


def write_diff(found: CaptureDiff, fmt: str, output: Path | None) -> None:
    from audit.diff.report import diff_data, render_diff_html, render_diff_json, render_diff_markdown

    data = diff_data(found.diff, found.same_origin)
    renderers = {"json": render_diff_json, "markdown": render_diff_markdown, "html": render_diff_html}
    text = renderers[fmt](data)
    if output is None:
        click.echo(text, nl=False)
        return
    from audit.report.write import write_text

    output.parent.mkdir(parents=True, exist_ok=True)
    write_text(output, text)


@click.command()
@click.argument("old", required=False, type=click.Path(path_type=Path))
@click.argument("new", required=False, type=click.Path(path_type=Path))
@click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), help="Compare two captures in this store."
)
@click.option(
    "--url", "page", help="With --db: the page (URL, or sha256:… for a capture without one) to compare."
)
@click.option(
    "--old-run",
    type=int,
    help="With --db: the run whose capture is the old one (default: the one before last).",
)
@click.option(
    "--new-run", type=int, help="With --db: the run whose capture is the new one (default: the last)."
)
@click.option(
    "--part",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Which article of a capture that holds several.",
)
@click.option("--format", "fmt", type=click.Choice(list(DIFF_FORMATS)), default="markdown", show_default=True)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
def diff(
    old: Path | None,
    new: Path | None,
    db: Path | None,
    page: str | None,
    old_run: int | None,
    new_run: int | None,
    part: int,
    fmt: str,
    output: Path | None,
) -> None:
    """What changed in an article between two captures OLD and NEW (or two captures of --url in --db).

    Reports sentences added, removed and edited, and inside edited ones the figures, dates, names and quotes that
    changed. A changed figure, date or quote with no correction or update notice on the new page is a silent_edit.
    Exit 0 without silent edits, 1 with, 2 on misuse.
    """
    from audit import api
    from audit.ingest.discover import InputError
    from audit.store.errors import StoreError

    try:
        if db is not None:
            if page is None or old is not None:
                raise click.UsageError("with --db, name the page with --url (and no capture files)")
            found = api.diff_stored(db, page, old_run=old_run, new_run=new_run)
        else:
            if old is None or new is None:
                raise click.UsageError("give two captures, OLD and NEW (or --db and --url)")
            found = api.diff_captures(old, new, part=part)
    except (InputError, StoreError) as error:
        raise click.UsageError(str(error)) from error
    write_diff(found, fmt, output)
    sys.exit(1 if found.diff.flags else 0)
