"""Evaluate :func:`audit.extract.text.article.clean_text_capture` on real pages turned into text captures.

No public set holds pages *saved as text* with labels, so the labelled HTML pages are rendered the way a
browser's "select all, copy" or "save as text" does (one line per block, scripts and styles dropped,
menus, footers and captions kept) and the capture cleaner is scored against the human labels:

* ``extraction/`` (Zyte benchmark): the benchmark's own shingle precision / recall / F1 of the cleaned
  text against the annotated article body, next to the same score for the uncleaned rendering (the floor);
* ``metadata/``: publication date (exact ISO day), title (exact after whitespace and case folding) and
  author (exact match of the joined names; false-author rate where the page has no annotated author); the
  title once more with the page's URL given to the cleaner, as a sidecar gives it (``exact_with_url``, on the
  pages whose record holds a web address).

Pages are decoded as a browser shows them (their declared or detected encoding), then rendered.

Only the development fifth (``is_dev``) is used for tuning; ``run`` reports the held-out rest.
Run: ``python -m evaluation.text_capture [--dev]``.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import lxml.html
from lxml import etree
from trafilatura.utils import decode_file

from audit.extract.text.article import TextArticle, clean_text_capture
from evaluation.common import is_dev, task_main

_DROP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "th",
    "thead", "tfoot", "tr", "ul", "option", "select", "button", "label", "caption", "menu",
}  # fmt: skip
_TOKEN = re.compile(r"\w+")


def render_text(html: str) -> str:
    """The page as a reader's "save as text" gives it: one line per block, inline text joined."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.lower() in _DROP:
            if element.tail:
                current.append(element.tail)
            return
        block = tag.lower() in _BLOCK
        if block:
            flush()
        if element.text and tag:
            current.append(element.text)
        for child in element:
            walk(child)
        if block:
            flush()
        if element.tail:
            current.append(element.tail)

    walk(root)
    flush()
    return "\n\n".join(lines)


def _read_page(path: Path) -> str:
    """A stored page decoded as a browser shows it (its declared or detected encoding, as the HTML metadata
    evaluation reads it), so that the rendered capture holds the page's letters, not replacement marks."""
    return decode_file(gzip.decompress(path.read_bytes()))


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def _page_pr(pred: str, gold: str) -> tuple[float | None, float | None]:
    """Per-page precision and recall of the Zyte benchmark (None where undefined)."""
    p, g = _shingles(pred), _shingles(gold)
    tp, fp, fn = sum((p & g).values()), sum((p - g).values()), sum((g - p).values())
    precision = None if tp + fp == 0 else (1.0 if fp == fn == 0 else tp / (tp + fp))
    recall = None if tp + fn == 0 else (1.0 if fp == fn == 0 else tp / (tp + fn))
    return precision, recall


def _main_article(articles: list[TextArticle]) -> TextArticle:
    """The longest article of a capture (a false split therefore costs recall)."""
    return max(articles, key=lambda a: len(a.text))


def _f1(precisions: list[float], recalls: list[float]) -> tuple[float, float, float]:
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _extraction(root: Path, dev: bool) -> dict[str, float | int | str]:
    folder = root / "extraction"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    scores: dict[str, tuple[list[float], list[float]]] = {"clean": ([], []), "raw": ([], [])}
    times: list[float] = []
    for doc_id in sorted(gold):
        if is_dev(doc_id) != dev:
            continue
        html = _read_page(folder / "html" / f"{doc_id}.html.gz")
        capture = render_text(html)
        start = time.perf_counter()
        cleaned = _main_article(clean_text_capture(capture)).text
        times.append((time.perf_counter() - start) * 1000)
        for name, text in (("clean", cleaned), ("raw", capture)):
            precision, recall = _page_pr(text, gold[doc_id]["articleBody"])
            if precision is not None:
                scores[name][0].append(precision)
            if recall is not None:
                scores[name][1].append(recall)
    p, r, f = _f1(*scores["clean"])
    _, _, raw_f = _f1(*scores["raw"])
    return {
        "textcapture.extraction.pages": len(times),
        "textcapture.extraction.precision": round(p, 4),
        "textcapture.extraction.recall": round(r, 4),
        "textcapture.extraction.f1": round(f, 4),
        "textcapture.extraction.uncleaned_f1": round(raw_f, 4),
        "textcapture.extraction.ms_per_page_median": round(statistics.median(times), 2) if times else 0.0,
    }


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def _metadata(root: Path, dev: bool) -> dict[str, float | int | str]:
    folder = root / "metadata"
    counts: Counter[str] = Counter()
    with (folder / "metadata_ground_truth.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    for record in records:
        if is_dev(record["url"]) != dev:
            continue
        path = record.get("html_htmldate") or record.get("html_trafilatura")
        if not path or not (folder / path).is_file():
            continue
        capture = render_text(_read_page(folder / path))
        article = _main_article(clean_text_capture(capture))
        fields = article.fields
        gold_date = record.get("date_htmldate") or record.get("date_trafilatura")
        if isinstance(gold_date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold_date):
            counts["date.pages"] += 1
            published = fields["published"].value
            counts["date.predicted"] += published is not None
            counts["date.correct"] += published == gold_date
        if isinstance(record.get("title_trafilatura"), str) and record["title_trafilatura"]:
            counts["title.pages"] += 1
            title = fields["title"].value
            counts["title.predicted"] += title is not None
            counts["title.correct"] += title is not None and _fold(title) == _fold(
                record["title_trafilatura"]
            )
            if record["url"].startswith("http"):  # as when a sidecar gives the page's address
                counts["title.with_url_pages"] += 1
                hinted = _main_article(clean_text_capture(capture, url=record["url"])).fields["title"].value
                counts["title.with_url_correct"] += hinted is not None and _fold(hinted) == _fold(
                    record["title_trafilatura"]
                )
        if "author_trafilatura" in record and record.get("html_trafilatura"):
            gold_author = (
                record["author_trafilatura"] if isinstance(record["author_trafilatura"], str) else ""
            )
            authors = fields["authors"].value
            if gold_author:
                counts["author.pages"] += 1
                counts["author.correct"] += _fold("; ".join(authors)) == _fold(gold_author)
                counts["author.lenient"] += bool(authors) and all(
                    _fold(a) in _fold(gold_author) for a in authors
                )
            else:
                counts["author.empty_pages"] += 1
                counts["author.false"] += bool(authors)

    def ratio(num: str, den: str) -> float:
        return round(counts[num] / counts[den], 4) if counts[den] else 0.0

    return {
        "textcapture.date.pages": counts["date.pages"],
        "textcapture.date.accuracy": ratio("date.correct", "date.pages"),
        "textcapture.date.precision": ratio("date.correct", "date.predicted"),
        "textcapture.date.coverage": ratio("date.predicted", "date.pages"),
        "textcapture.title.pages": counts["title.pages"],
        "textcapture.title.exact": ratio("title.correct", "title.pages"),
        "textcapture.title.precision": ratio("title.correct", "title.predicted"),
        "textcapture.title.with_url_pages": counts["title.with_url_pages"],
        "textcapture.title.exact_with_url": ratio("title.with_url_correct", "title.with_url_pages"),
        "textcapture.author.pages": counts["author.pages"],
        "textcapture.author.exact": ratio("author.correct", "author.pages"),
        "textcapture.author.lenient": ratio("author.lenient", "author.pages"),
        "textcapture.author.false_author_rate": ratio("author.false", "author.empty_pages"),
    }


def run(root: Path, dev: bool = False) -> dict[str, float | int | str]:
    """Held-out figures (or, with ``dev``, the development fifth used for tuning)."""
    metrics: dict[str, float | int | str] = {"textcapture.split": "dev" if dev else "heldout"}
    metrics.update(_extraction(root, dev))
    metrics.update(_metadata(root, dev))
    return metrics


def main(argv: Sequence[str] | None = None) -> int:
    return task_main(
        __doc__, argv, "textcapture", "extraction", lambda root, split: run(root, dev=split == "dev")
    )


if __name__ == "__main__":
    raise SystemExit(main())
