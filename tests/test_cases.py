"""Folders of example captures under tests/cases/, each with the flags it must and must not produce.

``expected.json`` holds ``{"must": [...], "must_not": [...]}``; each entry matches a flag by ``rule`` (or ``kind``)
and optionally ``claim_contains`` (a substring of the flagged claim), ``message_contains`` and ``message_excludes``
(substrings the flag's message must hold or must not). ``"support"`` entries name a claim
(``claim_contains``) that another source's claim must corroborate (``evidence_contains``: a substring of that
claim), ``"no_support"`` entries a claim nothing may corroborate. A case folder may hold ``reference/`` (the
ledger for ``--reference``). Sources may also be checked: ``"sources": {"file.txt": {"published": ..., ...}}``; in a
capture holding several articles, ``"file.txt#2"`` is its second article, and ``"articles": {"file.txt": 2}`` checks how
many articles a capture holds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from audit.model import AuditResult, Claim, Flag
from audit.pipeline.config import RunConfig
from audit.pipeline.run import run_audit
from tests.conftest import ROOT
from tests.flags.proofread import message_problems

CASES = sorted(p.parent for p in (ROOT / "tests" / "cases").glob("*/expected.json"))


def _matches(entry: dict[str, Any], claim: Claim, flag: Flag) -> bool:
    if "rule" in entry and flag.rule != entry["rule"]:
        return False
    if "kind" in entry and flag.kind != entry["kind"]:
        return False
    if "message_contains" in entry and entry["message_contains"] not in flag.message:
        return False
    if "message_excludes" in entry and entry["message_excludes"] in flag.message:
        return False
    return "claim_contains" not in entry or entry["claim_contains"] in claim.text


def _describe(result: AuditResult) -> str:
    return "\n".join(f"  {f.rule}: {c.text}" for c, f in result.flags()) or "  (no flags)"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    reference = case / "reference"
    result = run_audit(
        RunConfig((str(case / "captures"),), jobs=1, reference=str(reference) if reference.is_dir() else None)
    )
    flags = result.flags()
    assert not message_problems(result), message_problems(result)
    for entry in expected.get("must", []):
        assert any(_matches(entry, c, f) for c, f in flags), (
            f"missing {entry} in {case.name}; got:\n{_describe(result)}"
        )
    for entry in expected.get("must_not", []):
        hits = [c.text for c, f in flags if _matches(entry, c, f)]
        assert not hits, f"unexpected {entry} in {case.name}: {hits}"
    for entry in expected.get("support", []):
        assert any(
            entry["claim_contains"] in c.text
            and any(entry["evidence_contains"] in (e.text or "") for e in c.support)
            for c in result.claims
        ), f"missing support {entry} in {case.name}"
    for entry in expected.get("no_support", []):
        claims = [c for c in result.claims if entry["claim_contains"] in c.text]
        assert claims and not any(e.type == "claim" for c in claims for e in c.support), (
            f"unexpected support {entry} in {case.name}"
        )
    for name, count in expected.get("articles", {}).items():
        assert sum(Path(s.path).name == name for s in result.sources) == count, (name, "articles")
    for key, fields in expected.get("sources", {}).items():
        name, _, number = key.partition("#")
        parts = sorted((s for s in result.sources if Path(s.path).name == name), key=lambda s: s.part)
        source = parts[int(number) - 1] if number else parts[0]
        for field, value in fields.items():
            actual = list(getattr(source, field)) if field == "authors" else getattr(source, field)
            assert actual == value, (key, field, actual)
