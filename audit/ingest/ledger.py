"""The reference ledger: facts a fact-checker has already verified, read from ``--reference DIR``.

Two CSV files, each with exactly the columns below and one JSON Schema per row (``schemas/events.schema.json``,
``schemas/roles.schema.json``; format in ``docs/reference.md``):

- ``events.csv``: ``event_id,name,date,participants,keywords,source`` (lists ``;``-separated);
- ``roles.csv``: ``person,title,aliases,start,end,source`` (``end`` empty: still in office).

``load_ledger`` validates every row and raises ``LedgerError`` naming the file, the line and the fix for the first
bad one, so a broken ledger stops the run before any work is done (the CLI turns it into a usage error, exit 2)
instead of silently checking claims against half a ledger. Each record remembers its file and line, which the
misdating rules quote as evidence.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from audit.contract.schemas import validator

EVENT_COLUMNS = ("event_id", "name", "date", "participants", "keywords", "source")
ROLE_COLUMNS = ("person", "title", "aliases", "start", "end", "source")


EVENTS_FILE = "events.csv"
ROLES_FILE = "roles.csv"


class LedgerError(ValueError):
    """A reference ledger that cannot be used; the message names the file, the line and the fix."""


@dataclass(frozen=True, slots=True)
class LedgerEvent:
    event_id: str
    name: str
    date: dt.date
    participants: tuple[str, ...]
    keywords: tuple[str, ...]
    source: str
    file: str
    line: int

    def evidence_row(self) -> dict[str, str]:
        """The row as the report shows it: every column as written, plus where it is."""
        return {
            "event_id": self.event_id,
            "name": self.name,
            "date": self.date.isoformat(),
            "participants": ";".join(self.participants),
            "keywords": ";".join(self.keywords),
            "source": self.source,
            "file": self.file,
            "line": str(self.line),
        }


@dataclass(frozen=True, slots=True)
class LedgerRole:
    person: str
    title: str
    aliases: tuple[str, ...]
    start: dt.date
    end: dt.date | None  # None: still in office
    source: str
    file: str
    line: int

    def held_on(self, day: dt.date) -> bool:
        """In office on ``day`` (both the first and the last day count: hand-overs happen at noon)."""
        return self.start <= day and (self.end is None or day <= self.end)

    def evidence_row(self) -> dict[str, str]:
        return {
            "person": self.person,
            "title": self.title,
            "aliases": ";".join(self.aliases),
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else "",
            "source": self.source,
            "file": self.file,
            "line": str(self.line),
        }


@dataclass(frozen=True, slots=True)
class Ledger:
    folder: str
    events: tuple[LedgerEvent, ...]
    roles: tuple[LedgerRole, ...]

    def terms(self, person: str, title: str) -> tuple[LedgerRole, ...]:
        """Every term of ``person`` in the office ``title``, earliest first."""
        return tuple(r for r in self.roles if r.person == person and r.title == title)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _rows(path: Path, columns: tuple[str, ...], schema: str) -> list[tuple[int, dict[str, str]]]:
    """The validated rows of one ledger file with their line numbers (the header is line 1)."""
    if not path.is_file():
        raise LedgerError(
            f"{path}: missing; a reference folder needs {path.name} with the header {','.join(columns)}"
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise LedgerError(f"{path}: cannot be read as UTF-8 text ({error}); save it as UTF-8 CSV") from error
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != columns:
        raise LedgerError(
            f"{path}, line 1: the header must be exactly {','.join(columns)} (found {','.join(header or [])!r})"
        )
    check = validator(schema)
    rows: list[tuple[int, dict[str, str]]] = []
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue  # blank line
        if len(cells) != len(columns):
            raise LedgerError(
                f"{path}, line {line}: {len(cells)} cells where the header has {len(columns)}; "
                'quote cells that contain commas ("Riyadh, Saudi Arabia")'
            )
        row = {name: cell.strip() for name, cell in zip(columns, cells, strict=True)}
        errors = sorted(check.iter_errors(row), key=lambda e: list(e.path))
        if errors:
            first = errors[0]
            where = f"column {first.path[0]!r}" if first.path else "row"
            raise LedgerError(
                f"{path}, line {line}: {where}: {first.message}; fix the cell to match "
                f"schemas/{schema}.schema.json (see docs/reference.md)"
            )
        rows.append((line, row))
    return rows


def _events(path: Path) -> tuple[LedgerEvent, ...]:
    seen: dict[str, int] = {}
    events = []
    for line, row in _rows(path, EVENT_COLUMNS, "events"):
        if row["event_id"] in seen:
            raise LedgerError(
                f"{path}, line {line}: event_id {row['event_id']!r} already used on line {seen[row['event_id']]}; "
                "give every event its own id"
            )
        seen[row["event_id"]] = line
        events.append(
            LedgerEvent(
                row["event_id"],
                row["name"],
                dt.date.fromisoformat(row["date"]),
                _split(row["participants"]),
                _split(row["keywords"]),
                row["source"],
                path.name,
                line,
            )
        )
    return tuple(events)


def _roles(path: Path) -> tuple[LedgerRole, ...]:
    roles = []
    for line, row in _rows(path, ROLE_COLUMNS, "roles"):
        start = dt.date.fromisoformat(row["start"])
        end = dt.date.fromisoformat(row["end"]) if row["end"] else None
        if end is not None and end < start:
            raise LedgerError(f"{path}, line {line}: end {end} is before start {start}; swap or correct them")
        roles.append(
            LedgerRole(
                row["person"],
                row["title"],
                _split(row["aliases"]),
                start,
                end,
                row["source"],
                path.name,
                line,
            )
        )
    return tuple(roles)


def load_ledger(folder: Path) -> Ledger:
    """Read and validate ``events.csv`` and ``roles.csv`` from ``folder``; raise ``LedgerError`` on any problem."""
    if not folder.is_dir():
        raise LedgerError(
            f"{folder}: not a folder; --reference takes a folder holding events.csv and roles.csv"
        )
    return Ledger(str(folder), _events(folder / EVENTS_FILE), _roles(folder / ROLES_FILE))


def discover_ledger(inputs: Sequence[str]) -> str | None:
    """The ledger folder to use when none is named: a ``reference`` folder holding both ledger files inside an input
    folder (the layout of the sample corpus, ``raw/reference``), if exactly one input has one; otherwise None."""
    found = [
        Path(given) / "reference"
        for given in inputs
        if (Path(given) / "reference" / EVENTS_FILE).is_file()
        and (Path(given) / "reference" / ROLES_FILE).is_file()
    ]
    return Path(found[0]).as_posix() if len(found) == 1 else None
