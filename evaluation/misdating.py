"""Misdating rules measured on real news: TimeBank articles (TempEval-3 "TBAQ-cleaned") with their true dates.

Two figures, both with the rules that need no reference ledger (after publication, weekday, relative offset, tense)
and the pipeline's own claim extraction, each article's creation date (DCT) as a high-confidence publication date:

1. **false alarms**: every ``misdated`` flag raised on the unedited articles is a false alarm (target: none);
2. **caught edits**: in each article, the first day-precision calendar date ("March 5", "March 5, 1998") in a
   past-tense clause on or before the DCT is rewritten to a date 5-54 days after the DCT (same style: with the
   year when it had one); an edit is caught when a ``misdated`` flag lands on the claim that holds it (target:
   >= 90%). Articles without such a date are counted as ``no_candidate`` and left out.

``python -m evaluation.misdating`` prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from audit.claim_extraction.assemble import extract_claims
from audit.claim_extraction.dates.mentions import extract_dates
from audit.corpus.index import Corpus
from audit.flags.misdated.publication import MisdatedPublication
from audit.flags.misdated.relative import MisdatedRelative
from audit.flags.misdated.weekday import MisdatedWeekday
from audit.flags.rule import Rule
from audit.model import Candidate, DateMention, FieldEvidence, Flag, Source
from evaluation.common import eval_root
from evaluation.timebank import _document

NO_REFERENCE_RULES: tuple[Rule, ...] = (MisdatedPublication(), MisdatedWeekday(), MisdatedRelative())


def _source(doc_id: str, text: str, dct: dt.date) -> Source:
    published = dct.isoformat()
    candidate = Candidate(published, "timebank:dct", "DCT", "high")
    return Source(
        source_id=f"src-{doc_id}",
        path=doc_id,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        media_type="text/plain",
        status="ok",
        published=published,
        metadata_evidence={"published": FieldEvidence(published, "timebank:dct", "DCT", (candidate,))},
        text=text,
    )


def flags_for(doc_id: str, text: str, dct: dt.date) -> list[tuple[int, int, Flag]]:
    """(claim start, claim end, flag) for every no-reference misdating flag on one article."""
    source = _source(doc_id, text, dct)
    claims = extract_claims(source, text)
    corpus = Corpus((source,), tuple(claims))
    spans = {c.claim_id: (c.span.start, c.span.end) for c in claims}
    found = []
    for rule in NO_REFERENCE_RULES:
        for claim_id, flag in rule.check(corpus):
            found.append((*spans[claim_id], flag))
    return sorted(found, key=lambda item: (item[0], item[2].rule))


def _edit_target(text: str, dct: dt.date) -> DateMention | None:
    for mention in extract_dates(text, dct):
        if mention.precision != "day" or mention.iso is None or mention.tense != "past":
            continue
        if mention.resolution not in ("absolute", "year_from_published"):
            continue
        if dt.date.fromisoformat(mention.iso) <= dct:
            return mention
    return None


def edit(doc_id: str, text: str, dct: dt.date) -> tuple[str, int] | None:
    """The article with one past date moved after the DCT, and where the edit starts; None without a candidate."""
    target = _edit_target(text, dct)
    if target is None:
        return None
    shift = 5 + int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 50
    new = dct + dt.timedelta(days=shift)
    words = f"{new:%B} {new.day}" + (f", {new.year}" if target.resolution == "absolute" else "")
    return text[: target.span.start] + words + text[target.span.end :], target.span.start


def run(root: Path) -> dict[str, Any]:
    folder = root / "claims" / "timebank_te3" / "TimeBank"
    documents = sorted(folder.glob("*.tml"))
    false_alarms: list[dict[str, str]] = []
    edited = caught = no_candidate = 0
    for path in documents:
        doc_id = path.stem
        text, dct = _document(path)
        for _, _, flag in flags_for(doc_id, text, dct):
            false_alarms.append({"doc": doc_id, "rule": flag.rule, "message": flag.message})
        changed = edit(doc_id, text, dct)
        if changed is None:
            no_candidate += 1
            continue
        new_text, position = changed
        edited += 1
        hits = [f for start, end, f in flags_for(doc_id, new_text, dct) if start <= position < end]
        caught += bool(hits)
    return {
        "misdating.documents": len(documents),
        "misdating.false_alarms": len(false_alarms),
        "misdating.false_alarm_examples": false_alarms[:10],
        "misdating.edited": edited,
        "misdating.caught": caught,
        "misdating.caught_rate": round(caught / edited, 4) if edited else 0.0,
        "misdating.no_candidate": no_candidate,
    }


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None).parse_args(argv)
    root = eval_root()
    if root is None:
        print("eval skipped: no eval data (set AUDIT_EVAL_DIR)", file=sys.stderr)
        return 0
    print(json.dumps(run(root), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
