"""Date resolution measured on TimeBank (TempEval-3 "TBAQ-cleaned"): spans and normalised values.

For each ``TimeBank/*.tml`` document the article text is rebuilt (the tag-stripped ``<TEXT>``, to which the
offsets of ``timebank_timex3.jsonl`` point), ``extract_dates`` runs with ``published`` = the creation date
(DCT), and each mention is matched to the gold TIMEX3 it overlaps most.

Reported, for all documents, the development fifth and the held-out rest (``is_dev`` on the doc id):
- span precision / recall / F1 against gold TIMEX3 of type DATE. A mention that overlaps a TIME, DURATION
  or SET timex is neither a true nor a false positive (it is not a DATE, but it is a temporal expression);
- value accuracy on matched DATE and TIME timexes whose gold value is a calendar date ("1998-02-13",
  "1998-02", "1998"; a TIME is compared at day precision): our ``iso`` must equal the gold value exactly.
  Gold values the contract cannot express ("1998-W05", "1989-Q3", "PRESENT_REF", "1998-SU", the decade
  "199") are counted as ``underspecified`` and excluded from the accuracy.

Run: ``python -m evaluation.timebank [--split dev|heldout|both]`` (``--dev`` for the development fifth).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from audit.claim_extraction.dates.mentions import extract_dates
from evaluation.common import is_dev, only_split, prf, task_main

_SPECIFIED = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_TAG = re.compile(r"<[^>]+>")


def _document(path: Path) -> tuple[str, dt.date]:
    """The tag-stripped ``<TEXT>`` of a .tml file and its creation date."""
    raw = path.read_text(encoding="utf-8")
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    dct = re.search(r'<DCT>\s*<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})', raw)
    if dct is None:
        raise ValueError(f"{path}: no DCT")
    return _TAG.sub("", body), dt.date.fromisoformat(dct.group(1))


def _gold_value(row: dict[str, Any]) -> str | None:
    """The gold value comparable with an ``iso``, or None when it is underspecified."""
    value = str(row["value"])
    if row["type"] == "TIME":
        value = value.split("T")[0]
    return value if _SPECIFIED.match(value) else None


def _empty() -> dict[str, int]:
    keys = ("tp", "fp", "fn", "matched", "correct", "underspecified", "unresolved")
    return dict.fromkeys(keys, 0)


def _score_doc(text: str, dct: dt.date, gold: list[dict[str, Any]], counts: dict[str, int]) -> None:
    mentions = extract_dates(text, dct)
    used: set[int] = set()
    for mention in mentions:
        best, best_overlap = None, 0
        for index, row in enumerate(gold):
            overlap = min(mention.span.end, row["end"]) - max(mention.span.start, row["start"])
            if overlap > best_overlap and index not in used:
                best, best_overlap = index, overlap
        if best is None:
            counts["fp"] += 1
            continue
        row = gold[best]
        used.add(best)
        if row["type"] == "DATE":
            counts["tp"] += 1
        if row["type"] not in ("DATE", "TIME"):
            continue
        value = _gold_value(row)
        if value is None:
            counts["underspecified"] += 1
            continue
        counts["matched"] += 1
        counts["correct"] += int(mention.iso == value)
        counts["unresolved"] += int(mention.iso is None)
    counts["fn"] += sum(1 for i, row in enumerate(gold) if row["type"] == "DATE" and i not in used)


def run(root: Path) -> dict[str, float | int | str]:
    """Span P/R/F1 (DATE) and value accuracy, for all documents, the dev fifth and the held-out rest."""
    folder = root / "claims" / "timebank_te3"
    gold: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with (folder / "timebank_timex3.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            gold[row["doc"]].append(row)
    splits = {"all": _empty(), "dev": _empty(), "heldout": _empty()}
    documents = {"all": 0, "dev": 0, "heldout": 0}
    for path in sorted((folder / "TimeBank").glob("*.tml")):
        doc_id = path.name.removesuffix(".tml")
        text, dct = _document(path)
        split = "dev" if is_dev(doc_id) else "heldout"
        for name in ("all", split):
            _score_doc(text, dct, gold[doc_id], splits[name])
            documents[name] += 1
    metrics: dict[str, float | int | str] = {
        "timebank.note": "value accuracy excludes underspecified gold values (weeks, quarters, seasons, "
        "decades, *_REF); TIME compared at day precision; spans against DATE timexes",
    }
    for name, c in splits.items():
        precision, recall, f1 = prf(c["tp"], c["fp"], c["fn"])
        prefix = f"timebank.{name}."
        metrics[prefix + "documents"] = documents[name]
        metrics[prefix + "span_precision"] = round(precision, 4)
        metrics[prefix + "span_recall"] = round(recall, 4)
        metrics[prefix + "span_f1"] = round(f1, 4)
        metrics[prefix + "value_matched"] = c["matched"]
        metrics[prefix + "value_accuracy"] = round(c["correct"] / c["matched"], 4) if c["matched"] else 0.0
        metrics[prefix + "value_unresolved"] = c["unresolved"]
        metrics[prefix + "underspecified"] = c["underspecified"]
    return metrics


def main(argv: Sequence[str] | None = None) -> int:
    return task_main(
        __doc__,
        argv,
        "timebank",
        "claims/timebank_te3",
        lambda root, split: only_split(run(root), split),
        ("dev", "heldout", "both"),
    )


if __name__ == "__main__":
    raise SystemExit(main())
