"""Attribution on hand-written examples and on the sample capture raw/004 (Trump, Putin and China)."""

from __future__ import annotations

import re

import pytest

from audit.claim_extraction.attribution.attribute import attribute, attribute_all
from audit.claim_extraction.attribution.quote_marks import find_quotes
from audit.model import Attribution, Span
from tests.conftest import ROOT

RAW = ROOT / "raw"


def _sentences(text: str) -> list[Span]:
    """Simple splitter for tests: sentence ends followed by a space or a line break."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for end in re.finditer(r"(?<=[a-z0-9”\"’.])[.!?][”\"’]?(?=\s)|$", line.group()):
            stop = line.start() + end.end()
            chunk = text[start:stop]
            if chunk.strip():
                offset = len(chunk) - len(chunk.lstrip())
                spans.append(Span(start + offset, stop))
            start = stop
    return spans


def _one(text: str) -> Attribution:
    return attribute(text, [Span(0, len(text))])[0]


def _for(text: str, needle: str) -> Attribution:
    sentences = _sentences(text)
    for sentence, attribution in zip(sentences, attribute(text, sentences), strict=True):
        if needle in sentence.slice(text):
            return attribution
    raise AssertionError(f"no sentence contains {needle!r}")


def test_one_attribution_per_sentence() -> None:
    text = "The sky is blue. Rubio said that it is green.\n\nNothing here."
    sentences = _sentences(text)
    result = attribute(text, sentences)
    assert len(result) == len(sentences) == 3
    assert [a.kind for a in result] == ["none", "reported", "none"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("He said “we will win the vote tomorrow” today.", "we will win the vote tomorrow"),
        ('He said "we will win the vote tomorrow" today.', "we will win the vote tomorrow"),
        ("He said «we will win the vote tomorrow» today.", "we will win the vote tomorrow"),
        ("He said ‘we will win the vote tomorrow’ today.", "we will win the vote tomorrow"),
    ],
)
def test_quote_styles(text: str, content: str) -> None:
    outer = [q for q in find_quotes(text) if q.depth == 0]
    assert [q.content.slice(text) for q in outer] == [content]


def test_apostrophes_are_not_quotes_and_nesting() -> None:
    text = "Trump’s aide said: \"we had to go through this so-called 'Russia hoax' together.\""
    quotes = find_quotes(text)
    assert [(q.depth, q.content.slice(text)) for q in quotes] == [
        (0, "we had to go through this so-called 'Russia hoax' together."),
        (1, "Russia hoax"),
    ]


def test_quote_over_several_sentences_and_paragraphs() -> None:
    text = (
        "Maria Lopez, a senator from Ohio, said: “The plan is bad. It will fail.\n\n"
        "“Nobody wants it. We will vote no,” she added."
    )
    sentences = _sentences(text)
    result = attribute(text, sentences)
    assert len(result) == 4
    assert all(a.kind == "direct_quote" and a.speaker == "Maria Lopez" for a in result)
    assert result[0].role == "a senator from Ohio"


def test_speaker_after_quote_and_inverted() -> None:
    a = _one('"We have agreed on closer cooperation with them," said Anna Berg.')
    assert (a.kind, a.speaker) == ("direct_quote", "Anna Berg")
    text = 'Jon Reyes met voters on Monday. "The deal is done and it is good," Reyes explained.'
    b = _for(text, "deal is done")
    assert (b.kind, b.speaker) == ("direct_quote", "Jon Reyes")
    assert b.content_span is not None and b.content_span.slice(text) == "The deal is done and it is good,"


def test_scare_quotes_are_not_direct_speech() -> None:
    assert _one("The two nations declared a “no-limits” partnership in 2022.").kind == "none"


def test_reported_and_according_to() -> None:
    a = _one("Finance Minister Petra Holm told reporters that the budget will grow.")
    assert (a.kind, a.speaker, a.role) == ("reported", "Petra Holm", "Finance Minister")
    assert a.content_span is not None
    b = _one("According to Reuters news agency, the talks failed.")
    assert (b.kind, b.speaker) == ("according_to", "Reuters news agency")
    assert b.content_span is not None and b.content_span.slice(
        "According to Reuters news agency, the talks failed."
    ) == ("the talks failed")
    c = _one("The talks failed, the newspaper reported.")
    assert c.kind == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "Reports indicate that the minister resigned.",
        "Some experts suggest that the law is weak.",
        "Critics argue that the plan will fail.",
        "It is believed that the deal was signed.",
        "The mayor reportedly urged the council to act.",
        "People familiar with the matter said the deal was off.",
        "Officials who declined to be named said the deal was off.",
        "Analysis suggests that growth will slow.",
    ],
)
def test_vague_sources(text: str) -> None:
    a = _one(text)
    assert a.kind == "vague"
    assert a.speaker is None
    assert a.cue_span is not None and a.cue == a.cue_span.slice(text)


@pytest.mark.parametrize(
    "text",
    [
        "The economy appears to be slowing.",
        "Growth may slow next year.",
        "We will examine the policy in the next section.",
        "This suggests that the plan will fail.",
        "Trump’s alignment with Putin and distancing from European allies suggest a departure.",
        "Washington and Moscow maintain dialogue on arms control.",
    ],
)
def test_not_attributions(text: str) -> None:
    assert _one(text).kind == "none"


def test_they_after_unnamed_group_stays_vague() -> None:
    text = "Supporters argue that the plan works. They contend that costs will fall."
    they = _for(text, "They contend")
    assert they.kind == "vague"
    assert they.cue == "They contend"  # the flag quotes the pronoun, not the bare verb


def test_pronoun_resolution_and_ambiguity() -> None:
    text = "Ann Lee said that taxes will rise. She also warned that jobs will go."
    assert _for(text, "She also").speaker == "Ann Lee"
    # two persons spoke: the one who spoke alone in the sentence just before ("“…,” she said")
    text = "Ann Lee said that taxes will rise. Bo Chan said that they will not. She also warned that it ends."
    assert _for(text, "She also").speaker == "Bo Chan"
    # two persons in that one sentence, or the last speaker further back: ambiguous, the pronoun stays
    text = "Ann Lee said that taxes will rise, and Bo Chan said that they will not. She also warned that it ends."
    sentences = _sentences(text)
    assert attribute_all(text, sentences)[1][0].speaker == "She"
    text = "Ann Lee said that taxes will rise. Bo Chan said that they will not. The vote is Monday. She warned that it ends."
    assert _for(text, "She warned").speaker == "She"


def test_pronoun_never_resolves_against_an_honorific() -> None:
    text = "Mr. Chan said that taxes will rise. She also warned that jobs will go."
    assert _for(text, "She also").speaker == "She"
    text = "Ms. Lee said the bill was dead. Mr. Chan said it was alive. She added that the vote was close."
    assert _for(text, "She added").speaker == "Lee"


def test_pronoun_not_resolved_past_another_person_named_before_it() -> None:
    text = (
        "Ann Lee said that taxes will rise. Bo Chan said that they will not. "
        "Kim Park dislikes both, but she believes the vote is close."
    )
    assert _for(text, "she believes").speaker == "she"


def test_surname_ambiguous_pair_is_not_resolved() -> None:
    text = "Karl Weil said that it rains. Anna Weil said that it snows. Weil noted that it is cold."
    assert _for(text, "Weil noted").speaker == "Weil"


def test_spans_are_absolute() -> None:
    text = "Intro sentence here. Rubio said that prices rose."
    a = _for(text, "Rubio said")
    assert a.speaker_span is not None and a.speaker_span.slice(text) == "Rubio"
    assert a.cue_span is not None and a.cue_span.slice(text) == "said"
    assert a.content_span is not None and a.content_span.slice(text) == "prices rose"


# --- the sample capture raw/004 ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed004() -> tuple[str, list[Span], list[Attribution]]:
    text = next(RAW.glob("004_*.txt")).read_text(encoding="utf-8")
    sentences = _sentences(text)
    return text, sentences, attribute(text, sentences)


@pytest.mark.parametrize(
    ("needle", "speaker"),
    [
        ("We have agreed on closer cooperation", "Trump"),
        ("I believe Russia will remain", "Marco Rubio"),
        ("sow discord between China and Russia", "Lin Jian"),
        ("resource colony", "Klaus Weil"),
        ("deep-rooted distrust", "Yang Zheng"),
        ("Putin may entertain the idea", "Yang Zheng"),
        ("natural partners", "Henrik Wachtmeister"),
        ("known Putin for a long time", "Trump"),
        ("victims of political persecution", "David Allen"),
        ("longstanding financial and business connections", "Klaus Weil"),
    ],
)
def test_seed004_quote_speakers(
    seed004: tuple[str, list[Span], list[Attribution]], needle: str, speaker: str
) -> None:
    text, sentences, result = seed004
    hits = [a for s, a in zip(sentences, result, strict=True) if needle in s.slice(text)]
    assert hits, needle
    assert hits[0].kind == "direct_quote"
    assert hits[0].speaker is not None and hits[0].speaker.endswith(speaker)


@pytest.mark.xfail(
    strict=True,
    reason="parse-based attribution: the Carnegie Endowment sentence of seed 004 gets no according_to attribution from the parse",
)
def test_seed004_roles_and_sources(seed004: tuple[str, list[Span], list[Attribution]]) -> None:
    text, sentences, result = seed004
    by_needle = {
        needle: next(a for s, a in zip(sentences, result, strict=True) if needle in s.slice(text))
        for needle in (
            "Lin Jian asserted",
            "Klaus Weil, a professor",
            "Reports indicate",
            "Some experts suggest",
            "Council on Foreign Relations",
            "Carnegie Endowment",
            "reportedly urged",
        )
    }
    assert by_needle["Lin Jian asserted"].role == "Chinese Foreign Ministry spokesperson"
    assert by_needle["Klaus Weil, a professor"].role == "a professor at the London School of Economics"
    assert by_needle["Reports indicate"].kind == "vague"
    assert by_needle["Reports indicate"].cue == "Reports indicate"
    assert by_needle["Some experts suggest"].kind == "vague"
    assert by_needle["reportedly urged"].kind == "vague"
    council = by_needle["Council on Foreign Relations"]
    assert council.speaker == "U.S. Council on Foreign Relations"
    assert by_needle["Carnegie Endowment"].kind == "according_to"


@pytest.mark.parametrize(
    ("prefix", "needle", "kind"),
    [
        ("000", "Reports indicate that these", "vague"),
        ("003", "Analysis suggests", "vague"),
        ("003", "According to RIA Novosti", "according_to"),
        ("000", "Supporters argue", "vague"),
    ],
)
def test_other_seeds(prefix: str, needle: str, kind: str) -> None:
    text = next(RAW.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    assert _for(text, needle).kind == kind


# --- vague sourcing: one case per cue family, and the hedges that must stay unflagged --------------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # passive, evaluative
        ("The bridge is considered the finest in the region.", "is considered"),
        ("The novel is widely regarded as a classic.", "is widely regarded as"),
        ("The mayor has been described as a reformer.", "has been described as"),
        ("The river is often called the lifeline of the valley.", "is often called"),
        ("The ship is said to have sunk near the cape.", "is said to"),
        ("The tablet is thought to date from the third century.", "is thought to"),
        ("The sailors were believed lost at sea.", "were believed"),
        ("The painter is widely known as the finest of his generation.", "is widely known as"),
        # impersonal
        ("It has been suggested that the wall was built earlier.", "It has been suggested"),
        ("It was then argued that the tax was unfair.", "It was then argued"),
        ("It is widely held that the reform failed.", "It is widely held"),
        ("There is a widespread belief that the mine is haunted.", "There is a widespread belief"),
        ("The senator resigned amid allegations that he had lied.", "allegations that"),
        # unnamed groups
        ("Many historians believe the battle was lost by mistake.", "Many historians believe"),
        ("Some have argued that the treaty was a trap.", "Some have argued"),
        ("Others say the plan was never serious.", "Others say"),
        ("Most scholars agree that the letter is a forgery.", "Most scholars agree"),
        ("Reviewers often cite the second act as the weakest.", "Reviewers often cite"),
        pytest.param(
            "The film was praised by critics for its music.",
            "was praised by critics",
            marks=pytest.mark.xfail(
                strict=True,
                reason="parse-based attribution: the parser hangs 'for its music' on 'critics', so the cue runs on to 'was praised by critics for its music'",
            ),
        ),
        ("The record is considered by many to be their best.", "is considered by many"),
        # adverbs and fixed phrases
        ("The minister reportedly left the meeting early.", "reportedly"),
        ("The letter was supposedly written in prison.", "supposedly"),
        ("This is arguably the best bridge in the city.", "arguably"),
        ("Sources say the deal collapsed on Friday.", "Sources say"),
        ("Experts say the dam will not hold.", "Experts say"),
        ("Observers note that turnout was low.", "Observers note"),
        ("Studies show that the drug works.", "Studies show"),
        ("According to some, the vote was rigged.", "According to some"),
        (
            "The suspect fled, according to federal law enforcement officials.",
            "according to federal law enforcement officials",
        ),
    ],
)
def test_vague_cue_families(text: str, cue: str) -> None:
    a = _one(text)
    assert a.kind == "vague", (text, a)
    assert a.speaker is None
    assert a.cue_span is not None and a.cue_span.slice(text) == a.cue
    assert a.cue == cue
    assert a.content_span is not None and a.content_span.slice(text)


@pytest.mark.parametrize(
    "text",
    [
        # plain hedges name no source: not vague attribution
        "The bridge will probably close next year.",
        "The tablet may date from the third century.",
        "Perhaps the king never visited the town.",
        "The plan seems to have failed.",
        "The defendant appears to have lied.",
        "It is likely that the vote will be delayed.",
        "It seems that the vote will be delayed.",
        # naming, not evaluation (decided: "known as"/"called" without a frequency adverb names a thing)
        "Paris is known as the City of Light.",
        "The river is called the Thames.",
        "The bay is commonly known as the harbour.",
        # named agents and quantities of things
        "The species was considered monophyletic by Uhen.",
        "The bill was considered in the Senate on Monday.",
        "Many of his models were destroyed in the fire.",
        "Some years later the school closed.",
        "Many patients complain of chest pain.",
        "She was the first person to recognize him.",
        "The vote is expected to pass easily.",
        "It was held in Paris in 1990.",
    ],
)
def test_not_vague(text: str) -> None:
    assert _one(text).kind != "vague", text


def test_vague_named_source_first_wins() -> None:
    text = "Rubio said that it is widely believed that the deal failed."
    a = _one(text)
    assert (a.kind, a.speaker) == ("reported", "Rubio")


def test_impersonal_content_after_that() -> None:
    text = "It is believed that the deal was signed in May."
    a = _one(text)
    assert a.content_span is not None and a.content_span.slice(text) == "the deal was signed in May"


@pytest.mark.xfail(
    strict=True,
    reason="parse-based attribution: the speakerless quote stays primary; the report holding it ('Forty percent of voters say …, a poll found') is not preferred",
)
def test_unattributed_quote_inside_reported_speech_takes_the_cue() -> None:
    text = "Forty percent of voters say the remarks are “completely and utterly unacceptable,” a poll found."
    a = _one(text)
    assert a.kind != "direct_quote"
    assert a.content_span is not None and "remarks are" in a.content_span.slice(text)


def test_polnear_unnamed_source_rule() -> None:
    from evaluation.polnear import unnamed_source

    assert unnamed_source("federal law enforcement officials")
    assert unnamed_source("Officials")
    assert unnamed_source("a person familiar with the talks")
    assert not unnamed_source("F.B.I. officials")
    assert not unnamed_source("he")
    assert not unnamed_source("Donald Trump")


# --- attribute_all: every attribution of a sentence ------------------------------------------------


def _all(text: str) -> list[Attribution]:
    return attribute_all(text, [Span(0, len(text))])[0]


def test_attribute_all_finds_two_speakers_and_cuts_contents() -> None:
    text = "Smith said the plan would fail, and Jones said it would work."
    found = _all(text)
    assert [(a.speaker, a.kind) for a in found] == [("Smith", "reported"), ("Jones", "reported")]
    first, second = (a.content_span.slice(text) for a in found if a.content_span)
    assert first == "the plan would fail"
    assert second == "it would work"


def test_attribute_all_keeps_nesting_and_primary() -> None:
    text = "Rubio said that analysts believe the deal is weak."
    found = _all(text)
    assert found[0].speaker == "Rubio"
    assert found[0].content_span is not None
    assert found[0].content_span.slice(text).startswith("analysts believe")
    assert attribute(text, [Span(0, len(text))])[0].speaker == "Rubio"


def test_attribute_all_one_list_per_sentence() -> None:
    text = "The sky is blue. Rubio said that it is green.\n\nNothing here."
    sentences = _sentences(text)
    result = attribute_all(text, sentences)
    assert [len(found) for found in result] == [0, 1, 0]


def test_split_quote_is_one_attribution() -> None:
    text = "“We will win this state easily,” Smith said. “Nobody can stop us now.”"
    sentences = _sentences(text)
    flat = [a for found in attribute_all(text, sentences) for a in found]
    distinct = {a for a in flat}
    assert len(distinct) == 1
    joined = next(iter(distinct))
    assert joined.speaker == "Smith"
    assert joined.content_span is not None
    assert joined.content_span.slice(text).startswith("We will win")
    assert joined.content_span.slice(text).endswith("stop us now.")


def test_quote_after_title_dot_finds_speaker() -> None:
    text = '"There is an insular atmosphere in the capitol," Ms. McCaskill said.'
    assert _one(text).speaker == "Ms. McCaskill"


@pytest.mark.xfail(
    strict=True,
    reason="parse-based attribution: a quote inside the content of 'A Coca-Cola spokesman said the company believed “…”' gets no speaker from the report that holds it",
)
def test_full_stop_quote_takes_no_speaker_from_next_sentence() -> None:
    text = (
        "A Coca-Cola spokesman said the company believed “in the great work that can be done together.” "
        "He said the donations were routine."
    )
    sentences = _sentences(text)
    first = attribute_all(text, sentences)[0]
    assert [a.speaker for a in first] == ["Coca-Cola spokesman"]
    assert all(a.speaker != "He" for a in first)


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The deal is dead, Vox reported last year.", "Vox", "The deal is dead"),
        pytest.param(
            "The deal is dead, an official familiar with the matter said Sunday.",
            None,
            "The deal is dead",
            marks=pytest.mark.xfail(
                strict=True,
                reason="parse-based attribution: 'official' is tagged an adjective and 'familiar'/'Sunday' taken as subjects; only the fixed phrase is found, with the whole sentence as content",
            ),
        ),
        (
            "Trump told supporters in Florida that the election is on Nov. 28.",
            "Trump",
            "the election is on Nov. 28",
        ),
        ("Taylor Hirth, 31, said she remained silent.", "Taylor Hirth", "she remained silent"),
        ("Records show UBS paid Clinton about $2 million.", None, "UBS paid Clinton about $2 million"),
        ("Caplin declined to comment on the memo.", "Caplin", "to comment on the memo"),
        ("In all, according to Band's memo, Coke had given $4 million.", "Band", "Coke had given $4 million"),
        (
            "The system drew scrutiny from Republicans, who say it allowed access.",
            None,  # an unnamed group, as "Republicans say": vague
            "it allowed access",
        ),
        (
            "Republican presidential nominee Donald Trump said the race is rigged.",
            "Donald Trump",
            "the race is rigged",
        ),
    ],
)
def test_content_boundaries(text: str, speaker: str | None, content: str) -> None:
    found = _all(text)
    assert found, text
    attribution = found[0]
    assert attribution.speaker == speaker
    assert attribution.content_span is not None
    assert attribution.content_span.slice(text) == content


@pytest.mark.parametrize(
    "text",
    [
        "Glorioso reports for the Naples Daily News; Williams reports for the News-Press.",
        "Editor’s note: the column was updated.",
        "Band wrote to the State Department seeking ethics approval for the former president's work.",
    ],
)
def test_no_reported_content(text: str) -> None:
    assert _all(text) == []


def test_they_does_not_resolve_to_a_pronoun() -> None:
    text = "He also thought that the case was closed. They acknowledge that he was in a bind."
    sentences = _sentences(text)
    second = attribute_all(text, sentences)[1]
    assert second and second[0].speaker == "They"


def test_short_quote_after_a_stance_verb_keeps_the_hedge() -> None:
    text = "During the meeting, Trump allegedly criticized Zelensky, calling him “unfit”."
    attribution = _one(text)
    assert attribution.kind == "vague"
    assert attribution.cue == "allegedly"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "According to the city's finance department, ridership rose by 12% in 2023.",
            "city's finance department",
        ),
        ("Ridership rose by 12% in 2023, according to the finance department.", "finance department"),
        (
            "Ridership rose by 12% in 2023, according to the transit authority's annual report.",
            "transit authority",
        ),
        ("Ridership rose by 12% in 2023, the transit authority said.", "transit authority"),
    ],
)
def test_lower_case_institutions_are_named_sources(sentence: str, speaker: str) -> None:
    (found,) = attribute(sentence, [Span(0, len(sentence))])
    assert found.kind in {"according_to", "reported"}
    assert found.speaker == speaker
