"""Word order: source-language constituent order that machine translation carries into English.

English is strictly subject-verb-object. Slavic and Romance languages put a new or numeric subject
after the verb (`For the bill voted 242 MPs`, `was damaged the facade`), German puts the finite verb
second after a fronted adverbial (`Already in the summer had the group closed...`), and many
languages put time, place and frequency adverbials between a verb and its object (`reprimanded
several times the deputies`). Each rule here looks for one of these orders in a clause whose shape
English rules out, with guards for the English constructions that share its words: negative and
`only` inversion, locative inversion, questions, two-object and naming passives, heavy objects.
Codes TQ980-TQ999 (grammar).

The rules share one lazy analysis (`sentence_words`): a cheap prefilter per rule (a clause that
opens with an adverbial or an auxiliary; a transitive verb before an adverbial, found by one
prefix-factored regex) picks the sentences that can match, and only those are tokenised, once
per document; each is walked left to right with bounded look-ahead: linear in the text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from ..document import Document
from ..lexicon import geo, table
from ..lexicon import words as lexwords
from ..model import Finding
from ..segment import _TOKEN, WORD, word_trie
from .base import Context, rule


class W(NamedTuple):
    start: int
    end: int
    kind: str  # word | number | punct
    text: str
    low: str


@cache
def _classes() -> dict[str, frozenset[str]]:
    """Word classes from `lexicon/data/word_order.tsv` (see the comments there)."""
    return {row[0]: frozenset(row[1].split()) for row in table("word_order.tsv") if len(row) > 1}


def _cls(name: str) -> frozenset[str]:
    return _classes()[name]


# A number or a word token of `_TOKEN` (what is left when punctuation is skipped): searched, it finds
# the first one in a sentence without tokenising the punctuation before it.
_FIRST_WORD = re.compile(rf"\d+(?:[.,:]\d+)*|{WORD}")


class _Sentences:
    """Lazy per-sentence token lists: the tokens of a sentence are built only when a rule's cheap
    prefilter says the sentence can match, and once per document for all three rules."""

    __slots__ = ("_openers", "built", "doc")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.built: dict[int, tuple[list[W], list[int]]] = {}
        self._openers: list[int] | None = None

    def words(self, si: int) -> tuple[list[W], list[int]]:
        """The tokens of sentence ``si`` and the indexes where its main clauses start (`_clause_starts`)."""
        got = self.built.get(si)
        if got is not None:
            return got
        doc = self.doc
        s = doc.sentences[si]
        text = doc.text
        new = tuple.__new__  # W(...) without the keyword-handling wrapper
        ws = [new(W, (m.start(), m.end(), m.lastgroup, x, x.lower()))
              for m in _TOKEN.finditer(text, s.start, s.end) for x in (m.group(),)]
        if ";" in text[s.start : s.end] or ":" in text[s.start : s.end]:
            got = (ws, _clause_starts(ws))
        else:
            first = next((x for x, w in enumerate(ws) if w.kind != "punct"), None)
            got = (ws, [] if first is None else [first])
        self.built[si] = got
        return got

    def opener_sentences(self) -> list[int]:
        """Sentences a clause of which can open with fronted adverbials or an auxiliary (the only
        clauses TQ980 and TQ981 read): the first word is a preposition, a time or connecting adverb,
        `and`/`but` or `was`/`were`/`has`/`have`, or a `;` or `:` starts another clause."""
        if self._openers is None:
            text = self.doc.text
            out = []
            search = _FIRST_WORD.search
            for si, s in enumerate(self.doc.sentences):
                first = search(text, s.start, s.end)  # the first token that is not punctuation
                if (first is not None and first.group().lower() in _CLAUSE_FIRST) \
                        or ";" in (sent := text[s.start : s.end]) or ":" in sent:
                    out.append(si)
            self._openers = out
        return self._openers

    def sentences_at(self, offsets) -> list[int]:
        """Indexes of the sentences that hold the given offsets, in order, each once."""
        seen = {self.doc.sentence_index(off) for off in offsets}
        seen.discard(None)
        return sorted(seen)


def sentence_words(doc: Document, ctx: Context) -> _Sentences:
    """The shared lazy sentence analysis of the word-order rules."""
    return _Sentences(doc)


# ---------------------------------------------------------------- word classes

PREPS = frozenset(
    """
    in on at for from during after before since until till to into onto over under with without within among amid
    amidst between by near against across along around through throughout following despite as of about behind
    beyond beside besides inside outside upon via per regarding concerning toward towards according due because
    thanks
    """.split()
)
ADV_OPENERS = frozenset(
    """
    yesterday today tonight earlier later then meanwhile already recently previously initially subsequently
    afterwards afterward also additionally moreover furthermore currently soon finally eventually overall
    therefore consequently
    """.split()
)
# Openers only before a time noun: `Last week`, `This year`, `Next month` (not `This does not work`).
TIME_OPENERS = frozenset("last this next".split())
OPENERS = PREPS | ADV_OPENERS
DETS = frozenset("the a an this that these those his her its their our my your some any many several each every all both".split())
PRONOUNS = frozenset("he she they we i you it him them us me there".split())
WH = frozenset("who whom whose which that what where when while why how if whether because although though unless".split())
BE = frozenset("am is are was were be been being".split())
AUX = frozenset("has have had do does did will would can could shall should may might must".split())
# Words that license subject-auxiliary inversion in English, or make it a conditional or a comparison.
INVERSION_TRIGGERS = frozenset(
    """
    not no never nor neither only little rarely seldom hardly scarcely barely nowhere so such well much even but
    and yet or if unless though although whether than thus hence just less least more rather
    """.split()
)
NUMBER_WORDS = frozenset(
    """
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
    dozens dozen several
    """.split()
)
_NOT_INFINITIVE = DETS | NUMBER_WORDS | PRONOUNS  # `to the`, `to two`, `to them`: a preposition, not `to` + verb
QUANTIFIERS = ("more than", "at least", "about", "around", "nearly", "almost", "over", "some", "up to",
               "approximately", "roughly", "only", "another")
FUNCTION = frozenset(
    """
    of in on at to for by with from and or but that which who whom whose as than into after before during since
    until while when where because if is are was were be been has have had will would can could should may might
    must not also
    """.split()
) | DETS | PRONOUNS
PLURAL_NOUNS = frozenset("people children men women police personnel staff troops youth clergy".split())
AFTER_TIME = frozenset("ago later earlier before after".split())
PASSIVE_ADVERBS = frozenset(
    "also further severely seriously badly heavily partially partly completely totally slightly reportedly allegedly "
    "again additionally likewise even".split()
)
IRREGULAR_PARTICIPLES = frozenset(
    """
    broken taken stolen shot hit torn burnt blown thrown driven bitten frozen overthrown withdrawn undertaken begun
    drawn spent built caught cut shut put sunk forbidden slain swept spread split rebuilt rewritten overrun shaken
    stricken destroyed
    """.split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset("january february march april may june july august september october november december".split())
TIME_UNITS = frozenset("week month year weekend morning afternoon evening night".split())
# Nouns that make `twice the X`, `three times the X` a multiplier, not an adverbial before an object.
QUANTITY = frozenset(
    """
    size number amount average rate value price cost level salary figure sum capacity population area volume speed
    weight height length distance budget total limit dose income revenue wage wages maximum minimum normal usual
    national original previous money market global world required pre-war expected
    """.split()
)


def _is_participle(w: W) -> bool:
    t = w.text
    if w.kind != "word" or not t.islower():
        return False
    return (len(t) >= 5 and t.endswith("ed")) or t in IRREGULAR_PARTICIPLES


def _is_year(w: W) -> bool:
    return w.kind == "number" and len(w.text) == 4 and w.text.isdigit() and 1800 <= int(w.text) <= 2100


def _ends_question(doc: Document, words: list[W]) -> bool:
    return bool(words) and any(w.text == "?" for w in words[-3:])


# First words of a clause that TQ980 and TQ981 can read (see `_Sentences.opener_sentences`).
_CLAUSE_FIRST = OPENERS | TIME_OPENERS | frozenset("and but was were has have".split())


@cache
def _as_reported_re() -> re.Pattern[str]:
    """`as reported the`: the only shape TQ980's report-source check reads."""
    verbs = "|".join(sorted(_cls("reporting"), key=len, reverse=True))
    return re.compile(rf"as\W+(?:{verbs})\W+the\b", re.I)


_WORD_CHAR = re.compile(r"\w")


def _as_reported_starts(text: str) -> Iterator[int]:
    """Where `as reported the` starts. The pattern has no leading `\b` (which makes `re` try it at
    every position, twice as slow); a match inside a word (`has said the`) is dropped here, and it
    cannot hide a real one: the words it spans after `as` are the verb and `the`."""
    for m in _as_reported_re().finditer(text):
        s = m.start()
        if s == 0 or not _WORD_CHAR.match(text, s - 1):
            yield s


_ADVERBIAL_FIRST = frozenset("on in yesterday today last this repeatedly twice once several many numerous".split())


@cache
def _verb_adverbial_re() -> re.Pattern[str]:
    """A lowercase transitive verb, then a word that can open an adverbial `_adverbial` reads: the
    only places TQ982 can match (a prefilter on the original text)."""
    verbs = word_trie(_cls("action"))
    firsts = word_trie(_ADVERBIAL_FIRST | NUMBER_WORDS)
    return re.compile(rf"\b{verbs}\W+(?i:{firsts})\b")


# ---------------------------------------------------------------- clause analysis


def _clause_starts(ws: list[W]) -> list[int]:
    """Token indexes where a main clause starts: the sentence start and after `;` or `:`."""
    out = []
    i = 0
    while i < len(ws) and ws[i].kind == "punct":
        i += 1
    if i < len(ws):
        out.append(i)
    for k, w in enumerate(ws):
        if w.text in ";:" and k + 1 < len(ws) and ws[k + 1].kind == "word":
            out.append(k + 1)
    return out


# Prepositions that are also conjunctions: `After the bill was passed the senators left` has a
# subordinate clause before the main one, so a verb right after such a chunk may have its subject.
CONJ_PREPS = frozenset("after before since until till as once because".split())


def _open_prefix(ws: list[W], a: int, b: int, verb_follows: bool = False) -> bool:
    """Whether ws[a:b] is only fronted adverbials: comma-separated chunks that each open with a
    preposition or an adverb of time or connection and hold no subject (`In Belgorod itself, as a
    result of the fall of debris,`). A determiner, number or pronoun that no preposition governs
    starts a subject (`In the attack two people`), and a finite verb or a `who`, `that` a clause."""
    if b <= a or b - a > 30:
        return False
    chunk_start = True
    prev = ""
    opener = ""
    nominal = False
    for x in range(a, b):
        w = ws[x]
        nxt = ws[x + 1] if x + 1 < b else None
        if w.kind == "punct":
            if w.text == ",":
                if chunk_start:
                    return False
                chunk_start, prev = True, ""
                continue
            return False
        low = w.low
        if chunk_start:
            if low in ("and", "but") and prev == "":
                prev = "and"
                continue
            if low in TIME_OPENERS:
                if not (nxt and (nxt.low in TIME_UNITS or nxt.low in WEEKDAYS or nxt.low in ("time", "season"))):
                    return False
            elif low not in OPENERS:
                return False
            chunk_start, prev, opener, nominal = False, low, low, False
            continue
        governed = prev in PREPS or prev in ("and", "or", "of") or prev in DETS
        if low in BE or low in AUX or (low in WH and not governed) or (low in PRONOUNS and not governed):
            return False
        if (low in DETS or w.kind == "number" or low in NUMBER_WORDS) and not governed:
            return False
        if w.text[:1].isupper() and not governed and ws[x - 1].text.islower():
            return False  # `By default Vim`, `In the attack Russia`: a name after a common noun is a subject
        if w.kind == "word" and low not in ("then", "now") and low not in MONTHS and low not in WEEKDAYS:
            nominal = True
        prev = low
    if verb_follows and ws[b - 1].text != "," and opener in CONJ_PREPS and nominal:
        return False
    return prev != "" or ws[b - 1].text == ","


def _numeric_np(ws: list[W], i: int) -> int | None:
    """End index of a counted subject at ws[i] (`242 MPs`, `more than 300 residents`,
    `two elderly people`, `dozens of civilians`), or None; units and years are not subjects."""
    n = len(ws)
    j = i
    for q in QUANTIFIERS:
        parts = q.split()
        if j + len(parts) <= n and [w.low for w in ws[j : j + len(parts)]] == parts:
            j += len(parts)
            break
    if j >= n:
        return None
    num = ws[j]
    if num.kind == "number":
        if _is_year(num) or "." in num.text or ":" in num.text:
            return None
    elif num.low not in NUMBER_WORDS or not num.text.islower():
        return None
    j += 1
    if j < n and ws[j].low == "of" and num.low in ("hundreds", "thousands", "dozens"):
        j += 1
    if j >= n or ws[j].kind != "word":
        return None
    head = ws[j]
    units = _cls("unit") | _cls("time")
    if head.low in units or head.low in FUNCTION or head.low in AFTER_TIME:
        return None
    j += 1
    if j < n and ws[j].kind == "word" and ws[j].text.islower() and ws[j].low not in FUNCTION:
        if ws[j].low in units or ws[j].low in AFTER_TIME:
            return None
        j += 1
    if j < n and ws[j].low in AFTER_TIME:
        return None
    last = ws[j - 1].low
    if last not in PLURAL_NOUNS and not (last.endswith("s") and not last.endswith(("ss", "us", "is", "ly"))):
        return None
    return j


def _definite_np(ws: list[W], i: int) -> int | None:
    """End index of a noun phrase opened by an article at ws[i] (`the facade`, `a criminal group`),
    or None; `the same day`, `the most`, `a week later` are adverbials, not noun phrases."""
    n = len(ws)
    if i >= n or ws[i].low not in ("the", "a", "an"):
        return None
    j = i + 1
    time = _cls("time")
    if j + 2 < n and ws[j].kind == "number" and ws[j + 1].text == "-" and ws[j + 2].kind == "word":
        j += 3  # `a 41-year-old man`
        i += 2
    while j < n and j - i <= 3 and ws[j].kind == "word" and ws[j].low not in FUNCTION:
        if j > i + 1 and _is_participle(ws[j]):
            break
        if j - i <= 2 and ws[j].low in time:
            return None
        j += 1
    if j == i + 1:
        return None
    if j < n and ws[j].low in AFTER_TIME:
        return None
    return j


# ---------------------------------------------------------------- TQ980 verb before its subject


@rule(
    code="TQ980",
    name="verb-before-subject",
    category="grammar",
    severity="minor",
    summary="`For the bill voted 242 MPs`, `was damaged the facade`: the subject put after the verb (Slavic, Romance order).",
    flags=[
        "The parliament met on Friday. For the bill [[voted 242 deputies]], and 12 abstained.",
        "In the explosion [[were injured two people]], the police said.",
        "In the town itself, as a result of the shelling, [[was damaged the roof]] of a school.",
        "At the rally [[took part more than 3,000 people]].",
        "On the ground floor [[have been damaged the windows]] of two shops.",
        "A drone hit an oil depot, as [[reported the press service]] of the regional administration.",
        "The council has said the road will reopen, as [[reported the press service]] of the city.",
    ],
    passes=[
        "Among the injured were two children. Also killed was the driver of the bus.",
        "In the explosion, two people were injured, the police said.",
        "In the village lived two sisters. Then came the news of the ceasefire.",
        "In 2019 the striker was named the best player of the season.",
        "During the storm the coast was hit the hardest; the road was closed the next day.",
        "On Monday the minister was given the award and was told the news.",
        "In a statement it was announced the club had signed a new coach.",
        "On the wall was hung a portrait of the founder.",
        "In the final round the senators voted 52 to 48.",
        "In the attack nobody was hurt, and the building was evacuated a day later.",
        "With the war came three million refugees.",
        "Prices in the region rose 5 percent, and in the capital were up 7 percent.",
        "FOR THE BILL VOTED 242 DEPUTIES",
        "After the bill was passed the senators went home, and after the rally gathered 5,000 people it ended.",
        "A drone hit a depot, as reported by the press service, as announced the previous day, as the mayor said.",
        "\"In the attack were injured two people,\" he told reporters.",
        "The council has said the road will reopen, and the mayor was told the news.",
    ],
)
def verb_before_subject(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A clause that opens with adverbials only (`For the bill`, `In the explosion`, `In
    the town itself, as a result of the shelling,`) and then puts a passive or an
    intransitive verb before its subject: `For the bill voted 242 deputies`, `In the
    explosion were injured two people`, `was damaged the roof of a school`. Polish,
    Russian, Ukrainian, Spanish and Italian order new information (here, the subject)
    last; English keeps the subject before the verb. Also a clause that opens with the
    passive verb (`Was arrested a 41-year-old man`, Italian *È stato arrestato*) and a
    report's source after its verb (`, as reported the press service`).

    It is left alone when the clause already has a subject (`In the explosion, two
    people were injured`), for English inversions with `be` and no participle
    (`Among the injured were two children`), locative inversion with verbs of
    position and arrival (`In the village lived...`, `Then came...`), passives that
    take a noun phrase in English (`was given the award`, `was named the best
    player`, `it was announced the club had...`, `On the wall was hung a portrait`),
    time and degree phrases (`the next day`, `the hardest`), vote tallies
    (`voted 52 to 48`), headlines in capitals and quotations.

    ## Why it matters
    The reader parses the words after the verb as its object and has to go back:
    the sentence reads as broken English.

    ## Example
    ```
    In the explosion were injured two people.
    ```

    ## Use instead
    ```
    Two people were injured in the explosion.
    ```
    """
    passive_ok = _cls("passive_ok")
    intransitive = _cls("intransitive")
    reporting = _cls("reporting")
    sents = ctx.get(sentence_words)
    as_source = set(sents.sentences_at(_as_reported_starts(doc.text)))
    openers = set(sents.opener_sentences())
    for si in sorted(as_source | openers):
        ws, starts = sents.words(si)
        if not ws or doc.in_quote(ws[0].start):
            continue
        for k in range(len(ws) - 2 if si in as_source else 0):
            # `, as reported the press service`: the source of a report after its verb.
            if ws[k].low == "as" and (k == 0 or ws[k - 1].text == ",") and ws[k + 1].low in reporting \
                    and ws[k + 1].text.islower() and (end := _definite_np(ws, k + 2)) \
                    and ws[k + 2].low == "the" and not doc.in_quote(ws[k].start):
                s, e = ws[k + 1].start, ws[end - 1].end
                yield Finding(s, e, f"'{doc.text[s:e]}': the source of the report follows its verb; English says "
                              f"'as the ... {ws[k + 1].text}' or 'as {ws[k + 1].text} by the ...'")
        for cs in starts if si in openers else ():
            hit = _verb_before_subject(ws, cs, passive_ok, intransitive)
            if hit and not doc.in_quote(ws[hit[0]].start):
                a, b, kind = hit
                s, e = ws[a].start, ws[b - 1].end
                yield Finding(s, e, f"'{doc.text[s:e]}': the subject follows the {kind} verb; English puts it "
                              "first ('242 deputies voted for the bill', 'two people were injured')")


def _passive_subject(ws: list[W], k: int, passive_ok: frozenset[str]) -> int | None:
    """End index of the subject after a passive verb at ws[k] (`was damaged the facade`,
    `have been injured two people`), or None."""
    n = len(ws)
    v = k
    if ws[k].low in ("has", "have", "had"):
        if k + 1 >= n or ws[k + 1].low != "been":
            return None
        v = k + 1
    p = v + 1
    while p < n and p - v <= 2 and ws[p].low in PASSIVE_ADVERBS:
        p += 1
    if p >= n or not _is_participle(ws[p]) or ws[p].low in passive_ok:
        return None
    return _definite_np(ws, p + 1) or _numeric_np(ws, p + 1)


def _verb_before_subject(ws: list[W], cs: int, passive_ok: frozenset[str], intransitive: frozenset[str]):
    """(first token, end token, kind) of an inverted verb and subject in the clause at cs, or None."""
    n = len(ws)
    if ws[cs].low in ("was", "were", "has", "have") and ws[-1].text != "?":
        # `Was arrested a 40-year-old man`: Italian and Spanish open with the passive verb.
        end = _passive_subject(ws, cs, passive_ok)
        return (cs, end, "passive") if end else None
    for k in range(cs + 1, min(n, cs + 32)):
        w = ws[k]
        if w.kind != "word":
            if w.text == ",":
                continue
            return None
        low = w.low
        if low in BE or low in ("has", "have", "had"):
            if not w.text.islower() or not _open_prefix(ws, cs, k, True) or ws[k - 1].low == "to":
                return None
            end = _passive_subject(ws, k, passive_ok)
            return (k, end, "passive") if end else None
        if low in intransitive or (low in ("took", "take", "takes") and k + 1 < n and ws[k + 1].low == "part"):
            if not w.text.islower() or not _open_prefix(ws, cs, k, True):
                return None
            q = k + 2 if low in ("took", "take", "takes") else k + 1
            end = _numeric_np(ws, q)
            return (k, end, "intransitive") if end else None
        if low in AUX or low in WH:
            return None
    return None


# ---------------------------------------------------------------- TQ981 verb second after a fronted adverbial

# German has no do-support: `do`, `does`, `did` after an opener are English (`To do this`, `Now do...`).
V2_AUX = AUX - {"do", "does", "did", "may"}  # and optative `may the best team win`
_SUBJECT_DETS = frozenset("the a an this these those his her its their our".split())
_SUBJECT_PRONOUNS = frozenset("he she it they we".split())


_OBJECT_DETS = frozenset("the a an its his her their".split())


def _lexical_verb_second(ws: list[W], cs: int, action: frozenset[str]) -> tuple[int, int] | None:
    """(verb, end) of `Already in the summer closed the group a plant`: fronted adverbials, a past or
    transitive verb, then a subject and an object with no verb between them. English cannot put two
    noun phrases after a verb that has no subject before it, so this order is German verb-second."""
    n = len(ws)
    for k in range(cs + 1, min(n - 3, cs + 16)):
        v = ws[k]
        if v.kind != "word" or not v.text.islower() or not (v.low in action or (len(v.low) >= 5 and v.low.endswith("ed"))):
            continue
        if v.low in _cls("passive_ok") and v.low not in action or ws[k - 1].text == ",":
            return None
        if not _open_prefix(ws, cs, k, True) or any(w.low in INVERSION_TRIGGERS for w in ws[cs:k]):
            return None
        subj = ws[k + 1]
        if subj.low in ("the", "a", "an"):
            m = k + 2
            while m < n and m - k <= 4 and ws[m].kind == "word" and ws[m].low not in FUNCTION:
                m += 1
            if m == k + 2:
                return None
        elif subj.kind == "word" and subj.text[:1].isupper() and subj.low not in MONTHS and subj.low not in WEEKDAYS:
            m = k + 2
            while m < n and m - k <= 3 and ws[m].kind == "word" and ws[m].text[:1].isupper():
                m += 1
        else:
            return None
        if m >= n:
            return None
        if ws[m].low in _OBJECT_DETS and m + 1 < n and ws[m + 1].kind == "word" and ws[m + 1].low not in FUNCTION \
                and ws[m + 1].low not in _cls("time"):
            return k, m
        if _numeric_np(ws, m):
            return k, m
        return None
    return None


@rule(
    code="TQ981",
    name="verb-second-inversion",
    category="grammar",
    severity="minor",
    summary="`Already in the summer had the group closed a plant`: German verb-second order after a fronted adverbial.",
    flags=[
        "[[Already in the spring had the company]] cut 300 jobs.",
        "The talks resumed. [[On Monday will the minister]] present the plan to parliament.",
        "[[Since 2019 has the club]] invested in its academy.",
        "[[In the third quarter increased the group]] its profit by a fifth.",
    ],
    passes=[
        "Only then had the company realised the scale of the losses.",
        "Never has the club invested so much, and not only did it sell its stadium: nor has the coach left.",
        "Rarely had the city seen such crowds, and so did the players.",
        "Had the company cut jobs earlier, it would have survived.",
        "In that case, had the company cut jobs, it would have survived.",
        "Already in the spring the company had cut 300 jobs.",
        "Why had the company cut 300 jobs?",
        "In which city had the company opened its first plant?",
        "The club spent more in 2023 than had the rest of the league, just as had the coach.",
        "In May the company had cut 300 jobs.",
        "In the corner of the square stands the statue, and among the guests was the minister.",
        "But had the referee seen the foul, the goal would not have counted.",
        "\"Since 2019 has the club invested in its academy?\" he asked.",
        "In the third quarter the group increased its profit by a fifth.",
        "Of the people interviewed the majority said they would vote.",
        "In the summer the closed plant a year ago reopened.",
    ],
)
def verb_second_inversion(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A clause that opens with an adverbial of time or place and then puts an auxiliary
    or modal before the subject: `Already in the spring had the company cut 300
    jobs`, `On Monday will the minister present the plan`. German (and Dutch,
    Scandinavian) main clauses keep the finite verb in second place, so whatever comes
    first pushes the subject after the verb; English does not invert there. A lexical
    verb followed by both its subject and its object (`In the third quarter increased
    the group its profit`) is the same order without an auxiliary.

    English inversion is left alone: after negative and restrictive openers (`Only
    then had...`, `Never has...`, `Not only did...`, `Rarely had...`, `nor has`,
    `so did`), conditionals (`Had the company...`, `In that case, had the...`, `But had
    the referee...`), comparisons (`than had the rest`, `as had the coach`),
    questions, locative inversion with `be` and verbs of position (`In the corner
    stands the statue`), and quotations.

    ## Why it matters
    English readers expect the subject before the verb; an inverted statement reads
    as a question or as archaic prose.

    ## Example
    ```
    Already in the spring had the company cut 300 jobs.
    ```

    ## Use instead
    ```
    The company had already cut 300 jobs in the spring.
    ```
    """
    action = _cls("action")
    sents = ctx.get(sentence_words)
    for si in sents.opener_sentences():
        ws, starts = sents.words(si)
        if not ws or _ends_question(doc, ws) or doc.in_quote(ws[0].start):
            continue
        for cs in starts:
            lexical = _lexical_verb_second(ws, cs, action)
            if lexical and not doc.in_quote(ws[lexical[0]].start):
                s, e = ws[cs].start, ws[lexical[1] - 1].end
                yield Finding(s, e, f"'{doc.text[s:e]}': the verb comes before its subject and object after a fronted "
                              "adverbial (German verb-second order); English keeps the subject first")
                continue
            k = next((i for i in range(cs + 1, min(len(ws), cs + 32)) if ws[i].low in AUX or ws[i].low in BE
                      or ws[i].low in WH), None)
            if k is None or ws[k].low not in V2_AUX or not ws[k].text.islower():
                continue
            if not _open_prefix(ws, cs, k, True) or ws[k - 1].low in ("as", "than", "to") or ws[k - 1].text == ",":
                continue
            if any(w.low in INVERSION_TRIGGERS for w in ws[cs:k]):
                continue
            if k + 1 >= len(ws):
                continue
            subj = ws[k + 1]
            if subj.low in _SUBJECT_DETS and k + 2 < len(ws) and ws[k + 2].kind == "word" \
                    and ws[k + 2].low not in FUNCTION:
                end = k + 3
            elif subj.low in _SUBJECT_PRONOUNS and subj.text.islower():
                end = k + 2
            elif subj.kind == "word" and subj.text[:1].isupper() and subj.low not in MONTHS and subj.low not in WEEKDAYS:
                end = k + 2
                while end < len(ws) and end - k <= 3 and ws[end].kind == "word" and ws[end].text[:1].isupper():
                    end += 1
            else:
                continue
            # A verb must follow the subject: a participle after `have`, a lowercase verb after a modal.
            rest = ws[end : end + 4]
            if ws[k].low in ("has", "have", "had"):
                if not any(_is_participle(w) or w.low in _cls("passive_ok") for w in rest):
                    continue
            elif not any(w.kind == "word" and w.text.islower() and w.low not in FUNCTION for w in rest[:2]):
                continue
            if doc.in_quote(ws[k].start):
                continue
            s, e = ws[cs].start, ws[end - 1].end
            yield Finding(s, e, f"'{doc.text[s:e]}': the verb comes before the subject after a fronted adverbial "
                          "(German verb-second order); English keeps the subject first")


# ---------------------------------------------------------------- TQ982 adverbial between verb and object


def _adverbial(ws: list[W], i: int) -> tuple[str, int] | None:
    """(kind, end) of a short time, frequency or place adverbial at ws[i], or None."""
    n = len(ws)
    if i >= n or ws[i].kind != "word":
        return None
    a = ws[i].low
    b = ws[i + 1] if i + 1 < n else None
    if a == "on" and b is not None and b.low in WEEKDAYS and b.text[:1].isupper():
        return "time", i + 2
    if a == "on" and b is not None and b.low in MONTHS and b.text[:1].isupper() and i + 2 < n \
            and ws[i + 2].kind == "number" and len(ws[i + 2].text) <= 2:
        return "time", i + 3
    if a in ("yesterday", "today"):
        return "time", i + 1
    if a == "last" and b is not None and (b.low in TIME_UNITS or b.low in WEEKDAYS):
        return "time", i + 2
    if a == "this" and b is not None and b.low in ("week", "month", "year", "morning", "afternoon", "weekend"):
        return "time", i + 2
    if a == "repeatedly":
        return "frequency", i + 1
    if a == "twice" or (b is not None and b.low == "times" and (a in ("several", "many", "numerous")
                                                                 or a in NUMBER_WORDS)):
        return "multiple", i + (1 if a == "twice" else 2)
    if a == "once" and b is not None and b.low == "again":
        return "frequency", i + 2
    if a == "on" and b is not None and b.low in ("several", "many", "numerous") and i + 2 < n \
            and ws[i + 2].low == "occasions":
        return "frequency", i + 3
    if a == "in" and b is not None and b.kind == "word":
        if b.text[:1].isupper() and b.low not in MONTHS and b.low not in WEEKDAYS and b.low not in DETS:
            j = i + 2
            while j < n and j - i <= 3 and ws[j].kind == "word" and ws[j].text[:1].isupper():
                j += 1
            return "place", j
        if b.text.islower() and geo.is_place(b.low) and not lexwords.is_common_lowercase(b.low):
            return "place", i + 2
    return None


def _stacked_pp(ws: list[W], i: int) -> int | None:
    """End of a short second adverbial (`in a preliminary reading`, `at a press conference`) at ws[i]
    that a determiner-led object follows, or None."""
    n = len(ws)
    if i >= n or ws[i].low not in ("in", "at", "during", "with", "by", "after", "before"):
        return None
    j = i + 1
    if j < n and ws[j].low in _SUBJECT_DETS:
        j += 1
    k = j
    while k < n and k - j < 3 and ws[k].kind == "word" and ws[k].low not in FUNCTION:
        k += 1
    if k == j or k >= n or ws[k].low not in ("the", "a", "an"):
        return None
    return k


@rule(
    code="TQ982",
    name="adverbial-before-object",
    category="grammar",
    severity="minor",
    summary="`reprimanded several times the deputies`, `arrested in Lyon a man`: an adverbial between a verb and its object.",
    flags=[
        "The speaker [[reprimanded several times the deputies]] of the opposition.",
        "Police [[arrested in Marseille a man]] suspected of fraud.",
        "The senate [[approved on Tuesday the budget]] for next year.",
        "The assembly [[adopted on Monday in a first reading a bill]] that would extend the season.",
        "The ministry [[condemned repeatedly the strikes]] on the port.",
    ],
    passes=[
        "The speaker reprimanded the deputies several times.",
        "The senate on Tuesday approved the budget for next year.",
        "The company earned twice the average salary, and paid three times the market price.",
        "The suspect, who was arrested on Monday the day after the attack, was released.",
        "The bill was approved on Tuesday the same way, and the club won on Sunday the next round.",
        "The exhibition opened on Monday the 5th of June.",
        "The minister said on Monday the talks had failed.",
        "After the raid on Monday the police arrested a man.",
        "The council approved on Tuesday a plan to build 4,000 homes on former industrial land in the north of the city.",
        "Police arrested in May a man suspected of fraud.",
        "\"We beat on Saturday the best team in the league,\" the coach said.",
        "He won in Paris the day before and lost in Rome a week later.",
    ],
)
def adverbial_before_object(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A transitive verb, an adverbial, then the verb's object: `reprimanded several
    times the deputies`, `arrested in Marseille a man`, `approved on Tuesday the
    budget`, `adopted on Monday in a first reading a bill`. Spanish, French,
    Italian, Portuguese, Russian, Polish and Hebrew put time, place and frequency
    adverbials right after the verb; English keeps the object next to its verb and
    puts the adverbial after it or before the verb.

    Only verbs that take a noun object and never a bare clause are read (`said on
    Monday the talks had failed` is English). Left alone: heavy objects, which
    English may move to the end (`approved on Tuesday a plan to build 4,000 homes
    on ...`), unless two adverbials are stacked before them; multipliers (`twice the
    average salary`); time phrases (`on Monday the day after`, `on Sunday the next
    round`, `on Monday the 5th`); passives; verbs inside a fronted phrase (`After
    the raid on Monday the police...`); quotations.

    ## Why it matters
    The adverbial separates the verb from its object, which English does only for
    long objects; a short object after it reads as translated.

    ## Example
    ```
    The speaker reprimanded several times the deputies of the opposition.
    ```

    ## Use instead
    ```
    The speaker reprimanded the opposition deputies several times.
    ```
    """
    action = _cls("action")
    sents = ctx.get(sentence_words)
    for si in sents.sentences_at(m.start() for m in _verb_adverbial_re().finditer(doc.text)):
        ws, starts = sents.words(si)
        if not ws or doc.in_quote(ws[0].start):
            continue
        n = len(ws)
        for i, v in enumerate(ws):
            if v.low not in action or not v.text.islower() or i == 0:
                continue
            prev = ws[i - 1].low
            if prev in DETS or prev in BE or prev in ("get", "got", "gets", "getting"):
                continue
            if prev in PASSIVE_ADVERBS and i >= 2 and ws[i - 2].low in BE:
                continue
            adv = _adverbial(ws, i + 1)
            if adv is None:
                continue
            kind, j = adv
            stacked = False
            second = _stacked_pp(ws, j) if kind in ("time", "place") else None
            if second is not None:
                stacked, j = True, second
            elif kind in ("time", "place") and j < n and (a2 := _adverbial(ws, j)) and a2[0] in ("time", "place") \
                    and a2[0] != kind:
                stacked, j = True, a2[1]
            obj_end = _definite_np(ws, j) or _numeric_np(ws, j)
            if obj_end is None:
                continue
            if ws[j].kind == "word" and j + 1 < n and (ws[j + 1].kind == "number" or ws[j + 1].low[:1].isdigit()):
                continue
            if kind == "multiple" and any(w.low in QUANTITY for w in ws[j + 1 : j + 3]):
                continue
            if kind in ("time", "place") and not stacked:
                weight, infinitive = 0, False
                for x in range(j, n):
                    w = ws[x]
                    if w.kind == "punct" and w.text not in "-'\u2019":
                        break
                    weight += 1
                    if weight > 7:
                        break  # heavy already: no need to walk the rest of the clause
                    if w.low == "to" and x + 1 < n and ws[x + 1].kind == "word" and ws[x + 1].text.islower() \
                            and ws[x + 1].low not in _NOT_INFINITIVE:
                        infinitive = True
                if weight > 7 or infinitive:  # heavy: `a plan to cut 5,000 jobs`, `the right to host`
                    continue
            k = bisect_right(starts, i)
            cs = starts[k - 1] if k else 0
            if _open_prefix(ws, cs, i):
                continue
            if doc.in_quote(v.start):
                continue
            s, e = v.start, ws[obj_end - 1].end
            yield Finding(s, e, f"'{doc.text[s:e]}': the adverbial separates the verb from its object; English "
                          "keeps a short object next to its verb")
