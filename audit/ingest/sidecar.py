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
from audit.ingest.safe_read import read_regular
from audit.model import Candidate, FieldEvidence, SourceWarning

FIELDS = ("title", "authors", "published", "updated", "site", "url")
SIDECAR_MAX_BYTES = 64 * 1024  # a sidecar holds a few short fields; a larger file is refused unread


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
    """The sidecar of a capture, if any; a broken sidecar is a warning, never a crash.

    Only a regular file of at most ``SIDECAR_MAX_BYTES`` is read; JSON nested too deep, or values longer than
    the schema allows, make it invalid like any other schema violation.
    """
    for candidate in sidecar_candidates(capture_file):
        read = read_regular(candidate, SIDECAR_MAX_BYTES)
        if read.missing:
            continue
        shown = str(Path(display_path).with_name(candidate.name).as_posix())
        reason = read.problem or (
            f"{read.size:,} bytes, over the {SIDECAR_MAX_BYTES:,}-byte cap for a sidecar"
            if read.over
            else None
        )
        values: Any = None
        if reason is None:
            try:
                values = json.loads(read.data.decode("utf-8"))
                validator("sidecar").validate(values)
            except (UnicodeDecodeError, json.JSONDecodeError, jsonschema.ValidationError) as error:
                reason = _reason(error)
            except RecursionError:
                reason = "JSON nested too deep"
        if reason is not None:
            return None, SourceWarning(
                "sidecar_invalid",
                f"{shown}: ignored ({reason}); fix it to match schemas/sidecar.schema.json",
            )
        return Sidecar(shown, values), None
    return None, None


def _reason(error: Exception) -> str:
    if not isinstance(error, jsonschema.ValidationError):
        return str(error)
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path)
    if error.validator == "maxLength":
        message = f"longer than {error.validator_value:,} characters"
    elif error.validator == "maxItems":
        message = f"more than {error.validator_value:,} items"
    else:
        message = error.message if len(error.message) <= 160 else error.message[:159] + "…"
    return f"${where}: {message}" if where else message


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
