"""Figures both reports open with: what was audited, what failed, flags by kind and severity."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from audit.model import FLAG_KINDS, SEVERITIES, AuditResult, Claim, Evidence, Flag, Source


@dataclass(frozen=True, slots=True)
class Summary:
    sources: int
    audited: int
    failed: tuple[Source, ...]
    claims: int
    flags: int
    by_kind: dict[str, int]
    by_severity: dict[str, int]
    by_kind_severity: dict[tuple[str, str], int]


def summarize(result: AuditResult) -> Summary:
    pairs = result.flags()
    kinds = Counter(flag.kind for _, flag in pairs)
    severities = Counter(flag.severity for _, flag in pairs)
    both = Counter((flag.kind, flag.severity) for _, flag in pairs)
    return Summary(
        sources=len(result.sources),
        audited=sum(1 for s in result.sources if s.status == "ok"),
        failed=tuple(s for s in result.sources if s.status != "ok"),
        claims=len(result.claims),
        flags=len(pairs),
        by_kind={kind: kinds.get(kind, 0) for kind in FLAG_KINDS},
        by_severity={level: severities.get(level, 0) for level in SEVERITIES},
        by_kind_severity={(k, s): both.get((k, s), 0) for k in FLAG_KINDS for s in SEVERITIES},
    )


SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}


def flagged_claims(result: AuditResult, source: Source) -> list[Claim]:
    """The source's flagged claims, most severe first, then in text order."""
    claims = [c for c in result.claims if c.source_id == source.source_id and c.flags]
    return sorted(claims, key=lambda c: (min(SEVERITY_RANK[f.severity] for f in c.flags), c.span.start))


def evidence_line(evidence: Evidence, result: AuditResult) -> str:
    """One plain line describing a piece of evidence, for Markdown and for the HTML fallback text."""
    if evidence.type == "reference" and evidence.reference:
        row = evidence.reference
        label = ", ".join(f"{k}={v}" for k, v in row.items() if k not in {"file", "line"} and v)
        where = f"{row.get('file', 'reference')}:{row.get('line', '?')}"
        return f"{evidence.note}: {where} ({label})"
    text = evidence.text
    if text is None and evidence.span is not None and evidence.source_id:
        source = next((s for s in result.sources if s.source_id == evidence.source_id), None)
        text = evidence.span.slice(source.text) if source else None
    shown = f"“{_clip(text)}”" if text else ""
    where = ""
    if evidence.type in {"claim", "source"} and evidence.source_id:
        source = next((s for s in result.sources if s.source_id == evidence.source_id), None)
        where = f" in {source.title or source.path}" if source else f" in {evidence.source_id}"
    return f"{evidence.note}{where}: {shown}".rstrip(": ")


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def flag_sort_key(flag: Flag) -> tuple[int, str, str]:
    return (SEVERITY_RANK[flag.severity], flag.kind, flag.rule)
