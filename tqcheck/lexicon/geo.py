"""Gazetteer (``data/places.tsv``): places, demonyms, languages, days and months.

One row per lowercase key (``kyiv``, ``buenos aires``, ``latin american``) with the
usual English capitalisation, a kind, wordfreq's zipf of the key and a flag saying
whether the lowercase key is also ordinary English (``nice``, ``turkey``, ``march``,
``west bank``). Loaded once per process; each lookup is one dict access.

Typical use in a casing rule::

    for n in range(min(geo.max_place_words(), len(tokens)), 0, -1):
        hit = geo.place(" ".join(tokens[:n]).lower())
        ...
    if hit and not geo.is_ambiguous(key):   # "kyiv", "bakhmut", "ukrainian", "monday"
        flag(suggestion=hit.canonical)
    # ambiguous keys ("nice", "china", "may", "polish") need more evidence: the same
    # word capitalised elsewhere in the article, a preposition + place pattern, ...

Keys use straight apostrophes (``cote d'ivoire``) and GeoNames' spellings with their
accents (``zürich``), plus an accent-folded key for each (``zurich``). Multiword keys
are space-separated; hyphenated names are one word (``port-au-prince``,
``rostov-on-don``).
"""
from __future__ import annotations

from functools import cache
from operator import methodcaller
from typing import NamedTuple

from . import _data_text

FILE = "places.tsv"
COLUMNS = 5  # key, canonical, kind, zipf, common
#: Kinds of entries, as in the third column of ``places.tsv``.
KINDS = frozenset({"city", "country", "region", "demonym", "language", "day", "month",
                   "continent", "water", "other"})
#: Default zipf threshold of :func:`is_ambiguous`. A key is ambiguous when its lowercase
#: form is ordinary English (the ``common`` flag, from case-sensitive counts and a
#: dictionary: this is what separates ``polish`` 4.29 from ``paris`` 4.82, which a
#: case-folded zipf cannot) *and* at least this frequent. 2.0, not 3.0: the GeoNames
#: towns named after everyday words sit just under 3.0 and must stay quiet in
#: lowercase (``lira`` 2.99, ``sycamore`` 2.94, ``cognac`` 2.92, ``gondola`` 2.91,
#: ``papaya`` 2.87, ``leek`` 2.87, ``tooting`` 2.67); below 2.0 the flagged words are
#: too rare to matter (``piranhas``, ``honcho``). All the everyday places are far
#: above either value (``nice`` 5.37, ``may`` 5.98, ``turkey`` 4.56, ``chile`` 4.06).
#: Pass ``threshold=3.0`` or more to ignore rare ordinary readings of famous places
#: (``seine`` 3.17, ``tangier`` 2.62).
AMBIGUOUS_ZIPF = 2.0


class Place(NamedTuple):
    """A gazetteer entry."""

    canonical: str  #: usual English capitalisation: "Kyiv", "Buenos Aires", "The Hague"
    kind: str  #: one of :data:`KINDS`
    zipf: float  #: wordfreq zipf of the lowercase key, case-folded (0.0 if unknown)
    common: bool  #: the lowercase key is also ordinary lowercase English


def _cells(name: str, columns: int) -> list[str]:
    """The data cells of a generated TSV file, row after row, as one flat list.

    Generated files keep their ``#`` comment lines at the top only, so the body is split
    in one go; splitting line by line (``lexicon.table``) and keeping a tuple per row
    costs about twice as long for these 95,000 rows, mostly in allocation and
    garbage-collector passes, and this runs in every process.
    """
    text = _data_text(name)
    start = 0
    while text.startswith("#", start):
        start = text.index("\n", start) + 1
    cells = text[start:].replace("\n", "\t").split("\t")
    if cells[-1] == "":
        cells.pop()
    if len(cells) % columns:
        raise ValueError(f"{name}: expected {columns} tab-separated columns in every row")
    return cells


@cache
def _load() -> tuple[dict[str, int], list[str]]:
    """(key -> index of its canonical cell, flat list of cells)."""
    cells = _cells(FILE, COLUMNS)
    return dict(zip(cells[0::COLUMNS], range(1, len(cells), COLUMNS))), cells


def _fields(key: str) -> list[str] | None:
    """[canonical, kind, zipf, common] of a key, or None."""
    index, cells = _load()
    found = index.get(key)
    return None if found is None else cells[found:found + COLUMNS - 1]


def place(key: str) -> Place | None:
    """The entry for a lowercase *key* (one word or several, single-spaced), or None.

    The key must already be lowercase: ``place("Kyiv")`` is None, so that a caller
    cannot confuse "found" with "found in lowercase".
    """
    fields = _fields(key)
    if fields is None:
        return None
    return Place(fields[0], fields[1], float(fields[2]), fields[3] == "1")


def is_place(key: str) -> bool:
    """True when the lowercase *key* is in the gazetteer."""
    return key in _load()[0]


def canonical(key: str) -> str | None:
    """The usual capitalisation of the lowercase *key* (``"kyiv"`` -> ``"Kyiv"``), or None."""
    found = _load()[0].get(key)
    return None if found is None else _load()[1][found]


def is_ambiguous(key: str, threshold: float = AMBIGUOUS_ZIPF) -> bool:
    """True when the lowercase *key* is also ordinary English with zipf >= *threshold*.

    ``nice``, ``turkey``, ``china``, ``reading``, ``march``, ``may``, ``bath``,
    ``split``, ``mobile``, ``polish``, ``chile``, ``jersey``, ``west bank``: True.
    ``kyiv``, ``bakhmut``, ``ukrainian``, ``moscow``, ``paris``, ``georgia``,
    ``monday``: False. For a key that is not in the gazetteer the answer comes from
    the word table (:func:`tqcheck.lexicon.words.is_common_lowercase`).
    """
    fields = _fields(key)
    if fields is None:
        from . import words

        return words.is_common_lowercase(key, threshold)
    return fields[3] == "1" and float(fields[2]) >= threshold


@cache
def max_place_words() -> int:
    """The number of space-separated words in the longest key."""
    return max(map(methodcaller("count", " "), _load()[0])) + 1


def keys_of_kind(kind: str) -> frozenset[str]:
    """All lowercase keys of one kind (``"month"`` -> ``{"january", ...}``)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {sorted(KINDS)}")
    return _keys_by_kind()[kind]


@cache
def _keys_by_kind() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {kind: set() for kind in KINDS}
    index, cells = _load()
    for key, at in index.items():
        found[cells[at + 1]].add(key)
    return {kind: frozenset(keys) for kind, keys in found.items()}
