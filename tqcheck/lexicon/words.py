"""English word frequencies (``data/common_words.tsv``), loaded once per process.

The table holds the 60,000 most frequent English words in wordfreq with their Zipf
frequency (log10 of occurrences per billion words: ``the`` 7.73, ``nice`` 5.37,
``barcelona`` 4.23, ``kyiv`` 3.08) and a flag saying whether the word is ordinary
*lowercase* English. wordfreq folds case, so its ``paris`` (4.82) counts "Paris";
the flag, derived at build time from case-sensitive counts and a dictionary
(``scripts/build_lexicon.py``), tells ``polish`` and ``march`` (ordinary) from
``paris`` and ``monday`` (names written lowercase only by mistake).

Every lookup is one dict access; words outside the table have zipf 0.0.
"""
from __future__ import annotations

from functools import cache

from .geo import _cells

FILE = "common_words.tsv"
COLUMNS = 3  # word, zipf, common
#: Default threshold of :func:`is_common` and :func:`is_common_lowercase`: roughly the
#: 29,000 most frequent word forms (``nice`` 5.4, ``bath`` 4.4, ``chile`` 4.1 are above it;
#: ``bakhmut``, ``avdiivka`` are absent; ``kyiv`` is 3.08).
COMMON_ZIPF = 3.0


@cache
def _table() -> tuple[dict[str, int], list[str]]:
    """(word -> index of its zipf cell, flat list of cells), read once per process.

    One flat split of the file and a dict of ints is about twice as fast to build as a
    tuple per row (see ``tqcheck.lexicon.geo._load``): this runs in every process.
    """
    cells = _cells(FILE, COLUMNS)
    return dict(zip(cells[0::COLUMNS], range(1, len(cells), COLUMNS))), cells


def _row(word: str) -> int | None:
    index, _ = _table()
    found = index.get(word)
    if found is None:
        lower = word.lower()
        if lower != word:
            found = index.get(lower)
    return found


def zipf(word: str) -> float:
    """Zipf frequency of *word* in any case (``zipf("The") == zipf("the")``); 0.0 if unknown."""
    found = _row(word)
    return 0.0 if found is None else float(_table()[1][found])


def is_common(word: str, threshold: float = COMMON_ZIPF) -> bool:
    """True when *word* (in any case) is at least as frequent as *threshold*.

    Case-folded: ``is_common("paris")`` is True, because "Paris" is frequent. To ask
    whether a lowercase word is ordinary English, use :func:`is_common_lowercase`.
    """
    return zipf(word) >= threshold


def is_ordinary_lowercase(word: str) -> bool:
    """True when *word* lowercased is an ordinary lowercase English word.

    ``nice``, ``turkey``, ``polish``, ``march``, ``don't`` yes; ``paris``, ``monday``,
    ``ukrainian``, ``i``, ``mr`` no (written capitalised in edited English). Unknown
    words: False.
    """
    found = _row(word)
    return found is not None and _table()[1][found + 1] == "1"


def lowercase_zipf(word: str) -> float:
    """Zipf frequency of *word* as an ordinary lowercase word: ``zipf(word)`` when
    :func:`is_ordinary_lowercase`, else 0.0 (``lowercase_zipf("paris") == 0.0``)."""
    found = _row(word)
    if found is None:
        return 0.0
    cells = _table()[1]
    return float(cells[found]) if cells[found + 1] == "1" else 0.0


def is_common_lowercase(word: str, threshold: float = COMMON_ZIPF) -> bool:
    """True when *word* lowercased is ordinary English with zipf >= *threshold*."""
    return lowercase_zipf(word) >= threshold


def vocabulary_size() -> int:
    """Number of words in the table."""
    return len(_table()[0])
