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


def test_fold_is_sha256_mod_five_and_the_development_fifth_is_fold_zero() -> None:
    ids = [str(number) for number in range(200)]
    assert common.fold("1") == int("6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b", 16) % 5
    assert {common.fold(doc_id) for doc_id in ids} == {0, 1, 2, 3, 4}
    assert all(common.is_dev(doc_id) == (common.fold(doc_id) == 0) for doc_id in ids)
