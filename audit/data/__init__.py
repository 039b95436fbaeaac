"""Rule data: the lexicons and thresholds in ``audit/data/*.json``, behind one cached loader.

Every rule module reads its data through ``load`` (the raw JSON, read once per process) or ``settings`` (a typed,
frozen settings object for one domain, built from the file's keys and checked against its fields). Nothing else
opens these files, so there is one spelling of their location and one place that caches them.
"""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from importlib import resources
from typing import Any, Literal, TypeVar

DataName = Literal[
    "attribution",
    "boilerplate_lines",
    "checkworthiness",
    "checkworthiness_model",
    "claimreview",
    "date_events",
    "dates",
    "edits",
    "figures",
    "furniture",
    "independence",
    "matching",
    "metadata_lexicon",
    "misdating",
    "signals",
    "slots",
    "stories",
    "story_words",
]

# Keys every file carries for its readers, not for the rules
_DOCUMENTATION_KEYS = frozenset({"version", "description"})

T = TypeVar("T")


class DataError(Exception):
    """A rule-data file does not match the settings object that reads it (a packaging or editing mistake)."""


@cache
def load(name: DataName) -> dict[str, Any]:
    """The raw JSON object of ``audit/data/NAME.json``, read once per process (do not mutate it)."""
    text = resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def settings(name: DataName, cls: type[T]) -> T:
    """A frozen dataclass ``cls`` filled from ``audit/data/NAME.json``: every field must be in the file.

    Keys of the file that the dataclass does not declare are allowed only for documentation
    (``version``, ``description``), so a renamed key fails loudly instead of being silently ignored.
    """
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a dataclass")
    raw = load(name)
    names = {field.name for field in dataclasses.fields(cls)}
    missing = sorted(names - raw.keys())
    unknown = sorted(raw.keys() - names - _DOCUMENTATION_KEYS)
    if missing or unknown:
        raise DataError(
            f"audit/data/{name}.json does not fit {cls.__name__}: missing {missing}, unknown {unknown}"
        )
    return cls(**{key: raw[key] for key in names})
