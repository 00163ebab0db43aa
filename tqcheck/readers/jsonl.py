"""JSON Lines feeds: one article per line, streamed; a bad line is an error for that item only.

An item is a JSON object: its text is the first of ``text``, ``body``,
``content`` that holds a string (or the field(s) given with ``--text-field``),
its id the first of ``id``, ``url``, ``guid`` (else ``line N``), and an optional
``title`` is checked with the body (``title``, a blank line, then the body, so
offsets count from the start of the title). The item's other fields are kept in
``Article.meta`` (e.g. a per-item ``tqcheck_ignore`` list).

A ``.json`` file holding one object or an array of objects is read the same way
(whole, so it is limited in size; JSON Lines stream without limit).
"""
from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from typing import IO

from .decode import InputError, decode

TEXT_FIELDS = ("text", "body", "content")
ID_FIELDS = ("id", "url", "guid")
MAX_JSON_DOCUMENT_BYTES = 64 * 1024 * 1024  # a .json array is parsed whole; JSON Lines stream


def text_fields(text_field: str | None) -> tuple[str, ...]:
    if not text_field:
        return TEXT_FIELDS
    return tuple(f.strip() for f in text_field.split(",") if f.strip()) or TEXT_FIELDS


def _item(path: str, obj: object, where: str, fields: tuple[str, ...] = TEXT_FIELDS):
    from . import Article, item_problem

    if not isinstance(obj, dict):
        return item_problem(path, where, where, f"expected a JSON object, got {type(obj).__name__}")
    ident = next((str(obj[k]) for k in ID_FIELDS if obj.get(k) not in (None, "") and not isinstance(obj[k], (dict, list))), where)
    key = next((k for k in fields if isinstance(obj.get(k), str)), None)
    if key is None:
        return item_problem(path, ident, where, f"no text field (looked for {', '.join(fields)})")
    body = obj[key]
    title = obj.get("title")
    text = f"{title.strip()}\n\n{body}" if isinstance(title, str) and title.strip() else body
    if not text.strip():
        return item_problem(path, ident, where, "empty article")
    meta = {k: v for k, v in obj.items() if k != key}
    meta["where"] = where
    return Article(path, ident, text, meta)


def _lines(f: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, raw line) for each line; None for a line longer than limit, which is skipped, not kept."""
    n = 0
    while True:
        raw = f.readline(limit + 1)
        if not raw:
            return
        n += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the long line in bounded pieces
                raw = f.readline(1 << 20)
            yield n, None
            continue
        yield n, raw


def _open(path: str) -> IO[bytes]:
    if path == "-":
        from . import stdin_bytes

        return stdin_bytes()
    return open(path, "rb")


def _peek(f: IO[bytes]) -> bytes:
    try:
        return f.peek(64)[:64]  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return b""


def read(path: str, max_bytes: int, *, text_field: str | None = None) -> Iterator:
    fields = text_fields(text_field)
    f = _open(path)
    try:
        if _peek(f).startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # UTF-16 lines cannot be split on b"\n": re-encode the stream as UTF-8 while reading
            f = io.BufferedReader(_Utf8Stream(io.TextIOWrapper(f, encoding="utf-16")))  # type: ignore[arg-type]
        yield from _read_lines(path, f, max_bytes, fields)
    finally:
        if path != "-":
            f.close()


def _read_lines(path: str, f: IO[bytes], max_bytes: int, fields: tuple[str, ...]) -> Iterator:

    lines = _lines(f, max_bytes)
    blank: list[bytes] = []
    first = None
    for n, raw in lines:
        if raw is None or raw.strip():
            first = (n, raw)
            break
        blank.append(raw)
    if first is None:
        raise InputError("empty feed")
    n, raw = first
    if raw is not None:
        start = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
        if start.startswith(b"[") or (path.lower().endswith(".json") and start.startswith(b"{") and not _valid(raw)):
            # one JSON document (an array of items, or one pretty-printed object): parsed whole, so bounded
            rest = f.read(MAX_JSON_DOCUMENT_BYTES + 1)
            if len(raw) + len(rest) > MAX_JSON_DOCUMENT_BYTES:
                raise InputError(f"JSON document over {MAX_JSON_DOCUMENT_BYTES // 1_048_576} MB; "
                                 "write it as JSON Lines (one object per line) to stream it")
            yield from _read_document(path, b"".join(blank) + raw + rest, fields)
            return
    yield _line_item(path, n, raw, max_bytes, fields)
    for n, raw in lines:
        if raw is not None and not raw.strip():
            continue
        yield _line_item(path, n, raw, max_bytes, fields)


def _msg(e: json.JSONDecodeError) -> str:
    """json's message without its dangling 'at' ('Unterminated string starting at')."""
    return e.msg[:-3] if e.msg.endswith(" at") else e.msg


def _valid(raw: bytes) -> bool:
    try:
        json.loads(raw)
    except (ValueError, RecursionError):
        return False
    return True


def _line_item(path: str, n: int, raw: bytes | None, max_bytes: int, fields: tuple[str, ...]):
    from . import item_problem

    where = f"line {n}"
    if raw is None:
        return item_problem(path, where, where, f"article over the {max_bytes // 1_048_576} MB limit")
    try:
        obj = json.loads(decode(raw))
    except InputError as e:
        return item_problem(path, where, where, str(e))
    except json.JSONDecodeError as e:
        return item_problem(path, where, where, f"invalid JSON ({_msg(e)} at column {e.colno})")
    except RecursionError:
        return item_problem(path, where, where, "invalid JSON (nested too deeply)")
    return _item(path, obj, where, fields)


class _Utf8Stream(io.RawIOBase):
    """A raw byte stream of UTF-8, fed by a text stream (for UTF-16 JSON Lines)."""

    def __init__(self, text: io.TextIOBase) -> None:
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._pending:
            chunk = self._text.read(8192)
            if not chunk:
                return 0
            self._pending = chunk.encode("utf-8")
        n = min(len(b), len(self._pending))
        b[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def close(self) -> None:
        self._text.close()
        super().close()


def _read_document(path: str, data: bytes, fields: tuple[str, ...] = TEXT_FIELDS) -> Iterator:
    try:
        obj = json.loads(decode(data))
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON ({_msg(e)} at line {e.lineno} column {e.colno})") from None
    except RecursionError:
        raise InputError("invalid JSON (nested too deeply)") from None
    items = obj if isinstance(obj, list) else [obj]
    if not items:
        raise InputError("empty feed (an empty JSON array)")
    for n, it in enumerate(items, 1):
        yield _item(path, it, f"item {n}", fields)
