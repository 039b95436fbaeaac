"""GitHub Actions workflow annotations for ``audit check --format github``.

One ``::warning file=PATH,line=N,title=…::message`` line per gating flag, pointing at the claim's line in the
capture, so the flag shows up on the pull request's diff. Values are escaped as the workflow-command syntax
requires (``%``, CR and LF everywhere; also ``:`` and ``,`` in properties), so a hostile capture cannot inject a
second command.
"""

from __future__ import annotations

from audit.report.check import CheckResult, Finding


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    properties = [f"file={_escape_property(finding.source.path)}"]
    if finding.line:
        properties.append(f"line={finding.line}")
    properties.append(
        f"title={_escape_property(f'{finding.flag.kind} ({finding.flag.severity}): {finding.flag.rule}')}"
    )
    return f"::warning {','.join(properties)}::{_escape_data(finding.flag.message)}"


def render_github(check: CheckResult) -> str:
    lines = [annotation(finding) for finding in check.findings]
    return "\n".join(lines) + ("\n" if lines else "")
