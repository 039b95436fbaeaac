"""The editor's HTML report: one self-contained file, safe to open whatever the captures contain.

Everything from a capture is hostile. Jinja2 autoescaping is on for the whole template and no captured value is
ever marked safe; links are made only for http, https and mailto URLs (``safe_url``); the only markup marked safe
is our own: the stylesheet, the small script (``audit/templates/report.js``) and the JSON data block, which is
escaped for a script context here. A Content-Security-Policy meta tag comes first in ``<head>``: no network
requests at all, the one stylesheet and the one script allowed by their sha256 hashes, nothing else.

This module only shapes the ``AuditResult`` into plain view records (``audit.report.html_view``) and renders
them; it computes nothing the JSON does not hold.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from audit.model import AuditResult
from audit.report.html_view import SEVERITY_SYMBOL, build_view, safe_url
from audit.report.summary import summarize

__all__ = ["content_security_policy", "render_html", "safe_url"]


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("audit.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    return env


@lru_cache(maxsize=2)
def _asset(name: str) -> str:
    return resources.files("audit.report").joinpath(f"templates/{name}").read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(script: str, style: str) -> str:
    """Nothing may load; only this script and this stylesheet (by hash) may run or apply."""
    return (
        f"default-src 'none'; script-src {_sha256(script)}; style-src {_sha256(style)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def script_json(data: Any) -> Markup:
    """JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&`` or line separators."""
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return Markup(text)


def render_html(result: AuditResult) -> str:
    script = _asset("report.js")
    style = _asset("report.css")
    view = build_view(result)
    template = _environment().get_template("report.html.j2")
    return template.render(
        result=result,
        summary=summarize(result),
        view=view,
        csp=content_security_policy(script, style),
        script=Markup(script),
        style=Markup(style),
        data=script_json(view.data),
        symbols=SEVERITY_SYMBOL,
    )
