"""The per-capture stages: ingest → decode → clean → metadata → claims, a pure function of one capture.

``process_capture`` takes a capture file and returns one ``SourceRecord`` per article found in it (a capture
may hold several articles, a WARC file several pages). It never raises for bad input: a capture that cannot be
audited comes back as a source with a status and a message naming the file and the fix.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from audit.claim_extraction.assemble import extract_claims
from audit.extract.capture_view import view_from_text
from audit.extract.html.article import extract_html
from audit.extract.signals import capture_signals
from audit.extract.text.article import clean_text_capture
from audit.ingest.decode import decode
from audit.ingest.discover import CaptureFile, RawCapture, read_capture
from audit.ingest.safe_read import TooLarge
from audit.ingest.sidecar import merge, read_sidecar
from audit.ingest.warc import read_warc
from audit.model import Candidate, Claim, FieldEvidence, Source, SourceWarning, Status
from audit.pipeline.config import Options


@dataclass(frozen=True, slots=True)
class Article:
    """One article's cleaned text and metadata evidence, before it becomes a ``Source``."""

    text: str
    fields: dict[str, FieldEvidence]
    warnings: tuple[SourceWarning, ...] = ()
    media_type: str = "text/plain"
    capture: str = ""  # decoded capture text the article came from, for quote selectors
    extra: dict[str, FieldEvidence] = field(default_factory=dict)
    line_offset: int | None = (
        0  # lines of the capture file before ``capture`` (a WARC record's payload); None: unknown
    )


@dataclass(frozen=True, slots=True)
class SourceRecord:
    source: Source
    claims: tuple[Claim, ...]


def source_id(path: str, sha256: str, part: int) -> str:
    """A source's id: from the path it is reported under and its bytes' hash, so two identical captures under
    different names are two sources (and their claims two sets of claims), and an id never changes by itself."""
    digest = hashlib.sha256(f"{path}\0{sha256}".encode()).hexdigest()
    return f"src-{digest[:16]}" + (f"-{part}" if part else "")


class WarcUnreadable(ValueError):
    """A WARC file from which not one record could be read; the message names the file and the fix."""


def failed_source(
    capture: CaptureFile | RawCapture, sha256: str, media_type: str, status: Status, message: str
) -> SourceRecord:
    display = capture.display_path
    source = Source(
        source_id=source_id(display, sha256, 0),
        path=display,
        sha256=sha256,
        media_type=media_type,
        status=status,
        status_message=message,
        independence_group="",
    )
    return SourceRecord(source, ())


def process_capture(capture: CaptureFile, options: Options) -> list[SourceRecord]:
    # 1. ingest: bytes, with the byte cap enforced while reading and decompressing
    return process_raw(read_capture(capture, options.max_bytes), capture, options)


def process_raw(raw: RawCapture, capture: CaptureFile, options: Options) -> list[SourceRecord]:
    """The stages after ingest, on a capture's bytes as ``read_capture`` returned them."""
    if raw.status != "ok":
        return [failed_source(raw, raw.sha256, raw.media_type, raw.status, raw.message or "")]
    sidecar, sidecar_warning = read_sidecar(capture.file, capture.display_path)
    # 2. decode and clean into articles
    try:
        articles = _articles(raw, options.max_bytes, sidecar.values.get("url") if sidecar else None)
    except WarcUnreadable as error:
        return [failed_source(raw, raw.sha256, raw.media_type, "unreadable", str(error))]
    except TooLarge as error:
        message = f"{raw.display_path}: {error}; raise --max-bytes if the archive really is this large"
        return [failed_source(raw, raw.sha256, raw.media_type, "too_large", message)]
    if not articles:
        return [
            failed_source(
                raw,
                raw.sha256,
                raw.media_type,
                "empty",
                f"{raw.display_path}: no article text found after cleaning ({_why_empty(raw, None)}); check it is "
                "the page you meant to capture",
            )
        ]
    records = []
    for part, article in enumerate(articles):
        # 3. metadata: sidecar values win, every candidate kept
        fields = merge(article.fields, sidecar)
        fields.update(article.extra)
        warnings = article.warnings + ((sidecar_warning,) if sidecar_warning else ())
        source = _source(raw, part if len(articles) > 1 else 0, article, fields, warnings)
        if not source.text.strip():
            source = replace(
                source,
                status="empty",
                status_message=f"{raw.display_path}: no article text found after cleaning "
                f"({_why_empty(raw, article)}); check it is the page you meant to capture",
            )
            records.append(SourceRecord(source, ()))
            continue
        # 4. the credibility signals that need the raw capture (the rest come after the corpus stages)
        source = replace(
            source, signals=capture_signals(source, view_from_text(article.capture, article.media_type))
        )
        # 5. claims
        claims = tuple(extract_claims(source, article.capture, article.line_offset))
        records.append(SourceRecord(source, claims))
    return records


def _source(
    raw: RawCapture,
    part: int,
    article: Article,
    fields: dict[str, FieldEvidence],
    warnings: tuple[SourceWarning, ...],
) -> Source:
    def text_value(name: str) -> str | None:
        evidence = fields.get(name)
        return None if evidence is None or evidence.value in (None, "") else str(evidence.value)

    authors = fields.get("authors")
    sid = source_id(raw.display_path, raw.sha256, part)
    return Source(
        source_id=sid,
        path=raw.display_path,
        sha256=raw.sha256,
        media_type=article.media_type,
        status="ok",
        warnings=warnings,
        url=text_value("url"),
        site=text_value("site"),
        title=text_value("title"),
        authors=tuple(authors.value) if authors and authors.value else (),
        published=text_value("published"),
        updated=text_value("updated"),
        metadata_evidence=dict(sorted(fields.items())),
        independence_group=sid,
        text=article.text,
        part=part,
    )


def _articles(raw: RawCapture, max_bytes: int, url: str | None = None) -> list[Article]:
    """The capture's articles; ``url``, the page's address from its sidecar, helps a text capture's headline."""
    if raw.media_type == "application/warc":
        return _warc_articles(raw.data, raw.display_path, max_bytes)
    decoded = decode(raw.data, raw.media_type)
    encoding = {"encoding": decoded.encoding}
    if raw.media_type == "text/html" or _sniff_html(decoded.text):
        extraction = extract_html(decoded.text)
        return [
            Article(
                extraction.text,
                extraction.fields,
                decoded.warnings + extraction.warnings,
                "text/html",
                decoded.text,
                encoding,
            )
        ]
    return [
        Article(
            article.text,
            article.fields,
            decoded.warnings + article.warnings,
            "text/plain",
            decoded.text,
            encoding,
        )
        for article in clean_text_capture(decoded.text, url=url)
    ]


def _why_empty(raw: RawCapture, article: Article | None) -> str:
    """What the cleaner made of a capture it found no article text in, for the status message."""
    if raw.media_type != "text/plain" or article is None or article.media_type != "text/plain":
        return (
            "the page has no main text block; a page that loads its text with JavaScript must be saved after it "
            "has loaded (the browser's 'Save page as', complete) or captured as a WARC"
        )
    lines = [line for line in article.capture.splitlines() if line.strip()]
    if len(lines) == 1:
        shown = " ".join(lines[0].split())
        shown = shown if len(shown) <= 60 else shown[:59] + "…"
        return (
            f"its only line, “{shown}”, was read as a title, not article text: a text capture is a title line, "
            "then the article below it; to check a bare sentence use audit.claims(TEXT) in Python"
        )
    return (
        f"all {len(lines)} of its lines were read as title, byline, dates or page furniture (menus, share "
        "buttons, captions)"
    )


def _sniff_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _warc_articles(data: bytes, display_path: str, max_bytes: int) -> list[Article]:
    """One article per HTML response of the archive; a damaged archive's articles carry a warning."""
    read = read_warc(data, max_bytes)
    if read.damage and not read.pages:
        raise WarcUnreadable(
            f"{display_path}: not a readable WARC file ({read.damage}); check it is a complete .warc or "
            ".warc.gz (download it again)"
        )
    damage = (
        (
            SourceWarning(
                "warc_damaged",
                f"{display_path}: {read.damage}; {len(read.pages)} HTML record(s) read, the last perhaps "
                "incomplete: download the archive again to audit it whole",
            ),
        )
        if read.damage
        else ()
    )
    articles = []
    for page in read.pages:
        decoded = decode(page.payload, "text/html")
        extraction = extract_html(decoded.text, url=page.url)
        fields = dict(extraction.fields)
        location = f"WARC record {page.record_id}"
        url_candidate = Candidate(page.url, "warc", f"{location}: WARC-Target-URI", "high")
        previous_url = fields.get("url")
        fields["url"] = FieldEvidence(
            page.url,
            "warc",
            url_candidate.location,
            (url_candidate, *(previous_url.candidates if previous_url else ())),
        )
        extra = {"encoding": decoded.encoding}
        if page.date:
            extra["captured_at"] = FieldEvidence(
                page.date,
                "warc",
                f"{location}: WARC-Date",
                (Candidate(page.date, "warc", f"{location}: WARC-Date", "high"),),
            )
        articles.append(
            Article(
                extraction.text,
                fields,
                decoded.warnings + extraction.warnings + damage,
                "text/html",
                decoded.text,
                extra,
                page.payload_line,
            )
        )
    return articles
