"""Style: calques, literal translations that no English editor would write.

The phrases live in ``tqcheck/lexicon/data/calques.tsv``, one row per pattern
with its English suggestion, its explanation, an optional context guard and two
examples (one flagged, one near-miss) that ``tests/test_style.py`` runs. Each
row names the rule that reports it, so `--ignore this-weekday` switches a whole
group off. Add a calque by adding a row; add a guard by adding a function to
``GUARDS``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from .. import lexicon
from ..document import Document
from ..lexicon import words
from ..model import Edit, Finding
from ..segment import TOKEN_WORD_RE
from .base import Context, rule

CALQUES_FILE = "calques.tsv"


@dataclass(frozen=True)
class Calque:
    rule: str
    pattern: re.Pattern
    suggestion: str
    explanation: str
    guard: str | None
    flag: tuple[str, ...]
    passes: tuple[str, ...]
    needles: tuple[tuple[str, ...], ...] = ()  # every match contains one string of each tuple (lowercased)
    # every match contains, as a whole word (lowercased), one word of each tuple; the first tuple
    # holds the rarest words
    anchors: tuple[tuple[str, ...], ...] = ()
    width: int = 0  # the longest match; 0 when unbounded
    ahead: int = 0  # the widest look-ahead (what a match reads past its end)
    anchor_bytes: tuple[tuple[bytes, ...], ...] = ()  # the anchors, ASCII-encoded (see word_set)
    # search around the needles rather than the anchor words when an anchor word of the first
    # tuple is a stop word (`the`: a non-ASCII alternative leaves only it as an anchor)
    needles_first: bool = False
    exact: str = ""  # a literal every match contains, case as written (see exact_run); "" when none
    # the literal and the characters one of which follows it in every match (see exact_gate), or None
    exact_next: re.Pattern | None = None

    def may_match_words(self, words: frozenset[bytes]) -> bool:
        """Whether the article holds one anchor word of each tuple (``words``: see :func:`word_set`)."""
        for cover in self.anchor_bytes:
            for w in cover:
                if w in words:
                    break
            else:
                return False
        return True

    def may_match(self, present: frozenset[str]) -> bool:
        """Whether the article holds one needle of each tuple (``present``: the needles found in it)."""
        for alternatives in self.needles:
            for needle in alternatives:
                if needle in present:
                    break
            else:
                return False
        return True

    def finditer(self, text: str, lowered: str, positions: dict | None = None,
                 words: frozenset[bytes] | None = None) -> Iterator[re.Match]:
        """Matches, searched only in the lines that contain the first needle (fast on long texts).

        A pattern that starts with ``\\b`` or a character class is scanned slowly by ``re``; a
        literal needle is found by ``str.find`` at memory speed. Lines are searched whole, so
        look-arounds see their context, and ``$`` matches at a line end.
        """
        if self.exact and (self.exact not in text if self.exact_next is None else not self.exact_next.search(text)):
            return
        first = self.anchors[0] if self.anchors else (self.needles[0] if self.needles else ())
        if self.anchors and words is not None:  # only the anchor words the article holds
            first = tuple(a for a, b in zip(self.anchors[0], self.anchor_bytes[0]) if b in words)
            if not first:
                return
            if self.needles_first and any(a in _ANCHOR_STOPWORDS for a in first):
                first = self.needles[0]
        if not first or len(lowered) != len(text):
            yield from self.pattern.finditer(text)
            return
        if self.width:
            yield from self._windows(text, lowered, first, {} if positions is None else positions)
            return
        lines = {span for needle in first for span in _lines_with(text, needle, lowered)}
        for lo, hi in sorted(lines):
            yield from self.pattern.finditer(text, lo, hi)

    def _windows(self, text: str, lowered: str, needles: tuple[str, ...], positions: dict) -> Iterator[re.Match]:
        """Matches of a pattern of bounded width, searched around each needle within its line.

        A search window may cut the text (``endpos``), where ``\\b`` and look-aheads see an end;
        each match is confirmed by matching again at its start against the whole line.
        ``positions`` caches the offsets of each needle in the article (rows share needles).
        """
        n, w, ahead = len(text), self.width, self.ahead
        spans = positions.get(needles)
        if spans is None:
            spans = []
            for needle in needles:
                k = len(needle)
                i = lowered.find(needle)
                while i >= 0:
                    spans.append((i, i + k))
                    i = lowered.find(needle, i + 1)
            spans.sort()
            positions[needles] = spans
        if not spans:
            return
        windows: list[list[int]] = []  # [start, end, line end], within one line
        line_lo, line_hi = -1, -1
        for s, e in spans:
            if s >= line_hi:
                line_lo = text.rfind("\n", 0, s) + 1
                line_hi = text.find("\n", s)
                line_hi = n if line_hi < 0 else line_hi
            lo, hi = max(s - w, line_lo), min(e + w + ahead, line_hi)
            if windows and lo <= windows[-1][1] and windows[-1][2] == line_hi:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi, line_hi])
        seen = -1
        for lo, hi, line_hi in windows:
            for m in self.pattern.finditer(text, lo, hi):
                if m.start() < seen:
                    continue
                if hi < line_hi and m.end() + ahead >= hi:  # the window's end may have decided the match
                    full = self.pattern.match(text, m.start(), line_hi)
                    if full is None or full.span() != m.span():
                        continue
                seen = m.end()
                yield m


try:  # the parser behind re.compile: used only to derive the needles of a pattern
    from re import _parser as _sre_parse  # Python >= 3.11
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]


def _runs(items) -> tuple[list[str], list[list]]:
    """Literal runs a match must contain, and the top-level branches, of a parsed pattern."""
    runs, branches, cur = [], [], []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            cur.append(chr(arg))
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero-width: the literal run goes on
        elif name == "SUBPATTERN":
            inner_runs, inner_branches = _runs(arg[-1])
            branches += inner_branches
            if len(arg[-1]) == 1 and str(arg[-1][0][0]) == "BRANCH":
                runs.append("".join(cur))
                cur = []
            else:
                runs += inner_runs
                runs.append("".join(cur))
                cur = []
        elif name == "BRANCH":
            runs.append("".join(cur))
            cur = []
            branches.append(arg[1])
        else:
            runs.append("".join(cur))
            cur = []
    runs.append("".join(cur))
    return [r for r in runs if r], branches


def _flat(items, out: list) -> list:
    """The items of a parsed sequence with its groups opened (not those that set flags: `(?i:...)`)."""
    for op, arg in items:
        name = str(op)
        if name == "SUBPATTERN" and not arg[1] and not arg[2]:
            _flat(arg[-1], out)
        else:
            out.append((name, arg))
    return out


EXACT_MIN = 3  # a shorter literal is in nearly every article


def exact_run(parsed) -> str:
    """The longest literal run that every match contains, case as written (`And `, `This `,
    `the said `): where the article lacks it, the row cannot match, and ``in`` says so faster than
    the lowercased needles and anchor words, which cannot tell `And` from `and`. "" when the pattern
    ignores case or has no run of EXACT_MIN characters."""
    return _exact(parsed)[0]


def _exact(parsed) -> tuple[str, list]:
    """(the longest literal run, the items after it)."""
    if parsed is None or parsed.state.flags & re.IGNORECASE:
        return "", []
    items = _flat(parsed.data, [])
    best, best_end, cur = "", 0, []
    for k, (name, arg) in enumerate([*items, ("END", None)]):
        if name == "LITERAL":
            cur.append(chr(arg))
        elif name not in ("AT", "ASSERT", "ASSERT_NOT"):  # zero-width items do not break a run
            if len(cur) > len(best):
                best, best_end = "".join(cur), k
            cur = []
    return (best, items[best_end:]) if len(best) >= EXACT_MIN else ("", [])


_CLASS_MAX = 16  # a wider set of next characters is no gate


def _first_set(items) -> set[str] | None:
    """The characters the first character consumed by a parsed sequence is one of, or None (any)."""
    for name, arg in items:
        name = str(name)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name == "LITERAL":
            return {chr(arg)}
        if name == "IN":
            out = set()
            for op, a in arg:
                if str(op) == "LITERAL":
                    out.add(chr(a))
                elif str(op) == "RANGE" and a[1] - a[0] < _CLASS_MAX:
                    out.update(map(chr, range(a[0], a[1] + 1)))
                else:
                    return None
            return out
        if name == "SUBPATTERN" and not arg[1] and not arg[2]:
            return _first_set(arg[-1])
        if name == "BRANCH":
            out = set()
            for alt in arg[1]:
                first = _first_set(alt)
                if first is None:
                    return None
                out |= first
            return out
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            return _first_set(arg[2])
        return None
    return None


def exact_gate(parsed) -> re.Pattern | None:
    """The exact run and the class of the character after it (`n the [1-9]` for `[Oo]n the (?:[12]\\d|...)`,
    `his [FMSTW]` for `this Monday`): a row whose literal is common (`on the`) is skipped where no
    match can start. None unless a narrow class of digits, capitals or signs follows the run."""
    run, rest = _exact(parsed)
    first = _first_set(rest) if run else None
    if not first or len(first) > _CLASS_MAX or any(c.islower() for c in first):
        return None  # a lowercase letter follows a literal in most articles: the search would cost more than it saves
    return re.compile(re.escape(run) + "[" + "".join(re.escape(c) for c in sorted(first)) + "]")


def _parse(pattern: str):
    """The parsed pattern, or None when the parser rejects it (an unusual pattern: no shortcut)."""
    try:
        return _sre_parse.parse(pattern)
    except Exception:  # pragma: no cover
        return None


def needles(pattern: str, parsed=False) -> tuple[tuple[str, ...], ...]:
    """A cheap necessary condition for a pattern: strings one of which every match contains.

    The pattern's longest literal run when it has five characters or more, else the
    alternatives of its first branch when each has a literal run of three or more,
    else the longest run of three or more; () when there is none (the pattern always runs).
    """
    try:
        runs, branches = _runs((_parse(pattern) if parsed is False else parsed).data)
    except Exception:  # pragma: no cover - an unusual pattern: no shortcut
        return ()
    best = max(runs, key=len, default="")
    strong = len(best.strip()) >= (9 if " " in best.strip() else 6)
    if strong:
        return ((best.lower(),),)
    for k, alternatives in enumerate(branches):  # the first branch whose every alternative has a literal run
        if k == 1 and len(best.strip()) >= 4:
            return ((best.lower(),),)
        alts = []
        for alt in alternatives:
            alt_runs, _ = _runs(alt)
            longest = max(alt_runs, key=len, default="")
            if len(longest.strip()) < 4:
                alts = []
                break
            alts.append(longest.lower())
        if 0 < len(alts) <= 24:
            return (tuple(alts),)
        if alts:
            break
    return ((best.lower(),),) if len(best.strip()) >= 3 else ()


# Anchor words: a whole word that every match of a pattern contains. Checking them is a set look-up
# in the article's words (computed once), much cheaper than a substring search per needle. They are
# derived from the parsed pattern: every branch and optional part is expanded (up to a bound) into
# "skeletons", strings of the literal characters a match holds, with markers for a word boundary
# (``\b``, or a look-around that starts or ends with a non-letter) and for an unknown character.
_UNKNOWN, _BOUNDARY, _NONLETTER = "\x01", "\x02", "\x03"
_MAX_SKELETONS = 4096
_ANCHOR_STOPWORDS = frozenset(
    "the a an of to in on at and or is was are were this that these those with from by for has have had "
    "he she they it be been not as its his her their".split()
)


def _expand(items, flags: int) -> list[str] | None:
    """The skeletons of a parsed sequence, or None when there would be too many."""
    out = [""]
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            ch = chr(arg)
            alts = [ch.lower() if flags & re.IGNORECASE else ch]
        elif name == "IN":
            chars = [chr(a) for o, a in arg if str(o) == "LITERAL"]
            if len(chars) != len(arg) or not chars:
                alts = [_UNKNOWN]
            elif not any(c.isalnum() or c == "_" for c in chars):
                alts = [_NONLETTER]  # `[.;]`: some non-letter
            elif len(chars) <= 4 and all(c.isalpha() for c in chars):
                alts = sorted({c.lower() for c in chars})  # `[Tt]`, `[sz]`
            else:
                alts = [_UNKNOWN]
        elif name == "AT":
            alts = [_BOUNDARY] if str(arg) in ("AT_BOUNDARY", "AT_BEGINNING", "AT_END", "AT_BEGINNING_STRING",
                                               "AT_END_STRING") else [""]
        elif name == "SUBPATTERN":
            alts = _expand(arg[-1], flags | (arg[1] or 0))
        elif name == "BRANCH":
            alts = []
            for alt in arg[1]:
                sub = _expand(alt, flags)
                if sub is None:
                    return None
                alts += sub
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] == 0 and arg[1] == 1:
            sub = _expand(arg[2], flags)
            if sub is None:
                return None
            alts = sub + [""]
        elif name == "ASSERT":
            sub = _expand(arg[1], flags)
            if sub is None:
                alts = [""]
            elif arg[0] == 1:  # a look-ahead: a boundary when every branch starts with a non-letter
                alts = [_BOUNDARY] if all(x[:1] and not x[0].isalnum() and x[0] != _UNKNOWN for x in sub) else [""]
            else:  # a look-behind: a boundary when every branch ends with a non-letter
                alts = [_BOUNDARY] if all(x[-1:] and not x[-1].isalnum() and x[-1] != _UNKNOWN for x in sub) else [""]
        elif name == "ASSERT_NOT":
            alts = [""]
        else:
            alts = [_UNKNOWN]
        if len(out) * len(alts) > _MAX_SKELETONS:
            return None
        out = [a + b for a in out for b in alts]
    return out


_SKELETON_WORD = re.compile(r"[^\W\d_]+")


def _complete_words(skeleton: str) -> list[str]:
    """Words of a skeleton with a known non-letter (or boundary) on both sides."""
    out = []
    for m in _SKELETON_WORD.finditer(skeleton):
        s, e = m.span()
        before, after = skeleton[s - 1 : s], skeleton[e : e + 1]
        if before and after and before != _UNKNOWN and after != _UNKNOWN:
            out.append(m.group())
    return out


def anchors(pattern: str, parsed=False) -> tuple[tuple[str, ...], ...]:
    """Tuples of whole words (lowercased): every match of ``pattern`` contains one word of each
    tuple, the rarest tuple first; () if unknown."""
    try:
        parsed = _sre_parse.parse(pattern) if parsed is False else parsed
        items = list(parsed.data)
    except Exception:  # pragma: no cover - an unusual pattern: no shortcut
        return ()
    skeletons = None
    for k in range(len(items), 0, -1):  # too many skeletons: the words of a leading part will do
        skeletons = _expand(items[:k], parsed.state.flags)
        if skeletons is not None:
            if k < len(items):
                skeletons = [sk + _UNKNOWN for sk in skeletons]
            break
    if not skeletons:
        return ()
    # The word sets of the skeletons, with how many skeletons share each set (patterns with many
    # branches repeat the same words in thousands of skeletons): the greedy cover below counts
    # skeletons, so it weighs each distinct set by its multiplicity.
    by_skeleton: dict[str, frozenset[str]] = {}
    per_set: dict[frozenset[str], int] = {}
    for sk in skeletons:
        ws = by_skeleton.get(sk)
        if ws is None:
            ws = by_skeleton[sk] = frozenset(w.lower() for w in _complete_words(sk) if w.isascii())
        per_set[ws] = per_set.get(ws, 0) + 1
    if frozenset() in per_set:
        return ()
    # Greedy set cover: words that cover every skeleton and are rare in English (few articles hold
    # them, so the rule is skipped on most articles).
    costs: dict[str, float] = {}

    def cost(w: str) -> float:
        c = costs.get(w)
        if c is None:
            c = costs[w] = 10.0 ** (words.zipf(w) or 1.0) * (100.0 if w in _ANCHOR_STOPWORDS else 1.0)
        return c

    def cover(sets: dict[frozenset[str], int]) -> tuple[str, ...]:
        uncovered = list(sets.items())
        found: set[str] = set()
        while uncovered:
            counts: dict[str, int] = {}
            for ws, n in uncovered:
                for w in ws:
                    counts[w] = counts.get(w, 0) + n
            best = min(counts, key=lambda w: (cost(w) / counts[w], w))  # ties: the first in sorted order
            found.add(best)
            uncovered = [(ws, n) for ws, n in uncovered if best not in ws]
        return tuple(sorted(found))

    covers = []
    sets = per_set
    for _ in range(3):  # up to three independent covers: every match holds a word of each
        c = cover(sets)
        if covers and all(w in _ANCHOR_STOPWORDS for w in c):
            break
        covers.append(c)
        rest: dict[frozenset[str], int] = {}
        for ws, n in sets.items():
            ws = ws - set(c)
            rest[ws] = rest.get(ws, 0) + n
        sets = rest
        if frozenset() in sets:
            break
    covers.sort(key=lambda c: sum(cost(w) for w in c))
    return tuple(covers)


def _lookahead_width(items) -> int:
    """The widest look-ahead in a parsed pattern (what a match may read past its end)."""
    widest = 0
    for op, arg in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT") and arg[0] == 1:
            widest = max(widest, arg[1].getwidth()[1])
        if name == "SUBPATTERN":
            widest = max(widest, _lookahead_width(arg[-1]))
        elif name == "BRANCH":
            widest = max([widest] + [_lookahead_width(alt) for alt in arg[1]])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            widest = max(widest, _lookahead_width(arg[2]))
    return widest


def match_width(pattern: str, parsed=False) -> tuple[int, int]:
    """(the longest match of ``pattern``, its widest look-ahead), or (0, 0) when either is unbounded."""
    try:
        parsed = _sre_parse.parse(pattern) if parsed is False else parsed
        hi = parsed.getwidth()[1]
        ahead = _lookahead_width(parsed.data)
    except Exception:  # pragma: no cover
        return 0, 0
    return (hi, ahead + 1) if hi < 400 and ahead < 400 else (0, 0)


# ---------------------------------------------------------------------------- context guards

_BE = frozenset(
    "am is are was were be been being rest feel felt feels remain remains remained get got gets seem seemed seems "
    "'s 're".split()
)
_ADVERBS = frozenset("also again repeatedly fully doubly once later then still already now not never".split())
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|would|wouldn't|going to|expected to|due to|scheduled|slated|set to|poised to"
    r"|plans? to|planning to|intends? to|(?:is|are) to|upcoming|next)\b|'ll\b|\u2019ll\b",
    re.I,
)
_IRREGULAR_PAST = frozenset(
    """
    said told met went came spoke took made gave held began left saw was were had did won lost fell rose led
    sent found got kept paid brought thought wrote felt ran stood struck became chose drew drove flew forgot grew
    knew sold spent threw understood wore woke sat sang shook stole swore taught tore fought caught bought sought
    meant built lent bent fled dealt heard laid slept swept wept arose overtook undertook withdrew beat
    """.split()
)
_ED_NOT_PAST = frozenset(
    """
    hundred sacred kindred hatred naked wicked rugged ragged beloved learned united based alleged armed limited
    related concerned interested detailed advanced proposed called expected scheduled planned so-called
    organised organized qualified experienced married retired required used supposed skilled talented
    speed breed bleed greed creed proceed succeed exceed need feed seed weed deed heed embed shed wed red bed
    """.split()
)
_PERFECT = re.compile(
    r"\b(?:has|have|had|'ve|\u2019ve)(?: (?:not|already|also|just|now|again|recently|never|since|repeatedly))?"
    r" (?!(?:to|a|an|the|no|some|any|many|more|his|her|their|its|our|my|your|one|two|three|four|five|\d+)\b)"
    r"[a-z]{2,}\b",
    re.I,
)
_EED_PAST = frozenset(("agreed", "freed", "guaranteed", "decreed", "disagreed"))
_BEFORE_ADJECTIVE = frozenset("to the a an this its his her their our be".split())
_ED_WORD = re.compile(r"\b([a-z]{2,}ed)\b")
_WORD = re.compile(r"[A-Za-z'\u2019]+")


def _sentence_span(doc: Document, offset: int) -> tuple[int, int]:
    i = doc.sentence_index(offset)
    if i is None:
        p = doc.paragraph_index(offset)
        return doc.paragraphs[p] if p is not None else (max(0, offset - 200), offset + 200)
    s = doc.sentences[i]
    return s.start, s.end


_QUOTE_MARKS = "\"\u201c\u201d\u201e\u00ab\u00bb"


def _clause(doc: Document, start: int, end: int) -> str:
    """The sentence around a match, with quotations blanked out (or the quotation, if the match is quoted)."""
    ss, se = _sentence_span(doc, start)
    text = doc.text
    out = []
    pos = ss
    k = max(0, bisect_right(doc.quote_starts, ss) - 1)
    for qs, qe in doc.quotes[k:]:
        if qs >= se:
            break
        if qe <= ss:
            continue
        qs, qe = max(qs, ss), min(qe, se)  # the part of the quotation inside the sentence
        if qs <= start and end <= qe:
            return text[qs + (text[qs] in _QUOTE_MARKS) : qe - (text[qe - 1] in _QUOTE_MARKS)]
        out.append(text[pos:qs])
        out.append(" ")
        pos = qe
    out.append(text[pos:se])
    return "".join(out)


def _has_past(clause: str) -> bool:
    if _PERFECT.search(clause):
        return True
    words = [w.lower() for w in _WORD.findall(clause)]
    if any(w in _IRREGULAR_PAST for w in words):
        return True
    for m in _ED_WORD.finditer(clause):
        w = m.group(1)
        if w in _ED_NOT_PAST or (w.endswith("eed") and w not in _EED_PAST):
            continue
        before = clause[max(0, m.start() - 12) : m.start()].split()
        prev = before[-1].lower() if before else ""
        if prev in _BE or prev in _BEFORE_ADJECTIVE:
            continue
        if clause[m.end() : m.end() + 4] == " by ":
            continue  # a participle phrase: `the strike, called by the unions`
        return True
    return False


_DETERMINERS = frozenset("the a an this that these those his her its their our my your some any every each no".split())
_LOCAL_FUTURE = frozenset("will would shall to 'll \u2019ll can may might must should".split())


def _is_past_form(word: str, prev: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR_PAST:
        return True
    if not w.endswith("ed") or w in _ED_NOT_PAST or len(w) < 4:
        return False
    if w.endswith("eed") and w not in _EED_PAST:
        return False
    return prev.lower() not in _BE and prev.lower() not in _BEFORE_ADJECTIVE


def _local_tense(doc: Document, start: int) -> bool | None:
    """Tense of the nearest verb in the few words before ``start`` (same clause): True past, False future."""
    ss, _ = _sentence_span(doc, start)
    before = re.split(r"[,;:()\u2014\u2013]", doc.text[max(ss, start - 80) : start])[-1]
    words = before.split()[-6:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i].lower()
        if w in _LOCAL_FUTURE:
            following = words[i + 1] if i + 1 < len(words) else ""
            if w != "to" or (following.islower() and following not in _DETERMINERS):
                return False  # `will`, `to answer` (not the preposition: `to Belarus`, `to the`)
            continue
        prev = words[i - 1].lower() if i else ""
        if prev in ("be", "been", "being", "is", "are", "am", "get", "gets"):
            continue  # a passive participle: the auxiliary before it decides (`will be held`)
        if _is_past_form(words[i], prev):
            return True
    return None


def past_tense(doc: Document, m: re.Match) -> bool:
    """The nearest verb before the match is past; else the clause has a past verb and no future cue."""
    local = _local_tense(doc, m.start())
    if local is not None:
        return local
    clause = _clause(doc, m.start(), m.end())
    return not _FUTURE.search(clause) and _has_past(clause)


def perfect_before(doc: Document, m: re.Match) -> bool:
    """A past form right before the match: `have stated these days`, `said these days that`."""
    words = doc.text[max(0, m.start() - 40) : m.start()].split()
    if not words:
        return False
    last = words[-1].strip(",")
    prev = words[-2] if len(words) > 1 else ""
    return _is_past_form(last, prev) and last[:1].islower()


def not_passive(doc: Document, m: re.Match) -> bool:
    """The verb is active (`he assured that`), not passive or adjectival (`rest assured that`, `was assured`)."""
    text = doc.text
    words = _WORD.findall(text[max(0, m.start() - 40) : m.start()])
    while words and words[-1].lower() in _ADVERBS:
        words.pop()
    return not words or words[-1].lower() not in _BE


# Adjectives that make `the Spanish Executive`, `the regional Executive` a calque rather than the
# name of a body: demonyms of the countries whose press calls its government *el Ejecutivo*, *o
# Executivo*, *l'esecutivo*, *l'exécutif*, and the usual Spanish and Italian qualifiers.
EXECUTIVE_ADJECTIVES = (
    "Spanish|Italian|Portuguese|Brazilian|Argentine|Argentinian|Mexican|Chilean|Peruvian|Colombian|Venezuelan"
    "|Ecuadorian|Bolivian|Uruguayan|Paraguayan|Cuban|French|German|Catalan|Basque|Galician|Andalusian|Valencian"
    "|Ukrainian|Russian|Israeli|Turkish|Greek|Polish|Romanian|Hungarian|Belgian|Dutch|Austrian|European"
    "|regional|central|national|community|autonomous|municipal|coalition|socialist|conservative|new|current"
    "|previous|outgoing|former|interim|caretaker|same"
)
_ADJECTIVE_SET = frozenset(EXECUTIVE_ADJECTIVES.split("|"))
# A capitalised word before ` Executive`: a named body (`Northern Ireland Executive`, `Chief
# Executive`, `Health Service Executive`) unless it is `The`, a determiner, a possessive
# (`Meloni's Executive`) or one of the calque adjectives above.
_BEFORE_EXECUTIVE = re.compile(r"(?<![\w.-])([A-Z][\w.-]*)(['\u2019]s)? Executive\b")
_EXECUTIVE_NAME = re.compile(r"\bExecutive [A-Z]")
_EXECUTIVE_CAPITAL = re.compile(r"Executive [A-Z]")  # _EXECUTIVE_NAME without its `\b` (checked after)
_EXECUTIVE_QUOTED = re.compile("Executive[\"\u201d\u2019']")  # what the quoted branches of _EXECUTIVE_DEFINED hold
_WORD_CHAR = re.compile(r"\w")
_EXECUTIVE_DEFINED = re.compile(
    r"[\"\u201c\u2018']Executive[\"\u201d\u2019']|[\"\u201c\u2018'][Tt]he Executive[\"\u201d\u2019']"
    r"|\bhereinafter\b|\bhereafter referred\b"
)
_NOT_NAME_WORDS = frozenset("The This That Its His Her Their Our Whose Every Each".split())
_DEVOLVED = ("Stormont", "Northern Ireland", "Holyrood", "Scottish", "Welsh", "Cardiff Bay", "Hong Kong", "Macau",
             # British local government, whose cabinet is often called "the Executive"
             "Borough Council", "County Council", "District Council", "Local Democracy", "senior councillors")
# Words of an employment, contract or company case, where `the Executive` is the defined term
# for a person (`the Executive's severance`, `the Executive agreed to...`). Two distinct ones
# make the article such a case.
_EMPLOYMENT_CUES = (
    "severance", "employment", "employer", "tribunal", "claimant", "plaintiff", "non-compete", "noncompete",
    "termination", "remuneration", "payout", "golden parachute", "unfair dismissal", "wrongful dismissal",
    "shareholder", "board of directors", "stock options", "employment contract", "employment agreement",
    "contract of employment", "bonus",
)
# Nouns that `Executive` modifies (the adjective): `the Executive branch`, `the Executive board`.
_EXECUTIVE_NOUNS = frozenset(
    """
    branch branches board boards committee committees council councils director directors officer officers
    chairman chairwoman chair chairs summary summaries order orders producer producers editor editors member
    members session sessions power powers pay team teams suite suites function functions role roles position
    positions vice assistant assistants body bodies search searches compensation bonus bonuses salary salaries
    share shares level levels management education agency agencies privilege privileges authority authorities
    class mansion residence jet jets lounge chef chefs coach coaches secretary secretaries producer leadership
    vice-president vice-chairman vice-chair staff floor car cars box boxes edition editions
    """.split()
)
_NEXT_WORD = re.compile(r"[ \u00a0]*([^\W\d_][\w'\u2019-]*)")


def executive_is_a_name(doc: Document, ctx: Context) -> bool:
    """The article names a body '... Executive' or 'Executive ...', defines 'the Executive' as a term,
    is about a devolved UK (or Hong Kong) government or a British council, or is an employment,
    contract or company case (an analysis: the guard runs per match, the article is read once)."""
    text = doc.text
    if any(name in text for name in _DEVOLVED):
        return True
    if _executive_name(text) or _executive_defined(text):
        return True
    for lo, hi in _lines_with(text, " Executive"):  # a match holds no line break
        for m in _BEFORE_EXECUTIVE.finditer(text, lo, hi):
            word = m.group(1)
            if m.group(2) or word in _NOT_NAME_WORDS or word in _ADJECTIVE_SET:
                continue
            return True
    low = ctx.get(lowered)
    cues = sum(1 for cue in _EMPLOYMENT_CUES if cue in low) + ("the Company" in text)
    return cues >= 2


def _executive_name(text: str) -> bool:
    """`Executive Committee`: _EXECUTIVE_NAME, found by its literal (a leading `\\b` is slow to scan)."""
    for m in _EXECUTIVE_CAPITAL.finditer(text):
        if m.start() == 0 or not _WORD_CHAR.match(text, m.start() - 1):
            return True
    return False


def _executive_defined(text: str) -> bool:
    """_EXECUTIVE_DEFINED, run only where one of its branches can match."""
    return (bool(_EXECUTIVE_QUOTED.search(text)) or "hereinafter" in text or "hereafter referred" in text) \
        and _EXECUTIVE_DEFINED.search(text) is not None


def _lines_with(text: str, needle: str, haystack: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that holds ``needle``, looked for in ``haystack`` (``text``
    lowercased, of the same length) when given."""
    hay = text if haystack is None else haystack
    out = []
    n = len(text)
    i = hay.find(needle)
    while i >= 0:
        lo = text.rfind("\n", 0, i) + 1
        hi = text.find("\n", i)
        hi = n if hi < 0 else hi
        out.append((lo, hi))
        i = hay.find(needle, hi)  # the next line that holds the needle
    return out


def executive_government(doc: Document, m: re.Match) -> bool:
    """`the Executive` is a noun for the government: followed by a verb, a preposition, a clause mark
    or `'s`, not by a noun it modifies or a name (`the Executive Committee`); and the article
    does not name an Executive body or use 'the Executive' as a defined term (that document-level
    part is :func:`executive_is_a_name`, checked through ``GUARD_FACTS``)."""
    text = doc.text
    after = text[m.end() : m.end() + 2]
    if after[:1] not in ("", "\n", ",", ".", ";", ":", ")", "'", "\u2019", " ", "\u00a0"):
        return False
    if after[:1] in ("'", "\u2019") and after[1:2] != "s":
        return False
    if after[:1] in (" ", "\u00a0"):
        nxt = _NEXT_WORD.match(text, m.end())
        if not nxt:
            return False
        word = nxt.group(1)
        if word[0].isupper() or word.lower() in _EXECUTIVE_NOUNS:
            return False
    return True


no_named_executive = executive_government  # the guard's former name


_TITLE_WORDS = re.compile(r"[A-Za-z][\w'\u2019-]*")


def not_title_or_treaty(doc: Document, m: re.Match) -> bool:
    """The match is in running text: not in a Title Case line and not in a treaty title
    (`Agreement between the Government of Spain and...`)."""
    text = doc.text
    ls = text.rfind("\n", 0, m.start()) + 1
    le = text.find("\n", m.end())
    line = text[ls : le if le >= 0 else len(text)]
    ws = [w for w in _TITLE_WORDS.findall(line) if w.lower() not in _SMALL_WORDS]
    if ws and len(ws) <= 20 and sum(1 for w in ws if w[0].isupper()) * 4 >= len(ws) * 3:
        return False
    before = text[max(ls, m.start() - 60) : m.start()]
    return not re.search(r"\b(?:between|Between|Agreement|Treaty|Convention|Memorandum|Protocol)\b", before)


_SMALL_WORDS = frozenset("a an the of and or in on at to for by with from de del la".split())


# `assured on Monday that`, `assured in an interview that`: an adverbial, then `that`, and no person
# assured in between (`assured on Monday the families that` names one: English word order aside, the
# verb has its object).
_CLAUSE_END = re.compile(r"[.;:!?\n\"\u201c\u201d]")
_OBJECT_PRONOUNS = frozenset("him her them us me you everyone everybody anyone anybody nobody".split())


def that_after_adverbial(doc: Document, m: re.Match) -> bool:
    """`that` follows the adverbial within the clause, with no person assured before it."""
    text = doc.text
    stop = _CLAUSE_END.search(text, m.end(), m.end() + 120)
    clause = text[m.end() : stop.start() if stop else m.end() + 120]
    t = re.search(r",? that\b", clause)
    if not t:
        return False
    gap = clause[: t.start()].split()
    if any(w.lower().strip(",") in _OBJECT_PRONOUNS for w in gap):
        return False
    return not_passive(doc, m)


# `recalled that the law requires...`: Spanish *recordar*, Italian *ricordare*, Portuguese *lembrar*
# mean "point out" as well as "remember". A memory is told in the past (`recalled that her father
# was a miner`); a present or future fact is a point being made (`recalled that the law requires`).
_PRESENT_VERBS = frozenset(
    """
    is are am isn't aren't has have hasn't haven't does do doesn't don't will won't can cannot can't must shall
    remains remain continues continue requires require allows allow belongs belong depends depend needs need
    means mean includes include prohibits prohibit provides provide establishes establish obliges oblige
    forbids forbid states guarantees guarantee applies apply exists exist corresponds correspond lacks lack
    contains contain maintains represents represent affects affect keeps keep holds hold stands stand
    """.split()
)
_PAST_VERBS = frozenset(
    "was were had did could would might should wasn't weren't hadn't didn't couldn't wouldn't".split()
) | _IRREGULAR_PAST
_FIRST_PERSON = frozenset("i we".split())
_PERSONAL_PRONOUNS = frozenset("i we you he she they".split())


_SENTENCE_END = re.compile(r"[.;:!?\n]")
_S_VERB = re.compile(r"[a-z]{3,}[^su\W]s")  # a lowercase third-person form: hosts, needs, remains (not -ss, -us)
_NOT_S_VERBS = frozenset("has was does its this his hers ours yours theirs news series species".split())


def present_complement(doc: Document, m: re.Match) -> bool:
    """The `that` clause states a present or future fact (its first verb is present or future),
    the subject is not `I`/`we`, and the clause does not start with a personal pronoun."""
    text = doc.text
    before = _WORD.findall(text[max(0, m.start() - 30) : m.start()])
    if before and before[-1].lower() in _FIRST_PERSON | {"to", "worth"}:
        return False
    if len(before) > 1 and before[-1].lower() in ("has", "have", "had", "also") and before[-2].lower() in _FIRST_PERSON:
        return False
    stop = _SENTENCE_END.search(text, m.end(), m.end() + 160)  # a quoted clause counts: `that Israel "will not..."`
    clause = text[m.end() : stop.start() if stop else m.end() + 160].split(",", 1)[0]
    raw = [w.strip("'\u2019") for w in TOKEN_WORD_RE.findall(clause)]  # the clause after `that`, to its first comma
    words = [w.lower() for w in raw]
    if not words or words[0] in _PERSONAL_PRONOUNS:
        return False
    if len(raw) > 1 and raw[0][:1].isupper() and _S_VERB.fullmatch(raw[1]) and raw[1].lower() not in _NOT_S_VERBS:
        return True  # a name, then a verb in -s: `that Turkey hosts`, `that Brazil needs`
    for i, w in enumerate(words[:10]):
        if w in _PRESENT_VERBS:
            return True
        if w in _PAST_VERBS or (w.endswith("ed") and len(w) > 4 and w not in _ED_NOT_PAST):
            return False
    return False


# `Rama has underlined that`, `she underlined how`: a person underlines; `the crisis underlined
# how fragile...` is English (it showed).
_PERSON_NOUNS = frozenset(
    """
    minister president premier mayor spokesman spokeswoman spokesperson leader secretary chairman chairwoman
    director governor chancellor ambassador commissioner coach manager prosecutor judge lawyer senator deputy
    mp official officials ministers leaders he she they who
    """.split()
)


def person_subject(doc: Document, m: re.Match) -> bool:
    """The subject before the verb (auxiliaries and adverbs skipped) is a person: a pronoun, a person
    noun, or a capitalised name that does not open the sentence (`In an interview, Rama has...`)."""
    text = doc.text
    lo = max(0, m.start() - 60)
    ws = list(re.finditer(r"[A-Za-z][\w'\u2019.-]*", text[lo : m.start()]))
    while ws and ws[-1].group().lower() in ("has", "have", "had", "also", "again", "repeatedly", "then", "once"):
        ws.pop()
    if not ws:
        return False
    w = ws[-1].group()
    if w.lower() in _PERSON_NOUNS:
        return True
    if not w[0].isupper() or w in _NOT_NAME_WORDS:
        return False
    before = text[max(0, lo + ws[-1].start() - 4) : lo + ws[-1].start()].rstrip(" \u00a0\"\u201c'\u2018")
    return bool(before) and before[-1] not in ".!?\n" or (len(ws) > 1 and ws[-2].group()[0].isupper()
                                                           and ws[-2].group() not in _NOT_NAME_WORDS)


# `debates this Tuesday the reform`: the weekday between a verb and its object.
_VERB_NOT = frozenset("is was has does its this his hers yours ours theirs us".split())


def verb_before(doc: Document, m: re.Match) -> bool:
    """The word before the weekday is a lowercase verb form in -s or -ed (`debates`, `approved`)."""
    words = doc.text[max(0, m.start() - 30) : m.start()].split()
    if not words:
        return False
    w = words[-1]
    if not w.isalpha() or not w.islower() or len(w) < 4 or w in _VERB_NOT:
        return False
    if w.endswith("ed"):
        return _is_past_form(w, words[-2] if len(words) > 1 else "")
    return w.endswith("s") and not w.endswith(("ss", "us", "is"))


# `with three dates remaining`, `the fifth date of the tournament`: Spanish *fecha*, a round of a league.
_SPORT_CUES = ("goal", "league", "championship", "tournament", "standings", "coach", "striker", "match",
               "points", "stadium", "derby", "kick-off")


def sports_context(doc: Document, m: re.Match) -> bool:
    """The article is a sports report (two cue words) and the sentence is not about a tour."""
    low = doc.text.lower()
    if sum(1 for c in _SPORT_CUES if c in low) < 2:
        return False
    ss, se = _sentence_span(doc, m.start())
    return "tour" not in low[ss:se]


_EU_CONTEXT = ("European Commission", "Commission", "Brussels", "EU ", "EU's", "Council")


def not_eu_context(doc: Document, m: re.Match) -> bool:
    """The article is not about the EU, whose press office does call its briefings 'press points'."""
    return not any(c in doc.text for c in _EU_CONTEXT)


# `," the head of the government has settled.`: the verb closes the attribution of a quotation.
_ATTRIBUTION = re.compile(r"[,?!] ?[\"\u201d\u00bb'\u2019] (?:[\u2013\u2014] )?")


def after_quotation(doc: Document, m: re.Match) -> bool:
    """The match ends the attribution of a quotation: `," the minister has settled`, within a few words."""
    text = doc.text
    lo = max(0, m.start() - 90)
    last = None
    for last in _ATTRIBUTION.finditer(text, lo, m.start()):
        pass
    if last is None:
        return False
    between = text[last.end() : m.start()]
    if re.search(r"[.!?,\n\"\u201c\u00ab]", between) or len(between.split()) > 8:
        return False
    return not any(w.lower() in _NOT_ATTRIBUTION for w in _WORD.findall(between))


# Words that show the quotation was already attributed, or a new clause began: `," she said, as she has`.
_NOT_ATTRIBUTION = frozenset("said says told added asked wrote replied as and but while who which when after before".split())


_MONTHS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|\b\d{1,2}[/.-]\d{1,2}\b|\b\d{4}-\d{2}"
)
_MONTH_NAMES = re.compile(r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b")
# Ordinals that count something other than days: holes, laps, floors, rounds, minutes.
_ORDINAL_THINGS = re.compile(
    r"\b(?:holes?|laps?|floors?|storey|rounds?|minutes?|innings?|stages?|tee|fairway|birdie|bogey|par|green"
    r"|century|centuries|anniversary|birthday|place|seed|pick|district|amendment|precinct|ward|grade|edition"
    r"|generation|chapter|verse|step|attempt|try|game|match|frame|set|bar|stanza|division)\b"
    r"|\b(?:birdie|bogey|eagle|double-bogey)",
    re.I,
)


def bare_day_of_month(doc: Document, m: re.Match) -> bool:
    """`on the 12th,` names a day of the month with no month before it in its paragraph (nor a month
    name in the sentence before), and the paragraph does not count holes, laps, floors or rounds.
    A month after it (`from January to October`) is a period, not the date's month."""
    p = doc.paragraph_index(m.start())
    ps, pe = doc.paragraphs[p] if p is not None else (max(0, m.start() - 300), m.end() + 300)
    if _MONTHS.search(doc.text, ps, m.start()) or _ORDINAL_THINGS.search(doc.text, ps, pe):
        return False
    i = doc.sentence_index(m.start())
    if i is not None and i > 0 and doc.sentences[i - 1].start < ps:  # the sentence before, in prose
        prev = doc.sentences[i - 1]
        return not _MONTH_NAMES.search(doc.text, prev.start, prev.end)
    return True


_UTILITY = re.compile(
    r"\b(?:electricity|power supply|power|light|heating|heat|gas|water supply|de-?energi[sz]ed|blackouts?|outages?"
    r"|energy|grid|substations?)\b",
    re.I,
)
_MEDIA = re.compile(r"\b(?:channel|newsletter|streaming|subscription|broadband|internet|mobile|TV|podcast|YouTube|app)\b", re.I)


def utility_customers(doc: Document, m: re.Match) -> bool:
    """The sentence is about an energy or water supply (not media, internet or phone subscribers)."""
    ss, se = _sentence_span(doc, m.start())
    sentence = doc.text[ss:se]
    return bool(_UTILITY.search(sentence)) and not _MEDIA.search(sentence)


def sentence_start(doc: Document, m: re.Match) -> bool:
    """The match opens a sentence (or a line)."""
    return _sentence_initial(doc.text, m.start())


def person_named(doc: Document, m: re.Match) -> bool:
    """Group ``n`` is a first name, not a place (`the Government of Benjamin Netanyahu`, not `of Israel`)."""
    from ..analysis.people import first_names
    from ..lexicon import geo

    name = m.group("n")
    return name.lower() in first_names() and not geo.is_place(name.lower())


_NOT_SUBJECT = frozenset("most more least less so as too the a an well highly better best fully".split())


def active_verb(doc: Document, m: re.Match) -> bool:
    """The verb is active with a subject before it: not passive (`was informed that`) nor an
    adjective (`the most advanced that`)."""
    words = _WORD.findall(doc.text[max(0, m.start() - 40) : m.start()])
    return not_passive(doc, m) and not (words and words[-1].lower() in _NOT_SUBJECT)


_ENGLISH_CHARTER = re.compile(r"\b(?:1215|King John|Runnymede|barons|medieval|Magna Carta Holy Grail|British Library)\b")


def not_english_charter(doc: Document, m: re.Match) -> bool:
    """The article speaks of a constitution (`constitution`, `constitutional`) and not of the charter
    of 1215 (King John, Runnymede, barons)."""
    return "onstitution" in doc.text and not _ENGLISH_CHARTER.search(doc.text)


_FRENCH = re.compile(r"\b(?:France|French|Paris|Marseille|Lyon)\b")


def french_context(doc: Document, m: re.Match) -> bool:
    """The article is about France (so `the Hexagon` is the country, not a building)."""
    return bool(_FRENCH.search(doc.text)) and "theatre" not in doc.text and "theater" not in doc.text


def not_quoted(doc: Document, m: re.Match) -> bool:
    """The match is in the reporter's text, not in a quotation (`"Our national team fought," he said`)."""
    return not doc.in_quote(m.start())


def not_quoted_term(doc: Document, m: re.Match) -> bool:
    """The match is not a short quoted term (`a “critical infrastructure object” caught fire`): a
    reporter who quotes a few words marks them as the source's own wording, cited on purpose."""
    if not doc.in_quote(m.start()):
        return True
    i = bisect_right(doc.quote_starts, m.start()) - 1
    q = doc.quotes[i]
    return len(doc.text[q.start : q.end].split()) > 5


_CHURCH = re.compile(r"\b(?:[Cc]ardinals?|[Pp]ope|Vatican|[Cc]hurch|Catholic|[Bb]ishops?|Holy See|Lutheran|[Pp]resbyter)")


def secular_context(doc: Document, m: re.Match) -> bool:
    """The article is not about a church (whose consistories are real: cardinals, the pope, the Vatican)."""
    return not _CHURCH.search(doc.text)


_NOT_SURNAME = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Last Next This That Today Yesterday""".split()
)


def surname_after(doc: Document, m: re.Match) -> bool:
    """Group ``n`` after `the government` is a surname: capitalised mid-sentence, not a weekday or month
    (US `the government Tuesday said`), not a common English word, not a place."""
    from ..lexicon import geo

    name = m.group("n")
    if name in _NOT_SURNAME or _sentence_initial(doc.text, m.start("n")):
        return False
    low = name.lower()
    return (words.zipf(low) or 0.0) < 3.0 and not geo.is_place(low)


_POLITICAL = (
    "election", "parliament", "voter", " vote", " mp ", " mps", "lawmaker", "senator", "congress", "coalition",
    "campaign", "opposition", "polls", "political", "party leader", "labour", "conservative", "democrat",
    "republican", "ruling party", "manifesto", "leadership", "seats", "caucus", "president", "prime minister",
)


def non_political(doc: Document, m: re.Match) -> bool:
    """The article is not about politics (no election, parliament, voters, campaign...), where a person's
    `party` is a political party."""
    low = " " + doc.text.lower().replace(",", " ").replace(".", " ") + " "
    return not any(w in low for w in _POLITICAL)


GUARDS: dict[str, Callable[[Document, re.Match], bool]] = {
    "past_tense": past_tense,
    "perfect_before": perfect_before,
    "not_passive": not_passive,
    "no_named_executive": no_named_executive,
    "executive_government": executive_government,
    "not_title_or_treaty": not_title_or_treaty,
    "that_after_adverbial": that_after_adverbial,
    "present_complement": present_complement,
    "person_subject": person_subject,
    "sports_context": sports_context,
    "not_eu_context": not_eu_context,
    "verb_before": verb_before,
    "after_quotation": after_quotation,
    "bare_day_of_month": bare_day_of_month,
    "utility_customers": utility_customers,
    "sentence_start": sentence_start,
    "person_named": person_named,
    "active_verb": active_verb,
    "not_english_charter": not_english_charter,
    "french_context": french_context,
    "not_quoted": not_quoted,
    "not_quoted_term": not_quoted_term,
    "secular_context": secular_context,
    "surname_after": surname_after,
    "non_political": non_political,
}

# Guards that read the whole article, not the match: decided once per document (a per-match scan
# of the whole text would make a rule quadratic).
DOCUMENT_GUARDS = frozenset({"not_english_charter", "french_context", "secular_context", "non_political"})
# Guards that also need a fact about the whole article: a per-document analysis (doc, ctx) -> bool that
# must be False for the guard to pass, got through the rule context (once per document, shared by the rules).
GUARD_FACTS: dict[str, Callable[[Document, Context], bool]] = {
    "executive_government": executive_is_a_name,
    "no_named_executive": executive_is_a_name,
}


# ---------------------------------------------------------------------------- the list


@cache
def calques() -> tuple[Calque, ...]:
    """Every row of calques.tsv, compiled."""
    out = []
    for row in lexicon.table(CALQUES_FILE):
        if len(row) != 7:
            raise ValueError(f"{CALQUES_FILE}: expected 7 tab-separated columns, got {len(row)}: {row[:2]}")
        name, pattern, suggestion, explanation, guard, flag, passes = row
        if guard != "-" and guard not in GUARDS:
            raise ValueError(f"{CALQUES_FILE}: unknown guard {guard!r} for {pattern!r}")
        out.append(
            Calque(
                rule=name,
                pattern=re.compile(pattern),
                suggestion=suggestion,
                explanation=explanation,
                guard=None if guard == "-" else guard,
                flag=tuple(x.strip() for x in flag.split(" || ")),
                passes=tuple(x.strip() for x in passes.split(" || ")),
                needles=(needle_tuples := needles(pattern, parsed := _parse(pattern))),
                anchors=(found := anchors(pattern, parsed)),
                width=(widths := match_width(pattern, parsed))[0],
                ahead=widths[1],
                anchor_bytes=tuple(tuple(w.encode("ascii") for w in cover) for cover in found),
                needles_first=_needles_first(found, needle_tuples),
                exact=exact_run(parsed),
                exact_next=exact_gate(parsed),
            )
        )
    return tuple(out)


def _needles_first(found: tuple[tuple[str, ...], ...], needle_tuples: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the first needles (single words of five letters or more) beat an anchor tuple that
    holds a stop word: `the` is in every article, a rare word in few."""
    return (bool(found) and bool(needle_tuples) and any(w in _ANCHOR_STOPWORDS for w in found[0])
            and all(len(n) >= 5 and n.isalpha() for n in needle_tuples[0]))


@cache
def _rows(name: str) -> tuple[Calque, ...]:
    return tuple(c for c in calques() if c.rule == name)


def _sentence_initial(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset].rstrip(" \"'\u201c\u2018")
    return not before or before[-1] in ".!?\n"


def lowered(doc: Document, ctx: Context) -> str:
    """The article in lowercase, shared by the calque rules (an analysis: computed once per document)."""
    return doc.text.lower()


@cache
def _all_needles() -> tuple[str, ...]:
    return tuple(sorted({n for c in calques() for alts in c.needles for n in alts}))


def present_needles(doc: Document, ctx: Context) -> frozenset[str]:
    """The calque needles the article contains (an analysis shared by the calque rules); only the
    needles of rows without anchor words are searched."""
    low = ctx.get(lowered)
    return frozenset(n for n in _fallback_needles() if n in low)


@cache
def _fallback_needles() -> tuple[str, ...]:
    return tuple(sorted({n for c in calques() if not c.anchors for alts in c.needles for n in alts}))


# Every byte but a-z becomes a space: the article's ASCII words, split at anything else (a non-ASCII
# character is first replaced by '?'). A superset of the whole words a pattern can match: a word
# next to a digit or an accented letter is still listed (``\b`` would not match there).
_ASCII_WORDS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def word_set(doc: Document, ctx: Context) -> frozenset[bytes]:
    """The article's lowercase ASCII words, as bytes (an analysis shared by the calque rules).

    Encoding, one byte-table translation and a split cost a third of a regular expression's
    ``findall`` of the words; anchor words are ASCII (see :func:`anchors`).
    """
    return frozenset(ctx.get(lowered).encode("ascii", "replace").translate(_ASCII_WORDS).split())


def needle_positions(doc: Document, ctx: Context) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """A per-article cache of the spans of each tuple of needles, filled as the calque rules search
    (an analysis: rows that share needles, such as the weekdays, find them once)."""
    return {}


@cache
def _anchor_index() -> tuple[dict[bytes, tuple[int, ...]], frozenset[bytes]]:
    """(anchor word of a row's first tuple -> the rows, as indexes into calques(); all such words)."""
    index: dict[bytes, list[int]] = {}
    for k, c in enumerate(calques()):
        for w in c.anchor_bytes[0] if c.anchor_bytes else ():
            index.setdefault(w, []).append(k)
    return {w: tuple(ks) for w, ks in index.items()}, frozenset(index)


def candidate_rows(doc: Document, ctx: Context) -> frozenset[int]:
    """The rows (indexes into calques()) whose anchor words the article holds (an analysis)."""
    words = ctx.get(word_set)
    index, anchor_words = _anchor_index()
    rows = calques()
    out = set()
    for w in anchor_words & words:
        for k in index[w]:
            if k not in out and rows[k].may_match_words(words):
                out.add(k)
    return frozenset(out)


@cache
def _row_indexes(name: str) -> tuple[int, ...]:
    return tuple(k for k, c in enumerate(calques()) if c.rule == name)


def _find(doc: Document, ctx: Context, name: str) -> Iterator[Finding]:
    text = doc.text
    present = None
    candidates = ctx.get(candidate_rows)
    rows = calques()
    low = positions = words = None
    facts: dict[str, bool] = {}  # document-level guards, decided once
    for k in _row_indexes(name):
        c = rows[k]
        if c.anchors:
            if k not in candidates:
                continue
        else:
            if present is None:
                present = ctx.get(present_needles)
            if not c.may_match(present):
                continue
        if low is None:
            low, positions, words = ctx.get(lowered), ctx.get(needle_positions), ctx.get(word_set)
        for m in c.finditer(text, low, positions, words):
            s, e = m.span("x") if "x" in c.pattern.groupindex and m.group("x") is not None else m.span()
            if doc.in_non_prose(s, e):
                continue
            if c.guard:
                fact = GUARD_FACTS.get(c.guard)
                if fact is not None and ctx.get(fact):
                    continue
                ok = facts.get(c.guard) if c.guard in DOCUMENT_GUARDS else None
                if ok is None:
                    ok = GUARDS[c.guard](doc, m)
                    if c.guard in DOCUMENT_GUARDS:
                        facts[c.guard] = ok
                if not ok:
                    continue
            suggestion = m.expand(c.suggestion)
            if text[s : s + 1].isupper() and suggestion[:1].islower() and _sentence_initial(text, s):
                suggestion = suggestion[:1].upper() + suggestion[1:]
            yield Finding(
                s,
                e,
                f"Calque: '{text[s:e]}' — {c.explanation}",
                suggestion=suggestion,
                fix=(Edit(s, e - s, suggestion),) if c.rule != "calque" else (),
            )


# ---------------------------------------------------------------------------- the rules


@rule(
    code="TQ901",
    name="this-weekday",
    category="style",
    severity="minor",
    summary="`this Monday` for a day just past (Spanish *este lunes*); English says `on Monday`.",
    flags=[
        "Lukashenko, who had been defensive, ironized [[this Monday]] about the concern of the West.",
        "[[This Sunday]], Zelensky stressed that Ukraine is ready.",
        "[[This Monday]], in the midst of new attacks, President Zelensky has renewed his requests.",
        "The singer died on the night of [[this Thursday]], at 84.",
    ],
    passes=[
        "The next round of talks is due to take place this Monday in London.",
        "Ledgerly's chief executive is scheduled to answer questions this Monday, the company said.",
        "This Sunday, the church will hold a service, and this past Monday it was closed.",
        "“We meet this Monday,” he said.",
        "The singer died on Friday; the wake will be held this Saturday at the City Council.",
    ],
)
def this_weekday(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A weekday with `this` in a sentence that reports a past event (a past or
    perfect verb, no future cue): `rejected this Thursday the motion`,
    `This Sunday, Zelensky stressed`. Also `the past Sunday`, `yesterday
    Monday`, `the day of yesterday` and the Russian `on the night to Monday`.
    `this Monday` about the coming Monday (`will`, `is expected to`, `is due
    to`, `plans to`), `this past Monday` and quotations in the present are English.
    Also the day placed between a verb and its object (`debates this Tuesday
    the reform`), and Spanish and Portuguese dates: `the past 14 of March`,
    `the past month of March`, `on the day 14 of March`, `on the day 14,`.

    ## Why it matters
    Spanish *este lunes* and Portuguese *nesta segunda* name the day of the
    week just past; English `this Monday` points to the coming one, so the
    reader gets the date wrong.

    ## Example
    ```
    Peru's Congress rejected this Thursday the motion of vacancy.
    This Sunday, Zelensky stressed that Ukraine is ready.
    ```

    ## Use instead
    ```
    Peru's Congress on Thursday rejected the motion of vacancy.
    On Sunday, Zelensky stressed that Ukraine is ready.
    ```
    """
    yield from _find(doc, ctx, "this-weekday")


@rule(
    code="TQ902",
    name="time-phrase-calque",
    category="style",
    severity="minor",
    summary="`These weeks,`, `have stated these days`, `in the next days`: Spanish time phrases word for word.",
    flags=[
        "[[These weeks]], the Kremlin is focusing its offensive on Donbas.",
        "Voices related to the group have stated [[these days]] on their channels that it is over.",
        "The decision will be announced [[in the next days]].",
    ],
    passes=[
        "These days, prices are high, and these weeks have been hard.",
        "The decision will be announced in the next few days.",
    ],
)
def time_phrase_calque(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Time phrases translated word for word: `These weeks,` (Spanish *Estas
    semanas*), `is focusing these weeks`, `have stated these days` (*estos
    días*, meaning recently), `in the next days` (*en los próximos días*),
    `in the last hours` (*en las últimas horas*, Italian *nelle ultime ore*;
    `in the last days of the war` is English).
    `These days` in the sense of "nowadays" is English and is left alone.

    ## Why it matters
    In English `these days` means "nowadays" and `these weeks` is not a time
    adverbial; the reader has to guess that "recently" was meant.

    ## Example
    ```
    These weeks, the Kremlin is focusing its offensive on Donbas.
    ```

    ## Use instead
    ```
    In recent weeks, the Kremlin has focused its offensive on Donbas.
    ```
    """
    yield from _find(doc, ctx, "time-phrase-calque")


@rule(
    code="TQ903",
    name="government-calque",
    category="style",
    severity="minor",
    summary="`the Executive` for the government, `president of the Government` for the prime minister.",
    flags=[
        "High officials of [[the Executive]] of Volodímir Zelenski even speak of it.",
        "The [[president of the Government]], Pedro Sánchez, did not speak in the debate.",
        "According to [[the Viminale]], 3,000 migrants landed, and [[the Spanish Executive]] agreed.",
    ],
    passes=[
        "The company's chief executive said the Executive Committee and the executive branch agreed.",
        "The Northern Ireland Executive met. Ministers said the Executive has not met since May.",
        'The contract names him as the employee (the "Executive"), and the Executive has agreed to it.',
        "The Elysée, the Kremlin, Downing Street and the White House declined to comment at the Moncloa Palace.",
        "The Government has a majority, and the government of Spain met at Government House.",
    ],
)
def government_calque(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Spanish and Portuguese names for the government translated word for word:
    `the Executive` used as a noun for the government (*el Ejecutivo*),
    `president of the Government` (*presidente del Gobierno*, the prime
    minister), `mandatary` (*mandatario*), `sources of the Ministry`; `the
    Spanish Executive`, `the regional Executive`, `the Executive's spokeswoman`;
    `the Government of Spain` with a capital G; `the President of the Republic`
    (Italian, French, Portuguese); and the seats of government the source
    press names instead of the institution: `the Moncloa`, `the Viminale`,
    `the Farnesina`, `the Quirinale`, `the Planalto` (not `the Moncloa
    Palace`, nor `the Elysée`, `the Kremlin`, `Downing Street`, which English
    uses). `chief executive`, `the Executive Committee`, `the executive
    branch`, and articles about a body named "... Executive" (the Northern
    Ireland Executive, Hong Kong's Chief Executive), or that use "the
    Executive" for a person in a contract, court or company case (a defined
    term, or two employment words such as severance, tribunal, employer) are
    left alone; so are British `the Government`, treaty titles and Title Case
    lines.

    ## Why it matters
    English news calls a government "the government"; `the Executive` reads as
    a company officer, and `president of the Government` as a wrong title.

    ## Example
    ```
    A spokesman for the Executive, Steffen Hebestreit, has stated that...
    ```

    ## Use instead
    ```
    A government spokesman, Steffen Hebestreit, said that...
    ```
    """
    yield from _find(doc, ctx, "government-calque")


@rule(
    code="TQ904",
    name="reporting-verb-calque",
    category="style",
    severity="minor",
    summary="Reporting verbs translated word for word: `assured that`, `has valued`, `has settled:`, `ironized`.",
    flags=[
        "The Executive has [[assured]] that there is no risk of water shortage.",
        "Lukashenko [[ironized]] about the concern of the West.",
        "The president has [[settled]]: there will be no referendum.",
        "“The situation is under control,” [[specified]] the prefect, who [[recalled]] that the law requires it.",
    ],
    passes=[
        "A support agent eventually assured her that her records were intact.",
        "Rest assured that the two sides have settled the dispute; it was ironic.",
    ],
)
def reporting_verb_calque(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Spanish and Portuguese reporting verbs carried over literally: `assured
    that` with nobody assured (*aseguró que*, said), `has valued positively`
    (*valoró*, praised), `has settled:` (*zanjó*, concluded), `ironized`
    (*ironizó*, joked), `manifested that`, `pronounced himself`, `has charged
    against`, `in declarations to`, `declared to the press`, `assured in an
    interview that`, `recalled that the law requires` (*recordó que*, Italian
    *ha ricordato che*: a present or future fact, not a memory), `has
    underlined that`, and a quotation attributed with a verb English does not
    use there (`," specified the prefect`, `," she underlined`: French *a
    précisé*, Italian *ha sottolineato*). `assured him that`, `rest assured`,
    `was assured`, `settled the dispute`, `recalled that her father was a
    miner`, `," recalled his sister` and `," added Ms Rossi` are English and
    left alone.

    ## Why it matters
    In English you assure someone of something; `he assured that Moscow does
    not want...` is a calque of *aseguró*, which simply means "said" or
    "insisted". Readers notice the translation.

    ## Example
    ```
    The Executive has assured that there is no risk of water shortage.
    ```

    ## Use instead
    ```
    The government has said that there is no risk of water shortage.
    ```
    """
    yield from _find(doc, ctx, "reporting-verb-calque")


@rule(
    code="TQ905",
    name="calque",
    category="style",
    severity="minor",
    summary="Other literal translations: `put in value`, `the also former minister`, `sanitary crisis`.",
    flags=[
        "The project aims to [[put in value]] the heritage of the region.",
        "The [[sanitary]] crisis forced the closure of schools.",
        "The government [[counts with]] the support of the nationalist parties.",
        "[[Sumiati (52)]] said she had lost her house to the ash.",
    ],
    passes=[
        "Sanitary and phytosanitary measures were agreed; he can count on the support of teachers.",
        "He realized an attack was coming.",
        "Kane (23) and Salah (19) lead the scoring; Sumiati, 52, said the ash fell (21) times.",
    ],
)
def calque(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Phrases that keep the source language's words where English uses others:
    `put in value` (*poner en valor*, highlight), `the also former minister`
    (*el también exministro*), `counts with the support` (*cuenta con*),
    `realized an operation` (*realizar*, carried out), `sanitary crisis`
    (*crisis sanitaria*, health crisis), `a hundred of protesters`, `has
    compromised to` (*se ha comprometido a*), `the summit was celebrated`
    (*se celebró*, was held), `infrastructure object` (Russian *объект*),
    `in the Hexagon` (French, France), `a press point` and `according to our
    information` and `Joined by telephone,` (French), `in the framework of`
    (German *im Rahmen*), `dozens of thousands`, `in function of`, `give
    continuity to`, `the referred law`, `with three dates remaining` in a
    sports report (Spanish *fechas*, rounds). The full list, with a near-miss
    for each pattern, is `tqcheck/lexicon/data/calques.tsv`.

    ## Why it matters
    Each phrase is a false friend: the English words exist but mean something
    else, so the sentence says something the source did not.

    ## Example
    ```
    The summit was celebrated in Madrid and the government counts with the support of its partners.
    ```

    ## Use instead
    ```
    The summit was held in Madrid and the government has the support of its partners.
    ```
    """
    yield from _find(doc, ctx, "calque")
    yield from _age_in_brackets(doc)


# `Sumiati (52) said`: an age in brackets after a name (the German, Dutch, Polish and Indonesian press
# convention); English writes `Sumiati, 52, said`. The bracket is found by its literal `(`, then the
# word before it must be a capitalised name (not a sentence start) and a verb or apposition follow.
_AGE = re.compile(
    r"\(([1-9]\d)\)(?=,? (?:who|said|says|told|was|is|has|had|a|an|from|admitted|explained|recalled|added|lives"
    r"|lost|works|died|went|fled|managed)\b)"
)
_NAME_BEFORE = re.compile(r"(?<![\w'\u2019-])([A-Z][a-z]{2,}) $")


def _age_in_brackets(doc: Document) -> Iterator[Finding]:
    text = doc.text
    if "(" not in text:
        return
    for m in _AGE.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is None:
            continue
        s, e = before.start(1), m.end()
        name = before.group(1)
        if name in _NOT_NAME_WORDS or _MONTH_NAMES.fullmatch(name) or doc.in_non_prose(s, e) or doc.in_quote(s):
            continue
        suggestion = f"{name}, {m.group(1)},"
        yield Finding(s, e, f"Calque: '{text[s:e]}' — an age in brackets after a name is the German, Dutch, "
                      "Polish and Indonesian press convention; English writes 'Name, 52,'", suggestion=suggestion)
