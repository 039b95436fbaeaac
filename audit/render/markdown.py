"""The Markdown report: short enough for a pull-request comment."""

from __future__ import annotations

from audit.model import FLAG_KINDS, SEVERITIES, AuditResult
from audit.render.summary import evidence_line, flag_sort_key, flagged_claims, summarize


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


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
        if not claims:
            lines += ["", "No flags."]
            continue
        lines.append("")
        for claim in claims:
            location = f"line {claim.capture_line}" if claim.capture_line else "line ?"
            lines.append(f"- {location}: “{_cell(claim.text)}”")
            for flag in sorted(claim.flags, key=flag_sort_key):
                lines.append(f"  - **{flag.kind}** ({flag.severity}, `{flag.rule}`): {_cell(flag.message)}")
                for evidence in flag.evidence[:3]:
                    lines.append(f"    - {_cell(evidence_line(evidence, result))}")
    return "\n".join(lines) + "\n"
