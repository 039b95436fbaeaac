"""The Markdown report: a pull-request comment, so safe to render on GitHub and short enough to post.

Every string that comes from a page (titles, paths, claims, messages quoting them) is made inert for GitHub-flavoured
Markdown: no image, link, autolink, mention, issue reference, emphasis, math or raw HTML can come out of it, and a
path sits in a code span its backticks cannot close. The flags come first, most severe first, then the sources; the
whole report stays under ``MAX_CHARS`` (GitHub refuses comments over 65,536 characters): what does not fit is
counted ("… and 12 more flags in report.html").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from audit.model import FLAG_KINDS, SEVERITIES, AuditResult, Claim, Flag, Source
from audit.report.summary import SEVERITY_RANK, evidence_line, summarize

MAX_CHARS = 60_000

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

_ESCAPED = re.compile(r"[\\`*_\[\]!~|$<>&]|:(?=/)|(?i:mailto|xmpp|www)[:.]|[@#](?=\w)")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;", ":": "&#58;", "@": "@&#8203;", "#": "#&#8203;"}


def _cell(text: str) -> str:
    """Captured text made inert for GitHub-flavoured Markdown, on one line.

    Markdown punctuation is escaped with a backslash (``$`` too: GitHub renders ``$…$`` as math); ``<``, ``>`` and
    ``&`` become entities (no raw HTML); the colon of ``https://`` or ``mailto:`` and the dot of ``www.`` become
    entities (no autolink); ``@`` and ``#`` before a word get a zero-width space (no mention, no email autolink, no
    issue reference).
    """

    def escape(match: re.Match[str]) -> str:
        found = match.group(0)
        if len(found) > 1:  # "mailto:", "www."
            return found[:-1] + ("&#58;" if found.endswith(":") else "&#46;")
        return _ENTITIES.get(found, "\\" + found)

    return _ESCAPED.sub(escape, " ".join(text.split()))


def _code(text: str) -> str:
    """``text`` as an inline code span no backtick inside it can close."""
    text = " ".join(text.split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


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


def _flag_block(source: Source, claim: Claim, flag: Flag, result: AuditResult) -> str:
    location = f"line {claim.capture_line}" if claim.capture_line else "line ?"
    return "\n".join(
        [
            f"- **{flag.severity}** {_code(flag.kind)} ({_code(flag.rule)}) in {_code(source.path)}, {location}: "
            f"{_cell(flag.message)}",
            f"  > “{_cell(_clip(claim.text, 300))}”",
            f"  Evidence: {_cell(_evidence_summary(flag, result))}",
        ]
    )


def _source_block(source: Source, flags: int) -> str:
    meta = [
        _code(source.path),
        _cell(", ".join(source.authors) or "no author found"),
        _cell(source.published or "no date found"),
        _cell(source.site or "no site found"),
        f"{flags} flag{'s' if flags != 1 else ''}",
    ]
    lines = [f"- **{_cell(_clip(source.title or source.path))}**: " + " · ".join(meta)]
    card = _signal_card(source)
    if card:
        lines.append(f"  Signals: {_cell(card)}")
    return "\n".join(lines)


def _ordered_flags(result: AuditResult) -> list[tuple[Source, Claim, Flag]]:
    """Every flag, most severe first; then by capture, line and rule, so the order never depends on the run."""
    sources = {source.source_id: source for source in result.sources}
    found = [
        (sources[claim.source_id], claim, flag)
        for claim, flag in result.flags()
        if claim.source_id in sources
    ]
    found.sort(
        key=lambda f: (
            SEVERITY_RANK[f[2].severity],
            f[0].path,
            f[1].span.start,
            f[2].kind,
            f[2].rule,
            f[2].message,
        )
    )
    return found


def _fill(blocks: Iterable[str], budget: int, noun: str) -> tuple[list[str], int]:
    """The blocks that fit in ``budget`` characters (each with its newline), and the characters used; what does
    not fit is counted in a last line."""
    blocks = list(blocks)
    taken: list[str] = []
    used = 0
    for index, block in enumerate(blocks):
        rest = len(blocks) - index - 1
        tail = 80 if rest else 0  # room for the "… and N more" line
        if used + len(block) + 1 + tail > budget:
            taken.append(f"- … and {len(blocks) - index} more {noun} in report.html")
            return taken, used + len(taken[-1]) + 1
        taken.append(block)
        used += len(block) + 1
    return taken, used


def render_markdown(result: AuditResult, max_chars: int = MAX_CHARS) -> str:
    summary = summarize(result)
    severities = ", ".join(f"{summary.by_severity[level]} {level}" for level in reversed(SEVERITIES))
    head = [
        "# Audit report",
        "",
        f"{summary.audited} of {summary.sources} sources audited, {summary.claims} claims, {summary.flags} flags"
        + (f" ({severities})." if summary.flags else "."),
        "",
        "| flag kind | " + " | ".join(SEVERITIES) + " | total |",
        "|---|" + "---:|" * (len(SEVERITIES) + 1),
    ]
    for kind in FLAG_KINDS:
        counts = [summary.by_kind_severity[(kind, level)] for level in SEVERITIES]
        head.append(f"| `{kind}` | " + " | ".join(map(str, counts)) + f" | {summary.by_kind[kind]} |")
    flags = [_flag_block(*found, result) for found in _ordered_flags(result)]
    failed = [
        f"- {_code(s.path)}: **{s.status}**: {_cell(_clip(s.status_message or '', 300))}"
        for s in summary.failed
    ]
    per_source: dict[str, int] = {}
    for claim, _ in result.flags():
        per_source[claim.source_id] = per_source.get(claim.source_id, 0) + 1
    sources = [_source_block(s, per_source.get(s.source_id, 0)) for s in result.sources if s.status == "ok"]
    budget = max_chars - len("\n".join(head)) - 200  # headings and blank lines
    rest = sum(len(block) + 1 for block in failed + sources)
    flag_part, used = _fill(flags, max(budget - min(rest, budget // 3), budget // 2), "flags")
    failed_part, used_failed = _fill(failed, (budget - used) // 2 if sources else budget - used, "sources")
    source_part, _ = _fill(sources, budget - used - used_failed, "sources")
    lines = head + ["", "## Flags, most severe first", ""] + (flag_part or ["No flags."])
    if failed_part:
        lines += ["", "## Sources not audited", "", *failed_part]
    if source_part:
        lines += ["", "## Sources", "", *source_part]
    return "\n".join(lines) + "\n"
