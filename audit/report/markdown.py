"""The Markdown report: short enough for a pull-request comment."""

from __future__ import annotations

from audit.model import FLAG_KINDS, SEVERITIES, AuditResult, Flag, Source
from audit.report.summary import evidence_line, flag_sort_key, flagged_claims, summarize

CARD_SIGNALS = (
    "byline",
    "publication_date",
    "site_named",
    "opinion_label",
    "attributed_claims",
    "unnamed_sources",
    "figures_cited",
    "primary_links",
    "derived_from",
)


def _cell(text: str) -> str:
    """Captured text made inert for Markdown: one line, no table breaks, no raw HTML."""
    text = " ".join(text.split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _evidence_summary(flag: Flag, result: AuditResult) -> str:
    """All of a flag's evidence on one line."""
    parts = [evidence_line(e, result) for e in flag.evidence]
    return _clip("; ".join(p for p in parts if p)) if parts else "no evidence recorded"


def _signal_card(source: Source) -> str:
    """The few signals an editor looks at first, on one line (all of them are in audit.json and the HTML)."""
    shown = []
    for name in CARD_SIGNALS:
        signal = source.signals.get(name)
        if isinstance(signal, dict):
            value = signal.get("value")
            text = "?" if value is None else ("yes" if value is True else "no" if value is False else value)
            if isinstance(value, float):
                text = f"{value:.0%}"
            shown.append(f"{name.replace('_', ' ')}: {text}")
    return " · ".join(shown)


def render_markdown(result: AuditResult) -> str:
    summary = summarize(result)
    lines = [
        "# Audit report",
        "",
        f"{summary.audited} of {summary.sources} sources audited, {summary.claims} claims, {summary.flags} flags.",
        "",
        "| flag kind | " + " | ".join(SEVERITIES) + " | total |",
        "|---|" + "---:|" * (len(SEVERITIES) + 1),
    ]
    for kind in FLAG_KINDS:
        counts = [summary.by_kind_severity[(kind, level)] for level in SEVERITIES]
        lines.append(f"| `{kind}` | " + " | ".join(map(str, counts)) + f" | {summary.by_kind[kind]} |")
    if summary.failed:
        lines += ["", "## Sources not audited", ""]
        lines += [
            f"- `{_cell(s.path)}`: **{s.status}**: {_cell(s.status_message or '')}" for s in summary.failed
        ]
    for source in result.sources:
        if source.status != "ok":
            continue
        claims = flagged_claims(result, source)
        lines += ["", f"## {_cell(source.title or source.path)}", ""]
        meta = [
            f"`{_cell(source.path)}`",
            ", ".join(source.authors) or "no author found",
            source.published or "no date found",
            source.site or "no site found",
        ]
        lines.append(" · ".join(_cell(m) for m in meta))
        card = _signal_card(source)
        if card:
            lines += ["", f"Signals: {_cell(card)}"]
        if not claims:
            lines += ["", "No flags."]
            continue
        lines.append("")
        for claim in claims:
            location = f"line {claim.capture_line}" if claim.capture_line else "line ?"
            lines.append(f"- {location}: “{_cell(_clip(claim.text, 300))}”")
            for flag in sorted(claim.flags, key=flag_sort_key):
                lines.append(f"  - **{flag.kind}** ({flag.severity}, `{flag.rule}`): {_cell(flag.message)}")
                lines.append(f"    Evidence: {_cell(_evidence_summary(flag, result))}")
    return "\n".join(lines) + "\n"
