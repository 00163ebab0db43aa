"""Names: one name spelled two ways in an article (TQ5xx), and source-language spellings (TQ601-609).

Both rules read :func:`tqcheck.analysis.people.name_variants`, which compares the
capitalised names of an article by a transliteration skeleton (``Zelenski`` /
``Zelensky`` / ``Zelenskiy``, ``Krämer`` / ``Kraemer``) and by one vowel-like edit
found with rapidfuzz over accent-folded forms (``Netanyahu`` / ``Netaniahu``), and
knows a hand-written list of source-language spellings (``Moscú``, ``Volodímir``).
"""
from __future__ import annotations

from collections.abc import Iterator

from ..analysis.people import name_variants
from ..document import Document
from ..model import Edit, Finding
from .base import Context, rule


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


@rule(
    code="TQ501",
    name="inconsistent-name-spelling",
    category="consistency",
    severity="major",
    summary="One name spelled two ways in the same article.",
    flags=[
        "Prime Minister Benjamin Netanyahu met the cabinet. Netanyahu said the deal was close. "
        "Later, [[Netaniahu]] instructed the team to continue.",
        "Works council chief Sabine Krämer spoke first. Krämer was blunt. Later [[Kraemer]] said the staff "
        "would fight.",
        "The Executive of Volodímir [[Zelenski]] met on Monday. Zelensky said Ukraine was ready. "
        "President Zelenski asked for more weapons.",
    ],
    passes=[
        # possessives, plurals, demonyms
        "Zelensky's adviser said Zelensky would travel. The Clintons met Bill Clinton's staff.",
        "Russia said Russian troops had left. Ukraine and Ukrainian officials agreed.",
        # different people with similar names
        "Alexei Navalny died in prison. His widow, Yulia Navalnaya, blamed the Kremlin.",
        "Daniela Rossi and Daniele Bianchi led the talks; Hunter Biden and Joe Biden did not attend.",
        "Luis Hernández scored twice, and Pedro Fernández missed a penalty.",
        # different places
        "Flights from Austria and Australia were delayed; Slovenia and Slovakia agreed.",
        # the same spelling throughout, with accents English news keeps
        "Pedro Sánchez met José Mujica in Montevideo. Sánchez praised Mujica.",
    ],
)
def inconsistent_name_spelling(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A name written in two spellings in one article: transliteration variants
    (`Zelenski` / `Zelensky`, `Netanyahu` / `Netaniahu`, `Roscosmos` / `Roskosmos`,
    `Krämer` / `Kraemer`), or the same name with and without accents when the
    accented form is the more frequent one. The spelling used less often is flagged
    (or the source-language one, or the one introduced later on a tie), once, with a
    fix for every occurrence. Possessives, plurals (`Clinton` / `Clintons`), demonyms
    (`Russia` / `Russian`), feminine surname forms (`Navalny` / `Navalnaya`), two
    different first names or places, and spellings listed in the configuration are
    not variants.

    ## Why it matters
    Machine-translated pages mix the source paper's transliteration with the one the
    English recaser or the translation memory knows; readers cannot tell whether two
    people are meant, and searches miss half the mentions.

    ## Example
    ```
    High officials of the Executive of Volodímir Zelenski ... This Sunday, Zelensky
    stressed that Ukraine is ready.
    ```

    ## Use instead
    ```
    ... the government of Volodymyr Zelensky ... On Sunday, Zelensky stressed ...
    ```
    """
    for v in ctx.get(name_variants):
        if v.rule != "TQ501":
            continue
        s, e = v.occurrences[0]
        why = f"; {v.note}" if v.note else ""
        yield Finding(
            s,
            e,
            f"'{v.form}' ({_times(v.counts[0])}) and '{v.preferred}' ({_times(v.counts[1])}) name the same "
            f"person or place{why}: use one spelling",
            suggestion=v.preferred,
            fix=tuple(Edit(a, b - a, v.preferred) for a, b in v.occurrences),
        )


@rule(
    code="TQ601",
    name="source-language-name-spelling",
    category="untranslated",
    severity="major",
    summary="A name spelled as in the source language (Volodímir, Moscú), not as English news writes it.",
    flags=[
        "The president spoke with his counterpart, [[Volodímir]] Zelensky, about the summit.",
        "Other governments have avoided criticising [[Moscú]] and have called for talks.",
        "Vladimir [[Putín]] met the press; later Vladimir Putin left for [[Kiew]].",
        "Mr Putin met the press. Then [[Putín]] left.",
    ],
    passes=[
        "Pedro Sánchez met José Mujica; Atlético Madrid beat Sevilla in front of 60,000 fans in Gdańsk.",
        "Peking University and Peking duck; the Kiev Symphony Orchestra played in 1990.",
        "Volodymyr Zelensky met Vladimir Putin in Moscow.",
        "Sánchez said that Sánchez and the Sanchez family agreed.",
    ],
)
def source_language_name_spelling(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A name in a spelling that English news does not use: from a hand-written list of
    source-language spellings (Spanish `Moscú`, `Volodímir`, `Jersón`; German
    `Selenskyj`, `Moskau`; French `Poutine`, `Pékin`), an accented transliteration of
    a known first name (`Serguéi`-like forms of a name English writes without
    accents), or an accented name that the same article also writes without accents
    (`Putín` next to `Putin`). Accents alone are not an error: `Pedro Sánchez`, `José
    Mujica`, `Gdańsk`, `Atlético Madrid` keep them in English news. The first
    occurrence is flagged, with a fix for all of them.

    ## Why it matters
    Translation engines leave names as the source paper spells them, with its
    transliteration and stress accents. English readers and search engines know the
    English form.

    ## Example
    ```
    High officials of the Executive of Volodímir Zelenski ...
    ```

    ## Use instead
    ```
    Senior officials of Volodymyr Zelensky's government ...
    ```
    """
    for v in ctx.get(name_variants):
        if v.rule != "TQ601":
            continue
        s, e = v.occurrences[0]
        if v.reason == "accents":
            why = f"the article also writes '{v.preferred}' ({_times(v.counts[1])})"
        else:
            why = v.note or "a source-language spelling"
        yield Finding(
            s,
            e,
            f"'{v.form}' is {why}: English news writes '{v.preferred}'"
            if v.reason != "accents" else f"'{v.form}' keeps source-language accents; {why}",
            suggestion=v.preferred,
            fix=tuple(Edit(a, b - a, v.preferred) for a, b in v.occurrences),
        )
