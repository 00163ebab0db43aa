"""Knowledge data shipped with the package, loaded once per process.

Nothing here is downloaded: every file lives in ``tqcheck/lexicon/data`` and the
generated ones are rebuilt by ``scripts/build_lexicon.py``. Domain accessors live
in submodules (``geo``, ``words``, ...); this module only knows how to read files.
"""
from __future__ import annotations

from functools import cache
from importlib import resources


def _data_text(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


@cache
def lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file (``#`` starts a comment line)."""
    out = []
    for raw in _data_text(name).splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file, comment and blank lines skipped."""
    return tuple(tuple(line.split("\t")) for line in lines(name))


@cache
def word_set(name: str) -> frozenset[str]:
    """The first column of a data file, lowercased, as a set."""
    return frozenset(row[0].lower() for row in table(name))
