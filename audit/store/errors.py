"""The one error of the audit store: the commands turn it into a usage error (exit 2) with its message."""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be used: not an audit store, or a key, file or value that is not in it."""
