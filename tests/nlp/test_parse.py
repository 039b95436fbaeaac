"""The shipped English pipeline loads offline and gives typed parse records with absolute offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import Span
from audit.nlp import load
from audit.nlp.parse import parse_sentences


def test_missing_model_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MODEL_DIR", tmp_path / "model")
    load.pipeline.cache_clear()
    try:
        with pytest.raises(load.ModelMissing, match="train_parser"):
            load.pipeline()
    finally:
        load.pipeline.cache_clear()


def test_model_ships_with_its_licence_and_credit() -> None:
    folder = load.model_dir()
    licence = (folder / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in licence or "Attribution-ShareAlike 4.0" in licence
    assert "Silveira" in (folder / "README.md").read_text(encoding="utf-8") + licence
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert size <= 20 * 1024 * 1024


def test_parse_gives_offsets_into_the_text_and_a_tree() -> None:
    text = "Intro line.\nThe minister said the budget would grow by 3 percent."
    start = text.index("The")
    (sentence,) = parse_sentences(text, [Span(start, len(text))])
    assert all(text[w.start : w.end] == w.text for w in sentence.words)
    said = next(w for w in sentence.words if w.text == "said")
    assert said.pos == "VERB" and said.lemma == "say"
    subject = [w.text for w in sentence.dependents(said, "nsubj")]
    assert subject == ["minister"]
    assert [w.text for w in sentence.roots()] == ["said"]
    assert {w.text for w in sentence.subtree(said)} == {w.text for w in sentence.words}
