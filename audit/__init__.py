"""audit: source-credibility and claim-provenance auditing for fact-checkers.

The Python API mirrors the command line (``audit.api``): ``audit.run(inputs)`` audits captures and returns an
``AuditResult`` (``result.write(out_dir)`` writes the reports), ``audit.check(result, fail_on=...)`` is the CI
gate, and ``audit.claims(text)`` extracts and flags the claims of one text; ``audit.record``, ``audit.search``,
``audit.history``, ``audit.review``, ``audit.diff_captures`` and the others of ``audit.api`` keep the lasting record
(docs/store.md). The API is imported on first use, so ``import audit`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "AuditResult",
    "__version__",
    "check",
    "claims",
    "diff_captures",
    "diff_stored",
    "export_claimreview",
    "history",
    "import_claimreview",
    "import_decisions",
    "record",
    "review",
    "run",
    "search",
]
_API = frozenset(__all__) - {"AuditResult", "__version__"}  # served lazily from audit.api

if TYPE_CHECKING:
    from audit.api import (
        check,
        claims,
        diff_captures,
        diff_stored,
        export_claimreview,
        history,
        import_claimreview,
        import_decisions,
        record,
        review,
        run,
        search,
    )
    from audit.model import AuditResult


def __getattr__(name: str) -> Any:
    if name in _API:
        from audit import api

        return getattr(api, name)
    if name == "AuditResult":
        from audit.model import AuditResult

        return AuditResult
    raise AttributeError(f"module 'audit' has no attribute {name!r}")
