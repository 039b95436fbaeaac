"""Decode a capture's bytes to text, recording which encoding was chosen and why.

Order of evidence, strongest first:
1. a byte-order mark (UTF-8, UTF-16 LE/BE);
2. UTF-16 without a BOM, recognised by its pattern of NUL bytes;
3. valid UTF-8 (strict decoding succeeds): UTF-8 wins even over a ``<meta charset>`` that says otherwise,
   because a declaration that contradicts bytes which decode cleanly is the declaration's error;
4. the ``<meta charset>`` / ``http-equiv`` declaration of an HTML capture, when it names a known codec and
   decodes the bytes without error;
5. charset-normalizer's best guess, with an ``encoding_guessed`` warning;
6. UTF-8 with replacement characters (never a crash), with a warning.
Every candidate goes into the ``encoding`` field's evidence; a contradiction becomes a warning.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from audit.model import Candidate, FieldEvidence, SourceWarning

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: FieldEvidence
    warnings: tuple[SourceWarning, ...]


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def utf16_without_bom(head: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when the bytes look like ASCII text stored as UTF-16 without a BOM."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / max(len(odd), 1)
    if odd_nul > 0.6 and even_nul < 0.1:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.1:
        return "utf-16-be"
    return None


def decode(data: bytes, media_type: str) -> Decoded:
    candidates: list[Candidate] = []
    warnings: list[SourceWarning] = []
    declared: str | None = None
    if media_type == "text/html":
        match = _META_CHARSET.search(data[:4096])
        if match:
            declared_name = match.group(1).decode("ascii", "replace")
            declared = _codec(declared_name)
            candidates.append(
                Candidate(
                    declared or declared_name, "meta-charset", "<meta charset> in the first 4 KB", "medium"
                )
            )

    def chosen(text: str, name: str, method: str, location: str, confidence: str = "high") -> Decoded:
        candidate = Candidate(name, method, location, confidence)  # type: ignore[arg-type]
        if declared and _codec(name) != declared and method != "meta-charset":
            # one conflict warning per capture: this one, naming the bytes' encoding, replaces "does not decode"
            warnings[:] = [w for w in warnings if w.code != "encoding_conflict"]
            warnings.append(
                SourceWarning(
                    "encoding_conflict",
                    f"the page declares {declared} but its bytes are {name}; decoded as {name}",
                )
            )
        evidence = FieldEvidence(name, method, location, (candidate, *candidates))
        return Decoded(text.replace("\x00", ""), evidence, tuple(warnings))

    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            text = data[len(bom) :].decode(name, errors="replace")
            return chosen(text, name, "bom", "byte-order mark")
    utf16 = utf16_without_bom(data[:8192])
    if utf16:
        return chosen(
            data.decode(utf16, errors="replace"),
            utf16,
            "utf-16-pattern",
            "NUL byte pattern, no BOM",
            "medium",
        )
    try:
        return chosen(data.decode("utf-8"), "utf-8", "utf-8-valid", "bytes decode as strict UTF-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return chosen(
                data.decode(declared), declared, "meta-charset", "<meta charset> in the first 4 KB", "medium"
            )
        except UnicodeDecodeError:
            warnings.append(
                SourceWarning("encoding_conflict", f"the declared {declared} does not decode the bytes")
            )
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        if not declared:  # with a declaration, the conflict warning already names the guess
            warnings.append(
                SourceWarning(
                    "encoding_guessed",
                    f"the bytes are not valid UTF-8 and no charset is declared; {best.encoding} was guessed by "
                    "statistical detection: check accented letters and quotation marks in the text",
                )
            )
        return chosen(str(best), best.encoding, "charset-normalizer", "statistical detection", "low")
    warnings.append(
        SourceWarning("undecodable_bytes", "no encoding decodes the bytes; undecodable bytes replaced")
    )
    return chosen(data.decode("utf-8", errors="replace"), "utf-8", "utf-8-replace", "fallback", "low")
