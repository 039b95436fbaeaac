"""Shared helpers of the figures tests: the parser's presence, and the figures of one sentence read with its parse."""

from __future__ import annotations

import pytest

from audit.claim_extraction.figures.mentions import extract_figures
from audit.model import Figure, Span
from audit.nlp.load import model_dir
from audit.nlp.parse import parse_sentences

requires_model = pytest.mark.skipif(
    not (model_dir() / "meta.json").is_file(),
    reason=f"the English parsing model is missing from {model_dir()}: figures are read with the parse "
    "(rebuild it with `python -m tools.train_parser`)",
)


def figures_of(sentence: str) -> list[Figure]:
    """The figures of ``sentence``, parsed as one sentence by the shipped parser (as the claims stage does)."""
    return extract_figures(sentence, parse_sentences(sentence, [Span(0, len(sentence))]))


def one_figure(sentence: str) -> Figure:
    figures = figures_of(sentence)
    assert len(figures) == 1, figures
    return figures[0]
