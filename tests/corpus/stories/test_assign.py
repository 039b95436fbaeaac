"""Stories over sources: the same event groups, the same topic does not, and ids are stable."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from audit.corpus.stories.assign import Document, assign_stories, score_pairs, stories_and_links, story_labels
from tests.corpus.corpus_records import claim, source

BRIDGE = [
    "Six members of a road repair crew were killed when the Millford overpass collapsed on Route 9 on Tuesday, "
    "county officials said. The Millford crew was resurfacing the deck for Ascom Paving.",
    "Seven construction workers died after an overpass gave way in Millford on Tuesday. Ascom Paving, which "
    "employed the crew, said it was cooperating with investigators of the Route 9 collapse.",
    "Investigators examined the collapsed Route 9 overpass in Millford where Ascom Paving workers died. The "
    "Millford mayor called for inspections of every overpass in the county.",
]
FLIGHTS = [
    "Delta Air Lines canceled about 2,500 flights on Monday as winter storm Elliott hit Atlanta and Detroit.",
    "Winter storm Elliott forced Delta Air Lines to cancel roughly 7,000 flights, stranding travelers in Atlanta.",
]
OTHER = [
    "The central bank of Norway raised its policy rate by a quarter point, citing persistent inflation in Oslo.",
    "A new species of tree frog was described by biologists working in the cloud forests of Ecuador.",
]


def test_stories_are_found_and_kept_apart() -> None:
    labels = story_labels([Document(text) for text in BRIDGE + FLIGHTS + OTHER])
    assert labels[0] == labels[1] == labels[2]
    assert labels[3] == labels[4] != labels[0]
    assert len({labels[5], labels[6], labels[0], labels[3]}) == 4


def test_publication_dates_far_apart_split_unless_the_texts_date_events_close_together() -> None:
    winter, spring = dt.date(2022, 12, 26), dt.date(2023, 3, 1)
    assert len(set(story_labels([Document(FLIGHTS[0], winter), Document(FLIGHTS[1], spring)]))) == 2
    assert len(set(story_labels([Document(FLIGHTS[0], winter), Document(FLIGHTS[1], winter)]))) == 1
    events = (dt.date(2022, 12, 24),)
    dated = [Document(FLIGHTS[0], winter, events), Document(FLIGHTS[1], spring, (dt.date(2022, 12, 27),))]
    assert len(set(story_labels(dated))) == 1


def test_shared_topic_without_shared_names_counts_half() -> None:
    pairs = score_pairs([Document(text) for text in FLIGHTS])
    assert pairs.names[0] >= 0.15 and pairs.evidence[0] == pairs.words[0]
    gated = replace(pairs, names=pairs.names * 0)
    assert gated.evidence[0] == 0.5 * pairs.words[0]


def test_sources_get_stable_story_ids_named_by_their_earliest_member() -> None:
    sources = tuple(
        replace(source(f"s{i}.txt", text), published=f"2022-12-{26 + i % 3}")
        for i, text in enumerate(BRIDGE + OTHER)
    )
    failed = replace(source("broken.txt"), status="not_text")
    claims = (claim(sources[0], BRIDGE[0][:40]),)
    first = assign_stories((*sources, failed), claims)
    again = assign_stories(tuple(reversed((*sources, failed))), claims)
    assert {s.source_id: s.story for s in first} == {s.source_id: s.story for s in again}
    bridge = {s.story for s in first[:3]}
    assert bridge == {"story-" + sources[0].source_id.removeprefix("src-")}  # published first
    assert len({s.story for s in first}) == 4  # the bridge, two unrelated texts, and the unreadable capture


def test_links_hold_the_evidence_of_scored_pairs_by_ordered_ids() -> None:
    sources = tuple(source(f"l{i}.txt", text) for i, text in enumerate(FLIGHTS + OTHER))
    storied, links = stories_and_links(sources, ())
    assert storied[0].story == storied[1].story
    key = (min(sources[0].source_id, sources[1].source_id), max(sources[0].source_id, sources[1].source_id))
    assert links[key] >= 0.2 and all(a < b and 0.0 <= v <= 1.0 for (a, b), v in links.items())
