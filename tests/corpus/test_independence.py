"""Independence groups: copies share a group with the shared passages as evidence; paraphrases get a note only."""

from __future__ import annotations

from audit.corpus.independence import align, assign_groups, compare, words_of
from tests.corpus.corpus_records import source

STORY = (
    "About 4,000 dock workers walked off the job at Eastbridge harbour on Monday, halting container traffic for a "
    "third day. The harbour authority said the stoppage has cost exporters $120 million so far, and warned that "
    "perishable cargo is already being diverted to other ports. Union leader Maria Okafor said the workers would "
    "stay out until the operators restore the overtime rules they scrapped in March. Shipping lines have begun "
    "rerouting vessels to the northern terminals, where cranes are running at full capacity."
)
OTHER = (
    "Farmers in the northern valley said on Tuesday that the late frost had destroyed much of the apricot crop, "
    "and cooperatives asked the regional government for emergency loans. Growers who planted early varieties were "
    "hit hardest, while vineyards on the slopes escaped with little damage, according to the agricultural office. "
    "Prices for fresh apricots at the central market have already doubled since the weekend."
)


def test_copy_with_reworded_headline_shares_a_group_with_passages() -> None:
    original = source("wire.txt", "Port strike halts exports\n\n" + STORY)
    reprint = source(
        "reprint.txt", "Dock workers' walkout freezes exports\n\n" + STORY.replace("full", "maximum")
    )
    unrelated = source("farm.txt", OTHER)
    grouped = {s.path: s for s in assign_groups([original, reprint, unrelated])}
    a, b, c = grouped["captures/wire.txt"], grouped["captures/reprint.txt"], grouped["captures/farm.txt"]
    assert a.independence_group == b.independence_group != c.independence_group
    assert [w.code for w in a.warnings] == ["copy_of"] and a.warnings[0].related == (b.source_id,)
    assert "shared with it" in b.warnings[0].message
    assert "About 4,000 dock workers walked off" in a.warnings[0].message
    (pair,) = [p for p in compare([original, reprint, unrelated]) if {p.a, p.b} == {a.source_id, b.source_id}]
    assert sum(p.words for p in pair.passages) > 60 and pair.coverage > 0.9
    assert not c.warnings


def test_unrelated_sources_keep_their_own_groups() -> None:
    sources = [source("wire.txt", STORY), source("farm.txt", OTHER)]
    assert [s.independence_group for s in assign_groups(sources)] == [s.source_id for s in sources]


def test_align_finds_the_shared_run_and_coverage() -> None:
    a = words_of("one two three four five six seven eight nine ten eleven twelve")
    b = words_of("zero one two three four five six seven eight nine ten thirteen")
    passages, cover_a, cover_b = align(a, b, 8)
    assert [p.words for p in passages] == [10]
    assert round(cover_a, 2) == 0.83 and round(cover_b, 2) == 0.83


def test_output_is_deterministic_whatever_the_input_order() -> None:
    sources = [
        source("wire.txt", STORY),
        source("reprint.txt", "Reworded\n" + STORY),
        source("farm.txt", OTHER),
    ]
    forward = sorted(assign_groups(sources), key=lambda s: s.source_id)
    backward = sorted(assign_groups(list(reversed(sources))), key=lambda s: s.source_id)
    assert forward == backward
