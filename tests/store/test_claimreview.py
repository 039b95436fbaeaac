"""ClaimReview: a rated seed claim exports as JSON-LD valid against schemas/claimreview.schema.json (Google's
required and recommended fields); imported fact-checks become evidence for claims that say the same thing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import audit.api
from audit import cli
from audit.contract.schemas import validator
from audit.model import AuditResult
from audit.store.keys import Keys
from tests.conftest import ROOT

CAPTURE = "tests/cases/edited_copy/captures/northport_gazette.txt"

FACT_CHECKS = [
    {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://checks.example/china-oil",
        "claimReviewed": "China spent $62 billion on Russian crude oil in 2024.",
        "author": {"@type": "Organization", "name": "Checks Desk", "url": "https://checks.example/"},
        "datePublished": "2025-04-01",
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 4,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "Mostly true",
        },
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [{"@type": "CreativeWork", "url": "https://elsewhere.example/a"}],
        },
    },
    {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://checks.example/china-gas",
        "claimReviewed": "China spent $45 billion on Russian crude oil in 2024.",
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
    },
    {"@type": "ClaimReview", "claimReviewed": "no url and no rating"},
]


@pytest.fixture()
def rated(seed_audit: tuple[AuditResult, Path], tmp_path: Path) -> tuple[Path, str]:
    result, _ = seed_audit
    db = tmp_path / "audits.db"
    audit.api.record(result, db)
    [hit] = audit.api.search(db, "62 billion")
    audit.api.review(db, hit["flags"][0]["flag_key"], status="confirmed", rating="Mostly true", editor="ana")
    return db, hit["claim_key"]


def test_the_export_of_a_reviewed_seed_claim_validates(rated: tuple[Path, str], tmp_path: Path) -> None:
    db, claim_key = rated
    out = tmp_path / "claimreview.json"
    outcome = CliRunner().invoke(
        cli.main,
        [
            "export",
            "claimreview",
            "--db",
            str(db),
            "--org",
            "Desk",
            "--url",
            "https://desk.example/checks",
            "--output",
            str(out),
        ],
    )
    assert outcome.exit_code == 0, outcome.output
    [review] = json.loads(out.read_text(encoding="utf-8"))
    assert list(validator("claimreview").iter_errors(review)) == []
    assert review["url"] == f"https://desk.example/checks#{claim_key}"
    assert "$62 billion" in review["claimReviewed"]
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 4,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Mostly true",
    }
    assert review["author"] == {"@type": "Organization", "name": "Desk", "url": "https://desk.example/checks"}
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Mwaso"}  # the byline: the claim quotes no one
    assert item["datePublished"] == "2025-03-10"
    [appearance] = item[
        "appearance"
    ]  # the seed has no URL: the capture is named by its hash, never a guessed URL
    assert appearance["identifier"].startswith("sha256:0cc898c14df5f963") and "url" not in appearance


def test_the_schema_rejects_a_review_without_a_rating_name(rated: tuple[Path, str]) -> None:
    db, _ = rated
    [review] = audit.api.export_claimreview(db, url="https://desk.example/")
    del review["reviewRating"]["alternateName"]
    assert list(validator("claimreview").iter_errors(review))


def test_the_appearance_is_the_capture_url_when_known(tmp_path: Path) -> None:
    folder = tmp_path / "captures"
    folder.mkdir()
    (folder / "page.txt").write_text((ROOT / CAPTURE).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "page.meta.json").write_text(
        json.dumps({"url": "https://city.example/bridge"}), encoding="utf-8"
    )
    db = tmp_path / "audits.db"
    result = audit.api.record(audit.api.run([folder], jobs=1), db)
    key = Keys(result).claims[result.claims[0].claim_id]
    audit.api.review(db, key, rating="False", editor="ana")
    [review] = audit.api.export_claimreview(db, url="https://desk.example/")
    assert review["itemReviewed"]["appearance"][0]["url"] == "https://city.example/bridge"
    assert list(validator("claimreview").iter_errors(review)) == []


def test_imported_fact_checks_are_evidence_for_claims_that_say_the_same(
    rated: tuple[Path, str], seed_audit: tuple[AuditResult, Path], tmp_path: Path
) -> None:
    db, claim_key = rated
    path = tmp_path / "checks.json"
    path.write_text(json.dumps({"@graph": FACT_CHECKS}), encoding="utf-8")
    outcome = CliRunner().invoke(cli.main, ["import", "claimreview", str(path), "--db", str(db)])
    assert outcome.exit_code == 0, outcome.output
    assert "2 fact-check(s) added" in outcome.output and "skipped" in outcome.output
    assert (
        "1 stored claim(s) match" in outcome.output
    )  # the $45 billion check reads alike but its number differs
    again = audit.api.import_claimreview(db, path)
    assert again.added == 0 and again.known == 2
    recorded = audit.api.record(seed_audit[0], db)
    assert recorded.record is not None
    [(claim_id, [match])] = recorded.record.fact_checks.items()
    assert (
        match.url == "https://checks.example/china-oil"
        and match.rating == "Mostly true"
        and match.score >= 0.6
    )
    assert Keys(recorded).claims[claim_id] == claim_key
