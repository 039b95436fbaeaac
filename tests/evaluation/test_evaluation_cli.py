"""The evaluation tasks' shared command line: a part is chosen explicitly and unknown options are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation import common
from evaluation.common import only_split, split_parser


def test_split_defaults_to_heldout_and_dev_is_a_shorthand() -> None:
    parser = split_parser("Doc.")
    assert parser.parse_args([]).split == "heldout"
    assert parser.parse_args(["--dev"]).split == "dev"
    assert parser.parse_args(["--split", "dev"]).split == "dev"


def test_unknown_options_are_refused() -> None:
    with pytest.raises(SystemExit):
        split_parser("Doc.").parse_args(["--help-me"])
    with pytest.raises(SystemExit):
        split_parser("Doc.").parse_args(["--split", "both"])


def test_only_split_keeps_the_asked_part_and_shared_keys() -> None:
    metrics: dict[str, float | int | str] = {
        "task.dev.f1": 0.9,
        "task.heldout.f1": 0.8,
        "task.all.f1": 0.82,
        "task.fit.cv_f1": 0.77,
    }
    assert only_split(metrics, "dev") == {"task.dev.f1": 0.9, "task.fit.cv_f1": 0.77}
    assert only_split(metrics, "heldout") == {"task.heldout.f1": 0.8, "task.fit.cv_f1": 0.77}
    assert only_split(metrics, "both") == metrics


def test_task_main_skips_cleanly_without_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(common, "eval_root", lambda: tmp_path)  # an eval folder without this task's data
    calls: list[str] = []

    def run(root: Path, split: str) -> dict[str, float | int | str]:
        calls.append(split)
        return {"task.dev.f1": 1.0}

    assert common.task_main("Doc.", [], "task", "claims/task", run) == 0
    assert json.loads(capsys.readouterr().out) == {"task.skipped": "no eval data"} and calls == []
    (tmp_path / "claims" / "task").mkdir(parents=True)
    assert common.task_main("Doc.", ["--dev"], "task", "claims/task", run) == 0
    assert json.loads(capsys.readouterr().out) == {"task.dev.f1": 1.0} and calls == ["dev"]
