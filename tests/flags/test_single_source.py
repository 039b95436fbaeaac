"""single_source_figure: a check-worthy figure only one independence group states, copies included."""

from __future__ import annotations

from audit.corpus.index import Corpus
from audit.flags.contested import Contested
from audit.flags.single_source import SingleSource
from tests.corpus.corpus_records import claim, source


def _flags(corpus: Corpus) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for claim_id, flag in SingleSource().check(corpus):
        found.setdefault(corpus.claim_by_id[claim_id].text, []).append(flag.message)
    return found


def test_figure_of_one_group_is_flagged_with_its_copies_and_speaker() -> None:
    text = "The ministry said the strike has cost exporters $120 million."
    wire = source("wire.txt", text, site="Daily Example")
    copy = source("copy.txt", text, group=wire.source_id, site="Valley Courier")
    other = source(
        "other.txt", "Ships waited offshore as the strike went on, exporters said.", site="Harbour Daily"
    )
    claims = (
        claim(
            wire,
            text,
            figures=(("$120 million", 120e6, "USD", "exporters", "exact"),),
            speaker="the ministry",
        ),
        claim(
            copy,
            text,
            figures=(("$120 million", 120e6, "USD", "exporters", "exact"),),
            speaker="the ministry",
        ),
        claim(other, "Ships waited offshore.", dates=()),
    )
    corpus = Corpus((wire, copy, other), claims)
    flags = list(SingleSource().check(corpus))
    assert len(flags) == 2  # the figure in the source and in its copy
    message = flags[0][1].message
    assert "(and its 1 copy)" in message and "It cites the ministry" in message
    assert "1 other independent source on the same story does not" in message
    assert {f.severity for _, f in flags} == {"low"}
    notes = [e.note for e in flags[0][1].evidence if e.type == "source"]
    assert any("copy of this source" in n for n in notes)
    assert any(n.startswith("tells the same story without this figure") for n in notes)


def test_a_figure_no_other_source_on_its_story_could_state_is_not_flagged() -> None:
    strike = source("strike.txt", "The port strike has cost exporters $120 million, the ministry said.")
    recipe = source("recipe.txt", "Whisk the eggs with sugar and bake the sponge for forty minutes.")
    text = "The port strike has cost exporters $120 million, the ministry said."
    claims = (
        claim(
            strike,
            text,
            figures=(("$120 million", 120e6, "USD", "exporters", "exact"),),
            speaker="the ministry",
        ),
        claim(recipe, "Whisk the eggs with sugar.", dates=()),
    )
    assert list(SingleSource().check(Corpus((strike, recipe), claims))) == []


def test_corroborated_figure_is_not_flagged_and_gets_support() -> None:
    first, second = (
        "The flood damaged 3,200 homes in the Alder valley.",
        "About 3,200 homes in the Alder valley were damaged.",
    )
    a, b = source("a.txt", first), source("b.txt", second)
    claims = (
        claim(a, first, figures=(("3,200 homes", 3200, "count", "homes", "exact"),)),
        claim(b, second, figures=(("About 3,200 homes", 3200, "count", "homes damaged", "approx"),)),
    )
    corpus = Corpus((a, b), claims)
    assert not _flags(corpus)
    support = list(Contested().support(corpus))
    assert sorted(cid for cid, _ in support) == sorted(c.claim_id for c in claims)
    assert all(e.type == "claim" and e.claim_id != cid for cid, e in support)


def test_durations_years_small_counts_and_single_group_corpora_are_skipped() -> None:
    story = "The council debated defence spending, shelters and the phone call with ministers."
    a, b = source("a.txt", story), source("b.txt", story + " Ships waited offshore.")
    claims = (
        claim(
            a,
            "They held a 90-minute phone call.",
            figures=(("90-minute", 90, "minute", "phone call", "exact"),),
        ),
        claim(
            a,
            "The council opened two shelters.",
            figures=(("two shelters", 2, "count", "shelters", "exact"),),
        ),
        claim(a, "Defence spending rose to 5% of GDP.", figures=(("5%", 5, "percent", "gdp", "exact"),)),
        claim(b, "Ships waited offshore."),
    )
    flagged = _flags(Corpus((a, b), claims))
    assert list(flagged) == ["Defence spending rose to 5% of GDP."]
    assert not _flags(Corpus((a,), claims[:3]))  # one group: nothing to compare with
