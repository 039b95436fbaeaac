"""Editors' review: a dismissed flag stays dismissed on the next run until its evidence changes; decisions come from
the command line or from a file report.html exported, validated against schemas/decisions.schema.json."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

import audit.api
from audit import cli
from audit.model import AuditResult, Evidence
from audit.store.errors import StoreError
from audit.store.keys import Keys


@pytest.fixture()
def recorded(seed_audit: tuple[AuditResult, Path], tmp_path: Path) -> tuple[Path, AuditResult]:
    result, _ = seed_audit
    db = tmp_path / "audits.db"
    return db, audit.api.record(result, db)


def _flag_key(result: AuditResult, rule: str) -> str:
    keys = Keys(result)
    for claim, flag in result.flags():
        if flag.rule == rule:
            return next(i.flag_key for f, i in keys.flags(claim) if f is flag)
    raise AssertionError(rule)


def test_a_dismissed_flag_stays_dismissed_on_the_second_run(
    recorded: tuple[Path, AuditResult], seed_audit: tuple[AuditResult, Path]
) -> None:
    db, first = recorded
    key = _flag_key(first, "vague_attribution.unnamed_reports")
    outcome = CliRunner().invoke(
        cli.main,
        ["review", key, "--status", "dismissed", "--note", "named below", "--editor", "ana", "--db", str(db)],
    )
    assert outcome.exit_code == 0, outcome.output
    again = audit.api.record(seed_audit[0], db)
    assert again.record is not None
    review = again.record.flags[key]
    assert (review.state, review.status, review.editor, review.note) == (
        "decided",
        "dismissed",
        "ana",
        "named below",
    )
    assert review.decided_at
    others = [r.state for k, r in again.record.flags.items() if k != key]
    assert set(others) == {"seen"}


def test_a_decision_reopens_when_the_evidence_changes(
    recorded: tuple[Path, AuditResult], seed_audit: tuple[AuditResult, Path]
) -> None:
    db, first = recorded
    key = _flag_key(first, "vague_attribution.unnamed_reports")
    audit.api.review(db, key, status="dismissed", editor="ana")
    result = seed_audit[0]
    changed = tuple(
        replace(
            claim,
            flags=tuple(
                replace(
                    f,
                    evidence=(
                        *f.evidence,
                        Evidence("span", "another cue", claim.source_id, claim.claim_id, None, "x"),
                    ),
                )
                for f in claim.flags
            ),
        )
        for claim in result.claims
    )
    again = audit.api.record(replace(result, claims=changed), db)
    assert again.record is not None
    assert (again.record.flags[key].state, again.record.flags[key].status) == ("reopened", "dismissed")


def test_ratings_and_bad_decisions(recorded: tuple[Path, AuditResult]) -> None:
    db, first = recorded
    key = _flag_key(first, "unsupported.uncited_figure")
    row = audit.api.review(db, key, rating="mostly true", editor="ana")
    assert row["rating"] == "Mostly true" and row["status"] is None
    claim_key = row["claim_key"]
    assert audit.api.review(db, claim_key, rating="1")["rating"] == "False"
    with pytest.raises(StoreError, match="unknown rating"):
        audit.api.review(db, key, rating="pants on fire")
    with pytest.raises(StoreError, match="no flag"):
        audit.api.review(db, "fk-0000000000000000", status="checked")
    with pytest.raises(StoreError, match="is a claim"):
        audit.api.review(db, claim_key, status="checked")
    with pytest.raises(StoreError, match="neither"):
        audit.api.review(db, "clm-123", status="checked")
    outcome = CliRunner().invoke(cli.main, ["review", key, "--status", "ignored", "--db", str(db)])
    assert outcome.exit_code == 2


def test_decisions_exported_from_the_report_are_imported_once(
    recorded: tuple[Path, AuditResult], tmp_path: Path
) -> None:
    db, first = recorded
    keys = Keys(first)
    claim, flag = first.flags()[0]
    identity = next(i for f, i in keys.flags(claim) if f is flag)
    exported = {
        "format": "audit-decisions",
        "version": "1",
        "exported_at": "2026-12-07T21:00:00Z",
        "editor": "ben",
        "decisions": [
            {
                "flag_key": identity.flag_key,
                "claim_key": identity.claim_key,
                "evidence_hash": identity.evidence_hash,
                "status": "confirmed",
                "rating": "False",
                "note": "checked with the ministry",
                "editor": None,
                "decided_at": "2026-12-07T20:58:01.500Z",
            },
            {
                "flag_key": "fk-0000000000000000",
                "claim_key": identity.claim_key,
                "evidence_hash": identity.evidence_hash,
                "status": "checked",
                "decided_at": "2026-12-07T20:59:00Z",
            },
        ],
    }
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    outcome = CliRunner().invoke(cli.main, ["review", "--import", str(path), "--db", str(db)])
    assert outcome.exit_code == 0, outcome.output
    assert "1 decision(s) applied, 1 skipped" in outcome.output
    again = audit.api.import_decisions(db, path)
    assert again.applied == [] and len(again.skipped) == 2
    review = audit.api.record(first, db).record
    assert review is not None
    assert (review.flags[identity.flag_key].status, review.flags[identity.flag_key].editor) == (
        "confirmed",
        "ben",
    )
    assert review.flags[identity.flag_key].rating == "False"
    exported["decisions"][0]["status"] = "ignored"
    path.write_text(json.dumps(exported), encoding="utf-8")
    bad = CliRunner().invoke(cli.main, ["review", "--import", str(path), "--db", str(db)])
    assert bad.exit_code == 2 and "not a valid decisions file" in bad.output
