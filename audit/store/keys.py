"""Stable keys: what makes a claim, a flag and a flag's evidence "the same" from one audit to the next.

- a **page** is the capture's URL when known, else ``sha256:<hash of the capture>`` (``#N`` for the N-th article of
  a capture that holds several);
- a **claim key** (``ck-…``) hashes the page and the claim's comparable text (``audit.diff.align.comparable``:
  case, quotes, dashes and spacing do not matter), so the same claim on the same page has the same key in every
  capture of it; a **claim version** (``cv-…``) adds the source (the capture's bytes), so a new capture of a page
  makes new versions of its claims;
- a **flag key** (``fk-…``) hashes the claim key and the rule id (and its order among flags of the same rule on
  that claim), so an editor's decision on a flag finds it again in a later audit;
- an **evidence hash** hashes what the flag's evidence shows, in terms that do not depend on the capture's offsets
  or ids: the text of a passage, the claim key of another claim, the page of another source, a ledger row less its
  line number. A decision holds while the evidence hash is the one it was made on.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from audit.diff.align import comparable
from audit.model import AuditResult, Claim, Evidence, Flag, Source


def digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def page_of(source: Source) -> str:
    if source.url:
        return source.url
    return f"sha256:{source.sha256}" + (f"#{source.part}" if source.part else "")


def claim_key(page: str, text: str) -> str:
    return "ck-" + digest(page, comparable(text))


def version_id(key: str, source_id: str) -> str:
    return "cv-" + digest(key, source_id)


def flag_key(key: str, rule: str, ordinal: int = 0) -> str:
    return "fk-" + digest(key, rule + (f"#{ordinal}" if ordinal else ""))


@dataclass(frozen=True, slots=True)
class FlagIdentity:
    flag_key: str
    claim_key: str
    evidence_hash: str

    def version(self, claim_version: str) -> str:
        """The id of this flag version: the flag key on one claim version with this evidence."""
        return "fl-" + digest(self.flag_key, claim_version, self.evidence_hash)


class Keys:
    """The pages, claim keys and flag identities of one audit, worked out once."""

    def __init__(self, result: AuditResult) -> None:
        self.sources: dict[str, Source] = {s.source_id: s for s in result.sources}
        self.pages: dict[str, str] = {s.source_id: page_of(s) for s in result.sources}
        self.claims: dict[str, str] = {
            c.claim_id: claim_key(self.pages.get(c.source_id, c.source_id), c.text) for c in result.claims
        }

    def flags(self, claim: Claim) -> list[tuple[Flag, FlagIdentity]]:
        """Each flag of the claim with its identity, in the claim's order."""
        key = self.claims[claim.claim_id]
        seen: Counter[str] = Counter()
        out = []
        for flag in claim.flags:
            ordinal = seen[flag.rule]
            seen[flag.rule] += 1
            out.append((flag, FlagIdentity(flag_key(key, flag.rule, ordinal), key, self.evidence_hash(flag))))
        return out

    def evidence_hash(self, flag: Flag) -> str:
        return "eh-" + digest(*(self._evidence_part(e) for e in flag.evidence))

    def _evidence_part(self, evidence: Evidence) -> str:
        text = evidence.text
        source = self.sources.get(evidence.source_id or "")
        if text is None and evidence.span is not None and source is not None:
            text = evidence.span.slice(source.text)
        row: Mapping[str, str] = {k: v for k, v in (evidence.reference or {}).items() if k != "line"}
        part = {
            "type": evidence.type,
            "note": evidence.note,
            "text": comparable(text) if text else None,
            "claim": self.claims.get(evidence.claim_id or "") if evidence.type == "claim" else None,
            "page": self.pages.get(evidence.source_id or "")
            if evidence.type in {"claim", "source"}
            else None,
            "reference": dict(sorted(row.items())) or None,
        }
        return json.dumps(part, sort_keys=True, ensure_ascii=False)
