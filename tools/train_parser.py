"""Train the toolkit's English spaCy pipeline on the UD English Web Treebank (UD_English-EWT).

Run from the repository root, in an environment with spaCy 3.8.18 installed::

    python -m tools.train_parser /work/shared/nlp/ud_english_ewt OUT_DIR

Steps: read the CoNLL-U files in place (the treebank is never copied into the repository), convert train and dev
to spaCy ``.spacy`` files in a work folder, train with ``tools/parser.cfg`` (fixed seed, single thread), then write
the best model (chosen on dev) to ``OUT_DIR`` with a LICENSE and README that name CC BY-SA 4.0 and credit the
treebank. The work folder (corpus, checkpoints, log) defaults to ``OUT_DIR`` + ``.work``; ``--package-only``
re-packages its best checkpoint without training again.

Training is seeded (``--seed``, default 0) and single-threaded: 6,000 steps (about 19 epochs). It took 109 minutes
on a 2-core AMD EPYC (Zen 3) VM that other jobs were loading heavily (load average 8 to 10); expect roughly an hour
on an idle core. Matrix products go through numpy (see ``use_numpy_gemm``), about twice as fast as BLIS there.

Multiword tokens (``don't`` = ``do`` + ``n't``, ``Bush's`` = ``Bush`` + ``'s``, ``cannot`` = ``can`` + ``not``)
are split into their syntactic words, as spaCy's English tokenizer does; in EWT the words of every multiword token
spell the surface token exactly, so the document text is unchanged. Empty nodes (enhanced graphs) are skipped.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# Single-threaded numerics on shared machines: set before numpy/spaCy are first imported (they are imported lazily).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

DEFAULT_CONFIG = Path(__file__).with_name("parser.cfg")
SPLITS = ("train", "dev", "test")
TREEBANK_COMMIT = "15d613d8447b3478787d4c278730a1e48a945efb"
MODEL_NAME = "audit_en_ewt"
MODEL_VERSION = "0.1.0"
SENTS_PER_DOC = 10
CITATION = (
    "Natalia Silveira, Timothy Dozat, Marie-Catherine de Marneffe, Samuel Bowman, Miriam Connor, John Bauer and "
    'Christopher D. Manning (2014). "A Gold Standard Dependency Corpus for English". In Proceedings of the Ninth '
    "International Conference on Language Resources and Evaluation (LREC 2014)."
)


@dataclass
class UDWord:
    """One syntactic word of a CoNLL-U sentence (head is 1-based, 0 for the root)."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    space_after: bool


@dataclass
class UDToken:
    """One surface token; ``first``..``last`` (inclusive, 0-based) are the words it spans."""

    form: str
    first: int
    last: int
    space_after: bool


@dataclass
class UDSentence:
    """A CoNLL-U sentence with its document/paragraph position, words and surface tokens."""

    sent_id: str
    doc_id: str
    new_par: bool
    text: str
    words: list[UDWord] = field(default_factory=list)
    tokens: list[UDToken] = field(default_factory=list)


def split_path(data_dir: Path, split: str) -> Path:
    """Path of one split's CoNLL-U file (gzipped or not) in the treebank folder."""
    for name in (f"en_ewt-ud-{split}.conllu.gz", f"en_ewt-ud-{split}.conllu"):
        if (data_dir / name).exists():
            return data_dir / name
    raise FileNotFoundError(f"no {split} CoNLL-U file in {data_dir}")


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def read_conllu(path: Path) -> Iterator[UDSentence]:
    """Yield the sentences of a CoNLL-U file, multiword tokens kept as surface tokens over their words."""
    opener = gzip.open if path.suffix == ".gz" else open
    doc_id = ""
    sent: UDSentence | None = None
    pending_new_par = False
    mwt_end = 0
    mwt: UDToken | None = None
    with opener(path, "rt", encoding="utf-8") as handle:
        for raw_line in handle:
            line = raw_line.rstrip("\n")
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                key, value = key.strip(), value.strip()
                if key == "newdoc id":
                    doc_id, pending_new_par = value, True
                elif key == "newpar id" or key == "newpar":
                    pending_new_par = True
                elif key == "sent_id":
                    sent = UDSentence(sent_id=value, doc_id=doc_id, new_par=pending_new_par, text="")
                    pending_new_par = False
                elif key == "text" and sent is not None:
                    sent.text = value
                continue
            if not line.strip():
                if sent is not None and sent.words:
                    yield sent
                sent, mwt, mwt_end = None, None, 0
                continue
            if sent is None:
                sent = UDSentence(sent_id="", doc_id=doc_id, new_par=pending_new_par, text="")
                pending_new_par = False
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"{path}: bad CoNLL-U line {line!r}")
            wid = cols[0]
            if "." in wid:
                continue
            if "-" in wid:
                start, end = (int(part) for part in wid.split("-"))
                mwt = UDToken(cols[1], start - 1, end - 1, _space_after(cols[9]))
                mwt_end = end
                sent.tokens.append(mwt)
                continue
            index = int(wid)
            in_mwt = mwt is not None and index <= mwt_end
            if mwt is not None and in_mwt:
                space = mwt.space_after and index == mwt_end
            else:
                space = _space_after(cols[9])
            sent.words.append(
                UDWord(
                    form=cols[1],
                    lemma=cols[2],
                    upos=cols[3],
                    xpos=cols[4],
                    feats="" if cols[5] == "_" else cols[5],
                    head=int(cols[6]),
                    deprel=cols[7],
                    space_after=space,
                )
            )
            if not in_mwt:
                sent.tokens.append(UDToken(cols[1], index - 1, index - 1, space))
    if sent is not None and sent.words:
        yield sent


def group_documents(sentences: Iterable[UDSentence]) -> list[list[UDSentence]]:
    """Group consecutive sentences by their ``newdoc id``."""
    docs: list[list[UDSentence]] = []
    for sent in sentences:
        if not docs or docs[-1][0].doc_id != sent.doc_id:
            docs.append([])
        docs[-1].append(sent)
    return docs


def chunk_sentences(sentences: list[UDSentence], size: int) -> list[list[UDSentence]]:
    """Split one document's sentences into runs of at most ``size`` sentences."""
    return [sentences[i : i + size] for i in range(0, len(sentences), size)]


def sentences_to_doc(vocab: Vocab, sentences: list[UDSentence]) -> Doc:
    """Build an annotated spaCy Doc (gold words, tags, morphology, lemmas, tree, sentence starts)."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    sent_starts: list[bool | int | None] = []
    for sent in sentences:
        offset = len(words)
        for i, word in enumerate(sent.words):
            words.append(word.form)
            spaces.append(word.space_after)
            tags.append(word.xpos)
            pos.append(word.upos)
            morphs.append(word.feats)
            lemmas.append(word.lemma)
            heads.append(offset + word.head - 1 if word.head else offset + i)
            deps.append("ROOT" if word.deprel == "root" else word.deprel)
            sent_starts.append(i == 0)
        if not spaces[-1]:
            spaces[-1] = True  # sentences are separated by whitespace inside a document
    spaces[-1] = False
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=sent_starts,
    )


def check_sentence_text(sent: UDSentence) -> bool:
    """True when the surface tokens and SpaceAfter flags spell the sentence's ``# text``."""
    rebuilt = "".join(tok.form + (" " if tok.space_after else "") for tok in sent.tokens).rstrip()
    return not sent.text or rebuilt == sent.text


def convert_split(
    data_dir: Path, split: str, out_path: Path, sents_per_doc: int = SENTS_PER_DOC
) -> dict[str, int]:
    """Convert one split to a ``.spacy`` DocBin of multi-sentence documents; return counts."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    sentences = list(read_conllu(split_path(data_dir, split)))
    bad_text = sum(not check_sentence_text(sent) for sent in sentences)
    docbin = DocBin(store_user_data=False)
    n_docs = 0
    for document in group_documents(sentences):
        for chunk in chunk_sentences(document, sents_per_doc):
            docbin.add(sentences_to_doc(nlp.vocab, chunk))
            n_docs += 1
    out_path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(out_path)
    return {
        "sentences": len(sentences),
        "words": sum(len(s.words) for s in sentences),
        "docs": n_docs,
        "text_mismatches": bad_text,
    }


def _scrub_config(model_dir: Path) -> None:
    """Drop the training corpus paths (absolute paths on the training machine) from the saved config."""
    from thinc.api import Config

    cfg_path = model_dir / "config.cfg"
    cfg = Config().from_disk(cfg_path, interpolate=False)
    for key in list(cfg["paths"]):
        cfg["paths"][key] = None
    cfg.to_disk(cfg_path)


def _license_text(data_dir: Path) -> str:
    notice = (
        "This model (the weights and files in this folder) is a derived work of the Universal Dependencies\n"
        f"English Web Treebank (UD_English-EWT, commit {TREEBANK_COMMIT}), and is licensed under the\n"
        "Creative Commons Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0),\n"
        "https://creativecommons.org/licenses/by-sa/4.0/ .\n\n"
        f"Treebank credit: {CITATION}\n\n"
    )
    licence = data_dir / "LICENSE.txt"
    if licence.exists():
        notice += (
            "The treebank's licence file follows.\n\n" + "=" * 78 + "\n" + licence.read_text(encoding="utf-8")
        )
    return notice


def _readme_text(meta: dict[str, Any], train_seconds: float, seed: int, scores: dict[str, Any] | None) -> str:
    import spacy

    components = ", ".join(meta.get("pipeline", []))
    lines = [
        f"# {MODEL_NAME} {MODEL_VERSION}",
        "",
        f"English spaCy pipeline ({components}), trained with spaCy {spacy.about.__version__} by `audit`'s",
        "`tools/train_parser.py` and `tools/parser.cfg` on the Universal Dependencies English Web Treebank",
        f"(UD_English-EWT, commit {TREEBANK_COMMIT}). Tokenizer: spaCy's rule-based English tokenizer.",
        "CPU only: hash embeddings and a CNN encoder; no pretrained vectors, no transformer, no NER.",
        "",
        "Load with `spacy.load(path_to_this_folder)`; nothing is downloaded. On CPUs whose BLIS kernels are",
        "missing from the `blis` wheel (e.g. AMD Zen 3), calling",
        "`thinc.api.set_current_ops(thinc.api.NumpyOps(use_blis=False))` before loading doubles the speed.",
        "",
        "## Licence and credit",
        "",
        "Licensed under CC BY-SA 4.0 (see LICENSE), as a derived work of UD_English-EWT (CC BY-SA 4.0).",
        "Please credit the treebank:",
        "",
        CITATION,
        "",
        "## Training",
        "",
        f"`python -m tools.train_parser <UD_English-EWT folder> OUT_DIR` (seed {seed}, single thread):",
        f"{train_seconds / 60:.0f} minutes of training (wall clock, on a shared 2-core machine) for the model here.",
        "The best checkpoint on the dev split is kept; the test split is not used in training or model selection.",
    ]
    if scores:
        lines += ["", "## Dev-split scores (`python -m tools.eval_parser`)", "", "```json"]
        lines += [json.dumps(scores, indent=2), "```"]
    return "\n".join(lines) + "\n"


def package_model(
    best: Path, out_dir: Path, data_dir: Path, train_seconds: float, seed: int, scores: dict[str, Any] | None
) -> None:
    """Copy the best checkpoint to ``out_dir`` with meta, LICENSE and README; scrub training paths."""
    import spacy

    nlp = spacy.load(best)
    nlp.meta.update(
        {
            "name": MODEL_NAME,
            "version": MODEL_VERSION,
            "description": "English tagger, morphologizer, lemmatizer and parser trained on UD English EWT",
            "license": "CC BY-SA 4.0",
            "author": "audit project",
            "url": "",
            "email": "",
            "sources": [
                {
                    "name": "UD English Web Treebank (UD_English-EWT)",
                    "url": "https://github.com/UniversalDependencies/UD_English-EWT",
                    "license": "CC BY-SA 4.0",
                    "author": "Silveira et al. 2014, A Gold Standard Dependency Corpus for English",
                    "commit": TREEBANK_COMMIT,
                }
            ],
            "training": {"seed": seed, "seconds": round(train_seconds), "threads": 1},
        }
    )
    if out_dir.exists():
        shutil.rmtree(out_dir)
    nlp.to_disk(out_dir)
    _scrub_config(out_dir)
    (out_dir / "LICENSE").write_text(_license_text(data_dir), encoding="utf-8")
    (out_dir / "README.md").write_text(_readme_text(nlp.meta, train_seconds, seed, scores), encoding="utf-8")


def use_numpy_gemm() -> None:
    """Route thinc's matrix products through numpy (OpenBLAS) instead of the bundled BLIS.

    The ``blis`` wheel has no kernels for some recent CPUs (AMD Zen 3 is served by its slow ``generic``
    sub-configuration), where numpy's OpenBLAS is about twice as fast; results are the same up to float rounding.
    Must run before the pipeline is created or loaded.
    """
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """Turn ``section.key=value`` strings into spaCy config overrides (values parsed as JSON when possible)."""
    overrides: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise SystemExit(f"--set expects section.key=value, got {item!r}")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    return overrides


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: convert, train, package (and score the packaged model on dev)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="UD_English-EWT folder with en_ewt-ud-*.conllu(.gz)")
    parser.add_argument("out_dir", type=Path, help="where the final model folder is written (replaced)")
    parser.add_argument(
        "--work-dir", type=Path, default=None, help="corpus/checkpoints (default OUT_DIR.work)"
    )
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--set", dest="overrides", action="append", default=[], help="config override k=v")
    parser.add_argument("--no-eval", action="store_true", help="skip the dev evaluation written to README")
    parser.add_argument(
        "--package-only",
        action="store_true",
        help="only re-package WORK_DIR/training/model-best into OUT_DIR",
    )
    args = parser.parse_args(argv)

    from spacy.cli.train import train as spacy_train

    use_numpy_gemm()
    data_dir: Path = args.data_dir.resolve()
    out_dir: Path = args.out_dir.resolve()
    work_dir: Path = (args.work_dir or out_dir.with_name(out_dir.name + ".work")).resolve()
    training_dir = work_dir / "training"
    timing = work_dir / "train_seconds.txt"
    if args.package_only:
        train_seconds = float(timing.read_text(encoding="utf-8")) if timing.exists() else 0.0
    else:
        corpus_dir = work_dir / "corpus"
        for split in ("train", "dev"):
            stats = convert_split(data_dir, split, corpus_dir / f"{split}.spacy")
            print(f"converted {split}: {stats}", file=sys.stderr)
        overrides = {
            "paths.train": str(corpus_dir / "train.spacy"),
            "paths.dev": str(corpus_dir / "dev.spacy"),
            "system.seed": args.seed,
            **parse_overrides(args.overrides),
        }
        started = time.perf_counter()
        spacy_train(args.config, output_path=training_dir, overrides=overrides)
        train_seconds = time.perf_counter() - started
        timing.write_text(f"{train_seconds:.0f}\n", encoding="utf-8")
        print(f"training took {train_seconds / 60:.1f} min", file=sys.stderr)

    scores: dict[str, Any] | None = None
    package_model(training_dir / "model-best", out_dir, data_dir, train_seconds, args.seed, None)
    if not args.no_eval:
        from tools.eval_parser import evaluate

        scores = evaluate(out_dir, data_dir, "dev")
        package_model(training_dir / "model-best", out_dir, data_dir, train_seconds, args.seed, scores)
        (work_dir / "dev_scores.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    print(f"model written to {out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
