from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from audit.report.renderers import RENDERERS
from audit.report.tables import FRAMES
from audit.report.write import OUTPUT_FILES, atomic_path, write_text


def test_interrupted_write_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    write_text(target, "good report")
    with pytest.raises(KeyboardInterrupt), atomic_path(target) as temporary:
        temporary.write_text("half a rep")
        raise KeyboardInterrupt
    assert target.read_text() == "good report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_write_replaces_and_creates_folders(tmp_path: Path) -> None:
    target = tmp_path / "new" / "audit.json"
    write_text(target, "{}\n")
    write_text(target, '{"a": 1}\n')
    assert target.read_text() == '{"a": 1}\n'


def test_written_files_follow_the_umask_like_any_new_file(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_text(tmp_path / "report.html", "report")
        plain = tmp_path / "plain.txt"
        plain.write_text("x")
    finally:
        os.umask(previous)
    assert (
        stat.S_IMODE((tmp_path / "report.html").stat().st_mode) == stat.S_IMODE(plain.stat().st_mode) == 0o644
    )


def test_output_files_name_every_renderer_and_table_in_order() -> None:
    assert (*RENDERERS, *FRAMES) == OUTPUT_FILES
