"""Does a claim say what an earlier fact-check reviewed? Same meaning, and the same numbers.

1. meaning: the cosine of the two sentences' embeddings from WordLlama (the ``l2_supercat`` 256-dimension token
   embeddings bundled inside the ``wordllama`` wheel, loaded from the package folder with downloads disabled: no
   network, no model hub) must be at least ``match_min_similarity`` (``audit/data/claimreview.json``);
2. numbers: every figure the fact-check's claim states must be stated by the claim (same unit, value within
   ``figure_tolerance``), and every date it states to the day or month must be among the claim's dates, so
   "unemployment fell to 3.5 percent" does not match "unemployment rose to 5.5 percent", however alike they read.
What this catches and misses on hand-made pairs is in ``docs/store.md``. A match is kept in ``claim_fact_checks``
and shown with the claim in the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from audit.claim_extraction.dates.mentions import extract_dates
from audit.claim_extraction.figures.mentions import extract_figures
from audit.model import AuditResult, FactCheckMatch
from audit.store.keys import Keys, version_id
from audit.store.ratings import scale

METHOD = "wordllama-l2_supercat-256+numbers"


@dataclass(frozen=True, slots=True)
class Facts:
    """The numbers a sentence states: figures as (value, unit), and dates as ISO values (day or month)."""

    figures: tuple[tuple[float, str | None], ...]
    dates: tuple[str, ...]


def facts_of(text: str) -> Facts:
    figures = tuple((f.value, f.unit) for f in extract_figures(text) if f.value is not None)
    dates = tuple(d.iso for d in extract_dates(text, None) if d.iso and d.precision in {"day", "month"})
    return Facts(figures, dates)


def agrees(check: Facts, claim: Facts) -> bool:
    """Every figure and dated day or month of the fact-check's claim is stated by the claim too."""
    tolerance = scale().figure_tolerance
    for value, unit in check.figures:
        if not any(
            (unit is None or other_unit is None or unit == other_unit)
            and abs(value - other) <= tolerance * max(abs(value), abs(other), 1e-9)
            for other, other_unit in claim.figures
        ):
            return False
    return all(any(date.startswith(iso) for date in claim.dates) for iso in check.dates)


def load_model() -> Any:
    """WordLlama from the weights and tokenizer inside the installed wheel; downloads disabled.

    (``WordLlama.load`` looks for the tokenizer in the package's ``tokenizer/`` folder while the wheel ships it in
    ``tokenizers/``, and would then try the model hub: pointing its cache at the package folder finds both files.)
    """
    import wordllama

    return wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


@cache
def _model() -> Any:
    return load_model()


def embed(texts: Sequence[str]) -> np.ndarray[Any, np.dtype[np.float32]]:
    """Unit-length sentence embeddings, one row per text."""
    vectors = np.asarray(_model().embed(list(texts), norm=True), dtype=np.float32)
    return vectors


@dataclass(frozen=True, slots=True)
class Check:
    id: str
    text: str
    url: str
    rating: str
    author: str | None


def matches(
    claims: Sequence[tuple[str, str, Facts]], checks: Sequence[Check]
) -> list[tuple[str, Check, float]]:
    """(claim id, fact-check, score) for every claim that matches a fact-check, best first per claim."""
    if not claims or not checks:
        return []
    minimum = scale().match_min_similarity
    scores = embed([text for _, text, _ in claims]) @ embed([c.text for c in checks]).T
    check_facts = [facts_of(c.text) for c in checks]
    found = []
    for row, (claim_id, _, facts) in enumerate(claims):
        for column in np.argsort(-scores[row]):
            score = float(scores[row, column])
            if score < minimum:
                break
            if agrees(check_facts[column], facts):
                found.append((claim_id, checks[column], round(score, 4)))
    return found


def stored_checks(db: Any) -> list[Check]:
    return [
        Check(r["id"], r["claim_reviewed"], r["url"], r["rating"], r["author"])
        for r in db.query("select id, claim_reviewed, url, rating, author from fact_checks order by id")
    ]


def match_run(db: Any, result: AuditResult) -> AuditResult:
    """Match a recorded audit's claims against the store's fact-checks; keep and return the matches."""
    checks = stored_checks(db)
    if not checks or result.record is None:
        return result
    keys = Keys(result)
    claims = [
        (
            c.claim_id,
            c.text,
            Facts(
                tuple((f.value, f.unit) for f in c.figures if f.value is not None),
                tuple(d.iso for d in c.dates if d.iso),
            ),
        )
        for c in result.claims
    ]
    by_claim: dict[str, list[FactCheckMatch]] = {}
    claim_of = {c.claim_id: c for c in result.claims}
    with db.atomic():
        for claim_id, check, score in matches(claims, checks):
            claim = claim_of[claim_id]
            db.table("claim_fact_checks").upsert(
                {
                    "version_id": version_id(keys.claims[claim_id], claim.source_id),
                    "fact_check_id": check.id,
                    "score": score,
                    "method": METHOD,
                    "run_id": result.record.run_id,
                },
                pk=("version_id", "fact_check_id"),
            )
            by_claim.setdefault(claim_id, []).append(
                FactCheckMatch(check.url, check.text, check.rating, check.author, score)
            )
    record = replace(result.record, fact_checks={k: tuple(v) for k, v in by_claim.items()})
    return replace(result, record=record)


def match_stored(db: Any, check_ids: Sequence[str]) -> int:
    """Match the claims already in the store against the fact-checks ``check_ids``; returns the matches kept."""
    wanted = set(check_ids)
    checks = [c for c in stored_checks(db) if c.id in wanted]
    if not checks:
        return 0
    claims = []
    import json

    for row in db.query("select version_id, text, figures, dates from claims"):
        figures = tuple(
            (f["value"], f["unit"]) for f in json.loads(row["figures"] or "[]") if f.get("value") is not None
        )
        dates = tuple(d["iso"] for d in json.loads(row["dates"] or "[]") if d.get("iso"))
        claims.append((row["version_id"], row["text"], Facts(figures, dates)))
    found = matches(claims, checks)
    with db.atomic():
        for version, check, score in found:
            db.table("claim_fact_checks").upsert(
                {
                    "version_id": version,
                    "fact_check_id": check.id,
                    "score": score,
                    "method": METHOD,
                    "run_id": None,
                },
                pk=("version_id", "fact_check_id"),
            )
    return len(found)
