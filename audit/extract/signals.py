"""Credibility signals per source, read from the capture itself: what a reader can verify by eye.

The signals follow the W3C Credible Web and NewsGuard criteria as *proxies*, never as a verdict on the outlet:
byline, author bio, publication and updated dates and how they were found, site name, about/contact/corrections/
ethics links, opinion labels, advertising labels, how claims and figures are attributed, links to primary documents,
clickbait headlines, headline numbers the body supports, copy relations and cleaning warnings. There is
deliberately no single score: each signal says what was found and where, and the editor weighs them.

Every signal has the same shape, ``{"value": ..., "detail": str, "items": [str, ...]}``: ``value`` is a boolean,
number or string (``None`` when the capture cannot tell), ``detail`` one sentence saying how it was found, and
``items`` the sorted things an editor can look up (link texts, line numbers, speakers). Lexicons live in
``audit/data/signals.json``. Signals that need the raw capture (links, labels outside the article text) read its
view (:mod:`audit.extract.capture_view`): the per-capture stages keep only the cleaned text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from audit.data import settings
from audit.extract.capture_view import CaptureView
from audit.model import Claim, Source

SIGNAL_NAMES: tuple[str, ...] = (
    "byline",
    "author_bio",
    "publication_date",
    "updated_date",
    "site_named",
    "about_link",
    "contact_link",
    "corrections_link",
    "ethics_link",
    "opinion_label",
    "ad_labels",
    "attributed_claims",
    "named_sources",
    "unnamed_sources",
    "figures_cited",
    "primary_links",
    "clickbait_headline",
    "headline_numbers",
    "derived_from",
    "cleaning_warnings",
)


@dataclass(frozen=True, slots=True)
class SignalsLexicon:
    """The word lists of the credibility signals (``audit/data/signals.json``)."""

    max_label_line_chars: int
    policy_links: dict[str, dict[str, list[str]]]
    opinion_labels: list[str]
    opinion_self_descriptions: list[str]
    ad_labels: list[str]
    primary_document: dict[str, list[str]]
    clickbait: dict[str, Any]
    derived_codes: list[str]
    named_attribution_kinds: list[str]


@cache
def lexicon() -> SignalsLexicon:
    return settings("signals", SignalsLexicon)


def _url_path(href: str) -> str:
    """The lower-cased path of a link; "" for an href that is not a parsable URL (hostile pages have many)."""
    try:
        return urlsplit(href).path.lower().rstrip("/")
    except ValueError:
        return ""


def _signal(value: Any, detail: str, items: Iterable[str] = ()) -> dict[str, Any]:
    return {"value": value, "detail": detail, "items": sorted(set(items), key=_natural)}


def _natural(text: str) -> list[tuple[int, int | str]]:
    """Sort key that puts "line 2" before "line 10"."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text) if part]


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).strip(" :|-–—·•")


def _line_no(location: str | None) -> int | None:
    match = re.search(r"line (\d+)", location or "")
    return int(match.group(1)) if match else None


def _found(source: Source, name: str) -> str:
    evidence = source.metadata_evidence.get(name)
    if evidence is None or evidence.method is None:
        return "not found in the capture"
    return f"found by {evidence.method}" + (f" at {evidence.location}" if evidence.location else "")


def _metadata_signals(source: Source) -> dict[str, dict[str, Any]]:
    bio = source.metadata_evidence.get("author_bio")
    has_bio = bio is not None and bio.value not in (None, "", [])
    return {
        "byline": _signal(bool(source.authors), f"Author {_found(source, 'authors')}.", source.authors),
        "author_bio": _signal(has_bio, f"Author bio {_found(source, 'author_bio')}."),
        "publication_date": _signal(source.published, f"Publication date {_found(source, 'published')}."),
        "updated_date": _signal(source.updated, f"Updated date {_found(source, 'updated')}."),
        "site_named": _signal(source.site, f"Site name {_found(source, 'site')}."),
    }


def _link_signals(view: CaptureView) -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, list[str]]] = lexicon().policy_links
    limit: int = lexicon().max_label_line_chars
    out: dict[str, dict[str, Any]] = {}
    for kind, words in table.items():
        name = f"{kind}_link"
        if not view.inspected:
            out[name] = _signal(None, "The capture could not be read again, so its links were not checked.")
            continue
        texts = set(words["texts"])
        found: list[str] = []
        if view.html:
            for link in view.links:
                path = _url_path(link.href)
                if _norm(link.text) in texts or any(path.endswith(p) for p in words["paths"]):
                    found.append(f"link “{link.text or link.href}” → {link.href}")
            where = "links in the page"
        else:
            for number, line in enumerate(view.lines, 1):
                if len(line.strip()) <= limit and _norm(line) in texts:
                    found.append(f"line {number}: “{line.strip()}”")
            where = "menu lines of the text capture"
        detail = (
            f"{len(found)} {kind} link(s) among the {where}."
            if found
            else f"No {kind} link among the {where}."
        )
        out[name] = _signal(bool(found), detail, found)
    return out


def _opinion_signal(source: Source, view: CaptureView) -> dict[str, Any]:
    labels = set(lexicon().opinion_labels)
    found: list[str] = []
    title = source.title or ""
    head = re.split(r"[:|]", title, maxsplit=1)[0] if re.search(r"[:|]", title) else ""
    if _norm(head) in labels:
        found.append(f"title starts with “{head.strip()}”")
    found += [f"page section “{s}”" for s in view.meta_sections if _norm(s) in labels]
    title_line = (
        _line_no(source.metadata_evidence["title"].location) if "title" in source.metadata_evidence else None
    )
    if title_line and not view.html:
        for number in range(max(1, title_line - 3), min(len(view.lines), title_line + 3) + 1):
            line = view.lines[number - 1]
            if number != title_line and _norm(line) in labels:
                found.append(f"line {number}: “{line.strip()}”")
    lowered = source.text.lower()
    for phrase in lexicon().opinion_self_descriptions:
        at = lowered.find(phrase)
        if at >= 0:
            found.append(f"text calls itself “{source.text[at : at + len(phrase)]}”")
    detail = (
        "The piece is labelled or describes itself as opinion or analysis."
        if found
        else "No opinion or analysis label next to the title, in the page section or in the text."
    )
    return _signal(bool(found), detail, found)


def _ad_signal(view: CaptureView) -> dict[str, Any]:
    if not view.inspected:
        return _signal(None, "The capture could not be read again, so advertising labels were not checked.")
    labels = set(lexicon().ad_labels)
    limit: int = lexicon().max_label_line_chars
    found = [
        f"line {n}: “{line.strip()}”"
        for n, line in enumerate(view.lines, 1)
        if len(line.strip()) <= limit and _norm(line) in labels
    ]
    detail = (
        f"{len(found)} advertising or sponsored label(s) in the capture."
        if found
        else "No advertising label."
    )
    return _signal(len(found), detail, found)


def _claim_signals(claims: Sequence[Claim]) -> dict[str, dict[str, Any]]:
    named_kinds = set(lexicon().named_attribution_kinds)
    total = len(claims)
    attributed = [c for c in claims if c.attribution.kind != "none"]
    speakers = Counter(
        c.attribution.speaker for c in claims if c.attribution.kind in named_kinds and c.attribution.speaker
    )
    vague = [c for c in claims if c.attribution.kind == "vague"]
    figure_claims = [c for c in claims if c.figures]
    cited = [c for c in figure_claims if c.attribution.kind in named_kinds]
    return {
        "attributed_claims": _signal(
            round(len(attributed) / total, 3) if total else None,
            f"{len(attributed)} of {total} claims are attributed to someone (named or not).",
        ),
        "named_sources": _signal(
            len(speakers),
            f"{len(speakers)} distinct named source(s) across {sum(speakers.values())} claims.",
            (f"{speaker} ({count})" for speaker, count in speakers.items()),
        ),
        "unnamed_sources": _signal(
            len(vague),
            f"{len(vague)} claim(s) rest on unnamed sources.",
            (f"line {c.capture_line or '?'}: “{c.attribution.cue or ''}”" for c in vague),
        ),
        "figures_cited": _signal(
            round(len(cited) / len(figure_claims), 3) if figure_claims else None,
            f"{len(cited)} of {len(figure_claims)} claims with figures name their source.",
        ),
    }


def _primary_signal(source: Source, view: CaptureView) -> dict[str, Any]:
    table = lexicon().primary_document
    hrefs = [link.href for link in view.links]
    hrefs += re.findall(r"https?://[^\s<>\"')\]]+", source.text)
    found = []
    for href in hrefs:
        try:
            parts = urlsplit(href)
            host = (parts.hostname or "").lower()
        except ValueError:  # "http://[ccpa-preferences]/": not a URL, whatever the page says
            continue
        if parts.scheme not in {"http", "https"}:
            continue
        if any(
            host == h.lstrip(".") or host.endswith(h if h.startswith(".") else "." + h)
            for h in table["hosts"]
        ) or (parts.path.lower().endswith(tuple(table["extensions"]))):
            found.append(href)
    where = "links in the page and URLs in the text" if view.html else "URLs in the article text"
    return _signal(
        len(set(found)), f"{len(set(found))} link(s) to primary documents among the {where}.", found
    )


def _clickbait_signal(title: str | None) -> dict[str, Any]:
    if not title:
        return _signal(None, "No headline found.")
    table = lexicon().clickbait
    lowered = _norm(title)
    cues = [f"phrase “{p}”" for p in table["phrases"] if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", lowered)]
    nouns = "|".join(map(re.escape, table["listicle_nouns"]))
    if re.match(rf"^\d+\s+(\w+\s+)?({nouns})\b", lowered):
        cues.append("listicle number")
    if "!" in title:
        cues.append("exclamation mark")
    caps = re.findall(r"\b[A-Z]{" + str(table["min_caps_word_length"]) + r",}\b", title)
    if len(caps) >= table["min_caps_words"]:
        cues.append(f"shouting capitals ({', '.join(caps)})")
    strong = bool(cues)
    if title.rstrip().endswith("?"):
        cues.append("question headline (weak cue alone)")
    detail = ("The headline uses clickbait devices." if strong else "No clickbait device in the headline") + (
        f" ({len(cues)} cue(s))." if cues else "."
    )
    return _signal(strong, detail, cues)


def _number_key(text: str) -> str:
    return text.replace(",", "").rstrip(".%")


def _headline_numbers_signal(source: Source) -> dict[str, Any]:
    numbers = re.findall(r"\d[\d,.]*%?", source.title or "")
    if not numbers:
        return _signal(None, "The headline states no number.")
    body = {_number_key(n) for n in re.findall(r"\d[\d,.]*%?", source.text)}
    items = [f"{n}: {'in' if _number_key(n) in body else 'not in'} the body" for n in numbers]
    missing = [n for n in numbers if _number_key(n) not in body]
    detail = (
        "Every number in the headline appears in the body."
        if not missing
        else f"{len(missing)} headline number(s) do not appear in the body."
    )
    return _signal(not missing, detail, items)


def _relation_signals(source: Source) -> dict[str, dict[str, Any]]:
    codes = set(lexicon().derived_codes)
    derived = [w for w in source.warnings if w.code in codes]
    cleaning = [w for w in source.warnings if w.code not in codes]
    related = [f"{w.code}: {r}" for w in derived for r in w.related] or [w.message for w in derived]
    return {
        "derived_from": _signal(
            bool(derived),
            "The text looks copied from or derived from another source in the audit."
            if derived
            else "No copy or derivation relation with another source in the audit.",
            related,
        ),
        "cleaning_warnings": _signal(
            len(cleaning),
            f"{len(cleaning)} warning(s) from cleaning and metadata extraction.",
            (f"{w.code}: {w.message}" for w in cleaning),
        ),
    }


CAPTURE_SIGNALS = (
    "about_link",
    "contact_link",
    "corrections_link",
    "ethics_link",
    "opinion_label",
    "ad_labels",
    "primary_links",
)


def capture_signals(source: Source, view: CaptureView) -> dict[str, dict[str, Any]]:
    """The signals that need the raw capture; computed in the per-capture stage, where the capture is in hand."""
    signals: dict[str, dict[str, Any]] = {}
    signals.update(_link_signals(view))
    signals["opinion_label"] = _opinion_signal(source, view)
    signals["ad_labels"] = _ad_signal(view)
    signals["primary_links"] = _primary_signal(source, view)
    return signals


def corpus_signals(source: Source, claims: Sequence[Claim]) -> dict[str, dict[str, Any]]:
    """The signals that need the source's claims or its relations to other sources (computed after the rules)."""
    signals: dict[str, dict[str, Any]] = {}
    signals.update(_metadata_signals(source))
    signals.update(_claim_signals(claims))
    signals["clickbait_headline"] = _clickbait_signal(source.title)
    signals["headline_numbers"] = _headline_numbers_signal(source)
    signals.update(_relation_signals(source))
    return signals


def compute_signals(source: Source, claims: Sequence[Claim], view: CaptureView) -> dict[str, dict[str, Any]]:
    """All signals for one audited source, keyed in ``SIGNAL_NAMES`` order."""
    signals = {**capture_signals(source, view), **corpus_signals(source, claims)}
    return {name: signals[name] for name in SIGNAL_NAMES}


def attach_signals(sources: Sequence[Source], claims: Sequence[Claim]) -> tuple[Source, ...]:
    """The sources with every signal filled in: the capture signals the per-capture stage left in ``signals``
    (or "unknown" ones when it could not compute them) plus the corpus signals."""
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source_id, []).append(claim)
    out = []
    for source in sources:
        if source.status != "ok":
            out.append(source)
            continue
        captured = (
            source.signals
            if set(CAPTURE_SIGNALS) <= set(source.signals)
            else capture_signals(source, CaptureView())
        )
        signals = {**captured, **corpus_signals(source, by_source.get(source.source_id, []))}
        out.append(replace(source, signals={name: signals[name] for name in SIGNAL_NAMES}))
    return tuple(out)
