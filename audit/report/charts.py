"""The HTML report's two charts, shaped here as plain geometry the template draws as inline SVG (no script, no
request: the page's Content-Security-Policy is unchanged).

1. ``flag_chart``: flags by kind and severity, per source: one row per audited source, one column per flag kind,
   in each cell a bar of the flags of that kind stacked by severity (high, medium, low) and the count written out;
2. ``timeline``: the dated events the claims mention (dates known to the day or month), one lane per source, on one
   time axis; a date a ``misdated`` flag questions is drawn as a triangle, one a ``contested`` flag questions as a
   diamond, the others as dots, and the marked ones are labelled with the date as written.
Each chart comes with its text alternative: a one-sentence summary (the SVG's ``desc``) and the rows of a table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from audit.model import FLAG_KINDS, SEVERITIES, AuditResult, Claim, DateMention, Source

LABEL_WIDTH = 230
CELL_WIDTH = 104
ROW_HEIGHT = 28
HEAD_HEIGHT = 50  # room for two-line column heads
BAR_MAX = 80
TIMELINE_WIDTH = 900
LANE_HEIGHT = 34


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _lines(kind: str, width: int = 13) -> tuple[str, ...]:
    """A kind's words on lines of at most ``width`` characters, for a column head."""
    lines: list[str] = []
    for word in kind.split("_"):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return tuple(lines)


def source_name(source: Source) -> str:
    return source.title or source.site or source.path


@dataclass(frozen=True, slots=True)
class Segment:
    x: float
    width: float
    severity: str
    count: int


@dataclass(frozen=True, slots=True)
class Cell:
    x: float
    kind: str
    total: int
    segments: tuple[Segment, ...]
    label: str  # "2 high, 1 low"


@dataclass(frozen=True, slots=True)
class Row:
    y: float
    label: str
    name: str
    cells: tuple[Cell, ...]
    total: int


@dataclass(frozen=True, slots=True)
class FlagChart:
    width: float
    height: float
    columns: tuple[tuple[float, str, tuple[str, ...]], ...]  # (x, kind, the label's lines)
    rows: tuple[Row, ...]
    summary: str


def flag_chart(result: AuditResult) -> FlagChart:
    audited = [s for s in result.sources if s.status == "ok"]
    counts: dict[tuple[str, str, str], int] = {}
    for claim, flag in result.flags():
        key = (claim.source_id, flag.kind, flag.severity)
        counts[key] = counts.get(key, 0) + 1
    largest = max((sum(counts.get((s, k, v), 0) for v in SEVERITIES) for s, k, _ in counts), default=1)
    rows = []
    for index, source in enumerate(audited):
        cells = []
        for column, kind in enumerate(FLAG_KINDS):
            x = LABEL_WIDTH + column * CELL_WIDTH
            segments, cursor = [], float(x)
            for severity in reversed(SEVERITIES):  # high first
                count = counts.get((source.source_id, kind, severity), 0)
                if count:
                    width = BAR_MAX * count / largest
                    segments.append(Segment(round(cursor, 1), round(width, 1), severity, count))
                    cursor += width
            total = sum(s.count for s in segments)
            label = ", ".join(f"{s.count} {s.severity}" for s in segments) or "none"
            cells.append(Cell(x, kind, total, tuple(segments), label))
        rows.append(
            Row(
                HEAD_HEIGHT + index * ROW_HEIGHT,
                _short(source_name(source)),
                source_name(source),
                tuple(cells),
                sum(c.total for c in cells),
            )
        )
    busiest = max(rows, key=lambda r: r.total, default=None)
    flagged = sum(1 for r in rows if r.total)
    summary = f"{len(result.flags())} flags over {flagged} of {len(rows)} sources"
    if busiest is not None and busiest.total:
        summary += f"; the most on {busiest.name} ({busiest.total})"
    return FlagChart(
        LABEL_WIDTH + len(FLAG_KINDS) * CELL_WIDTH,
        HEAD_HEIGHT + 10 + len(rows) * ROW_HEIGHT,
        tuple((LABEL_WIDTH + i * CELL_WIDTH, kind, _lines(kind)) for i, kind in enumerate(FLAG_KINDS)),
        tuple(rows),
        summary + ".",
    )


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    date: str  # ISO
    text: str  # as written
    event: str
    source: str
    status: str  # "misdated", "contested" or ""
    claim_id: str


@dataclass(frozen=True, slots=True)
class Timeline:
    width: float
    height: float
    lanes: tuple[tuple[float, str], ...]  # (y, source label)
    ticks: tuple[tuple[float, str], ...]  # (x, label)
    points: tuple[Point, ...]
    summary: str
    left_out: int  # dates known only to the year, or not resolved
    labels: tuple[tuple[float, float, str, str], ...] = field(
        default=()
    )  # (x, y, text, anchor) of marked points


def _day(mention: DateMention) -> dt.date | None:
    if not mention.iso or mention.precision not in {"day", "month"}:
        return None
    try:
        return dt.date.fromisoformat(mention.iso if mention.precision == "day" else mention.iso + "-15")
    except ValueError:
        return None


def _status(claim: Claim, mention: DateMention) -> str:
    for kind in ("misdated", "contested"):
        flags = [f for f in claim.flags if f.kind == kind]
        if not flags:
            continue
        spans = [e.span for f in flags for e in f.evidence if e.type == "span" and e.span is not None]
        if (
            any(s.start < mention.span.end and mention.span.start < s.end for s in spans)
            or len(claim.dates) == 1
        ):
            return kind
    return ""


def _event(mention: DateMention) -> str:
    event = mention.event
    if event is None:
        return ""
    words = [event.kind or event.verb or "", ", ".join(event.participants)]
    return " · ".join(w for w in words if w)


def _ticks(first: dt.date, last: dt.date, x_of: Callable[[dt.date], float]) -> list[tuple[float, str]]:
    years = last.year - first.year
    step = 1 if years < 12 else 5 if years < 60 else 25
    ticks = []
    if years < 2:  # months
        month = dt.date(first.year, first.month, 1)
        while month <= last:
            ticks.append((month, month.strftime("%b %Y")))
            month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        if len(ticks) > 12:
            ticks = ticks[:: (len(ticks) + 11) // 12]
    else:
        for year in range(first.year - first.year % step + step, last.year + 1, step):
            ticks.append((dt.date(year, 1, 1), str(year)))
    return [
        (x_of(day), label) for day, label in ticks if first <= day <= last and x_of(day) <= x_of(last) - 25
    ]


def _place_labels(marked: list[Point], right: float) -> tuple[tuple[float, float, str, str], ...]:
    """Each marked point's label beside it (to its left near the right edge); above the lane, or below it when it
    would run into the label before it in the same lane."""
    placed: list[tuple[float, float, str, str]] = []
    extents: dict[tuple[float, bool], float] = {}  # (lane, below) -> where the last label there ends
    for point in sorted(marked, key=lambda p: (p.y, p.x)):
        width = 6.5 * len(point.text)
        start, anchor = (
            (point.x - 8 - width, "end") if point.x > right - width - 10 else (point.x + 8, "start")
        )
        below = start < extents.get((point.y, False), -1.0)
        extents[(point.y, below)] = start + width
        x = point.x - 8 if anchor == "end" else point.x + 8
        placed.append((x, point.y + (19 if below else -9), point.text, anchor))
    return tuple(placed)


def timeline(result: AuditResult) -> Timeline:
    sources = {s.source_id: s for s in result.sources if s.status == "ok"}
    found: list[tuple[dt.date, Claim, DateMention]] = []
    left_out = 0
    for claim in result.claims:
        for mention in claim.dates:
            day = _day(mention)
            if day is None:
                left_out += 1
            elif claim.source_id in sources:
                found.append((day, claim, mention))
    lane_ids = [s for s in sources if any(c.source_id == s for _, c, _ in found)]
    lanes = {source_id: 30 + i * LANE_HEIGHT for i, source_id in enumerate(lane_ids)}
    if not found:
        return Timeline(
            TIMELINE_WIDTH, 60, (), (), (), "No claim mentions a date known to the day or month.", left_out
        )
    first = min(day for day, _, _ in found) - dt.timedelta(days=10)
    last = max(day for day, _, _ in found) + dt.timedelta(days=10)
    span = max((last - first).days, 1)
    left, right = LABEL_WIDTH, TIMELINE_WIDTH - 20

    def x_of(day: dt.date) -> float:
        return round(left + (right - left) * (day - first).days / span, 1)

    points = []
    for day, claim, mention in sorted(found, key=lambda f: (lanes[f[1].source_id], f[0], f[2].span.start)):
        points.append(
            Point(
                x_of(day),
                lanes[claim.source_id],
                mention.iso or "",
                mention.text,
                _event(mention),
                source_name(sources[claim.source_id]),
                _status(claim, mention),
                claim.claim_id,
            )
        )
    marked = [p for p in points if p.status]
    labels = _place_labels(marked, right)
    summary = (
        f"{len(points)} dated events between {min(p.date for p in points)} and {max(p.date for p in points)}; "
        f"{sum(p.status == 'misdated' for p in points)} misdated, {sum(p.status == 'contested' for p in points)} "
        "contested."
    )
    height = 70 + len(lanes) * LANE_HEIGHT
    return Timeline(
        TIMELINE_WIDTH,
        height,
        tuple((lanes[s], _short(source_name(sources[s]))) for s in lane_ids),
        tuple(_ticks(first, last, x_of)),
        tuple(points),
        summary,
        left_out,
        labels,
    )
