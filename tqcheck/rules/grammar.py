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
from ..segment import TOKEN_WORD_RE, word_trie
from .base import Context, rule
from .style import lowered, word_set


def _has(doc: Document, ctx: Context, needles: tuple[str, ...]) -> bool:
    """Whether the lowercased article holds one of ``needles`` (a cheap gate before a regex scan)."""
    low = ctx.get(lowered)
    return any(n in low for n in needles)

_BE = frozenset("am is are was were be been being 's 're get gets got".split())
_SKIP_BACK = frozenset("also not never still now already often generally strongly".split())


def _word_before(text: str, start: int) -> str:
    """The word before ``start`` (lowercased), adverbs skipped; '' at a sentence or clause start."""
    words = TOKEN_WORD_RE.findall(text[max(0, start - 50) : start])
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


_THE_CLUB_GATE = re.compile("the (?:" + _CLUBS.lower() + ")")


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
    if not _THE_CLUB_GATE.search(ctx.get(lowered)):
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
_DEAD_WORDS = frozenset((b"dead", b"wounded", b"injured"))
# `there are dead and wounded`, `there were no injured.`: the participle as a noun after `there is`.
_THERE_DEAD = re.compile(
    r"\b(?P<x>[Tt]here (?:are|were|is|was|have been|has been) (?:(?:no|many|several|also) )?(?:dead|wounded|injured)(?: and (?:wounded|injured))?)"
    r"(?=[,.;:]| (?:and|or|among|in|on|at|after)\b)"
)


@rule(
    code="TQ956",
    name="participle-as-noun",
    category="grammar",
    severity="minor",
    summary="`The arrested are`: a past participle used as a noun for people (Greek, Russian, Spanish MT).",
    flags=["[[The arrested]] are three men aged 20 to 30.",
           "Bombs fell on the centre: [[there are dead and wounded]].",
           "According to the police, [[there were no injured]]."],
    passes=["Those arrested are three men; the arrested men were freed.", "The injured were taken to hospital.",
            "There were dead bodies in the street and there are injured people in hospital.",
            "There were no injuries, and there are wounded soldiers on the train."],
)
def participle_as_noun(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    `The arrested are`, `the apprehended were`: a participle used as a plural noun
    (Greek *οι συλληφθέντες*, Russian *задержанные*, Spanish *los detenidos*).
    `the injured`, `the wounded` are English nouns and left alone. Also `there are
    dead and wounded`, `there were no injured` (Ukrainian *є загиблі та поранені*,
    Spanish *hay muertos y heridos*), where English says `people were killed` or
    `there were no injuries`; `there were dead bodies` is English.

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
    if _has(doc, ctx, ("the arrested ", "the apprehended ")):
        for m in _THE_ARRESTED.finditer(doc.text):
            s, e = m.span("x")
            yield Finding(s, e, f"'{m.group('x')}': English says 'those arrested' or 'the suspects'",
                          suggestion="those arrested")
    if ctx.get(word_set) & _DEAD_WORDS and _has(doc, ctx, ("there ",)):
        for m in _THERE_DEAD.finditer(doc.text):
            s, e = m.span("x")
            if not doc.in_quote(s):
                yield Finding(s, e, f"'{m.group('x')}': English says 'people were killed and injured' or "
                              "'there were casualties' / 'no injuries'")


# ---------------------------------------------------------------- shared helpers for the rules below

_FUNCTION = frozenset(
    """
    of in on at to for by with from and or but that which who whom whose as than into after before during since
    until while when where because if is are was were be been has have had will would can could should may might
    must not also the a an this these those his her its their our my your some any many several each every all
    both no he she they we i you it him them us me there such what another either own one
    """.split()
)
# Words in -s that are singular or uncountable: `there is no news`, `much of the means`.
_SINGULAR_S = frozenset(
    """
    news means series species headquarters whereabouts crossroads chaos bus gas lens bias alias atlas ethos pathos
    canvas diabetes rabies measles herpes mumps scabies thanks this his its yes us was has does is physics politics
    economics athletics mathematics ethics logistics statistics status apparatus consensus census campus virus
    bonus focus corpus thesis analysis crisis basis emphasis diagnosis process success access progress address
    business congress stress loss glass class mass gross less unless across plus minus kudos
    """.split()
)
_IRREGULAR_PLURALS = frozenset("people children men women mice teeth feet geese".split())


def _plural(word: str) -> bool:
    """Whether a lowercase noun looks plural (`fatalities`, `secrets`, `people`); -ss, -us, -is words are not."""
    if word in _IRREGULAR_PLURALS:
        return True
    return (len(word) >= 4 and word.endswith("s") and word not in _SINGULAR_S
            and not word.endswith(("ss", "us", "is", "ics", "'s", "\u2019s")))


# ---------------------------------------------------------------- missing article before a count noun

# Singular count nouns that English never leaves bare after a preposition and a modifier
# (`at press conference`, `in telephone call`, `in difficult situation`, `of wooden coffin`):
# only heads with no bare idiom (`in session`, `in hospital`, `by car`, `in place` are not here).
_COUNT_HEADS = frozenset(
    """
    conference call situation interview coffin ceremony speech trip accident statement meeting decision letter
    announcement document study survey message tweet hearing apartment building vehicle incident operation
    """.split()
)
# Jobs that are not unique positions: `works as a teacher` needs the article (`as head of`,
# `as captain`, `as president` name a unique post and are English).
_JOBS = frozenset(
    """
    miner teacher nurse driver farmer journalist worker employee volunteer engineer soldier waiter waitress cleaner
    mechanic labourer laborer lawyer doctor student reporter photographer cook translator interpreter electrician
    builder shopkeeper fisherman guard cashier clerk secretary technician accountant vendor porter
    """.split()
)
_ROLES = frozenset(
    """
    spokesman spokeswoman spokesperson president director chairman chairwoman representative chief leader owner
    manager founder head member secretary governor mayor minister
    """.split()
)
_BARE_PREPS = frozenset("in at during after from with of into".split())
# Words that may follow a bare head and show it ends its noun phrase (otherwise `press conference
# room` is a compound whose head is the next word).
_AFTER_HEAD = _FUNCTION | frozenset(
    """
    near about across along around behind below beneath beside between beyond despite inside outside over through
    throughout toward towards under upon within without amid among against today yesterday already now again
    too still then there here last next
    """.split()
)
_NOT_MODIFIER = _FUNCTION | frozenset("roll first second third last next same whole".split())
_WORDS_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
# A head noun after a space (the only place the rule reads one): the leading space is a literal that
# `re` skips to, where a leading `\b` is tried at every position (three times slower).
_COUNT_RE = re.compile(" (" + word_trie(_COUNT_HEADS | _JOBS) + r")\b")
_ROLE_OF_RE = re.compile(
    r"\b(?:[Aa]ccording to|said|says|told|explained|added|stated|noted|warned) (?P<x>(?:"
    + "|".join(sorted(_ROLES)) + r") of) (?!(?:the|a|an|this|its|his|her|their)\b)(?=[A-Za-z])"
)
# `said head of`: the role and `of` are found first (a literal space starts them), then the verb before.
_ROLE_OF_NEAR = re.compile(" " + word_trie(_ROLES) + " of ")
_ROLE_OF_VERB = re.compile(r"\b(?:said|says|told|explained|added|stated|noted|warned|to)$")


def _role_of_gate(text: str) -> bool:
    """Whether `<verb> <role> of ` occurs: a cheap necessary condition for _ROLE_OF_RE."""
    for m in _ROLE_OF_NEAR.finditer(text):
        if _ROLE_OF_VERB.search(text, max(0, m.start() - 12), m.start()):
            return True
    return False
# `since child`, `since small`: a life stage with no article or clause (Spanish *desde niño*, Portuguese
# *desde criança*, Italian *da bambino*); English says `since he was a child` or `since childhood`.
_SINCE_CHILD = re.compile(r"\b(?P<x>since (?:child|kid|boy|girl|teenager|baby|small|little|young))(?=[,.;:)]|$)", re.M)
_MEMBER_RE = re.compile(
    r"\b(?:is|was|are|were|be|been|become|becomes|became|remain|remains|remained|not|never) "
    r"(?P<x>member of) (?!parliament\b|[Pp]arliament\b)"
)


def _ends_sentence(doc: Document, offset: int) -> bool:
    """Whether the sentence holding ``offset`` ends with terminal punctuation (not a headline)."""
    si = doc.sentence_index(offset)
    if si is None:
        return False
    s = doc.sentences[si]
    return doc.text[s.start : s.end].rstrip()[-1:] in ".!?\"'\u201d\u2019"


@rule(
    code="TQ957",
    name="bare-count-noun",
    category="grammar",
    severity="minor",
    summary="`at press conference`, `works as sand miner`, `was not member of`: a singular count noun with no article.",
    flags=[
        "The minister spoke [[at press conference]] in the capital.",
        "He said [[in telephone call]] with the agency that the site was safe.",
        "Many bakeries are [[in difficult situation]] this winter.",
        "Her brother [[works as sand miner]] near the river.",
        "He was not [[member of]] the royal family.",
        "He has dreamed of playing in Europe [[since child]].",
        "The prices will rise, [[according to spokesman of]] Brewery Group.",
    ],
    passes=[
        "The minister spoke at a press conference in the capital.",
        "He said in a telephone call that the site was safe, and she was at roll call.",
        "He served as head of the mission and as president of the club; she works as a teacher.",
        "He was a member of parliament, and was elected member of the board.",
        "The police were at the scene, at press time, in good condition, in second place.",
        "According to spokesman John Smith, the plan works; according to the spokesman of the club, it does not.",
        "Minister at press conference",
        "\"He was not member of anything,\" she said.",
        "He has played since childhood, since he was a child and since young players left; since little is known.",
        "The press conference room was full; a conference call with analysts followed.",
        "A proceeds of crime hearing will take place, and an order of protection hearing followed.",
    ],
)
def bare_count_noun(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A singular count noun with no article where English needs one: after a
    preposition and a modifier (`at press conference`, `in telephone call`, `in
    difficult situation`, `of wooden coffin`), a job that is not a unique post after
    `works as` (`works as sand miner`), `member of` after a verb (`was not member
    of`), and a role with `of` after a verb of saying (`according to spokesman of`,
    `said president of association`), and a life stage after `since` (`since
    child`, Spanish *desde niño*). Russian, Czech, Polish, Ukrainian, Chinese,
    Japanese, Persian and Indonesian have no articles, and MT often leaves them out.

    Left alone: unique posts (`as head of`, `as president of`, `elected member of the
    board`), `member of parliament`, titles before names (`according to spokesman
    John Smith`), nouns that English uses bare (`in hospital`, `at press time`, `in
    second place`), compounds (`press conference room`), headlines and quotations.

    ## Why it matters
    A missing article is the most frequent trace of a source language without
    articles; the sentence reads as a telegram.

    ## Example
    ```
    The minister spoke at press conference in the capital.
    ```

    ## Use instead
    ```
    The minister spoke at a press conference in the capital.
    ```
    """
    text = doc.text
    for m in _COUNT_RE.finditer(text):
        head = m.group(1)
        p = text.rfind(" ", max(0, m.start(1) - 25), m.start(1) - 1)
        if p < 0 or text[p + 1 : m.start(1) - 1] in _NOT_MODIFIER:  # `the meeting`, `a call`: the common case
            if text[p + 1 : m.start(1) - 1] != "as":
                continue
        ws = list(_WORDS_RE.finditer(text, max(0, m.start(1) - 45), m.start(1)))[-3:]
        if not ws or text[ws[-1].end() : m.start(1)] != " ":
            continue
        after = _WORDS_RE.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
        if after and after.group().islower() and after.group() not in _AFTER_HEAD:
            continue  # a compound: `press conference room`
        if text[m.end() : m.end() + 2] in ("'s", "\u2019s") or text[m.end() : m.end() + 1] == "-":
            continue
        start = None
        if head in _JOBS and head not in _COUNT_HEADS:
            # works as (modifier) miner
            for k in range(len(ws) - 1, -1, -1):
                w = ws[k].group()
                if w == "as" and k >= 1 and ws[k - 1].group().lower().startswith(("work", "employ")):
                    if all(text[ws[x].end() : ws[x + 1].start()] == " " for x in range(k - 1, len(ws) - 1)):
                        start = ws[k - 1].start()
                    break
                if w.lower() in _NOT_MODIFIER or not w.islower() or len(ws) - k > 2:
                    break
            if after and after.group()[:1].isupper():
                start = None
        else:
            mods = 0
            for k in range(len(ws) - 1, -1, -1):
                w = ws[k].group()
                if w in _BARE_PREPS and mods >= 1:
                    if w == "of" and k >= 1 and re.search(r"(?:^|[^\w'\u2019-])(?:[Aa]n?) $",
                                                           text[max(0, ws[k - 1].start() - 4) : ws[k - 1].start()]):
                        break  # `A proceeds of crime hearing`: the article opens a compound before `of`
                    if all(text[ws[x].end() : ws[x + 1].start()] == " " for x in range(k, len(ws) - 1)):
                        start = ws[k].start()
                    break
                if not w.islower() or w in _NOT_MODIFIER or w.endswith(("'s", "\u2019s")) or mods >= 2:
                    break
                mods += 1
        if start is None or doc.in_quote(start) or not _ends_sentence(doc, start):
            continue
        yield Finding(start, m.end(), f"'{text[start:m.end()]}': the singular count noun '{head}' needs an article "
                      "('a' or 'the')")
    low = ctx.get(lowered)
    if "since " in low:
        for m in _SINCE_CHILD.finditer(text):
            if not doc.in_quote(m.start()):
                yield Finding(*m.span("x"), f"'{m.group('x')}': English says 'since he was a child' or 'since childhood'")
    for pattern in (_ROLE_OF_RE, _MEMBER_RE):
        if pattern is _MEMBER_RE and "member of " not in low:
            continue
        if pattern is _ROLE_OF_RE and not _role_of_gate(text):
            continue
        for m in pattern.finditer(text):
            s, e = m.span("x") if pattern is _MEMBER_RE else (m.start(), m.end("x"))
            if pattern is _ROLE_OF_RE:
                nxt = _WORDS_RE.match(text, m.end())
                # `said head of Apple Tim Cook`: a title before a name
                if nxt and nxt.group()[:1].isupper() and re.match(r" [A-Z][a-z]+ [A-Z]", text[nxt.end() : nxt.end() + 30]):
                    continue
            if doc.in_quote(s) or not _ends_sentence(doc, s):
                continue
            yield Finding(s, e, f"'{text[s:e]}': a role noun needs an article here ('a member of', 'the spokesman of')")


# ---------------------------------------------------------------- preposition calques with amounts

_IN_AVERAGE = re.compile(r"\b(?P<x>[Ii]n average)\b(?=\s*(?:[,;:.]|\d|[$\u20ac\u00a3]|(?:of|about|around|over|more|less|per|some|nearly|almost|between)\b))")
# `of` before an amount, then the verb of change before it (read backwards from the cheap literal).
_OF_AMOUNT = re.compile(r"\bof (?=\d|(?:about|around|nearly|almost|more than|some|up to|over)\b)")
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:will|would|could|should|may|might|must|can|to|not) (?P<x>increase|rise|decrease|fall|grow|drop|climb"
    r"|decline|go up|go down)|\b(?P<y>increased|rose|decreased|fell|grew|dropped|climbed|declined|went up|went down)) $"
)


@rule(
    code="TQ958",
    name="amount-preposition",
    category="grammar",
    severity="minor",
    summary="`costs in average 60 crowns`, `will increase of 3%`: the source language's preposition before an amount.",
    flags=[
        "A pint costs [[in average]] 60 crowns in the capital.",
        "Households use, [[in average]], two cars.",
        "Rates will [[increase of]] 3% in April, and prices [[rose of]] 5 percent.",
    ],
    passes=[
        "A rise in average wages, a fall in average temperatures, and on average 60 crowns.",
        "An increase of 3% in April, and increases of 5 percent; the rates will increase by 3%.",
        "The ranks of the unemployed rose of late.",
    ],
)
def amount_preposition(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    `in average` before an amount or a comma (Czech *v průměru*, Spanish *en
    promedio*, Italian *in media*: English `on average`) and a verb of change with
    `of` before the amount (`will increase of 3%`, `rose of 5 percent`: French
    *augmenter de*, Italian *aumentare del*, Spanish *aumentar en*: English `by`).
    `a rise in average wages` and the noun `an increase of 3%` are English.

    ## Why it matters
    The preposition is the source language's; the English reader stumbles on it.

    ## Example
    ```
    Rates will increase of 3% in April.
    ```

    ## Use instead
    ```
    Rates will increase by 3% in April.
    ```
    """
    low = ctx.get(lowered)
    text = doc.text
    if "in average" in low:
        for m in _IN_AVERAGE.finditer(text):
            if not doc.in_quote(m.start()):
                yield Finding(*m.span("x"), "'in average': English says 'on average'", suggestion="on average")
    for m in _OF_AMOUNT.finditer(text):
        b = _CHANGE_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if b is None:
            continue
        s = b.start("x") if b.group("x") else b.start("y")
        if not doc.in_quote(s):
            yield Finding(s, m.end() - 1, f"'{text[s:m.end() - 1]}': English gives the amount of a change with 'by'")


# ---------------------------------------------------------------- since + present simple

# Verbs of a state or an ongoing activity that English puts in the present perfect with `since`
# (`who has directed the division since 2022`); MT from French, Spanish, German, Italian,
# Indonesian keeps the source's present (`who directs the division since 2022`).
_STATE_VERBS = (
    "direct run work live lead head manage chair coach train teach own occupy hold serve reside govern command "
    "operate study play represent employ exist remain stay last belong host organize organise control rent "
    "suffer wait lie sit stand"
)
_THIRD = {v: (v[:-1] + "ies" if v.endswith("y") and v[-2] not in "aeiou" else v + ("es" if v.endswith(("sh", "ch", "s", "x")) else "s"))
          for v in _STATE_VERBS.split()}
_THIRD.update({"lie": "lies", "have": "has"})
_SINCE = re.compile(
    r"\bsince (?:(?:1[89]|20)\d\d\b|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|last (?:year|month|week|season|summer|winter|spring|autumn)\b|the (?:beginning|start|end) of\b)"
)
_SINCE_STOP = frozenset(
    """
    has have had been 's was were did will would could should may might must ever first last only best worst most
    least time record high low up down more less than unchanged same next second third , ; : ( ) " and but
    """.split()
)
_STATE_FORMS = frozenset(_THIRD.values())
_PLURAL_SUBJECTS = frozenset("they we who that people".split())
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|\d+|[^\sA-Za-z\d]")


@rule(
    code="TQ959",
    name="since-present-simple",
    category="grammar",
    severity="minor",
    summary="`who directs the division since 2022`: a present-simple verb with `since` + a date (English: present perfect).",
    flags=[
        "Ms Roy, who [[directs the sales division since 2021]], presented the plan.",
        "The family [[runs a small hotel since 1975]].",
        "They [[live in the camp since May]].",
        "Mr Ortiz, who [[is the strong man of the party since 2018]], resigned.",
    ],
    passes=[
        "Ms Roy, who has directed the sales division since 2021, presented the plan.",
        "It is the first time since 2019 that the club lost at home.",
        "Inflation is at its highest since 2008, and prices are up 20% since January.",
        "He runs the shop, and since 2020 he has worked alone.",
        "The firm, which he runs, has grown since 2015; she lives in Rome, where she has worked since May.",
        "It is the biggest win since 1999 and the worst drought since records began.",
        "\"He runs the place since 2010,\" she said.",
    ],
)
def since_present_simple(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A present-simple verb of a state or an ongoing activity (`directs`, `runs`,
    `works`, `lives`, `is the head of`) in the same clause as `since` + a year, a
    month or `last year`: `who directs the division since 2022`, `runs a holiday flat
    since 1968`. French, Spanish, Italian, German and Indonesian use the present
    there; English needs the present perfect (`has directed ... since 2022`).

    Left alone: clauses with a perfect or a past verb, superlatives and records
    (`the highest since 2008`, `the first time since 2019`), `up`/`down` + amount,
    a `since` in another clause (after a comma or `and`), and quotations.

    ## Why it matters
    The tense is the source language's; English readers take it for a mistake.

    ## Example
    ```
    Ms Roy, who directs the sales division since 2021, presented the plan.
    ```

    ## Use instead
    ```
    Ms Roy, who has directed the sales division since 2021, presented the plan.
    ```
    """
    text = doc.text
    if "since " not in text:
        return
    for m in _SINCE.finditer(text):
        toks = list(_TOKEN_RE.finditer(text, max(0, m.start() - 90), m.start()))[-10:]
        verb = None
        for k in range(len(toks) - 1, -1, -1):
            w = toks[k].group()
            lw = w.lower()
            if lw in _SINCE_STOP or lw.endswith("est"):
                break
            if w in _STATE_FORMS or (w in _THIRD and k >= 1 and toks[k - 1].group().lower() in _PLURAL_SUBJECTS):
                verb = k
                break
            if w in ("is", "are", "am") and k + 1 < len(toks) and toks[k + 1].group() in ("the", "a", "an", "in", "at"):
                verb = k
                break
        if verb is None:
            continue
        s = toks[verb].start()
        e = m.end()
        if doc.in_quote(s):
            continue
        yield Finding(s, e, f"'{text[s:e]}': with 'since' + a date English uses the present perfect "
                      f"('has ...ed since'), not the present simple")


# ---------------------------------------------------------------- agreement

_THERE_IS = re.compile(r"\b[Tt]here (?P<v>is|was) (?P<q>no|many|several|numerous) (?P<n>[a-z]+)\b(?! of\b)")
_MUCH_OF = re.compile(r"\b(?P<x>[Mm]uch) of (?:the|these|those) (?P<a>[a-z]+)(?: (?P<b>[a-z]+))?\b(?!['\u2019-])")
# Plurals that English also counts as an amount (`much of the savings`).
_MASS_PLURALS = frozenset(
    """
    funds savings proceeds earnings profits revenues losses gains assets resources finances costs expenses goods
    remains contents damages taxes wages arms troops forces
    """.split()
)


@rule(
    code="TQ960",
    name="singular-with-plural",
    category="grammar",
    severity="minor",
    summary="`there is no fatalities`, `much of the secrets`: a singular verb or quantifier with a plural noun.",
    flags=[
        "Rescuers said that [[there is no fatalities]] so far.",
        "[[There was several reasons]] for the delay.",
        "The tomb keeps [[much]] of the secrets of the dynasty.",
    ],
    passes=[
        "There is no evidence, there was no news and there is no means of escape.",
        "There are no fatalities, and there were several reasons for the delay.",
        "Much of the savings went on rent, and much of the United States was cold.",
        "Much of the country's debt, much of the 1990s and much of the old town survived.",
        "Much of the comedy comes from the cast, and much of the arms trade is legal.",
        "\"There is no words for it,\" she said.",
        "He devotes so much of his speeches to biographies, and too much of their budgets to ads.",
        "How much of the profits were paid out, and as much of the reports as possible.",
    ],
)
def singular_with_plural(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    `there is` / `there was` + `no`, `many`, `several` + a plural noun (`there is no
    fatalities`), and `much of the` + a plural noun (`much of the secrets`, English
    `many of the secrets`). Languages without this distinction (Indonesian, Chinese,
    Arabic with its collective plurals, Turkish) let MT pick the wrong form.

    Left alone: nouns in -s that are singular or uncountable (`news`, `means`,
    `series`, `analysis`), amounts (`much of the savings`), a part of something
    owned (`much of his speeches`), `so/too/how/as much of` (a portion), names and
    quotations.

    ## Why it matters
    The agreement error is plain to an English reader.

    ## Example
    ```
    Rescuers said that there is no fatalities so far.
    ```

    ## Use instead
    ```
    Rescuers said that there are no fatalities so far.
    ```
    """
    text = doc.text
    low = ctx.get(lowered)
    if "there " in low:
        for m in _THERE_IS.finditer(text):
            if _plural(m.group("n")) and not doc.in_quote(m.start()):
                yield Finding(m.start(), m.end(), f"'{m.group()}': a plural noun needs 'there {'are' if m.group('v') == 'is' else 'were'}'")
    if "much of " in low:
        for m in _MUCH_OF.finditer(text):
            head, nxt = m.group("a"), m.group("b")
            if nxt and nxt not in _AFTER_HEAD:
                continue  # `much of the arms trade`, `much of the comedy comes`: not the head, or a verb
            if head in _FUNCTION or head in _MASS_PLURALS or not _plural(head) or doc.in_quote(m.start()):
                continue
            if text[max(0, m.start() - 4) : m.start()].lower() in ("so ", " so ", "too ", " how", "how ", " as ", "as "):
                continue  # `so much of his speeches`, `how much of the profits`: a portion
            yield Finding(*m.span("x"), f"'much of the {head}': a plural noun takes 'many'", suggestion="many")


# ---------------------------------------------------------------- comma + that as a relative

_COMMA_THAT = re.compile(r"(?P<np>(?<![\w'\u2019-])[A-Za-z][\w'\u2019-]*), (?P<x>that) (?P<v>[a-z]+)\b")
_NP_DETS = frozenset("the a an this its his her their our".split())
_THAT_VERBS = frozenset("is was has had will would can could represents".split())


@rule(
    code="TQ961",
    name="comma-that-relative",
    category="grammar",
    severity="minor",
    summary="`The association, that represents owners,`: `that` opening a non-restrictive relative clause after a comma.",
    flags=[
        "The guild, [[that]] represents bakers, opposed the plan.",
        "They met Tomas Berg, [[that]] leads the union.",
        "The Apartur guild, [[that]] represents bakers, opposed the plan.",
    ],
    passes=[
        "The guild, which represents bakers, opposed the plan.",
        "The mayor said, that is, the plan had failed, and the bill passed, that said.",
        "He was so tired, that he slept.",
        "She wanted to know, that was all, and the plan, that is to say the budget, stayed.",
        "In short, that leads nowhere, and the bill passed, that leads nowhere.",
    ],
)
def comma_that_relative(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A noun phrase, a comma and `that` + a verb: `The association, that represents
    owners,`, `Tomas Berg, that leads the union`. English opens a non-restrictive
    relative clause with `which` or `who`; Catalan, Spanish, French, Italian,
    Portuguese and German use one relative word for both, and MT renders it `that`.

    Left alone: `that is`, `that said`, `so ..., that`, a comma after a verb or an
    adverb, and quotations.

    ## Why it matters
    A `that` clause after a comma reads as a broken sentence to English readers.

    ## Example
    ```
    The guild, that represents bakers, opposed the plan.
    ```

    ## Use instead
    ```
    The guild, which represents bakers, opposed the plan.
    ```
    """
    text = doc.text
    if ", that " not in text:
        return
    for m in _COMMA_THAT.finditer(text):
        v = m.group("v")
        np = m.group("np")
        if not (v in _THAT_VERBS or (v.endswith("s") and not v.endswith(("ss", "us", "is")) and len(v) > 3)):
            continue
        if v == "is" and text[m.end() : m.end() + 1] in (",", " ") and text[m.end() : m.end() + 7] in (", ", " to say") \
                or v == "is" and text[m.end() : m.end() + 1] == ",":
            continue
        before = list(_WORDS_RE.finditer(text, max(0, m.start() - 30), m.start("np")))[-2:]
        if np[:1].isupper():
            # a name, not a sentence-opening word (`In short, that`)
            if not before or not (before[-1].group()[:1].isupper() or before[-1].group() in _NP_DETS | {"met", "and"}):
                if not before or text[before[-1].end() : m.start("np")].strip():
                    continue
                if before[-1].group().islower() and before[-1].group() not in ("met", "told", "visited", "and", "with", "by"):
                    continue
        else:
            if np in _FUNCTION or np.endswith("ly") or not before:
                continue
            # `the guild, that`, `The Apartur association, that`: a determiner (and a name) before the noun
            if before[-1].group().lower() not in _NP_DETS and not (
                    len(before) == 2 and before[-2].group().lower() in _NP_DETS and before[-1].group()[:1].isupper()):
                continue
        if doc.in_quote(m.start("x")):
            continue
        yield Finding(*m.span("x"), f"'{np}, that {v}': a relative clause after a comma opens with 'which' or 'who'",
                      suggestion="which")


# ---------------------------------------------------------------- present perfect with a finished time

_DAYS_MONTHS = ("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
                "|August|September|October|November|December")
_FINISHED_TIME = re.compile(
    r"\b(?:yesterday|the day before yesterday"
    rf"|last (?:night|week|weekend|month|year|season|summer|winter|spring|autumn|fall|{_DAYS_MONTHS})"
    r"|(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few) "
    r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?) ago"
    r"|between (?:19|20)\d\d and (?:19|20)\d\d)\b(?!['\u2019])"
)
# What ends the look-back: another clause, or a word that makes the time phrase a point of comparison
# or the start of a period (`since last year`, `up 5% on last year`, `than yesterday`).
_PERFECT_STOP = frozenset(
    """
    since until till from than on over with to versus vs of compared that which who when while because after before
    as if but and or where though although whereas unlike like during by for
    was were is are am did does do will would can could shall should may might must
    """.split()
)
_MODALS = frozenset("would could should might must may will shall to".split())
_PERFECT_AUX = frozenset("has have hasn't haven't hasn\u2019t haven\u2019t".split())
_PERFECT_ADVERBS = frozenset("already also just recently officially finally not never only now again since".split())
_IRREGULAR_PARTICIPLES = frozenset(
    """
    been done gone seen made taken given said told met held left won lost paid sent spent brought bought built kept
    found begun written shown known thrown grown chosen spoken broken fallen risen driven struck hit put set cut shut
    let read led fled sold become come run hurt arisen undertaken withdrawn drawn sworn torn worn flown sung rung
    stood understood forgotten got gotten heard felt dealt meant taught caught fought sought thought slept swept
    """.split()
)
_CLAUSE_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|[,;:.!?()\"\u201c\u201d]")


def _participle(word: str) -> bool:
    w = word.lower()
    return w in _IRREGULAR_PARTICIPLES or (len(w) > 3 and w.endswith(("ed", "en")))


@rule(
    code="TQ962",
    name="perfect-with-finished-time",
    category="grammar",
    severity="minor",
    summary="`has been approved yesterday`: the present perfect with a finished past time (English: the past simple).",
    flags=[
        "The city council [[has approved the budget yesterday]] after a long debate.",
        "Two climbers [[have been rescued last night]] on the north face.",
        "The company [[has announced three weeks ago]] that it would close the plant.",
        "He [[has led the institution between 2016 and 2020]].",
        "The minister [[has already resigned last Friday]].",
    ],
    passes=[
        "The city council approved the budget yesterday after a long debate.",
        "The museum has been closed since last year, and prices have risen 4% on last year.",
        "Sales have fallen compared with last year; the team has played better than last season.",
        "The vote has been moved from last Tuesday to next week.",
        "She has written two books. Yesterday she signed a third contract.",
        "The law, which was passed last year, has changed the market.",
        "He has a meeting with the mayor, who resigned yesterday.",
        "The report has been updated to reflect last year's figures.",
        "\"I have seen him yesterday,\" the witness insisted.",
        "It has been a year since the strike, and it has been three years since the flood.",
        "Membership has grown by a third in the last year and has doubled over the last month.",
        "Prices rose between 2016 and 2020, and the figure has not changed since 2019.",
        "A plan that would have closed the road was dropped last month; it should have opened two years ago.",
    ],
)
def perfect_with_finished_time(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    `has`/`have` + a past participle in the same clause as a finished past time:
    `yesterday`, `last night`, `last Friday`, `three weeks ago`, `between 2016 and
    2020`. Spanish, French,
    Italian, German and Dutch use their perfect (`ha sido aprobado ayer`, `a annoncé
    hier`, `hat gestern angekündigt`) where English needs the past simple.

    Left alone: `since`/`from`/`than`/`on`/`compared with` + the time (a period or a
    point of comparison: `closed since last year`, `up 4% on last year`), a time in
    another clause (after a comma, `and`, `who`, `which`...), `last year's`, `had`
    (the past perfect takes past times), and quotations.

    ## Why it matters
    English never combines the present perfect with a finished time; readers take
    it for a grammar mistake.

    ## Example
    ```
    The city council has approved the budget yesterday after a long debate.
    ```

    ## Use instead
    ```
    The city council approved the budget yesterday after a long debate.
    ```
    """
    if not _has(doc, ctx, ("yesterday", "last ", " ago", "between 19", "between 20")):
        return
    text = doc.text
    for m in _FINISHED_TIME.finditer(text):
        toks = list(_CLAUSE_TOKEN.finditer(text, max(0, m.start() - 120), m.start()))[-14:]
        if toks and toks[-1].group().lower() in ("the", "this", "in", "past", "over", "during", "within"):
            continue  # `in the last year`, `over the last month`: a period up to now, which the perfect takes
        for k in range(len(toks) - 1, -1, -1):
            w = toks[k].group()
            if not w[0].isalpha() or w.lower() in _PERFECT_STOP:
                break
            if w.lower() not in _PERFECT_AUX:
                continue
            j = k + 1
            while j < len(toks) and toks[j].group().lower() in _PERFECT_ADVERBS - {"since"}:
                j += 1
            modal = k > 0 and toks[k - 1].group().lower() in _MODALS  # `would have run`: not a present perfect
            if j < len(toks) and _participle(toks[j].group()) and not modal and not doc.in_quote(toks[k].start()):
                s = toks[k].start()
                yield Finding(s, m.end(), f"'{text[s:m.end()]}': the present perfect does not take a finished "
                              f"time like '{m.group()}'; English uses the past simple")
            break


# ---------------------------------------------------------------- `want that` + a clause

# `want that` + a subject: `that` is a conjunction here, since a demonstrative `that` takes no
# article, pronoun or `also` after it (`want that car` is English, `want that the cabinet` is not).
_WANT_THAT = re.compile(
    r"\b(?P<x>[Ww]ant(?:s|ed|ing)? that) (?=(?:the|a|an|his|her|their|our|its|my|your|we|he|she|they|you|I"
    r"|also|all|every|no|nobody|everyone|someone|people|this (?:government|cabinet|city|country))\b(?!['\u2019]))"
)


_WANT_WORDS = frozenset((b"want", b"wants", b"wanted", b"wanting"))


@rule(
    code="TQ963",
    name="want-that-clause",
    category="grammar",
    severity="minor",
    summary="`wants that the cabinet makes`, `they want that we fill`: `want` with a that-clause (English: want + object + to).",
    flags=[
        "The municipality [[wants that]] the cabinet makes extra money free.",
        "Then [[they want that]] we fill the stadium.",
        "The union welcomed the deal but [[wants that]] also the guarantee pension is raised.",
    ],
    passes=[
        "The municipality wants the cabinet to release extra money; they want us to fill the stadium.",
        "I want that car, and we wanted that outcome.",
        "The union asked that the pension be raised, and insisted that the state pay.",
        "\"We want that we are heard,\" she said.",
    ],
)
def want_that_clause(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    `want` + `that` + a clause: `wants that the cabinet makes`, `want that we
    fill`, `wants that also the pension is raised`. Spanish and Portuguese (*quiere
    que*), French (*veut que*), Italian, Dutch (*wil dat*), German (*will, dass*),
    Swedish (*vill att*) and the Slavic languages (*хочет, чтобы*) say it this way;
    English says `wants the cabinet to release`.

    Left alone: the demonstrative (`want that car`), `ask/insist/demand that`
    (English takes a that-clause there), quotations.

    ## Why it matters
    English `want` takes an object and an infinitive, never a that-clause.

    ## Example
    ```
    The municipality wants that the cabinet makes extra money free.
    ```

    ## Use instead
    ```
    The municipality wants the cabinet to make extra money available.
    ```
    """
    if not ctx.get(word_set) & _WANT_WORDS or not _has(doc, ctx, ("want that ", "wants that ", "wanted that ",
                                                                 "wanting that ")):
        return
    for m in _WANT_THAT.finditer(doc.text):
        s, e = m.span("x")
        if doc.in_quote(s):
            continue
        start = s
        pm = re.search(r"\b(?:they|we|I|you|he|she) $", doc.text[max(0, s - 6) : s])
        if pm:
            start = s - (len(pm.group()))
        yield Finding(start, e, f"'{doc.text[start:e]}': English 'want' takes an object and 'to' "
                      "('wants the cabinet to make'), not a that-clause")


# ---------------------------------------------------------------- `until ... not`

_UNTIL = re.compile(r"[Uu]ntil (?P<np>(?:(?:the|a|an|his|her|their|our|its) )?[A-Za-z][\w'\u2019-]*|he|she|they|we) "
                    r"(?P<neg>does not|do not|did not|will not|doesn't|don't|didn't|won't"
                    r"|doesn\u2019t|don\u2019t|didn\u2019t|won\u2019t) (?=[a-z])")
# Times after `until` (`until now ... did not`, `until 2020 the firm did not`): a preposition, not a clause.
_UNTIL_TIME = frozenset(
    """
    now then recently lately today yesterday tonight midnight noon dawn late early last this next the it you
    """.split()
)


@rule(
    code="TQ964",
    name="until-not",
    category="grammar",
    severity="minor",
    summary="`until the City does not stop the works`: a negation after `until` (Slavic *dok ne*, *пока не*).",
    flags=[
        "The protests will continue [[until the City does not stop]] the works.",
        "Farmers will stay on the road [[until the government does not meet]] their demands.",
        "We will not leave [[until they do not sign]] the agreement.",
    ],
    passes=[
        "The protests will continue until the city stops the works.",
        "It works until it doesn't, and you wait until you don't have to.",
        "Until now officials did not comment; until recently the firm did not pay taxes.",
        "Until 2020 the company did not publish its accounts.",
        "Not until the rain stopped did the game resume.",
    ],
)
def until_not(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    `until` + a subject + a negated verb: `until the City does not stop the
    works`, `until they do not sign`. Serbian, Croatian, Bosnian (*dok ne*),
    Russian and Ukrainian (*пока не*, *поки не*), Polish (*dopóki nie*), Czech
    (*dokud ne*) and Bulgarian (*докато не*) negate the verb after 'until'; the
    MT keeps the negation and the sentence says the opposite in English.

    Left alone: times after `until` (`until now officials did not comment`,
    `until 2020 the firm did not`), `it`/`you` (`it works until it doesn't`, an
    English idiom), quotations.

    ## Why it matters
    `until the city does not stop the works` reads as the reverse of what is
    meant: the protests go on until the city stops them.

    ## Example
    ```
    The protests will continue until the City does not stop the works.
    ```

    ## Use instead
    ```
    The protests will continue until the city stops the works.
    ```
    """
    if b"until" not in ctx.get(word_set):
        return
    low = ctx.get(lowered)
    text = doc.text
    i = low.find("until ")
    while i >= 0:
        m = _UNTIL.match(text, i)
        i = low.find("until ", i + 6)
        if m is None or (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")):
            continue
        first = m.group("np").split()[0].lower()
        head = m.group("np").split()[-1]
        if first in _UNTIL_TIME and first != "the" or head.lower() in _UNTIL_TIME or head[:1].isdigit():
            continue
        if first == "the" and head.lower() in ("end", "start", "beginning", "election", "war", "age", "time"):
            continue
        if re.search(r"\b[Nn]ot $", text[max(0, m.start() - 4) : m.start()]) or doc.in_quote(m.start()):
            continue
        e = m.end() - 1
        nxt = re.match(r"[a-z]+", text[m.end() :])
        if nxt:
            e = m.end() + nxt.end()
        yield Finding(m.start(), e, f"'{text[m.start():e]}': English does not negate the verb after 'until' "
                      "('until the city stops')")


# ---------------------------------------------------------------- verbs that need a preposition

# `did not comment the protest`, `which presides the Council`, `asked to both parties`: the source
# language's valency (French *commenter*, Serbian *komentarisati*, Spanish *pedir a*, *presidir*).
_COMMENT_THE = re.compile(
    r"\b(?:to|not|n't|n\u2019t|will|would|could|can|did|refused to|declined to) (?P<x>comment) "
    r"(?=(?:the|this|that|these|those|his|her|their|its)\b)"
    r"|\b(?P<p>presid(?:es|ed|e|ing)) (?=(?:the|a|an|this|its|their)\b)"
    r"|\b(?:[Ww]as|[Ww]ere|been|be|is|are) (?P<c>commented by)\b"
    r"|\b(?P<a>asked to) (?=(?:both|all|the|his|her|their) (?:parties|sides|delegations|governments|"
    r"authorities|citizens|residents|countries|members|negotiators|participants|population|public)\b)"
    r"|\b(?P<r>present in) (?=the (?:ceremony|meeting|session|funeral|celebration|conference|summit|rally|protest"
    r"|inauguration|match|concert|premiere|opening|hearing|trial)\b)"
)


_VALENCY_NEEDLES = {
    b"comment": ("comment ",), b"commented": ("commented by",), b"presides": ("presides ",),
    b"presided": ("presided ",), b"preside": ("preside ",), b"presiding": ("presiding ",),
    b"asked": ("asked to ",), b"present": ("present in the ",),
}
_VALENCY_WORDS = frozenset(_VALENCY_NEEDLES)


@rule(
    code="TQ965",
    name="verb-preposition",
    category="grammar",
    severity="minor",
    summary="`did not comment the protest`, `presides the Council`, `asked to both parties`: a source-language preposition.",
    flags=[
        "The president did not [[comment]] the protest in Kragujevac.",
        "Belgium, which [[presides]] the Council of the EU, plays a key role.",
        "The guarantor countries [[asked to]] both parties not to give up.",
        "The situation was [[commented by]] the deputy minister.",
        "Artists [[present in]] the ceremony applauded.",
    ],
    passes=[
        "The president did not comment on the protest; Belgium presides over the Council.",
        "The guarantors asked both parties to continue; she asked to see the file.",
        "\"It is a scandal,\" commented the mayor, and the post was commented on by many.",
        "She was asked to the prom, and he presided over the meeting.",
        "Those present at the ceremony applauded; the virus is present in the sample and in the meeting room.",
    ],
)
def verb_preposition(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Verbs with the source language's valency: `comment` with a direct object (`did
    not comment the protest`, `was commented by`; French *commenter*, Slavic
    *komentarisati*, *skomentować*), `preside` with a direct object (`presides
    the Council`; French *présider*, Spanish *presidir*), and `asked to` + the
    people asked (`asked to both parties`; Spanish and Portuguese *pedir a*,
    Italian *chiedere a*).

    Left alone: `comment on`, `preside over`, `asked to see`, the inverted
    attribution after a quotation (`," commented the mayor`), quotations.

    ## Why it matters
    English says `comment on`, `preside over` and `asked both parties`; the bare or
    added preposition reads as translated.

    ## Example
    ```
    The president did not comment the protest in Kragujevac.
    ```

    ## Use instead
    ```
    The president did not comment on the protest in Kragujevac.
    ```
    """
    present = ctx.get(word_set) & _VALENCY_WORDS
    if not present or not _has(doc, ctx, tuple(n for w in present for n in _VALENCY_NEEDLES[w])):
        return
    for m in _COMMENT_THE.finditer(doc.text):
        g = next(k for k in ("x", "p", "c", "a", "r") if m.group(k))
        s, e = m.span(g)
        if doc.in_quote(s):
            continue
        fix = f"{m.group('p')} over" if g == "p" else {"x": "comment on", "c": "commented on by", "a": "asked",
                                                          "r": "present at"}[g]
        yield Finding(s, e, f"'{m.group(g)}': English says '{fix}'", suggestion=fix)

