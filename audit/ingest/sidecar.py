"""Metadata: combine what the cleaners found with what the capturer knows (the sidecar), keeping provenance.

A sidecar ``NAME.meta.json`` beside a capture (``NAME`` being the capture's file name with or without its
suffixes) may give ``url``, ``captured_at``, ``site``, ``title``, ``authors`` and ``published``
(see ``schemas/sidecar.schema.json``). Sidecar values win over extracted ones; both stay in the evidence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema

from audit.contract.schemas import validator
from audit.model import Candidate, FieldEvidence, SourceWarning

FIELDS = ("title", "authors", "published", "updated", "site", "url")


@dataclass(frozen=True, slots=True)
class Sidecar:
    path: str
    values: dict[str, Any]


def sidecar_candidates(capture_file: Path) -> list[Path]:
    name = capture_file.name
    stems = [name]
    while "." in stems[-1]:
        stems.append(stems[-1].rsplit(".", 1)[0])
    return [capture_file.with_name(stem + ".meta.json") for stem in reversed(stems[1:])] + [
        capture_file.with_name(name + ".meta.json")
    ]


def read_sidecar(capture_file: Path, display_path: str) -> tuple[Sidecar | None, SourceWarning | None]:
    """The sidecar of a capture, if any; a broken sidecar is a warning, never a crash."""
    for candidate in sidecar_candidates(capture_file):
        if not candidate.is_file():
            continue
        shown = str(Path(display_path).with_name(candidate.name).as_posix())
        try:
            values = json.loads(candidate.read_text(encoding="utf-8"))
            validator("sidecar").validate(values)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, jsonschema.ValidationError) as error:
            reason = error.message if isinstance(error, jsonschema.ValidationError) else str(error)
            return None, SourceWarning(
                "sidecar_invalid",
                f"{shown}: ignored ({reason}); fix it to match schemas/sidecar.schema.json",
            )
        return Sidecar(shown, values), None
    return None, None


def merge(fields: dict[str, FieldEvidence], sidecar: Sidecar | None) -> dict[str, FieldEvidence]:
    """Every metadata field, with sidecar values taking precedence over extracted ones."""
    merged = dict(fields)
    for name in FIELDS:
        merged.setdefault(name, FieldEvidence([] if name == "authors" else None, None, None, ()))
    if sidecar is None:
        return merged
    for name, value in sorted(sidecar.values.items()):
        if name not in FIELDS:
            continue
        if name == "authors":
            value = [str(author) for author in value]
        candidate = Candidate(value, "sidecar", f"{sidecar.path}: {name}", "high")
        previous = merged.get(name)
        others = previous.candidates if previous else ()
        merged[name] = FieldEvidence(value, "sidecar", candidate.location, (candidate, *others))
    if "captured_at" in sidecar.values:
        value = sidecar.values["captured_at"]
        merged["captured_at"] = FieldEvidence(
            value,
            "sidecar",
            f"{sidecar.path}: captured_at",
            (Candidate(value, "sidecar", sidecar.path, "high"),),
        )
    return merged
