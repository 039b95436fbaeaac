"""Metadata extraction on public benchmarks (``eval/metadata``): publication date, authors, title.

- htmldate's 1,000 pages (``metadata/htmldate``): exact-day accuracy of the ``published`` field (a page
  with no date counts as wrong), over all pages as upstream scores it, and over the pages whose gold is a date
  (``date_accuracy_on_dated``: five of upstream's gold dates are ``NaN``, which no answer can match).
- trafilatura's annotated pages (``metadata/trafilatura``): on pages with a gold author, exact match of
  our authors joined by "; " (as upstream joins lists), a same-people match (the gold string split
  on ";", "," and "and"/"und", names compared case- and whitespace-insensitively as sets: the gold
  writes one list as "A, B", "A und B" or "A; B" and keeps the page's capitals, "ALLY MUTNICK") and a
  lenient match (case-insensitive, some name shared), and how often we return any author there
  (``author_found_rate``: it tells a missed byline from a wrong or differently written one); on pages whose
  gold author is empty, the rate of pages where we still return an author (false authors); title exact match (whitespace-normalised) and lenient match (case-insensitive, one
  contains the other); on pages with a gold date, exact-day accuracy of ``published`` (as on
  htmldate's pages: no date counts as wrong).

Pages are split by ``is_dev(url)``: the development fifth is for tuning, the rest is reported.
Run: ``python -m evaluation.metadata [--split dev|heldout|both] [--set htmldate|trafilatura|both]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from trafilatura.utils import decode_file

from audit.extract.html.dom import parse_html
from audit.extract.html.metadata.fields import extract_metadata
from evaluation.common import eval_root, is_dev

_HTMLDATE_FOLDERS = ("test_set", "cache", "eval")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a gold date; a few of htmldate's are NaN (no date: never right)
_TRAFILATURA_FOLDERS = ("cache", "eval")
_COUNT_KEYS = (
    *(
        "with_author",
        "author_found",
        "author_exact",
        "author_same_people",
        "author_lenient",
        "no_author",
        "false_author",
    ),
    *("with_title", "title_exact", "title_lenient", "with_date", "date_exact"),
)


def _read(folder: Path, subfolders: tuple[str, ...], name: str) -> str | None:
    for sub in subfolders:
        path = folder / "html" / sub / f"{name}.gz"
        if path.is_file():
            return decode_file(gzip.decompress(path.read_bytes()))
    return None


def _fields(html: str, url: str) -> dict[str, Any]:
    parsed = parse_html(html)
    fields, _ = extract_metadata(parsed.tree, url=url if url.startswith("http") else None, html=html)
    return {name: evidence.value for name, evidence in fields.items()}


def _splits(url: str, split: str) -> Iterator[str]:
    name = "dev" if is_dev(url) else "heldout"
    if split in (name, "both"):
        yield name


def _ratio(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def run_htmldate(root: Path, split: str = "both") -> dict[str, float | int | str]:
    """Exact-day accuracy of ``published`` on htmldate's evaluation pages."""
    folder = root / "metadata" / "htmldate"
    gold: dict[str, dict[str, str]] = {}
    for name in ("eval_default.json", "eval_mediacloud_2020.json"):
        path = folder / name
        if path.is_file():
            gold.update(json.loads(path.read_text(encoding="utf-8")))
    counts: dict[str, list[int]] = {}
    for url in sorted(gold):
        html = _read(folder, _HTMLDATE_FOLDERS, gold[url]["file"])
        dated = _DAY.fullmatch(str(gold[url].get("date") or "")) is not None
        for name in _splits(url, split):
            total = counts.setdefault(name, [0, 0, 0, 0])
            total[0] += 1
            total[3] += dated
            if html is None:
                continue
            published = _fields(html, url)["published"]
            total[1] += published == gold[url]["date"]
            total[2] += published is not None
    metrics: dict[str, float | int | str] = {}
    for name, (pages, exact, found, dated_pages) in sorted(counts.items()):
        metrics[f"metadata.htmldate.{name}.pages"] = pages
        metrics[f"metadata.htmldate.{name}.date_accuracy"] = _ratio(exact, pages)
        metrics[f"metadata.htmldate.{name}.date_found_rate"] = _ratio(found, pages)
        metrics[f"metadata.htmldate.{name}.dated_pages"] = dated_pages
        metrics[f"metadata.htmldate.{name}.date_accuracy_on_dated"] = _ratio(exact, dated_pages)
    return metrics


def _gold_author(value: Any) -> str:
    return "; ".join(value) if isinstance(value, list) else str(value or "")


def _squash(text: str) -> str:
    return " ".join(text.split()).lower()


def _people(gold: str) -> set[str]:
    """The names of a gold author string, whatever separator it uses, squashed and lower-cased."""
    parts = re.split(r"\s*(?:;|,|\s(?:and|und|&)\s)\s*", gold)
    return {_squash(part) for part in parts if part.strip()}


def run_trafilatura(root: Path, split: str = "both") -> dict[str, float | int | str]:
    """Author, title and date match on trafilatura's annotated pages."""
    folder = root / "metadata" / "trafilatura"
    path = folder / "evaldata.json"
    if not path.is_file():
        return {}
    gold: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    keys = _COUNT_KEYS
    counts: dict[str, dict[str, int]] = {}
    for url in sorted(gold):
        entry = gold[url]
        if entry.get("author") is None and not entry.get("title") and not entry.get("date"):
            continue  # not annotated for metadata
        html = _read(folder, _TRAFILATURA_FOLDERS, entry["file"])
        if html is None:
            continue
        fields = _fields(html, url)
        ours = "; ".join(fields["authors"])
        for name in _splits(url, split):
            c = counts.setdefault(name, dict.fromkeys(keys, 0))
            if entry.get("author") is not None:
                expected = _gold_author(entry["author"])
                if expected:
                    c["with_author"] += 1
                    c["author_found"] += bool(fields["authors"])
                    c["author_exact"] += ours == expected
                    gold_names = {_squash(n) for n in re.split(r";\s*", expected)}
                    ours_names = {_squash(n) for n in fields["authors"]}
                    c["author_lenient"] += bool(gold_names & ours_names)
                    c["author_same_people"] += _people(expected) == ours_names
                else:
                    c["no_author"] += 1
                    c["false_author"] += bool(fields["authors"])
            if entry.get("title"):
                title = _squash(fields["title"] or "")
                expected_title = _squash(entry["title"])
                c["with_title"] += 1
                c["title_exact"] += title == expected_title
                c["title_lenient"] += bool(title) and (title in expected_title or expected_title in title)
            if entry.get("date"):
                c["with_date"] += 1
                c["date_exact"] += fields["published"] == entry["date"]
    metrics: dict[str, float | int | str] = {}
    for name, c in sorted(counts.items()):
        prefix = f"metadata.trafilatura.{name}"
        metrics[f"{prefix}.pages_with_author"] = c["with_author"]
        metrics[f"{prefix}.author_found_rate"] = _ratio(c["author_found"], c["with_author"])
        metrics[f"{prefix}.author_exact"] = _ratio(c["author_exact"], c["with_author"])
        metrics[f"{prefix}.author_same_people"] = _ratio(c["author_same_people"], c["with_author"])
        metrics[f"{prefix}.author_lenient"] = _ratio(c["author_lenient"], c["with_author"])
        metrics[f"{prefix}.pages_without_author"] = c["no_author"]
        metrics[f"{prefix}.false_author_rate"] = _ratio(c["false_author"], c["no_author"])
        metrics[f"{prefix}.pages_with_title"] = c["with_title"]
        metrics[f"{prefix}.title_exact"] = _ratio(c["title_exact"], c["with_title"])
        metrics[f"{prefix}.title_lenient"] = _ratio(c["title_lenient"], c["with_title"])
        metrics[f"{prefix}.pages_with_date"] = c["with_date"]
        metrics[f"{prefix}.date_accuracy"] = _ratio(c["date_exact"], c["with_date"])
    return metrics


def run(root: Path, split: str = "both", which: str = "both") -> dict[str, float | int | str]:
    """All metadata figures (``which``: htmldate, trafilatura or both)."""
    metrics: dict[str, float | int | str] = {}
    if which in ("htmldate", "both"):
        metrics.update(run_htmldate(root, split))
    if which in ("trafilatura", "both"):
        metrics.update(run_trafilatura(root, split))
    return metrics


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=["dev", "heldout", "both"], default="both")
    parser.add_argument("--set", dest="which", choices=["htmldate", "trafilatura", "both"], default="both")
    args = parser.parse_args(argv)
    root = eval_root()
    if root is None:
        print("{}")
        return 0
    json.dump(run(root, args.split, args.which), sys.stdout, indent=2, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
