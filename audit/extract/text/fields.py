"""Metadata evidence from a text capture: every candidate for each field, and the choice among them.

:mod:`audit.extract.text.article` reports what each removed line says (a date line, a byline, a bio, a
disclaimer naming the site); this module keeps every such candidate with its method and line, and
chooses each field's value by a fixed order of methods. A field no line speaks to stays None (or []
for authors): the capture is never guessed at.
"""

from __future__ import annotations

from typing import Any

from audit.extract.text.furniture import Byline, domain_in, normalise
from audit.model import Candidate, Confidence, FieldEvidence, SourceWarning

FIELDS = ("title", "authors", "author_roles", "published", "updated", "site", "url", "author_bio")

# For each field, the methods in order of trust; the first method with a candidate gives the value. A title's
# "text:headline-candidate" (a runner-up of the header's lines) is evidence only, never the value; so are a date's
# "text:lone-date" and "text:first-date" (a date line outside the header: 0.81 precision on held-out pages, below
# what a publication date must reach; docs/quality.md).
_PRIORITY: dict[str, tuple[str, ...]] = {
    "title": ("text:title-line", "text:repeated-title", "text:breadcrumb", "text:title-variant"),
    "published": (
        "text:dateline",
        "text:byline-date",
        "text:date-above-title",
        "text:lead-date",
        "text:stated-date",
    ),
    "updated": ("text:dateline",),
    "site": ("text:disclaimer", "text:url-line", "text:bio", "text:breadcrumb"),
    "url": ("text:url-line",),
    "author_bio": ("text:bio",),
}


# Authors: the header's bylines (with "By", or a bare name beside the date), else one stated elsewhere, else a bio.
_AUTHOR_TIERS = (("text:byline", "text:name-line"), ("text:stated-byline",), ("text:bio",))


class FieldRecorder:
    """Collects candidates per field as lines are labelled; :meth:`evidence` gives the chosen values."""

    def __init__(self) -> None:
        self._candidates: dict[str, list[Candidate]] = {name: [] for name in FIELDS}
        self._last_byline: tuple[str, ...] = ()

    def add(self, key: str, value: Any, method: str, line: int, confidence: Confidence) -> None:
        """Record one candidate value for ``key`` found on capture line ``line``."""
        candidate = Candidate(value=value, method=method, location=f"line {line}", confidence=confidence)
        if candidate not in self._candidates[key]:
            self._candidates[key].append(candidate)
        if key == "url" and isinstance(value, str) and (host := domain_in(value.split("//")[-1])):
            self.add("site", host, "text:url-line", line, "medium")

    def add_byline(self, byline: Byline, line: int, method: str = "text:byline") -> None:
        """A byline's people and the roles it gives them (high confidence in the header, medium elsewhere)."""
        confidence: Confidence = "medium" if method == "text:stated-byline" else "high"
        for name in byline.names:
            self.add("authors", name, method, line, confidence)
        for name, role in byline.roles:
            self.add("author_roles", {"name": name, "role": role}, method, line, confidence)
        self._last_byline = byline.names

    def add_role(self, role: str, line: int) -> None:
        """A role line under a byline ("Deputy Director, Institute of ..."): the role of its last name."""
        if self._last_byline:
            self.add(
                "author_roles", {"name": self._last_byline[-1], "role": role}, "text:byline", line, "high"
            )

    def add_bio(self, subject: str | None, text: str, line: int, confidence: Confidence) -> None:
        """An author bio: the bio text, its subject as author evidence, a site domain it names."""
        self.add("author_bio", text, "text:bio", line, "medium")
        if subject:
            self.add("authors", subject, "text:bio", line, confidence)
        if site := domain_in(text):
            self.add("site", site, "text:bio", line, "medium")

    def value(self, key: str) -> Any:
        return self._choose(key).value

    def _choose(self, key: str) -> FieldEvidence:
        candidates = tuple(self._candidates[key])
        if key == "authors":
            return self._choose_authors(candidates)
        if key == "author_roles":
            roles = {c.value["name"]: c.value["role"] for c in candidates}
            first = candidates[0] if candidates else None
            return FieldEvidence(
                roles or None, first.method if first else None, first.location if first else None, candidates
            )
        for method in _PRIORITY[key]:
            for candidate in candidates:
                if candidate.method == method:
                    return FieldEvidence(candidate.value, candidate.method, candidate.location, candidates)
        return FieldEvidence(None, None, None, candidates)

    @staticmethod
    def _choose_authors(candidates: tuple[Candidate, ...]) -> FieldEvidence:
        for methods in _AUTHOR_TIERS:
            chosen = [c for c in candidates if c.method in methods]
            if chosen:
                names = list(dict.fromkeys(str(c.value) for c in chosen))
                return FieldEvidence(names, chosen[0].method, chosen[0].location, candidates)
        return FieldEvidence([], None, None, candidates)

    def evidence(self) -> dict[str, FieldEvidence]:
        """Every field with its chosen value and all candidates."""
        return {key: self._choose(key) for key in FIELDS}

    def warnings(self) -> list[SourceWarning]:
        """Notes for an editor: conflicting dates, variant titles, authors known only from a bio."""
        notes: list[SourceWarning] = []
        dates = sorted({str(c.value) for c in self._candidates["published"]})
        if len(dates) > 1:
            notes.append(
                SourceWarning(
                    "conflicting_dates", f"The capture gives several publication dates: {', '.join(dates)}."
                )
            )
        title = self.value("title")
        variants = [
            c
            for c in self._candidates["title"]
            if normalise(str(c.value)) != normalise(str(title)) and c.method != "text:headline-candidate"
        ]
        if title is not None and variants:
            shown = "; ".join(f"{c.value!r} ({c.location})" for c in variants)
            notes.append(
                SourceWarning("title_variants", f"The capture gives the title differently: {shown}.")
            )
        authors = self._choose("authors")
        if authors.method == "text:bio":
            notes.append(
                SourceWarning(
                    "author_from_bio", "No byline: the author is taken from the bio at the end of the page."
                )
            )
        return notes
