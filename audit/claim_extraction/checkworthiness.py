"""Check-worthiness: is a sentence a claim a fact-checker could verify, and of which kind?

A claim asserts something that could be checked against the world: a figure, a date or event, a quote, a
comparison, a causal or predictive statement. Opinions, rhetorical questions, headings, calls to action
("should", "must") and page boilerplate are not claims.

The score is the probability of a learned model (``checkworthiness_model``): a logistic regression over the
sentence's words, character n-grams and the TRANSPARENT named features below (``FEATURES``: a figure, a date, a
past-tense verb, a comparison ...), trained on folds 0-2 of ClaimBuster by ``python -m
tools.train_checkworthiness`` and shipped as ``audit/data/checkworthiness_model.json`` with its decision threshold.
Three features are set by hand (``rule_weights`` in ``audit/data/checkworthiness.json``) and added to the model's
logit, because debate transcripts cannot teach them: "heading" and "boilerplate" never occur there, and
"call_to_action" (an obligation modal in the main clause, "The U.S. should coordinate ...") is a non-claim by
definition here, whatever the debate labels say (on ClaimBuster the rule costs 0.0007 of CV F1). The named
features that fire, then the word terms that moved the score most (``word:<term>``, strongest first), are
returned so a reader can see why a sentence scored as it did; the character n-grams' part is not listed.

``Checkworthiness.type`` precedence (first that applies): "figure" (the sentence has a figure) > "date"
(a date mention, a year or month name, or a named event noun with a date) > "quote" (attribution of kind
direct_quote) > "comparison" (comparative or superlative wording) > "prediction" (future or predictive
wording) > "assertion". Figures and dates come first because they give the checker the most precise
handle; a quote containing a figure is still best checked through the figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from audit.claim_extraction.checkworthiness_model import learned_model, sigmoid
from audit.data import load
from audit.model import NO_ATTRIBUTION, Attribution, ClaimType, DateMention, Figure

_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*")
_YEAR_RE = re.compile(r"(?<![\d,.$€£])\b(?:1[6-9]\d\d|20\d\d)s?\b(?![,.]\d)")
_DIGIT_RE = re.compile(r"\d")
_QUOTE_RE = re.compile(r"[\"“”]")
WORD_PREFIX = "word:"  # how a word term that moved the score is named in ``Checkworthiness.features``
CUES_SHOWN = 5  # at most this many word terms are listed, strongest first
CUE_MIN = 0.05  # ... each moving the logit by at least this much


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
    rule_weights: dict[str, float]
    version: str


@cache
def _model() -> _Model:
    config = load("checkworthiness")
    lexicons: dict[str, frozenset[str]] = {}
    phrases: dict[str, tuple[str, ...]] = {}
    for name, entries in config["lexicons"].items():
        lexicons[name] = frozenset(entry for entry in entries if " " not in entry)
        phrases[name] = tuple(entry for entry in entries if " " in entry)
    return _Model(
        lexicons=lexicons,
        phrases=phrases,
        rule_weights={name: float(value) for name, value in config["rule_weights"].items()},
        version=str(config["version"]),
    )


def rule_weights() -> dict[str, float]:
    """The hand-set weights added to the learned logit (features debate transcripts cannot teach)."""
    return dict(_model().rule_weights)


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


#: The named features: the learned model's inputs and the three rule features. Each is a yes/no test except
#: "length".
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


def feature_values(
    sentence: str,
    *,
    figures: Sequence[Figure] = (),
    dates: Sequence[DateMention] = (),
    attribution: Attribution = NO_ATTRIBUTION,
) -> dict[str, float]:
    """Every feature's value for a sentence (the named inputs of the learned model, and the rule features)."""
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
    values = feature_values(sentence, figures=figures, dates=dates, attribution=attribution)
    learned = learned_model()
    logit, word_parts = learned.logit_parts(sentence, values)
    logit += sum(weight * values[name] for name, weight in _model().rule_weights.items())
    score = sigmoid(logit)
    cues = sorted(
        ((term, part) for term, part in word_parts.items() if abs(part) >= CUE_MIN),
        key=lambda item: (-abs(item[1]), item[0]),
    )[:CUES_SHOWN]
    fired = tuple(name for name, value in values.items() if value and name != "length")
    fired += tuple(WORD_PREFIX + term for term, _ in cues)
    return Checkworthiness(
        score=round(score, 4),
        is_claim=score >= learned.threshold,
        type=_claim_type(values, figures, attribution),
        features=fired,
    )
