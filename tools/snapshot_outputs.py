"""Snapshot what the audit writes on ``raw/`` and every ``tests/cases/`` folder, to prove a change keeps outputs.

    python -m tools.snapshot_outputs OUT_DIR            # audit each folder into OUT_DIR/<name>/
    python -m tools.snapshot_outputs --compare A B      # exit 1 and list the files that differ

Each folder is audited through the command line (``python -m audit run … --jobs 1``), so the script works on any
version of the package that is importable. ``audit.json`` is compared without its ``run`` object (start time,
duration, host), the only part that may differ between two runs; every other file is compared byte for byte.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def folders() -> dict[str, tuple[Path, Path | None]]:
    """Every audited folder by name, with its reference ledger (or None)."""
    found: dict[str, tuple[Path, Path | None]] = {"raw": (ROOT / "raw", ROOT / "raw" / "reference")}
    for case in sorted((ROOT / "tests" / "cases").glob("*/captures")):
        ledger = case.parent / "reference"
        found[f"case-{case.parent.name}"] = (case, ledger if ledger.is_dir() else None)
    return found


def snapshot(out: Path) -> None:
    for name, (inputs, ledger) in folders().items():
        target = out / name
        shown = inputs.relative_to(ROOT).as_posix()  # paths in the outputs are as given: relative to the root
        command = [sys.executable, "-m", "audit", "run", shown, "--out", str(target.resolve()), "--jobs", "1"]
        command += ["--reference", ledger.relative_to(ROOT).as_posix()] if ledger else ["--no-reference"]
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        audit_json = target / "audit.json"
        data = json.loads(audit_json.read_text(encoding="utf-8"))
        data.pop("run", None)
        (target / "audit.norun.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
        audit_json.unlink()
        print(f"{name}: {len(data['sources'])} sources, {len(data['claims'])} claims")


def compare(first: Path, second: Path) -> list[str]:
    differ = []

    def outputs(folder: Path) -> set[Path]:  # not the lock and marker files of the output folder
        return {
            p.relative_to(folder) for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")
        }

    names = outputs(first) | outputs(second)
    for name in sorted(names):
        a, b = first / name, second / name
        if not a.is_file() or not b.is_file() or a.read_bytes() != b.read_bytes():
            differ.append(str(name))
    return differ


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--compare", action="store_true", help="compare two snapshot folders")
    args = parser.parse_args()
    if args.compare:
        first, second = args.paths
        differ = compare(first, second)
        for name in differ:
            print(f"differs: {name}")
        print("identical" if not differ else f"{len(differ)} file(s) differ")
        return 1 if differ else 0
    snapshot(args.paths[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
