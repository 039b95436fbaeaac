"""A sample of ``single_source_figure`` flags to read by hand: do the sources they name tell the same story?

Audit the metadata benchmark's real pages (mostly unrelated stories) first, then print a fixed sample of the flags
with, for each, the flagged claim, its source and every other source the flag names (title, URL, date, opening),
for a reader to judge whether each named source is on the flagged source's story::

    audit run ../shared/eval/metadata/htmldate/html ../shared/eval/metadata/trafilatura/html --out /tmp/meta --jobs 1
    python -m evaluation.story_sample /tmp/meta/audit.json [--size 40]

The sample is the ``size`` flags with the smallest ``sha256(claim_id + rule)``, so it does not depend on the order
of the audit. docs/quality.md records the judgements.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def sample(audit: dict[str, Any], size: int) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(claim, flag) for the ``size`` single-source flags first by hash."""
    found = [
        (claim, flag)
        for claim in audit["claims"]
        for flag in claim["flags"]
        if flag["kind"] == "single_source_figure"
    ]
    found.sort(key=lambda item: hashlib.sha256((item[0]["claim_id"] + item[1]["rule"]).encode()).hexdigest())
    return found[:size]


def _describe(source: dict[str, Any], width: int) -> str:
    opening = " ".join(source["text"].split())[:width]
    return (
        f"{source.get('title')!r} | {source.get('url') or source['path']} | {source.get('published')} | "
        f"story {source.get('story')}\n      {opening}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("audit", type=Path, help="an audit.json of the metadata pages")
    parser.add_argument("--size", type=int, default=40)
    parser.add_argument("--width", type=int, default=400, help="characters of each source's opening shown")
    args = parser.parse_args(argv)
    audit = json.loads(args.audit.read_text(encoding="utf-8"))
    sources = {s["source_id"]: s for s in audit["sources"]}
    total = sum(1 for c in audit["claims"] for f in c["flags"] if f["kind"] == "single_source_figure")
    print(f"{total} single_source_figure flags; sample of {min(args.size, total)}\n")
    for number, (claim, flag) in enumerate(sample(audit, args.size), 1):
        print(f"#{number} {claim['claim_id']}: {flag['message']}")
        print(f"  claim: {claim['text']}")
        print(f"  flagged: {_describe(sources[claim['source_id']], args.width)}")
        named = [e for e in flag["evidence"] if e["type"] == "source" and e.get("source_id")]
        for evidence in named:
            print(
                f"  named ({evidence['note'].split(':')[0]}): {_describe(sources[evidence['source_id']], args.width)}"
            )
            if evidence.get("text"):
                print(f"      sentence: {evidence['text']}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
