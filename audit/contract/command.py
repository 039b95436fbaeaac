"""``audit validate``: the command over ``audit.contract.validate``, registered by ``audit.cli``. Exit 0 valid,
1 invalid."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import click


@click.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def validate(files: tuple[Path, ...], fmt: str) -> None:
    """Validate audit JSON (or JSON Lines of claims) against the schemas. Exit 0 valid, 1 invalid."""
    from audit.contract.validate import validate_files

    report = validate_files(list(files))
    if fmt == "json":
        import json

        click.echo(
            json.dumps(
                {
                    "valid": report.valid,
                    "files": report.files,
                    "problems": [dataclasses.asdict(p) for p in report.problems],
                },
                indent=2,
            )
        )
    else:
        for problem in report.problems:
            click.echo(str(problem))
        click.echo(
            f"{len(report.files)} file(s): {'valid' if report.valid else f'{len(report.problems)} problem(s)'}",
            err=True,
        )
    sys.exit(0 if report.valid else 1)
