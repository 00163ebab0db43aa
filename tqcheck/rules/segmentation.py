"""Segmentation: sentences cut and glued at the wrong places by fragment-by-fragment translation.

Machine translation of web pages translates each HTML fragment (a link, a bold
run, a line break) as if it were a sentence. The result is a sentence split over
two paragraphs, a paragraph that is only a fragment (`who has ensured that...`),
a lowercase sub-heading, a paragraph that ends with a comma and stops, and a
stray period in the middle of a sentence.

All paragraph-level decisions are made once per document by :func:`paragraph_breaks`
(a shared analysis), so that the rules agree: a paragraph that continues the
previous one is a split sentence (TQ201), not also a fragment (TQ202).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..analysis.names import ParagraphInfo, layout, names
from ..document import Document
from ..lexicon import geo, words
from ..model import Edit, Finding
from ..segment import TERMINAL, WORD_RE, ends_open, line_indented, period_is_abbreviation
from .base import Context, rule
from .casing import QUIET_LAYOUTS

_OPEN_QUOTES = "\"'\u201c\u2018\u00ab\u201e"
_LAST_WORD = re.compile(r"([^\W\d_]+)[^\w]*$")
_WORDS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")

# Lowercase particles of names: `de Gaulle said`, `van Gogh's letters`.
_NAME_PARTICLES = frozenset("de da di du del della der den van von ter ten la le el al bin ibn dos das".split())
# Words that cannot end an English sentence: a paragraph ending with one is cut.
_DANGLING_END = frozenset(
    "the a an of to and or but nor with for from at into onto which whose as than between among "
    "against during without including its his their our my your these those near amid via despite "
    "towards toward".split()
)
# Particles that end phrasal verbs (`gave in`, `carry on`) but rarely a long paragraph that has
# no terminal punctuation: counted only after more than 80 characters.
_LONG_DANGLING_END = _DANGLING_END | frozenset("in on by about under upon within across".split())
# The subset that cannot end a headline either (`Why the war is far from over` can end a
# sentence-case headline; `... near` after a noun cannot): a short line needs one of these.
_HARD_DANGLING_END = frozenset(
    "the a an of and or nor than between among including its his their our my your these those "
    "near amid via towards toward into onto".split()
)
# Verbs after which `near` ends a sentence: `the end is near`, `as the storm drew near`.
_NEAR_ENDS_AFTER = frozenset("is are was were be been draws drew drawn draw come came comes far and so too very".split())
# First words of page furniture that ends on a preposition (`Follow all our stories at`).
_FURNITURE_START = frozenset(
    "follow read click see visit subscribe sign join download watch listen share get find discover "
    "check also more for you continue tap scan".split()
)
_DETERMINER_START = frozenset("The A An This That These Those His Her Its Their Our".split())
# Openers of a clause that depends on a previous sentence.
_DEPENDENT = frozenset(
    "who whom whose which that where when while and but or nor as because although though since "
    "if unless whereas including especially with without whom".split()
)
_SALUTATIONS = frozenset(
    "dear hi hello hey greetings yours best kind warm warmest regards sincerely thanks cheers love "
    "respectfully cordially".split()
)
_CAPITAL_RELATIVE = frozenset(("Which", "Whose"))


def _is_table_or_code(p: str) -> bool:
    return "|" in p or "\t" in p or p.startswith(("```", "    "))


def _looks_like_name(word: str, inv) -> bool:
    """A lowercase first word that is really a name (`kyiv receives...`): TQ101's business."""
    w = word.lower()
    if geo.is_place(w) and not geo.is_ambiguous(w):
        return True
    return inv.count(w) > 0 and not words.is_ordinary_lowercase(w)


@dataclass(frozen=True)
class Break:
    """One paragraph-level finding, decided once for all segmentation rules."""

    kind: str  # split | fragment | subheading | unfinished
    start: int
    end: int
    message: str
    suggestion: str | None = None
    fix: tuple[Edit, ...] = ()


def paragraph_breaks(doc: Document, ctx: Context) -> list[Break]:
    """Split sentences, fragment paragraphs, lowercase sub-headings and unfinished paragraphs."""
    text = doc.text
    paras: list[ParagraphInfo] = ctx.get(layout)
    out: list[Break] = []
    inv = None
    n = len(paras)
    for i, info in enumerate(paras):
        prev = paras[i - 1] if i > 0 else None
        head = text[info.start]
        # Fast path, most paragraphs: a capital after a closed paragraph.
        if head.isupper() and (prev is None or text[prev.end - 1] in TERMINAL) and head != "W":
            continue
        p = text[info.start : info.end]
        if not p or info.structural or info.dateline or _is_table_or_code(p):
            continue
        prev_text = text[prev.start : prev.end] if prev else ""
        prev_usable = prev is not None and not prev.structural and not _is_table_or_code(prev_text)
        prev_open = prev_usable and ends_open(prev_text)
        fm = WORD_RE.match(text, info.start)
        first = fm.group() if fm else ""
        starts_lower = bool(first) and first.islower() and fm.start() == info.start
        if starts_lower:
            nxt_word = WORD_RE.match(text, _skip_space(text, fm.end()))
            if first in _NAME_PARTICLES and nxt_word and nxt_word.group()[:1].isupper():
                starts_lower = False
            elif doc.in_non_prose(fm.start(), fm.end()) or _glued_to_code(text, fm.end()):
                starts_lower = False
        span = (fm.start(), fm.end()) if fm else (info.start, info.start + 1)

        if _list_run(text, paras, i):
            continue  # items of a list that lost its bullets: a run of indented lines
        # TQ201: the previous paragraph stops mid-sentence and this one goes on.
        if prev_open and (starts_lower or first in _CAPITAL_RELATIVE or _dangling(prev_text, first)):
            # Two short lines, or a short open line after any open one (`dpa-infocom, dpa:2403`
            # under a related headline): page furniture, unless a word no sentence ends with
            # precedes the break.
            furniture = info.short and (prev.short or ends_open(p))
            if not furniture or _ends_with_dangling_word(prev_text):
                fix = [Edit(prev.end, info.start - prev.end, " ")]
                if first in _CAPITAL_RELATIVE:
                    fix.append(Edit(info.start, 1, first[0].lower()))
                tail = _tail(prev_text)
                out.append(Break(
                    "split", span[0], span[1],
                    f"Sentence split across paragraphs: the previous paragraph ends with '{tail}' "
                    f"and this one continues it with '{first}'",
                    fix=tuple(fix),
                ))
                continue
        if starts_lower:
            if prev_usable and prev_text.rstrip()[-1:] in ":;":
                continue  # items of a list introduced by a colon: `would:` / `roll back the update;`
            if inv is None:
                inv = ctx.get(names)
            if _looks_like_name(first, inv):
                continue  # `kyiv receives weapons...`: a lowercase name (TQ101), not a fragment
            nxt = paras[i + 1] if i + 1 < n else None
            nxt_starts_upper = nxt is None or not text[nxt.start : nxt.start + 1].islower()
            if info.short and ends_open(p) and nxt_starts_upper:
                if not 3 <= len(p.split()) <= 8:
                    continue  # one or two words (`advertisement`, `share this`): page furniture, not a heading
                out.append(Break(
                    "subheading", info.start, info.end,
                    f"Sub-heading in lowercase: '{p}' stands alone on its line and starts with a small letter",
                    suggestion=p[:1].upper() + p[1:],
                    fix=(Edit(info.start, 1, p[:1].upper()),),
                ))
                continue
            if words.zipf(first) == 0.0:
                continue  # not an English word: a lowercase brand or handle (`npm`, `bitly`)
            if first in _DEPENDENT:
                msg = (f"Fragment paragraph: it starts with '{first}', a clause cut from a sentence "
                       "that the previous paragraph already closed")
                sugg = None
            else:
                msg = (f"Paragraph starts in lowercase ('{first}') after a closed paragraph: "
                       "a fragment or a lost capital")
                sugg = first[:1].upper() + first[1:]
            out.append(Break("fragment", span[0], span[1], msg, suggestion=sugg))
            continue
        if first in _CAPITAL_RELATIVE and not prev_open and "?" not in p and not _idiom_which(text, fm.end()):
            out.append(Break(
                "fragment", span[0], span[1],
                f"Fragment paragraph: it starts with the relative pronoun '{first}', cut from the previous sentence",
            ))
            continue
    # TQ204: a paragraph that ends with a comma and nothing continues it.
    for i, info in enumerate(paras):
        if text[info.end - 1] != ",":
            continue
        p = text[info.start : info.end]
        if info.structural or info.dateline or _is_table_or_code(p):
            continue
        wm = WORD_RE.match(p)
        if not wm or wm.group().lower() in _SALUTATIONS or len(p.split()) < 3:
            continue
        nxt = paras[i + 1] if i + 1 < n else None
        if nxt is not None:
            head = text[nxt.start : nxt.start + 1]
            if head.islower() and not nxt.structural:
                continue  # a split sentence, reported at the next paragraph (TQ201)
            if (head in _OPEN_QUOTES and _introduces_quote(p)) or nxt.list_item:
                continue  # `He said,` / `"We will win."`; `includes,` / `- apples`
        if len(p) <= 80:
            s = info.start
        else:
            lm = _LAST_WORD.search(p, len(p) - 40)
            s = info.start + (lm.start() if lm else len(p) - 1)
        out.append(Break(
            "unfinished", s, info.end,
            "Paragraph ends with a comma and the next paragraph does not continue it: an unfinished fragment",
        ))
    out.sort(key=lambda b: b.start)
    return out


# Reporting verbs that may introduce a quotation in the next paragraph: `He told reporters,`.
_REPORTING = frozenset(
    "said says say told tells added adds stated states noted notes wrote writes declared declares "
    "explained explains replied replies asked asks warned warns continued continues recalled "
    "insisted remarked tweeted posted argued argues saying adding telling writing put".split()
)
_SENTENCE_END = re.compile(r".*[.!?:;]\s", re.DOTALL)


def _introduces_quote(p: str) -> bool:
    """The last sentence of a comma-ended paragraph can lead into a quotation: it is short
    (`As she put it,`) or has a reporting verb not followed by `that` (`He told reporters,`).
    `said that X is not enough,` is indirect speech: what follows it was lost."""
    m = _SENTENCE_END.match(p)
    toks = [t.lower() for t in _WORDS.findall(p[m.end() if m else 0 :])]
    if len(toks) <= 6:
        return True
    return any(t in _REPORTING and toks[i + 1 : i + 2] != ["that"] for i, t in enumerate(toks))


def _list_run(text: str, paras: list[ParagraphInfo], i: int) -> bool:
    """Paragraph ``i`` is indented and so is the one before it: the items of a list whose
    bullets were lost when the page was extracted (`reasons:` / `  cost,` / `  they fear...`)."""
    return i > 0 and line_indented(text, paras[i].start) and line_indented(text, paras[i - 1].start)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _glued_to_code(text: str, end: int) -> bool:
    c = text[end : end + 1]
    return c in ("_", "/", "(", "=") or (c == "." and text[end + 1 : end + 2].isalnum())


def _ends_with_dangling_word(p: str, dangling: frozenset[str] = _DANGLING_END) -> bool:
    m = _LAST_WORD.search(p, max(0, len(p) - 40))
    return bool(m) and m.end(1) == len(p.rstrip()) and m.group(1).lower() in dangling


def _dangling(prev_text: str, first: str) -> bool:
    """The previous paragraph ends with a word no sentence ends with (`the support of`).

    Short lines that end so are often link residue of scraped pages (`Follow all our stories
    at`): a line of 80 characters or less counts only when it reads as the start of a
    sentence (a determiner first, a verb, six words or more) and ends with a word that no
    headline ends with (`The fire which broke out on Tuesday near`).
    """
    if not first or not prev_text.rstrip()[-1:].isalpha():
        return False
    if len(prev_text) > 80:
        return _ends_with_dangling_word(prev_text, _LONG_DANGLING_END)
    tokens = _WORDS.findall(prev_text)
    last = tokens[-1].lower() if tokens else ""
    if len(tokens) < 6 or last not in _HARD_DANGLING_END or tokens[0] not in _DETERMINER_START:
        return False
    if last == "near" and tokens[-2].lower() in _NEAR_ENDS_AFTER:
        return False
    return _has_finite_verb(tokens[1:-1])


def _tail(p: str, n: int = 30) -> str:
    p = p.rstrip()
    return p if len(p) <= n else "\u2026" + p[-n:].lstrip()


def _idiom_which(text: str, pos: int) -> bool:
    """`Which is why...`, `Which means...`: a colloquial but deliberate fragment."""
    return bool(re.match(r"[ \t]+(?:is why|means|is what|is where|is exactly|brings|leads|explains)\b", text[pos : pos + 30]))


def _breaks_of(kind: str, doc: Document, ctx: Context) -> Iterator[Finding]:
    for b in ctx.get(paragraph_breaks):
        if b.kind == kind:
            yield Finding(b.start, b.end, b.message, suggestion=b.suggestion, fix=b.fix)


@rule(
    code="TQ201",
    name="sentence-split-across-paragraphs",
    category="segmentation",
    severity="minor",
    summary="A sentence split over two paragraphs: one ends mid-sentence, the next continues it.",
    flags=[
        'Lukashenko spoke of the "support" of the Kremlin and of his "older brother", Putin,\n\n'
        "[[as]] well as the need to make a common front in the face of Western sanctions.",
        "The judges did not validate the detentions of the first groups\n\n[[which]] were brought back within days.",
        "The level of the cooling pond has fallen, and it now holds far less water than before, according to\n\n"
        "[[The]] team of experts is rotated every five weeks.",
        "The last big crisis, in 1993, was solved with the introduction of the four-day week\n\n"
        "[[Which]] saved around 30,000 jobs at the time.",
        "Firefighters Contain Coastal Blaze\n\nThe blaze which started on Monday evening near\n\n"
        "[[Saint-Tropez]], in the hills, was contained on Wednesday, the fire service said.",
        "Russian forces have intensified their attacks over the past week, concentrating artillery fire on\n\n"
        "[[Pokrovsk]] and the surrounding villages, the general staff said.",
    ],
    passes=[
        "The survey asked owners why they had not moved their workshops abroad, and most gave the same answers:"
        "\n\n  making furniture by hand is what their customers call the \"heart of the trade\", \n"
        "   they worry about the cost of shipping heavy goods over long distances, \n"
        "   they fear that buyers would trust the brand less if it were made elsewhere. The report came out on Monday.",
        *QUIET_LAYOUTS,
        "The company said it would:\n\n- roll back the update\n- refund one month of fees",
        '"Every piece here was used, and I mean every one.\n\n"Somebody\'s grandmother poured tea from that pot."',
        "Roses are red,\nviolets are blue,\nsugar is sweet,\nand so are you.",
        "Putin Visits Minsk\n\nthe talks were held on Monday.",
        "# Key points\n\nthe deal covers grain and fertiliser.",
        "The minister said the talks would resume.\n\nThey did not.",
        "Notes\n\niPhone sales rose by 3% in the quarter.",
        "Follow all our stories on the war at\n\nThe ministry said on Monday that the talks would resume.",
        "1. apples,\n2. pears",
        "The end of the long drought in the south is near\n\nFarmers said on Monday that rain had finally come.",
        "Read also: Pilots call for new strikes at two regional airports\n\nagency-feed, ref:250101-12-345678/2",
    ],
)
def sentence_split_across_paragraphs(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A paragraph that ends without terminal punctuation (or with a comma, or with
    a word no sentence ends with: `of`, `the`, `according to`) followed by a
    paragraph that continues the sentence: it starts in lowercase, or with a
    relative `Which`, or (after a dangling word) with anything. A short line
    counts as cut only when it reads as a sentence start (`The fire which broke
    out on Tuesday near`), not as link residue (`Follow our stories at`); a short
    open line after an open one is page furniture. The finding sits
    on the first word of the continuing paragraph; its fix joins the two
    paragraphs with one space (`tqcheck fix`). Lists, headings, Title Case
    lines, Markdown headings, verse (several short lines in a row), tables and
    quotes continued over paragraphs the English way are left alone.

    ## Why it matters
    Web pages put links, bold runs and line breaks inside sentences. Translated
    fragment by fragment and scraped paragraph by paragraph, one sentence comes
    out as two paragraphs, and readers stumble over the break.

    ## Example
    ```
    Lukashenko spoke of the "support" of the Kremlin and of his "older brother", Putin,

    as well as the need to make a common front in the face of Western sanctions.
    ```

    ## Use instead
    ```
    Lukashenko spoke of the "support" of the Kremlin and of his "older brother", Putin, as well as the need to make a common front in the face of Western sanctions.
    ```
    """
    yield from _breaks_of("split", doc, ctx)


@rule(
    code="TQ202",
    name="fragment-paragraph",
    category="segmentation",
    severity="major",
    summary="A paragraph that is only a fragment: a lowercase or relative-clause start with nothing to continue.",
    flags=[
        "The leader spoke at length.\n\n[[who]] has ensured that only together can they win.",
        "The burial is scheduled for 4 pm.\n\n[[Which]] was also the wish of the singer.",
        "The talks ended on Friday.\n\n[[the]] ministers left without a statement, officials said.",
    ],
    passes=[
        "The survey asked owners why they had not moved their workshops abroad, and most gave the same answers:"
        "\n\n  making furniture by hand is what their customers call the \"heart of the trade\", \n"
        "   they worry about the cost of shipping heavy goods over long distances, \n"
        "   they fear that buyers would trust the brand less if it were made elsewhere. The report came out on Monday.",
        *QUIET_LAYOUTS,
        "The talks ended on Friday.\n\nkyiv receives weapons from its allies.",
        "The talks ended on Friday.\n\niPhone sales rose by 3%.",
        "The talks ended on Friday.\n\nde Gaulle's legacy was discussed.",
        "Which city will host the summit? Nobody knows.\n\nWhich is why the talks matter.",
        "The rules are:\n\n- no smoking\n- no pets",
        "Read more at\n\nwww.example.com/story",
        "The talks ended on Friday.\n\n@kyivindependent reported the news first.",
        "The registry was hacked on Friday.\n\nnpmjs packages were pulled within hours, the maintainers said.",
    ],
)
def fragment_paragraph(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A paragraph that starts in lowercase although the previous paragraph closed
    its sentence (`who has ensured that...`, `the ministers left...`), or that
    starts with a relative `Which`/`Whose` and is no question (`Which was also
    the wish of the singer.`). A lowercase name at the start (`kyiv receives...`)
    is TQ101's business; brands (`iPhone`), name particles (`de Gaulle`), URLs,
    handles, list items and verse are left alone.

    ## Why it matters
    A relative clause or a continuation that lost the sentence it belonged to
    reads as nonsense: the reader cannot tell what `who` refers to. Machine
    translation of HTML fragments produces them whenever a sentence spans a link
    or a line break.

    ## Example
    ```
    "Today we can unequivocally affirm...," Lukashenko emphasized.

    who has ensured that the greater integration between Russia and Belarus...
    ```

    ## Use instead
    ```
    "Today we can unequivocally affirm...," emphasized Lukashenko, who has
    ensured that the greater integration between Russia and Belarus...
    ```
    """
    yield from _breaks_of("fragment", doc, ctx)


@rule(
    code="TQ203",
    name="lowercase-subheading",
    category="segmentation",
    severity="minor",
    summary="A short line without terminal punctuation that starts in lowercase: a sub-heading lost its capital.",
    flags=[
        '"Russia can manage without us, but we cannot manage without Russia," he said on Monday.\n\n'
        "[[offensive from the north]]\n\n"
        "The government has warned that Russia may be preparing the ground for another escalation.",
        "The cuts were approved by a narrow majority in the lower house on Thursday evening.\n\n"
        "[[the judges, the next front]]\n\n"
        "The constitutional court is expected to rule on the appeals before the end of June.",
    ],
    passes=[
        *QUIET_LAYOUTS,
        "The cuts were approved.\n\nOffensive from the north\n\nThe government has warned of a new escalation.",
        "The cuts were approved.\n\niPhone sales\n\nThe company did not comment.",
        "apples\npears\nplums\n\nThe harvest was good.",
        "The cuts were approved.\n\n- a list item\n\nThe court will rule in June.",
    ],
)
def lowercase_subheading(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A short line (3 to 8 words, at most 50 characters) that starts in lowercase,
    has no terminal punctuation, follows a closed paragraph and is followed by a
    paragraph with a capital: a sub-heading (`offensive from the north`). Lines in
    a run of short lines (verse, menus), list items and brands are left alone.

    ## Why it matters
    Sub-headings are translated as isolated fragments and the recaser leaves them
    in lowercase. In English, a heading starts with a capital.

    ## Example
    ```
    offensive from the north
    ```

    ## Use instead
    ```
    Offensive from the north
    ```
    """
    yield from _breaks_of("subheading", doc, ctx)


@rule(
    code="TQ204",
    name="unfinished-paragraph",
    category="segmentation",
    severity="minor",
    summary="A paragraph that ends with a comma and that the next paragraph does not continue.",
    flags=[
        "The army held exercises in recent weeks.\n\n[[Also, in early December,]]\n\nLukashenko, who had been defensive, spoke on Monday.",
        "The plan was approved.\n\n[[Also, in the next few weeks,]]",
        # indirect speech (`said that ...`) cut before a quotation: the source's `ki`/`que` habit
        "[[Latif said that only changing the selectors is not enough,]]\n\n\"Janab, the problem is the system.\"",
    ],
    passes=[
        *QUIET_LAYOUTS,
        "Dear readers,\n\nThank you for your support.",
        "He said,\n\n\"We will win.\"",
        "The minister told reporters at the White House on Friday,\n\n\"We will win.\"",
        "It was late. As she put it to the crowd,\n\n\"We will win.\"",
        "The list includes,\n\n- apples\n- pears",
        "Best regards,\n\nThe editors",
        "In the spring,\nthe rivers rise,\nand the fields flood,\nagain and again.",
    ],
)
def unfinished_paragraph(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A paragraph that ends with a comma when the next paragraph starts a new
    sentence (with a capital) or there is none: `Also, in early December,`.
    Salutations and sign-offs (`Dear readers,`, `Best regards,`), a comma before a
    quotation or a list, verse and list items are left alone.

    ## Why it matters
    The rest of the sentence was lost: usually a link or a bold run that the
    scraper dropped or moved. The reader is left with a sentence that goes nowhere.

    ## Example
    ```
    Also, in early December,

    Lukashenko, who in recent days had been defensive...
    ```

    ## Use instead
    Restore the missing part of the sentence, or delete the fragment.
    """
    yield from _breaks_of("unfinished", doc, ctx)


# --------------------------------------------------------------------------- TQ205

_SPURIOUS_THAT = re.compile(
    r"\.(?<=[a-z]\.)[ \t]+(?P<name>[A-Z][a-z]+)[ \t]+that[ \t]+"
    r"(?P<subj>[A-Z][a-z]+|the|it|he|she|they|we|its|his|her|their|this|these|a|an)\b"
)


@rule(
    code="TQ205",
    name="spurious-period",
    category="segmentation",
    severity="minor",
    summary="A period inside a sentence before a name and a 'that' clause: `amid warnings. Ukraine that Moscow`.",
    flags=[
        "It came amid growing concerns and [[warnings. Ukraine that]] Moscow could be preparing another offensive.",
    ],
    passes=[
        *QUIET_LAYOUTS,
        "It came amid warnings. Ukraine said that Moscow could attack again.",
        "Officials met in Kyiv. Officials that Moscow sanctioned were absent.",
        "They met the U.S. Ukraine that year signed the deal.",
        "The group left. Many that the police stopped were released.",
    ],
)
def spurious_period(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A period followed by a name (a place in the gazetteer, or a word the article
    capitalises mid-sentence that is not ordinary English) and directly by
    `that` + a subject: `amid warnings. Ukraine that Moscow could...`. A
    sentence cannot start that way in English (a proper noun takes no restrictive
    relative clause without an article), so the period is spurious: the source
    read "warnings from Ukraine that...".

    ## Why it matters
    The period cuts one sentence into two broken ones. Readers lose the meaning.

    ## Example
    ```
    ...came amid growing concerns and warnings. Ukraine that Moscow could be preparing...
    ```

    ## Use instead
    ```
    ...came amid growing concerns and warnings from Ukraine that Moscow could be preparing...
    ```
    """
    text = doc.text
    inv = None
    for m in _SPURIOUS_THAT.finditer(text):
        dot = m.start()
        if period_is_abbreviation(text, dot, m.start("name")):
            continue
        name = m.group("name")
        key = name.lower()
        is_name = geo.is_place(key) and not geo.is_ambiguous(key)
        if not is_name:
            if words.is_ordinary_lowercase(key):
                continue
            if inv is None:
                inv = ctx.get(names)
            if inv.count(key) == 0:
                continue
        pw = _LAST_WORD.search(text, max(0, dot - 40), dot)
        start = pw.start(1) if pw else dot
        end = m.start("subj") - 1
        while text[end - 1] in " \t":
            end -= 1
        yield Finding(
            start,
            end,
            f"Spurious period before '{name} that': the sentence goes on after the period",
        )


# --------------------------------------------------------------------------- TQ206

_TAIL_OPENERS = re.compile(
    r"(?:Both (?:as|in|from|for|to|on|at|by|with|among|within|inside|outside)"
    r"|As well as|Especially|Mainly|Mostly|Particularly|Above all|Not only|Either as|Whether as"
    r"|Including|Such as|Also as|Chiefly|Primarily|Principally|In particular|Notably)\b"
)
_INNER_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+[A-Z\"\u201c]")
_PREPOSITIONS = frozenset(
    "With In On At For From Through During Under Against Towards Toward Between Among Without "
    "Within Across Along Around Near Via Despite".split()
)
_FINITE = frozenset(
    "is are was were am has have had do does did will would can could shall should may might must "
    "said says say told tells added adds stated noted warned explained announced reported claimed "
    "insisted argued remains remained became becomes seems seemed means meant isn't aren't wasn't "
    "weren't hasn't haven't hadn't doesn't didn't won't wouldn't can't couldn't shouldn't it's "
    "that's there's he's she's they're we're i'm "
    # imperatives: `For more information see the website.`
    "see visit read click call contact check go follow subscribe download watch listen join sign "
    "email write".split()
)
_SUBJECTS = frozenset("i he she we they who which that".split())
_NOT_VERB_BEFORE = frozenset(
    "the a an his her its their our my your this that these those to of for with by from in on at "
    "and or as been be being have has had get got well newly recently already".split()
)


def _has_finite_verb(tokens: list[str]) -> bool:
    """A rough, conservative test: any auxiliary or reporting verb, a subject pronoun
    followed by a word, or an -ed word after a noun-like word (`the army advanced`)."""
    low = [t.lower() for t in tokens]
    for i, t in enumerate(low):
        if t in _FINITE:
            return True
        if t in _SUBJECTS and i + 1 < len(low):
            return True
        if i > 0 and len(t) > 4 and t.endswith("ed") and low[i - 1] not in _NOT_VERB_BEFORE:
            return True
        if i > 1 and len(t) > 3 and t.endswith("s") and tokens[i - 1][:1].isupper() and low[i - 1] not in _NOT_VERB_BEFORE:
            return True  # `Minsk signs`
    return False


@rule(
    code="TQ206",
    name="verbless-tail-paragraph",
    category="segmentation",
    severity="minor",
    summary="A verbless paragraph that completes the previous sentence (`Both as a base and as a corridor.`).",
    flags=[
        "The territory of Belarus would be useful.\n\n[[Both]] as a stage for offensive, launch and withdrawal, and to train their mobilized there.",
        "The ministry plans to bring the centres to full capacity by the summer.\n\n[[With]] the aim of speeding up repatriations.",
        "Rotation requires guarantees of security.\n\n[[Both]] from the Ukrainian side and from the Russian side.",
    ],
    passes=[
        *QUIET_LAYOUTS,
        "The territory of Belarus would be useful.\n\nBoth as a base and as a corridor, it was vital, officials said.",
        "By Maria L\u00f3pez\n\nThe talks ended.",
        "The talks ended.\n\nFor now.",
        "The talks ended.\n\nIn the north, troops advanced.",
        "The talks ended.\n\nEspecially worrying is the fate of the prisoners.",
        "The talks ended.\n\nWith the support of the Kremlin, Minsk signs deals.",
        'The talks ended.\n\n"Both as a player and as a coach."',
        "Key facts\n\n- Both as a base and as a corridor for supplies.",
    ],
)
def verbless_tail_paragraph(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A one-sentence paragraph with no finite verb that starts like the tail of a
    sentence: `Both as...`, `As well as...`, `Especially...`, `Mainly...`,
    `Above all...`, or a bare prepositional phrase (`With the aim of speeding up
    repatriations.`), right after a paragraph that ends with a period. The verb
    test is deliberately conservative (any auxiliary, reporting verb, subject
    pronoun or `-ed` verb after a noun counts as a verb), prepositional phrases
    need at least four words and no comma, and quotes, bylines, lists and
    headings are left alone.

    ## Why it matters
    Machine translation cuts the sentence where the HTML broke it and the tail
    becomes a paragraph of its own, which reads as a fragment.

    ## Example
    ```
    ...however, their bases and the territory of Belarus would be useful.

    Both as a stage for offensive, launch and withdrawal, and to train their mobilized there.
    ```

    ## Use instead
    ```
    ...however, their bases and the territory of Belarus would be useful, both as a
    stage for offensive, launch and withdrawal, and to train their mobilized there.
    ```
    """
    text = doc.text
    paras = ctx.get(layout)
    for i, info in enumerate(paras):
        if i == 0 or info.list_item or info.heading or info.byline or info.dateline:
            continue  # verse is checked below: a tail paragraph is often followed by short page furniture
        if text[info.end - 1] != "." or info.end - info.start > 250:
            continue
        p = text[info.start : info.end]
        opener = _TAIL_OPENERS.match(p)
        if opener is None:
            fw = WORD_RE.match(p)
            if not fw or fw.group() not in _PREPOSITIONS or "," in p:
                continue
        if any(q in p for q in "\"\u201c\u201d\u00ab"):
            continue
        prev = paras[i - 1]
        if prev.list_item or prev.heading or not text[prev.start : prev.end].rstrip().endswith("."):
            continue
        if _INNER_BOUNDARY.search(p, 0, len(p) - 1):
            continue  # more than one sentence (abbreviations count too: the test stays conservative)
        tokens = _WORDS.findall(p)
        if len(tokens) > 30:
            continue
        if opener is None:
            if not 4 <= len(tokens) <= 20 or prev.short:
                continue
            if all(t[:1].isupper() for t in tokens[1:] if t.lower() not in ("of", "the", "and")):
                continue  # `By Maria López`, `In Memoriam John Smith`
        if _has_finite_verb(tokens):
            continue
        yield Finding(
            info.start,
            info.start + len(tokens[0]),
            f"Verbless paragraph starting '{' '.join(tokens[:3])}': the tail of the previous sentence, cut off",
        )


# --------------------------------------------------------------------------- TQ207

# A period after a lowercase word, then a number: `exports fell. 12.3% year-on-year`.
_PERIOD_NUMBER = re.compile(
    r"\.(?<=[a-z]\.)[ \t]+(?P<num>\d+(?:[.,]\d+)*)(?P<pct>%|[ \t]+per[ \t]?cent\b)?"
    r"(?P<after>[ \t]+[a-z]+|[,;:)])?"
)
# Words that need a complement: a sentence cannot stop after them (`rose by. 5%`).
_NEEDS_COMPLEMENT = frozenset(
    "of to by at from than about around nearly almost some approximately roughly between and or "
    "the with for under reaching totalling totaling".split()
)
# Verbs of change and measure whose complement is a figure: `exports fell. 12.3%`.
_FIGURE_VERBS = frozenset(
    "fell rose grew increased decreased dropped declined climbed jumped surged plunged slid slipped "
    "gained lost advanced expanded contracted shrank soared tumbled reached totalled totaled exceeded "
    "topped amounted fall rise grow increase decrease drop decline climb jump surge plunge slide slip "
    "gain expand contract shrink soar tumble reach total exceed top amount falls rises grows "
    "increases decreases drops declines climbs jumps surges plunges slides slips gains expands "
    "contracts shrinks soars tumbles reaches totals exceeds tops amounts".split()
)
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d$")


@rule(
    code="TQ207",
    name="spurious-period-before-number",
    category="segmentation",
    severity="minor",
    summary="A period between a word that needs a figure and the figure: `exports fell. 12.3% year-on-year`.",
    flags=[
        "Sales in Asia rose while exports to Europe [[fell. 12.3%]] year-on-year because of the new duties.",
        "The budget deficit was reduced [[by. 4.5]] billion euros last year.",
        "Output at the plant [[increased. 8]] per cent in the first quarter, the company said.",
    ],
    passes=[
        *QUIET_LAYOUTS,
        "The film is in French, with English subtitles. 1 hour 52 minutes. Not rated.",
        "Prices fell. 2023 was the worst year for the sector since the crisis.",
        "She died on Jan. 5 at her home. The funeral is on Dec. 12, her family said.",
        "See p. 12 and No. 5 on the list, approx. 30 items, vs. 3 last year, at 10 a.m. 2 more came.",
        "The recipe needs:\na. 2 cups of flour\nb. 1 egg",
        "The index fell. 12 of the 30 stocks rose, though.",
        "Shares rose 3.5%. 12 analysts had expected a fall.",
    ],
)
def spurious_period_before_number(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A period right after a lowercase word that cannot end a sentence before a figure
    (a preposition or conjunction: `by`, `of`, `than`), or after a verb of change or
    measure (`fell`, `rose`, `reached`), when a number follows that the sentence goes on
    with: a percentage, a decimal, or a number followed by a lowercase word or
    punctuation. Abbreviations (`p. 12`, `No. 5`, `approx. 30`, `a.m.`), years after a
    verb (`Prices fell. 2023 was...`), list letters and a number followed by a capital or
    a determiner (`fell. 12 of the stocks`) are left alone.

    ## Why it matters
    Sites put figures in bold or in links; translated fragment by fragment, the sentence is
    closed before the figure and the reader gets two broken sentences.

    ## Example
    ```
    ...while exports to Europe fell. 12.3% year-on-year due to the anti-subsidy duties.
    ```

    ## Use instead
    ```
    ...while exports to Europe fell 12.3% year-on-year due to the anti-subsidy duties.
    ```
    """
    text = doc.text
    for m in _PERIOD_NUMBER.finditer(text):
        dot = m.start()
        pw = _LAST_WORD.search(text, max(0, dot - 30), dot)
        if pw is None or pw.end() != dot:
            continue
        word = pw.group(1)
        ws = pw.start(1)
        if len(word) < 2 or not word.islower() or (ws > 0 and text[ws - 1] in "./@_-'\u2019"):
            continue
        if period_is_abbreviation(text, dot, m.start("num")) or doc.in_non_prose(ws, m.end("num")):
            continue
        num, pct, after = m.group("num"), m.group("pct"), m.group("after")
        if word not in _NEEDS_COMPLEMENT and word not in _FIGURE_VERBS:
            continue
        if word in _FIGURE_VERBS and _YEAR.match(num) and not pct:
            continue  # `Prices fell. 2023 was the worst year`
        nxt = after.strip() if after else ""
        if not (pct or "." in num or "," in num) and not (nxt.isalpha() and nxt not in _DETERMINERS_AFTER_NUMBER):
            continue  # `The index fell. 12 of the 30 stocks rose`
        end = m.end("pct") if pct == "%" else m.end("num")
        yield Finding(
            ws,
            end,
            f"Spurious period between '{word}' and the figure '{text[m.start('num'):end].strip()}': "
            "the sentence goes on after the period",
            fix=(Edit(dot, 1, ""),),
        )


_DETERMINERS_AFTER_NUMBER = frozenset("of out the a an and or to in on at for from by with per".split())
