"""Each schema is valid draft 2020-12; each example folder's valid files pass and invalid files fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from audit.contract.schemas import schema_dir, validator
from tests.conftest import ROOT

EXAMPLES = ROOT / "tests" / "schema_examples"
SCHEMAS = sorted(p.name.removesuffix(".schema.json") for p in schema_dir().glob("*.schema.json"))
CASES = sorted(EXAMPLES.glob("*/*/*.json"))


@pytest.mark.parametrize("name", SCHEMAS)
def test_schema_is_valid_against_the_metaschema(name: str) -> None:
    Draft202012Validator.check_schema(json.loads((schema_dir() / f"{name}.schema.json").read_text()))


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_schema_has_valid_and_invalid_examples(name: str) -> None:
    assert list((EXAMPLES / name / "valid").glob("*.json")), f"no valid example for {name}"
    assert list((EXAMPLES / name / "invalid").glob("*.json")), f"no invalid example for {name}"


@pytest.mark.parametrize("path", CASES, ids=lambda p: "/".join(p.parts[-3:]))
def test_examples_behave(path: Path) -> None:
    schema, kind = path.parts[-3], path.parts[-2]
    errors = list(validator(schema).iter_errors(json.loads(path.read_text(encoding="utf-8"))))
    if kind == "valid":
        assert errors == []
    else:
        assert errors, f"{path} should be invalid"
