"""contested: independent sources disagree on a value or a date; both sides flagged, each naming the other."""

from __future__ import annotations

from dataclasses import replace

from audit.corpus.events import person_key
from audit.corpus.index import Corpus
from audit.corpus.stories.assign import assign_stories
from audit.flags.contested import Contested
from tests.corpus.corpus_records import claim, source


def _by_text(corpus: Corpus) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for claim_id, flag in Contested().check(corpus):
        found.setdefault(corpus.claim_by_id[claim_id].text, []).append(flag.rule)
    return found


def test_contested_count_flags_both_sides_by_meaning() -> None:
    first = "12 passengers were injured when the train derailed near Millford station."
    second = "20 people were hurt on the train that left the track near Millford station."
    a = source("rail.txt", first, site="Rail Times", story="story-rail")
    b = source("post.txt", second, site="County Post", story="story-rail")
    claims = (
        claim(a, first, figures=(("12 passengers", 12, "count", "passengers injured", "exact"),)),
        claim(b, second, figures=(("20 people", 20, "count", "people hurt", "exact"),)),
    )
    corpus = Corpus((a, b), claims)
    flags = dict(Contested().check(corpus))
    assert set(flags) == {c.claim_id for c in claims}
    first = flags[claims[0].claim_id]
    assert first.message.startswith("Rail Times gives “12 passengers”") and "County Post" in first.message
    assert [e.claim_id for e in first.evidence if e.type == "claim"] == [claims[1].claim_id]


def test_copies_never_contest_and_open_comparators_fit() -> None:
    texts = (
        "A $40 million grant will rebuild the Riverside clinic.",
        "The $25 million grant will rebuild the Riverside clinic.",
        "More than $30 million in grants will rebuild the Riverside clinic.",
    )
    a = source("a.txt", texts[0], story="story-clinic")
    copy = source("copy.txt", texts[1], group=a.source_id, story="story-clinic")
    b = source("b.txt", texts[2], story="story-clinic")
    claims = (
        claim(a, texts[0], figures=(("$40 million", 40e6, "USD", "grant", "exact"),)),
        claim(copy, texts[1], figures=(("$25 million", 25e6, "USD", "grant", "exact"),)),
        claim(b, texts[2], figures=(("$30 million", 30e6, "USD", "grants", "more_than"),)),
    )
    found = _by_text(Corpus((a, copy, b), claims))
    # $40m and $25m are in one group: no flag between them; $40m fits "more than $30m"; $25m does not
    assert sorted(found) == [texts[2], texts[1]]


def test_contested_event_date_names_both_sources() -> None:
    a, b = (
        source("002.txt", site="Source A", story="story-call"),
        source("004.txt", site="Source B", story="story-call"),
    )
    claims = (
        claim(
            a,
            "After Trump's call to Putin on 18 February 2025, talks began.",
            dates=(("18 February 2025", "2025-02-18", "day", "call", ("Trump", "Putin")),),
        ),
        claim(
            b,
            "On February 12, Trump and Putin held a phone call.",
            dates=(
                (
                    "February 12",
                    "2025-02-12",
                    "day",
                    "call",
                    ("Donald Trump", "Vladimir Putin", "White House"),
                ),
            ),
        ),
    )
    flags = dict(Contested().check(Corpus((a, b), claims)))
    assert set(flags) == {c.claim_id for c in claims}
    assert flags[claims[0].claim_id].message == (
        "Source A dates the Trump–Putin call 2025-02-18; Source B dates it 2025-02-12."
    )
    apart = (replace(a, story="story-a"), replace(b, story="story-b"))
    assert not list(Contested().check(Corpus(apart, claims)))  # dates are compared within a story only


def test_dates_that_overlap_or_lie_far_apart_are_not_contested() -> None:
    a, b = source("a.txt", story="story-x"), source("b.txt", story="story-x")
    claims = (
        claim(
            a,
            "They met in February 2025.",
            dates=(("February 2025", "2025-02", "month", "meeting", ("Xi", "Lula")),),
        ),
        claim(
            b,
            "They met on 3 February.",
            dates=(("3 February", "2025-02-03", "day", "meeting", ("Xi", "Lula")),),
        ),
        claim(
            a,
            "They met on 9 June 2025.",
            dates=(("9 June 2025", "2025-06-09", "day", "meeting", ("Xi", "Lula")),),
        ),
        claim(
            b,
            "Xi called Lula on 4 February.",
            dates=(("4 February", "2025-02-04", "day", "call", ("Xi", "Lula")),),
        ),
    )
    assert not _by_text(Corpus((a, b), claims))


def test_participants_are_surnames() -> None:
    assert person_key("Vladimir Putin") == person_key("Putin’s") == "putin"


def test_the_same_measure_in_unrelated_stories_never_contests() -> None:
    first = "The storm left 12 people injured in Portville on Sunday, the harbour master said."
    second = "The festival drew crowds, and 20 people were injured in a crush at the Eastfield gates."
    a, b = source("storm.txt", first), source("festival.txt", second)
    claims = (
        claim(a, first, figures=(("12 people", 12, "count", "people injured", "exact"),)),
        claim(b, second, figures=(("20 people", 20, "count", "people injured", "exact"),)),
    )
    sources = assign_stories((a, b), claims)
    assert sources[0].story != sources[1].story
    assert not list(Contested().check(Corpus(sources, claims)))
    same = tuple(replace(s, story="story-one") for s in sources)
    assert len(list(Contested().check(Corpus(same, claims)))) == 2  # told the same story, they would contest


def test_one_off_event_of_a_story_is_matched_by_kind_whatever_the_wording() -> None:
    first, second = (
        "The outage that began on July 12 grounded flights.",
        "The blackout of July 19 hit airports.",
    )
    a, b = source("a.txt", story="story-outage"), source("b.txt", story="story-outage")
    claims = (
        claim(a, first, dates=(("July 12", "2024-07-12", "day", "outage", ()),)),
        claim(b, second, dates=(("July 19", "2024-07-19", "day", "outage", ()),)),
    )
    assert sorted(_by_text(Corpus((a, b), claims)).values()) == [["contested.event_date"]] * 2
    apart = (replace(a, story="story-a"), replace(b, story="story-b"))
    assert not _by_text(Corpus(apart, claims))  # on different stories: two outages
    named = (
        claim(a, first, dates=(("July 12", "2024-07-12", "day", "outage", ("Ascom",)),)),
        claim(b, second, dates=(("July 19", "2024-07-19", "day", "outage", ("Boreal",)),)),
    )
    assert not _by_text(Corpus((a, b), named))  # different participants: two events
