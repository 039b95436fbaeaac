"""Loading the shipped pipeline: once per process, offline, with a clear error when the model files are missing."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_DIR = Path(__file__).resolve().with_name("model")
MAX_CHARS = 2_000_000  # spaCy's default limit is 1,000,000 characters; captures are capped well below this


class ModelMissing(RuntimeError):
    """The trained pipeline is not where the package expects it (a broken install or checkout)."""


def model_dir() -> Path:
    return MODEL_DIR


@cache
def pipeline() -> Language:
    """The trained English pipeline, loaded on first use in each process (worker processes load it once)."""
    folder = model_dir()
    if not (folder / "meta.json").is_file() or not (folder / "config.cfg").is_file():
        raise ModelMissing(
            f"the English parsing model is missing from {folder}: reinstall the package, or rebuild it with "
            "`python -m tools.train_parser ../shared/nlp/ud_english_ewt audit/nlp/model` from a source checkout"
        )
    import spacy
    from thinc.api import NumpyOps, set_current_ops

    # numpy's BLAS instead of the blis wheel's generic kernels: about twice as fast on CPUs blis has no kernels for
    # (measured on AMD EPYC Zen 3), and the same results
    set_current_ops(NumpyOps(use_blis=False))
    nlp = spacy.load(folder)
    nlp.max_length = MAX_CHARS
    return nlp
