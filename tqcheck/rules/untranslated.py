"""Untranslated: words, phrases and sentences left in the source language (TQ610+).

TQ601-609 (source-language spellings of names) live in ``rules/names.py``. The
language evidence is the shared analysis ``tqcheck.analysis.language``.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache, lru_cache
from operator import attrgetter

from .. import lexicon
from ..analysis.language import (
    LANGS,
    LANGUAGE_NAMES,
    ForeignRun,
    Word,
    evidence_keys,
    foreign_text,
    frequencies,
    non_ascii_words,
    unique_words,
    word_scores,
    words_of,
)
from ..analysis.people import first_names, source_spellings
from ..document import Document
from ..lexicon import geo
from ..lexicon import words as english
from ..model import Finding
from ..segment import word_positions
from .base import Context, rule

_OPEN = "\"“‘«„'*_("
_CLOSE = "\"”’»“'*_)"
# What introduces a foreign word on purpose: `known as la mañanera`, `the term bancada`.
_INTRO = re.compile(
    r"\b(?:known as|called|so-called|so called|dubbed|nicknamed|termed|the term|the word|the words|the phrase|"
    r"the expression|the slogan|the motto|the chant|chanting|chanted|shouting|shouted|signs? reading|reads?|"
    r"titled|entitled|headlined|literally|meaning|in (?:spanish|portuguese|italian|french|german)|"
    r"(?:spanish|portuguese|italian|french|german) for|(?:spanish|portuguese|italian|french|german) (?:word|term|phrase|expression)s?)"
    r"[\s:,]*(?:(?:the|a|an) )?[\"“‘«„'*_]?\s*$",
    re.IGNORECASE,
)
_GLOSS = re.compile(
    r"\s*[\"”’»'*_]?\s*(?:\(|,? (?:which|that) (?:means|translates)|, meaning|, literally|, or |[–—-] literally|: "
    r"|, (?:a|an|the) (?:\w+ ){0,3}(?:word|term|ceremony|tradition|kind|sort|type|form|dish|wake|festival)\b)"
)
# A title of a work or an outlet right before: `the film La vita è bella`, `the daily El Tiempo`.
_WORK = re.compile(
    r"\b(?:film|movie|novel|book|song|album|series|opera|play|poem|painting|newspaper|daily|weekly|magazine|"
    r"exhibition|documentary|hit|single|show|programme|program|anthem|motto|slogan|banner|sign|hashtag)"
    r"[\s:,]*[\"“‘«„'*_]?(?:[A-ZÀ-Þ][\w'’-]*\s+){0,3}$"
)


def _quoted(text: str, start: int, end: int) -> bool:
    """The span sits right inside quotes, brackets or emphasis: cited on purpose."""
    before = text[max(0, start - 2) : start].rstrip()
    after = text[end : end + 2].lstrip()
    return bool(before) and bool(after) and before[-1] in _OPEN and after[0] in _CLOSE


def _introduced(text: str, start: int, end: int) -> bool:
    """Cited as a foreign term: quoted, introduced (`known as`, `the term`) or glossed (`velório (wake)`)."""
    if _quoted(text, start, end):
        return True
    if _INTRO.search(text, max(0, start - 40), start) or _WORK.search(text, max(0, start - 60), start):
        return True
    return bool(_GLOSS.match(text, end, end + 30))


def _lang(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def _cited_keys(doc: Document, runs: list[ForeignRun]) -> frozenset[str]:
    """Lowercase texts of runs that the article cites on purpose somewhere: left alone everywhere."""
    text = doc.text
    return frozenset(text[r.start : r.end].lower() for r in runs if _introduced(text, r.start, r.end))


QUOTE_WORDS = 12  # a foreign quotation this short, most of it in the run, is cited on purpose


def _short_quotation(doc: Document, r: ForeignRun) -> bool:
    """The run is most of a short quotation: `chanted "No pasarán"`, `the motto "Ordem e Progresso"`."""
    return in_short_quotation(doc, r.start, r.end, r.words)


def in_short_quotation(doc: Document, start_: int, end_: int, words: int) -> bool:
    """The span of ``words`` words is most of a quotation of at most QUOTE_WORDS words."""
    text = doc.text
    pi = doc.paragraph_index(start_)
    if pi is None:
        return False
    p = doc.paragraphs[pi]
    before, after = text[p.start : start_], text[end_ : p.end]
    opened = max(before.rfind(c) for c in "“«„‘")
    closed = max(before.rfind(c) for c in "”»’“") if opened >= 0 else -1
    if opened >= 0 and closed <= opened:
        start = opened
    elif before.count('"') % 2 == 1:
        start = before.rfind('"')
    else:
        return False
    ends = [i for i in (after.find(c) for c in "”»“\"’") if i >= 0]
    if not ends:
        return False
    quoted = len(before[start + 1 :].split()) + words + len(after[: min(ends)].split())
    return quoted <= QUOTE_WORDS and words >= 0.6 * quoted


def _runs(doc: Document, ctx: Context) -> list[ForeignRun]:
    return ctx.get(reported_runs)


def reported_runs(doc: Document, ctx: Context) -> list[ForeignRun]:
    """The confirmed runs that are neither cited on purpose nor a term English keeps (shared by TQ610-612)."""
    runs = ctx.get(foreign_text)
    cited = _cited_keys(doc, runs)
    text = doc.text
    return [
        r for r in runs
        if r.confirmed and text[r.start : r.end].lower() not in cited and not doc.in_non_prose(r.start, r.end)
        and not _short_quotation(doc, r)
        and (is_sentence_run(r) or kept_term(doc, ctx, r.start, r.end) is None)
    ]


# -- terms English keeps -------------------------------------------------------------
#
# Good English writing keeps some foreign terms: dishes and drinks in food writing
# (`croquetas de jamón`), the jargon of a sport (`directeur sportif`), styles and genres
# (`fado`, `bel canto`), titles of works and names of institutions. Beyond the adopted
# phrases of untranslated_allow.txt, four signs tell such a term from a leftover:
#
# * it is a noun phrase (no source-language function word at either end: `croquetas de
#   jamón` is, `según el gobierno` and `la mañanera` are not) that names a food (a word of
#   the food class: a dish, whatever its name), or that an English noun heads (`the
#   catenaccio system`, `a fado singer`), or that the text glosses (`bacalhau, the salt
#   cod dish`; `velório (wake)` was already cited);
# * it continues a capitalised source-language word: the title of a work or the name of
#   an institution (`La vita è bella`, `Assemblée nationale`);
# * a lone food noun in an article about food (`the pastéis were still warm`).


@cache
def _kept_classes() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in lexicon.table("untranslated_kept.tsv"):
        if len(row) >= 2:
            out.setdefault(row[0], set()).update(row[1].split())
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _all_function_words() -> frozenset[str]:
    """Function words of every source language: the kept-term class and the leftover list (TQ612)."""
    return _kept_classes()["function"] | frozenset(_function_words())


FOOD_CUES = 4  # distinct words of food writing that make an article a food article
_EXTEND_MAX_EN = 2.5  # a neighbour rarer than this in English may belong to the term (`croquetas`)


@cache
def _category_gloss() -> re.Pattern:
    """`, the salt cod dish,` / `, a style of student song`: an apposition naming what the term is."""
    nouns = "|".join(sorted(_kept_classes()["category"], key=len, reverse=True))
    return re.compile(
        rf",? (?:a|an|the|or|these|those|its|their) (?:[\w'’-]+ ){{0,4}}?(?:{nouns})"
        r"(?=\s*[,.;:)–—]|\s*$| (?:of|that|which|who|made|from|with|served|eaten|sung|played|worn|for|in|where)\b)"
    )


def food_article(doc: Document, ctx: Context) -> bool:
    """Several distinct words of food writing (`bakery`, `served`, `pastry`, `menu`): an article about food."""
    cues = _kept_classes()["cue-food"]
    seen = {w.lower() for w in ctx.get(unique_words)} & cues
    return len(seen) >= FOOD_CUES


def _words_of(doc: Document, ctx: Context, si: int) -> list[Word]:
    return words_of(doc, ctx, si)


_START = attrgetter("start")


def _word_at(doc: Document, ctx: Context, start: int) -> tuple[list[Word], int] | None:
    """The words of the sentence holding ``start`` and the index of the word that starts there."""
    si = doc.sentence_index(start)
    if si is None:
        return None
    words = _words_of(doc, ctx, si)
    k = bisect_left(words, start, key=_START)  # words are in text order
    return (words, k) if k < len(words) and words[k].start == start else None


def _uncovered_word(doc: Document, ctx: Context, start: int, end: int,
                    spans) -> tuple[list[Word], int] | None:
    """`_word_at`, unless the word lies inside one of ``spans`` (a run another rule already reports)."""
    if any(a <= start and end <= b for a, b in spans):
        return None
    return _word_at(doc, ctx, start)


def _term_words(doc: Document, ctx: Context, start: int, end: int) -> tuple[list[Word], int, int] | None:
    """The words of the sentence around a span, and the first and last index of the term that holds it."""
    si = doc.sentence_index(start)
    if si is None:
        return None
    words = _words_of(doc, ctx, si)
    idx = [k for k, w in enumerate(words) if w.start >= start and w.end <= end and not w.blocker]
    if not idx:
        return None
    i, j = idx[0], idx[-1]
    function = _kept_classes()["function"]

    def joins(w: Word, gap: str) -> bool:
        return (not w.blocker and not w.capitalised and not w.particle and w.key not in function
                and gap.strip() == "" and "\n" not in gap and english.zipf(w.key) < _EXTEND_MAX_EN)

    while i > 0 and joins(words[i - 1], doc.text[words[i - 1].end : words[i].start]):
        i -= 1
    while j + 1 < len(words) and joins(words[j + 1], doc.text[words[j].end : words[j + 1].start]):
        j += 1
    return words, i, j


def kept_term(doc: Document, ctx: Context, start: int, end: int) -> str | None:
    """Why the foreign span ``text[start:end]`` is a term English keeps, or None (see above)."""
    found = _term_words(doc, ctx, start, end)
    if found is None:
        return None
    words, i, j = found
    text = doc.text
    classes = _kept_classes()
    function, connector = _all_function_words(), classes["connector"]
    term = words[i : j + 1]
    before = words[i - 1] if i > 0 and not words[i - 1].blocker else None
    # The title of a work or an institution: `La vita è bella`, `Assemblée nationale`.
    if (before is not None and before.capitalised and not before.text.isupper()
            and text[before.end : term[0].start] == " "
            and (before.key in function or max(word_scores(before.key)) >= 1.0)):
        return "title"
    # A noun phrase: content words at both ends, only connectors and content words inside.
    if len(term) > 6 or term[0].key in function or term[-1].key in function:
        return None
    if any(w.capitalised or w.blocker or (w.key in function and w.key not in connector) for w in term):
        return None
    food = classes["food"]
    if any(w.key in food for w in term) and (len(term) >= 2 or ctx.get(food_article)):
        return "food"
    after = words[j + 1] if j + 1 < len(words) else None
    if after is not None and not after.capitalised and after.key in classes["head"] and text[term[-1].end : after.start] == " ":
        return "head"
    m = _category_gloss().match(text, term[-1].end, term[-1].end + 80)
    if (m and "\n" not in m.group()) or _appositive(text, term[-1].end):
        return "gloss"
    if _GLOSS.match(text, term[-1].end, term[-1].end + 30):
        return "gloss"
    if ctx.get(food_article):
        # Food writing: `a torrada`, `two pastéis`, `its queijadas and travesseiros`.
        if before is not None and before.key in _DETERMINERS and term[0].start - before.end <= 2:
            return "food"
        if _coordinated_with_kept(words, i, j):
            return "food"
    return None


_DETERMINERS = frozenset((
    "a", "an", "the", "two", "three", "four", "five", "six", "some", "its", "their", "his", "her", "our", "your",
    "this", "that", "these", "those", "each", "every", "another", "fresh", "warm", "hot", "cold", "few", "several",
))
_COORDINATORS = frozenset(("and", "or", "nor"))
_REPORTING = frozenset((
    "said", "says", "say", "told", "tells", "added", "adds", "announced", "announces", "stated", "states",
    "explained", "explains", "reported", "reports", "confirmed", "confirms", "insisted", "insists", "noted",
    "notes", "argued", "argues", "claimed", "claims", "warned", "warns", "recalled", "recalls", "admitted",
    "admits", "according", "wrote", "writes", "will", "would", "was", "were", "is", "are", "has", "have", "had",
    "can", "could", "may", "might", "must", "should", "did", "does", "do",
))
# `, the bus of non-climbers who...`, `, the 12-string Portuguese guitar with...`: a noun phrase in apposition.
_APPOSITIVE = re.compile(
    r", (?:a|an|the|these|those) ((?:[\w'’-]+ ){0,5}?[\w'’-]+)"
    r"(?=\s*[,.;:)–—]|\s*$| (?:of|that|which|who|whose|made|from|with|served|eaten|sung|played|worn|for|in|where|on|at)\b)"
)


def _appositive(text: str, end: int) -> bool:
    """A noun phrase in apposition right after the term: what an editor writes to gloss it."""
    m = _APPOSITIVE.match(text, end, end + 100)
    if not m or "\n" in m.group():
        return False
    ws = m.group(1).split()
    return not any(w.lower() in _REPORTING for w in ws) and all(
        any(c.isdigit() for c in w) or w[0].isupper() or english.zipf(w.lower().strip("'’")) >= 2.0 for w in ws)


def _coordinated_with_kept(words: list[Word], i: int, j: int) -> bool:
    """`queijadas and travesseiros`: coordinated with a food word or an adopted term."""
    food = _kept_classes()["food"]

    def kept(w: Word) -> bool:
        return w.allowed or w.key in food

    if i >= 2 and words[i - 1].key in _COORDINATORS and kept(words[i - 2]):
        return True
    return j + 2 < len(words) and words[j + 1].key in _COORDINATORS and kept(words[j + 2])


def is_sentence_run(r: ForeignRun) -> bool:
    """The run is (most of) its sentence: a sentence or headline left in the source language."""
    return r.words >= 4 and r.words >= 0.6 * r.sentence_words


@rule(
    code="TQ610",
    name="untranslated-sentence",
    category="untranslated",
    severity="major",
    summary="A sentence or headline left in the source language.",
    flags=[
        "The museum opens on Saturday.\n\n[[Réservation obligatoire sur le site du musée]].\n\nTickets cost 12 euros.",
        "[[El presidente dijo que la reforma será aprobada antes de fin de año]].\n\nThe opposition rejected the plan.",
        "The strike continues. [[Die Gewerkschaft will die Schließung der Werke nicht akzeptieren]].",
        "Lawmakers met on Monday. [[Não há consenso sobre a exploração de petróleo na região]].",
        "The budget passed. [[El govern de la Generalitat va aprovar ahir el pressupost]].",
        "The vote was close. [[De oppositie is het er niet mee eens]].",
    ],
    passes=[
        "The status quo is not sustainable per se, a bona fide expert argued on Monday.",
        "La Liga clubs met El País reporters in Los Angeles and Rio de Janeiro.",
        "After the coup d'état, the de facto leader of the junta promised elections.",
        "Ursula von der Leyen met Luiz Inácio Lula da Silva in Belém on Tuesday.",
        "Protesters chanted \"No pasarán\" outside the parliament building.",
        "“Nous sommes tous Charlie,” read the banner outside the town hall.",
        "Brazil's flag carries the motto “Ordem e Progresso” across a starry globe.",
    ],
)
def untranslated_sentence(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A sentence, headline or paragraph in Spanish, Portuguese, Italian, French or
    German inside an English article. Evidence: per-word frequencies (words far
    more frequent in the source language than in English, such as `según`,
    `também`, `però`, `aber`, `avec`), summed over the best-scoring stretch of
    the sentence, which must cover most of it; from four words on, a language
    identifier restricted to English and those languages must agree. Names
    (`El País`, `Rio de Janeiro`), phrases English has adopted (`per se`, `de
    facto`, `coup d'état`) and quotations cited on purpose are left alone.

    ## Why it matters
    Fragment-by-fragment machine translation sometimes returns a segment
    unchanged, often a headline, a caption or a notice; the English reader
    cannot read it.

    ## Example
    ```
    The museum opens on Saturday. Réservation obligatoire sur le site du musée.
    ```

    ## Use instead
    ```
    The museum opens on Saturday. Booking on the museum's website is required.
    ```
    """
    for r in _runs(doc, ctx):
        if is_sentence_run(r):
            yield Finding(r.start, r.end, f"Sentence left in {_lang(r.lang)} ({r.words} words read as {_lang(r.lang)}, not English)")


@rule(
    code="TQ611",
    name="untranslated-phrase",
    category="untranslated",
    severity="major",
    summary="Two or more words left in the source language inside an English sentence.",
    flags=[
        "President Claudia Sheinbaum said during [[la mañanera]] that tankers would be sent.",
        "The new law, [[según el gobierno]], will pass before the summer.",
        "The union said it was [[aber nicht]] ready to sign.",
        "The minister said the plan was good, [[però non basta]].",
        "The [[tribunal correctionnel]] of Bordeaux sentenced the former director.",
        "The mayor said the council had approved, [[amb el suport de tots els grups]], the new budget.",
        "The minister said the measures, [[ancak muhalefet buna karşı çıktı]], would be enough.",
        "The prime minister said the reform, [[która została przyjęta przez]] Sejm, would help.",
    ],
    passes=[
        "We queued for dan dan noodles at the night market before the stalls sold out.",
        "The status quo is not sustainable per se, a bona fide expert argued.",
        "The de facto leader met envoys in Rio de Janeiro and Ciudad Juárez.",
        # a lowercase place name is a casing slip (TQ101), not a phrase left untranslated
        "Flights from são paulo were cancelled after the storm.",
        "Prices rose 5 per cent in the year to March, vice versa for wages.",
        "The fiesta in Pamplona drew crowds, El País reported.",
        "His morning press conference, known as la mañanera, runs for hours.",
        "The gilets jaunes protests began in 2018 over fuel taxes.",
        "Ursula von der Leyen met Lula da Silva and the Corriere della Sera editor.",
        # terms English keeps: a dish (a noun phrase holding a food word), a term an English noun
        # heads, one glossed in apposition, a title or an institution's name
        "The bar serves croquetas de pollo and a plate of arroz de marisco.",
        "Italy's catenaccio system gave way to the trequartista role.",
        "He sang a fado de Coimbra, a style of student song, at the party.",
        "The tribunal correctionnel, the criminal court, sentenced the director.",
        "Benigni's La vita è bella won three Oscars.",
        "The team's directeur sportif said the stage would suit the climbers.",
        "They said entre nous that the soup du jour was the best in town.",
    ],
)
def untranslated_phrase(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A run of two or more words in Spanish, Portuguese, Italian, French or German
    inside an English sentence: `according to la mañanera`, `según el gobierno`,
    `aber nicht`. Evidence: the words are far more frequent in one source
    language than in English (function words such as `según`, `pero`,
    `também`, `però`, `aber`, `nicht`, `avec` weigh most); from four words on a
    language identifier must agree. Capitalised names and their particles
    (`Rio de Janeiro`, `von der Leyen`), phrases English has adopted (`per se`,
    `de facto`, `bona fide`, `status quo`, `gilets jaunes`, dishes, sporting and
    musical terms such as `directeur sportif`, `maillot jaune`, `bel canto`) and
    terms the article cites on purpose (quoted, `known as ...`, or glossed in
    brackets) are left alone. So is a term English keeps that the lists do not
    name: a noun phrase (no source-language function word at either end) that
    holds a food word (`croquetas de pollo`: a dish), that an English noun heads
    (`the catenaccio system`, `a fado singer`) or that an apposition glosses
    (`bacalhau, the salt cod dish`); a run that continues a capitalised
    source-language word (a title or an institution: `La vita è bella`,
    `Assemblée nationale`). Catalan, Romanian, Dutch, Polish and Turkish are
    read too, from shorter word lists.

    ## Why it matters
    A phrase the machine translation left in the source language is lost on the
    English reader and shows that nobody edited the text.

    ## Example
    ```
    Sheinbaum said during la mañanera that tankers would be sent.
    ```

    ## Use instead
    ```
    Sheinbaum said during her morning press conference that tankers would be sent.
    ```
    """
    for r in _runs(doc, ctx):
        if not is_sentence_run(r) and not _only_places(doc.text, r.start, r.end):
            phrase = doc.text[r.start : r.end]
            yield Finding(r.start, r.end, f"'{phrase}' reads as {_lang(r.lang)}, not English: left untranslated?")


# -- single words ------------------------------------------------------------------

WORD_SCORE = 3.0  # a single word must be this much more frequent in the source language
WORD_MAX_ENGLISH = 1.0  # ... and rarer than this in English
# A word English text meets now and then (in names, quotations: `gobierno`, `ayuntamiento`, `después`,
# zipf 1-2) is a leftover too when it is a common word of its language (zipf 4 and up there).
WORD_RARE_ENGLISH = 2.0
WORD_COMMON_SOURCE = 4.0


@lru_cache(maxsize=1 << 16)
def _word_verdict(key: str) -> tuple[str, float] | None:
    """(language, score) when the lowercase word on its own is clearly a source-language word."""
    freq = frequencies(key)
    if freq[0] >= WORD_RARE_ENGLISH:
        return None
    scores = word_scores(key)
    best = max(range(len(LANGS)), key=scores.__getitem__)
    rare = freq[0] < WORD_MAX_ENGLISH
    if scores[best] < (WORD_SCORE if rare else WORD_SCORE - 0.5) - 1e-9:
        return None
    if freq[1 + best] < (WORD_SCORE if rare else WORD_COMMON_SOURCE):
        return None
    return LANGS[best], scores[best]


def _languages(key: str) -> str:
    """`Portuguese`, or `Portuguese or Spanish` when the word is common in both."""
    scores = word_scores(key)
    order = sorted(range(len(LANGS)), key=lambda i: -scores[i])
    names = [_lang(LANGS[i]) for i in order if scores[i] >= WORD_SCORE - 0.5][:2]
    return " or ".join(names) or _lang(LANGS[order[0]])


def _capitalised_elsewhere(doc: Document, word: str) -> bool:
    return bool(word_positions(doc.text, word[:1].upper() + word[1:], "_"))


def _in_quotation(doc: Document, start: int, end: int) -> bool:
    """A single word inside a short foreign quotation (at most four words): `"¡Buen provecho!"`, `"sem dúvida"`.

    A quotation whose other words are all ordinary English (`"a expropriation encoberta"`) was
    translated around the word: the word is a leftover, not a cited phrase.
    """
    others = _quotation_others(doc, start, end)
    if others is None or len(others) + 1 > 4:
        return False
    return not others or not all(_plain_english(w) for w in others)


def _plain_english(token: str) -> bool:
    key = token.strip(".,;:!?¡¿()").lower().replace("’", "'")
    return bool(key) and english.zipf(key) >= 2.0 and max(word_scores(key)) < 0.5


def _quotation_others(doc: Document, start: int, end: int) -> list[str] | None:
    """The other words of the quotation on the same line that holds the span (None when it is not quoted)."""
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    i = max(before.rfind(c) for c in "“«„‘\"")
    line_end = text.find("\n", end)
    after = text[end : line_end if line_end >= 0 else len(text)]
    ends = [k for k in (after.find(c) for c in "”»“\"’") if k >= 0]
    if i < 0 or not ends:
        return None
    return before[i + 1 :].split() + after[: min(ends)].split()


def _quotation_words(doc: Document, start: int, end: int) -> int:
    """Words of the quotation on the same line that holds the span (99 when it is not quoted)."""
    others = _quotation_others(doc, start, end)
    return 99 if others is None else len(others) + 1


@lru_cache(maxsize=4096)
def _brand_compound(word: str) -> bool:
    """A country or city glued to a word, written in lowercase: a brand (`franceinfo`, `mexicohoy`)."""
    for k in range(4, len(word) - 2):
        p = geo.place(word[:k])
        if p is not None and p.kind in ("country", "city") and not geo.is_ambiguous(word[:k]):
            rest = word[k:]  # `info`, `hoy`: a word of its own, not the tail of one (`sind-icato`)
            if english.zipf(rest) >= 3.5 or max(frequencies(rest)[1:]) >= 4.0:
                return True
    return False


def _only_places(text: str, start: int, end: int) -> bool:
    """`são paulo to ciudad de méxico`: every foreign word belongs to a lowercase place name (TQ101's)."""
    places = False
    for m in re.finditer(r"[^\W\d_]+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        if _in_place_name(text, s, e):
            places = True
        elif english.zipf(m.group().lower()) < 3.0:
            return False
    return places


def _in_place_name(text: str, start: int, end: int) -> bool:
    """The word is (part of) a place name written in lowercase (`são paulo`): a casing matter."""
    before = re.search(r"(\S+)\s+$", text[max(0, start - 30) : start])
    after = re.match(r"\s+(\S+)", text[end : end + 30])
    word = text[start:end].lower()
    keys = [word]
    if before:
        keys.append(f"{before.group(1).lower().strip('.,;:')} {word}")
    if after:
        keys.append(f"{word} {after.group(1).lower().strip('.,;:')}")
    return any(geo.place(k) is not None for k in keys)


@rule(
    code="TQ612",
    name="untranslated-word",
    category="untranslated",
    severity="minor",
    summary="A single word left in the source language that English does not use.",
    flags=[
        "The [[velório]] will be open to the public from 9 a.m. at the City Council.",
        "Indigenous leaders held a [[mutirão]] for the forest on Tuesday.",
        "According to the Chilean [[cancillería]], Boric reiterated his condemnation.",
        "The [[belediye]] announced new measures for the earthquake zone on Tuesday.",
        # a function word of a source language alone among English words
        "The club's president, [[según]] the newspaper, resigned.",
        "The talks failed, [[aber]] the union said it would return.",
        "The plan was approved, [[też]] by the opposition.",
        # a capitalised common word standing alone (a byline, a heading word)
        "By [[Redacción]] | Mexico City",
        # the Swedish pronoun `hen` (he or she)
        "[[Hen]] who is born in 1960 will hardly notice any difference, says [[hen]].",
    ],
    passes=[
        "The fiesta and the siesta are part of life in the barrio, she said.",
        "A bona fide aficionado, he drinks espresso in the piazza.",
        "His morning press conference, known as the mañanera, runs for hours.",
        "The velório (wake) will be held on Saturday.",
        "The word \"saudade\" has no English equivalent.",
        "Flights from são paulo were delayed.",
        "Visit https://example.com/velório for details.",
        "The strike was announced on the public broadcaster franceinfo on Thursday.",
        "The Sturm und Drang period shaped German literature.",
        "A terracotta by Luca della Robbia and the della Robbia workshop were sold.",
        "The bile duct was blocked, the doctor said, and my gran was worried.",
        "The bakery's pastéis were still warm at dawn; the café serves coffee and cake, and the pastry chef bakes bread.",
        "The crowd, she said in jest, was het up.",
        "Barcelona won at the Estadi Olímpic; she sang Estranha Forma de Vida in the Serie A Femminile final.",
        "Kilis Governor Hülya Kaya spoke to the Centre d'Estudis d'Opinió in Moscú.",
        "Money changers added an agio of one per cent when the shilling was swapped for dollars.",
        "The report reached Congress last month, and Gen. Chris Cavoli outlined a list of US capabilities. "
        "Later, the commander Cavoli said the list was long.",
        "The hen was laying again, the old hen is fine, and a hen who wanders off is lost. Hen parties are loud.",
    ],
)
def untranslated_word(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A lowercase word that English does not use (practically absent from English
    text; or rare in it, as names and quotations bring it, and common in its own
    language: `gobierno`, `ayuntamiento`) but that is common in Spanish,
    Portuguese, Italian, French, German, Catalan, Romanian, Dutch, Polish or
    Turkish: `velório`, `mutirão`, `cancillería`, `correctionnel`, `belediye`. Words English has
    adopted (`fiesta`, `barrio`, `piazza`), names written in lowercase (a casing
    matter: `são paulo`), words the article capitalises elsewhere, words inside
    URLs and terms cited on purpose (quoted, `known as ...`, glossed in
    brackets) are left alone, and so are words inside a longer untranslated
    run (TQ610, TQ611 report those) and the terms TQ611 recognises as kept by
    English (a food word in an article about food: `the pastéis were still
    warm`; a glossed or English-headed term).

    It also flags a **function word** of a source language (`según`, `aber`,
    `também`, `avec`, `też`, `için`; ``untranslated_function_words.tsv``, each
    far more frequent in its language than in English) standing alone between
    English words: both neighbours not foreign, one an ordinary English word, at
    most one a name (`según Reuters`). A name's particle (`della Robbia`), words
    English also writes (`sin`, `sans`, `jest`, `bile`) and phrases it has
    adopted (`entre nous`) are left alone.

    And a **capitalised** common word of a source language, unknown to English
    even as a name, standing alone in mid-sentence (`By Redacción | Mexico
    City`): a capitalised neighbour joined by a space (`Estadi Olímpic`,
    `Hülya Kaya`) or an elided particle (`d'Estudis`) makes it part of a name.

    ## Why it matters
    Machine translation leaves words it cannot translate, often terms of art
    (a wake, a criminal court, a ministry), in the source language, where the
    English reader cannot follow.

    ## Example
    ```
    The velório will be open to the public from 9 a.m.
    ```

    ## Use instead
    ```
    The wake will be open to the public from 9 a.m.
    ```
    """
    text = doc.text
    uniq = ctx.get(unique_words)
    # Unique words first (C speed); positions only for the rare ones with a verdict.
    cand = [w for w in uniq & evidence_keys() if len(w) >= 4 and w.islower() and _word_verdict(w) is not None]
    cand += [w for w in ctx.get(non_ascii_words) if _unknown_accented(w)]
    yield from _function_word_leftovers(doc, ctx, uniq)
    yield from _capitalised_leftovers(doc, ctx, uniq)
    if "hen" in uniq or "Hen" in uniq:
        yield from _swedish_hen(doc)
    if not cand:
        return
    runs = ctx.get(foreign_text)
    covered = [(r.start, r.end) for r in runs if r.confirmed]
    cited = set(_cited_keys(doc, runs))
    hits = sorted((p, w) for w in cand for p in word_positions(text, w, "'’-_"))
    cited.update(w for p, w in hits if _introduced(text, p, p + len(w)))  # cited once: a term of the article
    for start, key in hits:
        end = start + len(key)
        located = _uncovered_word(doc, ctx, start, end, covered)
        if located is None:
            continue
        words, k = located
        w = words[k]
        if w.allowed or w.capitalised or w.particle or key in cited:
            continue
        if doc.in_non_prose(start, end) or _introduced(text, start, end) or _in_quotation(doc, start, end):
            continue
        if _capitalised_elsewhere(doc, key) or _in_place_name(text, start, end) or _brand_compound(key):
            continue
        if kept_term(doc, ctx, start, end):
            continue
        if _unknown_accented(key):
            marks = "".join(dict.fromkeys(c for c in key if not c.isascii()))
            yield Finding(start, end, f"'{key}' is no English word and writes letters English does not ({marks}): "
                          "a source-language word left untranslated?")
            continue
        langs = _languages(key)
        article = "an" if langs[0] in "AEIOU" else "a"
        yield Finding(start, end, f"'{key}' is {article} {langs} word that English does not use: left untranslated?")


# Swedish `hen` (they, of one person) where English has a pronoun: after a verb of saying, or before a verb.
_HEN = re.compile(r"\b(?:says|said|writes|wrote|thinks|believes|explains|adds|continues) hen\b|"
                  r"\b[Hh]en (?:who|is|was|has|had|says|said|will|would|can|could|thinks|believes|does|did|wants)\b")
_HEN_BEFORE = re.compile(r"(?:\b(?:the|a|one|each|every|this|that|her|his|their|my|our|old|mother|laying|fat)|\d) $", re.IGNORECASE)


def _swedish_hen(doc: Document) -> Iterator[Finding]:
    """`says hen`, `Hen who is born in 1960`: the Swedish pronoun, not the bird (`the hen was`)."""
    text = doc.text
    for m in _HEN.finditer(text):
        s = text.find("en", m.start()) - 1
        if _HEN_BEFORE.search(text, max(0, s - 12), s) or doc.in_non_prose(s, s + 3):
            continue
        yield Finding(s, s + 3, f"'{text[s:s + 3]}' is the Swedish pronoun (he or she, they): left untranslated?")


ACCENTED_MIN = 4  # a lowercase word with letters beyond ASCII, this long, ...
ACCENTED_MAX_ENGLISH = 1.0  # ... that English does not know, with or without its accents


@lru_cache(maxsize=4096)
def _unknown_accented(word: str) -> bool:
    """A lowercase Latin-script word with accented letters that no word table knows: `sládek`, `dvůr`, `köprüsü`.

    English writes accents only in loanwords it knows (`café`, `naïve`, `façade`); a word that is
    unknown to English both as written and with its accents stripped, and too rare in the source
    languages' tables to be evidence there, is a word of another language (Czech, Slovak,
    Hungarian, Vietnamese...).
    """
    if len(word) < ACCENTED_MIN or not word.isalpha() or not word.islower() or word.isascii():
        return False
    if any(ord(c) > 0x24F and not 0x1E00 <= ord(c) <= 0x1EFF for c in word):
        return False  # another script: TQ613
    if word in evidence_keys() or english.zipf(word) >= ACCENTED_MAX_ENGLISH:
        return False
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return english.zipf(plain) < ACCENTED_MAX_ENGLISH


# Words after which a capitalised word stands where English puts a name (a place, a person).
_NAME_SLOT = frozenset("in at from to near into via with for of outside inside across toward towards".split())
CAPITAL_SOURCE = 3.5  # a capitalised word must be this common in its language (`Redacción`) ...
CAPITAL_MAX_ENGLISH = 1.0  # ... and unknown to English, even as a name


def _capitalised_leftovers(doc: Document, ctx: Context, uniq: set[str]) -> Iterator[Finding]:
    """A capitalised common word of a source language standing alone mid-sentence: `By Redacción |`.

    A name in the source language is a run of capitalised words (`Estadi Olímpic`, `Serie A
    Femminile`, `Hülya Kaya`) or follows an elided particle (`d'Estudis`): the word must have no
    capitalised neighbour joined to it by a space, and be practically unknown to English.
    """
    found = [w for w in uniq if len(w) >= 5 and w[0].isupper() and w[1:].islower()]  # cheapest test first
    keys = evidence_keys()
    found = [w for w in found if w.lower() in keys and _capital_verdict(w.lower())]
    found = [w for w in found if w not in source_spellings()]  # `Moscú`: TQ601 reports the name
    text = doc.text
    for form in found:
        alone = []
        for start in word_positions(text, form, "'’-_"):
            located = _word_at(doc, ctx, start)
            if located is None:
                continue
            words, k = located
            if any(_joined_capital(text, words[k], n) for n in (words[k - 1] if k else None,
                                                                  words[k + 1] if k + 1 < len(words) else None)):
                alone = []  # part of a name somewhere (`Gen. Chris Cavoli`): a surname when alone (`Cavoli said`)
                break
            alone.append((start, words, k))
        for start, words, k in alone:
            end = start + len(form)
            if not words[k].capitalised or words[k].text.isupper():
                continue  # the first word of a sentence, or an acronym
            if doc.in_non_prose(start, end) or _introduced(text, start, end) or _in_quotation(doc, start, end):
                continue
            if _in_place_name(text, start, end) or text[start - 1 : start] in "'’":
                continue
            if k and words[k - 1].key in _NAME_SLOT and not words[k - 1].capitalised:
                continue  # `works in Bornova`, `According to Yaşar,`: the slot of a name, not of a common word
            langs = _languages(form.lower())
            article = "an" if langs[0] in "AEIOU" else "a"
            yield Finding(start, end, f"'{form}' is {article} {langs} word that English does not use: left untranslated?")


@lru_cache(maxsize=4096)
def _capital_verdict(key: str) -> bool:
    freq = frequencies(key)
    return freq[0] < CAPITAL_MAX_ENGLISH and max(freq[1:]) >= CAPITAL_SOURCE and _word_verdict(key) is not None


def _joined_capital(text: str, w: Word, n: Word | None) -> bool:
    """``n`` is a capitalised word next to ``w`` with only a space between: both belong to one name."""
    if n is None or n.blocker:
        return False
    if not (n.capitalised or n.particle or n.text[:1].isupper() and (english.zipf(n.key) < 3.0 or n.key in first_names())):
        return False  # (a sentence's first word joins a name unless it is a common English word: `By`;
        # a given name joins its surname even after a title the segmenter ends a sentence at: `Gen. Chris Cavoli`)
    gap = text[n.end : w.start] if n.end <= w.start else text[w.end : n.start]
    return gap.strip() == ""


FUNCTION_LEAN = 2.5  # a function word left alone must be this much more frequent in its language
FUNCTION_MAX_ENGLISH = 3.5  # ... and rarer than this in English (`ante`, `sans`, `con` are English)
ENGLISH_NEIGHBOUR = 3.0  # a neighbour this frequent in English, and not foreign, is English


@cache
def _function_words() -> dict[str, str]:
    """Function words of the source languages (``untranslated_function_words.tsv``) -> language."""
    out: dict[str, str] = {}
    for row in lexicon.table("untranslated_function_words.tsv"):
        if len(row) >= 2:
            for w in row[1].split():
                out.setdefault(w, row[0])
    return out


@cache
def _function_forms() -> frozenset[str]:
    """The function words as they may be written: lowercase, or capitalised at a sentence start."""
    return frozenset(f for w in _function_words() for f in (w, w[:1].upper() + w[1:]))


@lru_cache(maxsize=4096)
def _function_verdict(key: str) -> str | None:
    """The language of a function word English never uses (`según`, `aber`, `też`), or None."""
    lang = _function_words().get(key)
    if lang is None or lang not in LANGS:
        return None
    freq = frequencies(key)
    if freq[0] >= FUNCTION_MAX_ENGLISH or freq[1 + LANGS.index(lang)] - freq[0] < FUNCTION_LEAN:
        return None
    return lang


def _english_neighbour(w: Word | None) -> bool:
    return w is not None and not w.blocker and not w.capitalised and english.zipf(w.key) >= ENGLISH_NEIGHBOUR and max(word_scores(w.key)) < 0.5


def _function_word_leftovers(doc: Document, ctx: Context, uniq: set[str]) -> Iterator[Finding]:
    """A source-language function word alone among English words: `president, según the newspaper`.

    Both neighbours (one at the start of a sentence) are words that are not foreign, at least one
    of them an ordinary lowercase English word and at most one capitalised (a name: `según Reuters`);
    a name's particle (`della Robbia`), a phrase English has adopted, a quotation or a longer
    foreign run (TQ610, TQ611) are left alone.
    """
    found = [w for w in uniq & _function_forms() if _function_verdict(w.lower())]
    if not found:
        return
    text = doc.text
    runs = [(r.start, r.end) for r in ctx.get(foreign_text) if r.confirmed]
    for form in found:
        key = form.lower()
        for start in word_positions(text, form, "'’-_"):
            end = start + len(form)
            located = _uncovered_word(doc, ctx, start, end, runs)
            if located is None:
                continue
            words, k = located
            w = words[k]
            if w.capitalised or w.allowed or w.particle:
                continue
            prev = words[k - 1] if k > 0 else None
            nxt = words[k + 1] if k + 1 < len(words) else None
            if nxt is None or (prev is None and k > 0):
                continue
            sides = [n for n in (prev, nxt) if n is not None]
            caps = [n for n in sides if n.capitalised and not n.blocker]
            if len(caps) > 1 or not any(_english_neighbour(n) for n in sides):
                continue
            if any(n not in caps and not _english_neighbour(n) for n in sides):
                continue
            if doc.in_non_prose(start, end) or _introduced(text, start, end) or _in_quotation(doc, start, end):
                continue
            lang = _lang(_function_verdict(key) or "")
            yield Finding(start, end, f"'{form}' is a {lang} function word alone among English words: left untranslated?")


# -- other scripts -----------------------------------------------------------------

_SCRIPT_CHARS = (
    "\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u097f"
    "\u0e00-\u0e7f\u10a0-\u10ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
)
_SCRIPT_CHAR = re.compile(f"[{_SCRIPT_CHARS}]")
_SCRIPT_RUN = re.compile(f"[{_SCRIPT_CHARS}]+(?:[\\s,.;:!?'’\"«»„“”-]+[{_SCRIPT_CHARS}]+)*")
_SCRIPT_NAMES = (
    ("\u0370", "\u03ff", "Greek"), ("\u0400", "\u052f", "Cyrillic"), ("\u0530", "\u058f", "Armenian"),
    ("\u0590", "\u05ff", "Hebrew"), ("\u0600", "\u077f", "Arabic"), ("\u0900", "\u097f", "Devanagari"),
    ("\u0e00", "\u0e7f", "Thai"), ("\u10a0", "\u10ff", "Georgian"), ("\u3040", "\u30ff", "Japanese"),
    ("\u3400", "\u9fff", "Chinese"), ("\uac00", "\ud7af", "Korean"),
)


def _script(ch: str) -> str:
    return next((name for lo, hi, name in _SCRIPT_NAMES if lo <= ch <= hi), "non-Latin")


@rule(
    code="TQ613",
    name="foreign-script",
    category="untranslated",
    severity="major",
    summary="Text in another script (Cyrillic, Hebrew, Arabic, Greek...) left in an English article.",
    flags=[
        "The crew docked with the [[МКС]] on Tuesday evening.",
        "The cabinet approved the deal.\n\n[[הממשלה אישרה את העסקה]]\n\nThe vote was held overnight.",
        "Officials said [[все системы работают нормально]] after the launch.",
        "Residents were moved to temporary accommodation points ([[ПВР]]) overnight.",
    ],
    passes=[
        "President Volodymyr Zelensky (Володимир Зеленський) spoke on Monday.",
        "The Hebrew word \"חוצפה\" means audacity.",
        "The Greek letter π and the formula were on the board.",
        "Prices fell 3% in Kyiv, the bank said.",
    ],
)
def foreign_script(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Words in a non-Latin script (Cyrillic, Greek, Hebrew, Arabic, Armenian,
    Georgian, Devanagari, Thai, Chinese, Japanese, Korean) in the running text
    of an English article: an abbreviation left as it was (`МКС` for ISS), a
    sentence or a caption the translation skipped. The original spelling of a
    name given in brackets, a quoted word explained in the text and single
    letters (`π`) are left alone.

    ## Why it matters
    An English reader cannot read it, and it shows the segment was never
    translated.

    ## Example
    ```
    The crew docked with the МКС on Tuesday evening.
    ```

    ## Use instead
    ```
    The crew docked with the ISS on Tuesday evening.
    ```
    """
    text = doc.text
    if not any(_SCRIPT_CHAR.search(w) for w in ctx.get(non_ascii_words)):
        return
    for m in _SCRIPT_RUN.finditer(text):
        start, end = m.span()
        if end - start < 2:
            continue
        abbreviation = m.group().isupper() and end - start <= 6  # `(ПВР)`: no gloss helps an English reader
        if abbreviation and text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            pass  # `(ПВР)`: an abbreviation in brackets glosses nothing for an English reader
        elif _quoted(text, start, end) or _inside_brackets(text, start, end) or _introduced(text, start, end):
            continue
        script = _script(m.group()[0])
        yield Finding(start, end, f"Text in {script} script left in the English article: '{_short(m.group())}'")


def _inside_brackets(text: str, start: int, end: int) -> bool:
    """Inside ( ) or [ ] that open before the span on the same line: a gloss of the original spelling."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    opened = before.rfind("(") > before.rfind(")") or before.rfind("[") > before.rfind("]")
    line_end = text.find("\n", end)
    after = text[end : line_end if line_end >= 0 else len(text)]
    return opened and (")" in after or "]" in after)


def _short(s: str, n: int = 40) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


# -- titles and abbreviations ------------------------------------------------------

_NAME = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+"
# Source-language titles before a name: Me (Maître), Mme, Mlle, Sr., Sra., Srta., Dña., Sig., Sig.ra, Dott., Avv., Ing.
# Patterns start with a literal capital (fast scanning); the context is checked after a match.
_TITLE_BEFORE = re.compile(
    rf"(?P<t>M(?:e|me|mes|lle|lles)|Sr(?:a|ta)\.|Dña\.|Dª|Sig\.(?:ra)?|Dott\.(?:ssa)?|Avv\.|Gent\.mo|Egr\.)"
    rf"\s+(?={_NAME}\s+{_NAME}|{_NAME}\b)"
)
# `Sr.` only before a first and last name, not after a name (there it is English `Senior`).
_SR_BEFORE = re.compile(rf"(?P<t>Sr\.)\s+(?={_NAME}\s+{_NAME})")
# Turkish honorifics after a first name: Zeynep Hanım, Ahmet Bey.
_TITLE_AFTER = re.compile(r"(?P<t>Han(?:ım|im|ımefendi)|Beyefendi|Efendi|Bey)(?![\w])")
# Spelled-out honorifics before a name: `señor Gómez`, `dona Maria`, `Herr Scholz`, `signora Rossi`.
# (`Madame`, `Monsieur`, `Dona` and `Pani` capitalised are left out: `Madame Tussauds`, first names.)
_HONORIFICS = {
    "señor": "Mr", "señora": "Ms", "señorita": "Ms", "senhor": "Mr", "senhora": "Ms", "senhorita": "Ms",
    "doña": "Ms", "dona": "Ms", "signor": "Mr", "signore": "Mr", "signora": "Ms", "signorina": "Ms",
    "monsieur": "Mr", "madame": "Ms", "mademoiselle": "Ms", "herr": "Mr", "frau": "Ms", "bayan": "Ms",
    "gospodin": "Mr", "gospozha": "Ms", "domnul": "Mr", "doamna": "Ms", "meneer": "Mr", "mevrouw": "Ms", "pani": "Ms",
    # Czech and Slovak, Turkish, Persian, Indonesian and Javanese forms of address
    "paní": "Ms", "pán": "Mr", "sayın": "Mr or Ms", "khanum": "Ms", "khanom": "Ms", "khanoum": "Ms", "aghaye": "Mr",
    "aqaye": "Mr", "bapak": "Mr", "pak": "Mr", "ibu": "Ms", "bu": "Ms", "cak": "Mr", "mbak": "Ms",
    # Hindi (Shri, Shrimati, Smt.), Thai (Khun), Polish and Ukrainian (pan), Greek, Vietnamese, Croatian
    "shri": "Mr", "shrimati": "Ms", "smt.": "Ms", "khun": "Mr or Ms", "pan": "Mr", "kyrios": "Mr", "kyria": "Ms",
    "ông": "Mr", "bà": "Ms", "gospođa": "Ms", "gospođin": "Mr",
    # Georgian (batono, kalbatono), Urdu (janab), Tagalog (Aling, Mang: Mrs, Mr)
    "batono": "Mr", "kalbatono": "Ms", "janab": "Mr", "aling": "Mrs", "mang": "Mr",
}
# Capitalised, these are names or English words too: `Madame Tussauds`, `Dona Bailey`, `Pak Se-ri` (a Korean surname).
_CAPITALISED_HONORIFICS = frozenset(
    w[:1].upper() + w[1:] for w in _HONORIFICS
    if w not in ("monsieur", "madame", "mademoiselle", "dona", "pani", "pak", "pan", "ông", "bà", "mang")
)
_HONORIFIC_FORMS = _HONORIFICS.keys() | _CAPITALISED_HONORIFICS
_HONORIFIC_WORDS = frozenset(w.rstrip(".") for w in _HONORIFIC_FORMS)  # as unique_words holds them
_HONORIFIC = re.compile(rf"(?P<t>(?:{'|'.join(map(re.escape, sorted(_HONORIFIC_FORMS, key=len, reverse=True)))}))"
                        rf"\s+(?={_NAME}\b)")
# Honorifics after a name, in lowercase: Hindi `ji` and Urdu `sahab` (`Hemant Soren ji`, `Khan sahab`).
_AFTER_NAME = re.compile(r"(?<=[a-z]) (?P<t>ji|sahab|saheb|sahib)(?![\w'’-])")
_AFTER_NAME_WORDS = frozenset(("ji", "sahab", "saheb", "sahib"))
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][a-z]+$")
# Greek `κ.` (kyrios, Mr) transliterated as `k.` before a surname: `said the k. Kikilias`.
_GREEK_K = re.compile(rf"(?<![\w.])(?<!\d )k\.[ \u00a0](?={_NAME}\b)")
# Albanian `z.` (zoti, Mr) and `znj.` (zonja, Mrs) kept before a surname: `declared z. Këlliçi`.
_ALBANIAN_Z = re.compile(rf"(?<![\w.])(?<!\d )(?<!to )(?P<t>z|znj)\.[ \u00a0](?={_NAME}\b)")
_TITLE_EN = {
    "Me": "Ms/Mr (Maître, a lawyer's title)", "Mme": "Ms (Madame)", "Mmes": "Mss", "Mlle": "Ms (Mademoiselle)",
    "Mlles": "Mss", "Sr.": "Mr (Señor)", "Sra.": "Ms (Señora)", "Srta.": "Ms (Señorita)", "Dña.": "Ms (Doña)",
    "Dª": "Ms (Doña)", "Sig.": "Mr (Signor)", "Sig.ra": "Ms (Signora)", "Dott.": "Dr (Dottore)",
    "Dott.ssa": "Dr (Dottoressa)", "Avv.": "the lawyer (Avvocato)", "Gent.mo": "Mr", "Egr.": "Mr",
    "Hanım": "Ms (Hanım)", "Hanim": "Ms (Hanım)", "Hanımefendi": "Ms", "Beyefendi": "Mr", "Efendi": "Mr",
    "Bey": "Mr (Bey)",
}


@rule(
    code="TQ614",
    name="source-language-title",
    category="untranslated",
    severity="minor",
    summary="A source-language title or honorific left before or after a name (Me, Mme, Sra., Dott., Hanım).",
    flags=[
        "The lawyer for the families, [[Me]] Sophie Lanusse, welcomed the verdict.",
        "[[Mme]] Dupont said the decision was unfair.",
        "The economist Zeynep [[Hanım]] said inflation would fall.",
        "The complaint was filed by [[Dott.]] Marco Bianchi.",
        "The spokeswoman, [[Sra.]] Gómez, declined to comment.",
        "The minister met [[señor]] Gómez, and [[Herr]] Scholz spoke to [[dona]] Maria.",
        # Hindi, Thai, Greek and Polish forms of address, before or after the name
        "Chief Minister Hemant Soren [[ji]] cast his vote, and [[Shri]] Marandy appealed to voters.",
        "[[Smt.]] Kalpana Soren and Imran Khan [[sahab]] addressed the rally.",
        "[[Khun]] Boonmee added that help had not arrived.",
        "«Nobody wants to leave the islands without supplies», said the [[k.]] Kikilias.",
        "The farmers' leader, [[pan]] Kowalski, blocked the road.",
        "[[Batono]] Shalva said the law has nothing in common with it.",
        "In the evacuation center, [[Aling]] Rosa Mendoza said aid was late, and [[mang]] Jose agreed.",
        '"Democracy is worth more", declared [[z.]] Këlliçi, and [[znj.]] Kumbaro left.',
    ],
    passes=[
        "Give Me Liberty was playing, and John Smith Sr. was there.",
        "The Me Too movement reached Spain in 2018.",
        "Martin Luther King Sr. preached in Atlanta.",
        "Ms Dupont said the decision was unfair, Dr Bianchi added.",
        "He told me Sophie would come.",
        "Pilgrims visit Nuestra Señora de Guadalupe, Madame Tussauds and Dona Bailey's studio.",
        "The title “señor” is polite; Frau is the German word.",
        '"Herr Weber has run out of excuses," the opposition leader told the chamber.',
        "Students of Shri Ram College met Sri Mulyani in Sri Lanka, and Peter Pan flew Pan Am.",
        "Tai Ji is a martial art; the Sikh shrine Harmandir Sahib and Ji Chaozhu, the interpreter, were named.",
        "He paid 50 k. Rent rose, and the cameras pan across the square.",
        "Mang Inasal opened a branch; the Aling sisters and the Janab restaurant; from a to z. Then it rained.",
    ],
)
def source_language_title(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Titles and honorifics of the source language left as they were around a
    name: French `Me` (Maître, for lawyers), `Mme`, `Mlle`; Spanish `Sr.`, `Sra.`,
    `Srta.`, `Dña.`; Italian `Sig.`, `Sig.ra`, `Dott.`, `Avv.`; Turkish `Hanım`
    and `Bey` after a first name; spelled-out honorifics before a name (`señor`,
    `dona`, `signora`, `monsieur`, `Herr`, `Frau`, `pani`, `domnul`, `meneer`,
    Hindi `Shri`, `Smt.`, Thai `Khun`, Greek `k.` for κ.), Hindi and Urdu `ji` and
    `sahab` after a name (`Hemant Soren ji`),
    not inside a capitalised name (`Nuestra Señora`) and, for `Madame`,
    `Monsieur` and `Dona`, only in lowercase (`Madame Tussauds`, a first name);
    not inside a quotation, where the speaker's own form of address is kept on purpose.
    `Sr.` after a name is the English `Senior`,
    and `Me` not followed by a name is the pronoun: both are left alone.

    ## Why it matters
    English news uses Mr, Ms, Dr or a job description (`the lawyer Sophie
    Lanusse`); the foreign title is an untranslated word the reader may not
    understand (`Me` reads as the pronoun).

    ## Example
    ```
    The lawyer for the families, Me Sophie Lanusse, welcomed the verdict.
    ```

    ## Use instead
    ```
    The lawyer for the families, Sophie Lanusse, welcomed the verdict.
    ```
    """
    text = doc.text
    uniq = ctx.get(unique_words)
    if uniq & _HONORIFIC_WORDS:
        yield from _honorifics(doc)
    if uniq & _AFTER_NAME_WORDS:
        yield from _after_name(doc)
    if "k" in uniq:
        for m in _GREEK_K.finditer(text):
            if not (doc.in_non_prose(m.start(), m.end()) or doc.in_quote(m.start())):
                yield Finding(m.start(), m.start() + 2, "'k.' is the Greek title κ. (Mr); English uses Mr or no title")
    if "z" in uniq or "znj" in uniq:
        for m in _ALBANIAN_Z.finditer(text):
            if not (doc.in_non_prose(m.start(), m.end()) or doc.in_quote(m.start())):
                yield Finding(m.start(), m.end("t") + 1, f"'{m.group('t')}.' is the Albanian title (Mr or Mrs); "
                              "English uses Mr, Mrs or no title")
    if "-" in doc.text:
        yield from _title_suffixes(doc)
    if not uniq & _TITLE_WORDS:
        return
    for pattern in (_TITLE_BEFORE, _SR_BEFORE, _TITLE_AFTER):
        for m in pattern.finditer(text):
            t = m.group("t")
            start, end = m.span("t")
            before = text[max(0, start - 2) : start]
            if before[-1:].isalnum() or before[-1:] == ".":
                continue  # inside a word or an abbreviation
            if pattern is _SR_BEFORE and re.match(r"[\w.], ", text[max(0, start - 3) : start]):
                continue  # `John Smith, Sr.`
            if pattern is _TITLE_AFTER and not re.fullmatch(r"[a-zçğıöşü] ", before):
                continue  # after a first name only
            if t == "Me" and not _me_is_title(text, end):
                continue
            yield Finding(start, end, f"'{t}' is a source-language title; English uses {_TITLE_EN.get(t, 'Mr or Ms')}")


def _honorifics(doc: Document) -> Iterator[Finding]:
    """`señor Gómez`, `Herr Scholz`: a spelled-out honorific before a name, not inside a name
    (`Nuestra Señora de Guadalupe`) nor cited on purpose."""
    text = doc.text
    for m in _HONORIFIC.finditer(text):
        t = m.group("t")
        start, end = m.span("t")
        if _word_char_before(text, start) or _PREVIOUS_CAPITAL.search(text, max(0, start - 20), start):
            continue  # inside a word, or inside a capitalised name
        if doc.in_non_prose(start, end) or _introduced(text, start, end) or doc.in_quote(start):
            continue  # a quoted speaker's own form of address is kept on purpose ("Herr Merz knows that")
        name = re.match(r"\s+([\w'’-]+)", text[end : end + 40])
        if name and _ordinary_word(name.group(1)):
            continue  # `Bu Army`, `Ibu Kota`: a word follows, not a name
        yield Finding(start, end, f"'{t}' is a source-language honorific; English uses {_HONORIFICS[t.lower()]} "
                      "or no title", suggestion=_HONORIFICS[t.lower()])


def _after_name(doc: Document) -> Iterator[Finding]:
    """`Hemant Soren ji`: a Hindi or Urdu honorific after a capitalised name, not cited on purpose."""
    text = doc.text
    for m in _AFTER_NAME.finditer(text):
        start, end = m.span("t")
        if not _CAPITALISED_BEFORE.search(text, max(0, start - 30), start - 1):
            continue
        if doc.in_non_prose(start, end) or _introduced(text, start, end) or doc.in_quote(start):
            continue
        t = m.group("t")
        yield Finding(start, end, f"'{t}' is a Hindi or Urdu honorific after a name; English uses Mr or Ms "
                      "before the name, or no title")


def _ordinary_word(word: str) -> bool:
    from ..lexicon import words

    return words.is_ordinary_lowercase(word.lower())


# Japanese and Korean honorific suffixes glued to a name: `Tanaka-san`, `Kim-ssi`, `Sato-sensei`.
_TITLE_SUFFIX = re.compile(r"-(?<=[a-z]-)(?P<t>san|sama|kun|chan|senpai|sensei|ssi|nim)(?![\w-])")
_SUFFIX_EN = {"san": "Mr or Ms", "sama": "Mr or Ms", "kun": "Mr", "chan": "no title", "senpai": "no title",
              "sensei": "Dr, Professor or no title", "ssi": "Mr or Ms", "nim": "Mr or Ms"}
_NAME_BEFORE_SUFFIX = re.compile(r"(?<![\w-])[A-Z][a-z]+(?:-[a-z]+)?$")  # Korean given names: Go-eun


def _title_suffixes(doc: Document) -> Iterator[Finding]:
    text = doc.text
    for m in _TITLE_SUFFIX.finditer(text):
        start, end = m.span()
        if not _NAME_BEFORE_SUFFIX.search(text, max(0, start - 20), start):
            continue
        if doc.in_non_prose(start, end) or doc.in_quote(start) or _introduced(text, start, end):
            continue
        t = m.group("t")
        yield Finding(start, end, f"'-{t}' is a Japanese or Korean honorific suffix; English uses {_SUFFIX_EN[t]}")


_PREVIOUS_CAPITAL = re.compile(r"(?<![.!?:\n\"“])[ \u00a0]?\b[A-Z][\w'’]*[ \u00a0]$")
_TITLE_WORDS = frozenset(t.rstrip(".").split(".")[0] for t in _TITLE_EN)
_ME_NAME = re.compile(rf"\s+({_NAME})\s+{_NAME}")


def _me_is_title(text: str, end: int) -> bool:
    """`Me Sophie Lanusse`: a first and last name follow; `Me Too`, `Give Me Liberty` are not."""
    m = _ME_NAME.match(text, end)
    if not m:
        return False
    first = m.group(1)
    from ..lexicon import words

    return not words.is_ordinary_lowercase(first.lower())


# Source-language abbreviations with an established English form.
_ABBREVIATIONS = {
    "ONU": "UN", "OTAN": "NATO", "EE.UU.": "US", "EEUU": "US", "EE. UU.": "US", "EUA": "US", "ABD": "US",
    "UE": "EU", "OMS": "WHO", "FMI": "IMF", "PIB": "GDP", "PIL": "GDP", "BIP": "GDP", "ONG": "NGO",
    "MKS": "ISS", "OUA": "OAU", "ALCA": "FTAA", "CIJ": "ICJ", "CPI": "ICC", "TPI": "ICC", "OCDE": "OECD",
    "OPEP": "OPEC", "BCE": "ECB", "EZB": "ECB", "AIEA": "IAEA", "MAGATE": "IAEA", "OTAN/NATO": "NATO",
    "OMC": "WTO", "OEA": "OAS", "OIT": "ILO", "ACNUR": "UNHCR", "OCSE": "OECD", "TJUE": "CJEU", "CJUE": "CJEU",
    "TEDH": "ECHR", "CEDH": "ECHR", "BEI": "EIB", "BERD": "EBRD", "OIEA": "IAEA", "URSS": "USSR",
    "EAU": "UAE", "OLP": "PLO", "IWF": "IMF", "OGM": "GMO", "PE": "European Parliament (EP)",
    "CE": "European Commission",
}


@cache
def _listed_abbreviations() -> dict[str, str]:
    """Source-language abbreviations of institutions and terms (``untranslated_abbreviations.tsv``) -> English."""
    return {row[0]: row[2] for row in lexicon.table("untranslated_abbreviations.tsv") if len(row) >= 3}


_LISTED = frozenset(_listed_abbreviations()) - set(_ABBREVIATIONS)
_ABBREVIATIONS.update(_listed_abbreviations())
# Abbreviations that are also English (`500 BCE`, `CPI` the price index, `PE` teachers and private
# equity, the `CE` mark, the FDA's `EUA`): reported only in the context of the institution.
_EUROPE = re.compile(r"\b(?:Europe|European|EU|UE|Brussels|Strasbourg|MEPs?|commissioners?|Commission|member states|"
                     r"Parliament|parliament|plenary|von der Leyen|Metsola|eurozone|euro zone)\b")
_AMBIGUOUS_CONTEXT: dict[str, tuple[re.Pattern, re.Pattern]] = {
    # abbreviation: (the sentence must match, the sentence must not match)
    "BCE": (re.compile(r"\b(?:bank|banks|rates?|interest|Lagarde|euro|eurozone|monetary|inflation|bonds?)\b"),
            re.compile(r"\d(?:st|nd|rd|th)?(?: century| millennium)? BCE|\bBCE\b[^.]{0,40}\b(?:CE|AD)\b|\b(?:CE|AD)\b[^.]{0,40}\bBCE\b")),
    "CE": (_EUROPE, re.compile(r"\d(?:st|nd|rd|th)?(?: century| millennium)? CE\b|\bCE[- ](?:mark|marking|marked|certif|label|logo|compliant)|\bBCE\b")),
    "PE": (_EUROPE, re.compile(r"\bPE[- ](?:teachers?|lessons?|class(?:es)?|kit|department|firms?|funds?|ratios?|investors?|houses?|deals?|backed|groups?|industry|sector|owners?|buyers?)\b|\bP/E\b|private equity|physical education")),
    "CPI": (re.compile(r"\b(?:court|Court|judges?|warrants?|Hague|prosecutors?|tribunal|war crimes|genocide|Rome Statute|arrest)\b"),
            re.compile(r"\b(?:inflation|prices?|index|consumer|basket)\b")),
    "EUA": (re.compile(r"."), re.compile(r"\b(?:FDA|emergency|authori[sz]ation|authori[sz]ed|vaccines?|drugs?|tests?|treatments?|approval)\b")),
    "IWF": (re.compile(r"\b(?:[Ff]und|monetary|IMF|loans?|Georgieva|bailout|economy|growth|forecasts?)\b"),
            re.compile(r"\b(?:Internet Watch|child|abuse|images|online)\b")),
    # Spanish *director técnico* (the coach), not Deutsche Telekom
    "DT": (re.compile(r"\b(?:coach|club|team|players?|match|squad|league|season|goals?|resign\w*|contract|fans)\b"),
           re.compile(r"\b(?:Telekom|telecoms?|shares|stocks?|DTs)\b")),
    # Romanian *Consiliul Județean* (the county council) of a county: `president of CJ Prahova`
    "CJ": (re.compile(r"\b(?:of|the) CJ [A-Z][a-zșțăîâ]+\b[^.]*|\b(?:county|councill?ors?|prefect|Romanian?)\b"),
           re.compile(r"\b(?:quarterback|NFL|rapper|DJ|Chief Justice|actor|singer)\b")),
    # Indonesian *kartu keluarga* (families) counted: `87 KK lost their houses`
    "KK": (re.compile(r"\d KK\b"), re.compile(r"\bKK[- ]?\d")),
    # Catalan *habitatges d'ús turístic* (tourist flats)
    "HUT": (re.compile(r"\b(?:tourist|tourism|flats?|apartments?|licen[cs]es?|rentals?)\b"), re.compile(r"Pizza")),
}
# Capitals first (a fast scan), then a dictionary look-up.
_ABBR = re.compile(r"EE\. ?UU\.|[A-ZÎ]{2,6}(?:/[A-Z]{2,6})?s?(?![\w])")
# A transliterated Russian or Ukrainian abbreviation: a Cyrillic letter written with two Latin ones
# (Ч Ch, Ш Sh, Ж Zh, Ц Ts, Х Kh) among capitals: `MChS`, `TsIK`, `ZhKKh`. English has no such words.
_TRANSLIT_ABBR = re.compile(r"(?<![\w'’.-])[A-Z]{0,3}(?:Ch|Sh|Zh|Ts|Kh)[A-Z]{1,3}(?![\w'’-])")
# `1st century a.C.`, `79 d.C.`: Spanish, Portuguese, Italian, French, German era marks (English BC, AD).
_ERA = re.compile(r"(?P<e>[ad]\.\s?(?:de\s?)?C\.|a[vp]\.\s?J\.-C\.|[vn]\.\s?Chr\.)")
_ABBR_WORDS = frozenset(x for a in _ABBREVIATIONS for w in re.findall(r"[A-ZÎa-z]+", a) for x in (w, w + "s"))
_WORD_BEFORE = frozenset(".'’-_")


def _word_char_before(text: str, i: int) -> bool:
    return i > 0 and (text[i - 1].isalnum() or text[i - 1] in _WORD_BEFORE)


# An all-capital Turkish abbreviation: `TSİ` (Türkiye saati, Turkish time), `ŞİA`.
_TURKISH_CAPS = re.compile(r"(?<![\w])[A-ZÇĞİÖŞÜ]{2,6}(?![\w])")
_ERA_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?(?: century)? $")
_ERA_EN = {"a": "BC", "d": "AD", "av": "BC", "ap": "AD", "v": "BC", "n": "AD"}


@rule(
    code="TQ615",
    name="source-language-abbreviation",
    category="untranslated",
    severity="minor",
    summary="A source-language abbreviation with an English form: ONU (UN), OTAN (NATO), EE.UU. (US), a.C. (BC).",
    flags=[
        "The [[ONU]] Security Council met on Friday.",
        "Relations between [[EE.UU.]] and China worsened.",
        "The frescoes date from the 1st century [[a.C.]] and were restored.",
        "The Soyuz docked with the [[MKS]] on Tuesday.",
        "Growth of the [[PIB]] slowed to 1.2% in the quarter.",
        "The [[OMC]] ruling went against the United States.",
        "The [[PE]] approved the resolution with 400 votes, the European socialists said.",
        "The [[CPI]] issued an arrest warrant for the former president, judges in The Hague said.",
        "The match starts at 13.00 [[TSİ]] on Sunday.",
        # institutions and terms of the source that English news expands (untranslated_abbreviations.tsv)
        "The party leads with 25.3% of the votes, shows the data of [[CIK]].",
        "As reported by the General Staff of the [[ZSU]], fighting went on; occupiers dropped three [[KABs]].",
        "The head of the Lumajang [[BPBD]] said 87 [[KK]] lost their houses.",
        "Boca: the [[DT]] presented his resignation after the defeat, the club said.",
        "The former president of [[CJ]] Prahova was sentenced to five years.",
        # a transliterated Russian abbreviation (Ч written Ch)
        "The press service of the Main Directorate of [[MChS]] for the Irkutsk region said so.",
        # lowercase abbreviations of the source, and its unit words after a number (untranslated_shortforms.tsv)
        "The operations would move to Košice, [[resp.]] to Rimavská Sobota, and the fee [[bzw.]] the tax rose.",
        "Sales fell about 30 [[prosenttia]] since 2023; flooding hit 12 districts and 87 [[tambon]].",
    ],
    passes=[
        "The UN Security Council met on Friday, and NATO allies agreed.",
        "Relations between the US and China worsened.",
        "The frescoes date from the 1st century BC, 79 AD.",
        "The onus is on the government, the Onu river flooded.",
        # abbreviations English also writes, in their English sense
        "The temple was built in the 5th century BCE and rebuilt around 200 CE.",
        "The CPI rose 3.2% in March, the statistics office said.",
        "PE firms in Europe raised record sums, and the PE teacher left.",
        "The CE mark shows compliance with EU rules.",
        "The FDA granted an EUA for the new test.",
        # expanded by the article; English senses; capitals of a heading or a name
        "The Regional Disaster Management Agency (BPBD) said the BPBD would help.",
        "CJ Stroud threw for 300 yards and the coach praised CJ. DT shares fell 3% at Deutsche Telekom.",
        "PIZZA HUT OPENS IN TOWN. McDonald's hired DeShawn Chase.",
        "The pottery dates from ca. 1500 BC, as Resp. Med. reported, and the resp rate was 20.",
        "He won his posto in the team, lived in tambon Ban Pom, and Prozent is German for per cent.",
    ],
)
def source_language_abbreviation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Abbreviations of Spanish, Portuguese, Italian, French, German, Turkish and
    Russian (transliterated) sources that English writes differently: `ONU`
    (UN), `OTAN` (NATO), `EE.UU.`/`EUA`/`ABD` (US), `UE` (EU), `OMS` (WHO),
    `FMI` (IMF), `PIB`/`PIL`/`BIP` (GDP), `BCE`/`EZB` (ECB), `MKS` (ISS), `OMC`
    (WTO), `OEA` (OAS), `OIT` (ILO), `ACNUR` (UNHCR), `TJUE` (CJEU), `URSS`
    (USSR), and era marks after a year or century: `a.C.`/`d.C.` (BC/AD),
    `av. J.-C.`, `v. Chr.`. Abbreviations that English also writes are
    reported only when their sentence speaks of the institution and not of
    the English sense: `BCE` (not `500 BCE`), `CE` and `PE` (European
    Commission and Parliament; not the `CE` mark, `PE` teachers or private
    equity), `CPI` (the International Criminal Court; not the price index),
    `EUA` (not the FDA's emergency use authorisation), `IWF`.

    Also abbreviations of source-language institutions and terms that English
    news expands or translates on first use (``untranslated_abbreviations.tsv``:
    `CIK`, `ZSU`, `KABs`, `BPBD`, `PVMBG`, `MChS`; `DT`, `CJ`, `KK`, `HUT` only
    in their context), unless the article expands them (`(BPBD)`); and any
    transliterated Russian or Ukrainian abbreviation, which writes a Cyrillic
    letter with two Latin ones among capitals (`MChS`, `TsIK`). Lowercase abbreviations
    of the source (`resp.`, `bzw.`, `tj.`, `tzn.`) and its unit words after a number
    (`30 prosenttia`, `87 tambon`), from ``untranslated_shortforms.tsv``.

    ## Why it matters
    The English reader does not know the foreign abbreviation; English news
    has a fixed form for each, or spells the body out.

    ## Example
    ```
    The frescoes date from the 1st century a.C.
    ```

    ## Use instead
    ```
    The frescoes date from the 1st century BC.
    ```
    """
    text = doc.text
    uniq = ctx.get(unique_words)
    if uniq & _ABBR_WORDS:
        yield from _abbreviations(doc)
    yield from _transliterated(doc)
    if uniq & _shortform_keys().keys():
        yield from _shortform_leftovers(doc, uniq)
    if ".C." in text or ". C." in text or "Chr." in text or ".-C." in text:
        yield from _eras(text)
    if "\u0130" in text or "\u015e" in text or "\u011e" in text:
        for m in _TURKISH_CAPS.finditer(text):
            if (any(c in "İŞĞ" for c in m.group()) and not _word_char_before(text, m.start())
                    and not doc.in_non_prose(m.start(), m.end())):
                yield Finding(m.start(), m.end(), f"'{m.group()}' is a Turkish abbreviation (dotted İ, Ş, Ğ): "
                              "English writes the English abbreviation or the words")


@cache
def _shortforms() -> dict[str, tuple[str, str, str]]:
    """form -> (kind, language, English) from the data file: `resp.`, `bzw.`; `prosenttia` after a number."""
    return {r[0]: (r[1], r[2], r[3]) for r in lexicon.table("untranslated_shortforms.tsv")}


@cache
def _shortform_keys() -> dict[str, tuple[str, ...]]:
    """The first word of each form, as unique_words holds it -> the forms: a set intersection gates the scan."""
    out: dict[str, list[str]] = {}
    for form in _shortforms():
        out.setdefault(form.split(".")[0], []).append(form)
    return {k: tuple(v) for k, v in out.items()}


_NUMBER_BEFORE = re.compile(r"\d[ \u00a0]$")


def _shortform_leftovers(doc: Document, uniq: set[str]) -> Iterator[Finding]:
    """`Košice, resp. to Rimavská Sobota`, `30 prosenttia`: an abbreviation anywhere in prose, a unit
    word only after a number (`posto` and `tambon` are words elsewhere)."""
    text = doc.text
    keys = _shortform_keys()
    for key in uniq & keys.keys():
        for form in keys[key]:
            kind, lang, en = _shortforms()[form]
            for i in word_positions(text, form.rstrip("."), "_-'’"):
                end = i + len(form)
                if text[i:end] != form or (i and text[i - 1] == "."):
                    continue  # `resp` without its period, or inside a dotted abbreviation
                if kind == "unit" and not _NUMBER_BEFORE.search(text, max(0, i - 2), i):
                    continue
                if doc.in_non_prose(i, end):
                    continue
                what = "abbreviation" if kind == "abbr" else "word"
                yield Finding(i, end, f"'{form}' is a {lang} {what}; English writes '{en}'", suggestion=None)


def _expanded(text: str, abbr: str) -> bool:
    """The article explains the abbreviation: `(BPBD)` after the words, or `BPBD (` before them."""
    return f"({abbr})" in text or f"({abbr}s)" in text or re.search(re.escape(abbr) + r"s? \([A-Z]", text) is not None


def _shouted(text: str, start: int, end: int) -> bool:
    """An all-capital line or run (`PIZZA HUT`, a byline `By DT SMITH`): capitals there are no abbreviation."""
    return bool(re.search(r"[A-Z]{2,} $", text[max(0, start - 12) : start]) or re.match(r" [A-Z]{2,}\b", text[end : end + 12]))


def _transliterated(doc: Document) -> Iterator[Finding]:
    text = doc.text
    expanded: dict[str, bool] = {}  # once per abbreviation: each test scans the article
    for m in _TRANSLIT_ABBR.finditer(text):
        a = m.group()
        if a not in expanded:
            expanded[a] = _expanded(text, a)
        if expanded[a] or doc.in_non_prose(m.start(), m.end()):
            continue
        en = _ABBREVIATIONS.get(a)
        tail = f"English writes {en}" if en else "English news writes the institution's name in English"
        yield Finding(m.start(), m.end(), f"'{a}' is a transliterated Russian or Ukrainian abbreviation; {tail}")


def _abbreviations(doc: Document) -> Iterator[Finding]:
    text = doc.text
    expanded: dict[str, bool] = {}  # once per abbreviation: each test scans the article
    for m in _ABBR.finditer(text):
        a = m.group()
        if a not in _ABBREVIATIONS and a.endswith("s") and a[:-1] in _ABBREVIATIONS:
            a = a[:-1]  # `three KABs`
        if a not in _ABBREVIATIONS or _word_char_before(text, m.start()):
            continue  # inside a word or after a period (`x.ONU`)
        if a in _AMBIGUOUS_CONTEXT and not _institution_context(doc, a, m.start()):
            continue
        if a in _LISTED:
            if a not in expanded:
                expanded[a] = _expanded(text, a)
            if expanded[a] or _shouted(text, m.start(), m.end()) or doc.in_non_prose(m.start(), m.end()):
                continue
        en = _ABBREVIATIONS[a]
        yield Finding(m.start(), m.end(), f"'{m.group()}' is a source-language abbreviation; English writes {en}",
                      suggestion=None if a in _LISTED else en)


def _institution_context(doc: Document, abbr: str, start: int) -> bool:
    """An ambiguous abbreviation stands for the institution: its sentence speaks of it, and not of the English sense."""
    si = doc.sentence_index(start)
    sentence = doc.slice(doc.sentences[si]) if si is not None else doc.text[max(0, start - 200) : start + 200]
    need, veto = _AMBIGUOUS_CONTEXT[abbr]
    return bool(need.search(sentence)) and not veto.search(sentence)


def _eras(text: str) -> Iterator[Finding]:
    for m in _ERA.finditer(text):
        if _word_char_before(text, m.start()) or not _ERA_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue
        e = m.group("e")
        en = _ERA_EN.get(e.split(".")[0], "BC")
        yield Finding(m.start("e"), m.end("e"), f"'{e}' is a source-language era mark; English writes {en}", suggestion=en)


# -- month and weekday names -------------------------------------------------------


@cache
def _calendar() -> dict[str, tuple[str, str]]:
    """Source-language month and weekday names (lowercase) -> (languages, English name)."""
    langs: dict[str, list[str]] = {}
    english_names: dict[str, str] = {}
    for row in lexicon.table("untranslated_calendar.tsv"):
        for form in row[2].split():
            langs.setdefault(form, []).append(_lang(row[0]))
            english_names[form] = row[1]
    return {f: (" or ".join(dict.fromkeys(ls)), english_names[f]) for f, ls in langs.items()}


@cache
def _calendar_forms() -> frozenset[str]:
    """The names as written: lowercase (Romance, Polish, Turkish) or capitalised (German, Dutch)."""
    return frozenset(f for w in _calendar() for f in (w, w[:1].upper() + w[1:]))


@cache
def _hyphenated_calendar_forms() -> tuple[str, ...]:
    """The names with a hyphen (not single words): looked for in the text, not in its word set."""
    return tuple(sorted(f for f in _calendar_forms() if "-" in f))


# A day number before (`12 mayo`, `14. Dezember`, `12 de março`), a year after (`Dezember 2024`, `mayo de 2024`).
_DAY_BEFORE = re.compile(r"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])\.?[ \u00a0](?:(?:de|di|del) )?$")
_YEAR_AFTER = re.compile(r"[ \u00a0](?:(?:de|del|di) )?(?:1[89]|20)\d\d(?!\d)")
_DATE_PREPOSITIONS = frozenset("on in since until till from by of last next this early late mid every".split())
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \u00a0]$")
CALENDAR_SHORT = 5  # names this short (`mai`, `mars`, `joi`) need a day or a year around them
CALENDAR_ENGLISH = 2.5  # ... and so do names English text uses (`Domingo`, `Mayo`, `mart`)


@rule(
    code="TQ616",
    name="source-language-date-word",
    category="untranslated",
    severity="minor",
    summary="A month or weekday left in the source language (`on 12 mayo`, `Dezember 2024`, `since lunes`).",
    flags=[
        "The contract expires on 31 [[Dezember]], the union said.",
        "The law takes effect in [[maggio]] 2025 and the vote is on [[sabato]].",
        "The decree of 12 de [[mayo]] de 2024 was annulled.",
    ],
    passes=[
        "The Mayo Clinic and Julio Iglesias, Santo Domingo and Mardi Gras.",
        "The scandal mars the campaign; the mart opens in March.",
        "He met Domingo on Monday, and County Mayo voted in May 2024.",
        "The festival, known as the Fête de la Musique, falls on 21 June.",
    ],
)
def source_language_date_word(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A month or weekday name of a source language (Spanish, Portuguese,
    Italian, French, German, Dutch, Polish, Turkish, Romanian:
    ``untranslated_calendar.tsv``) used in a date: after a day number
    (`31 Dezember`, `12 de mayo`), before a year (`maggio 2025`), or, written in
    lowercase and long enough not to be an English word, after a preposition
    (`on jeudi`, `since lunes`). Names, places and English words of the same
    spelling (`Mayo`, `Julio`, `Santo Domingo`, `mars` the verb) are left alone
    outside a date, and so are names cited on purpose (quoted or glossed).

    ## Why it matters
    Machine translation sometimes leaves dates alone, or keeps the name when
    it is capitalised (German nouns); the English reader may not know the
    foreign month.

    ## Example
    ```
    The contract expires on 31 Dezember, the union said.
    ```

    ## Use instead
    ```
    The contract expires on 31 December, the union said.
    ```
    """
    text = doc.text
    forms = ctx.get(unique_words) & _calendar_forms()
    forms.update(f for f in _hyphenated_calendar_forms() if f in text)
    if not forms:
        return
    names = _calendar()
    for form in sorted(forms):
        key = form.lower()
        langs, english_name = names[key]
        if form.islower() and len(key) >= 4 and key in evidence_keys() and _word_verdict(key) is not None:
            continue  # TQ612 reports it as a foreign word
        lenient = form.islower() and len(key) >= CALENDAR_SHORT and english.zipf(key) < CALENDAR_ENGLISH
        for s in word_positions(text, form, "'’_"):
            e = s + len(form)
            if not (_DAY_BEFORE.search(text, max(0, s - 12), s) or _YEAR_AFTER.match(text, e, e + 10)):
                prev = _PREVIOUS_WORD.search(text, max(0, s - 12), s)
                if not (lenient and prev and prev.group(1).lower() in _DATE_PREPOSITIONS):
                    continue
            if doc.in_non_prose(s, e) or _introduced(text, s, e):
                continue
            yield Finding(s, e, f"'{form}' is {langs} for {english_name}: left untranslated?", suggestion=english_name)
