"""Reliability, the cache (docs/reliability.md, "Cache"): entries are data, checked, never code."""

from __future__ import annotations

import pickle
from pathlib import Path

from audit.contract.jsonable import to_jsonable
from tests.reliability.captures import audit, capture_folder


class _Payload:
    """Unpickling this creates a file: proof that a cache entry ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def _entries(cache: Path) -> list[Path]:
    return [path for path in cache.rglob("*") if path.is_file() and not path.name.startswith(".")]


def test_a_tampered_cache_entry_runs_no_code_and_is_recomputed(tmp_path: Path) -> None:
    captures, cache = capture_folder(tmp_path / "in"), tmp_path / "cache"
    fresh, _ = audit(captures, cache=cache)
    assert fresh.flags(), "the capture must have flags for a forged entry to hide"
    marker = tmp_path / "code-ran"
    for entry in _entries(cache):
        entry.write_bytes(pickle.dumps(_Payload(marker)))
    again, messages = audit(captures, cache=cache)
    assert not marker.exists(), "a cache entry was unpickled: it ran code"
    assert again.run["cached"] == 0
    assert any("cache entry ignored" in m and "recomputed" in m for m in messages), messages
    assert to_jsonable(again.claims) == to_jsonable(fresh.claims)


def test_an_edited_cache_entry_cannot_drop_flags(tmp_path: Path) -> None:
    captures, cache = capture_folder(tmp_path / "in"), tmp_path / "cache"
    fresh, _ = audit(captures, cache=cache)
    for entry in _entries(cache):  # forge the result: the unnamed source becomes a named one
        assert b"Reports indicate" in entry.read_bytes()
        entry.write_bytes(entry.read_bytes().replace(b"Reports indicate", b"Ministers stated"))
    again, messages = audit(captures, cache=cache)
    assert len(again.flags()) == len(fresh.flags())
    assert any("does not match its hash" in m for m in messages), messages


def test_a_cache_hit_gives_the_same_audit_as_a_fresh_run(tmp_path: Path) -> None:
    captures, cache = capture_folder(tmp_path / "in", ("a.txt", "b.html")), tmp_path / "cache"
    fresh, _ = audit(captures, cache=cache)
    cached, messages = audit(captures, cache=cache)
    assert cached.run["cached"] == 2 and not messages
    assert to_jsonable(cached.sources) == to_jsonable(fresh.sources)
    assert to_jsonable(cached.claims) == to_jsonable(fresh.claims)


def test_an_unwritable_cache_costs_the_speed_up_not_the_audit(tmp_path: Path) -> None:
    captures, cache = capture_folder(tmp_path / "in"), tmp_path / "cache"
    cache.write_text("a file where the cache folder should be")
    result, messages = audit(captures, cache=cache)
    assert [s.status for s in result.sources] == ["ok"] and result.claims
    assert sum("cannot write the cache" in m for m in messages) == 1, messages
