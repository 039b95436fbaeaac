"""The audit as JSON: the contract of ``schemas/audit.schema.json``, byte-identical for the same inputs.

Keys come in the declared order of the records; ``run`` is the only part that changes between runs.
"""

from __future__ import annotations

import json as _json
from typing import Any

from audit.contract.jsonable import to_jsonable
from audit.model import AuditResult


def result_data(result: AuditResult) -> dict[str, Any]:
    data: dict[str, Any] = to_jsonable(result)
    return data


def render_json(result: AuditResult) -> str:
    return _json.dumps(result_data(result), ensure_ascii=False, indent=2) + "\n"
