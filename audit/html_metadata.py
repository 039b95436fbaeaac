"""placeholder during development"""
from typing import Any
def extract_metadata(tree: Any, *, url: str | None = None) -> tuple[dict[str, Any], tuple[Any, ...]]:
    return {}, ()
