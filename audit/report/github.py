"""GitHub Actions workflow annotations for ``audit check --format github``.

One ``::LEVEL file=PATH,line=N,title=…::message`` line per flag, pointing at the claim's line in the capture, so
the flag shows up on the pull request's diff. The level follows the gate: ``error`` for the flags that fail the
check (of the ``--fail-on`` kinds, at or above ``--min-severity``), then the others as ``warning`` (medium and
high) or ``notice`` (low), each group most severe first. Values are escaped as the workflow-command syntax
requires (``%``, CR and LF everywhere; also ``:`` and ``,`` in properties), so a hostile capture cannot inject a
second command.
"""

from __future__ import annotations

from audit.report.check import SEVERITY_LEVEL, CheckResult, Finding


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, level: str = "error") -> str:
    properties = [f"file={_escape_property(finding.source.path)}"]
    if finding.line:
        properties.append(f"line={finding.line}")
    properties.append(
        f"title={_escape_property(f'{finding.flag.kind} ({finding.flag.severity}): {finding.flag.rule}')}"
    )
    return f"::{level} {','.join(properties)}::{_escape_data(finding.flag.message)}"


def render_github(check: CheckResult) -> str:
    gating = {id(finding.flag) for finding in check.findings}
    sources = {source.source_id: source for source in check.result.sources}
    others = [
        Finding(sources[claim.source_id], claim, flag)
        for claim, flag in check.result.flags()
        if id(flag) not in gating and claim.source_id in sources
    ]
    lines = [annotation(finding, "error") for finding in _by_severity(check.findings)]
    lines += [
        annotation(finding, "notice" if finding.flag.severity == "low" else "warning")
        for finding in _by_severity(others)
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def _by_severity(findings: tuple[Finding, ...] | list[Finding]) -> list[Finding]:
    return sorted(
        findings, key=lambda f: -SEVERITY_LEVEL[f.flag.severity]
    )  # stable: path and line order kept
