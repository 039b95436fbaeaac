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


MAX_DEPTH = 64  # nesting of objects and arrays; an audit is about ten deep


class _Unreadable(ValueError):
    """JSON that cannot be checked at all; the message says why."""


def _refuse_constant(name: str) -> Any:
    raise _Unreadable(f"{name} is not valid JSON (write null or a number)")


def _load(text: str) -> Any:
    """Parse strict JSON: NaN and Infinity refused, nesting bounded, never a crash."""
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise _Unreadable(f"not JSON: {error.msg} at line {error.lineno}") from error
    except RecursionError as error:
        raise _Unreadable(f"nested too deep to read (more than {MAX_DEPTH} levels)") from error
    if _depth(data) > MAX_DEPTH:
        raise _Unreadable(f"nested more than {MAX_DEPTH} levels deep; audit JSON is about ten deep")
    return data


def _depth(data: Any) -> int:
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, level)
            if level <= MAX_DEPTH:
                stack.extend(
                    (child, level + 1) for child in (node.values() if isinstance(node, dict) else node)
                )
    return deepest


def _check(instance: Any, schema: str, file: str, prefix: str = "") -> list[Problem]:
    errors = sorted(
        validator(schema).iter_errors(instance), key=lambda e: (list(map(str, e.absolute_path)), e.message)
    )
    return [Problem(file, prefix + _json_path(error.absolute_path), _clip(error.message)) for error in errors]


def _clip(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
                claim = _load(line)
            except _Unreadable as error:
                report.problems.append(
                    Problem(name, f"line {number}: $", str(error).replace(" at line 1", ""))
                )
                continue
            report.problems.extend(_check(claim, "claim", name, f"line {number}: "))
        return
    try:
        data = _load(raw)
    except _Unreadable as error:
        report.problems.append(Problem(name, "$", str(error)))
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


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _consistency(data: dict[str, Any], file: str) -> list[Problem]:
    """What a schema cannot say: each claim's span slices its source's text exactly, ids are unique.

    Runs on data the schema may have refused: a field of the wrong type is skipped here (the schema already said
    so), never a crash.
    """
    problems: list[Problem] = []
    sources: dict[str, dict[str, Any]] = {}
    for index, source in enumerate(_items(data.get("sources"))):
        sid = source.get("source_id") if isinstance(source, dict) else None
        if not isinstance(sid, str):
            continue
        if sid in sources:
            problems.append(Problem(file, f"$.sources[{index}].source_id", f"duplicate source id {sid}"))
        sources.setdefault(sid, source)
    seen: set[str] = set()
    for index, claim in enumerate(_items(data.get("claims"))):
        if not isinstance(claim, dict):
            continue
        cid = claim.get("claim_id")
        if isinstance(cid, str) and cid in seen:
            problems.append(Problem(file, f"$.claims[{index}].claim_id", f"duplicate claim id {cid}"))
        seen.add(str(cid))
        sid = claim.get("source_id")
        source = sources.get(sid) if isinstance(sid, str) else None
        if source is None:
            if isinstance(sid, str):
                problems.append(Problem(file, f"$.claims[{index}].source_id", "names no source in $.sources"))
            continue
        span = claim.get("span")
        start, end = (span.get("start"), span.get("end")) if isinstance(span, dict) else (None, None)
        text = source.get("text")
        if (
            isinstance(start, int)
            and isinstance(end, int)
            and isinstance(text, str)
            and text[start:end] != claim.get("text")
        ):
            problems.append(
                Problem(file, f"$.claims[{index}].span", "does not slice the source text to the claim text")
            )
    return problems


def validate_files(paths: list[Path]) -> ValidationReport:
    report = ValidationReport()
    for path in paths:
        check_file(path, report)
    return report
