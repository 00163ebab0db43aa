"""Paragraph, sentence and token boundaries, as code-point offsets into the text as read.

The splitter is conservative on purpose. It splits only where an English reader
would (terminal punctuation, then a capital, digit or opening quote), never before
a lowercase word: ``in October. to act`` stays one sentence, so the artifact is
visible to the rules instead of being hidden by the segmenter. Abbreviations
(``U.S.``, ``Mr.``, ``Jan. 5``, ``p.m.``, initials) do not end sentences, and
decimals (``3.5``) have no space after the point. Every pattern is linear: no
nested quantifiers, and look-behinds are bounded windows.
See ``benchmarks/segmenters.py`` for the comparison with pysbd, syntok and blingfire.
"""
from __future__ import annotations

import re
from itertools import accumulate, repeat
from operator import itemgetter
from typing import NamedTuple


class Span(NamedTuple):
    start: int
    end: int


class Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int


class Token(NamedTuple):
    start: int
    end: int
    kind: str  # "word" | "number" | "punct"


# Abbreviations after which a period never ends a sentence.
TITLES = frozenset(
    "mr mrs ms messrs mme mlle dr prof gen lt col maj capt cpt sgt cmdr adm sen rep gov pres "
    "supt insp rev fr sr sra srta st mt ft hon amb det cpl pvt brig ret".split()
)
# Abbreviations that are usually followed by more of the same sentence.
NONFINAL = frozenset("vs v e.g i.e cf approx dept est ca c al".split())
# Abbreviations that precede a number: `Jan. 5`, `No. 10`, `Vol. 2`.
BEFORE_NUMBER = frozenset(
    "no nos op vol pp p ch sec art para fig jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Abbreviations that may end a sentence: split only before a typical sentence opener.
FINAL_OK = frozenset("etc inc ltd co corp jr sr bros plc llc a.m p.m am pm u.s u.k u.n e.u d.c".split())
SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i you his her its their our this that these those there "
    "but and so yet in on at after before when while as if although however meanwhile "
    "according for with by from to of".split()
)

_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*\s+")
_FIRST_WORD = re.compile(r"[A-Za-z]+")
_BRAND = re.compile(r"[a-z]{1,3}[A-Z]")  # eBay, iPhone: lowercase on purpose
_WORD_BEFORE = re.compile(r"(?:[A-Za-z]\.){1,4}[A-Za-z]?$|[A-Za-z]+$")
#: A word: letters, with inner apostrophes and hyphens (`don't`, `al-Assad`), as the tokens have it.
WORD = r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*"
WORD_RE = re.compile(WORD)
# A looser token: a letter, then word characters, apostrophes and hyphens (`Kim's`, `COVID-19`,
# `Go-eun`), for rules that only need where a word-like token starts and ends.
TOKEN_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019-]*")
_TOKEN = re.compile(
    r"(?P<number>\d+(?:[.,:]\d+)*)"
    rf"|(?P<word>{WORD})"
    r"|(?P<punct>[^\w\s])"
)
#: The characters a finished line or paragraph ends with: terminal punctuation, closing quotes, brackets.
TERMINAL = ".!?:;\"'\u201d\u2019)]\u00bb\u2026"


def lines(text: str) -> list[Span]:
    """Every line, without its newline (and without a trailing carriage return)."""
    out = []
    start = 0
    for line in text.split("\n"):  # one C-level split instead of a regex match per line
        end = start + len(line)
        out.append(Span(start, end - 1 if line.endswith("\r") else end))
        start = end + 1
    if text.endswith("\n") or not text:
        out.pop()  # the empty piece after a final newline is not a line
    return out


def line_indented(text: str, start: int) -> bool:
    """The line that starts the paragraph at ``start`` opens with spaces or tabs (`   item`): the items of a
    list whose bullets were lost in extraction."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i < start and (i == 0 or text[i - 1] == "\n")


def ends_open(line: str) -> bool:
    """Whether a line or paragraph stops without finishing its sentence (no character of TERMINAL at its end)."""
    return line.rstrip()[-1:] not in TERMINAL


# A line's text between its first and last non-space characters (a line never spans a newline).
_STRIPPED_LINE = re.compile(r"\S(?:[^\n]*\S)?")


def _line_length(text: str, span: Span) -> int:
    """The length of the line holding ``span``, as :func:`lines` has it (white space included)."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    end = len(text) if end < 0 else end
    return end - start - (text[end - 1] == "\r")


def _hard_wrapped(text: str, spans: list[Span], joined: list[bool]) -> bool:
    """True when single newlines wrap prose (an e-mail or a Markdown file), not separate paragraphs.

    ``spans``: the non-blank lines, stripped; ``joined[i]``: line i and line i + 1 are in one block.
    """
    inner = [s for s, j in zip(spans, joined) if j]  # lines followed by another of their block
    if len(inner) < 3:
        return False
    if max(e - s for s, e in spans) > 100 or max(_line_length(text, s) for s in spans) > 100:
        return False  # the stripped length first: it is a lower bound, and free
    open_ended = sum(1 for s in inner if text[s.end - 1] not in TERMINAL)
    return open_ended * 2 >= len(inner)


def paragraphs(text: str) -> list[Span]:
    """Paragraphs, trimmed of surrounding white space.

    Scraped and machine-translated articles put one paragraph on each line, so a
    single newline separates paragraphs, unless the text is hard-wrapped prose,
    where only blank lines do. One regex scan finds the non-blank lines, stripped.
    """
    spans = [Span(*m.span()) for m in _STRIPPED_LINE.finditer(text)]
    # a line is in the block of the next one when only one newline (no blank line) separates them
    joined = [text.count("\n", a.end, b.start) == 1 for a, b in zip(spans, spans[1:])]
    if not _hard_wrapped(text, spans, joined):
        return spans
    out, first = [], 0
    for i, span in enumerate(spans):
        if i == len(joined) or not joined[i]:  # the block ends here
            out.append(Span(spans[first].start, span.end))
            first = i + 1
    return out


def period_is_abbreviation(text: str, dot: int, nxt: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or initial, given the next word at ``nxt``."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group().lower().rstrip(".")
    if len(word) == 1 and (m.group().isupper() or "." in m.group()):
        return True  # an initial (J. K. Rowling) or a list letter
    if word in TITLES or word in NONFINAL or word in FINAL_OK:
        return True
    if word in BEFORE_NUMBER and text[nxt : nxt + 1].isdigit():
        return True
    return "." in word  # dotted acronym: U.S. officials, U.N. Security Council


def _ends_sentence(text: str, dot: int, nxt: int) -> bool:
    """Whether the punctuation run starting at ``dot`` ends a sentence, given the next word at ``nxt``."""
    if text[nxt].islower() and not _BRAND.match(text, nxt, nxt + 12):
        return False
    if text[dot] != "." or text[dot : dot + 2] == "..":
        return True  # ! ? or an ellipsis
    if not period_is_abbreviation(text, dot, nxt):
        return True
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if m.group().lower().rstrip(".") in FINAL_OK:
        m2 = _FIRST_WORD.match(text, nxt, nxt + 16)
        return bool(m2) and m2.group().lower() in SENTENCE_OPENERS
    return False


def sentences(text: str, paras: list[Span]) -> list[Sentence]:
    """Sentences inside each paragraph; a paragraph end always ends a sentence."""
    out: list[Sentence] = []
    for pi, (ps, pe) in enumerate(paras):
        start = ps
        for m in _BOUNDARY.finditer(text, ps, pe):
            nxt = m.end()
            if nxt >= pe:
                break
            if _ends_sentence(text, m.start(), nxt):
                end = m.end()
                while end > start and text[end - 1].isspace():
                    end -= 1
                out.append(Sentence(start, end, pi))
                start = nxt
        if start < pe:
            out.append(Sentence(start, pe, pi))
    return out


# The same tokens as one capturing group, for ``re.split``: the pieces alternate between the text
# between tokens and a token, so their lengths give every offset without a match object.
_TOKEN_SPLIT = re.compile(rf"(\d+(?:[.,:]\d+)*|{WORD}|[^\w\s])")


class _Kinds(dict):
    """First character -> token kind (as :data:`_TOKEN`'s groups name it), filled on first sight."""

    def __missing__(self, c: str) -> str:
        m = _TOKEN.match(c)
        kind = self[c] = m.lastgroup if m else "punct"
        return kind


_KIND = _Kinds()


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words (with inner apostrophes and hyphens), numbers and single punctuation marks.

    Built in C as far as Python allows (a document has thousands of tokens): one split,
    the running sum of the piece lengths, and each token's kind from its first character
    (a number starts with a digit, a word with a letter, anything else is one mark).
    """
    end = len(text) if end is None else end
    piece = text if start == 0 and end == len(text) else text[start:end]
    parts = _TOKEN_SPLIT.split(piece)
    offsets = list(accumulate(map(len, parts), initial=start))  # offsets[k]: where parts[k] starts
    toks = parts[1::2]
    kinds = map(_KIND.__getitem__, map(itemgetter(0), toks))
    return list(map(tuple.__new__, repeat(Token), zip(offsets[1::2], offsets[2::2], kinds)))


def word_positions(text: str, word: str, joiners: str = "") -> list[int]:
    """Start offsets of ``word`` as a whole word (no letter, digit or ``joiners`` character around it)."""
    out = []
    n = len(word)
    i = text.find(word)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalnum() or before in joiners or after.isalnum() or after in joiners):
            out.append(i)
        i = text.find(word, i + 1)
    return out


def word_trie(words) -> str:
    """A regex alternation of ``words`` factored by shared prefixes (`open(?:ed|s)`): one character
    test per branch point instead of one attempt per word, so long word lists stay fast in ``re``."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def bounded_words(words, after_first: str | None = None) -> str:
    """``\\b(?:w1|w2|...)\\b`` for words that start and end with a word character, with the first
    boundary tested after each word's first letter (``K(?<!\\w.)yiv``): the pattern then opens with a
    literal or a set of first letters, which ``re`` scans for in C instead of trying a match at every
    position (several times faster when the words start with capitals).

    ``after_first`` replaces that test with another look-behind of the same shape, read after the first
    letter: ``(?<![\\w'-].)`` (no word, apostrophe or hyphen before), ``(?<=[a-z] .)`` (a lowercase word
    and a space before)."""
    words = sorted(words)
    if not all(_WORD_CHAR.match(w[:1]) for w in words):
        if after_first is not None:
            raise ValueError("after_first needs words that start with a word character")
        return rf"\b(?:{word_trie(words)})\b"
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    alts = []
    for ch, rests in by_first.items():
        rest = word_trie([r for r in rests if r])
        if rest and "" in rests:
            rest = f"(?:{rest})?"
        alts.append(re.escape(ch) + (r"(?<!\w.)" if after_first is None else after_first) + rest)
    return "(?:" + "|".join(alts) + r")\b"


_WORD_CHAR = re.compile(r"\w")
