"""Calendar facts the dates layer and the misdating rules share: weekday names and whether a stated weekday fits.

Both ``audit.claim_extraction.dates.mentions`` (which records the weekday a text states beside a date) and the
``misdated.weekday`` rule (which flags a stated weekday that is wrong) read this module; neither reaches into the
other.
"""

from __future__ import annotations

import calendar
import datetime as dt

from audit.model import DateMention

WEEKDAY_NAMES: tuple[str, ...] = tuple(calendar.day_name)  # "Monday" .. "Sunday"


def weekday_name(day: dt.date) -> str:
    """The English name of the weekday of ``day``."""
    return WEEKDAY_NAMES[day.weekday()]


def weekday_mismatch(m: DateMention) -> str | None:
    """The real weekday of ``m.iso`` when the weekday stated in the text disagrees with it, else None."""
    if m.weekday is None or m.iso is None or m.precision != "day":
        return None
    real = weekday_name(dt.date.fromisoformat(m.iso))
    return real if real.lower() != m.weekday.lower() else None
