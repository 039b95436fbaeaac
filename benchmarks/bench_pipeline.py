"""Benchmark the whole pipeline: captures per second and peak memory on a generated corpus.

The corpus is made from the sample captures in raw/, each copied N times with a unique line appended (so every
copy has its own content hash and nothing is shared between copies). Run:

    python benchmarks/bench_pipeline.py --copies 40 --jobs 2

With ``--ledger N`` the audit also checks a reference ledger: the sample ledger in raw/reference plus N made-up
office holders and N made-up events (none of them in the captures, as most of a real ledger is not in any one
corpus), so the misdating rules' cost per claim with a large ledger shows. Record the figures with the command and the date in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import tempfile
import time
from pathlib import Path

from audit.pipeline.config import RunConfig
from audit.pipeline.run import run_audit
from audit.report.write import write_outputs

RAW = Path(__file__).resolve().parents[1] / "raw"


def make_corpus(folder: Path, copies: int) -> int:
    seeds = sorted(RAW.glob("*.txt"))
    for copy in range(copies):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            (folder / f"{seed.stem}_{copy:05d}.txt").write_text(
                f"{text}\n\nCapture note {copy}.\n", encoding="utf-8"
            )
    return copies * len(seeds)


def make_ledger(folder: Path, extra: int) -> None:
    """The sample ledger plus ``extra`` office holders and ``extra`` events nobody in the captures mentions."""
    folder.mkdir()
    roles = (RAW / "reference" / "roles.csv").read_text(encoding="utf-8").rstrip("\n").splitlines()
    events = (RAW / "reference" / "events.csv").read_text(encoding="utf-8").rstrip("\n").splitlines()
    for i in range(extra):
        title = f"Commissioner for Area {i % 40}"
        roles.append(
            f"Person{i} Holder{i},{title},{title};Commissioner,2001-01-01,2005-01-01,https://example.org/{i}"
        )
        events.append(
            f"event-{i},Meeting {i},2003-03-{1 + i % 28:02d},Person{i} Holder{i};Person{i + 1} Holder{i + 1},"
            f"meeting;talks;visit{i},https://example.org/e{i}"
        )
    (folder / "roles.csv").write_text("\n".join(roles) + "\n", encoding="utf-8")
    (folder / "events.csv").write_text("\n".join(events) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--copies", type=int, default=40, help="copies of each sample capture")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0: all cores)")
    parser.add_argument(
        "--ledger", type=int, help="check a reference ledger with this many extra rows of each kind"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="audit-bench-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        captures = make_corpus(corpus, args.copies)
        reference = None
        if args.ledger is not None:
            make_ledger(work / "reference", args.ledger)
            reference = str(work / "reference")
        started = time.perf_counter()
        result = run_audit(RunConfig((str(corpus),), jobs=args.jobs, reference=reference))
        audited = time.perf_counter() - started
        write_outputs(result, work / "out")
        total = time.perf_counter() - started
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures = {
            "captures": captures,
            "claims": len(result.claims),
            "flags": len(result.flags()),
            "jobs": result.run["jobs"],
            "ledger_extra_rows": args.ledger,
            "audit_seconds": round(audited, 2),
            "total_seconds_with_writing": round(total, 2),
            "captures_per_second": round(captures / audited, 2),
            "peak_rss_parent_mib": round(parent, 1),
            "peak_rss_largest_worker_mib": round(children, 1),
            "python": platform.python_version(),
        }
        print(json.dumps(figures, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
