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
from ..model import Edit, Finding
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

    def may_match(self, present: frozenset[str]) -> bool:
        """Whether the article holds one needle of each tuple (``present``: the needles found in it)."""
        for alternatives in self.needles:
            for needle in alternatives:
                if needle in present:
                    break
            else:
                return False
        return True

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match]:
        """Matches, searched only in the lines that contain the first needle (fast on long texts).

        A pattern that starts with ``\\b`` or a character class is scanned slowly by ``re``; a
        literal needle is found by ``str.find`` at memory speed. Lines are searched whole, so
        look-arounds see their context, and ``$`` matches at a line end.
        """
        if not self.needles or len(lowered) != len(text):
            yield from self.pattern.finditer(text)
            return
        lines = set()
        n = len(text)
        for needle in self.needles[0]:
            i = lowered.find(needle)
            while i >= 0:
                lo = text.rfind("\n", 0, i) + 1
                hi = text.find("\n", i)
                hi = n if hi < 0 else hi
                lines.add((lo, hi))
                i = lowered.find(needle, hi)  # the next line that holds the needle
        for lo, hi in sorted(lines):
            yield from self.pattern.finditer(text, lo, hi)


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


def needles(pattern: str) -> tuple[tuple[str, ...], ...]:
    """A cheap necessary condition for a pattern: strings one of which every match contains.

    The pattern's longest literal run when it has five characters or more, else the
    alternatives of its first branch when each has a literal run of three or more,
    else the longest run of three or more; () when there is none (the pattern always runs).
    """
    try:
        runs, branches = _runs(_sre_parse.parse(pattern).data)
    except Exception:  # pragma: no cover - an unusual pattern: no shortcut
        return ()
    best = max(runs, key=len, default="")
    strong = len(best.strip()) >= (9 if " " in best.strip() else 6)
    if strong:
        return ((best.lower(),),)
    for alternatives in branches[:1]:
        alts = []
        for alt in alternatives:
            alt_runs, _ = _runs(alt)
            longest = max(alt_runs, key=len, default="")
            if len(longest.strip()) < 4:
                alts = []
                break
            alts.append(longest.lower())
        if 0 < len(alts) <= 7:
            return (tuple(alts),)
    return ((best.lower(),),) if len(best.strip()) >= 3 else ()


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


_NAMED_EXECUTIVE = re.compile(
    r"\b(?!The\b)[A-Z][\w'\u2019.-]* Executive\b|\bExecutive [A-Z]|[\"\u201c\u2018']Executive[\"\u201d\u2019']"
)


_DEVOLVED = ("Stormont", "Northern Ireland", "Holyrood", "Scottish", "Welsh", "Cardiff Bay")


def no_named_executive(doc: Document, m: re.Match) -> bool:
    """The article names no body called '... Executive' (Northern Ireland Executive, Chief Executive, a
    defined term) and is not about a devolved UK government, where 'the Executive' is English."""
    text = doc.text
    return not _NAMED_EXECUTIVE.search(text) and not any(name in text for name in _DEVOLVED)


GUARDS: dict[str, Callable[[Document, re.Match], bool]] = {
    "past_tense": past_tense,
    "perfect_before": perfect_before,
    "not_passive": not_passive,
    "no_named_executive": no_named_executive,
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
                needles=needles(pattern),
            )
        )
    return tuple(out)


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
    """The calque needles the article contains (an analysis shared by the calque rules)."""
    low = ctx.get(lowered)
    return frozenset(n for n in _all_needles() if n in low)


def _find(doc: Document, ctx: Context, name: str) -> Iterator[Finding]:
    text = doc.text
    present = ctx.get(present_needles)
    low = None
    for c in _rows(name):
        if not c.may_match(present):
            continue
        if low is None:
            low = ctx.get(lowered)
        for m in c.finditer(text, low):
            s, e = m.span("x") if "x" in c.pattern.groupindex and m.group("x") is not None else m.span()
            if doc.in_non_prose(s, e):
                continue
            if c.guard and not GUARDS[c.guard](doc, m):
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
    días*, meaning recently), `in the next days` (*en los próximos días*).
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
    ],
    passes=[
        "The company's chief executive said the Executive Committee and the executive branch agreed.",
        "The Northern Ireland Executive met. Ministers said the Executive has not met since May.",
        'The contract names him as the employee (the "Executive"), and the Executive has agreed to it.',
    ],
)
def government_calque(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Spanish and Portuguese names for the government translated word for word:
    `the Executive` used as a noun for the government (*el Ejecutivo*),
    `president of the Government` (*presidente del Gobierno*, the prime
    minister), `mandatary` (*mandatario*), `sources of the Ministry`. `chief
    executive`, `the Executive Committee`, `the executive branch` and articles
    about a body named "... Executive" (the Northern Ireland Executive, a
    contract's defined term) are left alone.

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
    against`, `in declarations to`. `assured him that`, `rest assured`, `was
    assured`, `settled the dispute` are English and left alone.

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
        "The government [[counts with the support]] of the nationalist parties.",
    ],
    passes=[
        "Sanitary and phytosanitary measures were agreed; he can count on the support of teachers.",
        "He realized an attack was coming.",
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
    `in the Hexagon` (French, France). The full list, with a near-miss for each
    pattern, is `tqcheck/lexicon/data/calques.tsv`.

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
