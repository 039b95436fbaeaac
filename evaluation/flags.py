"""Flags on real news: precision and recall of the per-article flags against sentence-level labels.

Data: ``flags/`` under the eval root (47 real English news articles labelled sentence by sentence by careful readers;
its README and GUIDE say how). Each labelled page (``page``, a gzipped HTML file under the eval root) is audited as
``DOC.html.gz`` in a temporary folder, exactly as a user would audit a saved page (no sidecar: the audit finds the
publication date itself), with the pipeline's defaults.

Scoring follows the data's own README (re-implemented here, not copied):
- texts are compared after NFKC, lower case, straight quotes, dashes as "-" and single spaces; a flag matches a label
  of its kind when one text contains the other or their word sets overlap by at least 0.6 (Jaccard);
- precision of a kind = its flags on the labelled articles that match a clear or borderline label of that kind / its
  flags (a flag on a caption, teaser or sidebar sentence is wrong by definition);
- recall = clear labels matched by a flag of their kind / clear labels (of the articles audited).
Figures are given at every minimum severity (``low`` counts every flag), for ``dev`` (23 articles: read and tune on
them) and ``test`` (24 articles: report only, never tune on them).

Run: ``python -m evaluation.flags --split dev|test [--dump FILE]`` (``--dump`` writes every flag of the dev split with
its verdict, for reading; it refuses the test split).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluation.common import eval_root

KINDS = ("vague_attribution", "unsupported", "misdated")
SEVERITY = {"low": 0, "medium": 1, "high": 2}
FOLDER = "flags"


def normalised(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"[\u2013\u2014]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", text))


def matches(flagged: str, label: str) -> bool:
    """The data's matching rule: containment either way, or a word-set Jaccard of at least 0.6."""
    if not flagged or not label:
        return False
    if flagged in label or label in flagged:
        return True
    a, b = _words(flagged), _words(label)
    return bool(a and b) and len(a & b) / len(a | b) >= 0.6


@dataclass(frozen=True)
class Label:
    doc: str
    text: str
    kind: str
    strength: str


@dataclass(frozen=True)
class FlagRow:
    doc: str
    kind: str
    rule: str
    severity: str
    text: str
    message: str


def load(root: Path, split: str) -> tuple[dict[str, dict[str, Any]], list[Label]]:
    folder = root / FOLDER
    docs = {
        d["doc"]: d
        for d in map(json.loads, (folder / "docs.jsonl").read_text(encoding="utf-8").splitlines())
        if d.get("news") and d.get("split") == split
    }
    labels = [
        Label(item["doc"], normalised(item["quote"]), item["kind"], item["strength"])
        for item in map(json.loads, (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines())
        if item["doc"] in docs
    ]
    return docs, labels


def audit_pages(root: Path, docs: dict[str, dict[str, Any]], jobs: int = 0) -> tuple[list[FlagRow], set[str]]:
    """Every flag of the audited pages, with the document it belongs to; and the documents audited."""
    import audit

    with tempfile.TemporaryDirectory(prefix="audit-flags-") as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        for doc, info in sorted(docs.items()):
            with gzip.open(root / info["page"], "rb") as source, (pages / f"{doc}.html").open("wb") as target:
                shutil.copyfileobj(source, target)
        result = audit.run([str(pages)], jobs=jobs, no_reference=True)
    source_doc = {s.source_id: Path(s.path).name.split(".")[0] for s in result.sources if s.status == "ok"}
    rows = [
        FlagRow(
            source_doc[claim.source_id],
            flag.kind,
            flag.rule,
            flag.severity,
            normalised(claim.text),
            flag.message,
        )
        for claim in result.claims
        if claim.source_id in source_doc
        for flag in claim.flags
        if flag.kind in KINDS
    ]
    return rows, set(source_doc.values())


def score(
    rows: Sequence[FlagRow], labels: Sequence[Label], audited: set[str], split: str
) -> dict[str, float | int]:
    metrics: dict[str, float | int] = {}
    for minimum, level in SEVERITY.items():
        kept = [r for r in rows if SEVERITY[r.severity] >= level]
        suffix = "" if minimum == "low" else f".{minimum}"
        for kind in KINDS:
            flags = [r for r in kept if r.kind == kind]
            kind_labels = [label for label in labels if label.kind == kind]
            right = sum(
                any(label.doc == r.doc and matches(r.text, label.text) for label in kind_labels)
                for r in flags
            )
            clear = [label for label in kind_labels if label.strength == "clear" and label.doc in audited]
            found = sum(
                any(r.doc == label.doc and matches(r.text, label.text) for r in flags) for label in clear
            )
            key = f"flags.{split}.{kind}{suffix}"
            metrics[f"{key}.flags"] = len(flags)
            metrics[f"{key}.precision"] = round(right / len(flags), 4) if flags else 1.0
            metrics[f"{key}.recall"] = round(found / len(clear), 4) if clear else 1.0
            metrics[f"{key}.clear_labels"] = len(clear)
    metrics[f"flags.{split}.docs"] = len(audited)
    return metrics


def verdicts(rows: Sequence[FlagRow], labels: Sequence[Label]) -> list[dict[str, Any]]:
    """Each flag with whether it is right and the label it matches, then each clear label no flag found."""
    out = []
    for r in rows:
        hit = next(
            (lab for lab in labels if lab.kind == r.kind and lab.doc == r.doc and matches(r.text, lab.text)),
            None,
        )
        out.append({**r.__dict__, "right": hit is not None, "label": hit.strength if hit else None})
    for label in labels:
        found = any(r.kind == label.kind and r.doc == label.doc and matches(r.text, label.text) for r in rows)
        if label.strength == "clear" and not found:
            out.append({**label.__dict__, "missed": True})
    return out


def run(root: Path, split: str = "both", dump: Path | None = None, jobs: int = 0) -> dict[str, float | int]:
    """The metrics of one split, or of both (what ``nox -s eval`` reports)."""
    if split == "both":
        return {**run(root, "dev", None, jobs), **run(root, "test", None, jobs)}
    docs, labels = load(root, split)
    rows, audited = audit_pages(root, docs, jobs)
    if dump is not None:
        dump.write_text(
            "".join(json.dumps(v, ensure_ascii=False) + "\n" for v in verdicts(rows, labels)), "utf-8"
        )
    return score(rows, labels, audited, split)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="test")
    parser.add_argument("--dev", dest="split", action="store_const", const="dev")
    parser.add_argument(
        "--dump",
        type=Path,
        help="write every flag with its verdict, and every clear label no flag found, as JSON Lines (on the test "
        "split only once the work is done, to describe the errors left: never to tune on)",
    )
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args(argv)
    root = eval_root()
    if root is None or not (root / FOLDER).is_dir():
        print(json.dumps({"flags.skipped": "no eval data"}))
        return 0
    print(json.dumps(run(root, args.split, args.dump, args.jobs), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
