"""Benchmark of the corpus stages: independence groups, stories and the cross-source rules on 1k, 10k and 100k claims.

Generates a synthetic corpus of stories (five sources per story sharing its vocabulary and names, with general
words mixed in; a tenth of the sources reprinted by a copy), 20 claims per source (60% figures of a few slots per
story, so figures agree and conflict inside stories; 40% dated events among a pool of participants), then times
``assign_groups``, ``assign_stories`` and ``run_rules`` and reports peak resident memory. Each size runs in a fresh
process so the peaks do not mix. Usage::

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
from audit.corpus.stories.assign import assign_stories
from audit.flags.registry import run_rules
from audit.model import NO_ATTRIBUTION, Claim, DateMention, EventRef, Figure, Selector, Source, Span

CLAIMS_PER_SOURCE = 20
SOURCES_PER_STORY = 5
LETTERS = "bcdfghjklmnprstvz"
VOWELS = "aeiou"
SLOTS = [("homes", "destroyed"), ("people", "killed"), ("flights", "cancelled"), ("workers", "injured")]
PEOPLE = [f"Person{i}" for i in range(400)]


def _word(i: int) -> str:
    """A pronounceable made-up word per index, so the story test reads words as it reads text."""
    syllables = []
    for _ in range(3):
        syllables.append(LETTERS[i % len(LETTERS)] + VOWELS[(i // len(LETTERS)) % len(VOWELS)])
        i //= len(LETTERS) * len(VOWELS)
    return "".join(syllables) + "x"


GENERAL = [_word(i) for i in range(5000)]


def _text(rng: random.Random, story: int) -> str:
    vocabulary = [_word(10_000 + 40 * story + k) for k in range(40)]
    names = [_word(500_000 + 3 * story + k).capitalize() for k in range(3)]
    words = [rng.choice(vocabulary) if rng.random() < 0.6 else rng.choice(GENERAL) for _ in range(200)]
    for k in range(0, 200, 25):
        words[k] = f"with {rng.choice(names)}"
    return " ".join(words) + "."


def _source(i: int, text: str) -> Source:
    return Source(f"src-{i:016x}", f"gen/{i}.txt", f"{i:064x}", "text/plain", "ok", text=text)


def _claim(source: Source, j: int, rng: random.Random) -> Claim:
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    if rng.random() < 0.6:
        noun, verb = rng.choice(SLOTS)
        value = float(rng.choice([12, 20, 40, 120, 3200]))
        figure = f"{value:g} {noun}"
        text = f"{figure} were {verb}."
        figures = (Figure(figure, value, "count", Span(0, len(figure)), measure=noun),)
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


def run(size: int) -> dict[str, float]:
    rng = random.Random(size)
    sources: list[Source] = []
    for i in range(size // CLAIMS_PER_SOURCE):
        if i % 10 == 9:  # a reprint of the previous source
            sources.append(_source(i, "Reworded headline " + sources[-1].text))
        else:
            sources.append(_source(i, _text(rng, i // SOURCES_PER_STORY)))
    start = time.perf_counter()
    grouped = assign_groups(sources)
    independence = time.perf_counter() - start
    claims = tuple(_claim(s, j, rng) for s in grouped for j in range(CLAIMS_PER_SOURCE))
    start = time.perf_counter()
    storied = assign_stories(grouped, claims)
    stories = time.perf_counter() - start
    start = time.perf_counter()
    findings = run_rules(Corpus(storied, claims))
    rules = time.perf_counter() - start
    return {
        "claims": len(claims),
        "sources": len(sources),
        "stories": len({s.story for s in storied}),
        "independence": independence,
        "story_time": stories,
        "rules": rules,
        "flags": len(findings.flags),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, action="append")
    args = parser.parse_args()
    if args.size and len(args.size) == 1:
        found = run(args.size[0])
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"| {found['claims']:,.0f} | {found['sources']:,.0f} | {found['stories']:,.0f} | "
            f"{found['independence']:.2f} | {found['story_time']:.2f} | {found['rules']:.2f} | {peak_mb:.0f} | "
            f"{found['flags']:,.0f} |"
        )
        return
    print(
        "| claims | sources | stories | independence (s) | stories (s) | rules (s) | peak RSS (MB) | flags |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.size or [1_000, 10_000, 100_000]:
        subprocess.run([sys.executable, __file__, "--size", str(size)], check=True)


if __name__ == "__main__":
    main()
