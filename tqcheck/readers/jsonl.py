"""JSON Lines feeds: one article per line, streamed; a bad line is an error for that item only.

A ``.json`` file holding one object or an array of objects is read the same way.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from .decode import InputError, decode

TEXT_FIELDS = ("text", "body", "content")
ID_FIELDS = ("id", "url", "guid")


def _item(path: str, obj: object, where: str, n: int):
    from . import Article, InputProblem

    if not isinstance(obj, dict):
        return InputProblem(path, where, f"{where}: expected a JSON object, got {type(obj).__name__}")
    ident = next((str(obj[k]) for k in ID_FIELDS if obj.get(k) not in (None, "")), where)
    body = next((obj[k] for k in TEXT_FIELDS if isinstance(obj.get(k), str)), None)
    if body is None:
        return InputProblem(path, ident, f"{where}: no text field (looked for {', '.join(TEXT_FIELDS)})")
    title = obj.get("title")
    text = f"{title}\n\n{body}" if isinstance(title, str) and title.strip() else body
    if not text.strip():
        return InputProblem(path, ident, f"{where}: empty article")
    return Article(path, ident, text)


def read(path: str, max_bytes: int) -> Iterator:
    from . import InputProblem

    with open(path, "rb") as f:
        head = f.read(1)
        while head in (b" ", b"\n", b"\r", b"\t"):
            head = f.read(1)
        f.seek(0)
        if head == b"" :
            raise InputError("empty feed")
        if head == b"[" or (path.lower().endswith(".json") and head == b"{"):
            yield from _read_document(path, f.read(), max_bytes)
            return
        for n, raw in enumerate(f, 1):
            where = f"line {n}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield InputProblem(path, where, f"{where}: article over the {max_bytes // 1_048_576} MB limit")
                continue
            try:
                obj = json.loads(decode(raw))
            except InputError as e:
                yield InputProblem(path, where, f"{where}: {e}")
                continue
            except json.JSONDecodeError as e:
                yield InputProblem(path, where, f"{where}: invalid JSON ({e.msg} at column {e.colno})")
                continue
            yield _item(path, obj, where, n)


def _read_document(path: str, data: bytes, max_bytes: int) -> Iterator:
    try:
        obj = json.loads(decode(data))
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON ({e.msg} at line {e.lineno} column {e.colno})") from None
    items = obj if isinstance(obj, list) else [obj]
    for n, it in enumerate(items, 1):
        yield _item(path, it, f"item {n}", n)
