"""What a capture shows beyond the article text, read again from disk for the credibility signals.

The per-capture stages keep only the cleaned article text; the link and label signals (:mod:`audit.extract.signals`)
need the capture's visible lines, its links and its section labels. :func:`capture_view` reads a capture from
disk again, :func:`view_from_text` builds the view from an already decoded capture.
"""

from __future__ import annotations

from dataclasses import dataclass

from audit.extract.html.dom import parse_html
from audit.ingest.decode import decode
from audit.ingest.discover import CaptureFile, read_capture


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True, slots=True)
class CaptureView:
    """What the raw capture shows beyond the article text: its visible lines and (HTML) its links.

    ``lines`` are the capture's lines (text captures) or the page's visible text lines (HTML), numbered from 1;
    ``links`` are the page's anchors (empty for text captures, whose menus are plain lines); ``meta`` holds
    ``article:section``-style labels from HTML meta tags; ``inspected`` is False when the capture could not be
    read again (then link and label signals are ``None``, not "absent").
    """

    lines: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    meta_sections: tuple[str, ...] = ()
    inspected: bool = False
    html: bool = False


def capture_view(capture: CaptureFile, max_bytes: int) -> CaptureView:
    """Read a capture from disk for the signals that need more than the cleaned text (WARC files: not read)."""
    raw = read_capture(capture, max_bytes)
    if raw.status != "ok" or raw.media_type == "application/warc":
        return CaptureView()
    return view_from_text(decode(raw.data, raw.media_type).text, raw.media_type)


def view_from_text(text: str, media_type: str) -> CaptureView:
    """The view of an already decoded capture (the per-capture stage has it in hand)."""
    head = text[:1024].lstrip().lower()
    if media_type != "text/html" and not head.startswith(("<!doctype html", "<html")):
        return CaptureView(lines=tuple(text.splitlines()), inspected=True)
    tree = parse_html(text).tree
    if tree is None:
        return CaptureView(inspected=True, html=True)
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    links = tuple(
        Link(" ".join(a.text_content().split()), str(a.get("href") or "").strip())
        for a in tree.iter("a")
        if a.get("href")
    )
    sections = tuple(
        str(m.get("content") or "").strip()
        for m in tree.iter("meta")
        if str(m.get("property") or m.get("name") or "").lower() in {"article:section", "section", "category"}
    )
    # each text node on its own line: labels like "Sponsored" are whole nodes, whatever the markup around them
    lines = tuple(line.strip() for chunk in tree.itertext() for line in chunk.splitlines() if line.strip())
    return CaptureView(lines, links, tuple(s for s in sections if s), True, True)
