"""Cross-article evidence: a small, mergeable summary gathered in a first streaming pass.

A line that recurs across many articles of one batch is page furniture; a word
that other articles capitalise mid-sentence is a name. The summary holds only
bounded counters of fingerprints, so memory stays flat however long the feed,
and two summaries merge (across worker processes or Dask partitions) by adding.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from .document import Document

MAX_KEYS = 200_000  # per counter; past it, keys seen once are dropped (space-saving)
MAX_LINE_WORDS = 14  # longer lines are prose, not furniture
_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
# A capitalised word mid-sentence that is not a title before a name (`Ayatollah Khamenei`).
# The pattern starts with the space so that the regex engine scans for it quickly.
_MID_CAPITAL = re.compile(r" (?<=[a-z,;] )([A-Z][a-z]{2,})\b(?! [A-Z])")


def line_fingerprint(line: str) -> str | None:
    """A short stable key for a short line, or None for prose.

    Case, spacing and digits are folded: `All news articles on 2022-12-19` is the
    same furniture whatever the date.
    """
    # Most paragraphs are prose: count words first (a bounded split) and skip the normalisation.
    # Folding case or digits never adds white space, so this is the same test as on the norm.
    if len(line.split(None, MAX_LINE_WORDS)) > MAX_LINE_WORDS:
        return None
    norm = _DIGITS.sub("0", _SPACE.sub(" ", line.strip()).casefold())
    if not norm:
        return None
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def _prune(counter: Counter) -> None:
    """Past MAX_KEYS, drop the keys seen once; if most keys recur (a feed of duplicated articles),
    keep the 3/4 MAX_KEYS most frequent, so that pruning stays rare and the pass stays linear."""
    if len(counter) > MAX_KEYS:
        for k in [k for k, n in counter.items() if n <= 1]:
            del counter[k]
        keep = MAX_KEYS * 3 // 4
        if len(counter) > keep:
            top = counter.most_common(keep)
            counter.clear()
            counter.update(dict(top))


@dataclass
class BatchEvidence:
    articles: int = 0
    lines: Counter = field(default_factory=Counter)  # line fingerprint -> articles containing it
    capitalised: Counter = field(default_factory=Counter)  # lowercased word -> articles capitalising it mid-sentence

    def add(self, doc: Document) -> None:
        self.articles += 1
        seen = set()
        for p in doc.paragraphs:
            fp = line_fingerprint(doc.slice(p))
            if fp:
                seen.add(fp)
        self.lines.update(seen)
        self.capitalised.update({w.lower() for w in _MID_CAPITAL.findall(doc.text)})
        _prune(self.lines)
        _prune(self.capitalised)

    def merge(self, other: BatchEvidence) -> BatchEvidence:
        self.articles += other.articles
        self.lines.update(other.lines)
        self.capitalised.update(other.capitalised)
        _prune(self.lines)
        _prune(self.capitalised)
        return self

    def line_articles(self, line: str) -> int:
        """In how many articles of the batch this (short) line appears."""
        fp = line_fingerprint(line)
        return self.lines.get(fp, 0) if fp else 0
