"""Docs that tests keep honest: the CLI reference, every flag rule and every schema field are documented."""

from __future__ import annotations

import json
from typing import Any

from audit.contract.schemas import schema_dir
from audit.flags.registry import all_rules
from audit.model import FLAG_KINDS
from tests.conftest import ROOT
from tools.cli_docs import render

DOCS = ROOT / "docs"


def test_cli_reference_is_current() -> None:
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == render(), (
        "docs/cli.md is stale: run `python -m tools.cli_docs > docs/cli.md`"
    )


def test_every_flag_kind_and_rule_is_documented() -> None:
    text = (DOCS / "flags.md").read_text(encoding="utf-8")
    for kind in FLAG_KINDS:
        assert f"`{kind}`" in text, kind
    for rule in all_rules():
        assert f"`{rule}`" in text, f"rule {rule} is not documented in docs/flags.md"


def _properties(node: Any) -> set[str]:
    names: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                names |= set(value)
            names |= _properties(value)
    elif isinstance(node, list):
        for item in node:
            names |= _properties(item)
    return names


def test_every_schema_field_is_documented() -> None:
    text = (DOCS / "schema.md").read_text(encoding="utf-8")
    for path in sorted(schema_dir().glob("*.schema.json")):
        doc = DOCS / "schema.md"
        if path.name.startswith(("events", "roles")):
            doc = DOCS / "reference.md"
        elif path.name.startswith(("decisions", "claimreview")):
            doc = DOCS / "store.md"
        body = doc.read_text(encoding="utf-8") if doc.exists() else text
        for name in sorted(_properties(json.loads(path.read_text(encoding="utf-8")))):
            assert f"`{name}`" in body, f"{path.name}: field `{name}` is not documented in {doc.name}"
