"""Inputs to articles: paths, folders, globs and stdin become a stream of Articles or errors.

Readers yield one item at a time so that a feed of any length streams. A bad
input (or a bad item inside a feed) becomes an :class:`InputProblem` naming it,
and the rest of the batch goes on.

Formats (``--input-format``), chosen by extension when ``auto``:

========  ============================  ==========================================
format    extensions                    one input gives
========  ============================  ==========================================
text      .txt and anything unknown     one article, the text as read
markdown  .md .markdown                 one article, the text as read (its
                                        ``<!-- tqcheck: ... -->`` comments stay)
html      .html .htm .xhtml             one article: the page's main text
jsonl     .jsonl .ndjson .json          one article per line (or per array item)
feed      .xml .rss .atom .rdf          one article per RSS item or Atom entry
========  ============================  ==========================================

A file with no extension, and stdin, are sniffed from their first bytes.
"""
from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .decode import InputError, decode

__all__ = [
    "Article", "InputError", "InputProblem", "Item", "iter_articles", "expand_paths", "format_of",
    "MAX_ARTICLE_BYTES", "INPUT_FORMATS",
]

MAX_ARTICLE_BYTES = 10 * 1024 * 1024  # one article; a feed may be larger, its items may not
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".json", ".xml", ".rss", ".atom")
INPUT_FORMATS = ("auto", "text", "markdown", "html", "jsonl", "feed")
_BY_SUFFIX = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
}


@dataclass(frozen=True)
class Article:
    path: str  # as given on the command line (or "-")
    id: str | None
    text: str
    meta: dict | None = None  # what a reader knows beyond the text (e.g. a feed item's own fields)


@dataclass(frozen=True)
class InputProblem:
    path: str
    id: str | None
    message: str


Item = Article | InputProblem


def item_problem(path: str, ident: str | None, where: str, message: str) -> InputProblem:
    """A bad item inside a feed. The message names the item's place (`line 7`, `item 3`),
    unless the item's id already is that place: `feed.jsonl#line 7: invalid JSON`."""
    return InputProblem(path, ident, message if ident == where else f"{where}: {message}")


def expand_paths(paths: Iterable[str]) -> Iterator[str | InputProblem]:
    """Files, folders (recursed, article suffixes only, sorted), globs and '-', in the order given."""
    for p in paths:
        if p == "-":
            yield p
        elif os.path.isdir(p):
            found = sorted(
                os.path.join(root, f)
                for root, dirs, files in os.walk(p)
                for f in files
                if f.lower().endswith(ARTICLE_SUFFIXES) and not f.startswith(".")
            )
            if not found:
                yield InputProblem(p, None, f"no articles in folder (looked for {' '.join(ARTICLE_SUFFIXES)})")
            yield from found
        elif os.path.exists(p):
            yield p
        elif glob.has_magic(p):
            matches = sorted(m for m in glob.glob(p, recursive=True) if os.path.isfile(m))
            if not matches:
                yield InputProblem(p, None, "no file matches this pattern")
            yield from matches
        else:
            yield InputProblem(p, None, "no such file or directory")


_stdin_cache: dict[int, object] = {}


def stdin_bytes():
    """Standard input as a binary stream that can peek (to sniff its format without consuming it)."""
    buf = sys.stdin.buffer
    if hasattr(buf, "peek"):
        return buf
    wrapped = _stdin_cache.get(id(buf))
    if wrapped is None or getattr(wrapped, "raw", None) is not buf:
        import io

        wrapped = io.BufferedReader(buf)  # type: ignore[arg-type]
        _stdin_cache.clear()
        _stdin_cache[id(buf)] = wrapped
    return wrapped


def _read_bytes(path: str, limit: int) -> bytes:
    if path == "-":
        data = stdin_bytes().read(limit + 1)
    else:
        size = os.path.getsize(path)
        if size > limit:
            raise InputError(f"file is {size / 1_048_576:.1f} MB, over the {limit / 1_048_576:.0f} MB limit for one article")
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"input is over the {limit / 1_048_576:.0f} MB limit for one article")
    return data


def sniff(head: bytes) -> str:
    """The format of an input with no telling extension, from its first bytes."""
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if h.startswith((b"{", b"[")):
        return "jsonl"
    if h.startswith(b"<?xml") or h.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return "html" if b"<html" in h else "feed"
    if h.startswith((b"<!doctype html", b"<html", b"<!--", b"<head", b"<body")):
        return "html"
    return "text"


def format_of(path: str, requested: str = "auto", head: bytes | None = None) -> str:
    """The format to read ``path`` with: the one asked for, else by extension, else sniffed from ``head``."""
    if requested != "auto":
        return requested
    ext = os.path.splitext(path.lower())[1]
    if ext in _BY_SUFFIX:
        return _BY_SUFFIX[ext]
    if head is None and path != "-":
        try:
            with open(path, "rb") as f:
                head = f.read(512)
        except OSError:
            return "text"
    return sniff(head or b"")


def _stdin_head() -> bytes:
    buf = stdin_bytes()
    try:
        return buf.peek(512)[:512]  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return b""


def _read_one(p: str, fmt: str, max_bytes: int, text_field: str | None) -> Iterator[Item]:
    if fmt == "jsonl":
        from . import jsonl

        yield from jsonl.read(p, max_bytes, text_field=text_field)
    elif fmt == "feed":
        from . import feed

        yield from feed.read(p, max_bytes)
    elif fmt == "html":
        from . import html

        yield html.read(p, _read_bytes(p, max_bytes))
    else:  # text, markdown
        yield Article(p, None, decode(_read_bytes(p, max_bytes)))


def iter_articles(
    paths: Iterable[str],
    max_bytes: int = MAX_ARTICLE_BYTES,
    *,
    input_format: str = "auto",
    text_field: str | None = None,
) -> Iterator[Item]:
    """Every article of every input, in order; problems are items too, never exceptions.

    ``text_field`` names the JSON field (or comma-separated fields, tried in order)
    holding a JSONL item's text, instead of ``text``, ``body``, ``content``.
    """
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"unknown input format {input_format!r} (one of {', '.join(INPUT_FORMATS)})")
    for p in expand_paths(paths):
        if isinstance(p, InputProblem):
            yield p
            continue
        try:
            fmt = format_of(p, input_format, _stdin_head() if p == "-" else None)
            yield from _read_one(p, fmt, max_bytes, text_field)
        except InputError as e:
            yield InputProblem(p, None, str(e))
        except IsADirectoryError:
            yield InputProblem(p, None, "is a directory")
        except PermissionError:
            yield InputProblem(p, None, "permission denied")
        except OSError as e:
            yield InputProblem(p, None, f"cannot read: {e.strerror or e}")
        except MemoryError:
            yield InputProblem(p, None, "out of memory while reading this input")
        except Exception as e:  # a reader bug must not stop the batch either
            yield InputProblem(p, None, f"cannot read: internal error ({type(e).__name__}: {e}); please report it")
