"""The fact-check match: same meaning (WordLlama, bundled in its wheel, no download) and the same numbers."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from audit.store.factcheck import Check, Facts, agrees, facts_of, load_model, matches

PAIRS = json.loads((Path(__file__).parent / "factcheck_pairs.json").read_text(encoding="utf-8"))["pairs"]
# What docs/store.md reports: three same-claim pairs are missed (a synonym-level paraphrase, "doubled" against
# "twofold", and "not warmed" against "temperatures have not risen"); no other pair is matched.
MISSED = {
    "Unemployment fell to 3.5 percent.",
    "Crime doubled in London over the past decade.",
    "The Earth's climate has not warmed since 1998.",
}


def test_the_model_loads_from_the_wheel_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the fact-check match tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    model = load_model()
    vectors = model.embed(["one sentence", "another one"], norm=True)
    assert vectors.shape[0] == 2 and abs(float(vectors[0] @ vectors[0]) - 1.0) < 1e-4


def test_hand_made_pairs_match_as_documented() -> None:
    for pair in PAIRS:
        found = matches(
            [("c", pair["claim"], facts_of(pair["claim"]))],
            [Check("f", pair["fact_check"], "u", "False", None)],
        )
        expected = pair["same"] and pair["fact_check"] not in MISSED
        assert bool(found) == expected, pair


def test_numbers_must_agree() -> None:
    check = facts_of("China spent $62 billion on Russian crude oil in 2024.")
    assert agrees(check, facts_of("Purchases surged to 62 billion dollars last year."))
    assert not agrees(check, facts_of("Purchases surged to $45 billion."))
    assert agrees(Facts((), ("2025-02",)), Facts((), ("2025-02-12",)))  # a day inside the month stated
    assert not agrees(Facts((), ("2025-02-12",)), Facts((), ("2025-02-18",)))
