"""How many sentences of each seed article in ``raw/`` become claims (a sanity check, not a benchmark).

The claim stage should keep the check-worthy sentences, not every sentence: this prints, per article, the
number of sentences, how many ``checkworthiness.assess`` accepts, and how many the claim stage keeps (it
also keeps vague-sourced sentences and drops questions). No labels are involved; the seed captures are
the project's own examples.

Run: ``python -m evaluation.checkworthiness_seeds [folder]`` (default: ``raw/``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from audit.claim_extraction.checkworthiness import assess
from audit.claim_extraction.sentences import paragraphs
from audit.ingest.discover import discover
from audit.pipeline.capture import process_capture
from audit.pipeline.config import Options
from evaluation.common import PROJECT_ROOT


def seed_counts(folder: Path) -> list[dict[str, int | str]]:
    """Per article: sentences, sentences ``assess`` calls claims, claims the claim stage keeps."""
    captures, _ = discover([str(folder)])
    rows: list[dict[str, int | str]] = []
    for capture in captures:
        for record in process_capture(capture, Options()):
            text = record.source.text
            spans = [s for p in paragraphs(text) for s in p.sentences]
            accepted = sum(1 for span in spans if assess(span.slice(text)).is_claim)
            rows.append(
                {
                    "article": f"{Path(capture.display_path).name}:{record.source.source_id}",
                    "sentences": len(spans),
                    "assess_claims_text_only": accepted,
                    "pipeline_claims": len(record.claims),
                }
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else PROJECT_ROOT / "raw"
    rows = seed_counts(folder)
    total_sentences = sum(int(row["sentences"]) for row in rows)
    total_claims = sum(int(row["pipeline_claims"]) for row in rows)
    summary = {
        "articles": len(rows),
        "sentences": total_sentences,
        "pipeline_claims": total_claims,
        "claim_share": round(total_claims / total_sentences, 3) if total_sentences else 0.0,
    }
    print(json.dumps({"per_article": rows, "total": summary}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
