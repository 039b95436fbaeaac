"""The rating scale editors rate claims on, for the ClaimReview export, and the fact-check match settings, from
``audit/data/claimreview.json``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from audit.data import settings
from audit.store.errors import StoreError


@dataclass(frozen=True, slots=True)
class Rating:
    value: int
    name: str


@dataclass(frozen=True, slots=True)
class RatingScale:
    worst_rating: int
    best_rating: int
    ratings: tuple[Rating, ...]
    match_min_similarity: float
    figure_tolerance: float


@dataclass(frozen=True)
class _ScaleFile:
    worst_rating: int
    best_rating: int
    ratings: list[dict[str, Any]]
    match_min_similarity: float
    figure_tolerance: float


@cache
def scale() -> RatingScale:
    """The rating scale and the fact-check match settings of ``audit/data/claimreview.json``."""
    raw = settings("claimreview", _ScaleFile)
    ratings = tuple(Rating(int(r["value"]), str(r["name"])) for r in raw.ratings)
    return RatingScale(
        raw.worst_rating, raw.best_rating, ratings, raw.match_min_similarity, raw.figure_tolerance
    )


def rating_named(name: str) -> Rating:
    """The rating called ``name`` (case-insensitive; its number works too). Raises ``StoreError`` otherwise."""
    wanted = name.strip().casefold().replace("-", " ").replace("_", " ")
    for rating in scale().ratings:
        if wanted in {rating.name.casefold(), str(rating.value)}:
            return rating
    names = ", ".join(f"{r.name!r}" for r in scale().ratings)
    raise StoreError(f"unknown rating {name!r}; choose one of {names} (audit/data/claimreview.json)")
