"""Reliability, a first run (docs/reliability.md, "First run"): each message a new user meets says what to do."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import RAW, ROOT
from tests.reliability.captures import ARTICLE, cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_makes_a_virtual_environment_before_installing() -> None:
    quick_start = README[README.index("## Quick start") : README.index("## From Python")]
    assert quick_start.index("python3 -m venv .venv && . .venv/bin/activate") < quick_start.index(
        "pip install ."
    )


def test_an_empty_folder_says_there_is_nothing_to_audit(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    run = cli("run", str(tmp_path / "empty"), "--out", str(tmp_path / "out"), "--jobs", "1")
    assert run.returncode == 1
    assert f"nothing to audit: no capture files in {tmp_path / 'empty'}" in run.stderr
    assert "see the messages above" not in run.stderr


def test_a_folder_named_twice_keeps_its_ledger_and_says_each_thing_once(tmp_path: Path) -> None:
    folder = tmp_path / "captures"
    folder.mkdir()
    (folder / "strike.txt").write_text(ARTICLE)
    (folder / "notes.csv").write_text("a,b\n")
    shutil.copytree(RAW / "reference", folder / "reference")
    run = cli("run", str(folder), f"{folder}/", "--out", str(tmp_path / "out"), "--jobs", "1")
    assert run.returncode == 0, run.stderr
    assert "using the reference ledger" in run.stderr
    assert run.stderr.count("notes.csv: skipped") == 1


def test_documents_that_are_not_web_pages_get_the_right_advice(tmp_path: Path) -> None:
    folder = tmp_path / "captures"
    folder.mkdir()
    (folder / "strike.txt").write_text(ARTICLE)
    (folder / "report.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "memo.docx").write_bytes(b"PK\x03\x04")
    (folder / "saved.html").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    run = cli("run", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1")
    assert "report.pdf: skipped, a PDF document" in run.stderr and "pdftotext" in run.stderr
    assert "memo.docx: skipped, a word-processor document: save it as plain text" in run.stderr
    assert "saved.html: the file is binary (a PDF document)" in run.stderr
    assert "save the page as HTML" not in run.stderr


def test_a_one_line_paste_is_told_why_it_has_no_article_text(tmp_path: Path) -> None:
    (tmp_path / "paste.txt").write_text("Trump met Putin in Riyadh on 18 February 2025.\n")
    run = cli("run", str(tmp_path / "paste.txt"), "--out", str(tmp_path / "out"), "--jobs", "1")
    assert run.returncode == 1
    assert "its only line" in run.stderr and "was read as a title" in run.stderr
    assert "audit.claims(TEXT)" in run.stderr
