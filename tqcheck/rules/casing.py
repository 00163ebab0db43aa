"""Casing: capital letters lost or added by fragment-by-fragment machine translation.

TQ101 lowercase proper nouns (``kyiv``, ``on monday``), TQ102 lowercase sentence
starts (``in October. to function``), TQ103 capitalised function words after a
comma or dash (``power —, It has``), TQ104 a capitalised word where a period went
missing (``near Avdiivka The army reported``).

Shared evidence comes from :mod:`tqcheck.analysis.names` (which words the article
capitalises mid-sentence; which paragraphs are headlines, lists, datelines or
verse) and from the gazetteer and word-frequency tables in :mod:`tqcheck.lexicon`.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache

from ..analysis.names import NameInventory, ParagraphInfo, layout, names
from ..document import Document
from .. import lexicon
from ..lexicon import geo, words
from ..model import Edit, Finding
from ..segment import WORD, bounded_words, period_is_abbreviation, word_positions
from .base import Context, rule

# --------------------------------------------------------------------------- helpers

# Layouts every casing and segmentation rule must leave alone (the brief's and ARTIFACTS.md's
# near-misses): a Title Case headline, a byline and an AP dateline; bullet and numbered lists;
# a quote continued over paragraphs the English way; a poem quoted line by line; a Markdown
# heading; brands; abbreviations.
QUIET_LAYOUTS = (
    "Ukraine Ships Record Grain Volume as Black Sea Corridor Holds\n\n"
    "By Maria L\u00f3pez\n\n"
    "KYIV, Ukraine (AP) \u2014 Ukraine exported 3.5 million tons of grain in January, officials said.",
    "The company said it would:\n\n- roll back the update\n* refund one month of fees\n"
    "\u2022 publish a report\n1. within 30 days\n2. for all users",
    '"People abroad see the numbers and think the crisis is over," he said. "It is not,\n\n'
    '"and the banks will not lend against land that might still have a shell in it."',
    "She read a poem at the funeral:\n\nthe sea is wide,\nthe ships are few,\n"
    "the grain waits\nfor me and you\n\nThe mourners were silent.",
    "# the outage in numbers\n\niPhone and eBay users were hit, e.g. the sellers; U.S. officials "
    "met vs. the rest at 10 a.m. on Monday.",
)

# Lowercase words of three letters or more (ASCII: most gazetteer keys are).
_LOWER_WORD = re.compile(r"[a-z]{3,}")  # word boundaries are checked by word_positions
# Runs of accented Latin lowercase letters (`belém`, `são`, `düsseldorf`), and hyphens between
# lowercase letters (`rostov-on-don`): each hit is widened to its whole word by :func:`_words_at`.
# Both patterns start with a character class or a literal, so the engine scans fast.
_ACCENTED_RUN = re.compile(r"[\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u1e00-\u1eff]+")
_INNER_HYPHEN = re.compile(r"-(?<=[a-z]-)(?=[a-z])")
# Runs of three capitals or more: candidate acronyms (`NATO`, `OPEC`), checked in :func:`_acronyms`.
_CAPS_RUN = re.compile(r"[A-Z][A-Z][A-Z]+")
_WORD_BEFORE = re.compile(r"([^\W\d_]{2,})[^\w\n]{1,3}$")
_NEXT = re.compile(r"[ \t\u00a0]*(?:(?P<word>[^\W\d_]+)|(?P<num>\d+)(?P<ord>st|nd|rd|th)?|(?P<punct>[^\w\s])|(?P<nl>\s)|$)")
# Characters that make a word part of code, a path or an address rather than prose.
_CODE_BEFORE = frozenset("/\\_.@#=<>~:`|{[$%&*+^")
_CODE_AFTER = frozenset("/\\_=@(`[{|<>*+^")
# Function words of Romance and Germanic languages: a word next to one is inside a
# foreign name or quotation (`Rio de janeiro` aside), not an English place mention.
_FOREIGN = frozenset(
    "de del la las los el da das do dos di du des le les y con para por que en und der die "
    "von il lo gli een het ao na em".split()
)
# Prepositions that introduce a place: `in nice`, `from turkey`.
_PLACE_PREP = frozenset(
    "in from at near outside across into via toward towards throughout around inside "
    "to visit visited visiting visits".split()
)
# What may follow a place mention without making it an ordinary word.
_AFTER_PLACE = frozenset(
    "and or but on in at for with since after before where which who when while to from by "
    "as last this next over during until amid despite earlier later yesterday today tomorrow "
    "itself".split()
)
# Prepositions and modifiers before a month in a date: `in march`, `since may 2020`, `early august`.
_DATE_PREP = frozenset(
    "in on since until till by from of early late mid last next through between before after "
    "during throughout".split()
)
_AFTER_DATE = frozenset("and or to this last next".split())
_DAY_BEFORE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?[ \t]+$")
# Prepositions before a name that only other articles of the batch capitalise.
_BATCH_PREP = _PLACE_PREP | frozenset("of on for against over towards toward near".split())
# Words before a nationality adjective used as an adjective: `the polish government`.
_DEMONYM_BEFORE = frozenset(
    "the a an of in and for with by from on at two three four many other several some most "
    "all both against".split()
)
# Nouns after a demonym that make an ordinary lowercase collocation (`french fries`).
_COLLOCATIONS = frozenset(
    "fries fry toast doors door windows window horn kiss kissing press braid braids twist "
    "bread dressing manicure polish remover leave curve chard cheese pastry pastries oven "
    "numerals numeral blinds envelope envelopes folder folders sprouts tape whisky whiskey "
    "ink cabinet checkers shepherd delight roulette cocktail salad mustard cat cats rug rugs carpet "
    "carpets retriever retrievers hound hounds terrier terriers shorts sweater sweaters blanket "
    "blankets sauce".split()
)
_FUNCTION_WORDS = frozenset(
    "the a an and or but nor so yet of in on at to by up as via from into onto with over off out "
    "than that this these those is are was were be been being am has have had do does did will "
    "would can could shall should may might must it its he she they we you i his her their our "
    "your my me him them us who whom whose which what where when why how not no all any some "
    "each every both either neither such there here then also only just very too".split()
)
_MESSAGE_KIND = {
    "day": "Day name",
    "month": "Month name",
    "demonym": "Nationality",
    "language": "Language name",
}


def _code_like(text: str, s: int, e: int) -> bool:
    """A word glued to code or address characters (`kyiv.ua`, `/paris/`, `user_kyiv`), or a
    quoted literal (`"unix"`, `'latin1'`)."""
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    if before in _CODE_BEFORE or after in _CODE_AFTER:
        return True
    if before in "\"'`" and after == before:
        return True
    return after == "." and e + 1 < len(text) and text[e + 1].isalnum()


def _prev_word(text: str, s: int) -> tuple[str, str]:
    """The word before offset ``s`` on the same line (lowercased) and the punctuation between.

    A backward scan (a regex anchored at the end would retry at every position of
    its window): at most three non-word characters, then letters, with one inner
    apostrophe (`king's`).
    """
    j = s
    while j > 0 and s - j < 3:
        c = text[j - 1]
        if c.isalnum() or c == "_" or c == "\n":
            break
        j -= 1
    k = j
    lo = max(0, j - 40)
    while k > lo:
        c = text[k - 1]
        if c.isalpha():
            k -= 1
        elif c in "'\u2019" and k - 2 >= lo and text[k - 2].isalpha() and k < j:
            k -= 1
        else:
            break
    if k == j or (k > 0 and (text[k - 1].isdigit() or text[k - 1] == "_")):
        return "", ""
    return text[k:j].lower(), text[j:s].strip()


def _next(text: str, e: int) -> re.Match:
    return _NEXT.match(text, e)


def _next_is_break(nx: re.Match) -> bool:
    """Punctuation, a line end or the end of the text follows."""
    return nx.group("word") is None and nx.group("num") is None


def _is_day_number(nx: re.Match) -> bool:
    num = nx.group("num")
    if num is None:
        return False
    return (len(num) <= 2 and 1 <= int(num) <= 31) or (len(num) == 4 and num[:2] in ("19", "20"))


def _date_context(text: str, s: int, e: int, prev: str, gap: str) -> bool:
    """`in march`, `on may 5`, `5 august 2023`, `mid-march`, `march 2023`."""
    nx = _next(text, e)
    follows_ok = _next_is_break(nx) or _is_day_number(nx) or (nx.group("word") or "").lower() in _AFTER_DATE
    if text[s - 1 : s] == "-" and prev == "mid":
        return True
    if prev in _DATE_PREP and not gap and follows_ok:
        return True
    # `5 may 2023`, `12 march,`
    m = _DAY_BEFORE.search(text, max(0, s - 8), s)
    if m and 1 <= int(m.group(1)) <= 31 and (_next_is_break(nx) or _is_day_number(nx)):
        return True
    return False


def _place_context(text: str, e: int, prev: str, gap: str) -> bool:
    """`in nice,`, `from turkey and`, `to chile.`: a preposition before, a break or conjunction after."""
    if gap or prev not in _PLACE_PREP:
        return False
    nx = _next(text, e)
    if _next_is_break(nx):
        return nx.group("punct") not in ("-", "'", "\u2019")
    if prev.startswith("visit") or prev == "to":
        return False
    return (nx.group("word") or "").lower() in _AFTER_PLACE


def _demonym_context(text: str, e: int, prev: str, gap: str) -> bool:
    """`the polish government`: a determiner or preposition before, a content noun after."""
    if gap or prev not in _DEMONYM_BEFORE:
        return False
    nx = _next(text, e)
    nxt = nx.group("word")
    if not nxt or not nxt.islower() or len(nxt) < 3 or nxt in _COLLOCATIONS:
        return False
    return nxt not in _FUNCTION_WORDS


def _before_name(text: str, e: int, prev: str, gap: str) -> bool:
    """`the french Ministry of Culture`: after a determiner, before a capitalised name word."""
    if gap or prev not in ("the", "a", "an", "of", "and"):
        return False
    nx = _next(text, e)
    nxt = nx.group("word")
    return bool(nxt) and nxt[0].isupper() and nxt[1:].islower() and nxt.lower() not in _FUNCTION_WORDS


def _capitalise(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-")) if "-" in word else word[:1].upper() + word[1:]


def _paragraph(doc: Document, paras: list[ParagraphInfo], offset: int) -> ParagraphInfo | None:
    i = doc.paragraph_index(offset)
    return paras[i] if i is not None else None


# --------------------------------------------------------------------------- TQ101


def _evidence(
    w: str, place: geo.Place | None, text: str, s: int, e: int, inv: NameInventory,
    lower_counts: Counter, ctx: Context,
) -> tuple[str, str] | None:
    """(message, suggestion) when the lowercase word ``w`` at s..e should be a capitalised name."""
    prev, gap = _prev_word(text, s)
    nx = _next(text, e)
    nxt = (nx.group("word") or "").lower()
    if prev in _FOREIGN or nxt in _FOREIGN:
        return None
    seen = inv.count(w)
    form = inv.form(w)
    # The raw next word: `american HIMARS` is an acronym, not a foreign phrase.
    if place is not None and place.kind not in ("day", "month") and (_foreign_word(nx.group("word") or "") or _foreign_word(prev)):
        return None  # `a porta vuota`: a foreign phrase, not a place
    if place is not None:
        kind = place.kind
        label = _MESSAGE_KIND.get(kind, "Place name")
        sugg = place.canonical
        if kind == "day":
            return f"{label} '{w}' should be capitalised", sugg
        if nxt in _COLLOCATIONS:
            return None  # `french fries`, `brussels sprouts`, `persian rugs`
        if not _is_ambiguous_place(w, place):
            return f"{label} '{w}' should be capitalised", sugg
        if kind == "month":
            if _date_context(text, s, e, prev, gap):
                return f"{label} '{w}' should be capitalised (it names a month in a date)", sugg
            return None
        if kind in ("demonym", "language") and _before_name(text, e, prev, gap):
            return (f"{label} '{w}' should be capitalised: it begins the name '{w} {nx.group('word')}...'",
                    sugg)
        if not seen:
            return None
        if _place_context(text, e, prev, gap):
            return (f"{label} '{w}' should be capitalised: the article writes '{form}' and "
                    f"'{prev} {w}' reads as a place", sugg)
        if kind in ("demonym", "language") and _demonym_context(text, e, prev, gap):
            return (f"{label} '{w}' should be capitalised: the article writes '{form}' and "
                    f"'{w} {nxt}' uses it as a nationality", sugg)
        return None
    if len(w) < 4 or words.is_ordinary_lowercase(w):
        return None
    # Capitalised mid-sentence more often than not (a word outside the vocabulary: at least as
    # often), and a rare word: `the Kremlin ... the kremlin`, `in Hatay ... the hatay court`.
    z = words.zipf(w)
    if seen and z < 4.5 and (seen >= 2 * lower_counts[w] or (z == 0.0 and seen >= lower_counts[w])):
        return f"Name '{w}' should be capitalised: the article writes '{form}' elsewhere", form
    # Other articles of the batch capitalise it. Their counts cannot tell a place from a title
    # before a name (`Ayatollah Khamenei`), so a preposition must introduce it here: `in madureira`.
    batch = ctx.batch
    if (batch is not None and not seen and len(w) >= 5 and z < 3.0 and lower_counts[w] <= 2
            and prev in _BATCH_PREP and not gap):
        n = batch.capitalised.get(w, 0)
        if n >= 2:
            return (f"Name '{w}' should be capitalised: {n} articles of this batch capitalise it "
                    f"mid-sentence", _capitalise(w))
    return None


@rule(
    code="TQ101",
    name="lowercase-proper-noun",
    category="casing",
    severity="minor",
    summary="A place, nationality, language, day or month name written in lowercase.",
    flags=[
        "Drones struck [[kyiv]] again, and the army moved more troops to [[bakhmut]].",
        "The [[ukrainian]] government met on [[monday]] and again in [[january]].",
        "Talks were held in Tel Aviv and in [[tel aviv]] again.",
        "[[kyiv]] receives weapons from its Western allies.",
        "The march began in Nice on Saturday. Two days later the crowd gathered again in [[nice]], where police waited.",
        "Officials of Turkey and Chile signed the deal. Ministers flew from [[turkey]] and met in [[chile]].",
        "Elections were held in [[march]] and again on 5 [[may]] 2023.",
        "The Kremlin said the [[kremlin]] had not been consulted, Kremlin aides added.",
        "Pro-Kremlin and pro-[[russian]] groups marched.",
        "Troops brought German tanks and [[american]] HIMARS systems.",
        "Do not spread rumours through [[whatsapp]] and [[tiktok]], police said.",
        "The Polish foreign minister said the [[polish]] government would respond.",
        "The summit will be held in [[belém]] and the fair in [[düsseldorf]] next year.",
        "Flights from [[rostov-on-don]] and [[são paulo]] were cancelled on Friday.",
        "Officials in [[northern ireland]] and [[los angeles]] agreed to the plan.",
        "The IAEA said on Monday that [[iaea]] inspectors would stay at the plant.",
        "The decision was taken by the [[kremlin]] and approved by the [[bundestag]] later.",
        "A statement from the [[kremlin]] said a meeting of the [[politburo]] was planned.",
        "Buses leave from [[tahrir]] square, and she was buried in the cemetery of [[montmartre]].",
        # outside the gazetteer: a word English does not know in lowercase, where only a place fits
        "He bought a villa in [[jeju]]. In [[zahle]], the citizens complained.",
        "Ferries will stay in Piraeus, Rafina and [[lavrio]].",
        # a street word left in lowercase after the name
        "Protesters gathered on [[Rustaveli avenue]] and later in [[Ferraz street]].",
    ],
    passes=[
        *QUIET_LAYOUTS,
        "It was a nice saucer, nothing special. She lives in Nice.",
        "Reading the report, he bought china and a turkey for the dinner in Reading.",
        "Troops march in March; prices may rise in May. He showed an august calm in August.",
        "She took a bath in Bath, then split the bill in Split with a mobile phone in Mobile.",
        "He used nail polish and went to polish the silver, though Polish officials objected.",
        "They flew to Chile and ate chile peppers.",
        "Visit https://kyiv.example.com/monday or write to monday@kyiv.ua and @kyivindependent.",
        "The kyiv_data file and paris.csv were loaded in /home/paris/.",
        "Apple released the iPhone in Paris and eBay listed it in London.",
        "He ordered french fries and swiss chard.",
        "The team flew to Rio de Janeiro and Los Angeles.",
        "The ayatollah spoke after Ayatollah Khamenei did, and the euro fell before Euro 2024.",
        "She may leave in May, and the march in March was peaceful.",
        "She updated her r\u00e9sum\u00e9 at a caf\u00e9, na\u00efve as it was, over cr\u00e8me br\u00fbl\u00e9e.",
        "The old fort was worth a visit, and the gold coast of the lake shone in the well-being spa.",
        "The WHO asked who would pay, and the AIM index rose as investors took aim.",
        "The point Pedro made was that the lake Victoria loved had dried up.",
        "The coronavirus state of emergency ended; cases of coronavirus rose in the city of London.",
        "He scored a porta vuota, and the town square and the island of hope were full.",
        "Read more at https://example.org/s\u00e3o-paulo/bel\u00e9m or the rostov-on-don.example.com site.",
        "EURO Wire Daily\n\nThe euro-wire team and the iaea-watch blog reported that the IAEA met.",
        "See the file he-knesset-vote.txt and the nato-summit folder.",
        "Join us at https://www.whatsapp.com/channel or @tiktok and #youtube, via WhatsApp.",
        "The flat was in east London, near the market, and the shop in west Jerusalem stayed shut.",
        "The chip measures one-centimeter square, and the council is a type of modern-day politburo.",
        "The test was done in vitro, tried in earnest, and the debris lodged in weirs and culverts.",
        "Details are at metoffice.gov.uk, and the team from kyivtechweek.org, Smith, Jones and others.",
        '"We grew up in fado," she said; it was a time when frontrunners surged in polls.',
        "He lived on a Paris street, the Arab street was angry, and Main street and Red square were calm.",
        "Every Smith street party and a Lviv square filled up; Wall street-level views.",
    ],
)
def lowercase_proper_noun(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A place, country, region, nationality, language, day or month written in
    lowercase: `attacks on kyiv`, `the battle for bakhmut`, `ukrainian troops`,
    `on monday`, also with accents or hyphens (`belém`, `rostov-on-don`) and over
    several words (`são paulo`, `northern ireland`); and an acronym the article
    writes in capitals elsewhere (`nato` next to `NATO`). Evidence, strongest first: the same word capitalised mid-sentence
    elsewhere in the article (or in other articles of the batch), then the
    gazetteer. Words that are also ordinary English (`nice`, `reading`, `turkey`,
    `china`, `march`, `may`, `bath`, `split`, `mobile`, `polish`, `chile`) are
    flagged only when the article itself writes the word as a name *and* the
    context is a place context (`in nice,`, `from turkey and`) or a nationality
    before a noun (`the polish government`); months only in a date context
    (`in march`, `5 may 2023`, `mid-march`). URLs, e-mail addresses, handles,
    code-like tokens, mixed-case brands (`iPhone`) and foreign phrases are left alone.

    ## Why it matters
    Recasing models do not know recent spellings, and fragment-by-fragment
    translation loses the context that tells a name from a word, so names come
    out in lowercase. Readers take it for careless copy.

    ## Example
    ```
    ...the Kremlin may be considering launching itself on kyiv again.
    ```

    ## Use instead
    ```
    ...the Kremlin may be considering launching itself on Kyiv again.
    ```
    """
    text = doc.text
    inv = ctx.get(names)
    batch = ctx.batch
    cap = inv.capitalised
    bcap = batch.capitalised if batch is not None else {}
    multi = _multiword_index()
    plan: dict[str, str] = {}  # word -> how to decide its occurrences
    uniq = set(_LOWER_WORD.findall(text))
    if not text.isascii():
        uniq.update(w for w in _words_at(text, _ACCENTED_RUN, "") if w.islower())
    # Only words in the gazetteer, the inventory, the batch counts or the multiword index
    # can be flagged: set intersections (in C) pick them before any per-word work.
    cands = (uniq & _place_keys()) | (uniq & cap.keys()) | (uniq & multi.keys())
    cands |= _words_at(text, _INNER_HYPHEN, "-") & _place_keys()  # `rostov-on-don`
    if bcap:
        cands |= uniq & bcap.keys()
    acronyms = ctx.get(_acronyms)
    for w in cands:
        how = _plan(w, cap, bcap)
        if how is not None:
            plan[w] = how
        elif w in multi:
            plan[w] = "multi"
    institutions = _institutions()
    for w in uniq & institutions.keys():
        if w not in plan or plan[w] in ("name", "batch", "multi"):
            plan[w] = "institution"
    for w in uniq & acronyms.keys():
        if w not in plan and not words.is_ordinary_lowercase(w):
            plan[w] = "acronym"
    for w in _landmark_words(text, uniq):
        if w not in plan:
            plan[w] = "landmark"
    done: set[int] = set()
    if not plan:
        yield from _unknown_places(doc, ctx, done)
        yield from _street_names(doc, ctx, done)
        return
    paras = ctx.get(layout)
    # Whole-word occurrences (str.find is faster than an alternation), longest first at one start.
    occurrences = sorted(((i, i + len(w), w) for w in plan for i in word_positions(text, w, "_")),
                         key=lambda o: (o[0], -o[1]))
    lower_counts = Counter(w for _, _, w in occurrences)
    max_words = min(geo.max_place_words(), 4)
    covered_until = -1
    for s, e, w in occurrences:
        if s < covered_until or _code_like(text, s, e) or doc.in_non_prose(s, e):
            continue
        info = _paragraph(doc, paras, s)
        if info is None or info.lowercase_only or info.code:
            continue
        seconds = multi.get(w)
        if seconds is not None:
            nm = _MULTI_NEXT.match(text, e)
            if nm and nm.group(1).lower() in seconds:
                hit = _multiword(text, s, e, max_words)
                if hit is not None and not _code_like(text, s, hit[0]):
                    end, place, phrase = hit
                    covered_until = end
                    label = _MESSAGE_KIND.get(place.kind, "Place name")
                    yield Finding(s, end, f"{label} '{phrase}' should be capitalised", suggestion=place.canonical,
                                  fix=(Edit(s, end - s, place.canonical),))
                    continue
        how = plan[w]
        if how == "multi":
            continue
        if how == "acronym":
            ev = _acronym_evidence(w, text, s, e, acronyms[w])
        elif how == "landmark":
            ev = _landmark_evidence(w, text, s, e)
        elif how == "institution":
            ev = _institution_evidence(w, text, s, e, institutions[w], inv.form(w))
        else:
            ev = _evidence(w, geo.place(w), text, s, e, inv, lower_counts, ctx)
        if ev is not None:
            message, suggestion = ev
            covered_until = e
            done.add(s)
            yield Finding(s, e, message, suggestion=suggestion, fix=(Edit(s, e - s, suggestion),))
    yield from _unknown_places(doc, ctx, done)
    yield from _street_names(doc, ctx, done)


# A lowercase word in a place slot: after a place preposition and before a break or `and`, or last
# in a list of capitalised names (`Piraeus, Rafina and lavrio.`). (literal-first alternations)
_PLACE_SLOT = re.compile(bounded_words(("In", "in", "From", "from", "at", "near", "outside", "via"),
                                       after_first=r"(?<![\w'’-].)")
                         + r" (?P<w>[a-zà-öø-ÿ]{4,})"
                         r"(?=[.,;:](?:\s|$)| (?:and|or) )")
_LIST_SLOT = re.compile(r"[A-Z](?<![\w'’-].)[a-z]+, [A-Z][a-z]+,? and (?P<w>[a-zà-öø-ÿ]{4,})(?=[.,;:](?:\s|$))")
UNKNOWN_PLACE_ZIPF = 3.5  # a word English writes capitalised, this rare, or one it does not know at all


def _known_inflection(w: str) -> bool:
    """`weirs`, `amphipods`: an English plural of a known word is no place."""
    return w.endswith("s") and (words.zipf(w[:-1]) > 0 or (w.endswith("es") and words.zipf(w[:-2]) > 0))


# A street word in lowercase right after a capitalised name (literal first, then the name looked
# up backwards): `on Rustaveli avenue`, `in Ferraz street`.
_STREET = re.compile(bounded_words(("street", "avenue", "boulevard", "square", "lane", "embankment"),
                                   after_first=r"(?<=[^\W\d_] .)") + r"(?![-'’])")
_STREET_NAME = re.compile(r"(?<![\w'’.-])([A-Z][^\W\d_A-Z]{2,}) $")
_GENERIC_BEFORE = frozenset("a an one every any another each".split())


def _street_names(doc: Document, ctx: Context, done: set[int]) -> Iterator[Finding]:
    """`Rustaveli avenue`: source languages that write `ulica Savska` leave the street word in
    lowercase. Not after a place (`a Paris street` is a street in Paris), a nationality (`the Arab
    street`), an ordinary word (`Main street`, `Red square`) or after `a`/`every`."""
    text = doc.text
    paras = ctx.get(layout)
    for m in _STREET.finditer(text):
        s, e = m.span()
        nm = _STREET_NAME.search(text, max(0, s - 40), s)
        if nm is None or s in done:
            continue
        name = nm.group(1)
        low = name.lower()
        if words.is_ordinary_lowercase(low) or geo.is_place(low) or low in _FUNCTION_WORDS:
            continue
        prev, _ = _prev_word(text, nm.start(1))
        if prev in _GENERIC_BEFORE or _foreign_word(prev) or doc.in_non_prose(nm.start(1), e):
            continue
        info = _paragraph(doc, paras, s)
        if info is None or info.heading or info.lowercase_only or info.code:
            continue
        form = f"{name} {_capitalise(m.group())}"
        yield Finding(nm.start(1), e, f"Street name '{name} {m.group()}' should be written '{form}'",
                      suggestion=form, fix=(Edit(s, e - s, _capitalise(m.group())),))


def _unknown_places(doc: Document, ctx: Context, done: set[int]) -> Iterator[Finding]:
    """`a villa in jeju.`, `In zahle, the citizens`: a word outside the gazetteer that English does not
    know as a lowercase word (absent from the frequency table, or written capitalised there), where
    only a place fits. A name the gazetteer lacks is still a name."""
    text = doc.text
    paras = ctx.get(layout)
    for rx in (_PLACE_SLOT, _LIST_SLOT):
        for m in rx.finditer(text):
            s, e = m.span("w")
            w = m.group("w")
            if s in done or words.is_ordinary_lowercase(w) or words.zipf(w) >= UNKNOWN_PLACE_ZIPF:
                continue
            if _known_inflection(w) or _code_like(text, s, e) or doc.in_non_prose(s, e) or doc.in_quote(s):
                continue
            info = _paragraph(doc, paras, s)
            if info is None or info.lowercase_only or info.code:
                continue
            form = _capitalise(w)
            done.add(s)
            yield Finding(s, e, f"Place name '{w}' should be capitalised: only a place fits after "
                          f"'{text[m.start():s].strip()}'", suggestion=form, fix=(Edit(s, e - s, form),))


@cache
def _institutions() -> dict[str, str]:
    """Lowercase -> usual form of institutions, parties and agencies English always capitalises
    (`kremlin` -> `Kremlin`, `nato` -> `NATO`): see the data file. Ordinary words are left out,
    except inner-capital brands (`WhatsApp`): the word list folds case, so it calls them ordinary."""
    return {c.lower(): c for c in lexicon.lines("casing_names.txt")
            if not words.is_ordinary_lowercase(c.lower()) or (c != c.upper() and not c[1:].islower())}


# An indefinite article and then only lowercase words before the name, within its clause.
_GENERIC = re.compile(r"\b(?:an?|any|every)[ \t]+(?:(?!(?:the|this|that|its|their|his|her)[ \t])[a-z-]+[ \t]+){0,4}$")


def _institution_evidence(w: str, text: str, s: int, e: int, form: str, seen: str | None) -> tuple[str, str] | None:
    """`the kremlin`; not inside a hyphenated slug or compound (`he-knesset-dst`, `nato-led`)."""
    if text[s - 1 : s] == "-" or text[e : e + 1] == "-":
        return None
    prev, _ = _prev_word(text, s)
    if prev in _FOREIGN or (_next(text, e).group("word") or "").lower() in _FOREIGN:
        return None
    if not seen and _GENERIC.search(text, max(0, s - 40), s):
        return None  # `a politburo`, `a type of modern-day politburo`: the common noun
    if seen:
        return f"Name '{w}' should be capitalised: the article writes '{seen}' elsewhere", seen
    return f"Name '{w}' should be written '{form}': English always capitalises it", form


def _words_at(text: str, rx: re.Pattern, joiners: str) -> set[str]:
    """The whole words (letters and ``joiners``) around each match of ``rx``; linear: a word
    is widened once, and later matches inside it are skipped."""
    out = set()
    n = len(text)
    done = -1
    for m in rx.finditer(text):
        s, e = m.span()
        if s < done:
            continue
        while s > 0 and (text[s - 1].isalpha() or text[s - 1] in joiners):
            s -= 1
        while e < n and (text[e].isalpha() or text[e] in joiners):
            e += 1
        done = e
        out.add(text[s:e].strip(joiners))
    return out


def _foreign_word(w: str) -> bool:
    """A lowercase word of three letters or more that is neither English nor a place (`vuota`)."""
    return len(w) >= 3 and w.islower() and words.zipf(w) == 0.0 and not geo.is_place(w)


# Nouns that follow a place name (`tahrir square`) or precede `of` + a place name
# (`the cemetery of montmartre`, `the mayor of kharkiv`).
_LANDMARK_AFTER = frozenset(
    "square street avenue boulevard bridge cathedral palace airport stadium cemetery prefecture "
    "oblast province county island peninsula valley mountains river strait gulf desert canal".split()
)
_LANDMARK_OF = frozenset(
    "cemetery cathedral palace province prefecture region city town village municipality port "
    "island gulf strait bay mayor governor suburbs outskirts".split()
)
_OF_WORD = re.compile(r"[ \t]+of[ \t]+([a-z]+)\b")


def _landmark_words(text: str, uniq: set[str]) -> set[str]:
    """Lowercase words that name a place by their position: before a landmark noun or after
    `<landmark noun> of`, and that are no ordinary English (`tahrir`, `montmartre`)."""
    out = set()
    for noun in uniq & _LANDMARK_AFTER:
        for i in word_positions(text, noun, "_-"):
            pw, gap = _prev_word(text, i)
            if pw and not gap and text[i - len(pw) - 1 : i - 1].islower() and text[i - len(pw) - 2 : i - len(pw) - 1] != "-":
                out.add(pw)  # not `one-centimeter square`: a measure, not a name
    for noun in uniq & _LANDMARK_OF:
        for i in word_positions(text, noun, "_-"):
            m = _OF_WORD.match(text, i + len(noun))
            if m:
                out.add(m.group(1))
    return {w for w in out if _landmark_name(w)}


def _landmark_name(w: str) -> bool:
    return (len(w) >= 4 and w.isalpha() and w not in _FOREIGN and w not in _FUNCTION_WORDS
            and not words.is_ordinary_lowercase(w))


def _landmark_evidence(w: str, text: str, s: int, e: int) -> tuple[str, str] | None:
    """`tahrir square`, `the cemetery of montmartre`: checked again at each occurrence."""
    prev, gap = _prev_word(text, s)
    nx = _next(text, e)
    nxt = (nx.group("word") or "").lower()
    if prev in _FOREIGN or nxt in _FOREIGN or _foreign_word(nxt):
        return None
    if nxt in _LANDMARK_AFTER and nx.group("word").islower() and text[s - 1 : s] != "-":
        return f"Name '{w}' should be capitalised: it names a place ('{w} {nxt}')", _capitalise(w)
    if prev == "of" and not gap:
        j = s
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        noun, gap2 = _prev_word(text, j - 2)  # the word before `of`
        if noun in _LANDMARK_OF and not gap2:
            return f"Name '{w}' should be capitalised: it names a place ('{noun} of {w}')", _capitalise(w)
    return None


def _acronyms(doc: Document, ctx: Context) -> dict[str, str]:
    """Lowercase form -> all-capitals form of the acronyms the article writes in prose (`NATO`).

    An all-capitals word next to another one is a headline or a shouted line, not an acronym;
    one in a headline or a byline may be a site's name (`DACH News`), so only prose counts.
    """
    text = doc.text
    out: dict[str, str] = {}
    paras = None
    for m in _CAPS_RUN.finditer(text):
        s, e = m.span()
        if paras is None:
            paras = ctx.get(layout)
        info = _paragraph(doc, paras, s)
        if info is None or info.structural or info.dateline:
            continue
        if (s > 0 and (text[s - 1].isalnum() or text[s - 1] in "._-")) or (
                e < len(text) and (text[e].isalnum() or text[e] in "._-")):
            continue
        pm = _WORD_BEFORE.search(text, max(0, s - 40), s)
        nx = _next(text, e).group("word") or ""
        if (pm and pm.group(1).isupper()) or (nx.isupper() and len(nx) > 1):
            continue
        out.setdefault(m.group().lower(), m.group())
    return out


def _acronym_evidence(w: str, text: str, s: int, e: int, form: str) -> tuple[str, str] | None:
    """`opec` when the article writes `OPEC`: not next to a foreign function word, nor part of a
    hyphenated name (`dach-news`)."""
    if text[s - 1 : s] == "-" or text[e : e + 1] == "-":
        return None
    prev, _ = _prev_word(text, s)
    nx = _next(text, e)
    if prev in _FOREIGN or (nx.group("word") or "").lower() in _FOREIGN:
        return None
    return f"Acronym '{w}' should be written '{form}', as the article writes it elsewhere", form


def _plan(w: str, cap, bcap) -> str | None:
    """Whether the lowercase word ``w`` can ever be flagged in this article (decided once per word)."""
    how = _static_plan(w)
    if how is None or how in ("day", "month", "place", "ambiguous-demonym"):
        return how
    if w in cap:
        return "name" if how != "ambiguous" else how
    if how == "rare" and bcap.get(w, 0) >= 2:
        return "batch"
    return None


@lru_cache(maxsize=1 << 16)
def _static_plan(w: str) -> str | None:
    """The article-independent part of :func:`_plan`, cached per process."""
    place = geo.place(w)
    if place is not None:
        if place.kind in ("day", "month"):
            return place.kind
        if not _is_ambiguous_place(w, place):
            return "place"
        return "ambiguous-demonym" if place.kind in ("demonym", "language") else "ambiguous"
    if len(w) < 4 or words.is_ordinary_lowercase(w):
        return None
    z = words.zipf(w)
    if len(w) >= 5 and z < 3.0:
        return "rare"
    return "name" if z < 4.5 else None


# Ordinary English words that start multiword place names worth checking (`new york`, `south africa`).
_MULTI_COMMON_FIRST = frozenset(
    "new south north east west united middle great central latin costa puerto sierra santa "
    "saint port cape gulf red black dead".split()
)


# Multiword names made of ordinary words that also read as ordinary English: `a new haven for`.
_MULTI_ORDINARY = frozenset(("new haven", "great lakes"))


def _is_ambiguous_place(w: str, place: geo.Place) -> bool:
    """Also ordinary lowercase English: `nice`, `march`, `polish`, `warren`."""
    return geo.is_ambiguous(w) or (place.kind == "city" and place.common) or w in _homographs()


@cache
def _homographs() -> frozenset[str]:
    """Place names that are also ordinary lowercase words (`warren`, `mesa`): see the data file."""
    return lexicon.word_set("casing_homographs.txt")


@cache
def _place_keys() -> frozenset[str]:
    """Every one-word gazetteer key."""
    return frozenset(k for kind in geo.KINDS for k in geo.keys_of_kind(kind) if " " not in k)


@cache
def _multiword_index() -> dict[str, frozenset[str]]:
    """First word -> second words of the multiword gazetteer names worth checking in lowercase.

    Names that are ordinary English as a whole (`west bank`, `long beach`), names whose
    first word is an article (`the hague`, `a coruna`: `the Hague` is English) or a foreign
    function word, and names made only of ordinary words outside a short list of first
    words (`gold coast`) are left out.
    """
    out: dict[str, set[str]] = {}
    for kind in geo.KINDS:
        for key in geo.keys_of_kind(kind):
            if " " not in key or geo.is_ambiguous(key) or key in _MULTI_ORDINARY:
                continue
            place = geo.place(key)
            if place is None or place.common:
                continue
            parts = key.split(" ")
            first, second = parts[:2]
            if first in ("the", "a", "an") or (first in _FOREIGN and place.zipf < 3.5):
                continue  # but `los angeles`, `las vegas`
            if words.is_ordinary_lowercase(first) and first not in _MULTI_COMMON_FIRST:
                if key not in _lowercase_only_multi():
                    continue  # `fort worth`, `gold coast`
            out.setdefault(first, set()).add(second)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _lowercase_only_multi() -> frozenset[str]:
    """Multiword names whose first word is ordinary English, checked only when written all in
    lowercase and when a later word is no ordinary word (`são paulo`, `los angeles`,
    `northern ireland`): `the point Pedro made` and `a lake Victoria loved` are English."""
    out = set()
    for kind in geo.KINDS:
        for key in geo.keys_of_kind(kind):
            parts = key.split(" ")
            if len(parts) > 1 and words.is_ordinary_lowercase(parts[0]) and any(
                len(p) >= 4 and not words.is_ordinary_lowercase(p) for p in parts[1:]
            ):
                out.add(key)
    return frozenset(out)


_MULTI_NEXT = re.compile(rf"[ \t]+({WORD})")


# Compass words that English writes in lowercase before a city to name a part of it
# (`east London`, `south Beirut`, `west Jerusalem`), although the gazetteer also lists a
# city spelt so (East London, South Africa).
_COMPASS = frozenset(
    "north south east west northern southern eastern western central north-east north-west "
    "south-east south-west northeast northwest southeast southwest".split()
)


def _direction_of_city(parts: list[str], place: geo.Place) -> bool:
    """`east London`: a lowercase compass word before a capitalised city name is the part of
    that city, not the lowercase name of another city (`East London`). Countries and regions
    (`north Korea`, `northern Ireland`) stay names and are still flagged."""
    return (
        place.kind == "city"
        and parts[0] in _COMPASS
        and all(p[:1].isupper() for p in parts[1:])
    )


def _multiword(text: str, s: int, e: int, max_words: int) -> tuple[int, geo.Place, str] | None:
    """The longest multiword gazetteer name starting at the lowercase word s..e (`tel aviv`, `gaza Strip`)."""
    parts, ends, pos = [text[s:e]], [], e
    for _ in range(max_words - 1):
        m = _MULTI_NEXT.match(text, pos)
        if not m:
            break
        parts.append(m.group(1))
        pos = m.end()
        ends.append(pos)
    for n in range(len(parts), 1, -1):
        phrase = " ".join(parts[:n])
        key = phrase.lower()
        place = geo.place(key)
        if place is None or geo.is_ambiguous(key) or place.common:
            continue
        if phrase == place.canonical:
            return None
        if _direction_of_city(parts[:n], place):
            return None
        if phrase != key and key in _lowercase_only_multi() and parts[0] not in _MULTI_COMMON_FIRST:
            continue
        return ends[n - 2], place, phrase
    return None


# --------------------------------------------------------------------------- TQ102

# A period (or ? !), optional closing quote or bracket, space, optional opening double quote, then a
# lowercase word (not a brand like iPhone).
_PERIOD_LOWER = re.compile(
    r"(?P<mark>[.?!])(?<=[\w\"'\u201d\u2019)\]][.?!])[\"'\u201d\u2019)\]]?[ \t]+[\"\u201c]?(?P<word>[a-z][a-z'\u2019-]*)\b(?![A-Z])"
)
# Abbreviations the segmenter does not know that are followed by lowercase words in English.
_MORE_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "approx esp incl excl govt misc ave blvd rd hwy mins min hrs hr yrs yr pts pt sq oz lb lbs "
    "kg km cm mm ml ft in yd mi ed eds trans cit ibid viz fig figs vol vols pp ch chap sec art "
    "no nos op dept univ assn bros ref refs tel ext cca resp lit "
    # US state abbreviations (AP style): `Calif. officials`
    "ala ariz ark calif colo conn del fla ga ida ill ind kan ky la md mass mich minn miss mo mont "
    "neb nev okla ore pa tenn vt va wash wis wyo".split()
)


def _bracketed_token(text: str, dot: int) -> bool:
    """The period ends a bracket that holds one token: `(D-Cal.)`, `(Ret.)`, `(approx.)`."""
    opening = text.rfind("(", max(0, dot - 24), dot)
    return opening >= 0 and not any(c.isspace() for c in text[opening + 1 : dot])


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
        'The force grew to 9,000 "soldiers". [[to]] act as one army.',
        "Did the talks fail? [[nobody]] knew by the evening.",
        'The spokesman said. "[[the]] situation at the border is critical," he added.',
        "The deal (signed on Monday.) [[the]] ministers left without a statement.",
    ],
    passes=[
        *QUIET_LAYOUTS,
        "U.S. officials met e.g. the ministers and vs. the rest at 10 a.m. on Monday.",
        "The leak came from Mr. and Mrs. Smith, J. K. Rowling said, with No. 5 on the list.",
        "Sales rose 3.5 million units, etc. and more. Apple launched the iPhone. eBay followed.",
        "Visit www.example.com. or write to desk@example.org. then wait.",
        "The answer, he said, was no... and nothing else.",
        "The answer, he said, was no\u2026 and nothing else.",
        '"Why?" he asked. "Enough!" she shouted. Yahoo! said nothing.',
        "The rally is set for Jan. and Feb. in the capital, approx. two weeks apart.",
        "Download it from example.com. then install it.",
        "Read the report. https://example.org/report has the details.",
        "Sens. Alan Cranston (D-Cal.) and Daniel Evans (R-Wash.) said the bill would pass.",
        'She called it "a mistake." "It will not happen again," he replied. "iPhone" sales fell.',
    ],
)
def lowercase_sentence_start(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A word in lowercase right after a sentence-ending period (or question or
    exclamation mark), inside a paragraph: `created in October. to function`.
    Abbreviations (`U.S.`, `e.g.`, `vs.`, `a.m.`, `No.`, `Jan.`, titles,
    initials), ellipses, domain names, URLs and e-mail addresses are not sentence
    ends; a question or exclamation mark inside a quote (`"Why?" he asked`) or
    in a brand (`Yahoo! said`) is not either; brands such as `iPhone` are
    lowercase on purpose.

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
        if "\n" in text[dot:start] or doc.in_non_prose(dot - 1, dot) or doc.in_non_prose(start, end):
            continue
        mark = m.group("mark")
        before = text[dot - 1]
        line_start = text.rfind("\n", 0, dot) + 1
        if dot - line_start <= 4 and text[line_start:dot].strip().isalnum():
            continue  # a numbered or lettered list item: `1. within 30 days`, `a. the first`
        if before in "\"'\u201c\u2018" and text[dot + 1 : dot + 2] == before:
            continue  # a quoted mark: `"." means the current directory`
        if mark != ".":
            # `"Why?" he asked` and `Yahoo! said` are English; `fail? nobody` is not.
            if m.end("mark") != start - 1 and text[m.end("mark")] not in " \t":
                continue
            pw, _ = _prev_word(text, dot)
            if not pw or not text[dot - len(pw) : dot].islower() or not words.is_ordinary_lowercase(pw):
                continue  # `Yahoo! said`, `asm! macro`
        else:
            if before in "\"'\u201d\u2019)]":
                pass  # `"soldiers". to act`: the period after a closing quote still ends nothing
            elif text[dot + 1 : dot + 2] == ")" and _bracketed_token(text, dot):
                continue  # `Alan Cranston (D-Cal.) and`: an abbreviation closing a one-word bracket
            elif period_is_abbreviation(text, dot, start):
                continue
            else:
                pw, _ = _prev_word(text, dot)
                if pw in _MORE_ABBREVIATIONS:
                    continue
                if len(pw) <= 5 and text[dot - len(pw) : dot].islower() and words.zipf(pw) == 0.0:
                    continue  # an unknown short lowercase word before a period: an abbreviation (`subst. one`)
                # A domain or dotted identifier: `example.com. then`.
                ws = dot - len(pw)
                if ws > 0 and text[ws - 1] in "./@_":
                    continue
        word = m.group("word")
        if text[end : end + 1] == "." and end - start <= 2:
            continue  # `i.e.` / `e.g.` style
        yield Finding(
            start,
            end,
            f"Sentence starts in lowercase ('{word}'): the period before it looks spurious, or the capital is missing",
            suggestion=word[:1].upper() + word[1:],
        )


# --------------------------------------------------------------------------- TQ103

_PRONOUNS = "It|He|She|They|We|The|This|These|Those|There|His|Her|Its|Their|Our|That"
_CONNECTORS = (
    "And|But|Or|So|Which|Who|Whose|Whom|Where|When|While|Although|Because|However|Also|Then|"
    "In|On|At|For|With|From|By|As|After|Before|During|Despite|Since|If|Some|Many|Most|Both|Each|According"
)
_FUNCTION_CAPITAL = (
    rf"(?P<w>(?:{_PRONOUNS}|{_CONNECTORS})(?:['\u2019](?:s|re|ve|ll|d))?)"
    r"(?=[ \t]+(?P<next>[^\W\d_]+))"
)
# One pattern per punctuation mark, each starting with a literal so that the regex
# engine scans quickly: a comma, an em or en dash, a spaced hyphen or double hyphen.
_AFTER_PUNCT = (
    re.compile(r"(?P<punct>,)[ \t\u00a0]+" + _FUNCTION_CAPITAL),
    re.compile(r"(?P<punct>;)[ \t\u00a0]+" + _FUNCTION_CAPITAL),
    re.compile(r"(?P<punct>[\u2014\u2013])[ \t\u00a0]+" + _FUNCTION_CAPITAL),
    re.compile(r"(?P<punct>-)[ \t\u00a0]+(?<=[ -]-[ \t\u00a0])" + _FUNCTION_CAPITAL),
)
_CONNECTOR_SET = frozenset(_CONNECTORS.split("|"))
_HAS_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z]")


def _title_after(text: str, pos: int) -> bool:
    """Two or more capitalised words in a row from ``pos``: a title or name (`The Hague`, `In Cold Blood`)."""
    m = re.match(r"[ \t]+([A-Z][\w'\u2019-]*)[ \t]+([A-Z])", text[pos : pos + 60])
    return bool(m)


@rule(
    code="TQ103",
    name="capitalised-word-after-comma",
    category="casing",
    severity="minor",
    summary="A capitalised function word after a comma, semicolon or dash in mid-sentence: a fragment boundary.",
    flags=[
        "A bolster that kept him in power —, [[It]] has remained in a precarious balance.",
        "The talks ended late, [[The]] ministers left without a statement.",
        "The crew will stay until April, [[For]] Vasnetsova, this is the first flight.",
        "The museum reopened, [[It's]] been closed since 2020.",
        "The talks ended late in the evening; [[The]] ministers left without a statement.",
    ],
    passes=[
        *QUIET_LAYOUTS,
        'He paused, "It is over," he said.',
        "Ministers met in Geneva, The Hague and Vienna.",
        "KYIV, Ukraine (AP) \u2014 The ministry said more than 1,000 vessels used the route.",
        "MADRID (Reuters) - Atl\u00e9tico Madrid came from behind to win.",
        "BEIJING, Dec. 19 (Xinhua) -- The talks resumed on Monday.",
        "Putin Visits Minsk, The Kremlin Says",
        "Ukraine war \u2014 The latest",
        "- apples, The best ones\n- pears, The rest",
        "Yes, I think so, I said.",
        "The book, In Cold Blood, is a classic.",
        "Sincerely, The Editors",
        "(Reporting by Ana Ruiz; Editing by Tom Hale)",
        "The route runs through Paris; The Hague; Berlin; I was told it was long; The Times agreed.",
        '"Nobody saw anything; We had an alarm," she said.',
    ],
)
def capitalised_word_after_comma(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A capitalised pronoun, determiner, conjunction or preposition right after a
    comma, semicolon or dash in the middle of a sentence: `in power —, It has remained`,
    `until April, For Vasnetsova`. Not `I`, not the start of a quotation
    (`, "It`), not a name or title (`, The Hague`, `, In Cold Blood`), not a
    dateline (`KYIV, Ukraine (AP) — The`), and not in Title Case headlines, list
    items, bylines or verse.

    ## Why it matters
    Machine translation of HTML fragments treats each fragment as a sentence and
    capitalises its first word; when the fragments are joined again the capital
    is left in mid-sentence.

    ## Example
    ```
    ...a bolster that was instrumental in staying in power —, It has remained...
    ```

    ## Use instead
    ```
    ...a bolster that was instrumental in staying in power, it has remained...
    ```
    """
    text = doc.text
    paras = ctx.get(layout)
    matches = [m for rx in _AFTER_PUNCT for m in rx.finditer(text)]
    matches.sort(key=lambda m: m.start())
    for m in matches:
        s, e = m.start("w"), m.end("w")
        info = _paragraph(doc, paras, s)
        if info is None or info.structural:
            continue
        punct = m.group("punct")
        if punct == ";" and doc.in_quote(s):
            continue  # a quoted speaker's punctuation is the transcriber's choice
        w = m.group("w")
        nxt = m.group("next")
        base = re.match(r"[A-Za-z]+", w).group()
        if nxt[0].isupper():
            # Only a preposition or conjunction may be followed by a name: `, For Vasnetsova`.
            if base not in _CONNECTOR_SET:
                continue
            if _title_after(text, e) or nxt.lower() in _SMALL_FUNCTION:
                continue
            after = re.match(r"[ \t]+[^\W\d_]+[ \t]*([,.;:]?)[ \t]*([^\W\d_]*)", text[e : e + 80])
            if not after or not (after.group(1) or after.group(2)[:1].islower()):
                continue
        prefix = text[info.start : m.start("punct")]
        if not _HAS_LOWER_WORD.search(prefix):
            continue  # a dateline or a label: `KYIV, Ukraine (AP) —`, `WASHINGTON —`
        if punct not in ",;":
            if len(prefix.split()) <= 5:
                continue  # `Kremlin — The seat of...`: a glossary entry or a label
            line_end = text.find("\n", e)
            line = text[info.start : line_end if line_end != -1 else len(text)]
            if len(line) <= 80 and line.rstrip()[-1:] not in ".!?\"\u201d":
                continue  # a short headline-like line: `Ukraine war — The latest news`
        yield Finding(
            s,
            e,
            f"Capitalised '{w}' after '{punct}' in mid-sentence: a fragment boundary left by translation",
            suggestion=w[:1].lower() + w[1:],
        )


_SMALL_FUNCTION = frozenset(
    "whom who which what the a an this that these those it he she they we i you his her its their our".split()
)


# --------------------------------------------------------------------------- TQ104

# A capitalised pronoun, determiner or quantifier after a lowercase word or a number and one
# space, followed by a lowercase word. Written as a first-letter class, then a look-behind,
# then the rest of each word by its first letter, so that the regex engine scans for the
# capital quickly instead of trying an alternation at every space.
_JOINED_WORDS = (
    "The They There This These Those Their Two Three Ten Thousands She Some Six Seven Several "
    "He His However Hundreds It Its We Our Most Many Meanwhile According Four Five Eight Nine Dozens "
    "In But Both During Despite Although Another After When While"
).split()
_JOINED = re.compile(
    r"(?P<w>[TSHIWOMAFENDB](?<=[a-z0-9] [TSHIWOMAFENDB])(?:"
    + "|".join(
        rf"(?<={c})(?:{'|'.join(sorted((w[1:] for w in _JOINED_WORDS if w[0] == c), key=len, reverse=True))})"
        for c in "TSHIWOMAFENDB"
    )
    + r"))\b(?=[ \t]+(?P<next>[a-z][a-z'\u2019-]*))"
)
# Words after which a capitalised word starts a title: `the film It Follows`, `the band The Who`.
_TITLE_MAKERS = frozenset(
    "called titled entitled named dubbed film movie book novel song album series show play "
    "musical magazine newspaper poem opera band group program programme podcast documentary "
    "game episode single track painting exhibition festival brand label daily weekly".split()
)
_NUMBER_WORDS = frozenset(
    "Two Three Four Five Six Seven Eight Nine Ten Several Dozens Hundreds Thousands".split()
)
_NUMBER_BEFORE = re.compile(r"\d+$")
# `The` before a capitalised name, after a lowercase word or a number and one space.
_THE_NAME = re.compile(r"The(?<=[a-z0-9] The)(?= (?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\b)")
_DEITY = re.compile(r"\b(?:God|Lord|Jesus|Christ|Allah|Almighty|Father|Creator|Savior|Saviour)\b")


@rule(
    code="TQ104",
    name="missing-period",
    category="casing",
    severity="minor",
    summary="A capitalised pronoun or determiner in mid-sentence with no punctuation before it: a lost period.",
    flags=[
        "Shelling continued near Avdiivka [[The]] army reported two attacks.",
        "She told reporters on Friday [[She]] insisted the talks would go on.",
        "The cost is estimated at 609 billion rubles [[Most]] of the funds will come from the budget.",
        "The experts are rotated every five weeks [[The]] next rotation is in May.",
        "Three buildings were hit [[Seven]] people were injured.",
        "Prices rose by 12% in 2022 [[The]] central bank reacted late.",
        "The minister resigned on Friday [[In]] a statement she thanked her staff.",
        "Rescuers searched all night [[But]] no survivors were found.",
        "Experts from the Road Directorate met. A decision is due in 2026 [[The]] Road Directorate warns of delays.",
    ],
    passes=[
        *QUIET_LAYOUTS,
        "The talks moved to The Hague and later to The Netherlands.",
        "He read The Guardian daily and later wrote to the Observer.",
        "The Road Directorate met. Officials of The Road Directorate and the Road Directorate staff agreed.",
        "He starred in the horror film It Follows and read The Guardian.",
        "Praise God and His mercy, for He is good.",
        "The Sex and The City star arrived.",
        "Stephen King's It was filmed twice.",
        "Shelling Continues Near Avdiivka The Army Says",
        "The army reported shelling near Avdiivka. The attacks continued.",
        "They talked till 2 a.m.\nThe next day they left.",
        "Leaders of the Group of Seven nations met the Big Three carmakers.",
        "He starred in the film In the Heat of the Night and the album In Utero.",
        "The reality show Made In Chelsea and the song When Doves Cry were cited.",
    ],
)
def missing_period(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A capitalised pronoun, determiner or quantifier that cannot start a name
    (`The`, `She`, `He`, `It`, `They`, `We`, `Most`...) in the middle of a line,
    right after a word with no punctuation, and followed by a lowercase word:
    `near Avdiivka The army reported`, `on Friday She insisted`. Not when a
    capitalised word follows (`The Hague`), after a word that introduces a title
    (`the film It Follows`), after a possessive (`King's It`), for `He`/`His`
    next to God, nor in Title Case headlines.

    ## Why it matters
    When translated fragments are joined again, the period between two
    sentences is sometimes lost. The reader runs the two sentences together.

    ## Example
    ```
    ...told reporters on Friday She insisted the talks would go on.
    ```

    ## Use instead
    ```
    ...told reporters on Friday. She insisted the talks would go on.
    ```
    """
    text = doc.text
    paras = ctx.get(layout)
    for m in _JOINED.finditer(text):
        s, e = m.start("w"), m.end("w")
        info = _paragraph(doc, paras, s)
        if info is None or info.heading or info.verse:
            continue
        prev_start = s - 1
        if m.group("w") == "According" and m.group("next") != "to":
            continue
        if text[prev_start - 1].isdigit():
            prev = _NUMBER_BEFORE.search(text, max(0, prev_start - 20), prev_start).group()
        else:
            pw, gap = _prev_word(text, prev_start)
            if not pw or gap:
                continue
            prev = text[prev_start - len(pw) : prev_start]
        if prev.lower() in _TITLE_MAKERS or prev.lower().endswith(("'s", "\u2019s")):
            continue
        if prev.lower() in ("and", "or", "of", "the", "a", "an", "to") and m.group("w") == "The":
            continue  # `Sex and The City`-style names
        w = m.group("w")
        if w in ("He", "His") and _DEITY.search(text, info.start, info.end):
            continue
        if w in _NUMBER_WORDS and (not prev.islower() or prev in ("of", "the", "and", "top")):
            continue  # `the Big Three automakers`, `Group of Seven leaders`
        if doc.in_non_prose(prev_start - 1, prev_start):
            continue
        yield Finding(
            s,
            e,
            f"Capitalised '{w}' in mid-sentence after '{prev}' with no punctuation: a period looks lost",
            suggestion=None,
        )
    yield from _the_before_known_name(doc, paras)


def _the_before_known_name(doc: Document, paras: list[ParagraphInfo]) -> Iterator[Finding]:
    """`in the spring of 2026 The Road Directorate emphasises`: the article writes `the Road
    Directorate` elsewhere, so `The` is no part of the name and starts a sentence whose period
    was lost. (`read The Guardian` has no `the Guardian` to compare with.)"""
    text = doc.text
    for m in _THE_NAME.finditer(text):
        s = m.start()
        name = m.group("name")
        if f"the {name}" not in text:
            continue
        info = _paragraph(doc, paras, s)
        if info is None or info.heading or info.verse or doc.in_non_prose(s - 1, s + 3):
            continue
        if text[s - 2].isdigit():
            prev = _NUMBER_BEFORE.search(text, max(0, s - 21), s - 1).group()
        else:
            prev, _ = _prev_word(text, s - 1)
            if not prev or prev in _TITLE_MAKERS or prev.endswith(("'s", "\u2019s")):
                continue
            if prev in ("and", "or", "of", "the", "a", "an", "to"):
                continue
        yield Finding(s, s + 3, f"Capitalised 'The' in mid-sentence after '{prev}', though the article "
                      f"writes 'the {name}' elsewhere: a period looks lost", suggestion=None)
