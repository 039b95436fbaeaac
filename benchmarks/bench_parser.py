"""Benchmark the English parsing pipeline: words per second on one core (single process, single thread).

Runs the full pipeline (tokenizer, tok2vec, tagger, morphologizer, lemmatizer, parser) over English text and
counts non-whitespace tokens. Reports wall-clock words/s and words per CPU-second of this process (the fairer
per-core figure when other work shares the machine). Text: the sample captures in raw/*.txt (news), or with ``--ewt DIR`` the raw text of
the UD English EWT dev split (web genres). Run from the repository root:

    python benchmarks/bench_parser.py
    python benchmarks/bench_parser.py --ewt ../shared/nlp/ud_english_ewt

The thread-count variables are pinned to 1 before numpy/spaCy are imported. Two settings are timed, each with a
fresh load: thinc's default CPU ops (matrix products in the bundled BLIS) and ``NumpyOps(use_blis=False)``
(matrix products in numpy's OpenBLAS). The BLIS wheel has no kernels for some recent CPUs (on AMD Zen 3 it falls
back to its slow ``generic`` code), where the second setting is about twice as fast; pick it in the loader with
``thinc.api.set_current_ops(NumpyOps(use_blis=False))`` before ``spacy.load``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

RAW = Path(__file__).resolve().parents[1] / "raw"
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")

MODEL = Path(__file__).resolve().parents[1] / "audit" / "nlp" / "model"


def cpu_name() -> str:
    """The processor's model name from /proc/cpuinfo (Linux), else platform.processor()."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def raw_texts() -> list[str]:
    """The sample captures, one text per paragraph block (blank-line separated)."""
    texts: list[str] = []
    for path in sorted(RAW.glob("*.txt")):
        texts += [block.strip() for block in path.read_text(encoding="utf-8").split("\n\n") if block.strip()]
    return texts


def ewt_texts(data_dir: Path) -> list[str]:
    """The raw text of the EWT dev split, one text per document."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tools.eval_parser import build_gold_text
    from tools.train_parser import group_documents, read_conllu, split_path

    documents = group_documents(read_conllu(split_path(data_dir, "dev")))
    return [build_gold_text(doc).text for doc in documents]


def bench(
    model_dir: Path, texts: list[str], min_seconds: float, batch_size: int, use_blis: bool
) -> dict[str, float | int | str]:
    """Load the model with the chosen ops, process the texts for at least ``min_seconds``; return words/s."""
    import spacy
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=use_blis))
    nlp = spacy.load(model_dir)
    for doc in nlp.pipe(texts[:20], batch_size=batch_size):  # warm-up
        assert doc.has_annotation("DEP")
    words = rounds = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    while True:
        for doc in nlp.pipe(texts, batch_size=batch_size):
            words += sum(not token.is_space for token in doc)
        rounds += 1
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            break
    cpu = time.process_time() - cpu_started
    return {
        "matrix_products": "blis (thinc default)" if use_blis else "numpy/OpenBLAS",
        "texts": len(texts),
        "rounds": rounds,
        "words": words,
        "seconds": round(elapsed, 2),
        "cpu_seconds": round(cpu, 2),
        "words_per_second": round(words / elapsed),
        "words_per_cpu_second": round(words / cpu),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: print the result as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "model_dir",
        type=Path,
        nargs="?",
        default=MODEL,
        help="model folder (default: the one the package ships)",
    )
    parser.add_argument(
        "--ewt", type=Path, default=None, help="UD_English-EWT folder: use its dev text instead"
    )
    parser.add_argument("--min-seconds", type=float, default=20.0)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--ops", choices=("both", "blis", "numpy"), default="both")
    args = parser.parse_args(argv)
    for var in THREAD_VARS:
        os.environ[var] = "1"
    import spacy

    texts = ewt_texts(args.ewt) if args.ewt else raw_texts()
    settings = {"both": (True, False), "blis": (True,), "numpy": (False,)}[args.ops]
    result: dict[str, object] = {
        "model": str(args.model_dir),
        "spacy_version": spacy.about.__version__,
        "python": platform.python_version(),
        "cpu": cpu_name(),
        "text": "ewt-dev" if args.ewt else "raw/*.txt",
        "runs": [bench(args.model_dir, texts, args.min_seconds, args.batch_size, flag) for flag in settings],
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
