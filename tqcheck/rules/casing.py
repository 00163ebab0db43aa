"""Casing: capital letters lost or added by fragment-by-fragment machine translation."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from ..model import Finding
from ..segment import period_is_abbreviation
from .base import Context, rule

# A single period, optional closing quote, space, then a lowercase word (not a brand like iPhone).
_PERIOD_LOWER = re.compile(r"(?<=\w)\.[\"'\u201d\u2019]?[ \t]+(?P<word>[a-z][a-z'\u2019-]*)\b(?![A-Z])")


@rule(
    code="TQ102",
    name="lowercase-sentence-start",
    category="casing",
    severity="minor",
    summary="A sentence that starts in lowercase after a period: a spurious period or a lost capital.",
    flags=[
        "The group was created in October. [[to]] function as a single army.",
        "They criticised the West and their meetings. [[constant]] with Putin.",
        "The talks ended. [[the]] ministers left without a statement.",
    ],
    passes=[
        "U.S. officials met e.g. the ministers and vs. the rest at 10 a.m. on Monday.",
        "The leak came from Mr. and Mrs. Smith, J. K. Rowling said, with No. 5 on the list.",
        "Sales rose 3.5 million units, etc. and more. Apple launched the iPhone. eBay followed.",
        "Visit www.example.com. or write to desk@example.org. then wait.",
        "The answer, he said, was no... and nothing else.",
    ],
)
def lowercase_sentence_start(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A word in lowercase right after a sentence-ending period, inside a paragraph:
    `created in October. to function`. Abbreviations (`U.S.`, `e.g.`, `vs.`,
    `a.m.`, `No.`, titles, initials), ellipses, URLs and e-mail addresses are not
    sentence ends, and brands such as `iPhone` are lowercase on purpose.

    ## Why it matters
    Machine translation works fragment by fragment: a period is often inserted
    where the HTML cut a sentence (a link, a bold run), and the sentence goes on in
    lowercase. Readers see a broken sentence; the fix is usually to drop the period.

    ## Example
    ```
    ...created by Minsk and Moscow in October. to function "as a single army".
    ```

    ## Use instead
    ```
    ...created by Minsk and Moscow in October to function "as a single army".
    ```
    """
    text = doc.text
    for m in _PERIOD_LOWER.finditer(text):
        dot, start, end = m.start(), m.start("word"), m.end("word")
        if "\n" in text[dot:start] or doc.in_non_prose(dot - 1, end):
            continue
        if period_is_abbreviation(text, dot, start):
            continue
        word = m.group("word")
        yield Finding(
            start,
            end,
            f"Sentence starts in lowercase ('{word}'): the period before it looks spurious, or the capital is missing",
            suggestion=word[:1].upper() + word[1:],
        )
