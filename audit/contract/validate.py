"""``audit validate``: check audit JSON, or JSON Lines of claims, against the schemas.

Split as in check-jsonschema: ``check_file`` loads and checks, filling a plain ``ValidationReport``; the CLI
renders it. An audit file is an object with ``schema_version``; a ``.jsonl`` file holds one claim per line; a
``.json`` array holds claims.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.contract.schemas import validator


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    path: str  # JSON path, e.g. "$.claims[3].span.start"; for JSON Lines it starts with the line: "line 4: $"
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path}: {self.message}"


@dataclass
class ValidationReport:
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems


def _json_path(parts: Any) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _check(instance: Any, schema: str, file: str, prefix: str = "") -> list[Problem]:
    errors = sorted(
        validator(schema).iter_errors(instance), key=lambda e: (list(map(str, e.absolute_path)), e.message)
    )
    return [Problem(file, prefix + _json_path(error.absolute_path), error.message) for error in errors]


def check_file(path: Path, report: ValidationReport) -> None:
    name = str(path)
    report.files.append(name)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        report.problems.append(Problem(name, "$", f"cannot read the file: {error}"))
        return
    if path.suffix == ".jsonl":
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                claim = json.loads(line)
            except json.JSONDecodeError as error:
                report.problems.append(Problem(name, f"line {number}: $", f"not JSON: {error.msg}"))
                continue
            report.problems.extend(_check(claim, "claim", name, f"line {number}: "))
        return
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        report.problems.append(Problem(name, "$", f"not JSON: {error.msg} at line {error.lineno}"))
        return
    if isinstance(data, list):
        for index, claim in enumerate(data):
            report.problems.extend(_check(claim, "claim", name, f"[{index}] "))
    elif isinstance(data, dict) and "claim_id" in data and "schema_version" not in data:
        report.problems.extend(_check(data, "claim", name))
    else:
        report.problems.extend(_check(data, "audit", name))
        if isinstance(data, dict):
            report.problems.extend(_consistency(data, name))


def _consistency(data: dict[str, Any], file: str) -> list[Problem]:
    """What a schema cannot say: each claim's span slices its source's text exactly, ids are unique."""
    problems: list[Problem] = []
    sources = {s.get("source_id"): s for s in data.get("sources", []) if isinstance(s, dict)}
    seen: set[str] = set()
    for index, claim in enumerate(data.get("claims", [])):
        if not isinstance(claim, dict):
            continue
        cid = claim.get("claim_id")
        if cid in seen:
            problems.append(Problem(file, f"$.claims[{index}].claim_id", f"duplicate claim id {cid}"))
        seen.add(str(cid))
        source = sources.get(claim.get("source_id"))
        if source is None:
            problems.append(Problem(file, f"$.claims[{index}].source_id", "names no source in $.sources"))
            continue
        span = claim.get("span") or {}
        start, end = span.get("start"), span.get("end")
        text = source.get("text", "")
        if isinstance(start, int) and isinstance(end, int) and text[start:end] != claim.get("text"):
            problems.append(
                Problem(file, f"$.claims[{index}].span", "does not slice the source text to the claim text")
            )
    return problems


def validate_files(paths: list[Path]) -> ValidationReport:
    report = ValidationReport()
    for path in paths:
        check_file(path, report)
    return report
