"""Date and time expressions in an article, resolved to ISO 8601 against the publication date.

``extract_dates(text, published)`` finds every date expression in document order and resolves it:

1. absolute dates ("18 February 2025", "Nov 29, 2024", "2025-02-18", "in 1972") as stated;
2. partial dates ("February 12", "the 28 March", "in August") take the year of the publication date, moved
   one year back when the clause is past tense and the date would fall after publication (and one year on
   for a future-tense clause and a date before it); without a publication date, the year of the last date
   stated earlier in the text; else they stay unresolved: never today's clock;
3. relative expressions ("yesterday", "last month", "on Thursday", "two weeks ago") count from the
   publication date; "six days later", "the next day" count from the previous date in the text (the story's own
   time, however far back in the article: ``relative_to_story``; unresolved when no date comes before);
4. each mention gets the tense, verb, participants and event kind of its clause (``audit.claim_extraction.dates.tense``).

A stated weekday is kept as stated ("Tuesday, 4 July 2022") even when the calendar disagrees:
``audit.claim_extraction.dates.calendar.weekday_mismatch`` reports the disagreement for the misdating checks. Numbers that are counts
("4,000 jobs", "2000 troops") and durations ("90-minute", "two years") are not dates. Quarters and
halves ("the third quarter") are returned with ``iso=None``: the contract has no quarter precision.
The expressions are found by :mod:`audit.claim_extraction.dates.expressions`; the lexicon (month and weekday names,
number words, count nouns) is in ``audit/data/dates.json``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from audit.claim_extraction.dates.calendar import WEEKDAY_NAMES
from audit.claim_extraction.dates.expressions import ExpressionMatch, find_expressions, lexicon
from audit.claim_extraction.dates.tense import analyse_clauses
from audit.model import DateMention, Precision, Span

TENSE_PENALTY_DAYS = 120  # how much further a date on the wrong side of publication for the tense counts
PREVIOUS_WINDOW = 400  # characters: "a year earlier" counts from a date stated at most this far back


def _month_number(name: str | None) -> int:
    return int(lexicon().months[(name or "").rstrip(".").lower()])


def _number(word: str) -> int:
    return int(word) if word.isdigit() else int(lexicon().number_words[word.lower()])


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _iso(day: dt.date, precision: Precision) -> str:
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]


def _year_near(pub: dt.date, month: int, day: int | None, tense: str | None, rel: str | None) -> int:
    """The year of a date stated without one, from the publication date ``pub``.

    "last May" / "next March" / "this June" say which year. Otherwise the year that puts the date nearest
    to publication ("Jan. 2" in a November article is next January), where a past-tense clause counts a
    date after publication (a future-tense clause one before it) as ``TENSE_PENALTY_DAYS`` further away:
    "on December 5, Trump met" in a March article is last December, but "met on March 28" in a
    March 10 article stays in March, after publication, for the misdating checks to see.
    """
    stated, now = (month, day or 0), (pub.month, pub.day if day is not None else 0)
    if rel == "last":
        return pub.year - (1 if stated >= now else 0)
    if rel == "next":
        return pub.year + (1 if stated <= now else 0)
    if rel == "this":
        return pub.year

    def cost(year: int) -> int:
        try:
            value = dt.date(year, month, day or 15)
        except ValueError:
            return 10**6
        days = (value - pub).days
        if day is None and (year, month) == (pub.year, pub.month):
            days = 0
        penalty = (
            TENSE_PENALTY_DAYS if (tense == "past" and days > 0) or (tense == "future" and days < 0) else 0
        )
        return abs(days) + penalty

    return min((pub.year, pub.year - 1, pub.year + 1), key=cost)


@dataclass(slots=True)
class _Resolved:
    iso: str | None
    precision: Precision | None
    resolution: str = "absolute"
    anchor: str | None = None
    relative_days: int | None = None


class _Resolver:
    """Resolves matches in document order; remembers the last dates stated for relative expressions."""

    def __init__(self, text: str, published: dt.date | None) -> None:
        self.text = text
        self.published = published
        self.start = 0  # where the expression being resolved starts
        self.previous_end = 0  # where the last resolved date ends
        self.previous: tuple[dt.date, Precision] | None = None  # last resolved date
        self.previous_year: int | None = None  # year of the last date whose year was stated

    def resolve(self, match: ExpressionMatch, tense: str | None) -> _Resolved:
        self.start = match.start
        result = getattr(self, "_" + match.kind)(match.groups, tense)
        assert isinstance(result, _Resolved)
        if result.iso is not None and result.precision is not None:
            padded = (result.iso + "-01-01")[:10]
            self.previous = (dt.date.fromisoformat(padded), result.precision)
            self.previous_end = match.end
            if result.resolution == "absolute":
                self.previous_year = int(result.iso[:4])
        return result

    # --- stated calendar dates -------------------------------------------------------------------
    def _calendar(
        self, year: str | None, month: int, day: int | None, tense: str | None, rel: str | None = None
    ) -> _Resolved:
        precision: Precision = "day" if day is not None else "month"
        if year is not None:
            return self._checked(int(year), month, day, precision, _Resolved(None, None))
        if self.published is not None:
            pub = self.published
            base = _Resolved(None, None, "year_from_published", pub.isoformat())
            return self._checked(_year_near(pub, month, day, tense, rel), month, day, precision, base)
        if self.previous_year is not None:
            base = _Resolved(None, None, "year_from_previous", str(self.previous_year))
            return self._checked(self.previous_year, month, day, precision, base)
        return _Resolved(None, None, "unresolved")

    @staticmethod
    def _checked(year: int, month: int, day: int | None, precision: Precision, base: _Resolved) -> _Resolved:
        try:
            value = dt.date(year, month, day or 1)
        except ValueError:  # "February 30": keep it, but it has no ISO form
            return _Resolved(None, None, "unresolved", base.anchor)
        base.iso, base.precision = _iso(value, precision), precision
        return base

    def _iso(self, g: dict[str, str | None], tense: str | None) -> _Resolved:
        return self._checked(
            int(g["year"] or 0), int(g["m"] or 0), int(g["day"] or 0), "day", _Resolved(None, None)
        )

    def _dmy(self, g: dict[str, str | None], tense: str | None) -> _Resolved:
        return self._calendar(g["year"], _month_number(g["mon"]), int(g["day"] or 0), tense)

    _mdy = _dmy

    def _my(self, g: dict[str, str | None], tense: str | None) -> _Resolved:
        return self._calendar(g["year"], _month_number(g["mon"]), None, tense)

    def _month(self, g: dict[str, str | None], tense: str | None) -> _Resolved:
        rel = (g["rel"] or "").lower().split(" ")[0] or None
        return self._calendar(None, _month_number(g["mon"]), None, tense, "this" if rel == "this" else rel)

    def _year(self, g: dict[str, str | None], tense: str | None) -> _Resolved:
        return _Resolved(g["year"], "year")

    # --- relative to the publication date --------------------------------------------------------
    def _from_published(self, days: int, precision: Precision = "day", stated: bool = True) -> _Resolved:
        if self.published is None:
            return _Resolved(None, None, "unresolved")
        value = self.published + dt.timedelta(days=days)
        return _Resolved(
            _iso(value, precision),
            precision,
            "relative_to_published",
            self.published.isoformat(),
            days if stated else None,
        )

    def _day_word(self, g: dict[str, str | None], tense: str | None) -> _Resolved:
        return self._from_published(
            {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[(g["w"] or "").lower()]
        )

    def _day_part(self, g: dict[str, str | None], tense: str | None) -> _Resolved:
        last_night = (g["w"] or "").lower() == "last" and (g["part"] or "").lower() == "night"
        return self._from_published(-1 if last_night else 0)

    def _unit_rel(self, g: dict[str, str | None], tense: str | None) -> _Resolved:
        rel, unit = (g["rel"] or "").lower(), (g["unit"] or "").lower()
        step = {"last": -1, "this": 0, "next": 1, "the previous": -1, "the following": 1}[rel]
        if rel.startswith("the "):
            return self._from_previous(step, unit)
        if unit == "week":
            return self._from_published(7 * step)
        if self.published is None:
            return _Resolved(None, None, "unresolved")
        pub = self.published
        value = _shift_month(pub, step) if unit == "month" else dt.date(pub.year + step, 1, 1)
        precision: Precision = "month" if unit == "month" else "year"
        return _Resolved(_iso(value, precision), precision, "relative_to_published", pub.isoformat())

    def _offset(self, g: dict[str, str | None], tense: str | None) -> _Resolved:
        n, unit, direction = _number(g["n"] or "0"), (g["unit"] or "").lower(), (g["dir"] or "").lower()
        sign = 1 if direction in ("later", "after", "from now") else -1
        if direction in ("ago", "from now"):
            if unit in ("day", "week"):
                return self._from_published(sign * n * (7 if unit == "week" else 1))
            return self._months_from(self.published, sign * n, unit, "relative_to_published")
        return self._from_previous(sign * n, unit)

    def _next_day(self, g: dict[str, str | None], tense: str | None) -> _Resolved:
        word = (g["w"] or g["w2"] or "").lower()
        return self._from_previous(1 if word in ("next", "following", "after") else -1, "day")

    # --- relative to the previous date in the text -----------------------------------------------
    def _from_previous(self, n: int, unit: str) -> _Resolved:
        """ "Six days later", "the next day": counted from the story's own time, the date stated before. A date in
        the same paragraph and close by anchors it surely (``relative_to_previous``); a date further back in the
        article is the story's nearest dated event, a likely but unsure anchor (``relative_to_story``); with no date
        before, the expression stays unresolved (the publication date is not the story's time)."""
        if self.previous is None:
            return _Resolved(None, None, "unresolved")
        between = self.text[self.previous_end : self.start]
        near = len(between) <= PREVIOUS_WINDOW and "\n\n" not in between
        resolution = "relative_to_previous" if near else "relative_to_story"
        anchor, precision = self.previous
        if unit in ("day", "week") and precision == "day":
            days = n * (7 if unit == "week" else 1)
            value = anchor + dt.timedelta(days=days)
            return _Resolved(value.isoformat(), "day", resolution, anchor.isoformat(), days)
        if unit in ("day", "week"):
            return _Resolved(None, None, "unresolved", _iso(anchor, precision))
        return self._months_from(anchor, n, unit, resolution, precision)

    @staticmethod
    def _months_from(
        anchor: dt.date | None, n: int, unit: str, resolution: str, anchor_precision: Precision = "day"
    ) -> _Resolved:
        if anchor is None:
            return _Resolved(None, None, "unresolved")
        if unit == "month":
            if anchor_precision == "year":
                return _Resolved(None, None, "unresolved", _iso(anchor, anchor_precision))
            return _Resolved(
                _iso(_shift_month(anchor, n), "month"), "month", resolution, _iso(anchor, anchor_precision)
            )
        return _Resolved(str(anchor.year + n), "year", resolution, _iso(anchor, anchor_precision))

    def _weekday(self, g: dict[str, str | None], tense: str | None) -> _Resolved:
        if self.published is None:
            return _Resolved(None, None, "unresolved")
        target = int(lexicon().weekdays[(g["wd"] or "").lower()])
        rel = (g["rel"] or "").lower()
        pub = self.published
        back = (pub.weekday() - target) % 7  # days back to the same-or-previous such weekday
        ahead = (target - pub.weekday()) % 7
        if rel == "next" or rel == "this coming" or (not rel and tense == "future"):
            days = ahead if ahead or not rel else 7
        elif rel == "last":
            days = -(back or 7)  # "last Thursday" said on a Thursday is a week ago, not today
        elif rel == "this":
            days = -back if tense == "past" else ahead
        else:  # a bare or "this past" weekday in a past or unclear clause: the latest one, publication
            # day included (wire copy dated Friday says "said Friday"; TimeBank dev: 0.94 vs 0.89 strict)
            days = -back
        value = pub + dt.timedelta(days=days)
        return _Resolved(value.isoformat(), "day", "relative_to_published", pub.isoformat())

    def _quarter(self, g: dict[str, str | None], tense: str | None) -> _Resolved:
        return _Resolved(None, None, "unresolved")


def extract_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date or time expression of ``text`` in document order, resolved against ``published``."""
    matches = find_expressions(text)
    spans = [Span(m.start, m.end) for m in matches]
    resolver = _Resolver(text, published)
    mentions: list[DateMention] = []
    for match, span, clause in zip(matches, spans, analyse_clauses(text, spans), strict=True):
        resolved = resolver.resolve(match, clause.tense)
        stated = match.groups.get("wd")
        mentions.append(
            DateMention(
                text=text[span.start : span.end],
                iso=resolved.iso,
                precision=resolved.precision,
                span=span,
                weekday=WEEKDAY_NAMES[int(lexicon().weekdays[stated.lower()])] if stated else None,
                resolution=resolved.resolution,
                anchor=resolved.anchor,
                relative_days=resolved.relative_days,
                event=clause.event,
                tense=clause.tense,
            )
        )
    return mentions
