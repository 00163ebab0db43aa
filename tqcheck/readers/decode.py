"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected encoding.

Anything that is not text gets a clear, one-line reason instead of mojibake.
"""
from __future__ import annotations

import codecs
import re


class InputError(Exception):
    """An input that cannot be read as an article; str() is the one-line reason."""


_CONTROL = {c for c in range(32)} - {9, 10, 12, 13}


_CONTROL_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    bad = len(_CONTROL_CHARS.findall(sample))
    return bad > max(2, len(sample) // 100)


def decode(data: bytes) -> str:
    """Decode an article's bytes, or raise InputError saying why it is not text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("invalid UTF-16 text") from None
    elif b"\x00" in data[:8192]:
        raise InputError("binary file, not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            text = _detect(data, e)
    if _looks_binary(text):
        raise InputError("binary file, not text")
    if not text.strip():
        raise InputError("empty article")
    return text


# Single-byte Latin code pages a detector confuses with each other on short texts.
_LATIN = frozenset(
    "cp1250 cp1252 cp1254 cp1257 latin_1 iso8859_2 iso8859_3 iso8859_4 iso8859_9 iso8859_10 iso8859_13 "
    "iso8859_14 iso8859_15 iso8859_16 mac_latin2 mac_roman mac_iceland cp437 cp850 cp858".split()
)


def _detect(data: bytes, err: UnicodeDecodeError) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        raise InputError(f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}) and no other text encoding fits")
    if best.encoding in _LATIN:
        # English articles with legacy bytes are overwhelmingly Windows-1252 (Western European).
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            return text
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"not valid UTF-8 and not valid {best.encoding} either") from None
