"""A capture diff as data (``schemas/diff.schema.json``), as Markdown and as a small self-contained HTML page.

Unchanged sentences are counted, not listed. The HTML page, like the audit report, has a Content-Security-Policy
that allows no request and no script, and escapes everything that comes from a capture.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from audit import __version__
from audit.contract.jsonable import to_jsonable
from audit.diff.compare import SentenceDiff, SourceDiff
from audit.model import SCHEMA_VERSION, Source, Span


def _capture(source: Source) -> dict[str, Any]:
    captured = source.metadata_evidence.get("captured_at")
    return {
        "source_id": source.source_id,
        "path": source.path,
        "sha256": source.sha256,
        "url": source.url,
        "title": source.title,
        "published": source.published,
        "updated": source.updated,
        "captured_at": captured.value if captured is not None else None,
    }


def _side(text: str | None, span: Span | None, claim_id: str | None) -> dict[str, Any] | None:
    if text is None or span is None:
        return None
    return {"text": text, "span": to_jsonable(span), "claim_id": claim_id}


def _sentence(sentence: SentenceDiff) -> dict[str, Any]:
    return {
        "change": sentence.change,
        "old": _side(sentence.old_text, sentence.old_span, sentence.old_claim_id),
        "new": _side(sentence.new_text, sentence.new_span, sentence.new_claim_id),
        "similarity": sentence.similarity,
        "edits": [{"field": e.field, "old": list(e.old), "new": list(e.new)} for e in sentence.edits],
    }


def diff_data(diff: SourceDiff, same_origin: bool | None) -> dict[str, Any]:
    """The diff as plain JSON data, valid against ``schemas/diff.schema.json``."""
    changed = [s for s in diff.sentences if s.change != "unchanged"]
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "audit", "version": __version__},
        "old": _capture(diff.old),
        "new": _capture(diff.new),
        "same_origin": same_origin,
        "summary": {
            "unchanged": diff.count("unchanged"),
            "added": diff.count("added"),
            "removed": diff.count("removed"),
            "edited": diff.count("edited"),
            "silent_edits": len(diff.flags),
        },
        "notices": [
            {"text": n.text, "where": n.where, "span": to_jsonable(n.span) if n.span else None}
            for n in diff.notices
        ],
        "sentences": [_sentence(s) for s in changed],
        "flags": [{"claim_id": claim_id, "flag": to_jsonable(flag)} for claim_id, flag in diff.flags],
    }


def render_diff_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_diff_markdown(data: dict[str, Any]) -> str:
    old, new, summary = data["old"], data["new"], data["summary"]
    lines = [
        "# Capture diff",
        "",
        f"Old: `{_cell(old['path'])}` ({old['captured_at'] or old['published'] or 'date unknown'}, sha256 "
        f"`{old['sha256'][:16]}`)  ",
        f"New: `{_cell(new['path'])}` ({new['captured_at'] or new['published'] or 'date unknown'}, sha256 "
        f"`{new['sha256'][:16]}`)",
        "",
        f"{summary['edited']} edited, {summary['added']} added, {summary['removed']} removed, "
        f"{summary['unchanged']} unchanged sentences; {summary['silent_edits']} silent edit(s)."
        + (
            ""
            if data["same_origin"] is None
            else " Same origin: " + ("yes." if data["same_origin"] else "no.")
        ),
    ]
    if data["notices"]:
        lines += ["", "Correction or update notices on the new page:", ""]
        lines += [f"- {_cell(n['text'])}" for n in data["notices"]]
    if data["flags"]:
        lines += ["", "## Silent edits", ""]
        lines += [
            f"- **{f['flag']['rule']}** ({f['flag']['severity']}): {_cell(f['flag']['message'])}"
            for f in data["flags"]
        ]
    if data["sentences"]:
        lines += ["", "## Changed sentences", ""]
    for sentence in data["sentences"]:
        if sentence["change"] == "edited":
            lines.append(f"- edited: “{_cell(sentence['old']['text'])}” → “{_cell(sentence['new']['text'])}”")
            for edit in sentence["edits"]:
                gone = ", ".join(edit["old"]) or "—"
                came = ", ".join(edit["new"]) or "—"
                lines.append(f"  - {edit['field']}: {_cell(gone)} → {_cell(came)}")
        elif sentence["change"] == "added":
            lines.append(f"- added: “{_cell(sentence['new']['text'])}”")
        else:
            lines.append(f"- removed: “{_cell(sentence['old']['text'])}”")
    return "\n".join(lines) + "\n"


_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-{{ style_hash }}'; base-uri 'none'; form-action 'none'">
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<title>Capture diff</title><style>{{ style }}</style></head><body><main>
<h1>Capture diff</h1>
<p class="meta">Old: <code>{{ d.old.path }}</code> ({{ d.old.captured_at or d.old.published or "date unknown" }}) · New: <code>{{ d.new.path }}</code> ({{ d.new.captured_at or d.new.published or "date unknown" }})</p>
<p>{{ d.summary.edited }} edited, {{ d.summary.added }} added, {{ d.summary.removed }} removed, {{ d.summary.unchanged }} unchanged sentences; <strong>{{ d.summary.silent_edits }} silent edit(s)</strong>.{% if d.same_origin is not none %} Same origin: {{ "yes" if d.same_origin else "no" }}.{% endif %}</p>
{% if d.notices %}<h2>Notices on the new page</h2><ul>{% for n in d.notices %}<li>{{ n.text }}</li>{% endfor %}</ul>{% endif %}
{% if d.flags %}<h2>Silent edits</h2><ul>{% for f in d.flags %}<li><strong>{{ f.flag.rule }}</strong> ({{ f.flag.severity }}): {{ f.flag.message }}</li>{% endfor %}</ul>{% endif %}
{% if d.sentences %}<h2>Changed sentences</h2>{% endif %}
{% for s in d.sentences %}<div class="{{ s.change }}"><h3>{{ s.change }}</h3>
{% if s.old %}<p><del>{{ s.old.text }}</del></p>{% endif %}{% if s.new %}<p><ins>{{ s.new.text }}</ins></p>{% endif %}
{% if s.edits %}<ul>{% for e in s.edits %}<li>{{ e.field }}: {{ e.old | join(", ") or "—" }} → {{ e.new | join(", ") or "—" }}</li>{% endfor %}</ul>{% endif %}
</div>{% endfor %}
</main></body></html>
"""
_STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;color:#1b2230;margin:0}main{max-width:60rem;margin:0 auto;padding:1rem}"
    ".meta{color:#576072;font-size:.9rem}div{border:1px solid #d8dde6;border-radius:6px;padding:.4rem .8rem;"
    "margin:.6rem 0}h3{margin:.2rem 0;font-size:.8rem;text-transform:uppercase;color:#576072}"
    "del{background:#ffe3e3}ins{background:#dcf5dc;text-decoration:none}.edited{border-left:5px solid #8a4b00}"
)


def render_diff_html(data: dict[str, Any]) -> str:
    environment = Environment(autoescape=select_autoescape(default_for_string=True, default=True))
    style_hash = base64.b64encode(hashlib.sha256(_STYLE.encode("utf-8")).digest()).decode("ascii")
    return environment.from_string(_PAGE).render(d=data, style=Markup(_STYLE), style_hash=style_hash)
