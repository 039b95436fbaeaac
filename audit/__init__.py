"""audit: source-credibility and claim-provenance auditing for fact-checkers.

The Python API mirrors the command line (``audit.api``): ``audit.run(inputs)`` audits captures and returns an
``AuditResult`` (``result.write(out_dir)`` writes the reports), ``audit.check(result, fail_on=...)`` is the CI
gate, and ``audit.claims(text)`` extracts and flags the claims of one text. The API is imported on first use, so
``import audit`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["AuditResult", "__version__", "check", "claims", "run"]

if TYPE_CHECKING:
    from audit.api import check, claims, run
    from audit.model import AuditResult


def __getattr__(name: str) -> Any:
    if name in ("run", "check", "claims"):
        from audit import api

        return getattr(api, name)
    if name == "AuditResult":
        from audit.model import AuditResult

        return AuditResult
    raise AttributeError(f"module 'audit' has no attribute {name!r}")
