"""Records to plain JSON data and back, checked field by field (``audit.model``'s dataclasses)."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any, Literal


def to_jsonable(obj: Any) -> Any:
    """Plain JSON data for a record: dataclasses become dicts in field order (less fields marked ``json: False``),
    tuples become lists."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {
            f.name: to_jsonable(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if f.metadata.get("json", True)
        }
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(item) for item in obj]
    if isinstance(obj, dict):
        return {str(key): to_jsonable(value) for key, value in obj.items()}
    return obj


class RecordError(ValueError):
    """JSON data that does not have the shape of the record it should decode to."""


def from_jsonable(kind: Any, data: Any, where: str = "$") -> Any:
    """The inverse of ``to_jsonable``: a record of type ``kind`` from plain JSON data, checked field by field.

    Raises ``RecordError`` (naming the JSON path) for a missing or unknown field, a value of the wrong type or a
    ``Literal`` outside its choices, so data read back from disk is either exactly a record or refused.
    """
    if kind is Any:
        return data
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return _record(kind, data, where)
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        errors = []
        for option in (arg for arg in args if arg is not type(None)):
            try:
                return from_jsonable(option, data, where)
            except RecordError as error:
                errors.append(str(error))
        raise RecordError("; ".join(errors) or f"{where}: null is not allowed")
    if origin is Literal:
        if data in args and not isinstance(data, bool):
            return data
        raise RecordError(f"{where}: {data!r} is not one of {args}")
    if origin is tuple:
        if not isinstance(data, list):
            raise RecordError(f"{where}: expected a list")
        items = args[:1] * len(data) if len(args) == 2 and args[1] is Ellipsis else args
        if len(items) != len(data):
            raise RecordError(f"{where}: expected {len(items)} items")
        return tuple(
            from_jsonable(item, value, f"{where}[{i}]")
            for i, (item, value) in enumerate(zip(items, data, strict=True))
        )
    if origin is dict:
        if not isinstance(data, dict):
            raise RecordError(f"{where}: expected an object")
        return {key: from_jsonable(args[1], value, f"{where}.{key}") for key, value in data.items()}
    if kind is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if kind in (str, int, float, bool) and (type(data) is kind):
        return data
    raise RecordError(f"{where}: expected {getattr(kind, '__name__', kind)}, got {type(data).__name__}")


def _record(kind: type, data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise RecordError(f"{where}: expected an object for {kind.__name__}")
    fields = {f.name: f for f in dataclasses.fields(kind)}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise RecordError(f"{where}: unknown field(s) {', '.join(unknown)} for {kind.__name__}")
    hints = _hints(kind)
    values = {}
    for name, spec in fields.items():
        if name in data:
            values[name] = from_jsonable(hints[name], data[name], f"{where}.{name}")
        elif spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
            raise RecordError(f"{where}: missing field {name} of {kind.__name__}")
    return kind(**values)


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)
