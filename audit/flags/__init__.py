"""Flag rules: each module is one rule family that *yields* flags as data, never raises.

A rule module defines:
- ``KIND``: the flag kind it raises (one of ``audit.model.FLAG_KINDS``);
- ``RULES``: ``{rule_id: description}`` for every stable dotted rule id it can raise (documented in
  ``docs/flags.md``, which a test keeps in step);
- ``check(corpus) -> Iterator[tuple[claim_id, Flag]]``.
The pipeline runs the modules in ``RULE_MODULES`` order and attaches each flag to its claim.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

from audit.corpus import Corpus
from audit.flags import unsupported, vague_attribution
from audit.model import Flag

RULE_MODULES: tuple[ModuleType, ...] = (vague_attribution, unsupported)


def all_rules() -> dict[str, tuple[str, str]]:
    """Every rule id with its kind and description."""
    return {rule: (module.KIND, text) for module in RULE_MODULES for rule, text in module.RULES.items()}


def run_rules(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    for module in RULE_MODULES:
        yield from module.check(corpus)
