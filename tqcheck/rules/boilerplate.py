"""Boilerplate: page furniture (paywalls, headers, footers, prompts) left in the article."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .. import lexicon
from ..document import Document
from ..model import Edit, Finding
from .base import Context, rule

_SPACE = re.compile(r"\s+")
_TRAILING = " .:!…"


@cache
def _library() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in lexicon.lines("boilerplate.txt")))


def normalise(paragraph: str) -> str:
    """Casefolded, white space collapsed, trailing punctuation stripped: the form patterns match."""
    return _SPACE.sub(" ", paragraph).strip().casefold().rstrip(_TRAILING).strip()


def _is_boilerplate(paragraph: str, extra: tuple[str, ...]) -> bool:
    norm = normalise(paragraph)
    if not norm:
        return False
    if _library().fullmatch(norm):
        return True
    return any(norm.startswith(p) for p in extra)


def _runs(flags: list[bool]) -> Iterator[tuple[int, int]]:
    """(first, last) indexes of each run of consecutive True values."""
    start = None
    for i, f in enumerate([*flags, False]):
        if f and start is None:
            start = i
        elif not f and start is not None:
            yield start, i - 1
            start = None


@rule(
    code="TQ401",
    name="boilerplate-phrase",
    category="boilerplate",
    severity="major",
    summary="Site furniture in the article: paywall prompts, headers, footers, newsletter and share lines.",
    flags=[
        "The talks ended without a deal.\n\n[[Subscribe to continue reading\n\nI'm already a subscriber]]",
        "[[The Limited Times]]\n\nThe minister resigned on Friday.",
        "The minister resigned on Friday.\n\n[[Source: elparis]]",
        "Prices rose again.\n\n[[© Daily Courier 2021 - Privacy]]\n\nNothing else.",
    ],
    passes=[
        "Readers who subscribe to continue reading the paper get a discount, the publisher said.",
        "The source: a senior official who asked not to be named, said the talks would resume.",
        "I want it to end, she said of the war.\n\nKeep reading the ministry's statement, he added.",
    ],
)
def boilerplate_phrase(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Paragraphs that are page furniture rather than article: paywall and
    subscription prompts (`Subscribe to continue reading`, `I'm already a
    subscriber`), newsletter and share prompts, site headers and footers,
    copyright and privacy lines, `Source: ...` lines, translated buttons
    (`Know more`, `I want it`) and link residue (a line that is only `, or in`).
    A run of such paragraphs is one finding; its fix removes the run. Extra
    phrases come from the `boilerplate` list in the configuration.

    ## Why it matters
    Scrapers keep the whole page and machine translation translates it, so the
    published article ends with a paywall and a footer. Readers notice at once,
    and the text is not the article.

    ## Example
    ```
    ...which keeps the population on edge in the dead of winter.

    Subscribe to continue reading

    I'm already a subscriber
    ```

    ## Use instead
    ```
    ...which keeps the population on edge in the dead of winter.
    ```
    """
    text = doc.text
    extra = tuple(normalise(p) for p in ctx.settings.boilerplate)
    paras = doc.paragraphs
    flags = [_is_boilerplate(doc.slice(p), extra) for p in paras]
    # A site name alone on the first line, followed by the headline, is a header.
    if len(paras) >= 2 and not flags[0] and _looks_like_masthead(doc.slice(paras[0])):
        flags[0] = True
    for first, last in _runs(flags):
        start, end = paras[first].start, paras[last].end
        cut_end = end
        while cut_end < len(text) and text[cut_end] in "\r\n":
            cut_end += 1
        n = last - first + 1
        what = "a boilerplate line" if n == 1 else f"{n} boilerplate lines"
        yield Finding(
            start,
            end,
            f"Page furniture in the article ({what}): '{_preview(doc.slice((start, end)))}'",
            fix=(Edit(start, cut_end - start, ""),),
        )


_MASTHEAD = re.compile(r"(?:The )?[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}")


def _looks_like_masthead(line: str) -> bool:
    """A short Title Case line with no verb-like ending: `The Limited Times`, `Daily Courier`."""
    return bool(_MASTHEAD.fullmatch(line.strip())) and line.strip().endswith(("Times", "Post", "News", "Herald", "Tribune", "Courier", "Journal", "Gazette", "Daily", "Today", "Express", "Observer", "Chronicle", "Telegraph", "Mail", "Press", "Mirror", "Star", "Sun", "Globe", "Record", "Review"))


def _preview(s: str, n: int = 60) -> str:
    s = _SPACE.sub(" ", s).strip()
    return s if len(s) <= n else s[: n - 1] + "…"
