"""SARIF 2.1.0 for ``audit check --format sarif`` (GitHub code scanning, other SARIF viewers).

Stable rule ids (the flag's dotted ``rule``), every known rule described in ``tool.driver.rules``, one result per
gating flag located at the claim's line in the capture, and ``partialFingerprints`` derived from the rule, the
capture path and the claim text (``audit.report.check.Finding.fingerprint``), so re-running the check on the same or
lightly edited captures updates alerts instead of duplicating them. Output is sorted and byte-stable.
"""

from __future__ import annotations

import json
from typing import Any

from audit import __version__
from audit.flags.registry import all_rules
from audit.report.check import CheckResult, Finding

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"high": "error", "medium": "warning", "low": "note"}
FINGERPRINT_KEY = "auditClaim/v1"


def _rules(check: CheckResult) -> list[dict[str, Any]]:
    known = all_rules()
    for finding in check.findings:
        known.setdefault(finding.flag.rule, (finding.flag.kind, finding.flag.message))
    rules = []
    for rule_id in sorted(known):
        kind, description = known[rule_id]
        rules.append(
            {
                "id": rule_id,
                "name": rule_id.replace(".", "/"),
                "shortDescription": {"text": f"{kind}: {description}"},
                "properties": {"kind": kind},
            }
        )
    return rules


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    region: dict[str, Any] = {"snippet": {"text": finding.claim.text}}
    if finding.line:
        region["startLine"] = finding.line
    return {
        "ruleId": finding.flag.rule,
        "ruleIndex": index[finding.flag.rule],
        "level": LEVEL[finding.flag.severity],
        "message": {"text": finding.flag.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": finding.source.path},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {
            "kind": finding.flag.kind,
            "severity": finding.flag.severity,
            "claimId": finding.claim.claim_id,
            "sourceId": finding.source.source_id,
        },
    }


def sarif_data(check: CheckResult) -> dict[str, Any]:
    rules = _rules(check)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "audit",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(finding, index) for finding in check.findings],
            }
        ],
    }


def render_sarif(check: CheckResult) -> str:
    return json.dumps(sarif_data(check), ensure_ascii=False, indent=2) + "\n"
