"""The audit store: two runs keep one copy of each claim and flag, search and history answer from it, and a new
capture of a page makes new claim versions linked to the old ones."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import audit.api
from audit import cli
from audit.model import AuditResult
from audit.report.json import render_json
from audit.store.errors import StoreError
from audit.store.schema import TABLES, open_store
from tests.conftest import RAW, ROOT


@pytest.fixture(scope="module")
def store(
    seed_audit: tuple[AuditResult, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, AuditResult]:
    result, _ = seed_audit
    db = tmp_path_factory.mktemp("store") / "audits.db"
    first = audit.api.record(result, db)
    return db, first


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f"select count(*) from {table}").fetchone()[0])


def test_two_runs_keep_one_copy_of_each_claim_and_flag(
    store: tuple[Path, AuditResult], seed_audit: tuple[AuditResult, Path]
) -> None:
    db, first = store
    result, _ = seed_audit
    assert first.record is not None and first.record.run_id == 1
    assert {r.state for r in first.record.flags.values()} == {"new"}
    second = audit.api.record(result, db)
    assert second.record is not None and second.record.run_id == 2
    assert {r.state for r in second.record.flags.values()} == {"seen"}
    assert _count(db, "runs") == 2
    assert _count(db, "sources") == len(result.sources)
    assert _count(db, "claims") == len(result.claims)
    assert _count(db, "flags") == len(result.flags())
    assert _count(db, "run_sources") == 2 * len(result.sources)


def test_every_table_exists_with_its_columns(store: tuple[Path, AuditResult]) -> None:
    db, _ = store
    opened = open_store(db)
    for name, (columns, _, _) in TABLES.items():
        assert set(opened.table(name).columns_dict) == set(columns), name
    assert "claims_fts" in opened.table_names()
    assert {"latest_decisions", "latest_ratings", "flag_review"} <= set(opened.view_names())


def test_the_tables_are_documented_and_the_datasette_metadata_names_real_ones(
    store: tuple[Path, AuditResult],
) -> None:
    db, _ = store
    opened = open_store(db)
    doc = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    for name, (columns, _, _) in TABLES.items():
        assert f"| `{name}` |" in doc, name
        for column in columns:
            assert f"`{column}`" in doc, f"{name}.{column} is not in docs/store.md"
    metadata = json.loads((ROOT / "docs" / "datasette-metadata.json").read_text(encoding="utf-8"))
    for name, table in metadata["databases"]["audits"]["tables"].items():
        columns = set(opened[name].columns_dict)
        for facet in table.get("facets", []):
            assert facet in columns, f"{name}: facet {facet} is not a column"
        assert set(table.get("columns", {})) <= columns, name


def test_search_finds_a_figure_and_its_flags(store: tuple[Path, AuditResult]) -> None:
    db, _ = store
    [hit] = audit.api.search(db, "62 billion")
    assert "$62 billion" in hit["text"] and hit["claim_key"].startswith("ck-")
    assert {f["rule"] for f in hit["flags"]} >= {"unsupported.uncited_figure"}
    with pytest.raises(StoreError):
        audit.api.search(db, "   ")


def test_search_and_history_on_the_command_line(store: tuple[Path, AuditResult]) -> None:
    db, _ = store
    outcome = CliRunner().invoke(cli.main, ["db", "search", "62 billion", "--db", str(db)])
    assert outcome.exit_code == 0 and "$62 billion" in outcome.stdout
    sha = json.loads(
        CliRunner()
        .invoke(cli.main, ["db", "search", "62 billion", "--db", str(db), "--format", "json"])
        .stdout
    )
    page = sha[0]["page"]
    outcome = CliRunner().invoke(cli.main, ["db", "history", page, "--db", str(db), "--format", "json"])
    [version] = json.loads(outcome.stdout)
    assert version["change"] is None and version["claims"] > 0
    missing = CliRunner().invoke(cli.main, ["db", "search", "x", "--db", str(db.parent / "none.db")])
    assert missing.exit_code == 2 and "no audit store" in missing.output


def test_a_new_capture_of_a_page_links_its_edited_claim_to_the_old_one(tmp_path: Path) -> None:
    text = (RAW / "004_320301acf8a13b0e.txt").read_text(encoding="utf-8")
    db = tmp_path / "pages.db"
    for name, body, when in (
        ("one", text, "2025-03-11"),
        ("two", text.replace("$62 billion", "$68 billion"), "2025-03-12"),
    ):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "page.txt").write_text(body, encoding="utf-8")
        sidecar = {"url": "https://news.example/trump-putin", "captured_at": f"{when}T10:00:00Z"}
        (folder / "page.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
        audit.api.record(audit.api.run([folder], jobs=1), db)
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "select c.text, p.text from claims c join claims p on p.version_id = c.previous_version "
            "where c.text like '%$68 billion%'"
        ).fetchall()
        unchanged = connection.execute(
            "select count(*) from claims where previous_version is not null and text not like '%$68 billion%'"
        ).fetchone()[0]
    assert len(rows) == 1 and "$62 billion" in rows[0][1]
    assert unchanged > 10  # every unchanged claim is a new version of the same claim key, linked too
    versions = audit.api.history(db, "https://news.example/trump-putin")
    assert len(versions) == 2 and versions[1].change is not None
    assert [f.rule for _, f in versions[1].change.diff.flags] == ["silent_edit.figure"]
    found = audit.api.diff_stored(db, "https://news.example/trump-putin")
    assert [f.rule for _, f in found.diff.flags] == ["silent_edit.figure"]
    outcome = CliRunner().invoke(
        cli.main, ["diff", "--db", str(db), "--url", "https://news.example/trump-putin"]
    )
    assert outcome.exit_code == 1 and "$68 billion" in outcome.stdout
    with pytest.raises(StoreError):
        audit.api.diff_stored(db, "https://news.example/trump-putin", old_run=1)


def test_recording_leaves_audit_json_as_it_was(
    store: tuple[Path, AuditResult], seed_audit: tuple[AuditResult, Path]
) -> None:
    _, recorded = store
    assert recorded.record is not None
    assert render_json(recorded) == render_json(seed_audit[0])  # the store's state is not part of audit.json


def test_run_with_db_on_the_command_line(tmp_path: Path) -> None:
    captures = ROOT / "tests" / "cases" / "edited_copy" / "captures"
    db = tmp_path / "audits.db"
    args = [
        "run",
        str(captures),
        "--out",
        str(tmp_path / "out"),
        "--db",
        str(db),
        "--jobs",
        "1",
        "--no-progress",
    ]
    first = CliRunner().invoke(cli.main, args)
    assert first.exit_code == 0, first.output
    assert "recorded as run 1" in first.output and "1 new flags" in first.output
    second = CliRunner().invoke(cli.main, args)
    assert "recorded as run 2" in second.output and "0 new flags, 1 seen before" in second.output
    assert "Recorded as run 2" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")


def test_a_file_that_is_not_a_store_is_misuse(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not a database", encoding="utf-8")
    outcome = CliRunner().invoke(
        cli.main, ["run", str(RAW), "--out", str(tmp_path / "out"), "--db", str(bad)]
    )
    assert outcome.exit_code == 2 and "not an audit store" in outcome.output
    assert not (tmp_path / "out").exists()  # said before auditing anything
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)
