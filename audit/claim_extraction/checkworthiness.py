"""Check-worthiness: is a sentence a claim a fact-checker could verify, and of which kind?

A claim asserts something that could be checked against the world: a figure, a date or event, a quote, a
comparison, a causal or predictive statement. Opinions, rhetorical questions, headings, calls to action
("should", "must") and page boilerplate are not claims.

The score is a logistic function of TRANSPARENT features, each a named, documented test on the sentence
(``FEATURES`` below); the features that fire are returned so a reader can see why a sentence scored as it
did. Weights, bias and threshold live in ``audit/data/checkworthiness.json`` (versioned). The weights of
the ordinary features are fitted by ``evaluation/fit_checkworthiness.py`` (L2-regularised logistic
regression with numpy/scipy) on the development fifth of ClaimBuster only. Three features are set by hand
(``rule_weights``) because debate transcripts cannot teach them: "heading" and "boilerplate" never occur
there, and "call_to_action" (an obligation modal in the main clause, "The U.S. should coordinate ...") is
a non-claim by definition here while the debate labels only give it a weak negative weight.

A second, LEXICAL cue family complements them: the sentence's lower-cased words and word pairs, with digits,
years and capitalised names replaced by the placeholders ``<num>``, ``<year>`` and ``<name>`` (``cue_terms``).
A vocabulary of up to two thousand such terms (those in at least three development sentences, ranked by how
strongly they separate the labels) has one weight each (``word_weights`` in the JSON), fitted together with
the ordinary weights: an L2-penalised logistic regression on naive-Bayes-scaled word columns, with vocabulary
size, word penalty and threshold chosen by 5-fold cross-validation within the development fifth. Terms with
an obligation modal (lexicon ``word_cue_exclusions``) are never learned: calls to action are decided by rule,
as above. Each term that fires is reported as ``word:<term>`` (``word:percent``, ``word:i voted``), strongest
first, so the score stays a sum of named, visible parts.

``Checkworthiness.type`` precedence (first that applies): "figure" (the sentence has a figure) > "date"
(a date mention, a year or month name, or a named event noun with a date) > "quote" (attribution of kind
direct_quote) > "comparison" (comparative or superlative wording) > "prediction" (future or predictive
wording) > "assertion". Figures and dates come first because they give the checker the most precise
handle; a quote containing a figure is still best checked through the figure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from audit.data import load
from audit.model import NO_ATTRIBUTION, Attribution, ClaimType, DateMention, Figure

_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*")
_YEAR_RE = re.compile(r"(?<![\d,.$€£])\b(?:1[6-9]\d\d|20\d\d)s?\b(?![,.]\d)")
_DIGIT_RE = re.compile(r"\d")
_QUOTE_RE = re.compile(r"[\"“”]")
_SELF_REFERENCE = frozenset({"I", "I'm", "I've", "I'd", "I'll", "I’m", "I’ve", "I’d", "I’ll"})
WORD_PREFIX = "word:"  # how a fired lexical cue is named in ``Checkworthiness.features``


@dataclass(frozen=True)
class Checkworthiness:
    """How check-worthy a sentence is: ``score`` in [0, 1], the decision, the claim type, and why."""

    score: float
    is_claim: bool
    type: ClaimType
    features: tuple[str, ...]


@dataclass(frozen=True)
class _Model:
    lexicons: dict[str, frozenset[str]]
    phrases: dict[str, tuple[str, ...]]  # multi-word entries, matched on the lowercased sentence
    weights: dict[str, float]
    word_weights: dict[str, float]
    bias: float
    threshold: float
    version: str


def load_config() -> dict[str, Any]:
    """The raw JSON of ``audit/data/checkworthiness.json`` (the fitting script rewrites it)."""
    return load("checkworthiness")


@cache
def _model() -> _Model:
    config = load_config()
    lexicons: dict[str, frozenset[str]] = {}
    phrases: dict[str, tuple[str, ...]] = {}
    for name, entries in config["lexicons"].items():
        lexicons[name] = frozenset(entry for entry in entries if " " not in entry)
        phrases[name] = tuple(entry for entry in entries if " " in entry)
    weights = {name: float(value) for name, value in config["weights"].items()}
    weights.update({name: float(value) for name, value in config["rule_weights"].items()})
    return _Model(
        lexicons=lexicons,
        phrases=phrases,
        weights=weights,
        word_weights={term: float(value) for term, value in config.get("word_weights", {}).items()},
        bias=float(config["bias"]),
        threshold=float(config["threshold"]),
        version=str(config["version"]),
    )


@dataclass(frozen=True)
class _Sentence:
    """What the feature tests look at: the text, its tokens, and what other stages found in it."""

    text: str
    tokens: tuple[str, ...]
    lower: tuple[str, ...]
    figures: Sequence[Figure]
    dates: Sequence[DateMention]
    attribution: Attribution

    def has(self, lexicon: str) -> bool:
        model = _model()
        words = model.lexicons[lexicon]
        if any(token in words for token in self.lower):
            return True
        lowered = " ".join(self.lower)
        return any(re.search(r"\b" + re.escape(phrase) + r"\b", lowered) for phrase in model.phrases[lexicon])


def _named_entity(s: _Sentence) -> bool:
    """A capitalised word that is not the first word, not "I" and not a month (those count as dates)."""
    months = _model().lexicons["months"]
    for index, token in enumerate(s.tokens):
        if index == 0 or not token[0].isupper() or token in ("I", "I'm", "I've", "I'd", "I'll"):
            continue
        if s.tokens[index - 1] in (".", ":") or s.lower[index].rstrip(".") in months:
            continue
        return True
    return False


def _date(s: _Sentence) -> bool:
    """A date mention from the date stage, or a year or month name found lexically."""
    if s.dates or _YEAR_RE.search(s.text):
        return True
    months = _model().lexicons["months"]
    # "May" and "March" are also words: only count them capitalised and not sentence-initial.
    return any(
        token.lower() in months and token[0].isupper() and index > 0 for index, token in enumerate(s.tokens)
    ) or bool(re.search(r"\b(?:May|March)\s+\d{1,2}\b|\b\d{1,2}\s+(?:May|March)\b", s.text))


def _past_tense(s: _Sentence) -> bool:
    model = _model()
    irregular = model.lexicons["past_irregular"]
    exceptions = model.lexicons["past_ed_exceptions"]
    return any(
        token in irregular or (token.endswith("ed") and len(token) > 4 and token not in exceptions)
        for token in s.lower
    )


_CALL_TO_ACTION_RE = re.compile(
    r"^\W*(?:(?!that\b|if\b|because\b|when\b)[\w’'.-]+,?\s+){0,7}?"
    r"(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|let’s|let's)\b(?!\s+have\b)",
    re.IGNORECASE,
)


def _first_person(s: _Sentence) -> bool:
    return s.has("first_person_singular") or s.has("first_person_plural")


def _call_to_action(s: _Sentence) -> bool:
    """An obligation modal in the main clause ("The U.S. should coordinate ..."), not in a reported one."""
    return bool(_CALL_TO_ACTION_RE.search(s.text)) and not s.figures


def _heading(s: _Sentence) -> bool:
    """No sentence-final punctuation and mostly capitalised words ("Trump's New Deal"), or ends with ":"."""
    stripped = s.text.strip()
    if stripped.endswith(":"):
        return True
    if not stripped or stripped[-1] in ".!?\"”’')" or len(s.tokens) > 14:
        return False
    words = [token for token in s.tokens if token[0].isalpha() and len(token) > 3]
    if not words:
        return True
    capitalised = sum(1 for token in words if token[0].isupper())
    return capitalised / len(words) >= 0.5 or len(s.tokens) <= 4


#: The features, in the order their weights are listed. Each is a yes/no test except "length".
FEATURES: dict[str, Callable[[_Sentence], float]] = {
    "quantity": lambda s: float(bool(s.figures) or bool(_DIGIT_RE.search(_YEAR_RE.sub(" ", s.text)))),
    "money_or_percent": lambda s: float(
        any(f.unit not in (None, "count") and f.unit is not None and f.unit.isupper() for f in s.figures)
        or any(f.unit in ("percent", "percentage_point") for f in s.figures)
        or bool(re.search(r"[$€£%]|\bpercent\b|\bper cent\b", s.text))
    ),
    "date": lambda s: float(_date(s)),
    "named_entity": lambda s: float(_named_entity(s)),
    "reporting_verb": lambda s: float(
        s.has("reporting_verb") or s.attribution.kind in ("reported", "according_to")
    ),
    "comparative": lambda s: float(s.has("comparative") or any(f.comparator == "ratio" for f in s.figures)),
    "superlative": lambda s: float(s.has("superlative") or bool(re.search(r"\b\w{3,}est\b", s.text.lower()))),
    "causal": lambda s: float(s.has("causal")),
    "past_tense": lambda s: float(_past_tense(s)),
    "policy_term": lambda s: float(s.has("policy_term")),
    "event_noun": lambda s: float(s.has("event_nouns")),
    # spelled-out amounts ("three years", "millions"), and the interactions a linear score cannot form:
    # an amount in a past-tense sentence (a record), "we voted" (a record) vs. "we will" / "we must" (a pledge)
    "number_word": lambda s: float(s.has("number_words")),
    "figure_past": lambda s: float(bool(s.figures or s.has("number_words")) and _past_tense(s)),
    "first_person_past": lambda s: float(_first_person(s) and _past_tense(s)),
    "first_person_modal": lambda s: float(_first_person(s) and (s.has("obligation") or s.has("prediction"))),
    "quote": lambda s: float(s.attribution.kind == "direct_quote" or bool(_QUOTE_RE.search(s.text))),
    "attributed": lambda s: float(s.attribution.kind in ("direct_quote", "reported", "according_to")),
    "prediction": lambda s: float(s.has("prediction") or any(d.tense == "future" for d in s.dates)),
    "hedge": lambda s: float(s.has("hedge") or s.attribution.kind == "vague"),
    "opinion": lambda s: float(s.has("opinion")),
    "obligation": lambda s: float(s.has("obligation")),
    "question": lambda s: float(s.text.rstrip(" \"'”’)").endswith("?")),
    "first_person_singular": lambda s: float(s.has("first_person_singular")),
    "first_person_plural": lambda s: float(s.has("first_person_plural")),
    "second_person": lambda s: float(s.has("second_person")),
    "short": lambda s: float(len(s.tokens) < 7),
    "long": lambda s: float(len(s.tokens) >= 25),
    "length": lambda s: min(len(s.tokens), 40) / 20.0,
    "call_to_action": lambda s: float(_call_to_action(s)),
    "heading": lambda s: float(_heading(s)),
    "boilerplate": lambda s: float(s.has("boilerplate")),
}


def _sentence(
    sentence: str, figures: Sequence[Figure], dates: Sequence[DateMention], attribution: Attribution
) -> _Sentence:
    tokens = tuple(_TOKEN_RE.findall(sentence))
    lower = tuple(token.lower().replace("’", "'") for token in tokens)
    return _Sentence(sentence, tokens, lower, figures, dates, attribution)


def cue_terms(sentence: str) -> frozenset[str]:
    """The lexical cues of a sentence: normalised words and adjacent word pairs ("<s>" marks the start).

    Lower-cased; a number becomes ``<num>`` (``<year>`` for 1600-2099), a capitalised word that is not
    the first, not "I" and not a month becomes ``<name>``, so the vocabulary generalises beyond the names
    and figures of the fitting data.
    """
    months = _model().lexicons["months"]
    words: list[str] = []
    for index, token in enumerate(_TOKEN_RE.findall(sentence)):
        lower = token.lower().replace("’", "'")
        if lower[0].isdigit():
            lower = "<year>" if _YEAR_RE.fullmatch(token.rstrip(",.")) else "<num>"
        elif index > 0 and token[0].isupper() and token not in _SELF_REFERENCE and lower not in months:
            lower = "<name>"
        words.append(lower)
    pairs = (f"{first} {second}" for first, second in zip(["<s>", *words], words, strict=False))
    return frozenset((*words, *pairs))


def feature_values(
    sentence: str,
    *,
    figures: Sequence[Figure] = (),
    dates: Sequence[DateMention] = (),
    attribution: Attribution = NO_ATTRIBUTION,
) -> dict[str, float]:
    """Every feature's value for a sentence (the fitting script's design matrix row)."""
    s = _sentence(sentence, figures, dates, attribution)
    return {name: test(s) for name, test in FEATURES.items()}


def _claim_type(values: dict[str, float], figures: Sequence[Figure], attribution: Attribution) -> ClaimType:
    """The precedence documented in the module docstring."""
    if figures:
        return "figure"
    if values["date"]:
        return "date"
    if attribution.kind == "direct_quote":
        return "quote"
    if values["comparative"] or values["superlative"]:
        return "comparison"
    if values["prediction"]:
        return "prediction"
    return "assertion"


def assess(
    sentence: str,
    *,
    figures: Sequence[Figure] = (),
    dates: Sequence[DateMention] = (),
    attribution: Attribution = NO_ATTRIBUTION,
) -> Checkworthiness:
    """Score one sentence; ``figures``, ``dates`` and ``attribution`` are what earlier stages found in it."""
    model = _model()
    values = feature_values(sentence, figures=figures, dates=dates, attribution=attribution)
    logit = model.bias + sum(model.weights.get(name, 0.0) * value for name, value in values.items())
    cues = sorted(
        ((term, model.word_weights[term]) for term in cue_terms(sentence) if term in model.word_weights),
        key=lambda item: (-abs(item[1]), item[0]),
    )
    logit += sum(weight for _, weight in cues)
    score = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))
    fired = tuple(name for name, value in values.items() if value and name != "length")
    fired += tuple(WORD_PREFIX + term for term, _ in cues)
    return Checkworthiness(
        score=round(score, 4),
        is_claim=score >= model.threshold,
        type=_claim_type(values, figures, attribution),
        features=fired,
    )
