"""Flag rules: each module is one rule family that *yields* findings as data, never raises.

A rule module defines:
- ``KIND``: the flag kind it raises (one of ``audit.model.FLAG_KINDS``);
- ``RULES``: ``{rule_id: description}`` for every stable dotted rule id it can raise (documented in
  ``docs/flags.md``, which a test keeps in step);
- ``check(corpus) -> Iterator[tuple[claim_id, Flag]]``;
- optionally ``support(corpus) -> Iterator[tuple[claim_id, Evidence]]``: what corroborates or confirms a claim
  (shown in the reports; never a flag);
- optionally ``source_notes(corpus) -> Iterator[tuple[source_id, SourceWarning]]``: notes on a whole source (e.g.
  "publication date unknown: date checks skipped").
The pipeline runs the modules in ``RULE_MODULES`` order and attaches each finding to its claim or source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import ModuleType

from audit.corpus.index import Corpus
from audit.flags import contested, single_source, unsupported, vague_attribution
from audit.flags.misdated import ledger as misdated_ledger
from audit.flags.misdated import office as misdated_office
from audit.flags.misdated import publication as misdated_publication
from audit.flags.misdated import relative as misdated_relative
from audit.flags.misdated import weekday as misdated_weekday
from audit.model import Evidence, Flag, SourceWarning

RULE_MODULES: tuple[ModuleType, ...] = (
    vague_attribution,
    unsupported,
    single_source,
    contested,
    misdated_publication,
    misdated_weekday,
    misdated_relative,
    misdated_ledger,
    misdated_office,
)


@dataclass
class Findings:
    flags: list[tuple[str, Flag]] = field(default_factory=list)
    support: list[tuple[str, Evidence]] = field(default_factory=list)
    notes: list[tuple[str, SourceWarning]] = field(default_factory=list)


def all_rules() -> dict[str, tuple[str, str]]:
    """Every rule id with its kind and description."""
    return {rule: (module.KIND, text) for module in RULE_MODULES for rule, text in module.RULES.items()}


def run_rules(corpus: Corpus) -> Findings:
    findings = Findings()
    for module in RULE_MODULES:
        findings.flags.extend(module.check(corpus))
        if hasattr(module, "support"):
            findings.support.extend(module.support(corpus))
        if hasattr(module, "source_notes"):
            findings.notes.extend(module.source_notes(corpus))
    return findings
