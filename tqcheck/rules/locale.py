"""Locale conventions: number, quote, dash, currency and date formats of the source language.

Machine translation carries the source page's typography into English unchanged:
`9.000 soldiers` (Spanish, German, Italian thousands), `1,5 million` (decimal
comma), `«quotes»` and `„quotes“`, hyphens as parenthetical dashes, the Russian
quote-dash (`,” – said the spokesman`), `€ 1`, `9 %`, `19/12/2022`, and the
German habit of capitalising every noun. Each rule here looks for one such
convention and carries the English form as its suggestion.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import pairwise

from ..document import Document
from ..lexicon import geo, words
from ..model import Edit, Finding
from ..segment import WORD, WORD_RE
from .base import Context, rule

# ---------------------------------------------------------------------------- shared helpers

# Every digit becomes '0' (and every non-ASCII character '?', by the encoding): `1 200` -> b"0 000".
# A rule asks whether its shape occurs at all (one C-level search) before it scans with a pattern.
_DIGITS_TO_ZERO = bytes(48 if 48 <= c <= 57 else c for c in range(256))


def digits_folded(doc: Document, ctx: Context) -> bytes:
    """The article as ASCII bytes with every digit '0' (an analysis shared by the locale rules)."""
    return doc.text.encode("ascii", "replace").translate(_DIGITS_TO_ZERO)


_WORD_AFTER = re.compile(rf"[ \u00a0]*({WORD}|%)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?[ \u00a0]*$")


def next_word(text: str, end: int, limit: int = 40) -> tuple[str, int, int] | None:
    """The word (or `%`) right after ``end`` on the same line, with its span."""
    m = _WORD_AFTER.match(text, end, min(len(text), end + limit))
    if not m:
        return None
    return m.group(1), m.start(1), m.end(1)


def prev_word(text: str, start: int, window: int = 30) -> str:
    """The word right before ``start`` (a trailing period allowed: `No.`), or ''."""
    m = _WORD_BEFORE.search(text, max(0, start - window), start)
    return m.group(1) if m else ""


def numbers_at(text: str, trigger: re.Pattern, number: re.Pattern, chars: str = "0123456789") -> Iterator[re.Match]:
    """Matches of ``number`` that start at the digits before each hit of a cheap ``trigger`` pattern.

    Patterns that begin with a literal character are scanned fast; patterns that begin with a
    look-behind or a character class are not. So each rule finds a literal trigger (`.000`,
    `,5`) and only there backs up to the start of the number and applies the full pattern.
    """
    last = -1
    for t in trigger.finditer(text):
        s = t.start()
        while s > 0 and text[s - 1] in chars:
            s -= 1
        if s <= last:
            continue
        m = number.match(text, s)
        if m:
            last = s
            yield m


# Words after which a dotted number is a version, a reference or a model, not an amount.
_VERSION_WORDS = frozenset(
    "v version versions release build update patch ios android macos windows python firmware "
    "no nos number art article section chapter page pp rule figure fig table vol model".split()
)
# Currency symbols and codes written before an amount.
_CURRENCY_PREFIX = re.compile(
    r"(?:US\$|R\$|A\$|C\$|NZ\$|HK\$|S\$|[$€£¥₽₺₹₴₪]"
    r"|\b(?:USD|EUR|GBP|RUB|TL|TRY|Rs|INR|BRL|MXN|CHF|PLN|UAH|ILS|NIS|ARS|CLP|COP|PEN)[ \u00a0]?)[ \u00a0]?$"
)
# Currency names after an amount (`2.350 euros`): money has two decimals, so three digits are thousands.
_CURRENCY_WORDS = frozenset(
    "euro euros dollar dollars peso pesos real reais rouble roubles ruble rubles lira liras lire pound pounds "
    "franc francs zloty zlotys hryvnia hryvnias shekel shekels rupee rupees yuan yen won rand krona kronor krone "
    "kroner forint forints lei leu soles sol bolivares bolivars colones quetzales".split()
)
# Multipliers: `9.000 million` is a thousands separator (9,000 million) when it ends in 00.
_MULTIPLIERS = frozenset("thousand million millions billion billions trillion bn mn".split())
# Units that English does write with three decimals (lap times, rates, precise measures).
_DECIMAL_UNITS = frozenset(
    """
    % percent pc per second seconds sec secs s minute minutes min hour hours h day days week weeks
    month months year years point points pts degree degrees km kilometre kilometres kilometer kilometers
    mile miles metre metres meter meters m cm mm kg kilo kilos kilogram kilograms gram grams g tonne tonnes
    ton tons litre litres liter liters l ml hectare hectares ha acre acres foot feet inch inches pound pounds
    ounce ounces lb lbs oz volt volts watt watts kw mw gw kwh mwh gwh times square cubic carat carats
    dollar dollars euro euros yen yuan rouble roubles ruble rubles lira liras peso pesos real reais rupee rupees
    franc francs krona kronor krone kroner shekel shekels won rand zloty hryvnia hryvnias sterling pence
    goals runs overs magnitude richter
    """.split()
)
# Plural nouns that do not end in -s (or are used as plurals).
_PLURALS = frozenset(
    "people children men women police personnel staff troops cattle militia clergy youth deer sheep fish "
    "spectators fans".split()
)
# Units written with precise trailing zeros in English finance and sport (`4.500%`, `9.800 seconds`).
_PRECISE_UNITS = frozenset("% percent pc per point points pts second seconds sec secs s times".split())
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "'s", "\u2019s")


def is_count_plural(word: str) -> bool:
    """A plural countable noun (`soldiers`, `people`): no amount of them has three decimals."""
    w = word.lower()
    if w in _PLURALS:
        return True
    if w in _DECIMAL_UNITS or not w.endswith("s") or w.endswith(_NOT_PLURAL_ENDINGS) or len(w) < 4:
        return False
    if not word.islower() or words.zipf(w) == 0:
        return False
    for base in (w[:-1], w[:-2] if w.endswith("es") else "", w[:-3] + "y" if w.endswith("ies") else ""):
        if base and words.zipf(base) >= 2.5 and words.is_ordinary_lowercase(base):
            return True
    return False


# ---------------------------------------------------------------------------- TQ701

_DOT3 = re.compile(r"\.\d{3}")
_DOTTED_NUMBER = re.compile(r"(?<![\w.,/:-])(?P<int>\d{1,3})(?P<groups>(?:\.\d{3})+)(?![\w%]|[.,:/-]\d)")
_ADJECTIVE_LIKE = re.compile(r"[A-Z][a-z]+|[a-z]+(?:an|ian|ish|ese|al|ed|ing|ive|ful|less|ic|ary|ent|ant)")


def _thousands_evidence(text: str, m: re.Match, continental: bool = False) -> str | None:
    """Why this dotted number is a thousands separator, or None when it may be a decimal or a version."""
    whole, head, groups = m.group(), m.group("int"), m.group("groups")
    n_groups = groups.count(".")
    before = prev_word(text, m.start()).lower()
    if before in _VERSION_WORDS or text[max(0, m.start() - 1) : m.start()] == "#":
        return None
    if n_groups >= 2:
        parts = whole.split(".")
        if len(parts) == 4 and all(int(p) <= 255 for p in parts):
            return None  # an IP address
        return "more than one group of three digits"
    if head == "0":
        return None
    last = groups[1:]
    if _CURRENCY_PREFIX.search(text, max(0, m.start() - 5), m.start()) and (int(head) >= 2 or last.endswith("00")):
        return "an amount of money has two decimals, not three"
    nxt = next_word(text, m.end())
    if not nxt or text[m.end() : nxt[1]].count("\n"):
        after = text[m.end() : m.end() + 1]
        if (last == "000" and len(head) >= 2 and after in (".", ",", ";", ":", ")")
                and not text[m.end() + 1 : m.end() + 2].isdigit()):
            return "a decimal would not keep the trailing zeros"  # `more than 20.000.`
        return None
    word = nxt[0]
    lw = word.lower()
    if lw in _CURRENCY_WORDS and text[m.end() : nxt[1]].strip() == "":
        return "an amount of money has two decimals, not three"
    if lw in _MULTIPLIERS:
        return "a multiplier follows" if last.endswith("00") else None
    if is_count_plural(word):
        return f"a count of '{word}' is a whole number"
    if last.endswith("00") and word[:1].isalpha() and lw not in _PRECISE_UNITS:
        # `9.000 positions`, `2.000 years`: a decimal would not keep trailing zeros
        return "a decimal would not keep the trailing zeros"
    if continental and word[:1].isalpha():
        return "the article writes decimals with a comma"
    # `up to 9.000 Russian servicemen`: look past one or two adjective-like words
    pos = nxt[2]
    for _ in range(2):
        if not _ADJECTIVE_LIKE.fullmatch(word):
            break
        nxt = next_word(text, pos)
        if not nxt:
            break
        word, pos = nxt[0], nxt[2]
        if is_count_plural(word):
            return f"a count of '{word}' is a whole number"
    return None


@rule(
    code="TQ701",
    name="period-thousands-separator",
    category="locale",
    severity="minor",
    summary="A period used as a thousands separator (`9.000 soldiers`): English writes 9,000.",
    flags=[
        "Up to [[9.000]] Russian servicemen would arrive in the republic.",
        "The attendance was [[75.348]] spectators and the budget [[251.800]] million soles.",
        "More than [[1.500.000]] people live there; the wage was raised to TL [[17.002]] net.",
        "The ministries must save a total of [[9.000]] positions.",
        "The march gathered more than [[20.000]]. Tickets cost [[2.350]] euros.",
    ],
    passes=[
        "The company released version 3.12.1 of its app, then v2.000 and build 1.200.",
        "Traffic came from 192.168.100.200, and the shop opens at 10.30 am, or at 9.15.",
        "The score was 2-1, with 1,000 fans and 1.5 million viewers in 2019-2022.",
        "The rate was 4.000, then 3.500; the yield 2.350 percent, the ratio 1.000:1 and 12.000|",
        "The euro traded at $1.085 and the yield rose to 4.125 percent; the lap took 1.250 seconds.",
        "Results: 3.000 | 2.875 | 1.250",
        "He won No. 1.000 in the series, while 0.125 of the vote was spoilt.",
    ],
)
def period_thousands_separator(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Numbers grouped in threes with periods, the thousands separator of Spanish,
    Portuguese, Italian, German, Turkish and Russian texts: `9.000 soldiers`,
    `1.500.000`, `251.800 million`, `TL 17.002`. A single group (`2.500`) is
    flagged only with evidence that it is not an English decimal: a countable
    noun follows (`75.348 spectators`), trailing zeros before a word
    (`9.000 positions`) or at the end of a clause (`more than 20.000.`), a
    multiplier (`251.800 million`), a currency prefix or a currency name
    (`2.350 euros`: money has two decimals).
    Versions (`3.12.1`, `v2.0`), IP addresses, times (`10.30`), `0.125` and
    three-decimal measures (`1.250 seconds`, `4.125 percent`) are left alone.

    ## Why it matters
    To an English reader `9.000 soldiers` means nine soldiers: the number is
    wrong by a factor of a thousand.

    ## Example
    ```
    ...up to 9.000 Russian servicemen would arrive in the republic.
    ```

    ## Use instead
    ```
    ...up to 9,000 Russian servicemen would arrive in the republic.
    ```
    """
    text = doc.text
    continental = None
    for m in numbers_at(text, _DOT3, _DOTTED_NUMBER, "0123456789."):
        if doc.in_non_prose(m.start(), m.end()):
            continue
        if continental is None:
            continental = any(not doc.in_non_prose(*d.span()) for d in decimal_commas(text))
        why = _thousands_evidence(text, m, continental)
        if why:
            fixed = m.group().replace(".", ",")
            yield Finding(
                m.start(),
                m.end(),
                f"'{m.group()}' uses a period as thousands separator ({why}); English writes {fixed}",
                suggestion=fixed,
                fix=(Edit(m.start(), m.end() - m.start(), fixed),),
            )


# ---------------------------------------------------------------------------- TQ702

_COMMA_DECIMAL = re.compile(r"(?<![\w.,'\u2019])(?P<int>\d{1,4}),(?P<frac>\d{1,2})(?![\d,]|\.\d)")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


_COMMA_DIGIT = re.compile(r",\d")
# `R$ 1.234,56`: periods between groups of three, then a decimal comma (both conventions at once).
_DOT_GROUP_COMMA = re.compile(r"\.\d{3},\d")
_CONTINENTAL_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d,]|\.\d)")


# A decimal comma right after a currency abbreviation written closed up: `Rp1,5 billion`, `R$4,7`, `Kr3,5`.
_PREFIXED_COMMA_DECIMAL = re.compile(r"(?P<int>\d{1,4}),(?P<frac>\d{1,2})(?![\d,]|\.\d)")
_CLOSED_CURRENCY = re.compile(r"(?<![\w$])(?:Rp|Rs|RM|R\$|Kr|kr|Ft|zł|Kč|Fr\.|CHF|TL|€|£|\$)$")


def decimal_commas(text: str) -> Iterator[re.Match]:
    """Numbers written with a decimal comma (`1,5`, `67,07`, `Rp1,5`), lists and years excluded."""
    for m in numbers_at(text, _COMMA_DIGIT, _COMMA_DECIMAL):
        if _YEAR.fullmatch(m.group("int")) and text[m.end() : m.end() + 1] == " ":
            continue  # `in 2022,23 people`: a missing space, not a decimal
        yield m
    for m in numbers_at(text, _COMMA_DIGIT, _PREFIXED_COMMA_DECIMAL):
        if text[m.start() - 1 : m.start()].isalpha() and _CLOSED_CURRENCY.search(text, max(0, m.start() - 4), m.start()):
            yield m


@rule(
    code="TQ702",
    name="decimal-comma",
    category="locale",
    severity="minor",
    summary="A decimal comma (`1,5 million`, `2,3%`): English writes a decimal point.",
    flags=[
        "About [[1,5]] million people lived in the city.",
        "Inflation rose to [[67,07]] percent and the lira traded at [[31,85]] in the evening.",
        "Unemployment fell to [[2,3]]% while the river reached [[12,70]] metres.",
        "The city is carrying out works worth R$ [[4,7]] billion.",
        "The fine was R$ [[1.234,56]] and the budget € [[12.500,5]].",
    ],
    passes=[
        "More than 1,000 vessels and 60,000 fans; 1.5 million tons; 2,400 hectares.",
        "The ratio 1.234,5678 and the list 1.234, 56 were read; the IP 10.0.0.1,2 was blocked.",
        "Rounds 1,2,3 were played; the ratio was 3.5 to 1, in 2019, 12 people died.",
        "In 2022, 15 people were hurt, and 1, 2 or 3 more may follow.",
    ],
)
def decimal_comma(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A number with a comma followed by one or two digits, the decimal comma of
    most European languages: `1,5 million`, `2,3%`, `67,07 percent`, `12,70
    metres`; and numbers written with both continental separators (`R$
    1.234,56`, English 1,234.56). An English thousands separator is always
    followed by three digits (`1,000`), and lists of numbers (`1,2,3`) are left
    alone.

    ## Why it matters
    `1,5 million` reads as a typo or as a list in English; the figure is 1.5 million.

    ## Example
    ```
    About 1,5 million people lived in the city before the invasion.
    ```

    ## Use instead
    ```
    About 1.5 million people lived in the city before the invasion.
    ```
    """
    text = doc.text
    if "," not in text:
        return
    for m in numbers_at(text, _DOT_GROUP_COMMA, _CONTINENTAL_NUMBER, "0123456789."):
        if doc.in_non_prose(m.start(), m.end()):
            continue
        fixed = m.group().replace(".", "\0").replace(",", ".").replace("\0", ",")
        yield Finding(
            m.start(),
            m.end(),
            f"'{m.group()}' groups thousands with periods and writes decimals with a comma; English writes {fixed}",
            suggestion=fixed,
            fix=(Edit(m.start(), m.end() - m.start(), fixed),),
        )
    for m in decimal_commas(text):
        if doc.in_non_prose(m.start(), m.end()):
            continue
        fixed = f"{m.group('int')}.{m.group('frac')}"
        yield Finding(
            m.start(),
            m.end(),
            f"'{m.group()}' uses a decimal comma; English writes {fixed}",
            suggestion=fixed,
            fix=(Edit(m.start(), m.end() - m.start(), fixed),),
        )


# ---------------------------------------------------------------------------- TQ703

_FOREIGN_OPEN = re.compile(r"[«»„‹›]")
_CLOSERS = {"«": "»", "»": "«", "„": "“”", "‹": "›", "›": "‹"}


@rule(
    code="TQ703",
    name="foreign-quotation-marks",
    category="locale",
    severity="minor",
    summary="Guillemets or low-high quotes (`«...»`, `„...“`) where English uses “...”.",
    flags=[
        "The mayor wrote: [[«We will restore everything»]], he added.",
        "[[„We have a budget that is solid“]], said Kessler.",
        "The curator said [[« It is the exhibition of a lifetime »]] to reporters.",
        "The mayor said [[”we will rebuild the bridge”]] and left.",
        "The mayor said [[“we will rebuild the bridge“]] and left.",
    ],
    passes=[
        "Home » News » World",
        "“We will restore everything,” he added, and 'quickly' too.",
        "He said “Yes,” and then bought the band's 12“ single.",
        "Read more »",
        "“Yes,” he said, “we will.” The 12” single and the “Best of” album sold well.",
    ],
)
def foreign_quotation_marks(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A quotation in guillemets (`«...»`, French `« ... »`, German `»...«`,
    single `‹...›`) or in German/Central European low-high quotes (`„...“`).
    A lone `»` used as a breadcrumb or a "more" arrow (`Home » News`) is not a
    quotation and is left alone. Also a quotation opened with the closing mark
    (`”we will”`, Swedish and Finnish style) or closed with the opening one
    (`“we will“`).

    ## Why it matters
    English news uses “...” (or "..."). The source language's quotation marks
    show the text was translated without editing.

    ## Example
    ```
    «We will restore everything, as we have done many times», he added.
    ```

    ## Use instead
    ```
    “We will restore everything, as we have done many times,” he added.
    ```
    """
    text = doc.text
    yield from _misdirected_quotes(doc)
    if not any(ch in text for ch in "«»„‹›"):
        return
    for ps, pe in doc.paragraphs:
        pos = ps
        while True:
            m = _FOREIGN_OPEN.search(text, pos, pe)
            if not m:
                break
            o = m.start()
            ch = text[o]
            if text[o + 1 : o + 2].isspace() and text[o - 1 : o].strip() and ch in "»›":
                pos = o + 1  # `Home » News`: a separator
                continue
            close = -1
            for c in _CLOSERS[ch]:
                j = text.find(c, o + 1, pe)
                if j >= 0 and (close < 0 or j < close):
                    close = j
            if close < 0:
                if ch in "«„" and text[o + 1 : o + 2].isalpha():
                    yield Finding(o, o + 1, f"'{ch}' is not an English quotation mark; use “", suggestion="\u201c")
                pos = o + 1
                continue
            inner = text[o + 1 : close].strip()
            yield Finding(
                o,
                close + 1,
                f"Quotation in '{ch}...{text[close]}': English uses “...”",
                suggestion=f"\u201c{inner}\u201d",
                fix=(Edit(o, close + 1 - o, f"\u201c{inner}\u201d"),),
            )
            pos = close + 1


# `”We will win”` (Swedish, Finnish style: the closing mark opens), `“We will win“` (the opening
# mark closes). Each pattern starts with the quote (a literal: fast to scan) and looks behind.
_CLOSER_OPENS = re.compile(r"\u201d(?<=[\s(]\u201d)(?=[^\W_])")
_OPENER_CLOSES = re.compile(r"\u201c(?<=[\w.,!?]\u201c)(?=[\s,.;:!?)]|$)")


def _misdirected_quotes(doc: Document) -> Iterator[Finding]:
    """A quotation opened with a closing mark or closed with an opening one: `”We will win”`."""
    text = doc.text
    found = []
    if "\u201d" in text:
        for m in _CLOSER_OPENS.finditer(text):
            pi = doc.paragraph_index(m.start())
            close = text.find("\u201d", m.end(), doc.paragraphs[pi].end if pi is not None else len(text))
            found.append((m.start(), close + 1 if close >= 0 else m.end(), "\u201d"))
    if "\u201c" in text:
        for m in _OPENER_CLOSES.finditer(text):
            if text.rfind("\u201e", max(0, m.start() - 400), m.start()) > text.rfind("\u201c", 0, m.start()):
                continue  # `„...“`: German quotes, reported below
            pi = doc.paragraph_index(m.start())
            ps = doc.paragraphs[pi].start if pi is not None else 0
            opening = text.rfind("\u201c", ps, m.start())
            if opening >= 0 and text.find("\u201d", opening, m.start()) >= 0:
                continue  # that quotation was closed properly: this mark is something else (`a 12“ single`)
            found.append((opening if opening >= 0 else m.start(), m.end(), "\u201c"))
    last = -1
    for start, end, ch in sorted(found):
        if start < last or doc.in_non_prose(start, end):
            continue
        last = end
        where = "opens" if ch == "\u201d" else "closes"
        yield Finding(start, end, f"The quotation mark '{ch}' {where} a quotation: English opens with “ and closes with ”",
                      suggestion="\u201c" + text[start + 1 : end - 1] + "\u201d" if end - start > 2 else None)


# ---------------------------------------------------------------------------- TQ704

# ` -and its edges- `: a hyphen glued to the next word, a hyphen glued to the previous one.
_SPACE_HYPHEN = re.compile(r"-(?<= -)")  # (the hyphen first: a rare literal is fast to scan)
_HYPHEN_PAIR = re.compile(
    r"-(?P<inner>[^\W\d_](?:[^\n\-\u2013\u2014]|(?<=\w)-(?=\w)){0,160}?[^\W_])-(?=[\s,.;:!?)\"\u201d]|$)"
)
_SPEECH_VERBS = (
    "said|says|stated|states|noted|notes|added|adds|reported|reports|told|explained|explains|wrote|writes|"
    "declared|stressed|emphasi[sz]ed|announced|commented|replied|answered|asked|recalled|concluded|"
    "continued|summari[sz]ed|assured|specified|clarified|underlined|pointed|remarked|admitted|warned|"
    "insisted|confirmed|emphasi[sz]es|indicated|informed"
)
# `,” – said the spokesman`: a dash between the closing quote and the reporting verb.
# (one pattern per dash, each starting with the dash itself: a literal is fast to scan, a class is not)
_DASH_VERBS = tuple(
    (dash, re.compile(dash + r"[ \u00a0]+(?=(?:" + _SPEECH_VERBS + r")\b)")) for dash in ("-", "\u2013", "\u2014")
)
# `,” – Syniehubov wrote`, `,” – the mayor said`: the speaker first, the verb within a few words
# (the quotation must end in a comma, `?` or `!`, as a sentence's own quotation does not).
_DASHES = tuple((dash, re.compile(dash + r"[ \u00a0]+(?=[^\W\d_])")) for dash in ("-", "\u2013", "\u2014"))
_QUOTE_COMMA_BEFORE = re.compile(r"[,?!][\"\u201d\u00bb][ \u00a0]*$")
_SPEAKER_WORDS = re.compile(r"[^\W\d_][\w'\u2019.-]*")
_SPEECH_VERB = re.compile(r"(?:" + _SPEECH_VERBS + r")\Z")
# a closing quote, or a comma (`We will restore everything, – said the mayor`: Russian dialogue
# punctuation with the quotation marks lost)
_QUOTE_BEFORE_DASH = re.compile(r"(?:[\"\u201d\u00bb]|(?<=[^\W\d_]),)(?P<gap>,?[ \u00a0]*)$")


@rule(
    code="TQ704",
    name="source-language-dash",
    category="locale",
    severity="minor",
    summary="Hyphens used as parenthetical dashes (`-and its edges-`) or a quote-dash (`,” – said`).",
    flags=[
        "Despite this statement, the defensive strategy [[-and its edges-]] also had a role.",
        "The next two matches [[-against Napoli and in the Champions League-]] could be decisive.",
        "“The enemy is trying to leave the city without light,”[[ –]] said the spokesman.",
        "We will restore everything,[[ –]] said the mayor of the city.",
        '"The docking took place in the regular mode,"[[ –]] reported in Roscosmos.',
        "“There are no dead; two people were hurt,”[[ –]] Kovalenko wrote on Telegram.",
        "Up to 3.000 people a month [[- rescued at sea and screened in port -]] may be sent there.",
        "The deal was signed on Tuesday.\n\n[[– This is the biggest]] reform since the 1990s, says Ulf Kristersson.",
        "[[– It is a painful]] decision, but it is the market – explained the vice-president.",
        "The turnout was historically low[[ - ]]only 33,4% voted.",
    ],
    passes=[
        "Inter won the derby 2-1 and the temperature fell to -5 degrees in the north-east.",
        "Pre- and post-war budgets were compared by the well-known analyst.",
        "The meeting - in which the leaders spoke - came amid growing concern.",
        "“We will win,” said the spokesman — and left.",
        "- roll back the update\n- refund one month of fees",
        "“We will win” — a claim nobody believed — said nothing new, and “we will see,” he said — and left.",
        "ROME - The minister - who arrived late - spoke for an hour to 3,000 people.",
        "The plan:\n\n– Health receives 4.1%, the minister said, in line with inflation\n– “We won,” she said.",
        "- Javier Ortega (Spain) 35hr 12min\n- Matej Novak (Slovenia) at 28sec",
        "The turnout was historically low - only 33.4% voted.",
        "38 houses dismantled - Loot of 450.000 euros\n\nTehran - IRNA - The festival opened.",
    ],
)
def source_language_dash(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Two conventions of Spanish, Italian, Portuguese and Russian texts:
    a parenthetical between hyphens glued to the words inside it
    (`the strategy -and its edges- also`), and a dash between a closing quote
    and the reporting verb (`,” – said the spokesman`), Russian direct-speech
    punctuation, also when the quotation marks were lost (`We will restore
    everything, – said the mayor`), also with the speaker before the verb (`,” –
    Kovalenko wrote`). Spaced hyphens around an insertion (`the protocol - signed in
    2023 - provides`) only in an article that writes numbers or quotes the continental
    way (`3.000 people`, `1,5`, `„...“`): English wire copy in plain text writes them too.
    Compound words, negative numbers, scores (`2-1`), list bullets and datelines
    (`ROME - `) are left alone.

    ## Why it matters
    English marks a parenthetical with em dashes (or spaced en dashes), and
    attributes a quote with a comma alone. The source punctuation reads as
    stray minus signs.

    ## Example
    ```
    Despite this statement, the defensive strategy -and its edges- also had an important role.
    “The enemy is trying to leave the city without light,” – said the spokesman.
    ```

    ## Use instead
    ```
    Despite this statement, the defensive strategy—and its edges—also had an important role.
    “The enemy is trying to leave the city without light,” said the spokesman.
    ```
    """
    text = doc.text
    for t in _SPACE_HYPHEN.finditer(text):
        m = _HYPHEN_PAIR.match(text, t.start())
        if not m or doc.in_non_prose(m.start(), m.end()):
            continue
        inner = m.group("inner")
        yield Finding(
            m.start(),
            m.end(),
            "Hyphens used as parenthetical dashes: English uses em dashes (—) here",
            suggestion=f"\u2014{inner}\u2014",
        )
    yield from _spaced_hyphen_pairs(doc, ctx)
    if "\n-" in text or "\n\u2013" in text or "\n\u2014" in text or text[:1] in "-\u2013\u2014":
        yield from _dash_quotations(doc)
    dash_verbs = sorted((m for dash, rx in _DASH_VERBS if dash in text for m in rx.finditer(text)),
                        key=lambda m: m.start())
    verb_first = {m.start() for m in dash_verbs}
    dash_verbs += [m for dash, rx in _DASHES if dash in text for m in rx.finditer(text)
                   if m.start() not in verb_first and _speaker_then_verb(text, m)]
    dash_verbs.sort(key=lambda m: m.start())
    for m in dash_verbs:
        if m.start() in verb_first:
            q = _QUOTE_BEFORE_DASH.search(text, max(0, m.start() - 6), m.start())
        else:
            q = _QUOTE_COMMA_BEFORE.search(text, max(0, m.start() - 6), m.start())
            q = q and _QUOTE_BEFORE_DASH.search(text, max(0, m.start() - 6), m.start())
        if not q:
            continue
        start, end = q.start("gap"), m.start() + 1
        quote_comma = "," if "," in q.group("gap") else ""
        yield Finding(
            start,
            end,
            "Dash between a quotation and its reporting verb (Russian punctuation): English uses the comma alone",
            suggestion=quote_comma,
            fix=(Edit(start, end - start, quote_comma),),
        )


# ` - signed in 2023 and ratified in May - `: spaced hyphens around an insertion (a literal first).
_SPACED_HYPHEN = re.compile(r"-(?<=[^\W\d_] -)(?= [^\W\d_])")
PAIR_WORDS = (2, 30)


def source_typography(doc: Document, ctx: Context) -> bool:
    """Whether the article writes numbers or quotes the continental way (an analysis shared by the
    rules that need corroboration): decimal commas, `„quotes“` or `«quotes»`, `9.000 soldiers`."""
    return _continental_typography(doc) or next(iter(period_thousands_separator(doc, ctx)), None) is not None


def _spaced_hyphen_pairs(doc: Document, ctx: Context) -> Iterator[Finding]:
    """` - signed in 2023 and ratified in May - `: a pair of spaced hyphens around an insertion inside
    one sentence, in an article that shows other continental typography (plain-text English wires
    also write spaced hyphens, so the corroboration is required)."""
    text = doc.text
    if " - " not in text:
        return
    hits = [m.start() for m in _SPACED_HYPHEN.finditer(text)]
    checked = None
    last = -1
    paired: set[int] = set()
    for a, b in pairwise(hits):
        if a <= last:
            continue  # the closing hyphen of the pair before
        inner = text[a + 2 : b - 1]
        if "\n" in inner or any(c in inner for c in ".!?;:\u2014\u2013") or not inner[:1].islower():
            continue
        if not PAIR_WORDS[0] <= inner.count(" ") + 1 <= PAIR_WORDS[1]:
            continue
        line_start = text.rfind("\n", 0, a) + 1
        lead = text[line_start:a]
        if lead.isupper() or "(" in lead or doc.in_non_prose(a, b + 1):
            continue  # `ROME - `, `MADRID (Reuters) - `: an English dateline
        if checked is None:
            checked = ctx.get(source_typography)
        if not checked:
            return
        last = b
        paired.update((a, b))
        yield Finding(a, b + 1, "Spaced hyphens used as parenthetical dashes: English uses em dashes (—) here",
                      suggestion=f"\u2014{inner}\u2014")
    yield from _spaced_hyphen_singles(doc, ctx, [h for h in hits if h not in paired])


def _spaced_hyphen_singles(doc: Document, ctx: Context, hits: list[int]) -> Iterator[Finding]:
    """`historically low - only 33,4%`: one spaced hyphen for a dash inside a sentence, in an article
    with continental typography (the same corroboration as a pair)."""
    text = doc.text
    found = []
    for a in hits:
        line_start = text.rfind("\n", 0, a) + 1
        lead = text[line_start:a]
        if not (text[a - 2 : a - 1].islower() and text[a + 2 : a + 3].islower()):
            continue  # `Privacy - Cookies`, `Tehran - IRNA - The`: a heading, a footer, a dateline
        if lead.isupper() or "(" in lead or " " not in lead.strip() or doc.in_non_prose(a - 1, a + 2):
            continue  # `ROME - `, `MADRID (Reuters) - `: a dateline
        found.append(a)
    if found and ctx.get(source_typography):
        for a in found:
            yield Finding(a - 1, a + 2, "A spaced hyphen used as a dash: English uses an em dash (—) or a spaced en dash",
                          suggestion=" \u2014 ")


# `– It is a painful decision, ... – explained the vice-president.`: a paragraph opened with a dash for
# direct speech (Swedish, Norwegian, Portuguese, Russian dialogue), attributed inside the paragraph.
_DASH_PARAGRAPH = re.compile(r"(?:^|(?<=\n))[\u2013\u2014-][ \u00a0]+[A-Z](?:[\w'\u2019,-]*[ \u00a0]){0,3}[\w'\u2019-]+")
_ATTRIBUTION = re.compile(
    r"(?:,|[ \u00a0][\u2013\u2014-])[ \u00a0]+(?:(?:he|she|they|hen|[A-Z][\w'\u2019.-]*)[ \u00a0]+)?(?:"
    + _SPEECH_VERBS + r")\b"
)


def _dash_quotations(doc: Document) -> Iterator[Finding]:
    """A paragraph that opens with a dash and names its speaker (`..., says she.`): a quotation."""
    text = doc.text
    for m in _DASH_PARAGRAPH.finditer(text):
        end = text.find("\n", m.end())
        para = text[m.start() : end if end >= 0 else len(text)]
        if any(q in para for q in "\"\u201c\u201d\u201e\u00ab") or not _ATTRIBUTION.search(para):
            continue  # quotation marks do the quoting; a list item names no speaker
        if doc.in_non_prose(m.start(), m.end()):
            continue
        yield Finding(m.start(), m.end(), "A quotation opened with a dash (Scandinavian, Portuguese, Russian style): "
                      "English puts direct speech in quotation marks")


def _speaker_then_verb(text: str, m: re.Match) -> bool:
    """After the dash, a speaker of one to five words and then a reporting verb (`Syniehubov wrote`)."""
    if not _QUOTE_COMMA_BEFORE.search(text, max(0, m.start() - 6), m.start()):
        return False
    pos = m.end()
    for _ in range(6):
        w = _SPEAKER_WORDS.match(text, pos)
        if not w:
            return False
        if _SPEECH_VERB.match(w.group().rstrip(".")):
            return pos > m.end()
        pos = w.end()
        if text[pos : pos + 1] not in (" ", "\u00a0"):
            return False  # punctuation: the words after the dash are no speaker and verb
        pos += 1
    return False


# ---------------------------------------------------------------------------- TQ705

_SIGNS = tuple((sign, re.compile(re.escape(sign))) for sign in "$€£¥₽₺₹₴₪%")
_CURRENCY_BEFORE = re.compile(r"(?<![\w$])(?:US|R|A|C|NZ|HK|S)?\$$|(?<![\w$])[€£¥₽₺₹₴₪]$")
_PERCENT_WORD = re.compile(r"per ?cent(?<![\w.,]per cent)(?<![\w.,]percent)[ \u00a0](?=\d+(?:[.,]\d+)?(?![\w.,]\d))")
_SPACE = " \u00a0"
# `3 M€`, `1,2 Md€`, `50 k€`: a multiplier abbreviation glued to the currency sign after the amount.
# Local currency abbreviations after the amount: `64 billion zł`, `300 Kč`, `50 грн`.
_SWISS_FRANC = re.compile(r"Fr\.(?<![\w.]Fr\.)(?=[ \u00a0]?\d)")
_LOCAL_CURRENCY = {"zł": "zlotys (PLN)", "Kč": "koruna (CZK)", "грн": "hryvnias (UAH)", "руб.": "roubles (RUB)"}
_AMOUNT_BEFORE = re.compile(r"\d(?:[ \u00a0](?:thousand|million|billion|trillion))?[ \u00a0]?$")
def _amount_start(text: str, i: int) -> int:
    """The start of the number whose last digit is at ``i`` (`1,2` in `1,2 billion`)."""
    while i > 0 and (text[i - 1].isdigit() or text[i - 1] in ".," and text[i - 2 : i - 1].isdigit()):
        i -= 1
    return i


# `400 million ₪`: the sign after a spelled-out multiplier.
_MULTIPLIER_WORD_BEFORE = re.compile(r"\d[ \u00a0](?:thousand|million|billion|trillion)s?[ \u00a0]?$")
_MULTIPLIER_SIGN = re.compile(r"\d[ \u00a0]?(?P<m>(?:M|Md|Mds|Mrd|Mio|k|K|mn|bn))[ \u00a0]?$")


@rule(
    code="TQ705",
    name="currency-percent-format",
    category="locale",
    severity="minor",
    summary="Currency and percent signs placed or spaced the source-language way (`€ 1`, `9 %`, `1€`).",
    flags=[
        "A fund of [[US$ ]]125 billion, tickets at [[€ ]]5 and an offer of 1[[€]] for a month.",
        "Approval does not exceed 9[[ %]] according to the survey.",
        "The rate was raised from [[percent]] 45 to [[%]]50.",
        "It cost 20[[ €]] per person.",
        "Inflation fell by [[%]] 40 and the budget was 3 [[M€]], or 500 [[k€]].",
        "The ministry will spend [[5 million ₪]] on shelters, and Warsaw [[12 billion zł]].",
    ],
    passes=[
        "Tickets cost €5 or $12, a rise of 9% or 3.5 percent, from 45 to 50 percent.",
        "The 50 percent 2023 target and 20 per cent of the vote.",
        "Write to pay%40example.com or see 100%.",
        "Turnout was 40% and the 100% 2023 target; 9%, 40% and 12% 3 times.",
    ],
)
def currency_percent_format(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Currency and percent signs in the positions and spacing of other languages:
    a space between a currency symbol and the amount (`€ 1`, `US$ 125`), a
    currency symbol after the amount (`1€`, `20 €`, and French `3 M€`, `500
    k€`), a space before the percent sign (`9 %`), and a percent sign or word
    before the number (`%50`, `fell by % 40`, `percent 50`, Turkish *yüzde 50*).

    ## Why it matters
    English writes `€1`, `$125`, `9%` and `50 percent`. The source-language
    form is a sure sign of unedited translation, and `percent 50` is garbled.

    ## Example
    ```
    Approval does not exceed 9 % and the rate rose from percent 45 to percent 50.
    ```

    ## Use instead
    ```
    Approval does not exceed 9% and the rate rose from 45 percent to 50 percent.
    ```
    """
    text = doc.text
    hits = sorted(m.start() for sign, rx in _SIGNS if sign in text for m in rx.finditer(text))
    for p in hits:
        sign = text[p]
        after, after2, before = text[p + 1 : p + 2], text[p + 2 : p + 3], text[p - 1 : p]
        if doc.in_non_prose(p):
            continue
        if sign == "%":
            if before and before in _SPACE and text[p - 2 : p - 1].isdigit():
                yield Finding(p - 1, p + 1, "Space before the percent sign: English writes 9%", suggestion="%",
                              fix=(Edit(p - 1, 2, "%"),))
            elif (after.isdigit() and not (before.isalnum() or (before and before in "%_"))) or (
                after and after in _SPACE and after2.isdigit() and before and before in _SPACE
                and not text[max(0, p - 3) : p].strip()[-1:].isdigit()  # `fell by % 40`, not `9 % 40`
            ):
                yield Finding(p, p + 1, "Percent sign before the number: English writes the number first (50%)")
            continue
        if after and after in _SPACE and after2.isdigit():
            c = _CURRENCY_BEFORE.search(text, max(0, p - 2), p + 1)
            if c:
                yield Finding(c.start(), p + 2, "Space between the currency sign and the amount: English closes it up",
                              suggestion=c.group(), fix=(Edit(p + 1, 1, ""),))
                continue
        if sign in "$£" and (before in _SPACE or before.isdigit()) and not (after.isalnum() or after in "_$"):
            # `75 $`, `185 billions $`: the French and Canadian order (English `$75`, `$185 billion`)
            start = p - 1 if before in _SPACE else p
            if text[start - 1 : start].isdigit() and not text[start - 2 : start - 1].isalpha():
                yield Finding(_amount_start(text, start - 1), p + 1,
                              f"Currency sign '{sign}' after the amount: English puts it first ({sign}75)")
            elif (word := _MULTIPLIER_WORD_BEFORE.search(text, max(0, p - 24), p)):
                yield Finding(_amount_start(text, word.start()), p + 1, f"Currency sign '{sign}' after the amount: "
                              f"English puts it first ({sign}185 billion)")
            continue
        if sign in "€₽₺₴₪" and not (after.isalnum() or after == "_"):
            start = p - 1 if before and before in _SPACE else p
            if text[start - 1 : start].isdigit():
                yield Finding(start, p + 1, f"Currency sign '{sign}' after the amount: English puts it first ({sign}1)")
            elif (word := _MULTIPLIER_WORD_BEFORE.search(text, max(0, p - 24), p)):
                yield Finding(_amount_start(text, word.start()), p + 1, f"Currency sign '{sign}' after the amount: English puts it first "
                              f"({sign}400 million)")
            elif (mult := _MULTIPLIER_SIGN.search(text, max(0, p - 6), p)):
                yield Finding(mult.start("m"), p + 1,
                              f"'{text[mult.start('m') : p + 1]}' after the amount (French style): English writes "
                              f"{sign}3 million, {sign}2 billion, {sign}5,000")
    if "Fr." in text:
        for m in _SWISS_FRANC.finditer(text):
            if not doc.in_non_prose(m.start(), m.end()):
                yield Finding(m.start(), m.end(), "'Fr.' before the amount is the Swiss abbreviation of the franc: "
                              "English writes 2.4 million Swiss francs (or CHF 2.4 million)", suggestion="CHF")
    for code, english in _LOCAL_CURRENCY.items():
        for m in (re.finditer(re.escape(code) + r"(?![\w])", text) if code in text else ()):
            amount = _AMOUNT_BEFORE.search(text, max(0, m.start() - 24), m.start())
            if amount and not doc.in_non_prose(m.start(), m.end()):
                yield Finding(_amount_start(text, amount.start()), m.end(), f"'{code}' is the local abbreviation of the currency: English "
                              f"writes {english}")
    if "cent " in text:
        for m in _PERCENT_WORD.finditer(text):
            s, e = m.start(), m.end() - 1
            if re.search(r"\d[ \u00a0]*$", text[max(0, s - 4) : s]) or doc.in_non_prose(s, e):
                continue  # `50 percent 2023 target`: the percent belongs to the number before
            yield Finding(s, e, "Percent before the number: English writes the number first (50 percent)")


# ---------------------------------------------------------------------------- TQ706

_DATE = re.compile(
    r"(?<![\w./-])(?P<d>\d{1,2})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/-]|[.,]\d)"
)
_SLASH_DATE = re.compile(r"/\d{1,2}/\d")
_DOT_DATE = re.compile(r"\.\d{1,2}\.\d")


def _merge(*streams: Iterator[re.Match]) -> list[re.Match]:
    seen, out = set(), []
    for stream in streams:
        for m in stream:
            if m.start() not in seen:
                seen.add(m.start())
                out.append(m)
    return sorted(out, key=lambda m: m.start())


# `1. 1. 2026`: Czech, Slovak, Slovene and German dates with spaces after the dots (trigger: the literal `. `).
_SPACED_DOT_DATE = re.compile(r"(?<![\w.])(?P<d>[12]\d|3[01]|0?[1-9])\. (?P<m>1[0-2]|0?[1-9])\. (?P<y>(?:19|20)\d\d)(?![\w]|[.,]\d)")
_SPACED_DOT_TRIGGER = re.compile(r"\. \d{1,2}\. [12]\d")
_WEEKDAY_BRACKET = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[ \u00a0]?\($")
_MONTHS = "January February March April May June July August September October November December".split()


@rule(
    code="TQ706",
    name="day-first-numeric-date",
    category="locale",
    severity="minor",
    summary="A numeric date written day first (`19/12/2022`, `17.01.25`) that English readers misread.",
    flags=[
        "The first stage begins on [[19/01/2025]] with the release of three women.",
        "Published: [[17.01.25]], 02:14",
        "The law was signed on [[25.12.2022]] in Berlin.",
        "Talks are to begin on [[02.12.2024]].",
        "The new network takes effect on [[1. 1. 2026]] in all regions.",
        "The volcano erupted on Friday ([[6/9/2024]]) at dawn.",
    ],
    passes=[
        "The deadline is 05/06/2024, or 12/11/2023, and the score was 3/4.",
        "Version 3.12.1 and Ubuntu 22.04 ship today; the IP is 10.1.12.5, the build 1.2.2024 beta.",
        "Half of 1/2/3 and the ratio 14/15/16.",
        "Step 1. 2. 3000 people came; see points 4. 5. and 6. 2026 will be busy.",
        "The volcano erupted on Friday (see the 6/9/2024 report) at dawn.",
    ],
)
def day_first_numeric_date(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A numeric date whose first number can only be a day (13 to 31) and whose
    second is a month: `19/12/2022`, `17.01.25`, `25.12.2022`; and any date
    with dots and a four-digit year (`02.12.2024`), a format that only writes
    the day first; and any numeric date in brackets right after a weekday
    (`on Tuesday (3/12/2024)`), the Indonesian and Malay news form, which is
    always day first. Dates such as `05/06/2024`, which could be read either way,
    are left alone.

    ## Why it matters
    American readers take the first number for the month, and a dotted date is
    not an English format at all. News style writes the month in words.

    ## Example
    ```
    The first stage begins on 19/01/2025 with the release of three women.
    ```

    ## Use instead
    ```
    The first stage begins on January 19, 2025 (or 19 January 2025) with the release of three women.
    ```
    """
    text = doc.text
    yield from _spaced_dot_dates(doc)
    for m in _merge(numbers_at(text, _SLASH_DATE, _DATE), numbers_at(text, _DOT_DATE, _DATE)):
        day, month, year = int(m.group("d")), int(m.group("m")), m.group("y")
        dotted = m.group("sep") == "." and len(year) == 4  # `02.12.2024`: day first wherever it is written
        # `on Tuesday (3/12/2024)`: the Indonesian and Malay news habit of a numeric date in brackets
        # after the weekday, always day first; English writes `on Tuesday, December 3`.
        bracketed = len(year) == 4 and _WEEKDAY_BRACKET.search(text, max(0, m.start() - 14), m.start()) is not None
        if not ((13 if not (dotted or bracketed) else 1) <= day <= 31 and 1 <= month <= 12):
            continue
        if len(year) == 4 and not _YEAR.fullmatch(year):
            continue
        if prev_word(text, m.start()).lower() in _VERSION_WORDS or doc.in_non_prose(m.start(), m.end()):
            continue
        full_year = year if len(year) == 4 else f"20{year}"
        yield Finding(
            m.start(),
            m.end(),
            f"Day-first numeric date '{m.group()}': write the month in words ({_MONTHS[month - 1]} {day}, {full_year})",
            suggestion=f"{_MONTHS[month - 1]} {day}, {full_year}",
        )


def _spaced_dot_dates(doc: Document) -> Iterator[Finding]:
    """`1. 1. 2026`: the day and month end in dots, as the Central European form writes them."""
    text = doc.text
    for m in numbers_at(text, _SPACED_DOT_TRIGGER, _SPACED_DOT_DATE):
        if doc.in_non_prose(m.start(), m.end()):
            continue
        day, month, year = int(m.group("d")), int(m.group("m")), m.group("y")
        english = f"{_MONTHS[month - 1]} {day}, {year}"
        yield Finding(m.start(), m.end(), f"Day-first numeric date '{m.group()}': write the month in words ({english})",
                      suggestion=english)


# ---------------------------------------------------------------------------- TQ707

_H_TIME = re.compile(
    r"(?<![\w.:])(?P<h>[01]?\d|2[0-3])h(?P<m>[0-5]\d)?(?![\w])"
)
_DIGIT_H = re.compile(r"h(?<=[0-9]h)(?![a-zA-Z])")
# `at 21.00 hours`, `from 10:30 hrs`: a clock time followed by the word for hours (Spanish *a las 21.00 horas*).
# (triggers: the minutes' separator, a literal, then two digits and the word)
_HOURS_TRIGGERS = tuple(re.compile(sep + r"[0-5]\d[ \u00a0](?:hours|hrs|horas|h)\b(?!-)") for sep in (r"\.", ":"))
_CLOCK_HOURS = re.compile(r"(?<![\w.:])(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)[ \u00a0](?:hours|hrs|horas|h)\b")
_TIME_PREPOSITIONS = frozenset("from at until till to since after before between and by around about".split())
# `at 10.30 o'clock`, `at 18 o'clock`: German *um 10.30 Uhr*, Dutch *om 18 uur*; English says o'clock
# only of whole hours on the 12-hour clock. (trigger: the literal `o'clock`; then the number before it)
_OCLOCK_TRIGGER = re.compile(r" o['’]clock\b")
_OCLOCK = re.compile(r"(?<![\w.:,])(?P<h>[01]?\d|2[0-4])(?:[.:](?P<m>[0-5]\d))?[ \u00a0]o['’]clock\b")
# `started at 18 hours`: Serbian, Croatian, Czech *u 18 sati*, *v 18 hodin*: an afternoon hour alone.
_AT_HOURS = re.compile(r"(?<![\w.:,])(?P<h>1[3-9]|2[0-3])[ \u00a0]hours\b(?![ \u00a0]*[,;-]| (?:old|after|before|later|"
                       r"post|per|of|a|an|each|ago|into|on end|earlier|long|late|early|or|to|and|than)\b)")
_HOUR_PREPOSITIONS = frozenset("at from until till since".split())
# `at its session klo 14.30`: the source's word for o'clock kept before the time (Finnish *klo*, *kello*;
# Swedish, Norwegian and Danish *kl.*). (trigger: the literal `kl`, then the clock word and the time)
_CLOCK_WORD = re.compile(r"(?<![\w.])(?:klo|kello|kl\.?)[ \u00a0](?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5]\d))?(?![\w]|[.:]\d)")


@rule(
    code="TQ707",
    name="h-time-format",
    category="locale",
    severity="minor",
    summary="Times written `9h` or `21h30` (French, Portuguese, Spanish style): English writes 9 a.m., 9:30 p.m.",
    flags=[
        "The wake will be open to the public from [[9h]], at the City Council building.",
        "The match starts at [[21h30]] and ends before midnight.",
        "Visits run between [[10h]] and [[18h]] every day.",
        "The march will start at [[19.30 hours]] and end before [[22:00 hrs]], or at [[23.00 h]].",
        "The group was at around [[10.30 o'clock]] below the glacier; the protest started at [[18 hours]].",
        "The shops close at [[20 o'clock]].",
        "The government decided at its session [[klo 14.30]] that the border stays shut; the ferry left [[kl. 9]].",
    ],
    passes=[
        "Trends 24h and a 4h battery; the 5h mark; a 12h shift.",
        "The car does 0-100 km/h in 4 seconds, at 120 km/h.",
        "He ran the 100m in 9.58 seconds at 9:30 p.m.",
        "The flight lasted 10.30 hours, and the 24 hours after it; at 0900 hours the troops left.",
        "At 10 o'clock she left; at 18 hours old the foal stood, and at 14 hours, the patients improved.",
        "The talks ran for 16 hours, from 13 hours to 14 hours a day, at 20 hours a week.",
        "The tank holds 5 kl of water; the KLO 14 code and kl.14.30 file were renamed.",
    ],
)
def h_time_format(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A clock time written with `h` after a time preposition or with minutes
    after the `h`: `from 9h`, `at 21h30`, `between 10h and 18h`; and a clock
    time followed by the word for hours (`at 19.30 hours`, `until 22:00 hrs`,
    Spanish *a las 19.30 horas*). Durations (`a 4h battery`, `24h`, `lasted
    10.30 hours`), military `0900 hours` and speeds (`km/h`) are left alone.
    Also a time after the source's word for o'clock: Finnish `klo 14.30`,
    Scandinavian `kl. 9`.

    ## Why it matters
    `9h` is the French, Portuguese and Spanish way of writing a time; English
    readers expect `9 a.m.` or `9:00`, and may read `9h` as a duration.

    ## Example
    ```
    The wake will be open to the public from 9h, at the City Council building.
    ```

    ## Use instead
    ```
    The wake will be open to the public from 9 a.m., at the City Council building.
    ```
    """
    text = doc.text
    for m in numbers_at(text, _DIGIT_H, _H_TIME):
        if doc.in_non_prose(m.start(), m.end()) or text[m.end() : m.end() + 1] == "/":
            continue
        before = prev_word(text, m.start()).lower()
        if before not in _TIME_PREPOSITIONS and not m.group("m"):
            continue
        h, mins = int(m.group("h")), m.group("m") or "00"
        english = f"{(h % 12) or 12}{':' + mins if mins != '00' else ''} {'a.m.' if h < 12 else 'p.m.'}"
        yield Finding(m.start(), m.end(), f"Time written '{m.group()}': English writes {english}", suggestion=english)
    for t in sorted((t for rx in _HOURS_TRIGGERS for t in rx.finditer(text)), key=lambda t: t.start()):
        m = _CLOCK_HOURS.search(text, max(0, t.start() - 6), t.end())
        if not m or m.end() != t.end() or doc.in_non_prose(m.start(), m.end()):
            continue
        if prev_word(text, m.start()).lower() not in _TIME_PREPOSITIONS:
            continue
        h, mins = int(m.group("h")), m.group("m")
        english = f"{(h % 12) or 12}{':' + mins if mins != '00' else ''} {'a.m.' if h < 12 else 'p.m.'}"
        yield Finding(m.start(), m.end(), f"Time written '{m.group()}' (Spanish, Italian, Portuguese style): "
                      f"English writes {english}", suggestion=english)
    yield from _clock_calques(doc)
    if "kl" in text:
        for m in _CLOCK_WORD.finditer(text):
            if doc.in_non_prose(m.start(), m.end()):
                continue
            h, mins = int(m.group("h")), m.group("m") or "00"
            english = f"{(h % 12) or 12}{':' + mins if mins != '00' else ''} {'a.m.' if h < 12 else 'p.m.'}"
            yield Finding(m.start(), m.end(), f"Time written '{m.group()}' with the source's word for o'clock: "
                          f"English writes {english}", suggestion=english)


def _clock_calques(doc: Document) -> Iterator[Finding]:
    """`at 10.30 o'clock`, `at 18 o'clock`, `at 18 hours`: the 24-hour clock said the source's way."""
    text = doc.text
    found = [m for m in numbers_at(text, _OCLOCK_TRIGGER, _OCLOCK, "0123456789.:") if m.group("m") or int(m.group("h")) > 12]
    if " hours" in text:
        found += [m for m in numbers_at(text, re.compile(r" hours\b"), _AT_HOURS)
                  if prev_word(text, m.start()).lower() in _HOUR_PREPOSITIONS]
    for m in sorted(found, key=lambda m: m.start()):
        if doc.in_non_prose(m.start(), m.end()):
            continue
        h, mins = int(m.group("h")), m.groupdict().get("m") or "00"
        english = f"{(h % 12) or 12}{':' + mins if mins != '00' else ''} {'a.m.' if h < 12 or h == 24 else 'p.m.'}"
        yield Finding(m.start(), m.end(), f"Time written '{m.group()}' (the source's 24-hour clock): "
                      f"English writes {english}", suggestion=english)


# ---------------------------------------------------------------------------- TQ708

_DETERMINERS = frozenset(
    "the a an these those their his her its our my your some many all both several no every each "
    "this that other such most few".split()
)
# Capitalised common nouns that English itself capitalises: institutions, parties, teams, events.
_CONVENTIONAL_CAPS = frozenset(
    """
    government president state states church army navy court senate house congress parliament cabinet crown
    queen king prince princess pope prime minister chancellor council commission bank party union city county
    university college school club team league cup games olympics internet web earth moon sun bible koran
    left right west east north south republic kingdom empire federation assembly ministry department agency
    office committee board constitution treaty mass lord lords god prophet holocaust resistance revolution
    reformation renaissance enlightenment crusades depression blitz troubles commons tories democrats
    republicans conservatives liberals socialists greens allies axis admiralty treasury exchequer palace
    speaker chair bench bar guard guards marines corps police fed opposition coalition establishment
    executive administration regime kremlin pentagon vatican state tower abbey cathedral museum gallery
    giants saints rangers jets eagles warriors bears lions tigers kings bulls heat magic nets knights pirates
    cardinals royals mariners rockies dodgers yankees mets cubs reds braves padres brewers twins rays astros
    angels athletics orioles patriots bills dolphins ravens bengals browns steelers texans colts jaguars
    titans broncos chiefs raiders chargers cowboys commanders packers vikings falcons panthers buccaneers
    seahawks celtics spurs hornets wolves rockets clippers suns jazz pelicans hawks bucks pistons cavaliers
    pacers raptors wizards senators flames oilers canucks sharks ducks stars wild blues predators hurricanes
    capitals islanders devils flyers penguins sabres bruins lightning gunners magpies hammers toffees foxes
    bees cherries seagulls villans blades owls canaries hornets potters baggies addicks lilywhites whites
    reds blacks wallabies springboks pumas lionesses matildas socceroos azzurri bulldogs wildcats huskies
    gators hurricanes longhorns sooners buckeyes wolverines spartans hawkeyes badgers gophers jayhawks
    razorbacks volunteers aggies mountaineers cougars beavers trojans buffaloes rams saracens harlequins
    wasps crusaders highlanders brumbies waratahs stormers scorchers sixers renegades strikers thunder
    unionists nationalists loyalists communists federalists labour whigs
    beatles stones doors who eagles ramones clash smiths killers strokes
    oscars emmys grammys tonys baftas brits globes awards
    """.split()
)


# `the Hostages`: literal triggers for `the`/`The`, `these`/`those`, `their` (fast to scan), then checks.
_DET_CAPITAL = tuple(
    re.compile(head + r" (?P<word>[A-Z][a-z]{2,}(?:s|en|le|ce|ff))\b") for head in ("he", "se", "ir")
)
_SENTENCE_BREAK = ("", "\n", ".", "!", "?", '"', "\u201c", "\u201d", "(", ":")
_OPENERS = frozenset(
    "in on at for of with from by after before but and when while as among then so yet since during despite "
    "under over about against like unlike meanwhile also still now today yesterday".split()
)
_NEXT_TOKEN = re.compile(r"[ \u00a0]*([^\W\d_]+|\S)?")
_LAST_WORD = re.compile(r"([^\W\d_]+)[ \u00a0]*$")


# `the Strike`: any capitalised word after `the` (checked further in code: a singular noun needs
# more evidence, see capitalised_common_noun).
_THE_CAPITAL = re.compile(r"he (?P<word>[A-Z][a-z]{3,})\b")


def _german_candidates(doc: Document, singular: bool = False) -> list[tuple[int, int, str]]:
    """Capitalised ordinary plural nouns after a determiner, mid-sentence, not part of a name
    (with ``singular``: ordinary singular nouns after `the`)."""
    text = doc.text
    out = []
    for trigger in (_THE_CAPITAL,) if singular else _DET_CAPITAL:
        for m in trigger.finditer(text):
            ws, we = m.span("word")
            word = m.group("word")
            low = word.lower()
            if low in _CONVENTIONAL_CAPS or (low.endswith("s") and low[:-1] in _CONVENTIONAL_CAPS):
                continue
            if singular:
                if (is_count_plural(low) or words.zipf(low) < 3.5 or not words.is_ordinary_lowercase(low)
                        or geo.is_place(low) or low in _SINGULAR_CAPS):
                    continue
            elif not is_count_plural(low) or words.zipf(low) < 3.0 or geo.is_place(low):
                continue
            ds = m.start()
            while ds > 0 and text[ds - 1].isalpha():
                ds -= 1
            det = text[ds : m.start() + 2]
            if det.lower() not in _DETERMINERS:
                continue
            before = text[max(0, ds - 40) : ds]
            if det[0].isupper() and before.rstrip(" \u00a0")[-1:] not in _SENTENCE_BREAK:
                continue  # `In The Hague`: inside a capitalised run
            nxt = _NEXT_TOKEN.match(text, we).group(1) or ""
            if nxt[:1].isupper() or nxt in ("of", "de", "del", "des", "von", "van"):
                continue  # `the Peace Corps`, `the Friends of the Earth`: a name
            if nxt and not nxt[0].isalpha() and nxt not in ",.;:!?":
                continue  # quotes, brackets, hyphens: titles and compounds
            if nxt in _NAME_PREPOSITIONS and _capital_follows(text, we + 1 + len(nxt)):
                continue  # `the Institute for the Study of War`
            if nxt in ("and", "&") and _institution_run(text, we):
                continue  # `the Securities and Exchange Commission`: one name
            lw = _LAST_WORD.search(before)
            if lw and not det[0].isupper():
                prev = lw.group(1)
                if prev[0].isupper() and prev.lower() not in _OPENERS:
                    continue  # `Save the Children`
                if prev == "of" and re.search(r"[A-Z][\w'\u2019]*[ \u00a0]+of[ \u00a0]*$", before):
                    continue  # `the Minister of the Interior`
            if _title_case_line(doc, ws):
                continue
            out.append((ws, we, word))
    return sorted(out)


# Singular nouns English capitalises as the short form of a name or an office (`the Institute`,
# `the Strip`, `the Bill`), beyond _CONVENTIONAL_CAPS.
_SINGULAR_CAPS = frozenset(
    """
    institute foundation association federation organisation organization society company group fund
    programme program project plan bill act law code charter accord agreement convention protocol pact
    deal summit conference forum festival strip bay river lake valley coast island peninsula gulf sea
    ocean square street road avenue bridge station airport port hall center centre theatre theater
    stadium arena tower castle tribunal authority service network channel times post herald guardian
    journal gazette observer mirror sun sunday daily tribune review economist independent telegraph
    prosecutor mayor governor premier minister secretary general director chairman chief judge justice
    ambassador emperor pharaoh sultan tsar czar shah caliph bishop archbishop patriarch duke duchess earl
    baron doctor professor colonel major captain lieutenant sergeant commander admiral marshal
    """.split()
)
_NAME_PREPOSITIONS = frozenset("for of in on at against without".split())
_CAPITAL_NEXT = re.compile(r" (?:the |an? )?[A-Z]")


def _capital_follows(text: str, pos: int) -> bool:
    return bool(_CAPITAL_NEXT.match(text, pos))


# `and Exchange Commission`: capitalised words joined by and/of/for/the after the candidate (at most six).
_RUN_AFTER = re.compile(r"(?:[ \u00a0]+(?:and|&|of|for|the|[A-Z][a-z]+)){1,6}")


def _institution_run(text: str, pos: int) -> bool:
    """A capitalised run joined by `and` that ends in an institution's head word is one name."""
    m = _RUN_AFTER.match(text, pos)
    if not m:
        return False
    last = m.group().split()[-1]
    return last[0].isupper() and (last.lower() in _CONVENTIONAL_CAPS or last.lower() in _SINGULAR_CAPS)


def _title_case_line(doc: Document, offset: int) -> bool:
    """Whether the paragraph around ``offset`` is a Title Case headline."""
    p = doc.paragraph_index(offset)
    if p is None:
        return False
    ws = [w for w in doc.slice(doc.paragraphs[p]).split() if w[:1].isalpha()]
    if len(ws) > 20:
        return False
    caps = sum(1 for w in ws if w[0].isupper())
    return caps * 2 > len(ws)


_CONTINENTAL_QUOTES = re.compile(r"[\u201e\u00ab]\S")
_GROUPED_THOUSANDS = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3}){2,}(?![\w.,])")


def _continental_typography(doc: Document) -> bool:
    """Whether the article shows continental typography: decimal commas, `„` or `«` quotes, `1.500.000`."""
    text = doc.text
    return bool(
        next(decimal_commas(text), None) or _CONTINENTAL_QUOTES.search(text) or _GROUPED_THOUSANDS.search(text)
    )


def _lowercase_forms(doc: Document) -> set[str]:
    # WORD_RE is the tokenizer's word pattern: the same set as doc.tokens' lowercase words, without building them
    return {w for w in WORD_RE.findall(doc.text) if w[0].islower()}


def _name_uses(doc: Document, word: str) -> bool:
    """Whether the article uses the capitalised word inside a name (next to another capitalised word)."""
    for m in re.finditer(rf"(?:\b([A-Z][\w'\u2019.-]*) )?\b{word}\b( [A-Z])?", doc.text):
        if m.group(2) or (m.group(1) and m.group(1).lower() not in _DETERMINERS):
            return True
    return False


@rule(
    code="TQ708",
    name="capitalised-common-noun",
    category="locale",
    severity="minor",
    summary="A common noun capitalised mid-sentence the German way (`the Hostages were freed`).",
    flags=[
        "The army said the [[Hostages]] were freed at dawn, and the hostages' families waited.",
        "The [[Pensioners]] will receive an increase, and pensioners' groups welcomed it.",
        "„We have a budget“, he said. The [[Pensioners]] will receive 3,5 percent more.",
        "The union called a strike. The cost of the [[Strike]] is 1,2 billion euros a week.",
    ],
    passes=[
        "The Giants beat the Eagles, and the Democrats met the Greens at the Church.",
        "The Peace Corps and the Friends of the Earth met the Hostages Families Forum. The Hostages Forum spoke.",
        "The Hostages were freed on Monday.",
        "The Bulldogs beat the Wildcats, and the Huskies lost to the Vandals.",
        "The President said the Government and the Army would act.",
        "The Institute for the Study of War, Save the Children and the Minister of the Interior spoke.",
        "The Park has reopened and the Strip was closed. The Hostages Return Home",
        "The union called a strike. The cost of the Strike is unknown.",
        "The Institute of Economy spoke of a strike; the Institute put the cost at 1,2 billion euros.",
        "The deal awaits the Securities and Exchange Commission; securities fell 1,2 percent.",
    ],
)
def capitalised_common_noun(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A frequent, ordinary English plural noun capitalised after a determiner
    in mid-sentence (`the Hostages were freed`), when the article also writes
    the same noun in lowercase or shows other continental typography (decimal
    commas, `„quotes“`): German capitalises every noun, and the habit
    survives translation. A singular noun after `the` (`the Strike`), which
    may be the short form of a name, needs both: the lowercase noun elsewhere
    and continental typography. Institutions
    and titles English capitalises (`the Government`, `the President`), sports
    teams and parties (`the Giants`, `the Democrats`), and words the article
    uses inside names (`the Hostages Families Forum`) are left alone.

    ## Why it matters
    A capital in mid-sentence makes an ordinary noun look like a name or a
    title, and shows the text was translated from German without editing.

    ## Example
    ```
    The Pensioners will receive an increase of 3.5 percent from July.
    ```

    ## Use instead
    ```
    Pensioners will receive an increase of 3.5 percent from July.
    ```
    """
    cands = _german_candidates(doc)
    continental = "he " in doc.text and _continental_typography(doc)
    singular = _german_candidates(doc, singular=True) if continental else []
    lower = None
    if singular:
        # A singular noun (`the Strike`) may be the short form of a name (`the Institute`): only in an
        # article with continental typography, that writes the same noun in lowercase elsewhere.
        lower = _lowercase_forms(doc)
        cands += [c for c in singular if c[2].lower() in lower]
        cands.sort()
    if not cands:
        return
    if lower is None:
        lower = _lowercase_forms(doc)
    # once per distinct word: each look-up scans the whole article
    distinct = {w.lower() for w in {w for _, _, w in cands} if not _name_uses(doc, w)}
    translated = None
    for s, e, word in cands:
        low = word.lower()
        if low not in distinct:
            continue
        variants = {low, low[:-1], low[:-2], low[:-3] + "y"}
        if not (variants & lower):
            if translated is None:
                translated = _continental_typography(doc)
            if not translated:
                continue
        yield Finding(s, e, f"'{word}' capitalised mid-sentence: an ordinary noun, capitalised the German way",
                      suggestion=low)


# ---------------------------------------------------------------------------- TQ709

# French, Russian, Polish, Scandinavian and SI style: groups of three digits separated by a space,
# a no-break space or a thin space (`1 200 hectares`, `3 000 people`); Swiss style: an apostrophe
# (`1'200`). Each trigger starts with the separator, a literal: fast to scan.
_GROUP_SEPARATORS = (" ", "\u00a0", "\u202f", "\u2009", "'", "\u2019")
_GROUP_TRIGGERS = tuple((sep, re.compile(re.escape(sep) + r"\d{3}(?!\d)")) for sep in _GROUP_SEPARATORS)
_SPACED_NUMBER = {
    sep: re.compile(rf"(?<![\w.,'\u2019+-])\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+(?!\d|[.,]\d{{3}}|[ \u00a0]\d)")
    for sep in _GROUP_SEPARATORS
}
_MONTH_WORDS = frozenset(m.lower() for m in "January February March April May June July August September October "
                         "November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
# Words before two numbers that make them a tally (`voted 312 208`, `won 3 1`): a dash lost in
# extraction, not a thousands separator.
_TALLY_WORDS = frozenset("voted vote votes beat beaten won lost drew defeated tally score scored margin".split())
_TALLY_NEXT = frozenset("in against to with for on at after and but as".split())
# Words before a number that make it a code, a reference or a date rather than an amount.
_CODE_WORDS = frozenset(
    "v version versions ios android windows python firmware no nos number art article section chapter page pp "
    "figure fig table vol model tel phone telephone fax call isbn issn code postcode zip box flight route bus "
    "line room seat ref reference id pin".split()
)
_LIST_WORDS = frozenset("and or to".split())
_LIST_NEXT = re.compile(r"[ \u00a0]*\d{1,3}(?![\d,.]|[ \u00a0'\u2019]\d{3}(?!\d))")


def _grouped_numbers(text: str, folded: bytes) -> Iterator[tuple[re.Match, str]]:
    for sep, trigger in _GROUP_TRIGGERS:
        if sep not in text or (sep in " '" and f"0{sep}000".encode("ascii") not in folded):
            continue  # no digit, separator, three digits: nothing to find (one C-level search)
        number = _SPACED_NUMBER[sep]
        covered = -1
        for t in trigger.finditer(text):
            s = t.start()
            if s < covered:
                continue
            d = s
            while d > 0 and text[d - 1].isdigit() and s - d < 4:
                d -= 1
            m = number.match(text, d)
            if m and m.end() > s:
                covered = m.end()
                yield m, sep


@rule(
    code="TQ709",
    name="space-thousands-separator",
    category="locale",
    severity="minor",
    summary="A space or apostrophe as thousands separator (`3 000 people`, `1'200`): English writes 3,000.",
    flags=[
        "The fire destroyed [[1 200]] hectares and forced [[3 000]] people to leave.",
        "The plan will create [[4\u00a0500]] homes at a cost of €[[12\u202f000\u202f000]].",
        "Tickets cost CHF [[1'200]], and [[250 000]] visitors came.",
        "The council voted [[120 000]] euros for the repairs.",
        "Turnout rose by [[1,24,000]] voters, and [[1,37,10,000]] rupees were seized in a peaceful manner।",
    ],
    passes=[
        "In 2020 100 people died, and on May 5 200 more were hurt.",
        "Call +33 1 234 567 890 or tel. 020 7946 0958; flight 370 239 was delayed.",
        "The 100 200 and 400 metres finals; version 3 100 shipped.",
        "The '90s, the 1990s and rock 'n' roll; 5'11\" tall.",
        "Senators voted 312 208 in favour of the bill, and the home side won 3 1 on the night.",
        "Turnout rose by 124,000 voters (1.24 lakh), and 1,370,000 rupees, coordinates 12,40,00.",
        "Infosys took its workforce to 3,23,379, the Bengaluru company said.",
    ],
)
def space_thousands_separator(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A number whose groups of three digits are separated by a space, a no-break
    space or a thin space (`1 200 hectares`, `3 000 people`, `250 000
    visitors`), the convention of French, Russian, Polish, Scandinavian and SI
    texts, or by an apostrophe (`1'200`), the Swiss one. The number must be
    followed by a word (a count, a unit, a multiplier) or follow a currency.
    Years before a count (`in 2020 100 people`), dates (`May 5 200`), phone
    numbers, codes and lists (`the 100 200 and 400 metres`) are left alone.

    ## Why it matters
    English groups thousands with commas. A spaced number reads as two
    numbers (`1 200` as "1" and "200"), so the figure is garbled.

    ## Example
    ```
    The fire destroyed 1 200 hectares and forced 3 000 people to leave their homes.
    ```

    ## Use instead
    ```
    The fire destroyed 1,200 hectares and forced 3,000 people to leave their homes.
    ```
    """
    text = doc.text
    yield from _lakh_grouping(doc)
    for m, sep in _grouped_numbers(text, ctx.get(digits_folded)):
        s, e = m.span()
        if doc.in_non_prose(s, e):
            continue
        before = prev_word(text, s).lower()
        if before in _MONTH_WORDS or before in _CODE_WORDS:
            continue
        if text[max(0, s - 2) : s - 1].isdigit():
            continue  # `+33 1 234 567`, `2020 100`: part of a longer run of digits
        if text[max(0, s - 2) : s].rstrip(" \u00a0")[-1:] in ("+", "/", "#") and not _CURRENCY_PREFIX.search(
            text, max(0, s - 5), s
        ):
            continue
        currency = bool(_CURRENCY_PREFIX.search(text, max(0, s - 5), s))
        nxt = next_word(text, e)
        if nxt and text[e : nxt[1]].count("\n"):
            nxt = None
        if not currency and before in _TALLY_WORDS and m.group().count(sep) == 1 and (
                not nxt or nxt[0].lower() in _TALLY_NEXT):
            continue  # `MPs voted 312 208 in favour`: a vote or a score whose dash was lost, two numbers
        if not currency:
            if not nxt or not (nxt[0][:1].isalpha() or nxt[0] == "%"):
                continue
            if nxt[0].lower() in _LIST_WORDS and _LIST_NEXT.match(text, nxt[2]):
                continue  # `the 100 200 and 400 metres`: a list without commas
        fixed = m.group().replace(sep, ",")
        how = "an apostrophe" if sep in ("'", "\u2019") else "a space"
        yield Finding(
            s,
            e,
            f"'{m.group()}' groups thousands with {how}; English writes {fixed}",
            suggestion=fixed,
            fix=(Edit(s, e - s, fixed),),
        )


# `1,24,000`, `1,37,10,000`: the Indian lakh and crore grouping (pairs of digits before the last three).
_LAKH = re.compile(r"(?<![\w.,])\d{1,2},\d\d(?:,\d\d)*,\d{3}(?![\w]|[.,]\d)")
_LAKH_TRIGGER = re.compile(r",\d\d,\d")
# Devanagari or Bengali letters, the danda, or a Hindi honorific: the article was translated from an Indian language.
_INDIC_TRACE = re.compile(r"[\u0900-\u09ff]|\b(?:ji|Shri|Smt\.|Shrimati)\b")


def _lakh_grouping(doc: Document) -> Iterator[Finding]:
    """Indian digit grouping, which English readers misread (`1,24,000` is 124,000)."""
    text = doc.text
    if not _INDIC_TRACE.search(text):
        return  # Indian English writes lakhs this way as house style: only a translation's trace tells
    for m in numbers_at(text, _LAKH_TRIGGER, _LAKH):
        s, e = m.span()
        if doc.in_non_prose(s, e):
            continue
        fixed = f"{int(m.group().replace(',', '')):,}"
        yield Finding(s, e, f"'{m.group()}' groups digits the Indian way (lakh, crore); English writes {fixed}",
                      suggestion=fixed, fix=(Edit(s, e - s, fixed),))


# ---------------------------------------------------------------------------- TQ710

_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_DOT_MONTH = re.compile(r"\. (?:" + _MONTH_NAMES + r")\b")
_ORDINAL_DOT_DATE = re.compile(r"(?<![\w.,])(?P<d>[12]\d|3[01]|0?[1-9])\. (?P<m>" + _MONTH_NAMES + r")\b(?P<y>,? \d{4}\b)?")
_DATE_LEAD = frozenset(
    "on from until till since by before after dated "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


@rule(
    code="TQ710",
    name="source-language-date",
    category="locale",
    severity="minor",
    summary="A date in the source's form (`on 14. March`, `the 3 of May`): English writes March 14 or 3 May.",
    flags=[
        "The law takes effect on [[14. March]] and expires on Friday, [[3. June 2025]].",
        "Berlin, [[1. September 2024]]: the talks resumed.",
        "The strike began on [[the 3 of May]] and ended on [[14 of June, 2023]].",
        "The prize was handed out on [[12 Esfand 1402]] and the shrine reopens in [[1447 AH]].",
    ],
    passes=[
        "He scored in the 14th minute. March was cold; the ages were 12 and 14. May, the eldest, spoke.",
        "Chapter 3. June Carter Cash sang, and on 14 March they met.",
        "The 3rd of May, and 2 of May's three daughters; the 20 of June's best songs? Four of March's games.",
        "The shrine was built in 1447 AH (2025) and the fast of Ramadan began in March 2025.",
        "Thursday 6 March 2025 – 6 Ramadan 1446 AH",
        "Mehr 1300 tonnes of wheat were shipped; Tehran's calendar year 1404 began in March 2025.",
    ],
)
def source_language_date(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A day written as an ordinal number with a period before the month name
    (`on 14. March`, `Friday, 3. June 2025`), the German, Polish, Czech and
    Scandinavian way of writing *der 14. März*. The day must follow a
    preposition or a weekday, or the month a year, so that a sentence that
    ends in a number before a sentence that starts with a month (`aged 12 and
    14. May, the eldest...`) is left alone. Also a bare day number joined to
    the month by `of` (`the 3 of May`, `on 14 of June`: Spanish *el 3 de
    mayo*, Italian *il 3 di maggio*); English writes `the 3rd of May` or `3 May`.
    And a date of the Iranian solar or the Islamic lunar calendar left as it
    was (`22 Bahman 1403`, `Rajab 1446`, `1446 AH`, `1403 SH`) with no
    Gregorian date beside it.

    ## Why it matters
    The period after the day marks an ordinal in the source language; in
    English it reads as the end of a sentence. `the 3 of May` reads as a count.

    ## Example
    ```
    The law takes effect on 14. March; the strike began on the 3 of May.
    ```

    ## Use instead
    ```
    The law takes effect on March 14 (or 14 March); the strike began on May 3.
    ```
    """
    text = doc.text
    folded = ctx.get(digits_folded)
    if b"0 of " in folded:
        for t in _OF_MONTH.finditer(text):
            d = t.start()
            while d > 0 and text[d - 1].isdigit() and t.start() - d < 2:
                d -= 1
            if d == t.start():
                continue
            lead = _THE_BEFORE.search(text, max(0, d - 4), d)
            m = _DAY_OF_MONTH.match(text, lead.start() if lead else d)
            if not m or text[m.end() : m.end() + 2] in ("'s", "\u2019s") or doc.in_non_prose(m.start(), m.end()):
                continue
            if not lead and prev_word(text, d).lower() not in _DATE_LEAD:
                continue
            day, month = int(m.group("d")), m.group("m")
            english = f"{month} {day}" + (f", {m.group('y').strip(' ,')}" if m.group("y") else "")
            yield Finding(m.start(), m.end(), f"Date '{m.group()}' in the source's form (day 'of' month): "
                          f"English writes {english}", suggestion=english)
    if b"0. " in folded:
        yield from _ordinal_dot_dates(doc)
    if (b" 0000" in folded or b"0000 " in folded) and _CALENDAR_YEAR.search(text):
        yield from _calendar_dates(doc)


# Dates of the Iranian solar and the Islamic lunar calendars: English news gives the Gregorian date.
_IRANIAN_MONTHS = ("Farvardin|Ordibehesht|Khordad|Tir|Mordad|Amordad|Shahrivar|Mehr|Aban|Azar|Dey|Bahman|Esfand|Esfand")
_HIJRI_MONTHS = ("Muharram|Safar|Rabi al-Awwal|Rabi al-Thani|Rabi al-Akhir|Jumada al-Awwal|Jumada al-Ula|Jumada al-Thani|"
                 "Jumada al-Akhira|Rajab|Shaban|Sha'ban|Ramadan|Ramazan|Shawwal|Dhu al-Qadah|Dhu al-Qa'dah|Dhu al-Hijjah|"
                 "Dhul-Hijjah|Dhul-Qadah")
# A month with a year of those calendars (13xx or 14xx), a day before it optional; or such a year with its era mark.
_CALENDAR_DATE = re.compile(
    rf"(?<![\w-])(?:(?:[12]\d|3[01]|0?[1-9])[ \u00a0])?(?:{_IRANIAN_MONTHS}|{_HIJRI_MONTHS}),?[ \u00a0]1[34]\d\d(?!\d)"
    r"|(?<![\w.,-])1[34]\d\d[ \u00a0]?(?:AH|A\.H\.|SH|S\.H\.|HS|H\.S\.)(?![\w])"
)
# Every calendar date holds a year 13xx or 14xx: a cheap gate before the slow scan (which starts at a look-behind).
_CALENDAR_YEAR = re.compile(r"1[34]\d\d")
_AFTER_DATE = frozenset("and or to until till when while as at in on the was is will had has after before".split())
# The Gregorian date given alongside: `1446 AH (2024)`, `22 Bahman 1403 (February 10, 2025)`.
_GREGORIAN_BEFORE = re.compile(r"(?:1[89]|20)\d\d[ \u00a0]*[(/,–—-]?[ \u00a0]*$")
_GREGORIAN_NEAR = re.compile(r"[ \u00a0]*[(,/–-][^()\n]{0,24}(?:1[89]|20)\d\d")


def _calendar_dates(doc: Document) -> Iterator[Finding]:
    text = doc.text
    for m in _CALENDAR_DATE.finditer(text):
        if _GREGORIAN_NEAR.match(text, m.end()) or doc.in_non_prose(m.start(), m.end()):
            continue
        nxt = next_word(text, m.end())
        if not m.group()[0].isdigit() and nxt and nxt[0].islower() and nxt[0] not in _AFTER_DATE:
            continue  # `Mehr 1300 tonnes`: a count, not a year
        if _GREGORIAN_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # `2025 (1403 SH)`, `6 March 2025 – 6 Ramadan 1446`: the Gregorian date comes first
        yield Finding(m.start(), m.end(), f"'{m.group()}' is a date of the Iranian or Islamic calendar: English news "
                      "gives the Gregorian date (or adds it in brackets)")


_OF_MONTH = re.compile(r" of (?:" + _MONTH_NAMES + r")\b")
_THE_BEFORE = re.compile(r"[Tt]he $")
_DAY_OF_MONTH = re.compile(
    r"(?<![\w.,])(?:[Tt]he )?(?P<d>[12]\d|3[01]|0?[1-9]) of (?P<m>" + _MONTH_NAMES + r")\b(?P<y>,? \d{4}\b)?"
)


def _ordinal_dot_dates(doc: Document) -> Iterator[Finding]:
    text = doc.text
    if ". " not in text:
        return
    for t in _DOT_MONTH.finditer(text):
        d = t.start()
        while d > 0 and text[d - 1].isdigit() and t.start() - d < 2:
            d -= 1
        if d == t.start():
            continue
        m = _ORDINAL_DOT_DATE.match(text, d)
        if not m or doc.in_non_prose(m.start(), m.end()):
            continue
        lead = text[max(0, d - 30) : d].rstrip(" \u00a0")
        before = prev_word(text, d).lower()
        dated = m.group("y") or before in _DATE_LEAD  # a year after, or `on`, `from`, a weekday before
        if not dated and not (lead.endswith(",") and geo.is_place(before)):  # `Berlin, 1. September`
            continue
        day, month = int(m.group("d")), m.group("m")
        english = f"{month} {day}" + (f", {m.group('y').strip(' ,')}" if m.group("y") else "")
        yield Finding(m.start(), m.end(), f"Date '{m.group()}' written with an ordinal dot: English writes {english}",
                      suggestion=english, fix=(Edit(m.start(), m.end() - m.start(), english),))


# ---------------------------------------------------------------------------- TQ711

# Full-width and ideographic punctuation of Chinese, Japanese and Korean text, with its English form.
_FULLWIDTH = {
    "\uff0c": ",", "\u3002": ".", "\uff1a": ":", "\uff1b": ";", "\uff01": "!", "\uff1f": "?",
    "\uff08": "(", "\uff09": ")", "\u3001": ",", "\uff05": "%", "\uff02": '"', "\uff07": "'",
}
_CJK_QUOTES = {"\u300a": "\u300b", "\u300c": "\u300d", "\u300e": "\u300f", "\u3010": "\u3011", "\u3008": "\u3009"}
_CJK_QUOTE_OPENERS = re.compile("[" + "".join(_CJK_QUOTES) + "]")


def _is_cjk(ch: str) -> bool:
    o = ord(ch) if ch else 0
    return (0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF
            or 0xF900 <= o <= 0xFAFF or 0xFF66 <= o <= 0xFF9F or 0x1100 <= o <= 0x11FF)


@rule(
    code="TQ711",
    name="fullwidth-punctuation",
    category="locale",
    severity="minor",
    summary="Chinese or Japanese punctuation (`，`, `。`, `：`, `《...》`, `「...」`) left in English text.",
    flags=[
        "The ministry said[[，]] the talks would resume[[。]] Officials added[[：]] no date was set.",
        "The novel [[《The Three-Body Problem》]] and the slogan [[「Common Prosperity」]] were cited.",
        "She was born in Giza[[،]] and the fair opens on [[٥]] February.",
        "Voting ended in a peaceful manner[[।]] Turnout was high.",
        "The team lost to Bangladesh[[۔]] The board met on Monday.",
        "With the current wage of [[৮,০০০]] taka, a worker cannot pay the rent.",
    ],
    passes=[
        "The film 《英雄》 (Hero) and the word 「改革」 were discussed; the motto is 实事求是。",
        "The sign read القاهرة، مصر and the code مصر٢ was printed under it.",
        "The banner read सत्यमेव जयते। and the crowd cheered; the price was 8,000 taka.",
        "Prices rose 3% (year on year): officials said, “no comment.”",
    ],
)
def fullwidth_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Full-width commas, periods, colons, semicolons, brackets and percent
    signs (`，` `。` `：` `；` `（）` `％`) and East Asian quotation marks
    (`《...》` `「...」` `『...』` `【...】`) next to English words: the
    punctuation of the Chinese, Japanese or Korean source carried over.
    Quotations of the original script (`《英雄》`, `「改革」`) and punctuation
    next to CJK characters are left alone. Also Arabic, Persian and Indic
    punctuation and digits (`،` `؛` `؟` `٪`, `٥`, `۵`, the Urdu full stop `۔`,
    the danda `।`, Bengali `৮,০০০`) that touch no letter of their script.

    ## Why it matters
    Full-width marks take a whole character cell and carry their own spacing;
    in English text they look like broken typesetting, and search, word
    counts and spell checkers trip over them.

    ## Example
    ```
    The ministry said，the talks would resume。The novel 《The Three-Body Problem》 was cited.
    ```

    ## Use instead
    ```
    The ministry said the talks would resume. The novel “The Three-Body Problem” was cited.
    ```
    """
    text = doc.text
    if text.isascii():
        return
    found = [ch for ch in _FULLWIDTH if ch in text]
    yield from _script_marks(doc)
    for ch in found:
        english = _FULLWIDTH[ch]
        i = text.find(ch)
        while i >= 0:
            if not (_is_cjk(text[i - 1 : i]) or _is_cjk(text[i + 1 : i + 2])) and not doc.in_non_prose(i):
                yield Finding(i, i + 1, f"Full-width '{ch}' (Chinese/Japanese punctuation): English uses '{english}'",
                              suggestion=english, fix=(Edit(i, 1, english),))
            i = text.find(ch, i + 1)
    if not any(ch in text for ch in _CJK_QUOTES):
        return
    for ps, pe in doc.paragraphs:
        for m in _CJK_QUOTE_OPENERS.finditer(text, ps, pe):
            o = m.start()
            close = text.find(_CJK_QUOTES[text[o]], o + 1, pe)
            inner = text[o + 1 : close] if close >= 0 else text[o + 1 : o + 2]
            if any(_is_cjk(c) for c in inner):
                continue  # a quotation of the original script
            if close < 0:
                yield Finding(o, o + 1, f"'{text[o]}' is an East Asian quotation mark: English uses “")
                continue
            yield Finding(o, close + 1, f"Title or quotation in '{text[o]}...{text[close]}': English uses “...” "
                          "(or italics for a title)", suggestion=f"\u201c{inner.strip()}\u201d")


# Arabic-script and Indic punctuation and digits: `birth، and`, `٥ February`, `manner।`, `Bangladesh۔`,
# `৮,০০০ taka`. Each run of them is reported unless it touches a letter of its own script (a quotation).
_NATIVE_DIGITS = ("\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef"
                  "\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f\u0e50-\u0e59"
                  "\u0ed0-\u0ed9\u1040-\u1049\u17e0-\u17e9")
_SCRIPT_MARK_RUN = re.compile(f"[\u060c\u061b\u061f\u066a\u066b\u066c\u06d4\u0964\u0965{_NATIVE_DIGITS}]+")
_NATIVE_DIGIT = re.compile(f"[{_NATIVE_DIGITS}]")
_SCRIPT_ENGLISH = {"\u060c": ",", "\u061b": ";", "\u061f": "?", "\u066a": "%", "\u066b": ".", "\u066c": ",",
                   "\u06d4": ".", "\u0964": ".", "\u0965": "."}


def _native_letter(ch: str) -> bool:
    return bool(ch) and ("\u0600" <= ch <= "\u06ff" or "\u0900" <= ch <= "\u0dff") and (
        ch.isalpha() or unicodedata.category(ch).startswith("M"))  # a vowel sign ends `जयते`


def _mark_runs(text: str) -> Iterator[tuple[int, int]]:
    """Runs of marks, with `,` or `.` between native digits kept inside (`৮,০০০`)."""
    runs = [m.span() for m in _SCRIPT_MARK_RUN.finditer(text)]
    k = 0
    while k < len(runs):
        s, e = runs[k]
        while (k + 1 < len(runs) and runs[k + 1][0] == e + 1 and text[e] in ",."
               and _NATIVE_DIGIT.match(text, e - 1) and _NATIVE_DIGIT.match(text, e + 1)):
            k += 1
            e = runs[k][1]
        yield s, e
        k += 1


def _script_marks(doc: Document) -> Iterator[Finding]:
    text = doc.text
    if text.isascii() or not _SCRIPT_MARK_RUN.search(text):
        return
    for s, e in _mark_runs(text):
        if _native_letter(text[s - 1 : s]) or _native_letter(text[e : e + 1]) or doc.in_non_prose(s, e):
            continue
        run = text[s:e]
        english = "".join(_SCRIPT_ENGLISH.get(c, str(int(c)) if c.isdigit() else c) for c in run)
        kind = "digits" if _NATIVE_DIGIT.match(run) else "punctuation"
        script = "Arabic-script" if any("\u0600" <= c <= "\u06ff" for c in run) else "Indic-script"
        yield Finding(s, e, f"{script} {kind} '{run}' in English text: English writes '{english}'",
                      suggestion=english, fix=(Edit(s, e - s, english),))


# ---------------------------------------------------------------------------- TQ712

# `1º`, `2ª`: the Spanish, Portuguese and Italian ordinal indicators (and `º` misused as a degree
# sign: `30º C`); `Nº 5`, `N° 5`: their "number" abbreviation.
_ORDINAL_SIGN = re.compile(r"[\u00ba\u00aa]")
_ORDINAL_NUMBER = re.compile(r"(?<![\w.])(?P<n>\d{1,4})[ \u00a0]?(?P<s>[\u00ba\u00aa])(?P<unit>[ \u00a0]?[CF]\b)?")
_NUMBER_SIGN = re.compile(r"\b[Nn][\u00ba\u00b0\u00aa][ \u00a0]?(?=\d)|\b[Nn]\.[\u00ba\u00b0][ \u00a0]?(?=\d)")


def _english_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@rule(
    code="TQ712",
    name="ordinal-indicator",
    category="locale",
    severity="minor",
    summary="Ordinal indicators and number signs of the source (`1º`, `2ª`, `Nº 5`, `30º C`): English writes 1st, No. 5, 30°C.",
    flags=[
        "The [[1º]] of May rally and the [[2ª]] division; law [[Nº ]]12 of 2023.",
        "Temperatures reached [[30º C]] in Seville, under decree [[N° ]]45.",
    ],
    passes=[
        "Temperatures reached 30°C, or 86 °F, and the 1st and 2nd divisions met under law No. 12.",
        "The Señorº brand and the word Nº alone.",
    ],
)
def ordinal_indicator(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    The ordinal indicators `º` and `ª` after a number (`1º`, `2ª`, Spanish,
    Portuguese and Italian *primero*, *segunda*), the same sign misused as a
    degree sign (`30º C`), and the number abbreviations `Nº 5`, `N° 5`, `n.º 5`.

    ## Why it matters
    English writes ordinals with letters (`1st`, `2nd`), degrees with `°`, and
    numbers with `No.`; the source's signs are left over from translation and
    are often misread or lost by screen readers and search.

    ## Example
    ```
    The 1º of May rally, under law Nº 12, took place at 30º C.
    ```

    ## Use instead
    ```
    The May 1 rally, under law No. 12, took place at 30°C.
    ```
    """
    text = doc.text
    if "\u00ba" not in text and "\u00aa" not in text and "\u00b0" not in text:
        return
    for t in _ORDINAL_SIGN.finditer(text):
        d = t.start()
        if text[d - 1 : d] in (" ", "\u00a0"):
            d -= 1
        while d > 0 and text[d - 1].isdigit() and t.start() - d < 6:
            d -= 1
        m = _ORDINAL_NUMBER.match(text, d)
        if not m or doc.in_non_prose(m.start(), m.end()):
            continue
        n = int(m.group("n"))
        if m.group("unit"):
            english = f"{n}\u00b0{m.group('unit').strip()}"
            why = "'º' is the ordinal indicator, not the degree sign"
        elif m.group("s") == "\u00ba" and text[m.end() : m.end() + 1] == "C":
            continue
        else:
            english = _english_ordinal(n)
            why = "Spanish/Portuguese/Italian ordinal indicator"
        yield Finding(m.start(), m.end(), f"'{m.group()}': {why}; English writes {english}", suggestion=english,
                      fix=(Edit(m.start(), m.end() - m.start(), english),))
    for m in _NUMBER_SIGN.finditer(text):
        if doc.in_non_prose(m.start(), m.end()):
            continue
        yield Finding(m.start(), m.end(), f"'{m.group().strip()}' is the source's number sign: English writes 'No.'",
                      suggestion="No. ", fix=(Edit(m.start(), m.end() - m.start(), "No. "),))


# ---------------------------------------------------------------------------- TQ713

_PLURAL_WORDS = frozenset(("millions", "billions", "trillions", "thousands"))
_NUMBER_PLURAL_MULTIPLIER = re.compile(
    r"(?<![\w.,])(?P<n>\d{1,3}(?:[.,]\d{1,3})?)[ \u00a0](?P<w>millions|billions|trillions|thousands)\b"
)


@rule(
    code="TQ713",
    name="plural-multiplier",
    category="locale",
    severity="minor",
    summary="A number with a plural multiplier (`2 millions`, `1.5 billions`): English writes 2 million.",
    flags=[
        "The state will invest [[2 millions]] of euros and [[1.5 billions]] in roads.",
        "Some [[300 thousands]] people marched.",
    ],
    passes=[
        "In 2020 millions of people stayed home; tens of millions and thousands more, 2 million euros.",
        "Millions watched, and the 1990s thousands of fans.",
    ],
)
def plural_multiplier(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A number followed by a plural multiplier: `2 millions`, `1.5 billions`,
    `300 thousands`, as Spanish *2 millones*, French *2 millions*, Italian
    *2 milioni* are carried over. Years before a plural (`in 2020 millions of
    people`) and `tens of millions` are English and left alone.

    ## Why it matters
    After a number English uses the singular: `2 million euros`, `1.5 billion`.
    The plural marks unedited translation.

    ## Example
    ```
    The state will invest 2 millions of euros in roads.
    ```

    ## Use instead
    ```
    The state will invest 2 million euros in roads.
    ```
    """
    text = doc.text
    starts = []
    for part in ("illions", "thousands"):  # str.find: cheaper than scanning with a pattern
        i = text.find(part)
        while i >= 0:
            ws = i
            while ws > 0 and text[ws - 1].isalpha() and i - ws < 2:
                ws -= 1
            if text[ws : i + len(part)] in _PLURAL_WORDS:
                starts.append(ws)
            i = text.find(part, i + 1)
    for ws in sorted(starts):
        d = ws - 1
        if text[d : d + 1] not in (" ", "\u00a0"):
            continue
        while d > 0 and (text[d - 1].isdigit() or text[d - 1] in ".,") and ws - d < 10:
            d -= 1
        m = _NUMBER_PLURAL_MULTIPLIER.match(text, d)
        if not m or m.start("w") != ws or doc.in_non_prose(m.start(), m.end()):
            continue
        single = m.group("w")[:-1]
        english = f"{m.group('n')} {single}"
        yield Finding(m.start(), m.end(), f"'{m.group()}': after a number English writes the singular ({english})",
                      suggestion=english, fix=(Edit(m.start(), m.end() - m.start(), english),))


# ---------------------------------------------------------------------------- TQ714

_DATELINE = re.compile(r"(?P<place>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)?)\.[ \u00a0]+(?=[A-Z\"\u201c\u201e\u00ab])")
DATELINE_PARAGRAPHS = 8  # the dateline opens the story, after the headline and the site's furniture
PROSE_WORDS = 12


def _place_name(name: str) -> bool:
    p = geo.place(name.lower())
    return p is not None and p.kind in ("city", "region", "country") and not geo.is_ambiguous(name.lower())


@rule(
    code="TQ714",
    name="source-language-dateline",
    category="locale",
    severity="minor",
    summary="A dateline written the German or Italian way (`Berlin. The union...`): English writes BERLIN —.",
    flags=[
        "Budget deal reached\n\n[[Berlin.]] After fourteen hours of talks, the coalition leaders agreed on a budget for next year.",
        "Strike hits the trains\n\n[[ROME.]] The unions called a national strike for Friday, and commuters face a day without trains.",
    ],
    passes=[
        "BERLIN — After fourteen hours of talks, the coalition leaders agreed on a budget for next year.",
        "BERLIN (Reuters) - The coalition leaders agreed on a budget for next year after long talks.",
        "Paris. Berlin. Rome.\n\nThe tour visits three capitals in ten days, and tickets are still on sale.",
        "Nice. The weather held for the whole weekend, and the beaches were full of families again.",
        "The coalition agreed on a budget.\n\nIt took all night.\n\nShe lives in Berlin. The talks went on and on for hours and hours.",
    ],
)
def source_language_dateline(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    The place name followed by a period that opens the first paragraph of a
    German (`Berlin. Die Gewerkschaft...`, the *Ortsmarke*), Italian (`ROMA.`) or
    Spanish story, kept as it was: `Berlin. The train drivers' union...`. Only a
    city, region or country of the gazetteer that is not also an English word
    (`Nice`, `Reading`), at the start of one of the first eight paragraphs,
    before a sentence of at least twelve words; one per article.

    ## Why it matters
    English news writes the dateline in capitals with a dash (`BERLIN —`), or
    leaves it out. The period makes the place read as a one-word sentence.

    ## Example
    ```
    Berlin. The train drivers' union has called a new 48-hour strike.
    ```

    ## Use instead
    ```
    BERLIN — The train drivers' union has called a new 48-hour strike.
    ```
    """
    text = doc.text
    for ps, pe in doc.paragraphs[:DATELINE_PARAGRAPHS]:
        m = _DATELINE.match(text, ps, pe)
        if m and text.count(" ", m.end(), pe) + 1 >= PROSE_WORDS and _place_name(m.group("place")):
            end = m.end("place") + 1
            yield Finding(ps, end, f"'{text[ps:end]}' opens the story as a source-language dateline: "
                          f"English writes {m.group('place').upper()} —",
                          suggestion=f"{m.group('place').upper()} \u2014")
            return


# ---------------------------------------------------------------------------- TQ715

# A multiplier abbreviated the source's way after a number: Russian `mln`/`mlrd`/`thous.` (млн, млрд,
# тыс.), Polish `mln`/`mld`/`tys.`, Czech `tis.`, German `Mio.`/`Mrd.`, Portuguese `R$ 5 mil`. Each
# pattern starts with a literal (fast to scan); the number before is checked in code.
_SOURCE_MULTIPLIERS = {
    "mlrd": "billion", "mld": "billion", "Mrd": "billion", "thous": "thousand", "ths": "thousand",
    "tys": "thousand", "tis": "thousand", "Mio": "million", "mln": "million", "bln": "billion", "mil": "thousand",
}
# one pattern per abbreviation, each starting with it (a literal: fast to scan), run only when it occurs
_MULTIPLIER_WORDS = tuple(
    (abbr, re.compile(abbr + r"(?<=[\d\u00a0 ]" + abbr + r")(?P<dot>\.)?(?![\w])")) for abbr in _SOURCE_MULTIPLIERS
)
_NUMBER_BEFORE = re.compile(r"(?<![\w.,])\d{1,4}(?:[.,]\d{1,3})?[ \u00a0]?$")
# English wire copy writes `$5 mln` and `1.5 bln` (old Reuters style): those two only with
# continental typography in the article, or a decimal comma in the number itself.
_WIRE_STYLE = frozenset(("mln", "bln"))
# `5 mil` is a thickness in English (a thousandth of an inch): only after a currency sign (`R$ 5 mil`).
_MIL_MONEY = re.compile(r"(?:R\$|US\$|\$|€|£)[ \u00a0]?\d{1,4}(?:[.,]\d{1,3})?[ \u00a0]$")
# `180 mil. €`: Slovak and Czech `mil.` (million) before the euro sign or code.
_EURO_AFTER = re.compile(r"[ \u00a0]?(?:€|EUR\b|eur\b|euro|Kč)")
_SPLIT_MULTIPLIER = re.compile(r"(?P<a>\d{1,3}) (?P<x>million|billion|trillion) (?P<b>\d{1,3}) (?P<y>thousand|million|billion)\b(?!-)")
_SPLIT_TRIGGER = re.compile(r" (?:million|billion|trillion) \d{1,3} (?:thousand|million|billion)\b")
_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# Without a period, these are too short to tell from English words or codes: only `Mio.`, `tis.`, `ths.`.
_NEEDS_DOT = frozenset(("Mio", "tis", "ths"))


@rule(
    code="TQ715",
    name="source-language-multiplier",
    category="locale",
    severity="minor",
    summary="A multiplier abbreviated the source's way (`5 mln`, `2 mlrd`, `20 thous.`, `3 Mrd.`, `R$ 5 mil`).",
    flags=[
        "The damage was estimated at 2 [[mlrd]] rubles, and 20 [[thous.]] people were evacuated.",
        "The plant cost 3 [[Mrd.]] euros; the state paid 1,2 [[mln]] euros of it.",
        "Each family receives R$ 5 [[mil]] a month.",
        "The reform will cost 180 [[mil.]] € over five years.",
        "It is said that about [[1 million 200 thousand]] people took part in the drills.",
    ],
    passes=[
        "The fund raised $5 mln in its first round, the company said.",
        "The film is 5 mil thick, the mill employs 300 people and the MLN party won.",
        "Team Mio 3 finished ahead of the mlrd project, 1.5 million people watched.",
        "The liner is 5 mil. thick, euro prices rose; 1.2 million people, up from 1 million 2 years ago.",
        "Sales of 2 billion 500 million-dollar bonds were cut; it rose from 1 million 200 thousand-strong.",
    ],
)
def source_language_multiplier(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    An amount whose multiplier keeps the source language's abbreviation:
    Russian and Ukrainian `mln`, `mlrd`, `thous.` (млн, млрд, тыс.), Polish
    `mld`, `tys.`, Czech `tis.`, German `Mio.` and `Mrd.`, Portuguese `mil`
    (thousand) after a currency (`R$ 5 mil`). `mln` and `bln`, which old English
    wire copy also writes, only in an article with continental typography
    (decimal commas, `„quotes“`, `1.500.000`) or after a decimal comma.

    ## Why it matters
    English news spells the multiplier out (`5 million`, `2 billion`,
    `20,000`) or writes `m`/`bn`; the foreign abbreviation is opaque, and `mil`
    misleads (it reads as a million).

    ## Example
    ```
    The damage was estimated at 2 mlrd rubles, and 20 thous. people were evacuated.
    ```

    ## Use instead
    ```
    The damage was estimated at 2 billion rubles, and 20,000 people were evacuated.
    ```
    """
    text = doc.text
    hits = sorted((m.start(), abbr, m) for abbr, rx in _MULTIPLIER_WORDS if abbr in text for m in rx.finditer(text))
    continental = None
    for s, abbr, m in hits:
        num = _NUMBER_BEFORE.search(text, max(0, s - 12), s)
        if not num or doc.in_non_prose(num.start(), m.end()):
            continue
        if abbr in _NEEDS_DOT and not m.group("dot"):
            continue
        euro = abbr == "mil" and m.group("dot") and _EURO_AFTER.match(text, m.end())
        if abbr == "mil" and not euro and not _MIL_MONEY.search(text, max(0, s - 16), s):
            continue
        if abbr in _WIRE_STYLE and "," not in num.group():
            if continental is None:
                continental = _continental_typography(doc)
            if not continental:
                continue
        end = m.end()
        english = "million" if euro else _SOURCE_MULTIPLIERS[abbr]
        yield Finding(s, end, f"'{text[s:end]}' abbreviates the multiplier the source's way: English writes "
                      f"{english}", suggestion=english)
    yield from _split_multipliers(doc)


def _split_multipliers(doc: Document) -> Iterator[Finding]:
    """`1 million 200 thousand`: Japanese, Chinese and Korean count in ten-thousands (120万), which MT splits."""
    text = doc.text
    for m in numbers_at(text, _SPLIT_TRIGGER, _SPLIT_MULTIPLIER):
        if doc.in_non_prose(m.start(), m.end()):
            continue
        value = int(m.group("a")) * _SCALE[m.group("x")] + int(m.group("b")) * _SCALE[m.group("y")]
        if int(m.group("b")) * _SCALE[m.group("y")] >= _SCALE[m.group("x")]:
            continue  # `2 million 5 million`: two amounts, not one split
        english = f"{value:,}"
        yield Finding(m.start(), m.end(), f"'{m.group()}' splits one number the source's way: English writes {english}",
                      suggestion=english)
