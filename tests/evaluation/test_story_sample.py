"""The flag sample read by hand: single-source flags only, a fixed order that does not depend on the audit's."""

from __future__ import annotations

import hashlib
from typing import Any

from evaluation.story_sample import sample


def test_sample_is_the_single_source_flags_first_by_hash() -> None:
    def claim(n: int, kind: str) -> dict[str, Any]:
        return {"claim_id": f"clm-{n}", "flags": [{"kind": kind, "rule": f"{kind}.x"}]}

    audit = {"claims": [claim(n, "single_source_figure") for n in range(5)] + [claim(9, "contested")]}
    first = sample(audit, 3)
    again = sample({"claims": list(reversed(audit["claims"]))}, 3)
    assert [c["claim_id"] for c, _ in first] == [c["claim_id"] for c, _ in again]
    assert all(f["kind"] == "single_source_figure" for _, f in first) and len(first) == 3
    digests = sorted(hashlib.sha256(f"clm-{n}single_source_figure.x".encode()).hexdigest() for n in range(5))
    assert (
        hashlib.sha256((first[0][0]["claim_id"] + "single_source_figure.x").encode()).hexdigest()
        == digests[0]
    )
