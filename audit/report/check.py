"""CI gating: which flags of an audit are at or above the threshold, and so whether the check fails.

``audit check`` runs the same audit as ``audit run`` and then asks one question: is there any flag of the kinds
in ``--fail-on`` with a severity at or above ``--min-severity``? The answer is the exit code (0 none, 1 some,
2 misuse); the gating flags are what the reporters (text, JSON, GitHub annotations, SARIF) print. Splitting the
decision (here) from the rendering (``audit.report.github``, ``audit.report.sarif``) keeps every format telling
the same story.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from audit.model import FLAG_KINDS, SEVERITIES, AuditResult, Claim, Flag, FlagKind, Severity, Source

SEVERITY_LEVEL: dict[str, int] = {level: rank for rank, level in enumerate(SEVERITIES)}  # low 0 … high 2


class CheckUsageError(ValueError):
    """A bad --fail-on or --min-severity value (exit 2)."""


def parse_kinds(text: str | None) -> tuple[FlagKind, ...]:
    """Flag kinds from a comma-separated list ("misdated,contested"); empty or None means every kind."""
    if not text or not text.strip():
        return FLAG_KINDS
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = sorted(set(names) - set(FLAG_KINDS))
    if unknown:
        raise CheckUsageError(
            f"unknown flag kind(s) {', '.join(unknown)}; choose from {', '.join(FLAG_KINDS)} (comma-separated)"
        )
    return tuple(kind for kind in FLAG_KINDS if kind in names)


@dataclass(frozen=True, slots=True)
class Finding:
    """One gating flag with the claim and source it belongs to."""

    source: Source
    claim: Claim
    flag: Flag

    @property
    def line(self) -> int | None:
        return self.claim.capture_line

    @property
    def fingerprint(self) -> str:
        """Stable across runs and edits elsewhere in the capture: the rule, the capture's path and the claim text.

        Not the line number (a paragraph added above would move it) and not the capture's hash (fixing a typo
        elsewhere would change it), so a re-run after unrelated edits matches the same alert.
        """
        key = json.dumps(
            [self.flag.rule, self.source.path, " ".join(self.claim.text.split())], ensure_ascii=False
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class CheckResult:
    result: AuditResult
    kinds: tuple[FlagKind, ...]
    min_severity: Severity
    findings: tuple[Finding, ...]

    @property
    def audited(self) -> int:
        return sum(1 for source in self.result.sources if source.status == "ok")

    @property
    def exit_code(self) -> int:
        """0 when no flag is at or above the threshold, 1 when some are (or nothing could be audited)."""
        return 1 if self.findings or self.audited == 0 else 0


def gate(result: AuditResult, kinds: tuple[FlagKind, ...], min_severity: Severity) -> CheckResult:
    """The flags of ``result`` of one of ``kinds`` at or above ``min_severity``, sorted by path, line and rule."""
    if min_severity not in SEVERITY_LEVEL:
        raise CheckUsageError(f"unknown severity {min_severity!r}; choose from {', '.join(SEVERITIES)}")
    floor = SEVERITY_LEVEL[min_severity]
    sources = {source.source_id: source for source in result.sources}
    findings = [
        Finding(sources[claim.source_id], claim, flag)
        for claim, flag in result.flags()
        if flag.kind in kinds and SEVERITY_LEVEL[flag.severity] >= floor and claim.source_id in sources
    ]
    findings.sort(key=lambda f: (f.source.path, f.line or 0, f.claim.span.start, f.flag.rule, f.flag.message))
    return CheckResult(result, kinds, min_severity, tuple(findings))


def finding_data(finding: Finding) -> dict[str, object]:
    return {
        "path": finding.source.path,
        "line": finding.line,
        "kind": finding.flag.kind,
        "rule": finding.flag.rule,
        "severity": finding.flag.severity,
        "message": finding.flag.message,
        "claim": finding.claim.text,
        "claim_id": finding.claim.claim_id,
        "source_id": finding.source.source_id,
        "fingerprint": finding.fingerprint,
    }


def render_text(check: CheckResult) -> str:
    """One ``PATH:LINE: severity kind [rule] message`` line per gating flag, most severe first."""
    ordered = sorted(
        check.findings, key=lambda f: -SEVERITY_LEVEL[f.flag.severity]
    )  # stable: path, line kept
    lines = [
        f"{f.source.path}:{f.line or '?'}: {f.flag.severity} {f.flag.kind} [{f.flag.rule}] {f.flag.message}"
        for f in ordered
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def render_json(check: CheckResult) -> str:
    data = {
        "failed": check.exit_code != 0,
        "fail_on": list(check.kinds),
        "min_severity": check.min_severity,
        "sources": len(check.result.sources),
        "audited": check.audited,
        "findings": [finding_data(f) for f in check.findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def summary_line(check: CheckResult) -> str:
    verdict = "FAIL" if check.exit_code else "ok"
    return (
        f"audit check: {verdict}: {len(check.findings)} flag(s) of {', '.join(check.kinds)} at or above "
        f"{check.min_severity} in {check.audited} audited source(s)"
    )
