"""Proofreading of flag messages, shared by the case-folder and seed tests: what an editor must never read."""

from __future__ import annotations

import re
from collections import Counter

from audit.model import AuditResult

_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|“\s*”|\"\s*\"")
_PRONOUN_SOURCE = re.compile(
    r"\b(?:cites|names|quotes|credits)\s+(?:he|she|it|they|him|her|them)\b", re.IGNORECASE
)
_DOUBLED_WORD = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s[,.;:](?:\s|$)")


def message_problems(result: AuditResult) -> list[str]:
    """Every glitch in the flags of ``result``: empty brackets or quotes, a pronoun given as a source, a word
    printed twice, space before punctuation, an empty or unfinished message, the same rule twice on one claim."""
    problems: list[str] = []
    for claim in result.claims:
        rules = Counter(flag.rule for flag in claim.flags)
        problems += [f"{rule} twice on {claim.text[:60]!r}" for rule, count in rules.items() if count > 1]
        for flag in claim.flags:
            message = flag.message.strip()
            where = f"{flag.rule} on {claim.text[:60]!r}: {message!r}"
            if not message or message[-1] not in '.?!)”"':
                problems.append(f"empty or unfinished message: {where}")
            for pattern, what in (
                (_EMPTY_BRACKETS, "empty brackets or quotes"),
                (_PRONOUN_SOURCE, "a pronoun as the source"),
                (_DOUBLED_WORD, "a word printed twice"),
                (_SPACE_BEFORE_PUNCTUATION, "space before punctuation"),
            ):
                found = pattern.search(message)
                if found:
                    problems.append(f"{what} ({found.group(0)!r}): {where}")
    return problems
