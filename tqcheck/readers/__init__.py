"""Inputs to articles: paths, folders, globs and stdin become a stream of Articles or errors.

Readers yield one item at a time so that a feed of any length streams. A bad
input (or a bad item inside a feed) becomes an :class:`InputProblem` naming it,
and the rest of the batch goes on.
"""
from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .decode import InputError, decode

__all__ = ["Article", "InputError", "InputProblem", "iter_articles", "expand_paths", "MAX_ARTICLE_BYTES"]

MAX_ARTICLE_BYTES = 10 * 1024 * 1024  # one article; a feed may be larger, its items may not
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".json", ".xml", ".rss", ".atom")


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


def _read_bytes(path: str, limit: int) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        size = os.path.getsize(path)
        if size > limit:
            raise InputError(f"file is {size / 1_048_576:.1f} MB, over the {limit / 1_048_576:.0f} MB limit for one article")
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"input is over the {limit / 1_048_576:.0f} MB limit for one article")
    return data


def _format_of(path: str) -> str:
    low = path.lower()
    if low.endswith((".jsonl", ".json")):
        return "jsonl"
    return "text"


def iter_articles(paths: Iterable[str], max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Item]:
    """Every article of every input, in order; problems are items too, never exceptions."""
    from . import jsonl

    for p in expand_paths(paths):
        if isinstance(p, InputProblem):
            yield p
            continue
        try:
            if _format_of(p) == "jsonl" and p != "-":
                yield from jsonl.read(p, max_bytes)
            else:
                yield Article(p, None, decode(_read_bytes(p, max_bytes)))
        except InputError as e:
            yield InputProblem(p, None, str(e))
        except IsADirectoryError:
            yield InputProblem(p, None, "is a directory")
        except PermissionError:
            yield InputProblem(p, None, "permission denied")
        except OSError as e:
            yield InputProblem(p, None, f"cannot read: {e.strerror or e}")
