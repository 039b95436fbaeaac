"""The flag rules in the order they run, and the one loop that runs them.

Each rule is an ``audit.flags.rule.Rule`` object; the pipeline calls ``run_rules`` once per audit and attaches each
finding to its claim or source. ``all_rules`` lists every rule id with its kind and description (the reports and
``docs/flags.md`` read it); ``reads_table`` says which rule family reads which part of the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from audit.corpus.index import Corpus
from audit.flags.contested import Contested
from audit.flags.misdated.ledger import MisdatedLedger
from audit.flags.misdated.office import MisdatedOffice
from audit.flags.misdated.publication import MisdatedPublication
from audit.flags.misdated.relative import MisdatedRelative
from audit.flags.misdated.weekday import MisdatedWeekday
from audit.flags.rule import Rule
from audit.flags.silent_edit import SilentEdit
from audit.flags.single_source import SingleSource
from audit.flags.unsupported import Unsupported
from audit.flags.vague_attribution import VagueAttribution
from audit.model import Evidence, Flag, FlagKind, SourceWarning

RULES: tuple[Rule, ...] = (
    VagueAttribution(),
    Unsupported(),
    SingleSource(),
    Contested(),
    MisdatedPublication(),
    MisdatedWeekday(),
    MisdatedRelative(),
    MisdatedLedger(),
    MisdatedOffice(),
    SilentEdit(),
)


@dataclass
class Findings:
    flags: list[tuple[str, Flag]] = field(default_factory=list)
    support: list[tuple[str, Evidence]] = field(default_factory=list)
    notes: list[tuple[str, SourceWarning]] = field(default_factory=list)


def all_rules() -> dict[str, tuple[FlagKind, str]]:
    """Every rule id with its kind and description."""
    return {rule_id: (rule.kind, text) for rule in RULES for rule_id, text in rule.rules.items()}


def reads_table() -> dict[str, tuple[str, ...]]:
    """What each rule family reads, by family id."""
    return {rule.id: rule.reads for rule in RULES}


def run_rules(corpus: Corpus, rules: tuple[Rule, ...] = RULES) -> Findings:
    findings = Findings()
    for rule in rules:
        findings.flags.extend(rule.check(corpus))
        findings.support.extend(rule.support(corpus))
        findings.notes.extend(rule.source_notes(corpus))
    return findings
