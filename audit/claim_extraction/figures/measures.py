"""What a figure measures, read from the dependency parse of its sentence (``audit.nlp.parse``).

A figure's *measure* is the noun phrase it quantifies, in lowercase, with its compound and adjective modifiers
and without determiners, possessive pronouns or the possessive mark ("The company's revenue" → "company
revenue"); never a verb fragment. Where it comes from depends on the unit:

- a count ("88 flood warnings"): the noun the number counts, with its modifiers (``counted_noun``); a passive
  participle, or a verb of ``count_verbs``, of which that noun is the subject joins it ("12 passengers were
  injured" → "passengers injured", "12 people killed in the attack" → "people killed"), so that counts of one
  event meet across sources;
- a percentage: the "of" complement ("5% of GDP" → "gdp"), after *the thing* the percentage is of when the clause
  names one ("raise defense spending to 5% of GDP" → "defense spending / gdp"), else the thing alone ("The PBSA
  assets slid 12%" → "pbsa assets");
- money: an "of/in/for/on" complement right after the amount ("$62 billion in purchases", "$40 million for
  schools"), unless it says when or how much ("in 2024", "in the first quarter", "in total": ``not_measured_nouns``);
  else the thing ("purchases surged to $62 billion" → "purchases");
- a duration, an age or a physical quantity written as an adjective ("a 90-minute phone call", "a 45-year-old
  man", "a 100-mile border"): the noun it modifies; otherwise a physical quantity measures its "of" complement
  ("20 tonnes of grain" → "grain") or else its dimension ("100mph" → "speed"), an age measures "age", and a
  duration, a temperature or a bare number the thing;
- a ratio: what it is relative to ("nearly double the pre-war volume" → "pre-war volume"), else the thing.

*The thing* a figure is the value of comes from the figure's place in its clause: the subject of a copular figure
("Unemployment was 3.5%"); the noun the figure complements ("defense spending to 5%", "a population of 2.3
million"); for a figure that is an argument of a verb (object, oblique, adverbial), the verb's object when the
figure is an oblique ("cut rates by 0.5%" → "rates"; not for durations, which are times: "in the 30 years since",
and the fallback below is not for them either),
else the verb's subject, found through participles and relative clauses ("purchases surging to $62 billion",
"rates ranging from 5 to 9 percent") and, for a verb without one, through the verb it is coordinated with, the
verb whose infinitive it completes when that verb has no object ("prices are expected to rise 5%"), or the clause
a participle hangs on. A pronoun, a number or a time word is never a measure.

Robustness to parser noise: no rule needs one particular attachment. A complement is found by position ("in" right
after the amount, whichever word the parse hangs "in purchases" on); a counted noun by the number's head or, when
the parse hangs the number elsewhere, by the plural noun right after it; nouns tagged as gerunds count as nouns
("defense spending"); a noun the parse makes a compound modifier stands for the noun it modifies ("phone" →
"phone call"); a verb form right after a noun is a predicate, never a modifier of the measure ("The city raised
fares" → "fares"); a figure the parse hangs as a clause of its own (on "said") gets no thing from that verb, and
when the parse says nothing, the nouns before the figure's preposition, read by their tags ("their defense
spending to at least 5%"), stand in. A figure whose sentence has no parse (a heading) gets no measure rather than
a guess.
"""

from __future__ import annotations

from collections.abc import Sequence

from audit.claim_extraction.figures.lexicon import lexicon
from audit.claim_extraction.figures.located import Located
from audit.nlp.parse import ParsedSentence, Word

_NOMINAL_RELATIONS = frozenset({"nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "root", "compound"})
_MODIFIERS = frozenset({"compound", "amod", "flat", "nmod:poss"})  # kept in a measure
_MODIFIER_RELATIONS = frozenset({"amod", "advmod", "det", "nummod"})
_ARGUMENTS = frozenset(
    {"obj", "iobj", "obl", "advmod", "nmod", "xcomp"}
)  # a figure that is a verb's argument
_OBLIQUES = frozenset({"obl", "advmod", "nmod"})  # "to 5%", "by 0.5%": what changes is the object
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_HYPHENS = frozenset({"-", "‐"})
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "’s", "'re", "’re"})
_FINITE_OR_PARTICIPLE = frozenset({"VBD", "VBN", "VBZ", "VBP"})
_PERCENT_CASES = frozenset({"of"})
_MONEY_CASES = frozenset({"of", "in", "for", "on"})
_RELATIVE_CASES = frozenset({"than", "as"})
_MAX_COUNT_GAP = 3  # modifiers allowed between a number and the noun it counts


def _is_nominal(word: Word) -> bool:
    """A noun, or a gerund in a noun's place ("defense spending" is often tagged as a verb)."""
    if word.pos in ("NOUN", "PROPN"):
        return True
    return word.tag == "VBG" and word.relation in _NOMINAL_RELATIONS and word.dep != "root"


def _measurable(sentence: ParsedSentence, word: Word) -> bool:
    """A noun that can be a measure: not a pronoun, a number, a unit, a time or a quantity word."""
    lex = lexicon()
    lower = word.lower
    return (
        _is_nominal(word)
        and word.text[:1].isalpha()
        and not any(char.isdigit() for char in word.text)
        and lower not in lex.not_measured
        and lower not in lex.months
        and lower not in lex.percent_words
        and lower not in lex.currency_words
        and lower not in lex.measurements
        and lower not in lex.function_words
    )


def phrase(sentence: ParsedSentence, head: Word, skip: frozenset[int] = frozenset()) -> str | None:
    """The measure words of a noun: the noun and the modifiers right before it, lowercase ("pre-war volume"); a
    noun that is itself a compound modifier stands for the noun it modifies ("phone" in "phone call")."""
    lex = lexicon()
    while head.dep == "compound" and head.head > head.i and _is_nominal(sentence.words[head.head]):
        head = sentence.words[head.head]
    kept = {head.i}
    stack = [head]
    while stack:
        for child in sentence.dependents(stack.pop()):
            if (
                child.i < head.i
                and child.i not in skip
                and child.dep in _MODIFIERS
                and child.text[:1].isalpha()
                and child.pos not in ("PRON", "DET", "NUM")
                and child.lower not in lex.function_words
            ):
                kept.add(child.i)
                stack.append(child)
    first = head.i
    while first > 0:
        before = sentence.words[first - 1]
        glue = before.lower in _POSSESSIVE or before.text in _HYPHENS
        if before.i in kept or (glue and first > 1 and sentence.words[first - 2].i in kept):
            first -= 1
        else:
            break
    while first < head.i and first > 0 and _verb_after_subject(sentence, first):
        first += 1  # "The city raised fares": a verb the parse took for a modifier
    return _shown([w for w in sentence.words[first : head.i + 1] if w.lower not in _POSSESSIVE])


def _verb_after_subject(sentence: ParsedSentence, index: int) -> bool:
    """A verb form right after a noun or pronoun: a predicate, whatever the parse attached it to."""
    previous = sentence.words[index - 1]
    return sentence.words[index].tag in _FINITE_OR_PARTICIPLE and previous.tag[:2] in ("NN", "PR")


def _shown(words: Sequence[Word]) -> str | None:
    """Words as the text writes them (a space only where the text has one), lowercase."""
    shown = ""
    for index, word in enumerate(words):
        if index and word.start > words[index - 1].end:
            shown += " "
        shown += word.text.strip("\"“”'’").lower()
    return shown or None


def _subject(sentence: ParsedSentence, verb: Word, depth: int = 0) -> Word | None:
    """The subject of a verb, through relative clauses and participles, and, for a verb without one, through the
    verb it is coordinated with, the verb whose infinitive it completes when that verb has no object ("prices
    are expected to rise 5%"), or the clause a participle hangs on ("…, raising fares by 5%")."""
    subjects = sentence.dependents(verb, "nsubj")
    if subjects:
        subject = subjects[0]
        if subject.lower in _RELATIVE and verb.relation == "acl" and verb.head != verb.i:
            subject = sentence.words[verb.head]
        return subject if _measurable(sentence, subject) else None
    if verb.head == verb.i or depth > 3:
        return None
    head = sentence.words[verb.head]
    if verb.relation == "acl":  # "purchases surging to $62 billion"
        return head if _measurable(sentence, head) else None
    controlled = verb.relation == "xcomp" and not sentence.dependents(head, "obj", "iobj")
    participle = verb.relation == "advcl" and verb.tag in ("VBG", "VBN")
    if verb.relation == "conj" or controlled or participle:
        return _subject(sentence, head, depth + 1)
    return None


def _thing_word(located: Located, objects: bool) -> Word | None:
    sentence, top, ids = located.sentence, located.top, located.ids
    subjects = [w for w in sentence.dependents(top, "nsubj") if w.i not in ids]
    if subjects:  # "Unemployment was 3.5%"
        return subjects[0] if _measurable(sentence, subjects[0]) else None
    if top.head == top.i or top.relation in ("nsubj", "csubj"):
        return None
    head = sentence.words[top.head]
    verb_like = head.pos in ("VERB", "AUX", "ADJ") or top.relation in (
        "obj",
        "iobj",
    )  # "rose" tagged as a noun
    if _is_nominal(head) and not verb_like:  # "defense spending to 5%", "a population of 2.3 million"
        if not objects and sentence.dependents(top, "case"):
            return None  # a time after a preposition ("gestures in the 30 years since") hangs on any noun
        return head if _measurable(sentence, head) else None
    if not verb_like or top.relation not in _ARGUMENTS:
        return None  # a figure parsed as a clause of its own says nothing of what it is the value of
    if objects and top.relation in _OBLIQUES:  # "cut rates by 0.5%"
        changed = [w for w in sentence.dependents(head, "obj") if w.i not in ids and _measurable(sentence, w)]
        if changed:
            return changed[0]
    subject = _subject(sentence, head)
    if subject is None and head.relation in _MODIFIER_RELATIONS:
        # a figure hung on a modifier ("rise 5% next year" with 5% on "next"): the clause of the nearest verb
        verb = next((w for w in sentence.ancestors(head) if w.pos in ("VERB", "AUX")), None)
        return _subject(sentence, verb) if verb is not None else None
    return subject


def _chunk_before(located: Located) -> str | None:
    """The nouns right before the preposition that introduces the figure ("defense spending to 5%"), read by their
    tags: the fallback when the parse does not say what the figure is the value of."""
    lex = lexicon()
    sentence, first = located.sentence, located.words[0].i
    if first < 2 or sentence.words[first - 1].tag not in ("IN", "TO"):
        return None
    words: list[Word] = []
    for word in reversed(sentence.words[: first - 1]):
        noun = word.tag.startswith("NN") or word.tag == "VBG"
        modifier = bool(words) and (word.tag == "JJ" or word.text in _HYPHENS)
        if len(words) == 4 or not (noun or modifier) or (not word.text[:1].isalpha() and not modifier):
            break
        words.insert(0, word)
    while words and words[0].text in _HYPHENS:
        words.pop(0)
    if not words or words[-1].lower in lex.not_measured or any(c.isdigit() for w in words for c in w.text):
        return None
    return _shown(words)


def _thing(located: Located, time: bool = False) -> str | None:
    """What the figure is the value of (module docstring): from the parse, else the nouns before its preposition.
    A ``time`` (a duration) is neither the new value of the verb's object nor of the nouns before its preposition:
    "paid attention to its gestures in the 30 years since" is when, not the gestures' value."""
    word = _thing_word(located, objects=not time)
    if word is not None:
        return phrase(located.sentence, word, located.ids)
    return None if time else _chunk_before(located)


def _complement(located: Located, cases: frozenset[str]) -> Word | None:
    """The noun of a prepositional phrase right after the figure ("5% of GDP", "$62 billion in purchases")."""
    sentence = located.sentence
    after = located.words[-1].i + 1
    if after >= len(sentence.words) or sentence.words[after].lower not in cases:
        return None
    case = sentence.words[after]
    if case.head > case.i:
        head = sentence.words[case.head]
        return head if _measurable(sentence, head) else None
    for word in sentence.words[after + 1 : after + 5]:  # the parse hung the case word elsewhere
        if word.relation in ("det", "amod", "compound", "nmod:poss") or word.pos in ("DET", "ADJ"):
            continue
        return word if _measurable(sentence, word) else None
    return None


def _modified_noun(located: Located) -> Word | None:
    """The noun an adjectival figure modifies ("a 90-minute phone call" → "call")."""
    sentence, top = located.sentence, located.top
    last = located.words[-1].i
    if top.head > last and _measurable(sentence, sentence.words[top.head]):
        return sentence.words[top.head]
    following = sentence.words[last + 1] if last + 1 < len(sentence.words) else None
    if following is not None and following.pos == "NOUN" and _measurable(sentence, following):
        return following
    return None


def _relative_to(located: Located) -> Word | None:
    """What a ratio is relative to: a noun it governs after it ("double the pre-war volume")."""
    sentence, top, ids = located.sentence, located.top, located.ids
    last = located.words[-1].i
    for word in sentence.subtree(top):
        if word.i <= last or word.i in ids or not _measurable(sentence, word):
            continue
        cases = {c.lower for c in sentence.dependents(word, "case")}
        if word.relation == "obj" or (
            word.relation in ("obl", "nmod") and (not cases or cases & _RELATIVE_CASES)
        ):
            return word
    return None


def counted_noun(located: Located) -> Word | None:
    """The noun a number counts: its head when the number modifies a noun after it ("88 flood warnings"), else a
    plural noun right after it, past adjective and compound modifiers, when the parse hangs the number elsewhere."""
    sentence, number, ids = located.sentence, located.top, located.ids
    last = located.words[-1].i
    candidates: list[Word] = []
    if number.head > last:
        candidates.append(sentence.words[number.head])
    for word in sentence.words[last + 1 : last + 2 + _MAX_COUNT_GAP]:
        if word.tag in ("NNS", "NNPS"):
            candidates.append(word)
            break
        if word.pos not in ("ADJ", "NOUN", "PROPN") and word.text not in _HYPHENS:
            break
    for noun in candidates:
        if noun.pos == "PROPN" and noun.tag != "NNPS":
            continue  # "Article 5 Treaty": a name, not a count
        if noun.i - last > _MAX_COUNT_GAP + 1 or not _measurable(sentence, noun) or _unit_word(noun):
            continue
        inside = {w.i for w in sentence.subtree(noun)}
        if all(i in inside or i in ids for i in range(last + 1, noun.i)):
            return noun
    return None


def _unit_word(word: Word) -> bool:
    lex = lexicon()
    lower = word.lower
    return lower in lex.measurements or lower in lex.durations or lower.rstrip("s") in lex.durations


def count_measure(located: Located, noun: Word) -> str | None:
    """The counted noun's phrase, with the passive participle or outcome verb it is the subject of."""
    sentence = located.sentence
    shown = phrase(sentence, noun, located.ids)
    verb = _qualifying_verb(sentence, noun)
    return f"{shown} {verb.lower}" if shown and verb is not None else shown


def _qualifying_verb(sentence: ParsedSentence, noun: Word) -> Word | None:
    lex = lexicon()
    if noun.relation == "nsubj" and noun.head > noun.i:
        verb = sentence.words[noun.head]
        children = sentence.dependents(verb)
        passive = noun.dep == "nsubj:pass" or any(c.dep == "aux:pass" for c in children)
        participle = verb.tag == "VBN" or (verb.pos == "ADJ" and verb.lower.endswith(("ed", "en")))
        passive = passive or (participle and any(_is_be(c) for c in children))  # "were injured" as ADJ
        if (passive or verb.lower in lex.count_verbs) and verb.pos in ("VERB", "ADJ", "AUX"):
            return verb
    for child in sentence.dependents(noun, "acl"):  # "12 people killed in the attack"
        if child.tag == "VBN" and child.i == noun.i + 1:
            return child
    return None


def _is_be(word: Word) -> bool:
    return word.lemma == "be" or word.lower in _BE


def measure(
    located: Located | None, unit: str | None, *, adjectival: bool = False, dimension: str | None = None
) -> str | None:
    """What a figure of ``unit`` measures (module docstring); ``dimension`` for physical quantities and ages."""
    if located is None:
        return None
    sentence = located.sentence
    if adjectival:
        noun = _modified_noun(located)
        if noun is not None:
            return phrase(sentence, noun, located.ids)
    if dimension is not None:  # "20 tonnes of grain" → "grain", "100mph" → "speed"
        of = _complement(located, _PERCENT_CASES) if dimension != "age" else None
        return phrase(sentence, of) if of is not None else dimension
    durations = {name for name, _ in lexicon().durations.values()}
    subject = _thing(located, time=unit in durations)
    if unit in ("percent", "percentage_point"):
        of = _complement(located, _PERCENT_CASES)
        complement = phrase(sentence, of) if of is not None else None
        if complement and subject and complement != subject:
            return f"{subject} / {complement}"
        return complement or subject
    if unit is not None and len(unit) == 3 and unit.isupper():  # money: an ISO 4217 code
        complement_word = _complement(located, _MONEY_CASES)
        if complement_word is not None:
            return phrase(sentence, complement_word)
    return subject


def ratio_measure(located: Located | None) -> str | None:
    """What a ratio measures: what it is relative to, else the thing it is said of."""
    if located is None:
        return None
    relative = _relative_to(located)
    if relative is not None:
        return phrase(located.sentence, relative, located.ids)
    return _thing(located)
