"""``misdated.office_term`` and ``misdated.former_title``: a title before a name that the ledger says was wrong.

The roles ledger (``roles.csv``) lists each person's terms in office and the forms the title takes before a name
("President;U.S. President;US President"). In a claim, a ledger person's name (full name or surname) preceded by
one of those forms is checked against the date the title must be true on:

- the date of the event the sentence describes, when the claim dates one (preferring a date whose event names the
  person): a title right on that day is not an error ("President Biden signed it on 3 March 2023");
- otherwise the publication date (when usable).

``office_term``: the plain title ("President Joe Biden" in March 2025) when the person held that office at some
time but not on that date. ``former_title``: "former"/"ex-" for someone holding the office throughout that date
and on the publication date ("former U.S. President Donald Trump" in March 2025). "then-President", "the late
President" and titles qualified by another word ("Russian President") are never checked; the longest title form
wins, so "Vice President JD Vance" is checked as vice president.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from audit.corpus.index import Corpus
from audit.flags.misdated.context import DEPENDS_ON_PUBLISHED, event_mentions, interval, lexicon, publication
from audit.flags.rule import Rule
from audit.ingest.ledger import Ledger, LedgerRole
from audit.model import Claim, DateMention, Evidence, Flag, FlagKind, Span

KIND: FlagKind = "misdated"
RULES = {
    "misdated.office_term": "A title is used before a name for a date when the person did not hold that office.",
    "misdated.former_title": "“Former” is used for someone who held that office on the date in question.",
}


@dataclass(frozen=True, slots=True)
class TitleUse:
    """One "Title Name" in a claim: who, which office, whether it is marked former, and where."""

    person: str
    title: str
    former: bool
    span: Span  # absolute span of the whole phrase, "former" included


@dataclass(frozen=True, slots=True)
class _Titles:
    """What the title search needs of a ledger, worked out once per audit, not once per claim."""

    people: tuple[tuple[str, str], ...]  # (person, surname), sorted by person
    aliases: tuple[tuple[str, str], ...]  # (alias, title), longest alias first


def _titles(ledger: Ledger) -> _Titles:
    """(alias, title) pairs longest alias first, so "Vice President" wins over "President"; the people."""
    pairs = {(alias, role.title) for role in ledger.roles for alias in role.aliases}
    people = sorted({role.person for role in ledger.roles})
    return _Titles(
        tuple((person, person.split()[-1]) for person in people),
        tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair))),
    )


@lru_cache(maxsize=4096)
def _name_pattern(person: str) -> re.Pattern[str]:
    forms = sorted({person, person.split()[-1]}, key=len, reverse=True)
    return re.compile(rf"(?<![\w.])(?:{'|'.join(re.escape(f) for f in forms)})(?![\w-])")


@lru_cache(maxsize=4096)
def _alias_before(alias: str) -> re.Pattern[str]:
    """The alias ending a text, spaces after it ("… Secretary of State " before the name)."""
    return re.compile(rf"(?<![\w.]){re.escape(alias)}\s+$", re.IGNORECASE)


def title_uses(claim: Claim, ledger: Ledger, titles: _Titles | None = None) -> list[TitleUse]:
    """Every "Title Name" of a ledger person in the claim (``titles``: :func:`_titles` of the ledger,
    passed by a caller that checks many claims)."""
    titles = titles or _titles(ledger)
    former_words = [w for w in lexicon().former_words if not w.endswith("-")]
    then_words = [w.rstrip("-") for w in lexicon().then_words]
    uses: list[TitleUse] = []
    text = claim.text
    for person, surname in titles.people:
        if surname not in text:
            continue  # every form of the name holds the surname: no use of this person here
        for name in _name_pattern(person).finditer(text):
            before = text[: name.start()]
            found = next(
                ((alias, title) for alias, title in titles.aliases if _alias_before(alias).search(before)),
                None,
            )
            if found is None:
                continue
            alias, title = found
            head = before.rstrip()[: -len(alias)]
            lead = re.search(r"([\w’'.-]+)[\s-]*$", head)
            word = lead.group(1) if lead else ""
            start = len(head)
            former = False
            if word.lower() in former_words or head.lower().endswith("ex-"):
                former = True
                start = lead.start(1) if lead else start
                if head.lower().endswith("ex-"):
                    start = len(head) - 3
            elif word.lower() in then_words or head.lower().endswith("then-"):
                continue
            elif word[:1].isupper() and not re.search(r"[’']s$", word) and head.strip() != word:
                continue  # "Russian President", "Ukrainian Defence Secretary": another office
            span = Span(claim.span.start + start, claim.span.start + name.end())
            uses.append(TitleUse(person, title, former, span))
    return sorted(uses, key=lambda u: (u.span.start, u.person))


def _reference_dates(claim: Claim, text: str, person: str, usable: bool) -> DateMention | None:
    """The mention dating the event the claim describes (one naming the person first), if any."""
    mentions = [
        m
        for m in event_mentions(claim, text)
        if m.precision is not None and (usable or m.resolution not in DEPENDS_ON_PUBLISHED)
    ]
    surname = person.split()[-1]
    naming = [m for m in mentions if m.event and any(surname in p for p in m.event.participants)]
    chosen = naming or mentions
    return chosen[0] if chosen else None


def _terms(terms: tuple[LedgerRole, ...]) -> str:
    return "; ".join(f"{t.start.isoformat()} to {t.end.isoformat() if t.end else 'now'}" for t in terms)


def _flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    ledger = corpus.reference
    if not isinstance(ledger, Ledger) or not ledger.roles:
        return
    titles = _titles(ledger)
    for claim in corpus.claims:
        source = corpus.source_by_id[claim.source_id]
        pub = publication(source)
        for use in title_uses(claim, ledger, titles):
            terms = ledger.terms(use.person, use.title)
            if not terms:
                continue
            mention = _reference_dates(claim, source.text, use.person, pub.usable)
            if mention is not None and (bounds := interval(mention)) is not None:
                first, last = bounds
                when = f"{mention.iso} (the date the claim gives)"
            elif pub.usable and pub.day is not None:
                first = last = pub.day
                when = f"{pub.day.isoformat()} (the publication date)"
            else:
                continue
            phrase = use.span.slice(source.text)
            if use.former:
                if not pub.usable or pub.day is None:
                    continue
                days = {first, last, pub.day}
                if not all(any(t.held_on(d) for t in terms) for d in days):
                    continue
                rule = "misdated.former_title"
                message = (
                    f"“{phrase}”: {use.person} held the office of {use.title} on {when}, so “former” is wrong "
                    f"(ledger term: {_terms(terms)})."
                )
            else:
                if any(t.start <= last and (t.end is None or first <= t.end) for t in terms):
                    continue
                rule = "misdated.office_term"
                message = (
                    f"“{phrase}”: {use.person} was not {use.title} on {when}; the ledger has the term "
                    f"{_terms(terms)}."
                )
            evidence = (
                Evidence.in_claim(claim, "the title and name", use.span, phrase),
                *(
                    Evidence(
                        type="reference",
                        note=f"ledger: {t.person}, {t.title}, {t.start.isoformat()} to "
                        f"{t.end.isoformat() if t.end else 'now'}",
                        text=t.source,
                        reference=t.evidence_row(),
                    )
                    for t in terms
                ),
            )
            yield (
                claim.claim_id,
                Flag(KIND, rule, "high", message, evidence),
            )  # the ledger's term contradicts it


class MisdatedOffice(Rule):
    id = "misdated.office"
    kind = KIND
    rules = RULES
    reads = ("claim.text", "claim.dates", "source.published", "source.text", "reference.roles")

    def check(self, corpus: Corpus) -> Iterator[tuple[str, Flag]]:
        return _flags(corpus)
