"""Score a trained spaCy pipeline on a UD English EWT split and print the figures as JSON.

Run from the repository root::

    python -m tools.eval_parser MODEL_DIR /work/shared/nlp/ud_english_ewt --split test

Three settings, all scored against the treebank's syntactic words (multiword tokens split, as in training):

- ``gold_tokens``: the standard UD evaluation with gold tokenization *and* gold sentences; each sentence is fed as
  a pre-tokenized Doc whose sentence boundaries are fixed, so the scores are plain accuracies.
- ``gold_tokens_predicted_sentences``: each document as one pre-tokenized Doc; the parser places the sentence
  boundaries (sentence F1 without tokenization noise).
- ``raw_text``: each document's text (sentences joined as in the source; paragraphs by a blank line) through
  spaCy's own English tokenizer; system tokens are aligned to gold words by character span, as the CoNLL 2018
  shared-task scorer does, and every figure is an F1 (a word with a wrong span counts against all of them).

LAS compares universal relations (the part before ``:``), as the CoNLL 2018 scorer does; ``las_subtypes`` also
requires the subtype to match.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tools.train_parser import UDSentence, UDWord, group_documents, read_conllu, split_path, use_numpy_gemm

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

Span = tuple[int, int]


@dataclass
class GoldText:
    """A text with the character span, annotation and (text-global) head index of every gold word."""

    text: str = ""
    spans: list[Span] = field(default_factory=list)
    words: list[UDWord] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    sentence_word_ranges: list[Span] = field(default_factory=list)


def build_gold_text(sentences: list[UDSentence], par_sep: str = "\n\n") -> GoldText:
    """Lay out sentences as one text, recording gold word spans; paragraphs are separated by ``par_sep``."""
    gold = GoldText()
    parts: list[str] = []
    length = 0
    for n, sent in enumerate(sentences):
        if n:
            sep = par_sep if sent.new_par else (" " if gold.spaces[-1] else "")
            gold.spaces[-1] = sep == " "
            parts.append(sep)
            length += len(sep)
        offset = len(gold.words)
        sent_start = length
        for tok in sent.tokens:
            members = sent.words[tok.first : tok.last + 1]
            exact = "".join(w.form for w in members) == tok.form
            cursor = length
            for word in members:
                if exact:
                    gold.spans.append((cursor, cursor + len(word.form)))
                    cursor += len(word.form)
                else:
                    gold.spans.append((length, length + len(tok.form)))
            parts.append(tok.form)
            length += len(tok.form)
            for _ in members[:-1]:
                gold.spaces.append(False)
            gold.spaces.append(tok.space_after)
            if tok.space_after:
                parts.append(" ")
                length += 1
        if sent.tokens and sent.tokens[-1].space_after:
            parts.pop()
            length -= 1
            gold.spaces[-1] = True  # a separator follows, unless this is the last sentence
        for word in sent.words:
            gold.words.append(word)
            gold.heads.append(offset + word.head - 1 if word.head else -1)
        gold.sentences.append((sent_start, length))
        gold.sentence_word_ranges.append((offset, len(gold.words) - 1))
    if gold.spaces:
        gold.spaces[-1] = False
    gold.text = "".join(parts)
    return gold


@dataclass
class Counts:
    """Match counts for one evaluation setting."""

    gold_words: int = 0
    system_words: int = 0
    aligned: int = 0
    upos: int = 0
    xpos: int = 0
    ufeats: int = 0
    lemma: int = 0
    uas: int = 0
    las: int = 0
    las_subtypes: int = 0
    gold_sentences: int = 0
    system_sentences: int = 0
    matched_sentences: int = 0

    def add(self, other: Counts) -> None:
        """Accumulate another setting's counts."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _feats(value: str) -> frozenset[str]:
    return frozenset(part for part in value.split("|") if part and part != "_")


def _relation(dep: str) -> str:
    return "root" if dep.lower() == "root" else dep


def _is_blank(token: Token) -> bool:
    return not token.text.strip()


def score_doc(gold: GoldText, doc: Doc) -> Counts:
    """Align the Doc's tokens to gold words by character span and count matches."""
    counts = Counts(gold_words=len(gold.words), gold_sentences=len(gold.sentences))
    if doc.text != gold.text:
        raise ValueError("system text differs from the gold text")
    index = {span: i for i, span in enumerate(gold.spans)}
    aligned: dict[int, int] = {}
    for token in doc:
        if _is_blank(token):
            continue
        counts.system_words += 1
        gold_i = index.get((token.idx, token.idx + len(token.text)))
        if gold_i is not None:
            aligned[token.i] = gold_i
    for token_i, gold_i in aligned.items():
        token = doc[token_i]
        word = gold.words[gold_i]
        counts.aligned += 1
        counts.upos += token.pos_ == word.upos
        counts.xpos += token.tag_ == word.xpos
        counts.ufeats += _feats(str(token.morph)) == _feats(word.feats)
        counts.lemma += token.lemma_ == word.lemma
        system_head = -1 if token.head.i == token.i else aligned.get(token.head.i, -2)
        if system_head == gold.heads[gold_i]:
            counts.uas += 1
            system_dep = _relation(token.dep_)
            counts.las += system_dep.split(":")[0] == word.deprel.split(":")[0]
            counts.las_subtypes += system_dep == word.deprel
    gold_sents = set(gold.sentences)
    for sent in doc.sents:
        words = [t for t in sent if not _is_blank(t)]
        if not words:
            continue
        counts.system_sentences += 1
        counts.matched_sentences += (words[0].idx, words[-1].idx + len(words[-1].text)) in gold_sents
    return counts


def _f1(matched: int, gold: int, system: int) -> float:
    return 2 * matched / (gold + system) if gold + system else 0.0


def summarise(counts: Counts, seconds: float, with_tokens: bool) -> dict[str, Any]:
    """Turn counts into F1 figures (equal to accuracies when tokenization is gold)."""
    g, s = counts.gold_words, counts.system_words
    out: dict[str, Any] = {"gold_words": g, "system_words": s, "gold_sentences": counts.gold_sentences}
    if with_tokens:
        out["words_precision"] = round(counts.aligned / s, 4) if s else 0.0
        out["words_recall"] = round(counts.aligned / g, 4) if g else 0.0
        out["words_f1"] = round(_f1(counts.aligned, g, s), 4)
    for name in ("upos", "xpos", "ufeats", "lemma", "uas", "las", "las_subtypes"):
        out[name] = round(_f1(getattr(counts, name), g, s), 4)
    out["sentence_f1"] = round(
        _f1(counts.matched_sentences, counts.gold_sentences, counts.system_sentences), 4
    )
    out["seconds"] = round(seconds, 1)
    return out


def _pretokenized(nlp: Language, gold: GoldText, fix_sentences: bool) -> Doc:
    from spacy.tokens import Doc

    words = [w.form for w in gold.words]
    sent_starts: list[bool | int | None] | None = None
    if fix_sentences:
        starts = {first for first, _ in gold.sentence_word_ranges}
        sent_starts = [i in starts for i in range(len(words))]
    return Doc(nlp.vocab, words=words, spaces=gold.spaces, sent_starts=sent_starts)


def _run(nlp: Language, golds: list[GoldText], inputs: Iterable[Doc | str]) -> tuple[Counts, float]:
    total = Counts()
    started = time.perf_counter()
    for gold, doc in zip(golds, nlp.pipe(inputs, batch_size=32), strict=True):
        total.add(score_doc(gold, doc))
    return total, time.perf_counter() - started


def evaluate(model_dir: Path, data_dir: Path, split: str) -> dict[str, Any]:
    """Score the model on one split in the three settings; return a JSON-ready dict."""
    import spacy

    use_numpy_gemm()
    nlp = spacy.load(model_dir)
    sentences = list(read_conllu(split_path(data_dir, split)))
    documents = group_documents(sentences)
    result: dict[str, Any] = {
        "model": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}",
        "spacy_version": spacy.about.__version__,
        "split": split,
        "documents": len(documents),
    }

    per_sentence = [build_gold_text([sent], par_sep=" ") for sent in sentences]
    counts, seconds = _run(nlp, per_sentence, (_pretokenized(nlp, g, True) for g in per_sentence))
    result["gold_tokens"] = summarise(counts, seconds, with_tokens=False)

    per_doc_plain = [build_gold_text(doc, par_sep=" ") for doc in documents]
    counts, seconds = _run(nlp, per_doc_plain, (_pretokenized(nlp, g, False) for g in per_doc_plain))
    result["gold_tokens_predicted_sentences"] = summarise(counts, seconds, with_tokens=False)

    per_doc_raw = [build_gold_text(doc, par_sep="\n\n") for doc in documents]
    counts, seconds = _run(nlp, per_doc_raw, (g.text for g in per_doc_raw))
    result["raw_text"] = summarise(counts, seconds, with_tokens=True)
    return result


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: print the scores as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("data_dir", type=Path, help="UD_English-EWT folder with en_ewt-ud-*.conllu(.gz)")
    parser.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    parser.add_argument("--output", type=Path, default=None, help="also write the JSON to this file")
    args = parser.parse_args(argv)
    result = evaluate(args.model_dir, args.data_dir, args.split)
    text = json.dumps(result, indent=2)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
