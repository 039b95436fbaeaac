"""The package's layout keeps its promises (docs/architecture.md): stages as packages, small modules of one
concept, no module aliases, tests that use only public names, and flag rules that declare what they read."""

from __future__ import annotations

import ast
import dataclasses
import typing
from pathlib import Path

import pytest

from audit import model
from audit.flags.registry import RULES, reads_table
from audit.flags.rule import Rule
from audit.ingest.ledger import Ledger
from tests.conftest import ROOT

PACKAGE = ROOT / "audit"
FLAT_MODULES_ALLOWED = {"__init__.py", "__main__.py", "api.py", "cli.py", "model.py"}
MAX_LINES = 400


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if ".nox" not in p.parts)


def test_no_flat_module_beyond_the_entry_points() -> None:
    flat = {p.name for p in PACKAGE.glob("*.py")}
    assert flat <= FLAT_MODULES_ALLOWED, sorted(flat - FLAT_MODULES_ALLOWED)


@pytest.mark.parametrize("path", _modules(PACKAGE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_is_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines: split it by concept"


def _imports(path: Path) -> list[ast.ImportFrom | ast.Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n for n in ast.walk(tree) if isinstance(n, (ast.ImportFrom, ast.Import))]


@pytest.mark.parametrize(
    "path", _modules(PACKAGE) + _modules(ROOT / "tests"), ids=lambda p: str(p.relative_to(ROOT))
)
def test_no_aliased_audit_modules(path: Path) -> None:
    """``from audit.extract.text import furniture as fu`` hides what a name is; import the names themselves."""
    for node in _imports(path):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("audit"):
            aliased = [a.name for a in node.names if a.asname and a.asname != a.name]
            modules = [
                name
                for name in aliased
                if (PACKAGE / Path(*(node.module or "").split(".")[1:]) / f"{name}.py").exists()
            ]
            assert not modules, f"{path.relative_to(ROOT)}: module(s) imported under an alias: {modules}"


@pytest.mark.parametrize("path", _modules(ROOT / "tests"), ids=lambda p: str(p.relative_to(ROOT)))
def test_tests_use_public_names_only(path: Path) -> None:
    for node in _imports(path):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("audit"):
            private = [a.name for a in node.names if a.name.startswith("_")]
            assert not private, f"{path.relative_to(ROOT)} imports private names {private} from {node.module}"


def test_tests_mirror_the_packages() -> None:
    """Every test folder names a package of audit/ (or the evaluation tools), so tests are found by stage."""
    for folder in sorted(p for p in (ROOT / "tests").rglob("*") if p.is_dir() and any(p.glob("test_*.py"))):
        relative = folder.relative_to(ROOT / "tests")
        if relative in (Path("."), Path("reliability")):  # the reliability matrix crosses every stage
            continue
        assert (PACKAGE / relative).is_dir() or (ROOT / relative).is_dir(), (
            f"tests/{relative} mirrors no package"
        )


def _field_names(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def test_every_rule_keeps_the_contract() -> None:
    roots = {
        "claim": _field_names(model.Claim),
        "source": _field_names(model.Source),
        "reference": _field_names(Ledger),
    }
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert isinstance(rule, Rule)
        assert rule.kind in typing.get_args(model.FlagKind)
        assert rule.rules and all(rule_id.startswith(rule.kind) for rule_id in rule.rules)
        assert rule.reads, rule.id
        for path in rule.reads:
            head, _, attribute = path.partition(".")
            assert attribute in roots.get(head, set()), f"{rule.id} reads {path}, which is not a field"
    assert set(reads_table()) == set(ids)
