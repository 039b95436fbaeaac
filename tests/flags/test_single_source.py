"""single_source_figure: a check-worthy figure only one independence group on its story states, copies included,
when another source on the story reports on the same thing without it or several sources give none."""

from __future__ import annotations

from audit.corpus.index import Corpus
from audit.flags.contested import Contested
from audit.flags.single_source import SingleSource
from tests.corpus.corpus_records import claim, source

STRIKE = "story-strike"


def _flags(corpus: Corpus) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for claim_id, flag in SingleSource().check(corpus):
        found.setdefault(corpus.claim_by_id[claim_id].text, []).append(flag.message)
    return found


def test_figure_another_source_reports_on_without_a_figure_is_flagged_with_its_copies() -> None:
    text = "The ministry said the strike has cost exporters $120 million."
    wire = source("wire.txt", text, site="Daily Example", story=STRIKE)
    copy = source("copy.txt", text, group=wire.source_id, site="Valley Courier", story=STRIKE)
    silent = "Ships waited offshore. The strike has cost exporters dearly, the ministry said."
    other = source("other.txt", silent, site="Harbour Daily", story=STRIKE)
    figure = (("$120 million", 120e6, "USD", "exporters", "exact"),)
    claims = (
        claim(wire, text, figures=figure, speaker="the ministry"),
        claim(copy, text, figures=figure, speaker="the ministry"),
        claim(other, "Ships waited offshore."),
    )
    flags = list(SingleSource().check(Corpus((wire, copy, other), claims)))
    assert len(flags) == 2  # the figure in the source and in its copy
    message = flags[0][1].message
    assert "(and its 1 copy)" in message and "It cites the ministry" in message
    assert "Harbour Daily reports on it without a figure" in message
    assert {f.severity for _, f in flags} == {"low"}
    evidence = [e for e in flags[0][1].evidence if e.type == "source"]
    assert any("copy of this source" in e.note for e in evidence)
    quiet = next(e for e in evidence if e.note.startswith("reports on the same thing without a figure"))
    assert quiet.text == "The strike has cost exporters dearly, the ministry said."
    assert quiet.span is not None and quiet.span.slice(silent) == quiet.text


def test_silence_of_one_source_that_says_nothing_of_the_figure_is_no_evidence() -> None:
    text = "The port strike has cost exporters $120 million, the ministry said."
    strike = source("strike.txt", text, story=STRIKE)
    other = source("other.txt", "Ships waited offshore as dockers marched.", story=STRIKE)
    recipe = source("recipe.txt", "Whisk the eggs with sugar and bake the sponge for forty minutes.")
    claims = (
        claim(strike, text, figures=(("$120 million", 120e6, "USD", "exporters", "exact"),)),
        claim(other, "Ships waited offshore as dockers marched."),
        claim(recipe, "Whisk the eggs with sugar."),
    )
    assert not _flags(Corpus((strike, other, recipe), claims))  # the recipe is on another story


def test_several_sources_on_the_story_and_none_gives_it() -> None:
    story = "The council debated defence spending, shelters and the phone call with ministers."
    a, b, c = (source(name, story, story="story-council") for name in ("a.txt", "b.txt", "c.txt"))
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
    flagged = _flags(Corpus((a, b, c), claims))
    assert list(flagged) == ["Defence spending rose to 5% of GDP."]  # no durations, no small counts
    assert (
        "2 other independent sources on the same story give no figure for it"
        in flagged["Defence spending rose to 5% of GDP."][0]
    )
    assert not _flags(Corpus((a, b), claims))  # two sources, the other silent on it: nothing to weigh
    assert not _flags(Corpus((a,), claims[:3]))  # one group: nothing to compare with


def test_corroborated_figure_is_not_flagged_and_gets_support() -> None:
    first, second = (
        "The flood damaged 3,200 homes in the Alder valley.",
        "About 3,200 homes in the Alder valley were damaged.",
    )
    a, b = source("a.txt", first, story="story-flood"), source("b.txt", second, story="story-flood")
    claims = (
        claim(a, first, figures=(("3,200 homes", 3200, "count", "homes", "exact"),)),
        claim(b, second, figures=(("About 3,200 homes", 3200, "count", "homes damaged", "approx"),)),
    )
    corpus = Corpus((a, b), claims)
    assert not _flags(corpus)
    support = list(Contested().support(corpus))
    assert sorted(cid for cid, _ in support) == sorted(c.claim_id for c in claims)
    assert all(e.type == "claim" and e.claim_id != cid and e.span is not None for cid, e in support)


def test_silence_counts_only_from_sources_close_to_the_figures_source() -> None:
    story = "The council debated defence spending, shelters and the phone call with ministers."
    a, b, c = (source(name, story, story="story-council") for name in ("a.txt", "b.txt", "c.txt"))
    claims = (
        claim(a, "Defence spending rose to 5% of GDP.", figures=(("5%", 5, "percent", "gdp", "exact"),)),
    )
    close = {(min(a.source_id, x.source_id), max(a.source_id, x.source_id)): 0.45 for x in (b, c)}
    assert _flags(Corpus((a, b, c), claims, None, close))
    far = dict.fromkeys(close, 0.22)  # on the story through its other members, but barely linked to a itself
    assert not _flags(Corpus((a, b, c), claims, None, far))
