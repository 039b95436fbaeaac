"""ClaimReview (schema.org) out of the store and into it.

Export: every claim an editor rated (``audit review … --rating``) becomes one ClaimReview, its latest rating in
force: ``claimReviewed`` (the claim's text), ``reviewRating`` (the value, the scale's bounds and the rating's name
as ``alternateName``, from ``audit/data/claimreview.json``), ``author`` (the fact-checking organisation),
``datePublished`` (the day of the rating), ``url`` (where the fact-check is published, with the claim key as its
fragment) and ``itemReviewed``: a ``Claim`` whose ``appearance`` is the capture (its URL, or, for a capture
without one, its title and sha256 as ``identifier``), with the claim's ``author`` (the quoted speaker, else the
article's authors, else its site) and ``datePublished`` (the article's) when the capture says them: never a guess.
Every review is valid against ``schemas/claimreview.schema.json``, which holds the properties Google's fact-check
markup requires and recommends.

Import: ClaimReview JSON-LD as published (one object, a list, or objects anywhere inside, e.g. a page's ``@graph``)
is kept in ``fact_checks``; an object without ``claimReviewed``, ``url`` or a rating name is skipped and said.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from audit.store.errors import StoreError
from audit.store.keys import digest
from audit.store.ratings import rating_named, scale
from audit.store.write import now

CONTEXT = "https://schema.org"


def _claim_author(claim: dict[str, Any], source: dict[str, Any]) -> dict[str, str] | None:
    speaker = json.loads(claim.get("attribution") or "{}").get("speaker")
    if speaker:
        return {"@type": "Person", "name": speaker}
    authors = json.loads(source.get("authors") or "[]")
    if authors:
        return {"@type": "Person", "name": ", ".join(authors)}
    if source.get("site"):
        return {"@type": "Organization", "name": source["site"]}
    return None


def _appearance(source: dict[str, Any]) -> dict[str, str]:
    work = {"@type": "CreativeWork"}
    if source.get("title"):
        work["headline"] = source["title"]
    if source.get("url"):
        work["url"] = source["url"]
    else:
        work["identifier"] = f"sha256:{source['sha256']}"
    return work


def _review(
    claim: dict[str, Any], source: dict[str, Any], decision: dict[str, Any], org: str, url: str
) -> dict[str, Any]:
    rating = rating_named(decision["rating"])
    item: dict[str, Any] = {"@type": "Claim"}
    author = _claim_author(claim, source)
    if author:
        item["author"] = author
    if source.get("published"):
        item["datePublished"] = source["published"]
    item["appearance"] = [_appearance(source)]
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": f"{url.split('#')[0]}#{claim['claim_key']}",
        "claimReviewed": claim["text"],
        "datePublished": str(decision["decided_at"])[:10],
        "author": {"@type": "Organization", "name": org, "url": url.split("#")[0]},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating.value,
            "bestRating": scale().best_rating,
            "worstRating": scale().worst_rating,
            "alternateName": rating.name,
        },
        "itemReviewed": item,
    }


def export_reviews(db: Database, org: str, url: str) -> list[dict[str, Any]]:
    """One ClaimReview per rated claim, in the order the ratings were made."""
    decisions = list(
        db.query(
            "select * from decisions d where rating is not null and id = (select max(id) from decisions e "
            "where e.claim_key = d.claim_key and e.rating is not null) order by id"
        )
    )
    reviews = []
    for decision in decisions:
        claims = list(
            db.query(
                "select * from claims where claim_key = ? order by last_run desc, first_run desc limit 1",
                [decision["claim_key"]],
            )
        )
        if not claims:
            continue
        source = next(db.query("select * from sources where source_id = ?", [claims[0]["source_id"]]))
        reviews.append(_review(claims[0], source, decision, org, url))
    return reviews


def _found(data: Any) -> list[dict[str, Any]]:
    """Every ClaimReview object anywhere inside ``data``."""
    if isinstance(data, list):
        return [item for element in data for item in _found(element)]
    if not isinstance(data, dict):
        return []
    kind = data.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "ClaimReview" in kinds:
        return [data]
    return [item for value in data.values() for item in _found(value)]


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return str(value) if value else None


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _row(review: dict[str, Any], origin: Path) -> dict[str, Any] | None:
    """The ``fact_checks`` row of one ClaimReview, or None when it lacks its claim, url or rating name."""
    found = review.get("reviewRating")
    found = found[0] if isinstance(found, list) and found else found
    rating: dict[str, Any] = found if isinstance(found, dict) else {}
    name = rating.get("alternateName") or rating.get("name")
    text, url = review.get("claimReviewed"), review.get("url")
    if not (isinstance(text, str) and text.strip() and isinstance(url, str) and url and name):
        return None
    reviewed = review.get("itemReviewed")
    item: dict[str, Any] = reviewed if isinstance(reviewed, dict) else {}
    appearances = item.get("appearance") or item.get("firstAppearance") or []
    appearances = appearances if isinstance(appearances, list) else [appearances]
    author = review.get("author")
    return {
        "id": "fc-" + digest(url, text.strip()),
        "url": url,
        "claim_reviewed": text.strip(),
        "rating_value": _number(rating.get("ratingValue")),
        "best_rating": _number(rating.get("bestRating")),
        "worst_rating": _number(rating.get("worstRating")),
        "rating": str(name),
        "author": _name(author),
        "author_url": author.get("url") if isinstance(author, dict) else None,
        "date_published": review.get("datePublished"),
        "claim_author": _name(item.get("author")),
        "claim_date": item.get("datePublished"),
        "appearances": json.dumps(
            [a.get("url") if isinstance(a, dict) else a for a in appearances], ensure_ascii=False
        ),
        "origin": str(origin),
        "imported_at": now(),
        "data": json.dumps(review, ensure_ascii=False),
    }


@dataclass
class ImportedReviews:
    added: int = 0
    known: int = 0
    skipped: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    matched: int = 0  # claims already in the store that match the new fact-checks


def import_reviews(db: Database, path: Path) -> ImportedReviews:
    """Keep the ClaimReviews of a JSON-LD file in ``fact_checks`` (each once, by its url and claim)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError(f"{path}: cannot read it as JSON ({error})") from error
    found = _found(data)
    if not found:
        raise StoreError(f'{path}: no ClaimReview object in it (an object with "@type": "ClaimReview")')
    done = ImportedReviews()
    with db.atomic():
        for number, review in enumerate(found, 1):
            row = _row(review, path)
            if row is None:
                done.skipped.append(f"{path}: ClaimReview {number} lacks claimReviewed, url or a rating name")
                continue
            if db.table("fact_checks").count_where("id = ?", [row["id"]]):
                done.known += 1
                continue
            db.table("fact_checks").insert(row)
            done.added += 1
            done.ids.append(str(row["id"]))
    return done
