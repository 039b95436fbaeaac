"""The HTML report: one self-contained file, safe to open whatever the captures contain.

Everything from a capture is hostile: Jinja2 autoescaping is on for the whole template and no captured value
is marked safe; links are emitted only for http, https and mailto URLs; a Content-Security-Policy meta tag comes
first in ``<head>`` and forbids every network request.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

from audit.model import AuditResult, Claim, Evidence, Source
from audit.render.summary import evidence_line, flag_sort_key, flagged_claims, summarize

SAFE_SCHEMES = {"http", "https", "mailto"}
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def safe_url(url: str | None) -> str | None:
    """The URL if its scheme is http, https or mailto; otherwise None (so no link is made)."""
    if not url:
        return None
    candidate = url.strip()
    if any(ord(ch) < 32 for ch in candidate):
        return None
    scheme = urlsplit(candidate).scheme.lower()
    return candidate if scheme in SAFE_SCHEMES else None


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("audit", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    return env


def _highlight(source: Source, claim: Claim) -> tuple[str, str, str, str, str]:
    """The claim's paragraph split into before / claim / after, for highlighting (all plain text)."""
    text = source.text
    para = claim.paragraph
    return (
        text[para.start : claim.span.start],
        claim.span.slice(text),
        text[claim.span.end : para.end],
        claim.claim_id,
        claim.source_id,
    )


def render_html(result: AuditResult) -> str:
    template = _environment().get_template("report.html.j2")
    sections = []
    for source in result.sources:
        if source.status != "ok":
            continue
        items = []
        for claim in flagged_claims(result, source):
            flags = []
            for flag in sorted(claim.flags, key=flag_sort_key):
                flags.append({"flag": flag, "evidence": [_evidence(e, result) for e in flag.evidence]})
            items.append({"claim": claim, "context": _highlight(source, claim), "flags": flags})
        sections.append({"source": source, "entries": items})
    return template.render(result=result, summary=summarize(result), sections=sections, csp=CSP)


def _evidence(evidence: Evidence, result: AuditResult) -> dict[str, object]:
    return {
        "line": evidence_line(evidence, result),
        "anchor": evidence.claim_id if evidence.type == "claim" else None,
        "source_url": safe_url((evidence.reference or {}).get("source")),
    }
