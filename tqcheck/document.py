"""The Document: the text exactly as read, and its structure as offsets into it.

Nothing downstream edits ``text``. Structure is derived lazily and cached, so a
rule that needs only paragraphs never pays for tokens.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from . import segment
from .segment import Sentence, Span, Token

# URLs, e-mail addresses, @handles and #hashtags are never prose. Every search starts at a
# literal (`://`, `www.`, `@`, `#`) so that scanning costs nothing on text without them.
# A URL is a scheme (`https`, `ftp`, `s3`: any, as nobody writes `://` in prose) or `www.`,
# and everything up to the next white space.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]{0,31}\Z")
_WWW = re.compile(r"www\.\S+")
_URL_REST = re.compile(r"\S+")
_EMAIL_USER = re.compile(r"[\w.+-]{1,64}$")
_EMAIL_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_HANDLE = re.compile(r"\w+")
_NEWLINE = re.compile("\n")


def _non_prose_spans(text: str) -> list[Span]:
    spans = [Span(*m.span()) for m in _WWW.finditer(text)] if "www." in text else []
    i = text.find("://")
    while i >= 0:
        scheme = _SCHEME.search(text, max(0, i - 32), i)
        rest = _URL_REST.match(text, i + 3) if scheme else None
        if rest:
            spans.append(Span(scheme.start(), rest.end()))
            i = text.find("://", rest.end())
        else:
            i = text.find("://", i + 1)
    for mark in "@#":
        i = text.find(mark)
        while i >= 0:
            if mark == "@" and (user := _EMAIL_USER.search(text, max(0, i - 64), i)) and (host := _EMAIL_HOST.match(text, i + 1)):
                spans.append(Span(user.start(), host.end()))
            elif (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "@_")) and (h := _HANDLE.match(text, i + 1)):
                spans.append(Span(i, h.end()))
            i = text.find(mark, i + 1)
    spans.sort()
    merged: list[Span] = []
    for s in spans:
        if merged and s.start < merged[-1].end:
            if s.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, s.end)
        else:
            merged.append(s)
    return merged


_QUOTE_MARK = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb]")
# What closes a quotation opened by each mark.
_CLOSERS = {'"': '"\u201d', "\u201c": '"\u201d', "\u201e": '"\u201c\u201d', "\u00ab": "\u00bb"}


def _closes_split_quote(text: str, pos: int, ps: int, pe: int) -> bool:
    """Whether the straight quote at ``pos``, a paragraph's first mark, closes a quotation
    the paragraph before left open: MT splits a paragraph mid-quote (`...We came to build,` ⏎
    `and we will go on," he said`), where English would re-open the quote at the paragraph
    start. Closer-shaped (text before, space or punctuation after) and odd in number."""
    if pos == ps or text[pos - 1].isspace() or text.count('"', ps, pe) % 2 == 0:
        return False
    return pos + 1 >= pe or not text[pos + 1].isalnum()


def _quote_spans(text: str, paragraphs: list[Span]) -> list[Span]:
    """Quotations, marks included, in text order: see :attr:`Document.quotes`."""
    out: list[Span] = []
    if not paragraphs:
        return out
    para_ends = [p.end for p in paragraphs]
    ps = pe = -1
    pi = left_open = -2  # the paragraph index, and the last one left inside a quotation
    open_at, closers = -1, ""
    first = False
    for m in _QUOTE_MARK.finditer(text):
        pos = m.start()
        if pos >= pe:
            if open_at >= 0:
                out.append(Span(open_at, pe))  # left open: closes at the paragraph end
                open_at, left_open = -1, pi
            pi = bisect_right(para_ends, pos)
            if pi >= len(paragraphs):
                break
            ps, pe = paragraphs[pi]
            first = True
            if pos < ps:
                continue
        c = m.group()
        was_first, first = first, False
        if open_at < 0:
            if c in "\u201d\u00bb" or (c == '"' and was_first and left_open == pi - 1
                                        and _closes_split_quote(text, pos, ps, pe)):
                if not (out and out[-1].start >= ps):
                    out.append(Span(ps, m.end()))  # the paragraph continues a quotation
                continue
            open_at, closers = pos, _CLOSERS[c]
        elif c in closers:
            out.append(Span(open_at, m.end()))
            open_at = -1
    if open_at >= 0:
        out.append(Span(open_at, pe))
    return out


class Document:
    """One article: decoded text plus paragraphs, sentences, tokens and positions."""

    def __init__(self, text: str, path: str = "-", id: str | None = None) -> None:
        self.text = text
        self.path = path
        self.id = id

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, id={self.id!r}, chars={len(self.text)})"

    # -- structure -------------------------------------------------------------

    @cached_property
    def lines(self) -> list[Span]:
        return segment.lines(self.text)

    @cached_property
    def paragraphs(self) -> list[Span]:
        return segment.paragraphs(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return segment.sentences(self.text, self.paragraphs)

    @cached_property
    def tokens(self) -> list[Token]:
        return segment.tokens(self.text)

    @cached_property
    def words(self) -> int:
        """Word count as the scoring formula uses it (white-space separated)."""
        return len(self.text.split())

    @cached_property
    def quotes(self) -> list[Span]:
        """Quotations, marks included, in text order.

        Straight and curly double quotes, guillemets and low-high quotes (`„...“`), paired
        within a paragraph. A quotation left open at the end of a paragraph closes there
        (English continues a quotation into the next paragraph with a new opening mark);
        a paragraph whose first mark closes a quotation is quoted up to that mark: a curly or
        angle closing mark, or, after a paragraph left open, a closer-shaped straight one (MT
        splits a paragraph mid-quote without re-opening it: ``...to build,`` ⏎ ``and we go on," he said``).
        """
        return _quote_spans(self.text, self.paragraphs)

    @cached_property
    def quote_starts(self) -> list[int]:
        """Start offsets of the quotations, for bisection."""
        return [q.start for q in self.quotes]

    @cached_property
    def non_prose(self) -> list[Span]:
        """URLs, e-mail addresses and handles, which no rule reads as prose."""
        return _non_prose_spans(self.text)

    # -- look-ups --------------------------------------------------------------

    def slice(self, span: tuple[int, int]) -> str:
        return self.text[span[0] : span[1]]

    @cached_property
    def _line_starts(self) -> list[int]:
        """The start of every line (as :attr:`lines` has them), without building the lines:
        0, and each offset after a newline but the end of the text."""
        starts = [0, *(m.end() for m in _NEWLINE.finditer(self.text))]
        if len(starts) > 1 and starts[-1] == len(self.text):
            starts.pop()  # a final newline starts no line
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        i = bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[max(i, 0)] + 1

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Start offsets of the sentences, for bisection."""
        return [s.start for s in self.sentences]

    @cached_property
    def paragraph_starts(self) -> list[int]:
        """Start offsets of the paragraphs, for bisection."""
        return [p.start for p in self.paragraphs]

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset``, or None between sentences."""
        i = bisect_right(self.sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    def paragraph_index(self, offset: int) -> int | None:
        i = bisect_right(self.paragraph_starts, offset) - 1
        if i >= 0 and offset < self.paragraphs[i].end:
            return i
        return None

    def in_quote(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a quotation (:attr:`quotes`)."""
        i = bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and offset < self.quotes[i].end

    def in_non_prose(self, start: int, end: int | None = None) -> bool:
        """Whether a span touches a URL, e-mail address or handle."""
        end = start + 1 if end is None else end
        i = bisect_right(self._non_prose_starts, end - 1) - 1
        return i >= 0 and self.non_prose[i].end > start

    @cached_property
    def _non_prose_starts(self) -> list[int]:
        return [s.start for s in self.non_prose]
