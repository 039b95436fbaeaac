"""Reliability, outputs (docs/reliability.md, "Outputs"): one consistent set, one writer, clear I/O errors,
unique ids, and an output folder never read back as input."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from filelock import FileLock

from audit import cli
from audit.contract.validate import validate_files
from audit.report.write import LOCK_FILE, PENDING, write_outputs
from tests.reliability.captures import audit, capture_folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}


def test_a_failure_while_writing_leaves_the_previous_set_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    captures, out = capture_folder(tmp_path / "in"), tmp_path / "out"
    assert (
        CliRunner().invoke(cli.main, ["run", str(captures), "--out", str(out), "--jobs", "1"]).exit_code == 0
    )
    before = _files(out)
    (captures / "strike.txt").write_text(
        (captures / "strike.txt").read_text() + "\nA new paragraph, he said.\n"
    )

    def full_disk(self: pl.DataFrame, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pl.DataFrame, "write_parquet", full_disk)
    outcome = CliRunner().invoke(cli.main, ["run", str(captures), "--out", str(out), "--jobs", "1"])
    assert outcome.exit_code == 2, outcome.output
    assert "No space left on device" in outcome.output and "Traceback" not in outcome.output
    assert _files(out) == before, "the old set must stay whole"
    assert sorted(p.name for p in out.iterdir()) == sorted([*before, ".audit-output", LOCK_FILE])


def test_a_run_killed_while_moving_the_set_in_is_finished_by_the_next(tmp_path: Path) -> None:
    result, _ = audit(capture_folder(tmp_path / "in"))
    out = tmp_path / "out"
    write_outputs(result, out)
    pending = (
        out / PENDING
    )  # what a run killed after its commit point leaves: the whole new set, not yet moved
    pending.mkdir()
    (pending / "report.md").write_text("# the new report\n")
    (out / "report.md").write_text("# the old report\n")
    write_outputs(result, out)
    assert not pending.exists() and (out / "report.md").read_text().startswith("# Audit report")


def test_a_second_run_into_a_held_folder_is_refused_before_the_work(tmp_path: Path) -> None:
    captures, out = capture_folder(tmp_path / "in"), tmp_path / "out"
    out.mkdir()
    with FileLock(out / LOCK_FILE):
        outcome = CliRunner().invoke(cli.main, ["run", str(captures), "--out", str(out), "--jobs", "1"])
    assert outcome.exit_code == 2
    assert "another audit run is writing to this folder" in outcome.output
    assert not (out / "audit.json").exists()


def test_an_unwritable_out_is_one_line_and_exit_2_before_the_work(tmp_path: Path) -> None:
    captures = capture_folder(tmp_path / "in")
    (tmp_path / "file").write_text("not a folder")
    outcome = CliRunner().invoke(cli.main, ["run", str(captures), "--out", str(tmp_path / "file" / "out")])
    assert outcome.exit_code == 2
    assert outcome.output.count("\n") == 1 and outcome.output.startswith("audit: ")
    assert "cannot write the outputs" in outcome.output


def test_identical_captures_under_two_names_get_their_own_ids(tmp_path: Path) -> None:
    captures, out = capture_folder(tmp_path / "in", ("a.txt", "copy.txt")), tmp_path / "out"
    result, _ = audit(captures)
    write_outputs(result, out)
    ids = [s.source_id for s in result.sources]
    claim_ids = [c.claim_id for c in result.claims]
    assert len(set(ids)) == 2 and len(set(claim_ids)) == len(claim_ids)
    report = validate_files([out / "audit.json"])
    assert report.valid, report.problems[:3]


def test_an_output_folder_inside_the_inputs_is_never_read(tmp_path: Path) -> None:
    captures = capture_folder(tmp_path / "in")
    out = captures / "report"
    for _ in range(2):
        outcome = CliRunner().invoke(cli.main, ["run", str(captures), "--out", str(out), "--jobs", "1"])
        assert outcome.exit_code == 0, outcome.output
    sources = json.loads((out / "audit.json").read_text())["sources"]
    assert [Path(s["path"]).name for s in sources] == ["strike.txt"]
    assert "an audit's output folder (never read as input)" in outcome.output
