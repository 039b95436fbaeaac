"""Wikipedia weasel sentences (CoNLL-2010 Wikipedia evaluation set): vague-sourcing recall and false flags.

Data: ``claims/wiki_weasel/wiki_weasel_test.csv`` under the eval root (``text,label``; label 1 =
"uncertain", which mixes vague attribution with plain hedging, so recall on it is a noisy proxy).
Each sentence is detokenised (PTB brackets and quotes undone) and passed alone to ``attribute`` as a
one-sentence article. A sentence is *flagged* when its attribution has kind "vague".

Metrics: ``weasel.recall_label1`` = flagged share of label-1 sentences; ``weasel.flag_rate_label0`` =
flagged share of label-0 sentences; ``weasel.attributed_rate_label0`` = share of label-0 sentences with
any attribution (for inspection); ``weasel.hedge_cue_rate`` = share of flagged sentences whose cue is a
plain hedge word (should be 0: hedges are not vague attribution). Split by ``is_dev(sentence text)``;
``run`` reports the held-out part. ``python -m evaluation.weasel [--dev]`` prints the metrics as JSON.

How to read recall on label 1 (hand inspection of the first 100 label-1 sentences of the development
fifth, in file order, labelled by one reader before looking at held-out data):
- 35 contain a sourcing cue (vague attribution: passive evaluation such as "is considered", "is often
  described as", "it has been suggested"; unnamed groups such as "some accuse", "many commentators have
  judged", "reviewers often cite"; "supposedly", "reputedly"; "there were concerns that"),
- 5 contain only a plain hedge ("may", "probably", "can be"),
- 60 contain neither: peacock or quantity words ("considerable", "one of the most", "many of his models",
  "mostly", "dubious", "internationally famous"), which the label mixes in.
So about 35% of label-1 sentences are vague sourcing, and label-1 recall cannot honestly exceed ~0.35-0.4:
``weasel.sourcing_share_sample`` gives the 0.35, and ``weasel.recall_on_sourcing_est`` divides
label-1 recall by it (an estimate of recall on the sourcing sentences). On that sample the tuned rules
flagged 28 of the 35 sourcing sentences, none of the 5 hedges and none of the 60 others; after issue #4
(agentless praise, by-agents further on, "there are X who believe", counted groups, "reports vary",
reputations) they flag 32 of the 100 (in-sample: it is the tuning data, so expect less on held-out text).
A second reading, of the first 120 development label-1 sentences that the issue-#4 rules still miss:
3 vague sourcing, 7 named sources ("Reaney suggests"), 8 plain hedges, 6 plain naming ("also known as"),
96 peacock, quantity or other words; the rest of label 1 is out of reach of an attribution rule.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path

from audit.claim_extraction.attribution.attribute import attribute
from audit.model import Span
from evaluation.common import is_dev, task_main

# counts of the hand-inspected development sample described in the module docstring
SAMPLE_N = 100
SAMPLE_SOURCING = 35
SAMPLE_HEDGE = 5
HEDGE_WORDS = frozenset(
    {
        "probably",
        "may",
        "might",
        "perhaps",
        "seems",
        "seem",
        "appears",
        "appear",
        "likely",
        "possibly",
        "could",
    }
)

_PTB = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
    "``": '"',
    "''": '"',
}


def detokenize(text: str) -> str:
    """Undo PTB tokenisation: brackets, quotes, and spaces before punctuation and clitics."""
    for token, plain in _PTB.items():
        text = text.replace(token, plain)
    text = re.sub(r"\s+([,.;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{])\s+", r"\1", text)
    text = re.sub(r"\s+('s|n't|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r"`\s*", "'", text)
    return text.strip()


def run(root: Path, dev: bool = False) -> dict[str, float | int | str]:
    """Metrics on the held-out sentences (``dev=True``: on the development fifth)."""
    path = root / "claims" / "wiki_weasel" / "wiki_weasel_test.csv"
    counts = {"1": [0, 0], "0": [0, 0]}  # label -> [sentences, flagged]
    attributed0 = 0
    flagged = hedge_cues = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            raw = row["text"].strip()
            if is_dev(raw) != dev or row["label"] not in counts:
                continue
            text = detokenize(raw)
            attribution = attribute(text, [Span(0, len(text))])[0]
            counts[row["label"]][0] += 1
            counts[row["label"]][1] += attribution.kind == "vague"
            if attribution.kind == "vague":
                flagged += 1
                cue_words = set((attribution.cue or "").lower().split())
                hedge_cues += bool(cue_words & HEDGE_WORDS) and not cue_words - HEDGE_WORDS
            attributed0 += row["label"] == "0" and attribution.kind != "none"
    n1, f1 = counts["1"]
    n0, f0 = counts["0"]
    return {
        "weasel.n_label1": n1,
        "weasel.n_label0": n0,
        "weasel.recall_label1": round(f1 / n1, 4) if n1 else 0.0,
        "weasel.flag_rate_label0": round(f0 / n0, 4) if n0 else 0.0,
        "weasel.attributed_rate_label0": round(attributed0 / n0, 4) if n0 else 0.0,
        "weasel.hedge_cue_rate": round(hedge_cues / flagged, 4) if flagged else 0.0,
        "weasel.sourcing_share_sample": round(SAMPLE_SOURCING / SAMPLE_N, 4),
        "weasel.hedge_share_sample": round(SAMPLE_HEDGE / SAMPLE_N, 4),
        "weasel.recall_on_sourcing_est": round(min(1.0, f1 / n1 / (SAMPLE_SOURCING / SAMPLE_N)), 4)
        if n1
        else 0.0,
        "weasel.split": "dev" if dev else "heldout",
    }


def main(argv: Sequence[str] | None = None) -> int:
    return task_main(
        __doc__, argv, "weasel", "claims/wiki_weasel", lambda root, split: run(root, dev=split == "dev")
    )


if __name__ == "__main__":
    raise SystemExit(main())
