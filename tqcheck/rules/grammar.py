"""Grammar: constructions that English grammar rules out and machine translation produces.

LanguageTool is optional (and often absent), so these few rules are our own: each pattern is a
near-certain MT error with a guard for the English constructions that share its words. Codes
TQ950-TQ999 (the 9xx family is shared with style, which uses TQ901-TQ949).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from ..model import Finding
from .base import Context, rule
from .style import lowered


def _has(doc: Document, ctx: Context, needles: tuple[str, ...]) -> bool:
    """Whether the lowercased article holds one of ``needles`` (a cheap gate before a regex scan)."""
    low = ctx.get(lowered)
    return any(n in low for n in needles)

_BE = frozenset("am is are was were be been being 's 're get gets got".split())
_SKIP_BACK = frozenset("also not never still now already often generally strongly".split())
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def _word_before(text: str, start: int) -> str:
    """The word before ``start`` (lowercased), adverbs skipped; '' at a sentence or clause start."""
    words = _WORD.findall(text[max(0, start - 50) : start])
    tail = text[max(0, start - 50) : start].rstrip()
    if tail[-1:] in ".!?;:\n":
        return ""
    while words and words[-1].lower() in _SKIP_BACK:
        words.pop()
    return words[-1].lower() if words else ""


# ---------------------------------------------------------------- role + name without article

_ROLE_HEADS = frozenset(
    """
    secretary secretaries spokesman spokeswoman spokesperson mayor governor head chief chairman chairwoman
    director commander minister ambassador adviser advisor representative leader rector prosecutor speaker
    ombudsman coordinator commissioner deputy president premier
    """.split()
)
_ROLE_MODIFIERS = frozenset("press deputy first vice acting chief head former regional general".split())
# The lowercase words of `of the city`, `of the regional military administration`: the institutions
# Russian and Ukrainian news name this way. A title of English style has capitals (`Secretary of
# State Antony Blinken`) or other nouns (`chairman of the board`).
_OF_WORDS = frozenset(
    """
    city region regional oblast district president presidential ministry administration military state
    council department press service office government country republic village settlement community
    territorial hromada armed forces general staff national police emergency situations energy
    investigative committee border guard air force defence defense interior foreign affairs health main
    directorate operational command southern northern eastern western joint group municipal local
    provincial province county deputies parliament duma federation faction party agency center centre
    headquarters intelligence security municipality town kremlin of the city's region's
    """.split()
)
_NAME = re.compile(r"([A-Z][\w'\u2019-]+) ([A-Z][\w'\u2019-]+)(?=[ ,;.]|$)")
_SENTENCE_WORD = re.compile(r"[^\s,;:]+")


def _role_apposition(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span `Mayor of the city Ihor Terekhov` when the sentence opens with one, else None."""
    ws = [(m.group(), m.start()) for m in _SENTENCE_WORD.finditer(text, start, min(end, start + 160))][:12]
    if len(ws) < 6 or not ws[0][0][:1].isupper() or ws[0][0].lower() == "the":
        return None
    k = 0
    while k < len(ws) and k < 3 and ws[k][0] != "of":
        w = ws[k][0]
        if (k and not w.islower()) or w.lower() not in _ROLE_HEADS | _ROLE_MODIFIERS:
            return None
        k += 1
    if k == 0 or ws[k - 1][0].lower() not in _ROLE_HEADS or k + 2 >= len(ws) or ws[k][0] != "of":
        return None
    if ws[k + 1][0] != "the":
        return None
    j = k + 2
    while j < len(ws) and ws[j][0].islower() and ws[j][0] in _OF_WORDS:
        j += 1
    if j == k + 2 or j >= len(ws) or ws[j - 1][0] in ("of", "the"):
        return None
    m = _NAME.match(text, ws[j][1])
    if not m or m.group(1) in ("The", "On", "In", "At", "Said", "And"):
        return None
    return ws[0][1], m.end()


@rule(
    code="TQ950",
    name="role-name-without-article",
    category="grammar",
    severity="minor",
    summary="`Mayor of the city Ihor Terekhov said`: a role and a name with no article and no commas (Russian, Ukrainian MT).",
    flags=[
        "[[Mayor of the city Ihor Terekhov]] said that power engineers are working.",
        "Floods continue. [[Press secretary of the president Dmitry Peskov]] said Putin receives reports.",
        "[[Head of the regional military administration Oleh Syniehubov]] reported the strike.",
    ],
    passes=[
        "The mayor of the city, Ihor Terekhov, said that power engineers are working.",
        "Secretary of State Antony Blinken said the talks would resume.",
        "Chairman of the board Warren Buffett said the company is strong.",
        "Head of the household John Smith, 54, said nothing.",
        "Mayor of the city of London since 2016, he spoke.",
    ],
)
def role_name_without_article(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A sentence that opens with a role, `of the`, lowercase institution words and a
    person's name, with no article and no commas: `Mayor of the city Ihor Terekhov
    said`, `Press secretary of the president Dmitry Peskov said`. Russian and
    Ukrainian have no articles and put the name right after the title.
    Capitalised titles of English style (`Secretary of State Antony Blinken`) and
    other nouns (`chairman of the board`) are left alone.

    ## Why it matters
    English needs an article and an apposition: the sentence reads as a garbled
    headline and the role and the name run together.

    ## Example
    ```
    Mayor of the city Ihor Terekhov said that power engineers are working.
    ```

    ## Use instead
    ```
    The city's mayor, Ihor Terekhov, said that power engineers are working.
    ```
    """
    text = doc.text
    first_words = _ROLE_HEADS | _ROLE_MODIFIERS
    for s in doc.sentences:
        head = text[s.start : s.start + 14].split(" ", 1)[0]
        if not head[:1].isupper() or head.lower() not in first_words:
            continue
        span = _role_apposition(text, s.start, s.end)
        if span:
            yield Finding(span[0], span[1], f"'{text[span[0]:span[1]]}': a role and a name need an article and commas "
                          "(`The mayor of the city, Ihor Terekhov,`)")


# ---------------------------------------------------------------- of who

# Nouns of a quality someone has: `the authority of who did the homework` (Portuguese *de quem*,
# Spanish *de quien*: of someone who). Nouns that take an indirect question (`the question of who
# did it`, `a list of who attended`) are not here.
_QUALITY_NOUNS = (
    "authority|voice|words|strength|courage|dignity|pride|confidence|serenity|calm|conviction|tranquillity"
    "|tranquility|gesture|attitude|posture|wisdom|humility|legitimacy|moral authority|experience|satisfaction|certainty"
)
_OF_WHO = re.compile(rf"\b(?:{_QUALITY_NOUNS}) (?P<x>of who) (?=[a-z])")


@rule(
    code="TQ951",
    name="of-who",
    category="grammar",
    severity="minor",
    summary="`the authority of who did the homework`: `of who` for `of someone who` (Portuguese *de quem*).",
    flags=["Brazil will arrive with the authority [[of who]] did the homework."],
    passes=[
        "The question of who did the homework remains, and a list of who attended was published.",
        "He spoke with the authority of someone who did the homework.",
    ],
)
def of_who(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    `of who` + verb after a noun of quality (`the authority of who did the
    homework`, `the calm of who knows`): Portuguese *de quem* and Spanish *de
    quien* mean "of someone who". `the question of who did it`, `a list of who
    attended` (indirect questions) are English and left alone.

    ## Why it matters
    English needs an antecedent for `who`; the phrase reads as a broken question.

    ## Example
    ```
    Brazil will arrive with the authority of who did the homework.
    ```

    ## Use instead
    ```
    Brazil will arrive with the authority of a country that did its homework.
    ```
    """
    if not _has(doc, ctx, (" of who ",)):
        return
    for m in _OF_WHO.finditer(doc.text):
        yield Finding(*m.span("x"), "'of who' has no antecedent: English says 'of someone who' or 'of those who'",
                      suggestion="of those who")


# ---------------------------------------------------------------- allows to / recommends to

_ALLOWS_TO = re.compile(
    r"\b(?P<x>(?:allows|enables|permits) to) (?=[a-z])"
    r"|\b(?:will|would|could|can|should|must|may|might|which|that) (?P<y>(?:allow|enable|permit) to) (?=[a-z])"
)
_ADVISES_TO = re.compile(
    r"\b(?P<x>(?:recommends?|recommended|suggests?|suggested|avoids?|avoided|avoiding) to) (?P<v>[a-z]+) "
    r"(?=(?:the|a|an|their|his|her|its|your|our|them|him|it|any|all|some)\b)"
)
_NOT_INFINITIVE = frozenset(
    """
    the a an this that these those his her its their our my your them him me us it whom which what
    everyone everybody anyone anybody someone somebody people staff police management government congress
    parliament
    """.split()
)


@rule(
    code="TQ952",
    name="verb-to-infinitive",
    category="grammar",
    severity="minor",
    summary="`allows to reduce`, `recommends to consult`: a verb that needs an object or a gerund before `to`.",
    flags=[
        "The new system [[allows to]] reduce costs by a third.",
        "The SNCF [[recommends to]] consult the application before any trip.",
        "These measures will [[allow to]] cut emissions.",
    ],
    passes=[
        "The new system allows us to reduce costs, and residents are allowed to vote.",
        "It is recommended to book the tickets early; she suggested to reporters that it was over.",
        "The board recommended to shareholders the sale, and he avoided to the extent possible any risk.",
        "Allow to cool for ten minutes.",
    ],
)
def verb_to_infinitive(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    `allows to` + verb with no object (French *permet de*, Spanish *permite*,
    Italian *permette di*, Russian *позволяет*), `will allow to`, and
    `recommends to` / `suggested to` / `avoids to` + verb + object (French
    *recommande de consulter*). `allows us to`, `is allowed to`, `it is
    recommended to`, `suggested to reporters that` are English and left alone.

    ## Why it matters
    English `allow` needs an object (`allows us to`, `allows reducing`), and
    `recommend`, `suggest`, `avoid` take a gerund or a clause.

    ## Example
    ```
    The SNCF recommends to consult the application before any trip.
    ```

    ## Use instead
    ```
    The SNCF recommends consulting the application before any trip.
    ```
    """
    text = doc.text
    if not _has(doc, ctx, ("allow", "enable", "permit", "recommend", "suggest", "avoid")):
        return
    for m in _ALLOWS_TO.finditer(text):
        g = "x" if m.group("x") else "y"
        s, e = m.span(g)
        if _word_before(text, s) in _BE:
            continue
        yield Finding(s, e, f"'{m.group(g)}' needs an object: English says 'allows us to' or 'allows reducing'")
    for m in _ADVISES_TO.finditer(text):
        v = m.group("v")
        if v in _NOT_INFINITIVE or (v.endswith("s") and not v.endswith("ss")):
            continue
        s, e = m.span("x")
        if _word_before(text, s) in _BE:
            continue
        yield Finding(s, e, f"'{m.group('x')} {v}': English says '{m.group('x')[:-3]} {v}ing ...' or names who should")


# ---------------------------------------------------------------- the + indicator noun

_INDICATORS = "inflation|unemployment|deforestation|abstention|criminality|illiteracy|obesity|corruption|poverty|desertification"
_CHANGE_VERBS = (
    "fell|rose|grew|dropped|increased|decreased|reached|declined|registered|recorded|accumulated|soared|climbed"
    "|surged|slowed|accelerated|stood|totaled|totalled|exceeded|hit|falls|rises|grows|drops|increases|decreases"
    "|reaches|declines|registers|records|accumulates|soars|climbs|slows|accelerates|stands|exceeds|shrank|eased|eases"
)
_THE_INDICATOR = re.compile(
    rf"(?:^|(?<=[.!?] )|(?<=\bthat ))(?P<x>[Tt]he) (?:{_INDICATORS})(?: (?:also|still|already|even|again))? "
    rf"(?:{_CHANGE_VERBS})\b",
    re.M,
)


@rule(
    code="TQ953",
    name="article-before-indicator",
    category="grammar",
    severity="minor",
    summary="`The inflation rose`, `The deforestation also fell`: a definite article before an economic or social indicator.",
    flags=[
        "[[The]] deforestation also fell in the Cerrado.",
        "Officials said that [[the]] inflation rose to 4% in May.",
    ],
    passes=[
        "Deforestation also fell in the Cerrado, and the inflation rate rose.",
        "The inflation that followed the war was severe; the unemployment benefit rose.",
    ],
)
def article_before_indicator(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    `The inflation rose`, `The deforestation also fell`, `that the unemployment
    reached`: a definite article before an indicator noun used in general,
    with a verb of change right after it. Spanish, Portuguese, Italian, French
    and German put an article there; English does not. `the inflation rate`
    and `the inflation that followed the war` are English.

    ## Why it matters
    `The inflation rose` reads as some particular inflation mentioned before;
    the reader looks for it.

    ## Example
    ```
    The deforestation also fell in the Cerrado.
    ```

    ## Use instead
    ```
    Deforestation also fell in the Cerrado.
    ```
    """
    text = doc.text
    if not _has(doc, ctx, tuple(f"the {n} " for n in _INDICATORS.split("|"))):
        return
    for m in _THE_INDICATOR.finditer(text):
        s, e = m.span("x")
        yield Finding(s, e, f"'{text[s:m.end()]}': English uses no article before an indicator in general")


# ---------------------------------------------------------------- the + club name

# Clubs that Italian, Spanish, Portuguese and Turkish name with an article (*la Fiorentina*, *el
# Barcelona*); English does not. Only before a verb of a result or a clause mark: `the Barcelona
# players`, `the Juventus coach` are English.
_CLUBS = (
    "Fiorentina|Juventus|Lazio|Atalanta|Sampdoria|Salernitana|Udinese|Sassuolo|Cagliari|Torino|Napoli|Empoli"
    "|Lecce|Monza|Frosinone|Cremonese|Barcelona|Real Madrid|Atl\u00e9tico|Atletico|Sevilla|Betis|Villarreal"
    "|Osasuna|Getafe|River Plate|Boca Juniors|Benfica|Flamengo|Palmeiras|Corinthians|Fluminense|Galatasaray"
    "|Fenerbah\u00e7e|Fenerbahce|Be\u015fikta\u015f|Besiktas|Trabzonspor"
)
_THE_CLUB = re.compile(
    rf"\b(?P<x>[Tt]he (?:{_CLUBS}))(?= (?:wins|won|beat|beats|lost|loses|drew|draws|is|was|has|had|will|scored|scores"
    r"|returns|returned|climbs|climbed|remains|remained|plays|played|leads|led|falls|fell|suffered|suffers|took|takes"
    r"|dominated|dominates|signed|signs)\b|[,.;:])"
)


@rule(
    code="TQ954",
    name="article-before-club",
    category="grammar",
    severity="minor",
    summary="`The Fiorentina wins`, `the Barcelona lost`: a definite article before a club's name (Italian, Spanish MT).",
    flags=["[[The Fiorentina]] wins 2-1 and climbs to fourth place.", "Against [[the Barcelona]], they lost."],
    passes=["The Fiorentina coach spoke, and the Barcelona players left.", "Fiorentina won 2-1 against Barcelona."],
)
def article_before_club(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    `The Fiorentina wins`, `against the Barcelona,`: the article that Italian
    (*la Fiorentina*), Spanish (*el Barcelona*) and Portuguese put before a club's
    name, when the name stands alone (a verb or a clause mark follows).
    `the Fiorentina coach`, `the Barcelona players` are English.

    ## Why it matters
    English names clubs without an article; the reader notices the translation.

    ## Example
    ```
    The Fiorentina wins 2-1 and climbs to fourth place.
    ```

    ## Use instead
    ```
    Fiorentina win 2-1 and climb to fourth place.
    ```
    """
    if not _has(doc, ctx, tuple(f"the {c.lower()}" for c in _CLUBS.split("|"))):
        return
    for m in _THE_CLUB.finditer(doc.text):
        s, e = m.span("x")
        yield Finding(s, e, f"'{m.group('x')}': English names a club without an article")


# ---------------------------------------------------------------- inverted passive, vote counts

_INVERTED_PASSIVE = re.compile(
    r"\b(?:was|were) (?P<x>(?:damaged|destroyed|injured|killed|wounded|broken|detained|arrested|evacuated|hit) "
    r"(?:the|a|an) (?!(?:most|least|hardest|worst|same|following|next|previous|first|last|other|day|night|week|morning"
    r"|evening|year|month|few|little|bit|lot|while|second|third|moment|number|total|record|result|week|hour|minute)\b)"
    r"[a-z]+)\b"
)
_VOTED_COUNT = re.compile(r"\b(?P<x>voted (?:\d+|all|only \d+) (?:MPs|deputies|senators|members|lawmakers|legislators|councillors|councilors))\b")


@rule(
    code="TQ955",
    name="inverted-subject",
    category="grammar",
    severity="minor",
    summary="`was damaged the facade`, `voted 242 MPs`: a subject placed after its verb (Russian, Ukrainian, Polish MT).",
    flags=[
        "In the village was [[damaged the facade]] of a house.",
        "For the law [[voted 242 MPs]], against voted 198.",
    ],
    passes=[
        "The facade was damaged the most, and two were killed the following day.",
        "The house was hit a few times; 242 MPs voted for the law.",
    ],
)
def inverted_subject(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A subject after a passive verb (`was damaged the facade of a house`, Russian
    *был повреждён фасад*) and after `voted` (`For the law voted 242 MPs`, Polish
    *Za ustawą głosowało 242 posłów*). Time phrases after a passive (`was killed the
    following day`, `was hit the hardest`) are English and left alone.

    ## Why it matters
    English puts the subject before the verb; the inverted order reads as a
    broken sentence.

    ## Example
    ```
    In the village was damaged the facade of a house.
    ```

    ## Use instead
    ```
    In the village, the facade of a house was damaged.
    ```
    """
    text = doc.text
    gates = (("was ", "were "), ("voted ",))
    for pattern, needles in zip((_INVERTED_PASSIVE, _VOTED_COUNT), gates):
        if not _has(doc, ctx, needles):
            continue
        for m in pattern.finditer(text):
            s, e = m.span("x")
            yield Finding(s, e, f"'{m.group('x')}': the subject comes after the verb (source-language word order)")


_THE_ARRESTED = re.compile(r"\b(?P<x>[Tt]he (?:arrested|apprehended))(?= (?:are|were|is|was|have|had|will|face|faces|include)\b)")


@rule(
    code="TQ956",
    name="participle-as-noun",
    category="grammar",
    severity="minor",
    summary="`The arrested are`: a past participle used as a noun for people (Greek, Russian, Spanish MT).",
    flags=["[[The arrested]] are three men aged 20 to 30."],
    passes=["Those arrested are three men; the arrested men were freed.", "The injured were taken to hospital."],
)
def participle_as_noun(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    `The arrested are`, `the apprehended were`: a participle used as a plural noun
    (Greek *οι συλληφθέντες*, Russian *задержанные*, Spanish *los detenidos*).
    `the injured`, `the wounded` are English nouns and left alone.

    ## Why it matters
    English says `those arrested` or `the suspects`; `the arrested` reads as a
    missing noun.

    ## Example
    ```
    The arrested are three men aged 20 to 30.
    ```

    ## Use instead
    ```
    Those arrested are three men aged 20 to 30.
    ```
    """
    if not _has(doc, ctx, ("the arrested ", "the apprehended ")):
        return
    for m in _THE_ARRESTED.finditer(doc.text):
        s, e = m.span("x")
        yield Finding(s, e, f"'{m.group('x')}': English says 'those arrested' or 'the suspects'", suggestion="those arrested")
