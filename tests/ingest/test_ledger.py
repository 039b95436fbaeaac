"""The reference ledger: the sample loads, and a bad ledger fails with the file, the line and the fix."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.ingest.ledger import LedgerError, load_ledger
from tests.conftest import ROOT

SAMPLE = ROOT / "raw" / "reference"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "reference"
    shutil.copytree(SAMPLE, folder)
    return folder


def test_sample_ledger_loads_with_file_and_line() -> None:
    ledger = load_ledger(SAMPLE)
    call = next(e for e in ledger.events if e.event_id == "trump-putin-call-2025-02-12")
    assert call.date == dt.date(2025, 2, 12)
    assert call.participants == ("Donald Trump", "Vladimir Putin")
    assert (call.file, call.line) == ("events.csv", 2)
    terms = ledger.terms("Donald Trump", "President")
    assert [t.end for t in terms] == [dt.date(2021, 1, 20), None]
    assert terms[1].held_on(dt.date(2025, 3, 10)) and not terms[0].held_on(dt.date(2025, 3, 10))
    assert all(row.source.startswith("https://") for row in (*ledger.events, *ledger.roles))


def test_bad_date_names_file_line_and_column(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    lines = (folder / "events.csv").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("2025-02-18", "18/02/2025")
    (folder / "events.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"events\.csv, line 3: column 'date'"):
        load_ledger(folder)


def test_wrong_header_and_missing_file(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    text = (folder / "roles.csv").read_text(encoding="utf-8")
    (folder / "roles.csv").write_text(text.replace("aliases,", "alias,", 1), encoding="utf-8")
    with pytest.raises(LedgerError, match=r"roles\.csv, line 1: the header must be exactly"):
        load_ledger(folder)
    (folder / "roles.csv").unlink()
    with pytest.raises(LedgerError, match=r"roles\.csv: missing"):
        load_ledger(folder)


def test_duplicate_event_id_and_reversed_term(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    events = (folder / "events.csv").read_text(encoding="utf-8").splitlines()
    (folder / "events.csv").write_text("\n".join([*events, events[1]]) + "\n", encoding="utf-8")
    with pytest.raises(LedgerError, match="already used on line 2"):
        load_ledger(folder)
    shutil.copy(SAMPLE / "events.csv", folder / "events.csv")
    roles = (
        (folder / "roles.csv")
        .read_text(encoding="utf-8")
        .replace("2009-01-20,2017-01-20", "2017-01-20,2009-01-20", 1)
    )
    (folder / "roles.csv").write_text(roles, encoding="utf-8")
    with pytest.raises(LedgerError, match=r"line 2: end 2009-01-20 is before start"):
        load_ledger(folder)


def test_cli_turns_a_bad_ledger_into_a_usage_error(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "events.csv").write_text("event_id,name\nx,y\n", encoding="utf-8")
    capture = tmp_path / "a.txt"
    capture.write_text("Title\n\nSome text about a budget of $3 million in 2023.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["run", str(capture), "--out", str(tmp_path / "out"), "--reference", str(folder), "--no-progress"],
    )
    assert result.exit_code == 2
    assert "events.csv, line 1" in result.output
