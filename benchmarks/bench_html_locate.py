"""Benchmark the HTML text map behind quote selectors: seconds per megabyte of markup-dense HTML.

python benchmarks/bench_html_locate.py --megabytes 5
"""

from __future__ import annotations

import argparse
import json
import time

from audit.claim_extraction.locate.html_text import HtmlTextMap

BLOCK = (
    "<div class='row'>\n  <p>The council said <a href='/x'>on Tuesday</a> that 5&nbsp;million people "
    "&amp; more were affected.</p>\n  <span>Share</span>\n</div>\n"
    "<script>var x = '<p>not text</p>';</script>\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    page = BLOCK * int(args.megabytes * 1_000_000 // len(BLOCK))
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        mapped = HtmlTextMap(page)
        mapped.raw_offset(len(mapped.text) - 1)
        times.append(time.perf_counter() - started)
    print(
        json.dumps({"megabytes": round(len(page) / 1e6, 2), "best_seconds": round(min(times), 3)}, indent=2)
    )


if __name__ == "__main__":
    main()
