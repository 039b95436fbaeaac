"""Renderers: each reads one ``AuditResult`` and returns text. Nothing else goes in, nothing is computed twice."""

from __future__ import annotations

from collections.abc import Callable

from audit.model import AuditResult
from audit.report.html import render_html
from audit.report.json import render_json
from audit.report.markdown import render_markdown

RENDERERS: dict[str, Callable[[AuditResult], str]] = {
    "audit.json": render_json,
    "report.md": render_markdown,
    "report.html": render_html,
}
