"""The JSON Schemas of the contract, loaded from ``schemas/`` (in a wheel: ``audit/schemas/``)."""

from __future__ import annotations

import json
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource


def schema_dir() -> Path:
    package = Path(__file__).resolve().parents[1]
    packaged = package / "schemas"  # in a wheel
    if packaged.is_dir():
        return packaged
    return package.parent / "schemas"  # in a source checkout


@cache
def load_schema(name: str) -> dict[str, Any]:
    path = schema_dir() / f"{name}.schema.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


@lru_cache(maxsize=1)
def registry() -> Registry:
    resources = []
    for path in sorted(schema_dir().glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


def validator(name: str) -> Draft202012Validator:
    """A draft 2020-12 validator with the format checker on and cross-schema ``$ref`` resolved locally."""
    return Draft202012Validator(load_schema(name), registry=registry(), format_checker=FormatChecker())
