"""The run's configuration, declared once: ``audit run``, ``audit check`` and ``audit.run`` all build a ``RunConfig``.

Defaults live here and nowhere else (the CLI's ``--help`` shows them from these constants). ``Options`` are the
per-capture settings, part of the cache key; ``RunConfig`` adds what the whole run needs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_JOBS = 0  # 0: one worker per core
DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # captures larger than this are not parsed (status too_large)
DEFAULT_TIMEOUT = 60.0  # seconds one capture may take before its worker is stopped (status timeout)
DEFAULT_SEARCH_LIMIT = 20  # claims `audit db search` lists
DEFAULT_ORG = "Fact-check desk"  # the ClaimReview author when `audit export claimreview` is given no --org
DEFAULT_REVIEW_URL = "https://example.org/fact-checks/"  # where fact-checks are published, without --url


def default_editor() -> str:
    """Who decides, when ``--editor`` is not given: the operating system's user name."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return "unknown"


@dataclass(frozen=True, slots=True)
class Options:
    """Per-capture settings: the per-capture stages see these and nothing else of the run."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT


@dataclass(frozen=True, slots=True)
class RunConfig:
    inputs: tuple[str, ...]
    jobs: int = DEFAULT_JOBS
    reference: str | None = None  # folder of the reference ledger (events.csv, roles.csv), already resolved
    options: Options = field(default_factory=Options)
    cache: str | None = None  # folder of cached per-capture results (``audit.pipeline.cache``)


def resolve_reference(
    inputs: Sequence[str | Path],
    reference: str | Path | None,
    no_reference: bool,
    report: Callable[[str], None],
) -> str | None:
    """The ledger folder a run uses: the one named, none with ``no_reference``, else one found beside the inputs
    (a ``reference`` folder holding both ledger files inside the one input folder that has one; said on ``report``).
    """
    from audit.ingest.ledger import discover_ledger

    if no_reference:
        return None
    if reference is not None:
        return str(reference)
    found = discover_ledger([str(given) for given in inputs])
    if found is not None:
        report(
            f"using the reference ledger in {found} (choose another with --reference, none with --no-reference)"
        )
    return found
