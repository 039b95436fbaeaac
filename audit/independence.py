"""Independence groups: sources that copy one another share a group, so copies never count as confirmation.

This first version gives every source its own group (the source id). Near-duplicate detection replaces it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from audit.model import Source


def assign_groups(sources: Sequence[Source]) -> tuple[Source, ...]:
    return tuple(replace(source, independence_group=source.source_id) for source in sources)
