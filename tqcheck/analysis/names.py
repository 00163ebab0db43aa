"""Capitalisation inventory of an article: which words it writes as names, and how each paragraph is laid out.

Two shared analyses, computed once per document through ``ctx.get``:

``names(doc, ctx) -> NameInventory``
    Every word the article capitalises *mid-sentence* (after a word, a number or a
    comma, never at a sentence start, after a quote mark or a colon) outside Title
    Case lines, counted by its lowercase form: ``Kyiv`` in ``attacks on Kyiv`` counts
    for ``kyiv``. A capitalised word directly followed by another capitalised word or
    a number is left out (``Ayatollah Khamenei``, ``Prime Minister``, ``Euro 2024``):
    titles and event names are capitalised before a name and lowercase on their own,
    so they are no evidence that the lowercase word is a name.

``layout(doc, ctx) -> list[ParagraphInfo]``
    One entry per paragraph: list item, Markdown heading, Title Case line, dateline,
    byline, and whether it sits in a run of short lines (a poem, lyrics, a menu).
    Casing and segmentation rules use it to stay quiet on headlines, lists and verse.

Both are linear in the text: per paragraph a few anchored matches, and one regular-expression
pass over each run of non-heading paragraphs; no rescans.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from ..segment import TERMINAL

if TYPE_CHECKING:
    from ..document import Document
    from ..rules.base import Context

# Words a Title Case headline leaves in lowercase (AP, Chicago and Guardian styles).
SMALL_WORDS = frozenset(
    "a an the and or but nor for so yet of in on at to by up as via per vs v from into onto "
    "with over off out than that is are was be its it's if de da del la le von van der al el".split()
)

# A capitalised word after a word, number, comma or semicolon and one space (mid-sentence). The
# pattern starts with the space so that the regex engine can scan for it quickly.
_MID_CAPITAL = re.compile(
    r" (?<=[\w,;%] )(?P<w>[A-Z][a-z\u00e0-\u00ff]+(?:['\u2019\-][A-Za-z\u00c0-\u00ff]+)*)"
    r"(?P<after>\s+(?:[A-Z\u00c0-\u00de][a-z]|\d))?"
)
_LIST_ITEM = re.compile(r"(?:[-*+\u2022\u00b7\u25aa\u25e6\u25cf\u25ba\u2013\u2014>]|\d{1,3}[.)]|[a-zA-Z][.)]|\(\w{1,3}\))\s")
_DATELINE = re.compile(r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*(?:,| \(| ?[\u2014\u2013]| --| - )")
_BYLINE = re.compile(r"(?:By|BY|by|Por|Par|Von|From)\s+[A-Z]")
_LIST_START = frozenset("-*+\u2022\u00b7\u25aa\u25e6\u25cf\u25ba\u2013\u2014>(")
_UPPER = re.compile(r"[A-Z\u00c0-\u00de]")
SHORT_CHARS = 50  # a line this short may be verse, a menu item or a heading
VERSE_RUN = 3  # this many short lines in a row are verse or a list, not prose
WRAP_MIN_PAIRS = 3
WRAP_SHARE = 0.25


def is_title_case(line: str) -> bool:
    """True for a Title Case headline: most words capitalised, small words aside.

    ``Budgeting App Outage Traced to Faulty Update, Company Says``: True.
    ``Putin, Lukashenko and Lavrov met in Minsk.``: False (ends like a sentence).
    All-capitals lines (``BREAKING NEWS``) count as headlines too.
    """
    tokens = line.split()
    if len(tokens) < 2 or len(tokens) > 30:
        return False
    content = caps = 0
    for tok in tokens:
        w = tok.strip(_STRIP)
        if not w or not w[0].isalpha() or w.lower() in SMALL_WORDS:
            continue
        content += 1
        if w[0].isupper():
            caps += 1
        elif content - caps > 2:
            return False
    if content < 2:
        return False
    if caps == content:
        return True
    if line.rstrip().endswith("."):
        return False
    return caps >= 0.8 * content


_STRIP = "\"'()[]{}.,;:!?\u201c\u201d\u2018\u2019\u00ab\u00bb*_-\u2014\u2013\u2026|/"


class ParagraphInfo(NamedTuple):
    start: int
    end: int
    list_item: bool = False  # `- item`, `1. item`, `• item`, `a) item`
    heading: bool = False  # Markdown `# heading`, Title Case or all-caps headline
    dateline: bool = False  # starts `KYIV, Ukraine (AP) —` or `WASHINGTON —`
    byline: bool = False  # `By Maria López`
    short: bool = False  # at most SHORT_CHARS characters
    verse: bool = False  # one of VERSE_RUN or more short lines in a row
    lowercase_only: bool = False  # no capital letter at all: a stylised quote, a handle list
    wrapped: bool = False  # a line of hard-wrapped text: its line breaks are not paragraph breaks
    code: bool = False  # inside a Markdown code fence, or a table row

    @property
    def structural(self) -> bool:
        """Not running prose: a list item, heading, byline, code, a line of verse or of wrapped text."""
        return self.list_item or self.heading or self.byline or self.verse or self.wrapped or self.code


def layout(doc: Document, ctx: Context | None = None) -> list[ParagraphInfo]:
    """Classify every paragraph of the document (see the module docstring)."""
    text = doc.text
    raw = []
    fence = False
    for s, e in doc.paragraphs:
        c0, last, n = text[s], text[e - 1], e - s
        if c0 in "`~" and text.startswith(("```", "~~~"), s):
            if text.count("```", s, e) < 2:
                fence = not fence
            raw.append([s, e, False, False, False, False, False, False, True])
            continue
        code = fence or (c0 == "|" and last == "|")
        # Each test runs only when the first character allows it: most paragraphs are prose.
        list_item = (c0 in _LIST_START or c0.isdigit() or text[s + 1 : s + 2] in (".", ")")) and bool(
            _LIST_ITEM.match(text, s, min(e, s + 12))
        )
        heading = c0 == "#" or (n <= 200 and last not in ".,;:" and is_title_case(text[s:e]))
        dateline = c0.isupper() and text[s + 1 : s + 2].isupper() and bool(_DATELINE.match(text, s, min(e, s + 80)))
        byline = n <= 80 and c0 in "BbPVF" and last not in ".!?" and bool(_BYLINE.match(text, s, e))
        short = n <= SHORT_CHARS
        lowercase_only = n > 20 and not _UPPER.search(text, s, e)
        raw.append([s, e, list_item, heading, dateline, byline, short, lowercase_only, code])
    # Verse and menus: runs of short lines.
    n = len(raw)
    verse = [False] * n
    i = 0
    while i < n:
        if raw[i][6]:
            j = i
            while j < n and raw[j][6]:
                j += 1
            if j - i >= VERSE_RUN:
                for k in range(i, j):
                    verse[k] = True
            i = j
        else:
            i += 1
    wrapped = _wrapped(text, raw)
    return [
        ParagraphInfo(s, e, li, hd, dl, by, sh, verse[k], lo, wrapped[k], cd)
        for k, (s, e, li, hd, dl, by, sh, lo, cd) in enumerate(raw)
    ]


def _wrapped(text: str, raw: list[list]) -> list[bool]:
    """Mark lines of hard-wrapped text that the segmenter took for paragraphs.

    A block is a run of paragraphs separated by single line breaks. When many of
    the line pairs inside blocks end open and go on in lowercase (at least
    WRAP_MIN_PAIRS, and at least WRAP_SHARE of the pairs), the line breaks are
    wrapping, not the occasional sentence split of a translated page. The test
    runs on the whole document when it has blank lines between blocks (then
    every multi-line block is wrapped prose, a list or code), else on each block.
    """
    n = len(raw)
    out = [False] * n
    single = [text.count("\n", raw[k][1], raw[k + 1][0]) <= 1 for k in range(n - 1)]
    if not any(single):
        return out  # blank lines between all paragraphs: nothing is wrapped
    blocks, i = [], 0
    while i < n:
        j = i
        while j + 1 < n and single[j]:
            j += 1
        blocks.append((i, j))
        i = j + 1

    def continuations(i: int, j: int) -> int:
        cont = 0
        for k in range(i, j):
            last = text[raw[k][1] - 1]
            first = text[raw[k + 1][0]]
            if last not in TERMINAL and (first.islower() or not first.isalpha()):
                cont += 1
        return cont

    def wrapped(cont: int, pairs: int) -> bool:
        return cont >= WRAP_MIN_PAIRS and cont >= WRAP_SHARE * pairs

    if len(blocks) > 1:
        multi = [(i, j) for i, j in blocks if j > i]
        pairs = sum(j - i for i, j in multi)
        if wrapped(sum(continuations(i, j) for i, j in multi), pairs):
            for i, j in multi:
                for k in range(i, j + 1):
                    out[k] = True
            return out
    for i, j in blocks:
        if wrapped(continuations(i, j), j - i):
            for k in range(i, j + 1):
                out[k] = True
    return out



@dataclass
class NameInventory:
    """Words the article capitalises mid-sentence, by lowercase form."""

    capitalised: Counter = field(default_factory=Counter)  # "kyiv" -> 3
    forms: dict[str, str] = field(default_factory=dict)  # "kyiv" -> "Kyiv" (first form seen)

    def count(self, word: str) -> int:
        return self.capitalised.get(word.lower(), 0)

    def form(self, word: str) -> str | None:
        return self.forms.get(word.lower())


def names(doc: Document, ctx: Context | None = None) -> NameInventory:
    """The capitalised-name inventory of the document (see the module docstring)."""
    inv = NameInventory()
    text = doc.text
    paras = ctx.get(layout) if ctx is not None else layout(doc)
    # Runs of consecutive non-heading paragraphs: one regex pass each (the pattern never
    # crosses a line break, so the white space between paragraphs needs no care).
    spans, start, end = [], None, 0
    for info in paras:
        if info.heading:
            if start is not None:
                spans.append((start, end))
                start = None
        else:
            if start is None:
                start = info.start
            end = info.end
    if start is not None:
        spans.append((start, end))
    found = [w for s, e in spans for w, after in _MID_CAPITAL.findall(text, s, e) if not after]
    cap, forms = inv.capitalised, inv.forms
    cap.update(w.lower() for w in found)
    for w in found:
        forms.setdefault(w.lower(), w)
    return inv
