"""The proofreading check itself finds the glitches editors met on real pages."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from audit.model import AuditResult
from tests.flags.proofread import message_problems


def test_glitches_are_found(seed_audit: tuple[AuditResult, Path]) -> None:
    result, _ = seed_audit
    claim = next(c for c in result.claims if c.flags)
    flag = dataclasses.replace(
        claim.flags[0], message="The claim states “243 pounds” (). It cites he the source"
    )
    broken = dataclasses.replace(result, claims=(dataclasses.replace(claim, flags=(flag, flag)),))
    problems = "\n".join(message_problems(broken))
    for expected in ("twice on", "empty brackets", "a pronoun as the source", "unfinished message"):
        assert expected in problems, problems
