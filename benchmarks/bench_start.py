"""Benchmark start-up: ``audit --help``, ``audit --version`` and ``audit run`` on one small text capture.

Each command runs in a fresh process (as a user types it), ``--repeat`` times; the best wall time is reported,
the figure least disturbed by other work on the machine. Run from the project root:

    python benchmarks/bench_start.py                  # best of 5
    python benchmarks/bench_start.py --repeat 9 --capture raw/001_9d7b1575e19265cf.txt

Issue #18's targets: ``--help`` and ``--version`` within 0.3 s, the one-capture audit within 1.5 s. Exit 1 when a
command fails. Record figures in docs/performance.md.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CAPTURE = "raw/003_b1e8e9ae686f0359.txt"  # 5.9 KB, 36 claims


def best_of(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            sys.exit(f"{' '.join(command)} failed (exit {done.returncode}):\n{done.stderr.decode()}")
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (best reported)")
    parser.add_argument("--capture", default=DEFAULT_CAPTURE, help="the capture `audit run` audits")
    args = parser.parse_args()
    audit = [sys.executable, "-m", "audit"]
    out = Path(tempfile.mkdtemp(prefix="bench-start-"))
    try:
        commands = {
            "audit --help": [*audit, "--help"],
            "audit --version": [*audit, "--version"],
            f"audit run {args.capture}": [
                *audit,
                *("run", args.capture, "--no-reference", "--no-progress", "--out", str(out / "out")),
            ],
        }
        for name, command in commands.items():
            print(f"{name}: {best_of(command, args.repeat):.2f} s (best of {args.repeat})")
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
