"""Names in the parse: the proper nouns of one name, hyphen- and ampersand-glued names, a body's name carried over
"of"/"on"/"for", named members of an unnamed group, and the heads coordinated with a source."""

from __future__ import annotations

from audit.nlp.parse import ParsedSentence, Word

NAME_RELATIONS = frozenset({"flat", "flat:name", "compound", "nmod:desc"})


def name_run(sentence: ParsedSentence, head: Word) -> list[Word]:
    """The proper nouns making up a name with the head: its flat/compound parts, contiguous around it."""
    run = {head.i}
    grew = True
    while grew:
        grew = False
        for word in sentence.words:
            if word.i not in run and word.head in run and word.dep in NAME_RELATIONS and word.pos == "PROPN":
                run.add(word.i)
                grew = True
    for step in (-1, 1):  # "Bo Chan" parsed as two subjects of one verb: one name split by the parser
        index = head.i + step
        while 0 <= index < len(sentence.words):
            word = sentence.words[index]
            if word.pos != "PROPN" or word.head != head.head or word.dep != head.dep or word.i == head.head:
                break
            run.add(index)
            index += step
    low = high = head.i
    while low - 1 in run or (low > 0 and glued(sentence.words[low - 1], sentence.words[low])):
        low -= 1
    while high + 1 in run or (
        high + 1 < len(sentence.words) and glued(sentence.words[high], sentence.words[high + 1])
    ):
        high += 1
    return list(sentence.words[low : high + 1])


def glued(left: Word, right: Word) -> bool:
    """Two tokens of one hyphenated word ("Coca-Cola", "Al-Assad"), split by the tokenizer at the hyphen."""
    return left.end == right.start and (left.text in ("-", "&") or right.text in ("-", "&"))


def complete_name(sentence: ParsedSentence, words: list[Word]) -> list[Word]:
    """A body's name carried on over "of"/"on"/"for"/"and" and capitalised words the parser hung elsewhere
    ("the U.S. Council *on Foreign Relations*", "the Institute *of International Affairs*")."""
    if not words:
        return words
    end = words[-1].i
    while end + 2 < len(sentence.words):
        joiner, following = sentence.words[end + 1], sentence.words[end + 2]
        if joiner.lower not in ("of", "on", "for", "and", "&") or not following.text[:1].isupper():
            break
        end += 2
        while end + 1 < len(sentence.words) and sentence.words[end + 1].text[:1].isupper():
            if sentence.words[end + 1].pos not in ("PROPN", "NOUN", "ADJ"):
                break
            end += 1
    return [w for w in sentence.words if words[0].i <= w.i <= end]


def named_members(sentence: ParsedSentence, head: Word) -> list[Word]:
    """A name given as a member of an unnamed group: "critics, *including Trump*," / "experts *such as Jane Doe*"."""
    for word in sentence.dependents(head, "nmod", "appos", "acl"):
        cases = {c.lower for c in sentence.dependents(word, "case", "mark")}
        if word.pos == "PROPN" and cases & {"including", "like", "as"}:
            return name_run(sentence, word)
    return []


def conjuncts(sentence: ParsedSentence, head: Word) -> list[Word]:
    """The head and the heads coordinated with it, through chains ("A & B and C") and names the parser joined
    to the first as its parts across a conjunction ("Mr. Smith and *Ms. Jones*" as ``flat``)."""
    found = [head]
    for word in found:
        for part in name_run(sentence, word):
            joined = [w for w in sentence.dependents(part, "conj") if sentence.dependents(w, "cc")]
            for dependent in sentence.dependents(part):
                if dependent.dep == "conj" and not joined:
                    continue  # "a poll by X, Clinton is ahead": a comma alone coordinates nothing
                across = dependent.dep in NAME_RELATIONS and dependent.pos == "PROPN" and dependent.i > part.i
                coordinated = across and any(w.dep == "cc" for w in sentence.subtree(dependent))
                if (dependent.dep == "conj" or coordinated) and dependent not in found:
                    found.append(dependent)
    return found
