"""Benchmark the whole pipeline: captures per second and peak memory on a generated corpus.

The corpus is made from the sample captures in raw/, each copied N times with a unique line appended (so every
copy has its own content hash and nothing is shared between copies). Run:

    python benchmarks/bench_pipeline.py --copies 40 --jobs 2

and record the figures with the command and the date in docs/performance.md.
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

from audit.output import write_outputs
from audit.pipeline import RunConfig, run_audit

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--copies", type=int, default=40, help="copies of each sample capture")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0: all cores)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="audit-bench-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        captures = make_corpus(corpus, args.copies)
        started = time.perf_counter()
        result = run_audit(RunConfig((str(corpus),), jobs=args.jobs))
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
