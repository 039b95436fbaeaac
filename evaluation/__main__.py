"""Run every evaluation task on ``../shared/eval`` and check the pinned quality floors (``nox -s eval``).

Like trafilatura's eval gate: each headline metric has a floor (or, for error rates, a ceiling) in
``floors.json``, checked with a small epsilon for noise, and each task's data folder has a pinned sha256 so nobody
edits the data to pass. When the eval folder is absent the run says so and exits 0 (skipped cleanly).

    python -m evaluation [--only TASK ...] [--out FILE] [--update-hashes]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from evaluation.common import eval_root

# task name -> (module under evaluation, data folder under the eval root)
TASKS: dict[str, tuple[str, str]] = {
    "extraction": ("extraction", "extraction"),
    "metadata": ("metadata", "metadata"),
    "text_capture": ("text_capture", "extraction"),
    "claimbuster": ("claimbuster", "claims/claimbuster"),
    "polnear": ("polnear", "claims/polnear"),
    "weasel": ("weasel", "claims/wiki_weasel"),
    "timebank": ("timebank", "claims/timebank_te3"),
    "misdating": ("misdating", "claims/timebank_te3"),
    "flags": ("flags", "flags"),
    "stories": ("stories", "claims/fnc1"),
}
FLOORS = Path(__file__).with_name("floors.json")


def folder_sha256(folder: Path) -> str:
    """A hash of every file's relative path and bytes under ``folder``, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def check_floors(metrics: dict[str, Any], floors: dict[str, Any]) -> list[str]:
    """Failures: a metric below its floor (or above its ceiling) by more than epsilon, or missing."""
    epsilon = float(floors.get("epsilon", 0.005))
    failures = []
    for name, floor in floors.get("min", {}).items():
        value = metrics.get(name)
        if not isinstance(value, (int, float)):
            failures.append(f"{name}: missing (floor {floor})")
        elif value < floor - epsilon:
            failures.append(f"{name}: {value:.4f} is below the floor {floor}")
    for name, ceiling in floors.get("max", {}).items():
        value = metrics.get(name)
        if not isinstance(value, (int, float)):
            failures.append(f"{name}: missing (ceiling {ceiling})")
        elif value > ceiling + epsilon:
            failures.append(f"{name}: {value:.4f} is above the ceiling {ceiling}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate audit on ../shared/eval and check the floors.")
    parser.add_argument("--only", nargs="*", choices=sorted(TASKS), help="run only these tasks")
    parser.add_argument("--out", type=Path, help="also write the metrics as JSON to this file")
    parser.add_argument(
        "--update-hashes", action="store_true", help="pin the current data hashes in floors.json"
    )
    args = parser.parse_args(argv)
    root = eval_root()
    if root is None:
        print("eval skipped: ../shared/eval not found (set AUDIT_EVAL_DIR to point at it)")
        return 0
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    metrics: dict[str, Any] = {}
    failures: list[str] = []
    for task in args.only or list(TASKS):
        module_name, folder = TASKS[task]
        data = root / folder
        if not data.is_dir():
            print(f"{task}: skipped ({data} not found)")
            continue
        digest = folder_sha256(data)
        pinned = floors.get("data_sha256", {}).get(folder)
        if args.update_hashes:
            floors.setdefault("data_sha256", {})[folder] = digest
        elif pinned and pinned != digest:
            failures.append(
                f"{task}: the data in {folder} changed (sha256 {digest[:12]}…, pinned {pinned[:12]}…)"
            )
        started = time.monotonic()
        module = importlib.import_module(f"evaluation.{module_name}")
        result = module.run(root)
        metrics.update(result)
        print(f"{task}: {time.monotonic() - started:.1f} s")
    failures += check_floors(metrics, floors) if not args.only else []
    print(json.dumps(metrics, indent=2, sort_keys=True))
    if args.out:
        args.out.write_text(json.dumps(metrics, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if args.update_hashes:
        FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    for failure in failures:
        print(f"FLOOR: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
