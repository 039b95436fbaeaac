"""Benchmark date analysis on pages listing many years: the time must grow with the page, not with its square.

Each date asks for its sentence, its tense cues, verb, event kind and named participants; a page listing
thousands of years in one sentence (a timeline, a table flattened to text) once made every date walk the whole
sentence and the whole text before it. Run:

    python benchmarks/bench_dates.py --years 10000

Two pages are timed: the years as one comma-separated list in one sentence (the page that took minutes; exit 1
when it takes longer than ``--limit`` seconds, default 2), and one short sentence per year (reported: there the
cost is per sentence, and a page of 10,000 sentences is forty times longer). Record figures in
docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from audit.claim_extraction.dates.mentions import extract_dates


def pages(years: int) -> dict[str, str]:
    listed = [str(1700 + i % 330) for i in range(years)]
    return {
        "one list": "The fair was held in " + ", ".join(listed) + ", the council said.",
        "one sentence each": " ".join(f"In {year} the fair was held in the square." for year in listed),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--years", type=int, default=10_000)
    parser.add_argument("--limit", type=float, default=2.0, help="seconds a page may take (exit 1 past it)")
    args = parser.parse_args()
    extract_dates("Warm-up on 3 May 2020.", dt.date(2024, 1, 1))  # lexicons loaded before timing
    slow = False
    for name, text in pages(args.years).items():
        started = time.perf_counter()
        found = extract_dates(text, dt.date(2024, 1, 1))
        seconds = time.perf_counter() - started
        slow = slow or (name == "one list" and seconds > args.limit)
        print(
            f"{name}: {args.years:,} years, {len(text):,} characters, {len(found):,} dates in {seconds:.2f} s"
        )
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
