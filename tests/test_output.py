from __future__ import annotations

from pathlib import Path

import pytest

from audit.output import atomic_path, write_text


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
