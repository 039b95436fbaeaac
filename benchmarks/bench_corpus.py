"""Benchmark of the corpus stages: independence groups and the cross-source rules on 1k, 10k and 100k claims.

Generates a synthetic corpus (20 claims per source, a tenth of the sources reprinted by a copy, figures drawn from
a vocabulary of measures that grows with the corpus, dated events among a pool of participants), then times
``assign_groups`` and ``run_rules`` and reports peak resident memory. Each size runs in a fresh process so the
peaks do not mix. Usage::

    PYTHONPATH=. python benchmarks/bench_corpus.py            # 1k, 10k, 100k
    PYTHONPATH=. python benchmarks/bench_corpus.py --size 1000
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time

from audit.corpus.independence import assign_groups
from audit.corpus.index import Corpus
from audit.flags.registry import run_rules
from audit.model import NO_ATTRIBUTION, Claim, DateMention, EventRef, Figure, Selector, Source, Span

CLAIMS_PER_SOURCE = 20
WORDS = [f"w{i}" for i in range(5000)]
NOUNS = [
    "homes",
    "jobs",
    "passengers injured",
    "grant",
    "budget",
    "exports",
    "troops",
    "votes",
    "loans",
    "schools",
]
PEOPLE = [f"Person{i}" for i in range(400)]


def _source(i: int, rng: random.Random, text: str | None = None) -> Source:
    body = text if text is not None else " ".join(rng.choice(WORDS) for _ in range(300))
    return Source(f"src-{i:08d}", f"gen/{i}.txt", f"{i:064x}", "text/plain", "ok", text=body)


def _claim(source: Source, j: int, rng: random.Random, measures: int) -> Claim:
    kind = rng.random()
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    if kind < 0.6:
        measure = f"{rng.choice(NOUNS)} m{rng.randrange(measures)}"
        value = float(rng.choice([10, 12, 20, 40, 120, 3200]))
        text = f"{value:g} {measure}"
        figures = (
            Figure(text, value, rng.choice(["count", "USD", "percent"]), Span(0, len(text)), measure=measure),
        )
    else:
        a, b = rng.sample(PEOPLE, 2)
        text = f"on 2025-02-{rng.randrange(1, 28):02d}"
        dates = (
            DateMention(
                text,
                text[3:],
                "day",
                Span(0, len(text)),
                event=EventRef("held", (a, b), rng.choice(["call", "meeting"])),
            ),
        )
    return Claim(
        f"clm-{source.source_id[4:]}-{j:03d}",
        source.source_id,
        text,
        Span(0, len(text)),
        Selector(text, "", ""),
        "figure" if figures else "date",
        0.9,
        (),
        figures,
        dates,
        NO_ATTRIBUTION,
        Span(0, len(text)),
    )


def run(size: int) -> tuple[float, float, int, int]:
    rng = random.Random(size)
    n_sources = size // CLAIMS_PER_SOURCE
    sources: list[Source] = []
    for i in range(n_sources):
        if i % 10 == 9:  # a reprint of the previous source
            sources.append(_source(i, rng, "Reworded headline " + sources[-1].text))
        else:
            sources.append(_source(i, rng))
    measures = max(10, size // 20)
    start = time.perf_counter()
    grouped = assign_groups(sources)
    independence = time.perf_counter() - start
    claims = tuple(_claim(s, j, rng, measures) for s in grouped for j in range(CLAIMS_PER_SOURCE))
    start = time.perf_counter()
    findings = run_rules(Corpus(grouped, claims))
    rules = time.perf_counter() - start
    return independence, rules, len(findings.flags), len(claims)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, action="append")
    args = parser.parse_args()
    if args.size and len(args.size) == 1:
        independence, rules, flags, claims = run(args.size[0])
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"| {claims:,} | {claims // CLAIMS_PER_SOURCE:,} | {independence:.2f} | {rules:.2f} | {peak_mb:.0f} | {flags:,} |"
        )
        return
    print("| claims | sources | independence (s) | rules (s) | peak RSS (MB) | flags |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size in args.size or [1_000, 10_000, 100_000]:
        subprocess.run([sys.executable, __file__, "--size", str(size)], check=True)


if __name__ == "__main__":
    main()
