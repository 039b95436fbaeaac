"""PolNeAR (political news attribution relations): content spans, speakers, unnamed sources.

Data: ``claims/polnear/polnear_test_citron_format.json`` under the eval root (84 articles; the two
articles annotated twice are scored once, with the first annotator in file order). Each article is split
into sentences as the pipeline does (pysbd per line) and passed whole to ``audit.claim_extraction.attribution.attribute.attribute_all`` (every attribution of every sentence).

Matching, precisely:
- Gold items: every annotated attribution with at least one Content span (its content may be several
  discontinuous spans). Predicted items: the distinct non-"none" attributions with a ``content_span``
  (a quote spanning three sentences is one prediction, not three).
- A prediction and a gold item *overlap* when the prediction's content span shares at least one
  character with any of the gold content spans. Pairs are matched one-to-one, greedily by the number of
  shared characters (largest first; ties by position), so one long prediction cannot match many gold items.
- Content precision = matched / predicted, recall = matched / gold, F1 their harmonic mean.
- Speaker accuracy, over matched pairs whose gold item has a Source span. PolNeAR marks a Source span for
  unnamed groups too ("federal law enforcement officials", "sources"), and for such a source the right
  answer of this toolkit is kind "vague" with speaker None: naming nobody is the point of the flag. So:
  - a *named* gold Source (it has a capitalised word other than its first, or its first word is not a
    common noun, or it is a pronoun) is correct when the predicted ``speaker_span`` overlaps it or the
    predicted speaker and the gold text share a capitalised word ("Donald Trump" resolved from "Trump");
  - an *unnamed* gold Source (lower-case common nouns only, e.g. "officials", "a person familiar with the
    talks") is correct when the prediction is vague (speaker None), or names a speaker as above.
  ``speaker_accuracy`` is over all such pairs; ``speaker_accuracy_strict`` is the old figure (a vague
  prediction is always wrong); ``speaker_accuracy_named`` is over the pairs where the prediction names a
  speaker (the meaningful figure for resolution); ``speaker_accuracy_gold_named`` over pairs whose gold
  Source is named; ``unnamed_source_recall`` is the share of matched gold items with an unnamed Source
  that the prediction marks vague.
- Implicit-source recall: of the gold items with no Source span, the share matched to a prediction with
  speaker None (kind "vague", or an unattributed quote). ``implicit_any_recall`` counts a match to any
  prediction. Caveat, from reading the 24 implicit items of the development fifth: only about 9 of them are
  vague sourcing in the sense of this toolkit (hearsay nouns such as allegations or speculation, "the
  argument goes", "is widely known", "has not been reported", "being dubbed", "perceived"); the other 15
  are agentless passives or states ("the decision was made", "are forbidden", "was reached", "designed",
  "seems"), which the toolkit deliberately does not treat as attribution. The achievable implicit recall
  is therefore near 0.4, not 1.

Split: documents with ``is_dev(filename)`` are the development fifth (tuning); the figure to report is on
the held-out rest (``run``). ``python -m evaluation.polnear [--dev]`` prints the metrics as JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from audit.claim_extraction.attribution.attribute import attribute_all
from audit.model import Attribution, Span
from evaluation.common import is_dev, prf, task_main

_CAP_WORD = re.compile(r"\b[A-Z][\w’'\-]+")


def sentence_spans(text: str) -> list[Span]:
    """Sentence spans as the pipeline makes them: pysbd over each non-empty line."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        for piece in segmenter.segment(line.group()):
            start = line.start() + piece.start
            chunk = text[start : line.start() + piece.end]
            stripped = chunk.strip()
            if stripped:
                begin = start + chunk.index(stripped)
                spans.append(Span(begin, begin + len(stripped)))
    return spans


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us"})


def unnamed_source(source_text: str) -> bool:
    """Is a gold Source an unnamed group or person ("officials", "a source familiar with …")?

    Unnamed: not a pronoun, and no capitalised word except a capitalised first word that is a plain
    common noun or determiner in lower case (sentence-initial "Officials", "Some analysts").
    """
    words = re.findall(r"[\w’'.\-]+", source_text)
    if not words or (len(words) == 1 and words[0].lower() in _PRONOUNS):
        return False
    if any(w[0].isupper() for w in words[1:]):
        return False
    return not words[0][0].isupper() or words[0].lower() in _COMMON_FIRST


_COMMON_FIRST = frozenset(
    {
        "a",
        "an",
        "the",
        "some",
        "many",
        "most",
        "several",
        "other",
        "others",
        "one",
        "two",
        "three",
        "officials",
        "sources",
        "experts",
        "analysts",
        "critics",
        "observers",
        "people",
        "aides",
        "advisers",
        "researchers",
        "studies",
        "reports",
        "polls",
        "surveys",
        "supporters",
        "opponents",
        "democrats",
        "republicans",
        "senior",
        "former",
        "top",
        "federal",
        "state",
        "local",
        "law",
        "administration",
        "campaign",
        "government",
        "members",
        "voters",
        "residents",
        "economists",
        "diplomats",
        "lawmakers",
        "insiders",
        "both",
        "few",
        "another",
        "those",
        "these",
        "all",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
    }
)


def _speaker_ok(pred: Attribution, sources: Sequence[dict[str, Any]], strict: bool = False) -> bool:
    if pred.speaker is None:
        return not strict and pred.kind == "vague" and all(unnamed_source(str(s["text"])) for s in sources)
    for source in sources:
        gold = Span(int(source["start"]), int(source["end"]))
        if pred.speaker_span is not None and _overlap(pred.speaker_span, gold) > 0:
            return True
        if set(_CAP_WORD.findall(pred.speaker)) & set(_CAP_WORD.findall(str(source["text"]))):
            return True
    return False


def _documents(root: Path, dev: bool) -> list[dict[str, Any]]:
    path = root / "claims" / "polnear" / "polnear_test_citron_format.json"
    docs: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    seen: set[str] = set()
    chosen = []
    for doc in docs:
        name = str(doc["filename"])
        if name in seen or is_dev(name) != dev:
            continue
        seen.add(name)
        chosen.append(doc)
    return chosen


def score(docs: Sequence[dict[str, Any]]) -> dict[str, float | int | str]:
    """The metrics of the module docstring over ``docs`` (Citron-format PolNeAR documents)."""
    n_pred = n_gold = matched = 0
    named_n = named_ok = strict_ok = gold_named_n = gold_named_ok = unnamed_n = unnamed_vague = 0
    speaker_n = speaker_ok = implicit_n = implicit_hit = implicit_any = 0
    for doc in docs:
        text = str(doc["text"])
        sentences = sentence_spans(text)
        preds: list[Attribution] = []
        for attribution in (a for found in attribute_all(text, sentences) for a in found):
            if (
                attribution.kind != "none"
                and attribution.content_span is not None
                and attribution not in preds
            ):
                preds.append(attribution)
        golds = [q for q in doc["quotes"] if q["contents"]]
        n_pred += len(preds)
        n_gold += len(golds)
        pairs: list[tuple[int, int, int, int]] = []
        for gi, gold in enumerate(golds):
            spans = [Span(int(c["start"]), int(c["end"])) for c in gold["contents"]]
            for pi, pred in enumerate(preds):
                assert pred.content_span is not None
                shared = sum(_overlap(pred.content_span, s) for s in spans)
                if shared > 0:
                    pairs.append((-shared, pred.content_span.start, pi, gi))
        used_p: set[int] = set()
        used_g: set[int] = set()
        match: dict[int, int] = {}
        for _, _, pi, gi in sorted(pairs):
            if pi not in used_p and gi not in used_g:
                used_p.add(pi)
                used_g.add(gi)
                match[gi] = pi
        matched += len(match)
        for gi, gold in enumerate(golds):
            found = preds[match[gi]] if gi in match else None
            if gold["sources"]:
                if found is not None:
                    ok = _speaker_ok(found, gold["sources"])
                    speaker_n += 1
                    speaker_ok += ok
                    strict_ok += _speaker_ok(found, gold["sources"], strict=True)
                    if found.speaker is not None:
                        named_n += 1
                        named_ok += ok
                    if all(unnamed_source(str(s["text"])) for s in gold["sources"]):
                        unnamed_n += 1
                        unnamed_vague += found.kind == "vague"
                    else:
                        gold_named_n += 1
                        gold_named_ok += ok
            else:
                implicit_n += 1
                implicit_any += found is not None
                implicit_hit += found is not None and found.speaker is None
    precision, recall, f1 = prf(matched, n_pred - matched, n_gold - matched)
    return {
        "polnear.docs": len(docs),
        "polnear.gold": n_gold,
        "polnear.predicted": n_pred,
        "polnear.content_precision": round(precision, 4),
        "polnear.content_recall": round(recall, 4),
        "polnear.content_f1": round(f1, 4),
        "polnear.speaker_n": speaker_n,
        "polnear.speaker_accuracy": round(speaker_ok / speaker_n, 4) if speaker_n else 0.0,
        "polnear.speaker_accuracy_strict": round(strict_ok / speaker_n, 4) if speaker_n else 0.0,
        "polnear.speaker_gold_named_n": gold_named_n,
        "polnear.speaker_accuracy_gold_named": round(gold_named_ok / gold_named_n, 4)
        if gold_named_n
        else 0.0,
        "polnear.unnamed_source_n": unnamed_n,
        "polnear.unnamed_source_recall": round(unnamed_vague / unnamed_n, 4) if unnamed_n else 0.0,
        "polnear.speaker_named_n": named_n,
        "polnear.speaker_accuracy_named": round(named_ok / named_n, 4) if named_n else 0.0,
        "polnear.implicit_n": implicit_n,
        "polnear.implicit_recall": round(implicit_hit / implicit_n, 4) if implicit_n else 0.0,
        "polnear.implicit_any_recall": round(implicit_any / implicit_n, 4) if implicit_n else 0.0,
    }


def run(root: Path, dev: bool = False) -> dict[str, float | int | str]:
    """Metrics on the held-out documents (``dev=True``: on the development fifth)."""
    result = score(_documents(root, dev))
    result["polnear.split"] = "dev" if dev else "heldout"
    return result


def main(argv: Sequence[str] | None = None) -> int:
    return task_main(
        __doc__, argv, "polnear", "claims/polnear", lambda root, split: run(root, dev=split == "dev")
    )


if __name__ == "__main__":
    raise SystemExit(main())
