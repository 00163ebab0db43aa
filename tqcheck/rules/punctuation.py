"""Punctuation debris: marks that collide, stray spaces, doubled marks, glued words, mixed quotes.

Fragment-by-fragment translation and HTML scraping leave punctuation that no
editor would: a dash and a comma side by side where a parenthetical was cut
(`power —, It`), a space before a comma where an inline tag was, a word glued
to the next one where a link was removed (`Barcelonawhere`), and quotation
marks of two styles where paragraphs came through different pipelines.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from operator import methodcaller

from ..analysis.people import first_names
from ..document import Document
from ..lexicon import geo, words
from ..model import Edit, Finding
from ..segment import period_is_abbreviation
from .base import Context, rule
from .style import lowered, word_set

# ---------------------------------------------------------------------------- TQ801

# Each pattern starts with a literal character, so scanning is fast; the checks follow in code.
_COLLISIONS = (
    re.compile(r"\u2014[ \u00a0]?[,;]"),  # `power —, It`
    re.compile(r"\u2013[ \u00a0]?[,;]"),
    re.compile(r"-(?<= -)[,;]"),
    re.compile(r",[ \u00a0]?[.;:)](?![.\d])"),  # `,.` `,;` `,)`
    re.compile(r";[ \u00a0]?[,.:](?![.\d])"),
    re.compile(r":[ \u00a0]?[,.;](?![.\d/])"),
    re.compile(r"\([ \u00a0]*[,.;](?!\w)"),  # `(,` (not `(.com`)
    re.compile(r"\.,(?!\d)"),  # `warnings.,`
)
# Each pattern's first character: a pattern whose lead the text lacks is not run.
_COLLISION_LEADS = tuple(zip(("\u2014", "\u2013", "-", ",", ";", ":", "(", ".,"), _COLLISIONS, strict=True))
_ABBREV_LOWER = frozenset("approx incl excl govt dept misc esp corp asst assn natl intl univ".split())


@rule(
    code="TQ801",
    name="punctuation-collision",
    category="punctuation",
    severity="minor",
    summary="Two punctuation marks that cannot meet (`—,`, `,.`, `(,`): debris of a cut sentence.",
    flags=[
        "a bolster that was instrumental in staying in power [[—,]] It has remained in balance.",
        "The minister resigned[[,.]] The talks ended.",
        "He left the room [[(,]] quietly) and the vote went on.",
        "The court ruled on the appeal[[.,]] and the families left.",
        "A bolster that kept him in power [[-,]] It has remained in balance.",
    ],
    passes=[
        "The company, based in Washington, D.C., said it would appeal; etc., and more.",
        "It was 10 a.m., the vote was 3:2, and the U.S., Britain and France agreed.",
        "The match—a derby, the biggest of the year—ended 2-1. He said: “No.”",
        "See https://example.com/a,.b for details; approx., incl., the ratio 2:1 and the (.com) boom.",
    ],
)
def punctuation_collision(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Punctuation marks that cannot stand together in English: a dash followed
    by a comma (`power —, It`), a comma followed by a period, semicolon or colon
    (`,.` `,;`), a semicolon or colon followed by another mark, a comma or
    period inside the edge of a parenthesis (`(,` `,)`), and a comma after a
    sentence period (`warnings.,`). Abbreviations (`D.C.,`, `a.m.,`, `etc.,`),
    ratios (`3:2`) and URLs are left alone.

    ## Why it matters
    These collisions appear where machine translation cut a sentence at an
    HTML boundary or where a dash pair lost one half. They show that a sentence
    was broken, and usually something around them needs fixing too.

    ## Example
    ```
    ...a bolster that was instrumental in staying in power —, It has remained in a precarious balance.
    ```

    ## Use instead
    ```
    ...a bolster that was instrumental in staying in power — has remained in a precarious balance.
    ```
    """
    text = doc.text
    hits = sorted(m.span() for lead, rx in _COLLISION_LEADS if lead in text for m in rx.finditer(text))
    last_end = -1
    for s, e in hits:
        if s < last_end or doc.in_non_prose(max(0, s - 1), e + 1):
            continue
        if text[s : s + 2] == ".,":
            word = re.search(r"[A-Za-z.]+$", text[max(0, s - 20) : s])
            w = word.group() if word else ""
            if len(w) < 4 or not w.islower() or w.lower() in _ABBREV_LOWER:
                continue
            if period_is_abbreviation(text, s, min(len(text), e + 1)):
                continue
        if text[s] == ":" and text[s - 1 : s].isdigit():
            continue
        if text[s] == " ":
            s += 1  # ` -,`: the span is the hyphen and the comma
        last_end = e
        yield Finding(s, e, f"Punctuation collision '{text[s:e]}': marks left over from a cut or joined sentence")


# ---------------------------------------------------------------------------- TQ802

# A space, then the mark: each pattern starts with a literal space (fast to scan).
# (lead, pattern): one pattern for an ordinary space (a literal first character, then the marks:
# one pass over the text), one each for the no-break spaces, run only when the text has them.
_SPACE_MARKS = (
    (" ", re.compile(r" [,;:!?.]")),
    ("\u00a0", re.compile("\u00a0[,;:!?.]")),
    ("\u202f", re.compile("\u202f[,;:!?.]")),
)
_AFTER_MARK = frozenset(" \t\r\n\"\u201c\u201d\u2019")
_BEFORE_SPACE = re.compile(r"[\w\"\u201d\u2019)\]]")
# `Plan. ”`: a space before a curly closing quote, or before a straight one that ends the paragraph.
# (each starts with the quote, a rare literal, and looks behind for the space: fast to scan)
_SPACE_CLOSE = (re.compile("\u201d(?<= \u201d)"), re.compile('"(?<= ")(?=[ \u00a0]*(?:\n|$)|[,.;:]| [a-z])'))


@rule(
    code="TQ802",
    name="space-before-punctuation",
    category="punctuation",
    severity="minor",
    summary="A space before a comma, period, colon or closing quote (`word ,`, `Plan. ”`).",
    flags=[
        "More than 200 works[[ ,]] coming from some forty museums, are gathered here.",
        "The loans took three years to negotiate[[ ;]] some paintings had never left.",
        "To read also[[ :]] Orpea announces the sale of 100 establishments",
        "“We have a plan.[[ ”]] The minister left.",
        '"We want to go as the best version of ourselves,[[ "]] she said.',
        "The agency ([[ ]]AFP[[ ]]) said “[[ ]]We will win,” and Putin[[ ’s]] aide agreed.",
        "According to the ministry[[ ,]]the number rose, and the bill passed[[ .]]The senate agreed.",
    ],
    passes=[
        "He paused ... and then said: “We have a plan.” The rest followed . . . slowly.",
        "The score was 3 : 2 in the end, and he smiled :) at the cameras.",
        'He said. "We will win," she replied. The bullet is .45 caliber.',
        "Prices rose 3 % in May.",
        "He smiled :( and said (a) first, (b) second; the 'Putin' s plan' and rock 'n' roll, the ’90s.",
        "argument: ( test [comp_for] | '*' test ) and the ( |x| x ) closure.",
        "The app runs on .NET and the site ends in .com, with a .45 pistol.",
    ],
)
def space_before_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    White space between a word and the comma, period, semicolon, colon,
    question or exclamation mark after it (`works ,`, `negotiate ;`,
    `To read also :`), a space before a closing quotation mark (`Plan. ”`),
    inside brackets (`( AFP )`), after an opening curly quote (`“ We`), and
    before a possessive (`Putin 's`), and a mark moved onto the next word
    (`ministry ,the`, `passed .The`). Ellipses (` ...`), decimals (`.45`),
    emoticons, code and grammars in brackets, writers who space brackets as a
    habit, and straight quotes that open a quotation are left alone.

    ## Why it matters
    The space is the trace of an inline HTML element (a link, a bold run)
    dropped during scraping, or French typography carried over. English sets
    punctuation tight against the word before it.

    ## Example
    ```
    More than 200 works , coming from some forty museums, are gathered under the roof.
    ```

    ## Use instead
    ```
    More than 200 works, coming from some forty museums, are gathered under the roof.
    ```
    """
    text = doc.text
    n = len(text)
    for lead, rx in _SPACE_MARKS:
        if lead not in text:
            continue
        for m in rx.finditer(text):
            e = m.end()
            mark = text[e - 1]
            if e < n and text[e] not in _AFTER_MARK and not _moved_mark(text, e, mark):
                continue  # `.45`, `:)`, `..`, ` .NET`: not a mark after a word
            s = m.start()
            if mark == "." and (text[e : e + 2] == " ." or text[s - 2 : s] == " ." or text[e - 2 : e + 1] == " .."):
                continue  # `. . .`: a spaced ellipsis
            while s > 0 and text[s - 1] in " \u00a0\u202f":
                s -= 1
            if s == 0 or not _BEFORE_SPACE.match(text, s - 1) or doc.in_non_prose(max(0, s - 1), e + 1):
                continue
            if mark == ":" and text[s - 1].isdigit() and text[e : e + 2].strip()[:1].isdigit():
                continue  # `3 : 2`
            if e < n and text[e] not in _AFTER_MARK:  # ` ,the`: the mark moved onto the next word
                yield Finding(s, e, f"Space before '{mark}' and none after it: the mark sits on the next word",
                              suggestion=f"{mark} ", fix=(Edit(s, e - s, f"{mark} "),))
                continue
            yield Finding(s, e, f"Space before '{mark}'", suggestion=mark, fix=(Edit(s, e - 1 - s, ""),))
    yield from _inner_spaces(doc)
    for rx in _SPACE_CLOSE:
        for m in rx.finditer(text):
            e = m.end()
            s = m.start() - 1
            while s > 0 and text[s - 1] in " \u00a0":
                s -= 1
            if s == 0 or text[s - 1] not in ".,!?\u2026":
                continue
            if text[e - 1] == "\u201d" and e < n and not (text[e].isspace() or text[e] in ",.;:)"):
                continue
            yield Finding(s, e, "Space before a closing quotation mark", suggestion=text[e - 1],
                          fix=(Edit(s, e - 1 - s, ""),))


_LOWER_WORD = re.compile(r"[a-z]{2,}\b")
_CAPITAL_WORD = re.compile(r"[A-Z][a-z]*\b")


def _moved_mark(text: str, e: int, mark: str) -> bool:
    """The mark sits on the next word instead of the previous one (`ministry ,the`, `approved .The`):
    a comma or semicolon before a lowercase word, a period before a word that opens a sentence."""
    if mark in ",;":
        return bool(_LOWER_WORD.match(text, e))
    if mark == ".":
        m = _CAPITAL_WORD.match(text, e)
        return bool(m) and m.group() in _SENTENCE_STARTERS
    return False


# `( AFP )`, `“ We will`, `Putin 's`: a space inside a bracket or an opening curly quote, or before
# the possessive 's (tokeniser debris). Each pattern starts with a literal (fast to scan).
_OPEN_SPACE = (re.compile(r"\([ \u00a0]+(?=[^\W_])"), re.compile(r"\u201c[ \u00a0]+(?=[^\W\d_])"))
_SPACE_CLOSE_BRACKET = (re.compile(r"\)(?<=[ \u00a0]\))"),)
_TIGHT_OPEN = re.compile(r"\((?=[^\W_])")


def _spaced_bracket_style(text: str) -> bool:
    """The writer spaces the inside of brackets as a habit (`( bindings tweaked )` twice or more,
    at least as often as tight ones): a house style, not debris."""
    spaced = len(_OPEN_SPACE[0].findall(text))
    return spaced >= 2 and spaced >= len(_TIGHT_OPEN.findall(text))


_BRACKET_CODE = re.compile(r"[\[\]{}|=*_<>\\;'\"(]")
_SPACE_POSSESSIVE = tuple((q, re.compile(q + "(?<= " + q + r") ?s\b(?!['\u2019])")) for q in ("'", "\u2019"))


def _inner_spaces(doc: Document) -> Iterator[Finding]:
    text = doc.text
    if "(" in text and not _spaced_bracket_style(text):
        for m in _OPEN_SPACE[0].finditer(text):
            s, e = m.start() + 1, m.end()
            close = text.find(")", e, e + 200)
            if text[m.start() - 1 : m.start()] in (":", ";", "=") or close < 0:
                continue  # `:(` emoticons, a bracket never closed (a list item `( a`)
            if _BRACKET_CODE.search(text, e, close) or "\n" in text[e:close]:
                continue  # code or a grammar (`( test [comp_for] | ... )`), not prose
            if not doc.in_non_prose(m.start(), e + 1):
                yield Finding(s, e, "Space after an opening bracket", suggestion="", fix=(Edit(s, e - s, ""),))
        for m in (m for rx in _SPACE_CLOSE_BRACKET for m in rx.finditer(text)):
            s, e = m.start() - 1, m.start()
            while s > 0 and text[s - 1] in " \u00a0":
                s -= 1
            if s == 0 or not (text[s - 1].isalnum() or text[s - 1] in ".!?\"\u201d\u2019") or text[s - 1] == "\n":
                continue
            opening = text.rfind("(", max(0, s - 200), s)
            if opening < 0 or doc.in_non_prose(max(0, s - 1), e + 1):
                continue
            if _BRACKET_CODE.search(text, opening + 1, s) or "\n" in text[opening:s]:
                continue
            yield Finding(s, e, "Space before a closing bracket", suggestion="", fix=(Edit(s, e - s, ""),))
    if "\u201c" in text:
        for m in _OPEN_SPACE[1].finditer(text):
            s, e = m.start() + 1, m.end()
            if text[m.start() - 1 : m.start()].isalpha():
                continue  # `word“ text`: a misplaced mark, not a space after the opening
            yield Finding(s, e, "Space after an opening quotation mark", suggestion="", fix=(Edit(s, e - s, ""),))
    for lead, rx in _SPACE_POSSESSIVE:
        if lead not in text:
            continue
        for m in rx.finditer(text):
            s = m.start() - 1  # the space before the apostrophe
            if not text[s - 1 : s].isalpha() or doc.in_non_prose(s, m.end()):
                continue
            apostrophe = text[m.start()]
            yield Finding(s, m.end(), "Possessive 's split from its word", suggestion=f"{apostrophe}s",
                          fix=(Edit(s, m.end() - s, f"{apostrophe}s"),))


# ---------------------------------------------------------------------------- TQ803

_DOUBLED = (re.compile(r",[ \u00a0]?,"), re.compile(r"\.\."), re.compile(r";[ \u00a0]?;"))


@rule(
    code="TQ803",
    name="doubled-punctuation",
    category="punctuation",
    severity="minor",
    summary="A doubled comma, period or semicolon (`,,` `..`), not an ellipsis.",
    flags=[
        "The minister[[,,]] who had resigned, spoke again.",
        "The talks ended without a deal[[..]] The delegations left.",
        "The budget was approved[[, ,]] and the session closed.",
    ],
    passes=[
        "The answer was... nothing. Really?! He left...",
        "Pages 1..5 of the file at ../data were read.",
        "The company, Acme Inc., said so; the vote was 3-2.",
    ],
)
def doubled_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Two commas, two periods or two semicolons in a row (`,,` `..` `, ,`).
    Ellipses (`...`), `?!`, numeric ranges (`1..5`) and relative paths
    (`../data`) are left alone.

    ## Why it matters
    A doubled mark is what remains when two fragments, each with its own
    punctuation, were joined after translation. It is always a typo in English.

    ## Example
    ```
    The talks ended without a deal.. The delegations left.
    ```

    ## Use instead
    ```
    The talks ended without a deal. The delegations left.
    ```
    """
    text = doc.text
    for rx in _DOUBLED:
        for m in rx.finditer(text):
            s, e = m.span()
            if text[s - 1 : s] in (".", ",") or text[e : e + 1] in (".", ",", ";"):
                continue  # an ellipsis, or a longer run
            yield from _doubled(doc, m)


def _doubled(doc: Document, m: re.Match) -> Iterator[Finding]:
    text = doc.text
    s, e = m.span()
    if doc.in_non_prose(max(0, s - 1), e + 1):
        return
    if m.group() == "..":
        if text[s - 1 : s].isdigit() and text[e : e + 1].isdigit():
            return  # `1..5`
        if text[e : e + 1] in ("/", "\\") or text[s - 1 : s] in ("/", "\\", " "):
            return  # `../data`
    mark = m.group()[0]
    yield Finding(s, e, f"Doubled punctuation '{m.group()}'", suggestion=mark, fix=(Edit(s, e - s, mark),))


# ---------------------------------------------------------------------------- TQ804

# Frequent words that a removed link leaves glued to the word before it. One pattern per word,
# each starting with the word itself (a literal: fast to scan), then a look-behind for the letter
# that glues it to the previous word.
_GLUE_SUFFIXES = ("where", "which", "who", "when", "while", "that", "and", "the", "with", "from")
_GLUE_PATTERNS = tuple(re.compile(f"{w}(?<=[^\\W\\d_]{w})(?![\\w'\u2019-])") for w in _GLUE_SUFFIXES)
# English compounds of the same shape that a frequency list may not hold.
_REAL_COMPOUNDS = frozenset(
    "herewith therewith wherewith forthwith hereinafter thereinafter hereafter thereafter whereafter "
    "aforesaid therefrom wherefrom thereinto hereabout thereabout whereabout hereunder thereunder "
    "notwithstanding nevertheless wheresoever whensoever".split()
)


# Words that follow a linked name in news copy (`Mexico published`, `Brussels said`, `Paris where`)
# and that end no English word or name of the same shape: no `land`, `town`, `gate`, `star`, `man`,
# no two-letter words (`Clinton`, `Berlin`), no `her` (`Gallagher`).
_LINK_FOLLOWERS = tuple(
    sorted(
        """
        where which who whose when while that and the with from but has have had was were are will would could
        said says told added announced reported published confirmed stated explained revealed warned wrote
        insisted claimed noted also after before during since until under about against between into near
        this these those their there then today yesterday
        """.split(),
        key=len,
        reverse=True,
    )
)
# A capitalised word of eight letters or more with no capital inside: a candidate name+word run.
# (each follower a fixed-width look-behind at the word's end: checked in C, only at word ends)
_CAPITALISED_RUN = re.compile(
    r"[A-Z][^\W\d_A-Z]{6,}(?![\w'\u2019-])(?:" + "|".join(f"(?<={w})" for w in _LINK_FOLLOWERS) + ")"
)


def _known_name(text: str, left: str) -> bool:
    """A place, a name English writes capitalised, or a word the article writes on its own."""
    low = left.lower()
    if geo.is_place(low) and not geo.is_ambiguous(low):
        return True
    if words.zipf(left) >= 3.0 and not words.is_ordinary_lowercase(left):
        return True
    return _occurs_as_word(text, left)


def _glued_name(text: str, token: str) -> tuple[str, str] | None:
    """(name, word) when ``token`` is a known name glued to a word that follows names in news."""
    for word in _LINK_FOLLOWERS:
        if len(token) - len(word) < 4 or not token.endswith(word):
            continue
        left = token[: -len(word)]
        if _known_name(text, left):
            return left, word
    return None


def _occurs_as_word(text: str, word: str) -> bool:
    """Whether ``word`` stands alone somewhere in the text (not inside a longer word)."""
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if not (i and text[i - 1].isalpha()) and not (j < len(text) and text[j].isalpha()):
            return True
        i = text.find(word, i + 1)
    return False


def _glued_left(text: str, token: str, suffix: str) -> str | None:
    """The known word or name before ``suffix`` in an unknown ``token``, or None."""
    if token.lower() in _REAL_COMPOUNDS or len(token) - len(suffix) < 5:
        return None
    left = token[: -len(suffix)]
    if any(c.isupper() for c in left[1:]):
        return None  # camel case: a brand or a handle, not debris
    known = words.zipf(left) >= (2.0 if left[0].isupper() else 3.0)
    return left if known or geo.is_place(left.lower()) or _occurs_as_word(text, left) else None


@rule(
    code="TQ804",
    name="glued-words",
    category="punctuation",
    severity="minor",
    summary="Two words run together where a link was removed (`Barcelonawhere`).",
    flags=[
        "The fans gathered in Piazza del [[Duomowhere]] thousands waited.",
        "Boca will host Lanús at the Bombonera on Sunday, at the [[Bombonerawhere]] the team will play.",
        "The ship docked in the port of [[Barcelonawhere]] the migrants landed.",
        "The fans stayed in the [[stadiumwhere]] the final was played.",
        "The daily El Universal of [[Mexicopublished]] the letter, and the Commission in [[Brusselssaid]] no.",
        "Protesters marched in [[Santiagoyesterday]], and the unions of Santiago agreed.",
        "Police said [[thatthe]] suspect had fled, and the [[lossof]] power lasted hours.",
        "The ministers of [[theEuropean]] Union met [[inRome]] on Friday; the European states agreed.",
        "The delegation arrived in [[Londonon]] Monday.",
    ],
    passes=[
        "Elsewhere, meanwhile, the forthwith order was read herewith in Cleveland and Thailand.",
        "The Qatargate and Russiagate affairs, Kyivstar, Germanwings and the Berlinale were discussed.",
        "Ms Gallagher, Mr Hamilton and Brighton; Sutherland, Rhineland and Memphis; Boussaid and Bensaid.",
        "The #BarcelonaWhere campaign and www.barcelonawhere.com and iPhone, eBay, McDonald.",
        "Ferdinand Rowland met Goethe, Blythe and Bertrand in Portland.",
        "The Bestand of the Vorstand, says Lothar Weyland.",
        "The inauthentic, attired, foraged yellin' Dotson and Kashmiris; thataway, gainsaid, sizeof.",
        "The iPhone, eBay and theScore apps; Rogerson and Wrighton met in Boston.",
    ],
)
def glued_words(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A word that is not in the English word list, nor a known place, but splits
    into a known word or a name the article uses plus a frequent function word:
    `Barcelonawhere`, `Bombonerawhere`, `stadiumwhere`. The left
    part must be a frequent word, a place, or appear on its own elsewhere in the
    article. Also a capitalised name (a place from the gazetteer, a name English
    writes capitalised, or a word the article writes on its own) glued to a word
    that follows names in news copy: `Mexicopublished`, `Brusselssaid`,
    `Santiagoyesterday`. Short function words too, where real words do not
    split that way: `thatthe`, `ofthe`, `lossof` (lowercase, both parts frequent;
    no `in-`, `a-`, `for-` heads or `-in`, `-on` tails, which make real words:
    `inauthentic`, `yellin`), a major place or a name of the article before
    `on`, `in`, `of`, `at` (`Londonon`; not `-son`, `-ton` surnames), and a
    lowercase function word glued to a place or a name the article writes
    (`inRome`, `theEuropean`). Real words, names, compounds (`herewith`), brands
    whose tail is a word (`Qatargate`, `Kyivstar`), camel-case brands, hashtags
    and URLs are left alone.

    ## Why it matters
    Scrapers drop the space between a link's text and the word after it, and
    machine translation keeps the monster. Readers stumble, and spell checkers
    and search miss the name.

    ## Example
    ```
    The navy ship docked in the port of Shëngjinwhere the migrants underwent medical checks.
    ```

    ## Use instead
    ```
    The navy ship docked in the port of Shëngjin, where the migrants underwent medical checks.
    ```
    """
    text = doc.text
    low = ctx.get(lowered)
    if len(low) != len(text):  # a case mapping changed the length: offsets differ, scan the text
        yield from _glued_by_scanning(doc, ctx)
        return
    # Candidates: the article's words (see style.word_set) that end with a glue word and that the
    # word list does not know; plus the words that follow a non-ASCII letter (`Bogotáwhere`), where
    # the word set splits.
    unknown = ctx.get(word_set) - _vocabulary()
    candidates = {w for w in unknown if (w[-3:] in _GLUE_ENDINGS and _ENDS_WITH_GLUE(w) or _STARTS_WITH_GLUE(w)
                                         or w[-2:] in _SHORT_ENDINGS) and _maybe_glued(w)}
    if not text.isascii():
        encoded = low.encode("ascii", "replace")
        candidates.update(m.group(1) for m in _AFTER_NON_ASCII.finditer(encoded))
    done: set[int] = set()
    n = len(text)
    for fragment in sorted(candidates):
        frag = fragment.decode("ascii")
        i = low.find(frag)
        while i >= 0:
            end = i + len(frag)
            nxt = low.find(frag, end)
            if (end < n and (text[end].isalnum() or text[end] in "_'\u2019-")) or i in done:
                i = nxt
                continue
            start = i
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            if start not in done:
                found = _check_glued(doc, ctx, start, end)
                if found:
                    done.add(start)
                    yield found
            i = nxt


def _check_glued(doc: Document, ctx: Context, start: int, end: int) -> Finding | None:
    """The finding for the token text[start:end] when it is a known word or name run into a glue word."""
    text = doc.text
    if start > 0 and text[start - 1] in "#@'\u2019-./_" or text[start - 1 : start].isdigit():
        return None  # hashtags, handles, paths, compounds
    token = text[start:end]
    if token.isupper() or words.zipf(token) > 0 or geo.is_place(token.lower()) or token.casefold() in ctx.allow:
        return None
    if doc.in_non_prose(start, end):
        return None
    if text.find(token, end) >= 0 or text.rfind(token, 0, start) >= 0:
        return None  # a word the article repeats is a real name, not debris
    for suffix in _GLUE_SUFFIXES:
        if token.endswith(suffix):
            left = _glued_left(text, token, suffix)
            if left:
                return _glued(start, end, token, left, suffix)
    # A name glued to any word that follows names in news copy: `Mexicopublished`, `Brusselssaid`.
    if token[:1].isupper() and len(token) >= 7 and not any(c.isupper() for c in token[1:]):
        found = _glued_name(text, token)
        if found:
            return _glued(start, end, token, *found)
    found = _short_glue(text, token)
    return _glued(start, end, token, *found) if found else None


# Short words a removed link or tag leaves glued on: `thatthe`, `ofthe`, `hectaresof`, `Londonon`,
# `inRome`, `theEuropean`. Only the splits that real English words do not make: no `in-`, `a-`,
# `at-`, `for-` prefixes (`inauthentic`, `attired`, `foraged`) and no `-in`, `-on`, `-is` tails after
# a common word (`yellin`, `Dotson`, `Kashmiris`); the two-letter tails only after a known name.
_GLUE_HEADS = ("that", "from", "the", "of")
_GLUE_TAILS = ("said", "were", "from", "with", "was", "the", "of")
_NAME_TAILS = ("on", "in", "of", "at")
_NAME_ENDINGS = ("son", "ton")  # surnames and place names: `Rogerson`, `Wrighton`
_CAMEL_HEADS = ("that", "from", "with", "the", "and", "for", "of", "in", "on", "at", "to", "by")
_NOT_GLUED = frozenset("offish thataway foresaid gainsaid sizeof typeof instanceof indexof everywere".split())
MAJOR_PLACE = 3.5  # a place this frequent in English is a name a link may have held (`London`)


def _common(word: str) -> bool:
    return len(word) >= 3 and words.zipf(word) >= 3.5 and words.is_ordinary_lowercase(word)


def _short_glue(text: str, token: str) -> tuple[str, str] | None:
    """(left, right) when ``token`` is two words run together with a short function word."""
    if len(token) < 5 or token.lower() in _NOT_GLUED:
        return None
    if token.islower():
        for head in _GLUE_HEADS:
            if token.startswith(head) and _common(token[len(head):]):
                return head, token[len(head):]
        for tail in _GLUE_TAILS:
            if token.endswith(tail) and _common(token[: -len(tail)]):
                return token[: -len(tail)], tail
        return None
    if token[0].isupper() and token[1:].islower():  # `Londonon`, `Ministryof`
        for tail in _NAME_TAILS:
            left = token[: -len(tail)]
            if (token.endswith(tail) and len(left) >= 4 and not token.endswith(_NAME_ENDINGS)
                    and (_major_place(left) and (left.lower() not in first_names() or _major_place(left, 5.0))
                         or _occurs_as_word(text, left))):
                return left, tail
        return None
    for head in _CAMEL_HEADS:  # `inRome`, `theEuropean`: a name glued to the word before it
        right = token[len(head):]
        if (token.startswith(head) and len(right) >= 3 and right[0].isupper() and right[1:].islower()
                and (_major_place(right, 0.0) or words.zipf(right) >= 3.0 and _occurs_as_word(text, right))):
            return head, right
    return None


def _major_place(name: str, zipf: float = MAJOR_PLACE) -> bool:
    p = geo.place(name.lower())
    return (p is not None and p.kind in ("city", "country", "region", "demonym") and p.zipf >= zipf
            and not geo.is_ambiguous(name.lower()))


def _glued_by_scanning(doc: Document, ctx: Context) -> Iterator[Finding]:
    """The same search by scanning the text for each glue word (for texts whose lowercase form has
    another length)."""
    text = doc.text
    done: set[int] = set()
    for rx in _GLUE_PATTERNS:
        for m in rx.finditer(text):
            start = m.start()
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            found = None if start in done else _check_glued(doc, ctx, start, m.end())
            if found:
                done.add(start)
                yield found
    for m in _CAPITALISED_RUN.finditer(text):
        found = None if m.start() in done else _check_glued(doc, ctx, m.start(), m.end())
        if found:
            done.add(m.start())
            yield found


_GLUE_WORDS = tuple(sorted(set(_GLUE_SUFFIXES) | set(_LINK_FOLLOWERS), key=len, reverse=True))
_ENDS_WITH_GLUE = methodcaller("endswith", tuple(w.encode("ascii") for w in _GLUE_WORDS))
# A glue word right after a non-ASCII character ('?' once encoded): `Bogotáwhere` (the word set
# splits there). Only the commonest glue words: each costs a comparison at every non-ASCII character.
_AFTER_NON_ASCII = re.compile(
    rb"\?((?:" + b"|".join(w.encode("ascii") for w in _GLUE_SUFFIXES + ("said", "says")) + rb"))(?![a-z])"
)


_GLUE_ENDINGS = frozenset(w.encode("ascii")[-3:] for w in _GLUE_WORDS)
_SHORT_ENDINGS = frozenset(w.encode("ascii") for w in _NAME_TAILS)
_STARTS_WITH_GLUE = methodcaller("startswith", tuple(w.encode("ascii") for w in _CAMEL_HEADS))


@cache
def _vocabulary() -> frozenset[bytes]:
    """The word list (tqcheck.lexicon.words), its ASCII words as bytes: a set difference with an
    article's words (style.word_set) leaves the unknown ones in one C-level pass."""
    return frozenset(w.encode("ascii") for w in words._table()[0] if w.isascii())


@lru_cache(maxsize=1 << 16)
def _maybe_glued(word: bytes) -> bool:
    """A lowercase word that ends with a glue word, long enough, and unknown to the word list."""
    w = word.decode("ascii")
    return len(w) >= 5 and words.zipf(w) == 0 and not geo.is_place(w) and w not in _REAL_COMPOUNDS


def _glued(start: int, end: int, token: str, left: str, suffix: str) -> Finding:
    sep = ", " if suffix in ("where", "which", "who", "whose", "when", "while") and left[:1].isupper() else " "
    return Finding(
        start,
        end,
        f"'{token}' looks like '{left}' and '{suffix}' run together (a removed link?)",
        suggestion=f"{left}{sep}{suffix}",
        fix=(Edit(start, end - start, f"{left}{sep}{suffix}"),),
    )


# ---------------------------------------------------------------------------- TQ805

_DOUBLE_QUOTE = re.compile(r"[\"\u201c\u201d]")


def _quote_marks(doc: Document) -> list[tuple[int, str]]:
    """(offset, 'straight'|'curly') of every double quotation mark in prose (not inch marks, not in URLs)."""
    text = doc.text
    out = []
    for m in _DOUBLE_QUOTE.finditer(text):
        o = m.start()
        ch = text[o]
        if ch == '"' and text[o - 1 : o].isdigit() and not text[o + 1 : o + 2].isalpha():
            continue  # 15" screen
        if doc.in_non_prose(o):
            continue  # inside a URL
        out.append((o, "straight" if ch == '"' else "curly"))
    return out


@rule(
    code="TQ805",
    name="mixed-quote-styles",
    category="punctuation",
    severity="minor",
    summary="Straight and curly double quotes mixed in one article: flags where the minority style starts.",
    flags=[
        '"We will win," he said.\n\n"The army is ready," she said.\n\n[[“It is not at all clear,”]] he adds.',
        '“We will win,” he said. “The army is ready,” she said.\n\nThe official said [["the talks failed"]] on Monday.',
    ],
    passes=[
        '"We will win," he said. "The army is ready," she said. The screen is 15" wide.',
        "“We will win,” he said. “The army is ready,” she said, and 'soon', he added.",
        '"We will win," he said, and used a 15" screen: see https://x.org/?q="a".',
    ],
)
def mixed_quote_styles(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    An article that uses both straight (`"`) and curly (`“ ”`) double quotes.
    One issue per article: its span runs from the first quotation mark of the
    less frequent style to the end of the last one when they sit in a few
    neighbouring paragraphs (the passage that came through another pipeline),
    else it covers the first quotation in that style. Inch marks (`15"`) and
    quotes inside URLs are not counted; single quotes are not compared, since
    apostrophes mix freely.

    ## Why it matters
    Edited articles use one style. A mix shows paragraphs assembled from
    different sources or translated separately, and it looks careless in print.

    ## Example
    ```
    "Our enemies seek to stop the integration," Putin stressed.
    “It is not at all clear that Lukashenko would commit forces,” he adds.
    ```

    ## Use instead
    ```
    "Our enemies seek to stop the integration," Putin stressed.
    "It is not at all clear that Lukashenko would commit forces," he adds.
    ```
    """
    text = doc.text
    if text.count('"') < 2 or text.count("\u201c") + text.count("\u201d") < 2:
        return
    marks = _quote_marks(doc)
    counts = Counter(kind for _, kind in marks)
    if counts["straight"] < 2 or counts["curly"] < 2:
        return
    if counts["straight"] == counts["curly"]:
        minority = marks[-1][1] if marks[0][1] != marks[-1][1] else "curly"
    else:
        minority = min(counts, key=lambda k: counts[k])
    mine = [o for o, kind in marks if kind == minority]
    first, last = mine[0], mine[-1]
    pi_first, pi_last = doc.paragraph_index(first), doc.paragraph_index(last)
    if pi_first is not None and pi_last is not None and pi_last - pi_first <= 2:
        end = last + 1
    else:
        end = mine[1] + 1 if len(mine) > 1 and doc.paragraph_index(mine[1]) == pi_first else first + 1
    other = "straight" if minority == "curly" else "curly"
    yield Finding(
        first,
        end,
        f"The article mixes quote styles: {counts[other]} {other} and {counts[minority]} {minority} "
        f"double quotation marks; the {minority} ones start here",
    )


# ---------------------------------------------------------------------------- TQ806

# Words that open an English sentence: after `word.` with no space, only a sentence can follow.
_SENTENCE_STARTERS = frozenset(
    """
    The This That These Those He She It They We I You His Her Its Their Our My In On At For From With By After
    Before During Since Until While When Where As But And Or So Yet However Meanwhile According Also Although
    Despite Last Earlier Later Today Yesterday Tomorrow Now Then There Some Many Most Other Both One Two Three
    Mr Ms Mrs Dr A An If What Who Why How Nobody No Not Only Even Still Such Each Every All More Among
    """.split()
)
# One pattern per mark, each starting with the mark itself (a literal: fast to scan), in three
# kinds: 0 a sentence mark before a capital (`Mexico.The`), 1 a comma or semicolon before a letter
# (`Mexico,where`), 2 a closing quote before a letter (`."The`, `,”said`).
_GLUED_AFTER = tuple(
    (kind, mark, re.compile(re.escape(mark) + after))
    for kind, marks, after in (
        (0, ".!?:", r"(?=[A-Z][a-z]*\b)"),
        (1, ",;", r"(?=[^\W\d_]{2})"),
        (2, '"\u201d', r"(?=[^\W\d_]{2})"),
    )
    for mark in marks
)
_LETTERS_BEFORE = re.compile(r"[^\W\d_]{2,}$")
_WHITESPACE = re.compile(r"\s")
_CODE_MARKS = frozenset("()[]{}=<>_\\/&@#|*`~^$")
_QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019")
_NEXT_LETTERS = re.compile(r"[^\W\d_][\w'\u2019]*")


@rule(
    code="TQ806",
    name="missing-space-after-punctuation",
    category="punctuation",
    severity="minor",
    summary="No space after a period, comma or closing quote between two words (`Mexico.The`, `Mexico,where`).",
    flags=[
        "The storm reached [[Mexico.The]] president declared an emergency.",
        "The fans gathered in [[Madrid,where]] the team landed.",
        "\"We will win,\" he [[said.\"The]] army is ready,\" she added.",
    ],
    passes=[
        "Visit example.com, read Node.js docs and the U.S. report at 10 a.m. on Jan.5; see www.site.org/A,B.",
        "He said: “We will win.” The army left, and 3,000 people, 1.5% of them, stayed.",
        "Our CEO uses ASP.NET, and the Yahoo!Finance page and re:Invent were down.",
        "The mask is array([True,False]) and the header reads &lt;b&gt;Breaking&lt;/b&gt; on the page.",
    ],
)
def missing_space_after_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Two words joined by a period, question mark, exclamation mark or colon
    with no space when the second is a word that opens a sentence
    (`Mexico.The president`), by a comma or semicolon with no space
    (`Madrid,where`), or by a closing quotation mark after a period or comma
    (`army."The minister`). Abbreviations (`U.S.`, `a.m.`), domain names and
    file names (`example.com`, `Node.js`), numbers (`3,000`, `1.5`), URLs and
    brands (`ASP.NET`, `Yahoo!Finance`) are left alone.

    ## Why it matters
    Scrapers join the text of two HTML elements (a link, a paragraph, a
    caption) without the space between them; machine translation keeps the
    join. Readers stumble, and the words are lost to search.

    ## Example
    ```
    The storm reached Mexico.The president declared an emergency.
    ```

    ## Use instead
    ```
    The storm reached Mexico. The president declared an emergency.
    ```
    """
    text = doc.text
    hits = []
    for k, mark, rx in _GLUED_AFTER:
        if mark not in text:
            continue
        for m in rx.finditer(text):
            p = m.start()
            if k == 2:
                if text[p - 1 : p] not in (".", ",", "!", "?"):
                    continue
                left = _LETTERS_BEFORE.search(text, max(0, p - 41), p - 1)
            else:
                left = _LETTERS_BEFORE.search(text, max(0, p - 40), p)
            if not left:
                continue
            nxt = _NEXT_LETTERS.match(text, p + 1)
            if not nxt:
                continue
            word = nxt.group()
            if k == 0 and word not in _SENTENCE_STARTERS:
                continue
            if k == 0 and text[p] == "." and not left.group().islower() and len(left.group()) < 3:
                continue  # `St.Petersburg`-like abbreviations
            if doc.in_non_prose(left.start(), nxt.end()):
                continue
            ts = text.rfind(" ", max(0, p - 40), p) + 1 or max(0, p - 40)
            te = _WHITESPACE.search(text, p, p + 40)
            chunk = text[ts : te.start() if te else p + 40]
            if any(c in _CODE_MARKS or c.isdigit() for c in chunk):
                continue  # code, markup or data (`array([True,False])`, `&lt;tag&gt;`), not prose
            if k != 2 and chunk[:1] in _QUOTES and chunk.rstrip(",.;:")[-1:] in _QUOTES:
                continue  # a quoted value (`"yes,no"`)
            if left.group().isupper() and word.isupper():
                continue  # `TL;DR`, `AC,DC`
            hits.append((left.start(), nxt.end(), text[p]))
    for s, e, mark in sorted(hits):
        yield Finding(s, e, f"No space after '{mark}': two words run together where text was joined",
                      suggestion=text[s:e].replace(mark, mark + " ", 1) if mark not in "\"\u201d" else None)


# ---------------------------------------------------------------------------- TQ807

# `...fill the Maracanã", wrote a fan`: the comma after the closing mark, then the attribution.
# (trigger: the closing mark and the comma, literals; then the reporting verb, with a speaker before it)
_QUOTE_COMMA = tuple(re.compile(q + r",(?=[ \u00a0])") for q in ('"', "\u201d"))
_REPORTING = re.compile(
    r"[ \u00a0]+(?:(?:he|she|they|we|[A-Z][\w'\u2019.-]*)[ \u00a0]+)?(?:said|says|wrote|writes|added|adds|told|"
    r"explained|explains|affirmed|affirms|declared|stated|stressed|insisted|warned|continued|recalled|noted|"
    r"asked|replied|concluded|underlined|emphasi[sz]ed|assured)\b"
)
_SENTENCE_BEFORE = re.compile(r"[.!?:][ \u00a0]+$")


@rule(
    code="TQ807",
    name="comma-outside-quotation",
    category="punctuation",
    severity="minor",
    summary="A quoted sentence closed before its comma (`with us\", he said`): English puts the comma inside.",
    flags=[
        "Fans criticised the sale. \"They sell our best player and then want us to fill the [[Maracanã\",]] wrote a fan.",
        "“Nobody from the City wants to talk with [[us”,]] he said.",
        "The mayor was absent.\n\n\"Our children are sick and nobody wants to talk with [[us\",]] he said.",
    ],
    passes=[
        "“Nobody from the City wants to talk with us,” he said.",
        "She called the plan “a betrayal of the workers”, he said, and left.",
        "The minister described it as \"very good news\", the agency wrote.",
        "\"We will win\", the banner read, and \"soon\", she said.",
    ],
)
def comma_outside_quotation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A quotation of a whole sentence (opened at the start of a paragraph or
    after a sentence's end, beginning with a capital) that closes before its
    comma when the reporting verb follows: `"...talk with us", he said`,
    `"...fill the Maracanã", wrote a fan`. Quoted phrases inside a sentence
    (`called it "a betrayal", he said`), which British style punctuates
    outside the marks, are left alone.

    ## Why it matters
    Spanish, Portuguese, Serbian and German put the comma after the closing
    quotation mark; English, British and American alike, puts the comma of
    a quoted sentence inside it. The order is a trace of the source.

    ## Example
    ```
    "Nobody from the City wants to talk with us", he said.
    ```

    ## Use instead
    ```
    "Nobody from the City wants to talk with us," he said.
    ```
    """
    text = doc.text
    if '",' not in text and "\u201d," not in text:
        return
    straight = [m.start() for m in re.finditer('"', text)]  # their parity on a line: opening or closing
    for rx in _QUOTE_COMMA:
        for m in rx.finditer(text):
            q = m.start()
            if not text[q - 1 : q].isalpha() or not _REPORTING.match(text, m.end()):
                continue
            line_start = text.rfind("\n", 0, q) + 1
            opener = '"' if text[q] == '"' else "\u201c"
            o = text.rfind(opener, line_start, q)
            if o < 0 or (opener == '"' and (bisect_left(straight, o) - bisect_left(straight, line_start)) % 2):
                continue  # no opening mark on the line, or this mark opens a quotation
            inner = text[o + 1 : q]
            if not inner[:1].isupper() or inner.count(" ") < 3 or (o > line_start and not _SENTENCE_BEFORE.search(text, line_start, o)):
                continue  # a quoted phrase inside a sentence (British style puts the comma outside)
            if doc.in_non_prose(o, m.end()):
                continue
            yield Finding(q - len(text[q - 12 : q].split()[-1]) if text[q - 12 : q].split() else q, m.end(),
                          "Comma after the closing quotation mark of a quoted sentence: English puts it inside",
                          suggestion=None)


# ---------------------------------------------------------------------------- TQ808

# Verbs of saying and knowing that take a `that` clause; Slavic, Baltic, German and Finnish put a comma
# before the conjunction (*сказал, что*; *sakė, kad*; *sagte, dass*), and MT keeps it.
_THAT_VERBS = frozenset(
    "said says told tells informs informed noted notes stated states added adds reported reports announced "
    "announces explained explains stressed stresses emphasized emphasised emphasizes emphasises confirmed "
    "confirms believes believed thinks thought knows knew claimed claims warned warns assured assures "
    "recalled recalls admitted admits hopes hoped clarified declared declares insisted insists".split()
)
_COMMA_THAT = re.compile(r", that (?!is\b|was\b|said\b|'s\b|’s\b|night\b|morning\b|day\b|week\b|evening\b|afternoon\b|"
                         r"year\b|time\b|month\b|quarter\b|season\b|summer\b|winter\b|spring\b|autumn\b|weekend\b)")
# `Harun said, his side will...`: Malay and Indonesian *pihaknya* ("his side") after a comma that
# Malay puts after *berkata*; English writes `said his side would` (or `said they would`).
_SAID_SIDE = re.compile(r"\b(?:said|says), (?:his|her|their) side (?:will|would|has|had|is|was|have|did|does|could|can)\b")
_VERB_BEFORE = re.compile(r"([a-z]+)$")
# A parenthetical `, she said,` or a conditional `If confirmed,` before the comma.
_PARENTHETICAL = re.compile(r"(?:, (?:he|she|they|we|I|it|you|[A-Z][a-z]+) |\b(?:[Ii]f|[Ww]hen|[Oo]nce|[Aa]s|[Uu]nless) )$")


@rule(
    code="TQ808",
    name="comma-before-that",
    category="punctuation",
    severity="minor",
    summary="A comma between a verb of saying and its clause (`informs, that`, `said, his side will`).",
    flags=[
        "The minister also said[[, that]] Germany's brigade will stay.",
        "Local resident Ona Vaitkevičienė told[[, that]] people here got used to it.",
        "At the same time, the Ministry informs[[, that]] the control at the border is strict.",
        "Sabah Police Commissioner Datuk Jauteh Dikun said[[, his side]] will not compromise.",
    ],
    passes=[
        "He said, that is, that the plan had failed; she said, that said, it was fine.",
        "The mayor said, that night, the city would reopen; so much for that, she added.",
        "The firm, which reported, that quarter, a loss, said the plan that failed was old.",
        "He said, his voice breaking, that he would stay; the board said his side had lost.",
        "It was there, she said, that she learned to sing. If confirmed, that would be a record.",
    ],
)
def comma_before_that(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A comma between a verb of saying or knowing and the `that` clause it
    introduces (`said, that`, `informs, that`): the comma Russian, Polish,
    Lithuanian, Czech and German put before the conjunction. Also the Malay
    and Indonesian `said, his side will` (*berkata, pihaknya akan*).
    Parentheticals (`said, that is,`, `said, that night,`) are left alone.

    ## Why it matters
    English puts no comma before a reported clause; the comma cuts the verb
    from what was said and marks the text as translated.

    ## Example
    ```
    The minister also said, that the brigade will stay.
    ```

    ## Use instead
    ```
    The minister also said that the brigade will stay.
    ```
    """
    text = doc.text
    if ", that " in text:
        for m in _COMMA_THAT.finditer(text):
            verb = _VERB_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if not verb or verb.group(1) not in _THAT_VERBS or doc.in_non_prose(m.start(), m.end()):
                continue
            if _PARENTHETICAL.search(text, max(0, verb.start() - 40), verb.start()):
                continue  # `It was there, she said, that...`, `If confirmed, that would...`
            yield Finding(m.start(), m.start() + 6, f"Comma before 'that' after '{verb.group(1)}': "
                          "English writes no comma before a reported clause", suggestion=" that",
                          fix=(Edit(m.start(), 6, " that"),))
    if " side " in text:
        for m in _SAID_SIDE.finditer(text):
            c = text.index(",", m.start())
            if not doc.in_non_prose(m.start(), m.end()):
                yield Finding(c, c + 1 + len(" ".join(text[c + 2 : m.end()].split()[:2])) + 1,
                              "Comma after 'said' before the reported clause: English writes none",
                              fix=(Edit(c, 1, ""),))
