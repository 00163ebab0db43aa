"""People in an article: who is named, who is an organisation, who speaks, and what each pronoun refers to.

One shared analysis, ``people(doc, ctx) -> People``, computed once per document
through ``ctx.get(people)`` and read by the pronoun rules (TQ3xx) and the name rules
(TQ5xx, TQ601-609):

- **Capitalised runs.** One regular-expression pass finds capitalised words; words
  joined by a space or a name particle (``da``, ``von``, ``al-``) form a run. A run
  is classified as a *person* (a known first name followed by a surname:
  ``Aleksandr Lukashenko``; or a title and a surname: ``Mr Arslan``), an
  *organisation* (a cue word such as Institute, Ministry, Party, Council, Kremlin,
  an acronym, a known organisation, or an acronym introduced in parentheses after
  one: ``Institute for the Study of War (ISW)``), a *place* (the gazetteer), or an
  unknown *name*. Surname-only and first-name-only mentions are linked back to the
  full name (by an accent- and transliteration-folded key, so ``Zelensky`` links to
  ``Volodímir Zelenski``).
- **Common nouns** for people (``the spokesman``, ``the coach``, ``the actress``)
  and for organisations (``the company``, ``the ministry``, ``the report``). A bare
  noun takes the gender of the one person the article introduced with it
  (``President Claudia Sheinbaum`` ... ``the president``). Unknown names are typed by
  their context: a name the article elsewhere shows to be an organisation is one
  everywhere, a name after ``in``/``at`` or listed with a place is a place, a surname
  that is also a town (``Efraín Morales`` ... ``Morales said``) is the person.
- **Gender evidence** per person: the configuration (``[tool.tqcheck.names]``),
  titles (Mr, Mrs, Ms, Sir, Lady...), gendered nouns next to the name
  (``spokeswoman Maria Zakharova``, ``X, the actress``), the first name (shipped
  lists: ``names_first_world.tsv`` hand-written, ``names_first_ssa.tsv`` from US
  Social Security statistics; a first name that is also a word counts when it opens a
  name: ``Mark Rutte``, ``Marine Le Pen``), the surname of a public figure named
  alone (``names_public.tsv``: ``Prime Minister Meloni``), and the pronouns the
  article itself uses for the person where nobody else could be meant (majority
  vote). Conflicting evidence leaves the gender unknown: no evidence, no finding.
- **Quotes and speakers.** Quote spans (``Document.quotes``: straight, curly, guillemets, German), their
  attributions (``"...," she said``, ``said X``, ``X said``, ``X said: "..."``) and
  every reporting clause outside quotes (``Korkmaz said``).
- **Pronoun resolution.** For every ``he``/``she`` outside quotes (and ``according
  to him/her``): what it refers to, following news conventions. A continuation verb
  (``he added``) refers to the last speaker; an inverted attribution names the
  speaker after the verb (``she explained the director, Lorenzo Vitale``); an
  attribution after a statement of an organisation refers to it (``The institute
  warned... "...," he said``); otherwise the nearest person named outside quotes in
  the same or the two previous paragraphs, unless another person, a person noun or an
  unknown name there could be meant. A quote attributed with a pronoun in a paragraph
  whose speaker is a person refers to that speaker. A subject pronoun opening the
  sentence after an organisation's sentence refers to the organisation when nobody
  else could be meant in that paragraph and the one before.
- **Possessives.** ``his``/``her`` + noun (``her`` before a function word is an
  object and is skipped): the organisation that is the subject (``The Commission
  presented her proposal``), the subject a fronted ``For his part,`` / ``In his
  statement,`` introduces, or the person named just before, when nobody of the
  pronoun's gender is named in the paragraphs before.
- **Thing pronouns for people** (``thing_pronouns``): ``its`` before a noun only people
  have after a person and a verb (``Lula presented its government``), ``For its part,
  the prime minister``, ``, which`` after a person who is the subject, ``"...," it
  added`` after a person's quote; and ``, who`` after an institution (a resolution of
  kind ``org``).

Everything is linear in the text: a fixed number of regular-expression passes, and
per-mention work bounded by windows of a few hundred characters.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .. import lexicon
from ..segment import TOKEN_WORD_RE, WORD_RE, bounded_words, word_trie

if TYPE_CHECKING:
    from ..document import Document
    from ..rules.base import Context

# --------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------

MALE, FEMALE = "male", "female"
#: How far back (in characters) sentence-level look-ups reach: keeps every pronoun's work bounded,
#: so a pathological paragraph (no punctuation, thousands of names) stays linear.
LOOKBACK = 600
#: The longest capitalised run read as one name; longer runs are split.
MAX_RUN_WORDS = 8
OPPOSITE = {MALE: FEMALE, FEMALE: MALE}
PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE,
                  "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}

# Titles before a name; the gendered ones are evidence.
GENDERED_TITLES = {
    "mr": MALE, "mister": MALE, "sir": MALE, "lord": MALE, "king": MALE, "prince": MALE, "duke": MALE,
    "emperor": MALE, "pope": MALE, "monsieur": MALE, "m": MALE, "señor": MALE, "senor": MALE, "herr": MALE,
    "don": MALE, "father": MALE, "brother": MALE, "sheikh": MALE, "ayatollah": MALE, "cardinal": MALE,
    "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "madam": FEMALE, "madame": FEMALE, "mme": FEMALE,
    "mlle": FEMALE, "dame": FEMALE, "lady": FEMALE, "queen": FEMALE, "princess": FEMALE, "duchess": FEMALE,
    "empress": FEMALE, "señora": FEMALE, "senora": FEMALE, "frau": FEMALE, "sister": FEMALE, "sheikha": FEMALE,
    "dona": FEMALE, "senhora": FEMALE, "signora": FEMALE, "mademoiselle": FEMALE, "baroness": FEMALE,
    "countess": FEMALE, "begum": FEMALE, "senhor": MALE, "signor": MALE, "baron": MALE,
    # honorifics of other languages that MT leaves in place: Indonesian/Malay (Bapak, Pak, Ibu, Bu, Encik,
    # Datin), Persian (Agha, Khanum), Arabic (Sayyid, Sayyida), Indian (Shri, Smt), Greek, Dutch, Slavic,
    # royal and religious titles held by one sex. Not Datuk, Tun, -san, Rabbi, Bishop, Pastor: both sexes.
    "bapak": MALE, "pak": MALE, "ibu": FEMALE, "bu": FEMALE, "encik": MALE, "datin": FEMALE,
    "agha": MALE, "aqa": MALE, "khanum": FEMALE, "khanom": FEMALE, "khanim": FEMALE,
    "sayyid": MALE, "sayyida": FEMALE, "sayeda": FEMALE, "sayyidah": FEMALE, "hajjah": FEMALE,
    "shri": MALE, "shree": MALE, "smt": FEMALE, "shrimati": FEMALE, "kumari": FEMALE,
    "kyrios": MALE, "kyria": FEMALE, "meneer": MALE, "mevrouw": FEMALE, "gospodin": MALE, "gospozha": FEMALE,
    "signorina": FEMALE, "doña": FEMALE, "sra": FEMALE, "srta": FEMALE, "fr": MALE,
    "sultan": MALE, "sultana": FEMALE, "maharaja": MALE, "maharani": FEMALE, "rani": FEMALE, "tsar": MALE,
    "tsarina": FEMALE, "czar": MALE, "czarina": FEMALE, "infanta": FEMALE, "infante": MALE, "abbot": MALE,
    "abbess": FEMALE, "mullah": MALE, "mufti": MALE, "grand-duchess": FEMALE, "archduchess": FEMALE,
}
# Titles after a name (Turkish Hanım and Bey, Persian Khanum and Agha, Urdu Sahib; Japanese -san is
# written joined and has no gender).
GENDERED_POST_TITLES = {"hanım": FEMALE, "hanim": FEMALE, "hanum": FEMALE, "bey": MALE, "efendi": MALE,
                        "pasha": MALE, "khanum": FEMALE, "khanom": FEMALE, "khanim": FEMALE, "agha": MALE,
                        "sahib": MALE, "sahiba": FEMALE}
# Indonesian "Pak"/"Bu" are also a Korean surname (Pak Pong-ju) and a Chinese one (Bu): a title only before
# a name that is not a hyphenated Korean given name.
_SHORT_TITLES = frozenset({"pak", "bu"})
# Vietnamese names, surname first: a middle name Thi (Thị) marks a woman, Van (Văn) a man (Nguyen Thi Lan).
VIETNAMESE_SURNAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly trinh dinh truong mai luong "
    "lam ha quach cao doan la".split()
)
_VIETNAMESE_MIDDLE = {"thi": FEMALE, "thị": FEMALE, "van": MALE, "văn": MALE}
# Words that make a capitalised run a place or a building, not a person ("João Batista Cemetery").
PLACE_CUES = frozenset(
    "cemetery square street avenue road park bridge airport station stadium arena cathedral church hall tower "
    "gate mountain mountains river lake sea ocean island islands valley desert forest plaza piazza boulevard "
    "lane district province region county canal bay beach coast port harbour harbor peninsula strait gulf "
    "basilica mosque synagogue temple monastery castle fort camp prison".split()
)
# Party and movement adjectives ("Republican legislators", "Peronist deputies"): like demonyms, not names.
PARTY_WORDS = frozenset(
    "republican republicans democrat democrats democratic conservative conservatives tory tories labour liberal "
    "liberals socialist socialists communist communists greens peronist peronists chavista chavistas "
    "bolsonarista bolsonaristas kirchnerist kirchnerists gaullist gaullists catholic protestant "
    "evangelical muslim jewish sunni shiite shia orthodox islamist islamists zionist zionists".split()
)
_PARTY_TITLE = frozenset(w.capitalize() for w in PARTY_WORDS)
_INITIALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Capitalised words that are never people.
NON_PERSON = frozenset(
    "earth moon sun mars god allah christmas easter ramadan hanukkah eid internet web covid covid-19 "
    "brexit euro euros dollar dollars olympics parliament celsius fahrenheit kelvin richter monday tuesday "
    "wednesday thursday friday saturday sunday january february march april june july august september "
    "october november december bitcoin".split()
)
TITLES = frozenset(GENDERED_TITLES) | frozenset(
    "dr prof professor president vice prime minister deputy secretary chancellor premier governor mayor senator "
    "sen rep representative congressman congresswoman general gen colonel col major maj lieutenant lt captain capt "
    "commander admiral sergeant sgt judge justice attorney ambassador envoy spokesman spokeswoman spokesperson "
    "chief director chairman chairwoman chair head leader coach manager minister-president first foreign defence "
    "defense interior finance economy health justice agriculture culture education transport energy labour labor "
    "trade environment home state assistant acting former late then new ex former opposition house speaker "
    "councillor councilor commissioner president-elect rabbi imam bishop archbishop reverend rev father saint st "
    "officer inspector detective superintendent constable agent analyst economist author writer editor professor "
    "dean rector economics affairs public political party general-secretary secretary-general director-general "
    "mp mep minister-counsellor crown grand archduke marshal field brigadier corporal private sheikh emir".split()
)

# Cue words that make a capitalised run an organisation (brief: Institute, Ministry, Party, ...).
ORG_CUES = frozenset(
    "institute institution ministry party council government kremlin commission bank university agency army "
    "court union committee organization organisation association federation department office service services "
    "forces force corporation company group inc ltd llc plc co corp foundation parliament congress senate assembly "
    "police navy fund center centre network news times post daily journal herald tribune gazette press agency "
    "authority board bureau church club airlines airways motors industries holdings partners capital media "
    "television radio channel studio studios league federation cabinet executive presidency secretariat "
    "directorate prosecutor's prosecutors inspectorate observatory academy school college hospital clinic "
    "museum library council tribunal chamber commission alliance coalition front movement brigade battalion "
    "regiment division command guard guards directorate embassy consulate mission delegation secretariat "
    "house palace pentagon reserve treasury exchange market markets fc cf sc ac united city athletic "
    "sporting rovers wanderers report study survey review think-tank system systems telecom energy oil gas "
    "petroleum railways railway rail group's confederation employers confederación "
    # sports clubs: "Real Madrid", "Atlético", "Olympique Lyonnais", "Borussia Dortmund", "Dinamo Zagreb"
    "real atlético atletico olympique borussia dynamo dinamo inter racing deportivo "
    # a foreign organisation's name kept untranslated opens with its own cue word: "Electricité du Liban",
    # "Société Générale", "Caisse des Dépôts", "Banco Sabadell", "Deutsche Bahn Stiftung"
    "électricité electricité société societe compagnie banque caisse régie agence groupe sociedad compañía "
    "empresa banco instituto istituto azienda companhia gesellschaft stiftung verein".split()
)
# Organisations English news names without a cue word.
KNOWN_ORGS = frozenset(
    "kremlin pentagon hamas hezbollah hizbollah taliban isis daesh wagner gazprom rosneft rosatom roscosmos "
    "roskosmos lukoil sberbank aeroflot volkswagen siemens bosch bayer basf mercedes bmw audi porsche airbus "
    "boeing apple google alphabet meta amazon microsoft tesla twitter facebook instagram whatsapp telegram "
    "youtube tiktok netflix reuters bloomberg interfax tass ria xinhua europol interpol frontex eurostat fatah "
    "likud vox podemos sumar junts morena renault peugeot stellantis fiat ferrari nestlé nestle unilever shell "
    "bp exxon chevron totalenergies petrobras pemex vale embraer samsung huawei xiaomi alibaba tencent baidu "
    "toyota nissan honda hyundai sony nintendo uber airbnb spotify openai nvidia intel amd ibm oracle "
    "vatican saint-germain sncf snam eni enel iberdrola repsol telefónica telefonica inditex zara santander bbva "
    "opec nato unesco unicef fifa uefa ioc who greenpeace oxfam "
    # airlines, carmakers, banks, retailers, unions, parties and parliaments English names without a cue word
    "lufthansa ryanair easyjet vueling alitalia klm aeromexico avianca latam "
    "etihad volvo skoda citroen opel daimler thyssenkrupp rheinmetall "
    "allianz commerzbank unicredit intesa bnp axa sanofi lvmh kering carrefour danone michelin edf engie "
    "vodafone ericsson nokia ikea lidl aldi ferrovial acciona "
    "dgb cgt cfdt ugt ccoo cisl uil cgil psoe cdu csu spd fdp afd bsw lega m5s "
    "bundestag bundesrat bundesbank bundeswehr knesset duma rada sejm congreso senado "
    "conagua pemex cfe petrobras eletrobras bndes inpe ibama embrapa ypf codelco ecopetrol "
    "juventus benfica barça osasuna betis fiorentina lazio".split()
)
# Common nouns for organisations and documents: "he adds" after "the report says" is wrong.
ORG_NOUNS = frozenset(
    "company group ministry institute institution agency committee government council court party union report "
    "study survey organisation organization association federation commission firm corporation bank club "
    "board authority department office service bureau executive administration cabinet parliament congress "
    "senate assembly army navy military police regulator watchdog tribunal foundation charity network newspaper "
    "broadcaster channel think-tank prosecutor's document statement communiqué communique declaration "
    "manufacturer carmaker automaker airline insurer retailer operator conglomerate consortium alliance "
    "coalition opposition junta regime kremlin embassy university school hospital museum league team "
    "federation secretariat directorate presidency ministry's company's group's tank confederation".split()
)
# Nouns for people (a singular one may be what "he" or "she" refers to); gendered ones with their gender.
PERSON_NOUNS: dict[str, str | None] = {w: None for w in (
    "president minister spokesperson official leader chief head director secretary chair governor mayor "
    "ambassador lawyer attorney prosecutor judge coach manager analyst expert economist researcher scientist "
    "professor author writer journalist reporter editor doctor teacher activist candidate deputy senator lawmaker "
    "legislator commander general officer soldier witness victim suspect defendant driver resident owner founder "
    "executive ceo chancellor premier player striker goalkeeper captain star counterpart predecessor successor "
    "colleague partner friend neighbour neighbor pope bishop envoy diplomat negotiator mediator adviser advisor "
    "aide strategist commentator historian campaigner protester farmer worker nurse patient student pilot "
    "astronaut cosmonaut composer artist designer photographer curator politician dictator autocrat ruler "
    "monarch singer musician actor-director filmmaker director-general secretary-general chairperson "
    "spouse child parent president-elect prime-minister councillor councilor commissioner inspector detective "
    "rabbi imam priest cleric chef owner-manager entrepreneur investor banker trader broker consultant "
    "engineer architect lecturer scholar critic survivor hostage prisoner detainee migrant refugee citizen "
    "voter fan supporter person individual official spokesperson referee defender midfielder forward "
    "winger coach trainer athlete champion runner cyclist swimmer boxer tennis-player veteran novelist poet "
    "playwright economist sociologist psychologist psychiatrist surgeon physician dentist pharmacist "
    "governor-general head-of-state whistleblower mogul tycoon magnate billionaire millionaire heir boss "
    "employee employer contractor builder owner landlord tenant magistrate rapporteur presenter "
    "novelist lyricist pianist guitarist singer-songwriter"
).split()}
PERSON_NOUNS.update({w: MALE for w in (
    "man businessman spokesman chairman congressman councilman sportsman nephew uncle grandfather grandson "
    "father son brother husband boyfriend boy gentleman monk widower emperor king prince duke lord actor "
    "waiter steward godfather stepfather stepson fiancé fiance sir monsieur policeman fireman fisherman "
    "cameraman frontman kingpin patriarch"
).split()})
PERSON_NOUNS.update({w: FEMALE for w in (
    "woman businesswoman spokeswoman chairwoman congresswoman councilwoman sportswoman niece aunt grandmother "
    "granddaughter mother daughter sister wife girlfriend girl lady nun widow empress queen princess duchess "
    "actress waitress stewardess hostess heiress godmother stepmother stepdaughter fiancée fiancee madam "
    "policewoman matriarch first-lady"
).split()})
SPEECH_VERBS = frozenset(
    "said says say told tells added adds stated states explained explains noted notes stressed stresses "
    "emphasized emphasised emphasizes emphasises insisted insists warned warns wrote writes asked asks "
    "replied replies continued continues concluded concludes declared declares argued argues claimed claims "
    "remarked remarks recalled recalls acknowledged acknowledges admitted admits announced announces "
    "commented comments observed observes suggested suggests assured assures affirmed affirms highlighted "
    "highlights underlined underlines indicated indicates maintained maintains tweeted posted reported reports "
    "confirmed confirms denied denies pointed points specified specifies estimated estimates believes believed "
    "considered considers predicted predicts recognised recognized admitted underscored underscores "
    "reiterated reiterates lamented laments complained complains criticised criticized praised urged urges "
    "cautioned cautions predicted revealed reveals disclosed discloses ironized ironised joked jokes "
    "assured assures guaranteed guarantees conceded concedes answered answers responded responds "
    "summarised summarized summarises summarizes mentioned mentions detailed details opined clarified clarifies".split()
)
CONTINUATION_VERBS = frozenset("added adds continued continues concluded concludes went goes".split())
# Words after which a capitalised name is a new clause's subject (for duplicated subjects).
SUBORDINATORS = frozenset(
    "where when whenever while because although though whereas and but that so if unless once until "
    "since whereby which".split()
)
AUX = frozenset(
    "has have had is was are were will would can could shall should may might must did does do "
    "has't hasn't hadn't isn't wasn't won't wouldn't can't couldn't didn't doesn't".split()
)
NOT_VERBS_S = frozenset(
    "his this thus always perhaps nevertheless sometimes afterwards whereas is was has does its us yes "
    "unless besides less across towards upwards downwards regardless".split()
)
ADVERBS = frozenset(
    "also then still already never always again now later only even just once previously recently "
    "reportedly allegedly personally himself herself itself themselves".split()
)
NAME_GAPS = frozenset(
    [" "] + [f" {p} " for p in "de da do dos das del della di du des van von der den ter ten bin ibn ben "
             "abu al el la le y".split()]
    + [" de la ", " van der ", " van den ", " von der ", " de los ", " de las ", " al-", " el-", " bin-",
       " ad-", " as-", " ash-", " an-", " at-", " az-"]
)
_LONGEST_NAME_GAP = max(map(len, NAME_GAPS))
ORG_GAPS = frozenset(
    " of | for | for the | of the | and | and the | de | d'| del | della | des | du | für ".split("|")
)
# Capitalised words that never belong to a name (sentence-initial pronouns and function words).
_NOT_NAME_WORDS = frozenset(
    "I It He She They We You His Her Its Their Our My Your Him Them Us Me This That These Those And But Or "
    "Nor So Yet If When While As Although Though Because Since After Before Until Where Whether Which Who "
    "Whom Whose What Why How In On At Of For To With By From Into Onto About Against Between Among Through "
    "During Without Within Not No Yes Also Then There Here".split()
)

# --------------------------------------------------------------------------------------
# Regular expressions (all linear: no nested quantifiers)
# --------------------------------------------------------------------------------------

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0391-\u03a9\u0410-\u042f"
_CAP_WORD = re.compile(rf"[{_UPPER}][\w'\u2019\-]*")
_ALNUM = re.compile(r"[^\W_]")
_ACRONYM_AFTER = re.compile(r"\s*\((?P<a>[^\W\d_][\w\-]{1,15})\)")
_NEXT_WORDS = re.compile(r"[\w'\u2019\-]+|[^\w\s]")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_NEXT_LOWER = re.compile(r"[ \t]+([a-z][a-z\-]+)")
MODIFIER_NOUNS = frozenset(
    "employee student worker citizen voter fan farmer patient migrant refugee player driver resident owner "
    "investor teacher nurse doctor soldier officer police victim hostage prisoner consumer union party "
    "opposition government staff parent child".split()
)
_PLACE_OF = re.compile(
    r"\b(?:hamlet|village|town|city|municipality|commune|district|province|region|county|state|department|island"
    r"|suburb|neighbourhood|neighborhood|borough|parish|port|outskirts|streets)[ \t]+of[ \t]+$"
)
_PREV_WORD = re.compile(r"(?P<w>[\w\-]+)[ \t]+$")
_APPOSITION = re.compile(r"\s?,\s+(?:the|a|an|who is|who was)\s+([^,;:.!?\"\u201c\u201d()]{1,80})")


# Kinship nouns that MT from Vietnamese (em, anh, chị), Korean and Chinese renders as a title before a
# name ("Younger brother Nguyen Thi Thu" for "em Thu"): no evidence against a hand-checked first name.
_KIN_TITLES = frozenset("brother sister uncle aunt son daughter nephew niece grandfather grandmother".split())


_PRONOUN_FORMS = ("he", "she", "his", "him", "her", "hers", "himself", "herself")
_NOUN_WORDS = sorted({w for w in (*PERSON_NOUNS, *ORG_NOUNS) if "'" not in w}
                     | set(_PRONOUN_FORMS) | {w.capitalize() for w in _PRONOUN_FORMS})
# the look-ahead on the words' first letters spares the trie's many branches at most word boundaries
_NOUNS = re.compile(
    r"\b(?=[" + re.escape("".join(sorted({w[0] for w in _NOUN_WORDS}))) + r"])(?P<w>" + word_trie(_NOUN_WORDS) + r")\b"
)

# --------------------------------------------------------------------------------------
# Lexicon access
# --------------------------------------------------------------------------------------


@cache
def fold(s: str) -> str:
    """Lowercase and strip accents (``Volodímir`` -> ``volodimir``)."""
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c)).replace("ß", "ss").replace("ł", "l").replace("ı", "i")


_SKEL_SUBS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"))
_SKEL_RULES = (("kh", "h"), ("ks", "x"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("y", "i"), ("j", "i"),
               ("c", "k"), ("q", "k"), ("z", "s"))


@cache
def skeleton(name: str) -> str:
    """A key under which transliteration variants of a name coincide.

    ``Zelensky``, ``Zelenski``, ``Zelenskiy`` and ``Zelenskyy`` give ``selenski``;
    ``Krämer``/``Kraemer``, ``Moreira``/``Moreyra``, ``Roscosmos``/``Roskosmos``,
    ``Netanyahu``/``Netaniahu`` coincide too.
    """
    s = name.lower()
    for a, b in _SKEL_SUBS:
        s = s.replace(a, b)
    s = fold(s)
    s = "".join(c for c in s if c.isalpha())
    if s.startswith("hr"):
        s = "g" + s[1:]  # Ukrainian Hrytsenko, Russian Gritsenko: one letter, transliterated two ways
    for a, b in _SKEL_RULES:
        s = s.replace(a, b)
    out = []
    for c in s:  # collapse doubled letters (Zelenskyy, Netanyyahu)
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _given_rows(fname: str):
    """(given name, gender) rows of a names file; Korean hyphenated names also joined (Go-eun, Goeun)."""
    for row in lexicon.table(fname):
        if len(row) >= 2 and row[1] in ("m", "f", "u"):
            yield row[0], row[1]
            if "-" in row[0] and fname == "names_east_asian.tsv":
                yield row[0].replace("-", ""), row[1]


@cache
def first_names() -> dict[str, str]:
    """First name (lowercase, and accent-folded) -> ``m``, ``f`` or ``u``; the world list wins."""
    exact: dict[str, str] = {}
    for fname in ("names_first_ssa.tsv", "names_east_asian.tsv", "names_first_world.tsv"):
        for name, g in _given_rows(fname):
            exact[name.lower()] = g
    folded: dict[str, str] = {}
    for name, g in exact.items():
        f = fold(name)
        if f != name:
            folded[f] = g if folded.get(f, g) == g else "u"
    out = dict(folded)
    out.update(exact)
    return out


@cache
def chinese_names() -> dict[str, dict[str, str]]:
    """Pinyin name -> {"s": "s"} for a surname and/or {"given": "m"|"f"}, from ``names_chinese.tsv``."""
    out: dict[str, dict[str, str]] = {}
    for fname in ("names_chinese.tsv", "names_east_asian.tsv"):  # Korean and Japanese surnames read alike
        for row in lexicon.table(fname):
            if len(row) >= 2:
                out.setdefault(row[0], {})["s" if row[1] == "s" else "given"] = row[1]
                if "-" in row[0] and row[1] != "s":
                    out.setdefault(row[0].replace("-", ""), {})["given"] = row[1]
    return out


@cache
def curated_first_names() -> frozenset[str]:
    """Accent-folded given names from the hand-written lists (world, Korean/Japanese, Chinese): their gender
    is checked by hand, so it outweighs the article's own pronouns (US birth statistics alone do not)."""
    out = set()
    for fname in ("names_first_world.tsv", "names_east_asian.tsv", "names_chinese.tsv"):
        for name, g in _given_rows(fname):
            if g in ("m", "f"):
                out.add(fold(name))
    return frozenset(out)


@cache
def public_figures() -> dict[str, tuple[str, str, str]]:
    """Skeleton of a public figure's surname -> (English spelling, gender, who), from ``names_public.tsv``."""
    out: dict[str, tuple[str, str, str]] = {}
    for row in lexicon.table("names_public.tsv"):
        if len(row) >= 2 and row[1] in ("m", "f"):
            out[skeleton(row[0])] = (row[0], MALE if row[1] == "m" else FEMALE, row[2] if len(row) > 2 else row[0])
    return out


@cache
def first_name_skeletons() -> dict[str, str]:
    """Skeleton -> the world list's spelling, for names the world list writes without accents."""
    out: dict[str, str] = {}
    seen: dict[str, set[str]] = {}
    for row in lexicon.table("names_first_world.tsv"):
        name = row[0]
        if fold(name) == name.lower():
            seen.setdefault(skeleton(name), set()).add(name)
    for sk, names in seen.items():
        if len(names) == 1:
            out[sk] = next(iter(names))
    return out


def first_name_gender(word: str) -> str | None:
    """``m``, ``f``, ``u`` for a known first name, else None."""
    names = first_names()
    low = word.lower()
    g = names.get(low)
    if g is None:
        g = names.get(fold(word))
    if g is None and "-" in word:  # Jean-Luc, Anna-Lena: the first part decides if the whole is unknown
        head = word.split("-")[0]
        g = names.get(head.lower())
        if g is not None and head.lower() in ("jean", "marie") and len(word.split("-")) > 1:
            g = names.get(word.split("-")[1].lower(), g)
    if g is None:
        sk = first_name_skeletons().get(skeleton(word))
        if sk is not None and len(word) >= 5:
            g = names.get(sk.lower())
    return g


@cache
def _geo():
    try:
        from ..lexicon import geo
        geo.place("kyiv")
        return geo
    except Exception:  # the gazetteer is optional: without it nothing is a place
        return None


@cache
def _words():
    try:
        from ..lexicon import words
        words.is_ordinary_lowercase("the")
        return words
    except Exception:
        return None


_FALLBACK_COMMON = frozenset(
    "the a an this that these those his her its their our my your in on at after before when while as if "
    "although however meanwhile but and so yet for with by from to of it he she they we i you there here "
    "today yesterday now then still also last next some many most several both all each every no not".split()
)


@cache
def is_common_word(word: str) -> bool:
    """Ordinary lowercase English (``Still``, ``However``, ``Will``, ``Mark``): not a name by itself."""
    w = _words()
    low = word.lower()
    if low in _FALLBACK_COMMON:
        return True
    return bool(w and w.is_ordinary_lowercase(low) and w.zipf(low) >= 3.0)


@cache
def place_kind(key: str) -> str | None:
    geo = _geo()
    if geo is None:
        return None
    p = geo.place(key)
    if p is None:
        p = geo.place(fold(key))
    return None if p is None else p.kind


# --------------------------------------------------------------------------------------
# Data model
# --------------------------------------------------------------------------------------


class Mention(NamedTuple):
    start: int
    end: int
    kind: str  # person | org | place | name | role (person noun) | orgnoun | thing
    person: int  # index into People.persons; -1 none; -2 ambiguous (two people share the name)
    gender: str | None  # gender carried by the mention itself (spokeswoman, Mr)
    quoted: bool  # inside a quotation
    text: str


@dataclass
class Person:
    name: str  # the fullest form seen: "Aleksandr Lukashenko"
    first: str | None
    surname: str
    gender: str | None = None
    evidence: list[str] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)  # indices into People.mentions
    config: bool = False

    def describe(self) -> str:
        g = {MALE: "a man", FEMALE: "a woman"}.get(self.gender or "", "of unknown gender")
        ev = "; ".join(self.evidence[:3])
        return f"{self.name}, {g}" + (f" ({ev})" if ev else "")


@dataclass
class Speaker:
    start: int  # span of the speaker phrase
    end: int
    kind: str  # person | org | role | pronoun | unknown
    person: int = -1
    label: str = ""
    gender: str | None = None


@dataclass
class Attribution:
    quote: tuple[int, int]
    speaker: Speaker
    verb: str
    pronoun: tuple[int, int] | None = None  # "she" in '"...," she said'
    after: bool = True  # attribution after the quote (else before)


@dataclass
class Resolution:
    """What a ``he``/``she`` outside quotes refers to."""

    start: int
    end: int
    pronoun: str  # "he" | "she" (also for "according to her")
    gender: str
    kind: str | None = None  # person | org | None (unresolved)
    person: int = -1
    label: str = ""  # the organisation or speaker phrase, for messages
    how: str = ""  # continuation | cataphora | statement | sentence | sandwich | nearest
    verb: str = ""
    referent_gender: str | None = None  # for an unnamed referent ("a 67-year-old woman"): its gender


@dataclass(slots=True)
class Run:
    start: int
    end: int
    words: list[tuple[int, int, str]]
    kind: str = "name"
    headline: bool = False
    sentence_start: bool = False


@dataclass
class People:
    persons: list[Person]
    mentions: list[Mention]
    runs: list[Run]
    quotes: list[tuple[int, int]]
    attributions: list[Attribution]
    speakers: list[Speaker]  # every speaker event (quote attribution or reporting clause), by position
    resolutions: list[Resolution]
    headline_paragraphs: frozenset[int]
    _mention_starts: list[int] = field(default_factory=list, repr=False)
    _attr_starts: list[int] = field(default_factory=list, repr=False)
    _doc: Document | None = field(default=None, repr=False)
    _unquoted: list[Mention] = field(default_factory=list, repr=False)  # the mentions outside quotations
    _unquoted_starts: list[int] = field(default_factory=list, repr=False)
    #: ``its``/``which``/``it`` used for a person (kind "person", pronoun "its"/"which"/"it")
    thing_pronouns: list[Resolution] = field(default_factory=list)
    _run_starts: list[int] = field(default_factory=list, repr=False)
    _res_by_start: dict[int, Resolution] = field(default_factory=dict, repr=False)
    #: paragraphs that are page furniture between paragraphs: "Read also: ...", "SEE ALSO: ..."
    aside_paragraphs: frozenset[int] = frozenset()

    def in_quote(self, offset: int) -> bool:
        return self._doc.in_quote(offset)

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        lo = bisect_left(self._mention_starts, start)
        hi = bisect_left(self._mention_starts, end)
        return self.mentions[lo:hi]

    def unquoted_between(self, start: int, end: int) -> list[Mention]:
        """The mentions outside quotations that start in [start, end)."""
        lo = bisect_left(self._unquoted_starts, start)
        hi = bisect_left(self._unquoted_starts, end)
        return self._unquoted[lo:hi]

    def person_gender(self, m: Mention) -> str | None:
        if m.kind == "person" and m.person >= 0:
            return self.persons[m.person].gender
        return m.gender


# --------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------


def _possessive(w: str) -> bool:
    return w.endswith(("'s", "\u2019s", "'", "\u2019"))


def _strip_possessive(w: str) -> str:
    if w.endswith(("'s", "\u2019s")):
        return w[:-2]
    if w.endswith(("'", "\u2019")):
        return w[:-1]
    return w


# --------------------------------------------------------------------------------------
# The analysis
# --------------------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def _classify(words: tuple[str, ...], gaps: tuple[str, ...], sentence_start: bool) -> tuple:
    """How to read a capitalised run; pure and memoised, since names repeat across an article and a batch.

    Returns (front, back, run kind, mention kind, i0, i1, first name, title gender, title,
    first-name gender, sentence start): drop ``front`` words before and ``back`` after; the
    mention covers words[i0:i1] of what is left.
    """
    n = len(words)
    front = 0
    if sentence_start and (is_common_word(words[0]) and first_name_gender(words[0]) is None
                           and not (n > 1 and words[0].rstrip(".").lower() in GENDERED_TITLES)
                           or words[0] in ("The", "A", "An")):
        front = 1
        sentence_start = False
    while front < n and words[front] in ("The", "A", "An"):
        front += 1
        sentence_start = False
    if front >= n:
        return (0, 0, "none", None, 0, 0, None, None, None, None, sentence_start)
    ws = words[front:]
    gs = gaps[front:]
    m = len(ws)
    if m == 1:  # most runs are one word
        w = ws[0]
        low = _strip_possessive(w).lower()
        kind = place_kind(low)
        if kind is not None:
            if kind in ("demonym", "language", "day", "month"):
                return (front, 0, "none", None, 0, 0, None, None, None, None, sentence_start)
            return (front, 0, "place", "place", 0, 1, None, None, None, None, sentence_start)
        if low in ORG_CUES or low in KNOWN_ORGS or (w.isupper() and len(w) >= 2):
            return (front, 0, "org", "org", 0, 1, None, None, None, None, sentence_start)
        if low in NON_PERSON:
            return (front, 0, "thing", "thing", 0, 1, None, None, None, None, sentence_start)
        if low.rstrip(".") in TITLES:
            return (front, 0, "role", "role", 0, 1, None, GENDERED_TITLES.get(low.rstrip(".")), None, None,
                    sentence_start)
        return (front, 0, "name", "name", 0, 1, None, None, None, None, sentence_start)
    lows = [_strip_possessive(w).lower() for w in ws]
    span = ws[0] + "".join(g + w for g, w in zip(gs, ws[1:]))
    kind = place_kind(_strip_possessive(span).lower())
    if kind is None and any(x in PLACE_CUES for x in lows):
        return (front, 0, "thing", "thing", 0, m, None, None, None, None, sentence_start)
    if kind is not None:
        if kind in ("demonym", "language", "day", "month"):
            return (front, 0, "none", None, 0, 0, None, None, None, None, sentence_start)
        return (front, 0, "place", "place", 0, m, None, None, None, None, sentence_start)
    # titles before an East Asian or Vietnamese name: "President Lee Jae-myung", "Governor Koike Yuriko"
    k = 0
    while k < m - 2 and lows[k].rstrip(".") in TITLES:
        k += 1
    if m - k == 2:
        cn = chinese_names()
        cg = cn.get(ws[k + 1], {}).get("given") if "s" in cn.get(ws[k], {}) else None
        if cg is not None:  # "Chen Guoqiang", "Kim Go-eun", "Koike Yuriko": the surname, then the given name
            tg = GENDERED_TITLES.get(lows[k - 1].rstrip(".")) if k else None
            return (front, 0, "person", "person", k, m, ws[k + 1], tg, ws[k - 1] if tg else None, cg,
                    sentence_start)
    elif m - k >= 3 and lows[k] in VIETNAMESE_SURNAMES and lows[k + 1] in _VIETNAMESE_MIDDLE and \
            m - k <= 4 and not any(x in ORG_CUES or x in KNOWN_ORGS for x in lows):
        # "Nguyen Thi Lan", "Pham Van Dong": Thi marks a woman, Van a man
        vg = _VIETNAMESE_MIDDLE[lows[k + 1]]
        return (front, 0, "person", "person", k, m, ws[k + 1], None, None, "m" if vg == MALE else "f",
                sentence_start)
    back = 0
    post = GENDERED_POST_TITLES.get(lows[-1])
    if post:
        back = 1
        ws, lows = ws[:-1], lows[:-1]
        m -= 1
    title_gender, title = post, None
    person_at = -1
    org = False
    unknown_first = -9
    for i, w in enumerate(ws):
        low = lows[i].rstrip(".")
        if low in GENDERED_TITLES and w[:1].isupper() and i < m - 1 and not (
                low in _SHORT_TITLES and (not w.istitle() or "-" in ws[i + 1])):
            title_gender, title = GENDERED_TITLES[low], w
            continue
        if low in ORG_CUES or low in KNOWN_ORGS or (w.isupper() and len(w) >= 2 and place_kind(low) is None):
            org = True
            continue
        if low in TITLES or i == m - 1 or m - i > 5:
            continue
        pk = place_kind(low)
        if pk is not None and (pk not in ("city", "other") or first_name_gender(w) not in ("m", "f")):
            continue
        if is_common_word(w) and (i > 0 or sentence_start) and not _common_first_name(ws, lows, i):
            continue
        if low in _PARTICLE_NOT_FIRST:
            continue  # "La Moncloa", "De Gaulle", "Della Valle": a particle, not a first name
        if first_name_gender(w) is None:
            unknown_first = i  # "Dr. Fathia Abdel Rahman": the known name after it is not the first name
            continue
        rest = lows[i + 1:]
        if any(x in ORG_CUES or x in TITLES or x in KNOWN_ORGS for x in rest):
            continue
        tail = ws[i] + "".join(g + x for g, x in zip(gs[i:], ws[i + 1:]))
        if place_kind(_strip_possessive(tail).lower()):
            continue
        if is_common_word(w) and all(is_common_word(x) for x in rest) and not (
                len(rest) > 1 and rest[0] in _SURNAME_PARTICLES):
            continue  # "Early Warning", "Grant Park": ordinary words, not a name (but "Marine Le Pen")
        person_at = i
        break
    if person_at >= 0:
        first = ws[person_at]
        return (front, back, "person", "person", person_at, m, first, title_gender, title,
                None if unknown_first == person_at - 1 else first_name_gender(first), sentence_start)
    if org or lows[-1] in KNOWN_ORGS:
        return (front, back, "org", "org", 0, m, None, None, None, None, sentence_start)
    untitled = [i for i, lw in enumerate(lows) if lw.rstrip(".") not in TITLES]
    if title_gender and untitled:
        # Mr Arslan, Mrs Thatcher, Sir Keir
        return (front, back, "person", "person", untitled[0], m, None, title_gender, title, None, sentence_start)
    if not untitled:
        return (front, back, "role", "role", 0, m, None, GENDERED_TITLES.get(lows[-1].rstrip(".")), None, None,
                sentence_start)
    if lows[0].rstrip(".") in TITLES and not any(place_kind(lows[i]) for i in untitled):
        # President Zelenski, Chancellor Scholz: a person named by title and surname
        return (front, back, "titled", "name", untitled[0], m, None, title_gender, None, None, sentence_start)
    return (front, back, "name", "name", 0, m, None, title_gender, None, None, sentence_start)


_LONE_NAME_AFTER = re.compile(r",[ \t]+(?:(?:a|an|the|his|her)[ \t]+[a-z]|\d{1,2},)")


def _lone_first_name(text: str, s: int, e: int) -> str | None:
    """The gender of a known first name used alone as a person's name: after a verb of saying
    ('testified Sandrine'), before one ('Sandrine said'), or before an apposition or an age
    ('Sandrine, a resident', 'Sandrine, 45,'). None for names that are also words or places."""
    g = _lone_name_gender(text[s:e])
    if g is None:
        return None
    before = text[max(0, s - 16):s].split()
    after = _REPORTING_AFTER.match(text, e, e + 24)
    if (before and before[-1] in INVERSION_VERBS) or (after and after.group("v") in SPEECH_VERBS) or \
            _LONE_NAME_AFTER.match(text, e):
        return g
    return None


@lru_cache(maxsize=1 << 14)
def _lone_name_gender(w: str) -> str | None:
    w = _POSSESSIVE.sub("", w)
    g = first_name_gender(w)
    if g not in ("m", "f") or is_common_word(w) or place_kind(w.lower()) or w.isupper():
        return None
    return MALE if g == "m" else FEMALE


_SLAVIC_FEMININE = re.compile(r"(?:ova|eva|yova|\u00ebva|skaya|naya|ovna|evna)$")
_ROMANCE_OVA = ("casanova", "lanova", "rranova", "genova", "nuova", "ginevra")
_SLAVIC_MASCULINE = re.compile(r"(?:ovich|evich|ovych|ievich)$")


def _slavic_surname_gender(word: str) -> str | None:
    """Gender from a Russian, Ukrainian or Bulgarian surname or patronymic ending: Ivanova, Navalnaya,
    Petrovna (not the Italian and Spanish Casanova, Villanova, Terranova), Ivanovich."""
    w = _POSSESSIVE.sub("", word).lower()
    if len(w) < 6:
        return None
    if _SLAVIC_FEMININE.search(w) and not w.endswith(_ROMANCE_OVA):
        return FEMALE
    if _SLAVIC_MASCULINE.search(w):
        return MALE
    return None


def _common_first_name(ws: tuple[str, ...], lows: list[str], i: int) -> bool:
    """A first name that is also an ordinary word, opening a sentence or after titles: "Mark Rutte said",
    "Prime Minister Mark Carney", "Marine Le Pen". Not "Will Vladimir Putin attend?" (the next word is
    a first name), nor "Grant Park" (ordinary words only)."""
    if first_name_gender(ws[i]) not in ("m", "f") or i + 1 >= len(ws):
        return False
    if any(lows[j].rstrip(".") not in TITLES for j in range(i)):
        return False
    nxt = ws[i + 1]
    if first_name_gender(nxt) in ("m", "f") and not is_common_word(nxt):
        return False
    if len(ws) > i + 2 and lows[i + 1] in _SURNAME_PARTICLES:
        return True  # "Marine Le Pen", "Ursula Von der Leyen": a particle makes it a surname
    return not all(is_common_word(x) for x in ws[i + 1:])


# A gendered title in lowercase before a name: "the mister Palladino", "signora Rossi".
_LOWER_TITLE = re.compile(r"(?<![\w'])(?P<t>mister|signor|signora|senhor|senhora|monsieur|madame)[ \t]+$")
_PARTICLE_NOT_FIRST = frozenset("la le de del della van von".split())
_SURNAME_PARTICLES = frozenset("le la de da di du del della van von der den al el bin ben ibn dos das do".split())


def people(doc: Document, ctx: Context | None = None) -> People:
    """Persons, organisations, quotes, speakers and pronoun referents of the document."""
    text = doc.text
    paragraphs = doc.paragraphs
    sentences = doc.sentences
    sent_starts = doc.sentence_starts
    para_starts = doc.paragraph_starts
    quotes = doc.quotes
    in_quote = doc.in_quote

    def sent_of(off: int) -> int:
        return max(0, bisect_right(sent_starts, off) - 1)

    def para_of(off: int) -> int:
        return max(0, bisect_right(para_starts, off) - 1)

    headlines = _headline_paragraphs(doc, ctx)
    settings_names = getattr(getattr(ctx, "settings", None), "names", None) or {}

    # ---- 1. capitalised runs ----------------------------------------------------------
    # One regex pass groups capitalised words into runs and places each new run in its sentence and
    # paragraph as it opens (both indices walk forward, never back): one loop, no list of groups.
    runs: list[Run] = []
    cur: list[tuple[int, int, str]] | None = None
    run: Run | None = None  # the run ``cur`` is the word list of
    not_name = _NOT_NAME_WORDS
    name_gaps, max_gap, possessive = NAME_GAPS, _LONGEST_NAME_GAP, _possessive
    cur_e, cur_w = 0, ""  # end and word of the last word of ``cur``
    n_sent, n_para = len(sent_starts), len(para_starts)
    si = pi = 0
    first_alnum, first_alnum_of = 0, -1  # where sentence ``first_alnum_of`` has its first letter or digit
    for m in _CAP_WORD.finditer(text):
        s, e = m.span()
        if s:
            c = text[s - 1]
            if c.isalnum() or c in "_'\u2019":
                continue  # inside a word: iPhone, McDonald's second capital
        w = m.group()
        if w[-1] in "-'\u2019":
            w = w.rstrip("-'\u2019")
            e = s + len(w)
            if not w:
                continue
        if w in not_name:
            cur = None
            continue
        if (cur is not None and s - cur_e <= max_gap and len(cur) < MAX_RUN_WORDS
                and text[cur_e:s] in name_gaps and not possessive(cur_w)):
            cur.append((s, e, w))
            run.end = e
        else:
            cur = [(s, e, w)]
            while si + 1 < n_sent and sent_starts[si + 1] <= s:
                si += 1
            while pi + 1 < n_para and para_starts[pi + 1] <= s:
                pi += 1
            if si != first_alnum_of:
                fm = _ALNUM.search(text, sent_starts[si] if n_sent else 0)
                first_alnum, first_alnum_of = (fm.start() if fm else len(text)), si
            run = Run(s, e, cur, "name", pi in headlines, first_alnum >= s)
            runs.append(run)
        cur_e, cur_w = e, w

    # ---- 2. classify runs: persons, orgs, places, names --------------------------------
    persons: list[Person] = []
    raw: list[tuple[int, int, str, int, str | None]] = []  # start, end, kind, person, gender
    by_full: dict[str, int] = {}
    org_runs: list[Run] = []

    def add_person(words: list[tuple[int, int, str]], first: str | None, title_gender: str | None,
                   title: str | None) -> int:
        names = [w[2] for w in words]
        names[-1] = _POSSESSIVE.sub("", names[-1])
        full = _POSSESSIVE.sub("", text[words[0][0]:words[-1][1]])
        key = skeleton(full)
        idx = by_full.get(key)
        if idx is None:
            idx = len(persons)
            # "Chen Guoqiang": the given name last, the surname first
            surname = names[0] if len(names) == 2 and first == names[1] else names[-1]
            persons.append(Person(full, first, surname))
            by_full[key] = idx
        p = persons[idx]
        if title_gender:
            p.evidence.append(f"title {title}")
            _vote(p, title_gender, strong=2)
        return idx

    party_words, initials = _PARTY_TITLE, _INITIALS
    for r in runs:
        if r.headline:
            r.kind = "headline"
            continue
        ws = r.words
        if len(ws) == 1:  # most runs are one word
            w0 = ws[0][2]
            if w0 in party_words and _NEXT_LOWER.match(text, ws[0][1]) or (
                    w0 in initials and text[ws[0][1]:ws[0][1] + 1] == "."):
                r.kind = "none"  # "Republican legislators": an adjective; "U.S.", "George W. Bush": an initial
                continue
            plan = _classify((w0,), (), r.sentence_start)
        else:
            plan = _classify(tuple([w[2] for w in ws]), tuple([text[x[1]:y[0]] for x, y in zip(ws, ws[1:])]),
                             r.sentence_start)
        front, back, run_kind, mkind, i0, i1, first, title_gender, title, first_g, sstart = plan
        if run_kind == "none":
            r.kind = "none"
            continue
        if front or back:
            words = ws[front:len(ws) - back]
            r.words = words
            r.start, r.end = words[0][0], words[-1][1]
        else:  # the whole run: words, start and end stand (no copy of the list)
            words = ws
        r.sentence_start = sstart
        r.kind = run_kind
        if run_kind == "org":
            org_runs.append(r)
        if mkind is None:
            continue
        mw = words[i0:i1]
        if mkind == "person" and text[mw[0][0] - 4:mw[0][0]] == " of " and _PLACE_OF.search(
                text, max(0, mw[0][0] - 30), mw[0][0]):
            r.kind = "place"  # "the hamlet of Les Blais", "the city of Sofia": a place named like a person
            raw.append((mw[0][0], mw[-1][1], "place", -1, None))
            continue
        if mkind == "person":
            idx = add_person(mw, first, title_gender, title)
            if first_g in ("m", "f"):
                _first_name_vote(persons[idx], first, first_g)
            elif len(mw) > 1:
                sg = _slavic_surname_gender(mw[-1][2])
                if sg is not None:  # "Sasha Ivanova": a first name given to both, a feminine surname
                    _vote(persons[idx], sg, strong=1, note=f"surname {_POSSESSIVE.sub('', mw[-1][2])}")
            raw.append((mw[0][0], mw[-1][1], "person", idx, title_gender))
        else:
            raw.append((mw[0][0], mw[-1][1], mkind, -1, title_gender))

    # ---- 3. organisation chains and acronym aliases -------------------------------------
    aliases: set[str] = set()
    org_spans = {(r.start, r.end) for r in org_runs}
    run_index = {(r.start, r.end): i for i, r in enumerate(runs)} if org_runs else {}
    for r in list(org_runs):
        i = run_index.get((r.start, r.end))
        if i is None:
            continue
        # extend forward over "of", "for the", ... to the chain's last run
        j = i
        while j + 1 < len(runs) and text[runs[j].end:runs[j + 1].start] in ORG_GAPS:
            j += 1
        end = runs[j].end
        m = _ACRONYM_AFTER.match(text, end, end + 20) if text[end:end + 2] == " (" else None
        if m:
            aliases.add(m.group("a"))
        for k in range(i + 1, j + 1):
            if (runs[k].start, runs[k].end) not in org_spans:
                org_spans.add((runs[k].start, runs[k].end))
                runs[k].kind = "org"
    # chains that end in an acronym in parentheses, without a cue word: "National Centre ... (Cemaden)"
    paren_at = set()  # offsets of " (": few, so most runs are passed over with one set look-up
    k = text.find(" (")
    while k >= 0:
        paren_at.add(k)
        k = text.find(" (", k + 1)
    for i, r in (enumerate(runs) if paren_at else ()):
        if r.end not in paren_at:
            continue
        m = _ACRONYM_AFTER.match(text, r.end, r.end + 20)
        if not m or r.kind == "person":
            continue
        j = i
        while j > 0 and text[runs[j - 1].end:runs[j].start] in ORG_GAPS:
            j -= 1
        chain = runs[j:i + 1]
        if any(w[2].lower() in ORG_CUES for c in chain for w in c.words):
            aliases.add(m.group("a"))
            for c in chain:
                if c.kind != "person":
                    c.kind = "org"
                    org_spans.add((c.start, c.end))
    if aliases or org_spans:
        fixed = []
        for s, e, kind, pidx, g in raw:
            if kind in ("name", "place", "role") and (s, e) in org_spans:
                kind = "org"
            elif kind == "name" and _POSSESSIVE.sub("", text[s:e]) in aliases:
                kind = "org"
            fixed.append((s, e, kind, pidx, g))
        raw = fixed

    # ---- 3b. unknown names that are people: after a person noun ("composer Dalva Moreira"),
    # or speaking ("Hajun said") with two to four words -------------------------------------
    promoted = []
    single_names: Counter | None = None  # built on first need: most names are one word
    for t in raw:
        s, e, kind, pidx, g = t
        if kind != "name":
            promoted.append(t)  # unchanged: the same tuple, not a copy
            continue
        if " " in text[s:e] and text[max(0, s - 4):s] not in ("the ", "The "):
            nm = _POSSESSIVE.sub("", text[s:e])
            parts = nm.split()
            if not 2 <= len(parts) <= 4:
                promoted.append((s, e, kind, pidx, g))
                continue
            if single_names is None:
                single_names = Counter(skeleton(_POSSESSIVE.sub("", text[s2:e2])) for s2, e2, k2, _, _ in raw
                                       if k2 == "name" and " " not in text[s2:e2].strip())
            prev = _PREV_WORD.search(text, max(0, s - 25), s)
            prev_w = prev.group("w").lower() if prev else ""
            after = _REPORTING_AFTER.match(text, e, e + 24)
            speaks = bool(after and after.group("v") in SPEECH_VERBS)
            recurs = single_names.get(skeleton(parts[-1]), 0) > 0 if len(parts) >= 2 else False
            if 2 <= len(parts) <= 4 and (prev_w in PERSON_NOUNS or speaks or recurs) and not any(
                    place_kind(x.lower()) or x.lower() in ORG_CUES or x.lower() in PLACE_CUES for x in parts):
                idx = by_full.get(skeleton(nm))
                if idx is None:
                    idx = len(persons)
                    persons.append(Person(nm, parts[0], parts[-1]))
                    by_full[skeleton(nm)] = idx
                rg = PERSON_NOUNS.get(prev_w)
                if rg:
                    _vote(persons[idx], rg, strong=2, note=f"'{prev_w} {parts[-1]}'")
                fg = first_name_gender(parts[0])
                if fg in ("m", "f"):
                    _first_name_vote(persons[idx], parts[0], fg)
                elif _slavic_surname_gender(parts[-1]):
                    _vote(persons[idx], _slavic_surname_gender(parts[-1]), strong=1, note=f"surname {parts[-1]}")
                kind, pidx = "person", idx
        promoted.append((s, e, kind, pidx, g))
    raw = promoted

    # ---- 4. link surnames, first names and titled names to persons ----------------------
    config_people: dict[str, tuple[str, dict]] = {}
    for cname, spec in settings_names.items():
        parts = cname.split()
        config_people[skeleton(cname)] = (cname, spec)
        if parts:
            config_people.setdefault(skeleton(parts[-1]), (cname, spec))
    surname_map: dict[str, set[int]] = {}
    firstname_map: dict[str, set[int]] = {}
    for i, p in enumerate(persons):
        surname_map.setdefault(skeleton(p.surname), set()).add(i)
        parts = p.name.split()
        if len(parts) >= 3:  # Lula da Silva, López Obrador: later parts are surnames too
            surname_map.setdefault(skeleton(" ".join(parts[1:])), set()).add(i)
            surname_map.setdefault(skeleton(parts[-2]), set()).add(i) if parts[-2][:1].isupper() else None
        if p.first:
            firstname_map.setdefault(skeleton(p.first), set()).add(i)
    linked = []
    introduced: dict[int, int] = {}  # person -> where the article first names them in full
    for s, e, kind, pidx, g in raw:
        if kind == "person" and pidx >= 0 and pidx not in introduced:
            introduced[pidx] = s
    for s, e, kind, pidx, g in raw:
        if kind == "place" and surname_map and " " not in text[s:e].strip():
            # "Efraín Morales ... Morales said": a surname that is also a town is the person
            key = skeleton(_POSSESSIVE.sub("", text[s:e]))
            if key in surname_map and place_kind(_POSSESSIVE.sub("", text[s:e]).lower()) == "city" and \
                    not _LOCATIVE_BEFORE.search(text, max(0, s - 12), s) and text[max(0, s - 5):s] not in ("from ", "to "):
                kind = "name"
        if kind == "name":
            key = skeleton(_POSSESSIVE.sub("", text[s:e]))
            if g is None and s and text[s - 1] == " ":
                lt = _LOWER_TITLE.search(text, max(0, s - 12), s)
                if lt is not None:  # "the mister Palladino" (Italian football's calque for the coach)
                    g = GENDERED_TITLES[lt.group("t")]
            cands = surname_map.get(key) or firstname_map.get(key)
            if cands:
                if len(cands) == 1:
                    pidx = next(iter(cands))
                else:
                    # "Diego Martínez ... Martínez met ... (later) Alejandra Martínez": the surname means the
                    # one of them the article has introduced so far
                    before = [c for c in cands if introduced.get(c, len(text)) < s]
                    pidx = before[0] if len(before) == 1 else -2
                kind = "person"
            elif key in config_people:
                cname, _spec = config_people[key]
                pidx = by_full.get(skeleton(cname), -1)
                if pidx < 0:
                    pidx = len(persons)
                    cparts = cname.split()
                    persons.append(Person(cname, cparts[0] if len(cparts) > 1 else None, cparts[-1]))
                    by_full[skeleton(cname)] = pidx
                    surname_map.setdefault(skeleton(cparts[-1]), set()).add(pidx)
                kind = "person"
            elif key in public_figures() and (" " not in text[s:e].strip()):
                # "President Milei", "Meloni said": a public figure English news names by surname alone
                canonical, pg, who = public_figures()[key]
                kind = "person"
                pidx = len(persons)
                nm = _POSSESSIVE.sub("", text[s:e])
                persons.append(Person(nm, None, nm))
                _vote(persons[pidx], pg, strong=1, note=f"public figure: {who}")
                if g is not None:
                    _vote(persons[pidx], g, strong=2, note="title")
                surname_map.setdefault(key, set()).add(pidx)
            elif g is not None:  # Mr X with no first name seen: a person of that gender
                kind = "person"
                pidx = len(persons)
                nm = _POSSESSIVE.sub("", text[s:e])
                persons.append(Person(nm, None, nm.split()[-1]))
                _vote(persons[pidx], g, strong=2, note="title")
                surname_map.setdefault(skeleton(nm.split()[-1]), set()).add(pidx)
            elif " " not in text[s:e].strip():
                fg = _lone_first_name(text, s, e)
                if fg is not None:  # 'testified Sandrine, a resident': a person named by first name alone
                    kind = "person"
                    pidx = len(persons)
                    nm = _POSSESSIVE.sub("", text[s:e])
                    persons.append(Person(nm, nm, nm))
                    _vote(persons[pidx], fg, strong=1, note=f"first name {nm}")
                    surname_map.setdefault(key, set()).add(pidx)
        if kind == "person" and pidx >= 0 and g is not None and pidx < len(persons):
            if not any(ev.startswith("title") for ev in persons[pidx].evidence):
                _vote(persons[pidx], g, strong=2, note="title")
        linked.append((s, e, kind, pidx, g))
    raw = linked

    # a 'name' in apposition to an organisation noun is an organisation ("The group ..., Résidences Océane,")
    # and a 'name' followed by ", the samba school" likewise.
    # ---- 5. common nouns for people and organisations -----------------------------------
    nouns = []
    pronouns: list[tuple[int, int, str]] = []  # he/she/his/him/her... in any case
    pronoun_gender = PRONOUN_GENDER
    for m in _NOUNS.finditer(text):
        w = m.group()  # the \b around group "w" are zero-width: the group is the whole match
        s, e = m.span()
        if w[0].isupper() or w in pronoun_gender:
            pronouns.append((s, e, w))
            continue
        if w == "tank":
            if text[max(0, s - 6):s] not in ("think ", "think-"):
                continue  # a tank, not a think tank
            s = max(0, s - 6)
        # plural or compound: "ministers", "officials" are not matched (word boundary); skip
        if w in PERSON_NOUNS:
            nxt = _NEXT_LOWER.match(text, e)
            if nxt and (nxt.group(1) in PERSON_NOUNS or nxt.group(1) in ORG_NOUNS or (
                    nxt.group(1).endswith("s") and not nxt.group(1).endswith("ss")
                    and nxt.group(1) not in SPEECH_VERBS and nxt.group(1) not in AUX and w in MODIFIER_NOUNS)):
                continue  # a modifier: "employee representatives", "police officer"
            nouns.append((s, e, "role", -1, PERSON_NOUNS[w]))
        else:
            nouns.append((s, e, "orgnoun", -1, None))

    all_raw = sorted(raw + nouns)
    mentions = []
    qk, nq = 0, len(quotes)
    new_mention = tuple.__new__  # Mention(...) without the Python-level __new__
    for s, e, kind, pidx, g in all_raw:
        while qk < nq and quotes[qk][1] <= s:
            qk += 1
        mentions.append(new_mention(Mention, (s, e, kind, pidx, g, qk < nq and quotes[qk][0] <= s, text[s:e])))
    # apposition typing of unknown names; person nouns attached to a name are not someone else
    mentions = _type_appositions(text, mentions)
    # a name the article elsewhere shows to be an organisation ("the trade union Verdi") is one everywhere
    org_texts = {_POSSESSIVE.sub("", m.text) for m in mentions if m.kind == "org"}
    org_texts |= _its_names(text, mentions)
    mentions = _retype_names(text, mentions, org_texts)
    mentions = _attach_roles(text, mentions)
    for i, m in enumerate(mentions):
        if m.kind == "person" and m.person >= 0:
            persons[m.person].mentions.append(i)
    mention_starts = [m.start for m in mentions]
    unquoted = [m for m in mentions if not m.quoted]  # most look-ups want these only: filtered once
    unquoted_starts = [m.start for m in unquoted]

    # ---- 6. gender evidence: config, gendered nouns next to mentions --------------------
    for cname, spec in settings_names.items():
        idx = by_full.get(skeleton(cname))
        if idx is None:
            cands = surname_map.get(skeleton(cname.split()[-1])) if cname.split() else None
            idx = next(iter(cands)) if cands and len(cands) == 1 else None
        if idx is None:
            continue
        g = spec.get("gender")
        if g in (MALE, FEMALE, "neutral"):
            p = persons[idx]
            p.config = True
            p.gender = g if g != "neutral" else None  # neutral: no gendered pronoun is wrong or right
            p.evidence.insert(0, "configured")
    for i, m in enumerate(mentions):
        if m.kind != "person" or m.person < 0 or m.quoted:
            continue
        p = persons[m.person]
        # gendered noun right before: "spokeswoman Maria Zakharova", "his wife Olena"
        if i > 0:
            prev = mentions[i - 1]
            if prev.kind in ("role", "attached") and prev.gender and text[prev.end:m.start] == " " and not (
                    prev.text.lower() in _KIN_TITLES and getattr(p, "_curated", None) == OPPOSITE[prev.gender]):
                _vote(p, prev.gender, strong=2, note=f"'{prev.text} {p.name.split()[-1]}'")
        # apposition: "Maria Zakharova, the Russian Foreign Ministry spokeswoman"
        am = _APPOSITION.match(text, m.end)
        if am:
            seg_end = am.end(1)
            j = i + 1
            while j < len(mentions) and mentions[j].start < seg_end:
                n = mentions[j]
                if n.kind in ("role", "attached") and n.gender:
                    _vote(p, n.gender, strong=2, note=f"'{n.text}'")
                    break
                if n.kind in ("person",):
                    break
                j += 1

    # ---- 7. pronoun votes where only one person could be meant --------------------------
    _pronoun_votes(text, sentences, unquoted, unquoted_starts, persons, in_quote, sent_starts, pronouns)
    for p in persons:
        _resolve_gender(p)
    # ---- 7b. "the president" after "President Claudia Sheinbaum": the same person's gender ------
    if any(m.kind == "role" and m.gender is None for m in mentions):
        mentions = _role_coreference(text, mentions, persons)
        unquoted = [m for m in mentions if not m.quoted]

    # ---- 8. quotes, attributions and speaker events -------------------------------------
    people_obj = People(persons, mentions, runs, quotes, [], [], [], frozenset(headlines),
                        _mention_starts=mention_starts, _doc=doc, _unquoted=unquoted,
                        _unquoted_starts=unquoted_starts)
    people_obj.aside_paragraphs = frozenset(i for i, pg in enumerate(paragraphs) if _ASIDE.match(text, pg.start))
    _attributions(text, people_obj, paragraphs, para_of)
    people_obj.attributions.sort(key=lambda a: a.quote[0])
    people_obj._attr_starts = [a.quote[0] for a in people_obj.attributions]
    # ---- 9. pronoun resolution ---------------------------------------------------------
    _resolve_pronouns(text, people_obj, sentences, sent_of, para_of, paragraphs, pronouns)
    # ---- 10. its / which / who: a thing's pronoun for a person, a person's for an institution -----
    people_obj._run_starts = [r.start for r in runs]
    _animacy(text, people_obj, sentences, sent_of, para_of)
    _singular_collective_who(text, people_obj, para_of)
    people_obj.resolutions.sort(key=lambda r: r.start)
    return people_obj


def _vote(p: Person, gender: str, strong: int, note: str | None = None, curated: bool = False) -> None:
    """Record one piece of evidence (strong: 2 title/config/noun, 1 first name, 0 pronoun, -1 a spouse noun
    that contradicts its possessive: 'his husband'). ``curated``: a first name from the hand-written lists."""
    if not hasattr(p, "_votes"):
        p._votes = Counter()  # type: ignore[attr-defined]
    p._votes[(gender, strong)] += 1  # type: ignore[attr-defined]
    if curated:
        p._curated = gender  # type: ignore[attr-defined]
    if note and note not in p.evidence:
        p.evidence.append(note)


def _first_name_vote(p: Person, name: str, g: str) -> None:
    """A first name's vote; a hand-checked name (world, Korean/Japanese, Chinese lists) counts as curated."""
    gender = MALE if g == "m" else FEMALE
    key = fold(_POSSESSIVE.sub("", name))
    if key in _VIETNAMESE_MIDDLE and len(p.name.split()) >= 3:
        _vote(p, gender, strong=1, note=f"Vietnamese middle name {name}", curated=True)
        return
    _vote(p, gender, strong=1, note=f"first name {name}", curated=key in curated_first_names())


def _resolve_gender(p: Person) -> None:
    """Strong evidence (titles, gendered nouns, configuration, a hand-checked first name) outweighs the
    article's own pronouns, which MT from genderless languages gets consistently wrong; a first name known
    only from US birth statistics gives way when the article says otherwise twice. A spouse noun that
    contradicts its possessive ('his husband') is one vote: it supports other evidence or vetoes a gender
    read from pronouns alone, never decides by itself."""
    if p.config:
        return
    votes: Counter = getattr(p, "_votes", Counter())
    strong = {g for (g, s), n in votes.items() if s >= 1 and n}
    if len(strong) == 1:
        g = next(iter(strong))
        against = votes.get((OPPOSITE[g], 0), 0)
        same = votes.get((g, 0), 0)
        backed = (any(s == 2 for (gg, s) in votes if gg == g) or getattr(p, "_curated", None) == g
                  or votes.get((g, -1), 0) > 0)
        if against >= 2 and against > same and not backed:
            p.gender = None  # the first name says one thing, the article consistently another
            return
        p.gender = g
        if same:
            p.evidence.append(f"'{'he' if g == MALE else 'she'}' for this person {same} time{'s' if same > 1 else ''}")
        return
    if strong:
        p.gender = None  # contradictory strong evidence
        return
    m, f = votes.get((MALE, 0), 0), votes.get((FEMALE, 0), 0)
    if votes.get((MALE, -1), 0) or votes.get((FEMALE, -1), 0):
        return  # "his husband" beside the article's own pronouns: too unsure to read a gender
    if m >= 2 and m >= 3 * f:
        p.gender = MALE
        p.evidence.append(f"'he' for this person {m} times")
    elif f >= 2 and f >= 3 * m:
        p.gender = FEMALE
        p.evidence.append(f"'she' for this person {f} times")


def _headline_paragraphs(doc: Document, ctx) -> set[int]:
    try:
        from .names import layout
        info = ctx.get(layout) if ctx is not None else layout(doc)
        return {i for i, p in enumerate(info) if p.heading or p.byline or p.list_item}
    except Exception:
        return set()


def _type_appositions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Unknown names in apposition to an organisation (or followed by one) are organisations."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.kind != "name":
            continue
        # "X, the samba school," / "X, a Washington-based organization"
        am = _APPOSITION.match(text, m.end)
        if am:
            for n in out[i + 1:i + 8]:
                if n.start >= am.end(1):
                    break
                if n.kind in ("orgnoun", "org"):
                    out[i] = m._replace(kind="org")
                    break
                if n.kind in ("role", "person"):
                    out[i] = m._replace(kind="role")
                    break
            if out[i].kind != "name":
                continue
        # "the group that owns the establishment, Résidences Océane,": org noun shortly before, no person
        if text[max(0, m.start - 2):m.start] == ", ":
            for n in reversed(out[max(0, i - 4):i]):
                if m.start - n.end > 60:
                    break
                if n.kind in ("person", "role", "name"):
                    break
                if n.kind in ("orgnoun", "org"):
                    out[i] = m._replace(kind="org")
                    break
        # "the think tank Hajun", "the carmaker Volkswagen": a name right after an organisation noun
        if i > 0 and out[i - 1].kind == "orgnoun" and text[out[i - 1].end:m.start] == " ":
            out[i] = m._replace(kind="org")
            continue
        # "the Magna Carta", "the Bombonera": a name after "the" is not a person
        if out[i].kind == "name" and text[max(0, m.start - 4):m.start] in ("the ", "The "):
            out[i] = m._replace(kind="thing")
    return out


_LIST_GAP = re.compile(r"(?:,[ \t]*|[ \t]+(?:and|or)[ \t]+|,[ \t]+(?:and|or)[ \t]+)$")


_ITS_AFTER_NAME = re.compile(r"[ \t]+(?:(?:has|had|will|would|also|then|again|later|already)[ \t]+){0,2}"
                             r"(?P<v>[a-z]+)[ \t]+its\b")


def _its_names(text: str, mentions: list[Mention]) -> set[str]:
    """Unknown names the article itself calls "its" as a subject ("Hydro-Quebec raised its rates"): an
    institution or a firm, so a he/she later cannot mean them (MT's "she" for French *elle*, the company)."""
    out = set()
    for m in mentions:
        if m.kind != "name" or m.quoted or _possessive(m.text):
            continue
        im = _ITS_AFTER_NAME.match(text, m.end)
        if im is not None and (_verbish(im.group("v")) or im.group("v") in IRREGULAR_PAST):
            out.add(m.text)
    return out


def _retype_names(text: str, mentions: list[Mention], org_texts: set[str]) -> list[Mention]:
    """Unknown names that the context shows are not people: a name the article elsewhere calls an
    organisation ("the trade union Verdi" ... "Verdi"), a name after "in"/"at"/"near" or listed with a
    place ("in Frankfurt and München"), a known source-language place name (München, Lisboa)."""
    out = list(mentions)
    sources = source_spellings()
    for i, m in enumerate(out):
        if m.kind != "name":
            continue
        bare = _POSSESSIVE.sub("", m.text)
        if bare in org_texts:
            out[i] = m._replace(kind="org")
        elif (bare in sources and place_kind(sources[bare][0].lower())) or _LOCATIVE_BEFORE.search(
                text, max(0, m.start - 12), m.start) or (
                i > 0 and out[i - 1].kind == "place" and m.start - out[i - 1].end <= 7
                and _LIST_GAP.fullmatch(text, out[i - 1].end, m.start)):
            out[i] = m._replace(kind="place")
    return out


_ATTACHED_GAP = re.compile(r"[ \t]+(?:(?:and|or|&)[ \t]+[a-z\-]+[ \t]+)?$")
_APPOSITION_BEFORE = re.compile(
    r"^,[ \t]+(?:(?:the|a|an|his|her|its|their)[ \t]"
    r"|(?!(?:and|or|but|while|whose|who|whom|which|as|then|with|when|where|says|said)\b)[a-z])"  # ", deputy director"
)


def _attach_roles(text: str, mentions: list[Mention]) -> list[Mention]:
    """``singer Dalva Moreira``, ``Maria Zakharova, the ministry spokeswoman``: the noun is the person."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.kind != "role":
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is not None and nxt.kind == "person" and nxt.start - m.end <= 20 and (_ATTACHED_GAP.match(
                text[m.end:nxt.start]) or (text[m.end:nxt.start] == ", " and text[nxt.end:nxt.end + 1] in ",.;:\n")):
            out[i] = m._replace(kind="attached")  # "spokeswoman Maria Zakharova", "its director, Efraín Morales."
            continue
        # apposition after a person: "X, the museum's director" (only org words / lowercase words in between)
        for j in range(i - 1, max(-1, i - 4), -1):
            prev = out[j]
            if prev.kind == "person":
                gap = text[prev.end:m.start]
                if len(gap) <= 60 and _APPOSITION_BEFORE.match(gap) and not any(c in gap[1:] for c in ",.;:!?\"\u201c"):
                    out[i] = m._replace(kind="attached")
                break
            if prev.kind in ("role", "name", "attached"):
                break
    return out


_TITLE_WORDS_BEFORE = re.compile(r"(?:[A-Z][a-z\-]+[ \t]+){1,4}$")
_ROLE_OF_BEFORE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?(?:[A-Z][\w\-]*[ \t]+){0,3}[A-Z][\w\-]*,[ \t]+$")


def _role_coreference(text: str, mentions: list[Mention], persons: list[Person]) -> list[Mention]:
    """Give a bare person noun the gender of the one person the article introduced with it.

    News introduces a person with a title or a noun (``President Claudia Sheinbaum``, ``the president of
    Mexico, Claudia Sheinbaum``, ``Giorgetti, the economy minister``) and then calls them by the noun
    alone (``the president said``). A later ``the president`` is then that person, not someone else
    the pronoun might mean. Nouns used for two people (two ministers) stay without gender.
    """
    # only the nouns of bare, ungendered roles can take a gender: links for any other noun go unread
    wanted = {m.text.lower() for m in mentions if m.kind == "role" and m.gender is None and not m.quoted}
    if not wanted:
        return mentions
    links: dict[str, set[int]] = {}
    first_at: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.quoted:
            continue
        if m.kind == "person" and m.person >= 0:
            # capitalised titles in the run: "Prime Minister Giorgia Meloni"
            j = m.start
            for _ in range(4):  # up to four capitalised words before the name
                if j < 2 or text[j - 1] != " " or not text[j - 2].isalpha():
                    break
                k = j - 2
                while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "-"):
                    k -= 1
                w = text[k:j - 1]
                if not w[:1].isupper():
                    break
                lw = w.lower()
                if lw in wanted and lw in PERSON_NOUNS:
                    links.setdefault(lw, set()).add(m.person)
                    first_at.setdefault(lw, m.start)
                j = k
        elif m.kind in ("role", "attached"):
            lw = m.text.lower()
            if lw not in wanted:
                continue
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            target = -1
            if m.kind == "attached":
                if nxt is not None and nxt.kind == "person" and nxt.start - m.end <= 20:
                    target = nxt.person
                else:
                    for j in range(i - 1, max(-1, i - 4), -1):
                        if mentions[j].kind == "person":
                            target = mentions[j].person
                            break
            else:  # "the president of Mexico, Claudia Sheinbaum"
                for nxt in mentions[i + 1:i + 4]:
                    if nxt.kind == "person":
                        if nxt.start - m.end <= 60 and _ROLE_OF_BEFORE.fullmatch(text, m.end, nxt.start):
                            target = nxt.person
                        break
            if target >= 0:
                links.setdefault(lw, set()).add(target)
                first_at.setdefault(lw, m.start)
    if not links:
        return mentions
    out = list(mentions)
    for i, m in enumerate(out):
        if m.kind != "role" or m.gender is not None or m.quoted:
            continue
        lw = m.text.lower()
        who = links.get(lw)
        if not who or len(who) != 1 or first_at[lw] >= m.start:
            continue
        g = persons[next(iter(who))].gender
        if g in (MALE, FEMALE):
            out[i] = m._replace(gender=g)
    return out


# Spouse nouns after a possessive, with the spouse's gender ("his husband": a possessive that contradicts it).
_SPOUSES = {"husband": MALE, "wife": FEMALE, "widow": FEMALE, "widower": MALE}
_SPOUSE_AFTER = re.compile(r"[ \t]+(?:late[ \t]+|former[ \t]+|ex-)?(husband|wife|widow|widower)\b")


def _pronoun_votes(text, sentences, unquoted, unquoted_starts, persons, in_quote, sent_starts, pronouns) -> None:
    """Votes from he/his/she/her where only one person can be meant.

    A pronoun votes for the one person its sentence names before it (nobody else, no
    person noun, no unknown name); a sentence-initial he/she whose sentence names
    nobody before it votes for the one person of the previous sentence, or for the
    person the previous sentence's own pronouns voted for (a chain of he ... he ...).
    """
    topic: dict[int, int] = {}  # sentence -> the one person it is about (-1: several, or unclear)
    for s, e, word in pronouns:
        if in_quote(s):
            continue
        w = word.lower()
        if text[e:e + 7] in (" or she", " or he,", " or her", " or him") or text[e:e + 1] == "/":
            continue
        si = bisect_right(sent_starts, s) - 1
        if si < 0:
            continue
        who, seen = _sole_person(unquoted, unquoted_starts, max(sentences[si].start, s - LOOKBACK), s)
        if who is None and not seen and w in ("he", "she") and si > 0:
            prev = topic.get(si - 1)
            if prev is None:
                prev_s = sentences[si - 1]
                prev, _ = _sole_person(unquoted, unquoted_starts, max(prev_s.start, prev_s.end - LOOKBACK),
                                       prev_s.end)
            who = prev if prev is not None and prev >= 0 else None
        if who is not None and who >= 0:
            sp = _SPOUSE_AFTER.match(text, e) if w in ("his", "her") else None
            if sp is not None and _SPOUSES[sp.group(1)] == PRONOUN_GENDER[w]:
                # "his husband", "her wife": in MT from a genderless language the possessive is the likely
                # error (same-sex couples exist: one vote, never decisive alone)
                _vote(persons[who], OPPOSITE[PRONOUN_GENDER[w]], strong=-1,
                      note=f"'{text[s:sp.end(1)]}'")
            else:
                _vote(persons[who], PRONOUN_GENDER[w], strong=0)
            topic.setdefault(si, who)
        elif seen:
            topic[si] = -1


def _sole_person(unquoted, unquoted_starts, start: int, end: int) -> tuple[int | None, bool]:
    """(the one person named outside quotes in [start, end), or None; whether any candidate is there)."""
    lo = bisect_left(unquoted_starts, start)
    hi = bisect_left(unquoted_starts, end)
    who = None
    seen = False
    for mm in unquoted[lo:hi]:
        if mm.kind == "person" and mm.person >= 0:
            seen = True
            if who not in (None, mm.person):
                return None, True
            who = mm.person
        elif mm.kind in ("role", "name") or (mm.kind == "person" and mm.person < 0):
            return None, True
    return who, seen


# ---- attributions ------------------------------------------------------------------------

_SPEECH = word_trie(sorted(SPEECH_VERBS))
_AFTER_PRON = re.compile(
    r"[,.]?[\s\u2013\u2014-]{0,4}(?P<p>he|she|He|She|it|It|they|They)\s+(?:also\s+)?(?P<v>" + _SPEECH + r")\b"
)
_AFTER_VERB = re.compile(
    r"[,.]?[\s\u2013\u2014-]{0,4}(?P<v>" + _SPEECH + r")\s+(?P<np>[^,.;:!?\"\u201c\u201d\u00ab\u00bb\n]{1,90})"
)
_AFTER_NP = re.compile(
    r"[,.]?[\s\u2013\u2014-]{0,4}(?P<np>[^\s,.;:!?\"\u201c\u201d\u00ab\u00bb][^,.;:!?\"\u201c\u201d\u00ab\u00bb\n]{0,80}?)"
    r"\s+(?P<v>" + _SPEECH + r")\b"
)
# Searched in a short head before a quote: starting only where a word starts (the leftmost match does
# anyway) saves retrying every suffix of every word.
_BEFORE_VERB = re.compile(r"(?<![a-z])(?P<v>[a-z]+)(?:\s+(?:that|reporters|journalists))?\s*[:,]?\s*$")
# Verbs after which a name is the speaker ("said Maria Zakharova"), not an object ("told Putin").
INVERSION_VERBS = frozenset(
    "said says added adds explained explains stated states noted notes stressed stresses insisted insists "
    "wrote writes recalled recalls continued continues declared declares emphasized emphasised emphasizes "
    "emphasises remarked remarks commented comments concluded concludes replied replies warned warns "
    "argued argues acknowledged acknowledges admitted admits indicated indicates regretted lamented "
    "underlined underlines highlighted highlights reiterated reiterates affirmed affirms assured assures "
    "announced announces reported reports observed observes specified specifies".split()
)


# A person noun linked to the organisation it speaks for: "a spokesperson for", "the head of the".
_ROLE_FOR_ORG = re.compile(r"\b(?P<n>[a-z]+)[ \t]+(?:for|of|at|from)[ \t]+(?:the[ \t]+)?$")


def _speaker_for_span(pe: People, s: int, e: int, label: str) -> Speaker:
    ms = pe.unquoted_between(s, e)
    for m in ms:
        if m.kind == "person":
            return Speaker(m.start, m.end, "person", m.person, m.text, pe.person_gender(m))
    for m in ms:
        if m.kind == "role":
            return Speaker(m.start, m.end, "role", -1, m.text, m.gender)
    for m in ms:
        if m.kind in ("org", "orgnoun"):
            rn = _ROLE_FOR_ORG.search(pe._doc.text, max(0, m.start - 40), m.start) if pe._doc is not None else None
            if rn is not None and rn.group("n") in PERSON_NOUNS:
                return Speaker(rn.start("n"), m.end, "role", -1, rn.group("n"), PERSON_NOUNS[rn.group("n")])
            return Speaker(s, e, "org", -1, label.strip())
    for m in ms:
        if m.kind == "name":
            return Speaker(m.start, m.end, "unknown", -1, m.text)
    return Speaker(s, e, "unknown", -1, label.strip())


# Words that open no speaker phrase after an inverted speech verb: '"...," wrote on Instagram that'.
_NOT_SPEAKER_START = frozenset("on in at to from for with about that of into via".split())


def _attributions(text: str, pe: People, paragraphs, para_of) -> None:
    out = pe.attributions
    for qs, qe in pe.quotes:
        if text[qe - 1:qe] not in "\"\u201d\u00bb\u201c":
            continue
        pi = para_of(qs)
        pend = paragraphs[pi].end if paragraphs else len(text)
        m = _AFTER_PRON.match(text, qe, min(pend, qe + 60))
        if m and m.group("v") in SPEECH_VERBS:
            p = m.group("p").lower()
            out.append(Attribution((qs, qe), Speaker(m.start("p"), m.end("p"), "pronoun", label=p), m.group("v"),
                                   pronoun=m.span("p")))
            continue
        m = _AFTER_VERB.match(text, qe, min(pend, qe + 120))
        if m and m.group("np").split(None, 1)[0] in _NOT_SPEAKER_START:
            m = None  # '"The View," wrote on Instagram that the dog': the quote is a title, not a statement
        if m and m.group("v") in SPEECH_VERBS and m.group("v") not in ("told", "asked"):
            sp = _speaker_for_span(pe, m.start("np"), m.end("np"), m.group("np"))
            if sp.kind != "unknown" or m.group("np")[:1].isupper():
                out.append(Attribution((qs, qe), sp, m.group("v")))
                continue
        m = _AFTER_NP.match(text, qe, min(pend, qe + 120))
        if m and m.group("v") in SPEECH_VERBS:
            sp = _speaker_for_span(pe, m.start("np"), m.end("np"), m.group("np"))
            out.append(Attribution((qs, qe), sp, m.group("v")))
            continue
        ps = paragraphs[pi].start if paragraphs else 0
        head = text[max(ps, qs - 40):qs]
        bv = _before_verb(head)
        if bv is not None and bv[0] in SPEECH_VERBS:
            vstart = max(ps, qs - 40) + bv[1]
            lo = max(ps, vstart - 100)
            seg = text[lo:vstart]
            cut = max(seg.rfind(". "), seg.rfind("; "), seg.rfind(", "), seg.rfind("? "), seg.rfind("! "))
            np_start = lo + (cut + 2 if cut >= 0 else 0)
            np = text[np_start:vstart]
            words = np.split()
            if not words or words[-1].lower() in ("he", "she", "it", "they"):
                continue
            sp = _speaker_for_span(pe, np_start, vstart, np)
            out.append(Attribution((qs, qe), sp, bv[0], after=False))


_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def _before_verb(head: str) -> tuple[str, int] | None:
    """What ``_BEFORE_VERB.search(head)`` finds, without trying every position: the lowercase word
    ending ``head`` (before optional blanks and one ``:`` or ``,``), or the one before a final "that",
    "reporters" or "journalists". Returns (word, start) or None."""
    t = head.rstrip()
    if t[-1:] in (":", ","):
        t = t[:-1].rstrip()
    j = len(t)
    i = j
    while i > 0 and t[i - 1] in _LOWER:
        i -= 1
    if i == j:
        return None
    w = t[i:j]
    if w in ("that", "reporters", "journalists"):
        k = i
        while k > 0 and t[k - 1].isspace():
            k -= 1
        if k < i:
            h = k
            while h > 0 and t[h - 1] in _LOWER:
                h -= 1
            if h < k:
                return t[h:k], h
    return w, i


_REPORTING_AFTER = re.compile(r"\s+(?:also\s+|has\s+|had\s+|have\s+)?(?P<v>[a-z]+)\b")


def _speaker_events(text: str, pe: People) -> None:
    """Every speaker: quote attributions, and mentions directly followed or preceded by a speech verb."""
    events = []
    for a in pe.attributions:
        if a.speaker.kind != "pronoun":
            events.append((a.speaker.start, a.speaker))
    for m in pe.mentions:
        if m.quoted or m.kind not in ("person", "org", "orgnoun", "role"):
            continue
        am = _REPORTING_AFTER.match(text, m.end, m.end + 24)
        verb = am.group("v") if am and am.group("v") in SPEECH_VERBS else None
        if verb is None:
            before = text[max(0, m.start - 16):m.start].split()
            if before and before[-1] in INVERSION_VERBS:
                verb = before[-1]
        if verb is None:
            continue
        if m.kind == "person":
            sp = Speaker(m.start, m.end, "person", m.person, m.text, pe.person_gender(m))
        elif m.kind == "role":
            sp = Speaker(m.start, m.end, "role", -1, m.text, m.gender)
        elif (rn := _ROLE_FOR_ORG.search(text, max(0, m.start - 40), m.start)) is not None and \
                rn.group("n") in PERSON_NOUNS:
            # "A spokesperson for Delta Airlines told ...": the speaker is the person, not the firm
            sp = Speaker(rn.start("n"), m.end, "role", -1, rn.group("n"), PERSON_NOUNS[rn.group("n")])
        else:
            label = m.text
            if m.kind == "orgnoun":
                pre = text[max(0, m.start - 30):m.start]
                k = max(pre.rfind("the "), pre.rfind("The "))
                label = (pre[k:] if k >= 0 else "") + m.text
            sp = Speaker(m.start, m.end, "org", -1, label)
        events.append((m.start, sp))
    events.sort(key=lambda x: x[0])
    seen = set()
    for _, sp in events:
        if (sp.start, sp.end) not in seen:
            seen.add((sp.start, sp.end))
            pe.speakers.append(sp)


# ---- pronoun resolution --------------------------------------------------------------------

_CATAPHORA_STOP = frozenset(
    "with to about for against after by like unlike than and or but that told tell meeting met asked called "
    "urged thanked criticised criticized praised attacked accused including between among toward towards "
    "alongside beside behind into onto of-the referring whom when while as if because".split()
)
_ADVERBIAL_PREPS = frozenset("at from in on during before".split())


def _resolve_pronouns(text: str, pe: People, sentences, sent_of, para_of, paragraphs, pronouns) -> None:
    attr_by_pron = {a.pronoun[0]: a for a in pe.attributions if a.pronoun}
    speaker_starts: list[int] = []
    genders = {p.gender for p in pe.persons} | {m.gender for m in pe.mentions if m.kind == "role" and m.gender}

    def speakers() -> list[int]:
        if not speaker_starts and not pe.speakers:
            _speaker_events(text, pe)
            speaker_starts.extend(s.start for s in pe.speakers)
        return speaker_starts

    for s, e, word in pronouns:
        low = word.lower()
        if low in ("his", "her"):
            noun = _possessed(text, e)
            if noun is not None and text[max(0, s - 13):s].lower() != "according to ":
                _resolve_possessive(text, pe, sentences, sent_of, para_of, paragraphs, s, e, low, noun)
                continue
        if low in ("him", "her"):
            if text[max(0, s - 13):s].lower() != "according to ":
                continue
            ps, pe_ = s, e
            pron = "he" if low == "him" else "she"
            verb = "according"
        elif low not in ("he", "she"):
            continue
        else:
            pron = word.lower()
            ps, pe_ = s, e
            nxt = _NEXT_WORDS.findall(text, e, e + 30)
            verb = nxt[0].lower() if nxt else ""
            if verb in ADVERBS and len(nxt) > 1:
                verb = nxt[1].lower()
            if verb == "or" or verb == "/" or text[max(0, s - 3):s] in ("or ", "/", "s/", "(s)"):
                continue  # he or she, he/she
        if pe.in_quote(ps):
            continue
        pi = para_of(ps)
        if pi in pe.headline_paragraphs:
            continue
        res = Resolution(ps, pe_, pron, PRONOUN_GENDER[pron], verb=verb)
        pe.resolutions.append(res)
        pe._res_by_start[res.start] = res
        si = sent_of(ps)
        sent = sentences[si] if sentences else None
        attribution = attr_by_pron.get(ps)
        is_speech = verb in SPEECH_VERBS or verb == "according"

        # (0) a verb that only things and groups take: "She consisted of 14 people"
        if not is_speech and _THING_VERB.match(text, pe_) and not (
                res.gender == FEMALE and _VESSEL.search(
                    text, max(sentences[max(0, si - 2)].start if sentences else 0, ps - 2 * LOOKBACK), ps)):
            res.kind, res.how, res.label = "org", "thing-verb", "a group or a thing"
            continue
        # (1) inverted attribution naming the speaker after the verb
        if is_speech and verb != "according" and sent is not None:
            who = _cataphora(text, pe, pe_, sent.end)
            if who is not None:
                res.kind, res.person, res.how = "person", who, "cataphora"
                res.label = pe.persons[who].name
                continue
        # (2) continuation verb, or "according to her" right after a quote: the last speaker
        if verb == "according" and si > 0:
            k = bisect_left(speakers(), ps) - 1
            if k >= 0 and pe.speakers[k].start >= sentences[si - 1].start and pe.speakers[k].kind == "person":
                sp = pe.speakers[k]
                if sp.person >= 0 and not _someone_between(pe, sp, ps):
                    res.kind, res.person, res.how = "person", sp.person, "continuation"
                    res.label = pe.persons[sp.person].name
                    continue
        # "Asked about the race, she was cautious": a question put to the last speaker
        asked = False
        if sent is not None and _ASKED.match(text, sent.start) is not None:
            comma = text.rfind(",", sent.start, ps)  # the pronoun opens the clause after "Asked about ...,"
            asked = comma >= 0 and _ALNUM.search(text, comma + 1, ps) is None
        if verb in CONTINUATION_VERBS or asked:
            k = bisect_left(speakers(), ps) - 1
            if k >= 0:
                sp = pe.speakers[k]
                if para_of(sp.start) >= pi - 2 and not _someone_between(pe, sp, ps):
                    res.how = "continuation"
                    if sp.kind == "person" and sp.person >= 0:
                        res.kind, res.person, res.label = "person", sp.person, pe.persons[sp.person].name
                    elif sp.kind == "org":
                        res.kind, res.label = "org", sp.label
                    continue
            if verb in CONTINUATION_VERBS and OPPOSITE[res.gender] in genders:
                # 'MP Anna Zielinska called the budget "a recipe for debt". "...," he added.': a person brought
                # in after the last speaker, as the subject of a verb that is not a speech verb
                who = _new_subject(text, pe, sentences, sent_of, paragraphs, pi, ps, res.gender)
                if who is not None:
                    res.kind, res.person, res.how = "person", who, "continuation"
                    res.label = pe.persons[who].name
                    continue
        # (2b) a quote attributed with a pronoun in a paragraph whose only speaker so far is a person:
        # 'Giorgetti said the accounts were in order. "The spread is low," she explained.'
        if attribution is not None and is_speech and verb != "according" and OPPOSITE[res.gender] in genders:
            who = _paragraph_speaker(text, pe, sentences, si, ps, pi, paragraphs, speakers, para_of, res.gender)
            if who is not None and _quote_about(text, pe, *attribution.quote, who, res.gender):
                who = None  # 'Police said Maria Lopez died. "She was kind," he said.': someone speaks of her
            if who is not None:
                res.kind, res.person, res.how = "person", who, "paragraph"
                res.label = pe.persons[who].name
                continue
        # (3) organisation: statement of an organisation in this or the previous sentence
        if is_speech and sent is not None:
            org = _org_statement(text, pe, sentences, si, ps, attribution, res.gender)
            if org:
                res.kind, res.label, res.how = "org", org, "statement"
                continue
        # (3b) a reported clause of an organisation: "The Authority said in a statement that she expects"
        if not is_speech and sent is not None:
            org = _reported_org(text, pe, sentences, si, ps, res.gender)
            if org:
                res.kind, res.label, res.how = "org", org, "statement"
                continue
        # (4) sandwich: "he is skeptical: '...,' the ISW report says" after an organisation's sentence
        if sent is not None:
            org = _org_sandwich(text, pe, sentences, si, ps)
            if org:
                res.kind, res.label, res.how = "org", org, "sandwich"
                continue
        # (4b) any verb, the pronoun opening its sentence right after a sentence whose subject is an
        # organisation and that names nobody: "The union GDL called a strike. She demands ..."
        if sent is not None and not is_speech and si > 0 and any(
                m.kind in ("org", "orgnoun") for m in pe.unquoted_between(sentences[si - 1].start, ps)):
            org = _org_subject(text, pe, sentences, si, ps, res.gender, same_sentence=False)
            if org:
                res.kind, res.label, res.how = "org", org, "subject"
                continue
        # (4b') the same after a sentence whose subject is a thing, in a paragraph that names nobody:
        # "Another drone attacked a farm. He fell on the roof of a barn."
        if sent is not None and not is_speech and si > 0 and verb not in _PERSON_VERBS:
            thing = _thing_subject(text, pe, sentences, si, ps, pi, paragraphs)
            if thing:
                res.kind, res.label, res.how = "org", thing, "thing-subject"
                continue
        # (4c) "Kilis Governor Hulya Kaya stated that ... He noted that": a speech verb opening the sentence
        # after the paragraph's first speaker, with nobody else the pronoun could mean in the paragraph
        if is_speech and verb != "according" and si > 0 and OPPOSITE[res.gender] in genders:
            who = _paragraph_subject(text, pe, sentences, si, ps, paragraphs[pi].start if paragraphs else 0,
                                     res.gender)
            if who is not None:
                res.kind, res.person, res.how = "person", who, "opener"
                res.label = pe.persons[who].name
                continue
        # (4d) any verb, the pronoun opening the second sentence of a paragraph whose first sentence has a
        # person of the other gender as its subject and names nobody else: "One of the victims, a 67-year-old
        # woman, lost 180,000 euros. According to the police, he took out a loan."
        if sent is not None and not is_speech and si > 0 and OPPOSITE[res.gender] in genders:
            who = _paragraph_topic(text, pe, sentences, si, ps, pi, paragraphs, res.gender)
            if who is not None:
                res.kind, res.person, res.how = "person", who.person, "topic"
                res.label = pe.persons[who.person].name if who.person >= 0 else f"the {who.text}"
                res.referent_gender = pe.person_gender(who)
                continue
        # (2c) the one speaker in reach of a speech pronoun, when every other candidate is an organisation
        # or a place: 'According to sociologist Mira Radeva, ... "...," he commented.'
        if is_speech and sent is not None and OPPOSITE[res.gender] in genders:
            who = _sole_speaker_for(text, pe, sentences, sent_of, para_of, paragraphs, attribution, res)
            if who is not None:
                res.kind, res.person, res.how = "person", who, "speaker"
                res.label = pe.persons[who].name
                continue
        # (5) nearest person named outside quotes (only a person of the other gender can be a finding)
        if OPPOSITE[res.gender] in genders:
            win_start = paragraphs[max(0, pi - 3)].start if paragraphs else 0
            _nearest_person(pe, res, win_start, sentences, sent_of)
            if res.kind == "person" and attribution is not None and _quote_about(
                    text, pe, *attribution.quote, res.person, res.gender):
                res.kind, res.person, res.how, res.label = None, -1, "", ""  # someone unnamed speaks of her
            # (6) "He declared in court that he paid": the subject of the clause before, in the same sentence
            if res.kind is None and sent is not None:
                _same_subject(pe, res, sent.start)
            # (7) everyone in reach who could be meant is of the other sex, on strong evidence
            if res.kind is None and paragraphs:
                who = _only_opposite(text, pe, paragraphs, para_of, pi, res, attribution)
                if who is not None:
                    res.kind, res.person, res.how, res.label = "person", who, "only", pe.persons[who].name


# Words after "her" that make it an object pronoun ("told her that", "gave her the prize", "thanked her
# for"), or that leave the reading open ("her last"/"told her last week"): only "her" + a content word
# is read as a possessive.
_NOT_POSSESSED = frozenset(
    "the a an this that these those to for and or but nor in on at of with by from as if when while after "
    "before about into onto over under up down out off back away again also too yet so than then there here "
    "now today yesterday tomorrow last next once twice very not no is was are were be been being has have "
    "had will would can could should may might must do does did it its his her him them they he she we you "
    "i me my our your their who whom whose which what where why how because since until unless though "
    "although whether during against among between through throughout toward towards without within "
    "despite via per including alone directly personally himself herself".split()
)
_POSSESSED_WORD = re.compile(r"[ \t]+([a-z][a-z\-]*|\d{1,4}(?:st|nd|rd|th))\b")


def _possessed(text: str, e: int) -> str | None:
    """The noun (or adjective) after a possessive ``his``/``her``; None when ``her`` may be an object."""
    m = _POSSESSED_WORD.match(text, e, e + 40)
    if m is None:
        return None
    w = m.group(1)
    if w in _NOT_POSSESSED or w.endswith("ly"):
        return None
    if text[e:e + 4] in (" or ", "/") or text[e:e + 1] == "/":
        return None
    return w


def _resolve_possessive(text: str, pe: People, sentences, sent_of, para_of, paragraphs, s: int, e: int,
                        low: str, noun: str) -> None:
    """``his``/``her`` + noun outside quotes: the organisation that is the subject, or the person just named."""
    if pe.in_quote(s) or text[max(0, s - 4):s] in ("or ", "/") or text[max(0, s - 1):s] == "/":
        return
    pi = para_of(s)
    if pi in pe.headline_paragraphs or not sentences:
        return
    res = Resolution(s, e, low, PRONOUN_GENDER[low], verb=noun, how="possessive")
    pe.resolutions.append(res)
    pe._res_by_start[res.start] = res
    si = sent_of(s)
    sent = sentences[si]
    # "For his part, the ministry ...", "Meloni, for his part, ...": the subject the phrase introduces
    fronted = _fronted_possessive(text, pe, sent.start, s, e)
    if fronted is not None:
        head = fronted.head
        idiom = fronted.noun in _FRONTED_IDIOM
        ctx_start = sentences[max(0, si - 2)].start if not idiom else sent.start
        if head.kind in ("org", "orgnoun", "place", "thing"):
            if _nobody_of(pe, ctx_start, s, res.gender) and not any(
                    m.kind in ("person", "role", "name", "attached") for m in pe.unquoted_between(sent.start, s)):
                res.kind, res.label, res.how = "org", _org_label(text, head), "possessive-org"
        else:
            head = _apposed_person(text, pe, head)
            if head.kind == "person" and head.person >= 0 and (idiom or _nobody_of(
                    pe, ctx_start, s, res.gender, but=head.person)):
                res.kind, res.person, res.how = "person", head.person, "fronted"
                res.label = pe.persons[head.person].name
        return
    # (1) the subject of the clause is an organisation: "The union GDL presented her demands",
    # "The ministry published the figures. His report says..."
    near = pe.unquoted_between(sentences[si - 1].start if si else sent.start, s)
    org = _org_subject(text, pe, sentences, si, s, res.gender) if any(
        m.kind in ("org", "orgnoun") for m in near) else None
    if org:
        res.kind, res.label, res.how = "org", org, "possessive-org"
        return
    # (2) the person named just before, when nobody else of the pronoun's gender can be meant
    if not any(p.gender == OPPOSITE[res.gender] for p in pe.persons):
        return  # nobody of the other gender in the article: nothing to contradict
    subj = _subject_clause_possessive(text, pe, sent.start, s, res.gender)
    if subj is not None:
        res.kind, res.person, res.how = "person", subj, "bound"
        res.label = pe.persons[subj].name
        return
    bound = _bound_possessive(text, pe, s, noun)
    if bound is not None:
        res.kind, res.person, res.how = "person", bound.person, "bound"
        res.label = pe.persons[bound.person].name
        return
    win_start = paragraphs[max(0, pi - 3)].start if paragraphs else 0
    _nearest_person(pe, res, win_start, sentences, sent_of)
    if res.kind == "person" and not _possessive_clear(text, pe, res, sent.start):
        res.kind, res.person, res.label = None, -1, ""
    elif res.kind == "person":
        res.how = "possessive"


def _nobody_of(pe: People, start: int, end: int, gender: str, but: int = -1,
               skip: tuple[int, int] = (0, 0)) -> bool:
    """No person, person noun or unknown name in [start, end) that a pronoun of ``gender`` could mean
    (a person of the other gender does not count, nor person ``but``, nor mentions inside ``skip``:
    the title of person ``but``)."""
    for m in pe.unquoted_between(start, end):
        if m.kind == "person" and m.person == but and but >= 0:
            continue
        if skip[0] <= m.start < skip[1]:
            continue
        if m.kind in ("person", "role", "name"):  # an attached noun is its person's
            g = pe.person_gender(m) if m.kind != "name" else None
            if g is None or g == gender:
                return False
    return True


def _possessive_clear(text: str, pe: People, res: Resolution, sent_start: int) -> bool:
    """No one of the pronoun's gender (or of unknown gender) named or described earlier, further back than
    the window the subject pronouns use: a possessive often points back to the article's main person."""
    g = res.gender
    for m in pe.unquoted_between(max(0, res.start - 8 * LOOKBACK), res.start):
        if m.kind == "person" and m.person != res.person:
            mg = pe.person_gender(m)
            if m.person < 0 or mg is None or mg == g:
                return False
        elif m.kind in ("role", "attached") and m.gender == g:
            return False  # "her husband ... his"
    return True


def _org_subject(text: str, pe: People, sentences, si: int, ps: int, gender: str,
                 same_sentence: bool = True) -> str | None:
    """The organisation a pronoun at ``ps`` refers to as the subject of its sentence, or of the previous
    sentence when nothing in this one comes before the pronoun; None when a person may be meant."""
    sent = sentences[si]
    if ps - sent.start > LOOKBACK:
        return None
    before = pe.unquoted_between(sent.start, ps)
    if before:
        if not same_sentence or any(m.kind in ("person", "role", "name", "attached") for m in before):
            return None
        first = _subject(text, pe, sent.start, ps)
        if first is None or first.kind not in ("org", "orgnoun"):
            return None
        if _agent_noun(text, sent.start, ps):
            return None
    else:
        if si == 0 or _ALNUM.search(text, sent.start, ps) is not None and not _lead_adverbial(text, sent.start, ps):
            return None
        prev = sentences[si - 1]
        first = _subject(text, pe, prev.start, prev.end)
        if first is None or first.kind not in ("org", "orgnoun"):
            return None
        if any(m.kind in ("person", "role", "name", "attached") for m in pe.unquoted_between(prev.start, ps)):
            return None
        if _agent_noun(text, prev.start, ps):
            return None
    if pe.in_quote(first.start):
        return None
    org = _clean_org_window(pe, sentences[max(0, si - 2)].start, ps, text, gender)
    if not org:
        return None
    if same_sentence:
        if not _nobody_before(text, pe, ps, gender):  # possessives: "The court rejected his appeal"
            return None
    else:
        # a subject pronoun right after the organisation's sentence: nobody it could mean in this
        # paragraph and the one before, and no pronoun of its gender there
        pi = bisect_right(pe._doc.paragraph_starts, ps) - 1
        wstart = pe._doc.paragraphs[max(0, pi - 1)].start if pe._doc.paragraphs else 0
        if not _nobody_of(pe, wstart, ps, gender) or _agent_noun(text, wstart, ps):
            return None
        for pm in _HE_SHE.finditer(text, wstart, ps):
            if PRONOUN_GENDER[pm.group().lower()] == gender and not pe.in_quote(pm.start()):
                return None
    return _org_label(text, first)


def _nobody_before(text: str, pe: People, end: int, gender: str) -> bool:
    """Nobody the pronoun could mean in the article's last few paragraphs before ``end``: no person,
    person noun or unknown name of its gender (or of unknown gender), no unnamed person ("a 34-year-old",
    "a plumber"), and no pronoun of its gender outside quotations."""
    start = max(0, end - 8 * LOOKBACK)
    for m in pe.mentions_between(start, end):  # quoted mentions too: someone the quotes talk about
        if m.kind in ("person", "role", "name", "attached"):
            g = pe.person_gender(m) if m.kind != "name" else None
            if g is None or g == gender:
                return False
    if _agent_noun(text, start, end) or _YEAR_OLD.search(text, start, end):
        return False
    for pm in _HE_SHE.finditer(text, start, end):
        if PRONOUN_GENDER[pm.group().lower()] == gender and not pe.in_quote(pm.start()):
            return False
    return True


_YEAR_OLD = re.compile(r"\b\w+-year-old\b")


_LEAD_ADVERBIAL = re.compile(r"(?:[A-Z][a-z]*|[a-z]+)(?:[ \t]+[A-Za-z0-9\-']+){0,6},[ \t]+$")


def _lead_adverbial(text: str, start: int, end: int) -> bool:
    """Only a short introductory phrase and a comma before ``end``: "In a statement, ", "On Monday, "."""
    seg = text[start:end]
    if len(seg) > 60 or '"' in seg or "\u201c" in seg:
        return False
    m = _LEAD_ADVERBIAL.fullmatch(seg)
    if m is None:
        return False
    first = seg.split(None, 1)[0].lower()
    return first in _LEAD_WORDS or first in ("by", "to", "at", "in", "on", "with", "through", "under")


# A fronted phrase with a possessive introduces the subject that follows ("For its part, the ministry
# said", "In his statement, the president said"). With "part"/"side"/"turn" the possessive can only be
# the subject's; with the nouns of statements it usually is, and is checked against the context.
_FRONTED_IDIOM = frozenset("part side turn".split())
_FRONTED_NOUN = re.compile(
    r"[ \t]+(?:(?:own|latest|last|final|first|new|annual|weekly|daily|written|official|televised|opening|closing)"
    r"[ \t]+)?(?P<n>part|side|turn|view|opinion|statement|speech|message|letter|report|communiqu\u00e9|communique"
    r"|address|response|reply|ruling|judgment|judgement|assessment|analysis|forecast|note|remarks|words"
    r"|testimony|post)\b(?P<comma>[ \t]*,[ \t]*)?"
)
_FRONTED_NOUNS = frozenset(
    "part side turn view opinion statement speech message letter report communiqu\u00e9 communique address "
    "response reply ruling judgment judgement assessment analysis forecast note remarks words testimony post "
    "own latest last final first new annual weekly daily written official televised opening closing".split()
)
_FRONTED_LEAD = re.compile(r"(?:[Ff]or|[Oo]n|[Ii]n|[Ww]ith|[Tt]hrough|[Ff]rom)[ \t]+$")


# Person nouns that also name things or firms ("the pilot project", "the main driver", "a vaccine
# candidate", "the market leader"): not evidence that a "which" or an "its" is about a person.
_AMBIGUOUS_PERSON_NOUNS = frozenset(
    "star pilot driver partner candidate leader executive head chief champion winner owner operator supporter "
    "contractor builder employer investor trader broker consultant adviser advisor founder player forward "
    "successor predecessor counterpart veteran critic host runner defender colleague friend neighbour "
    "neighbor parent child citizen resident member person individual official voter fan patient victim "
    "survivor winger boss employee tenant landlord heir".split()
)


class Fronted(NamedTuple):
    head: Mention  # the subject the phrase introduces
    noun: str  # part, statement...
    initial: bool  # the phrase opens the sentence (else it follows the subject between commas)


def _fronted_possessive(text: str, pe: People, sent_start: int, s: int, e: int) -> Fronted | None:
    """The subject that a fronted ``For its part,`` / ``In his statement,`` / parenthetical ``, for his
    part,`` introduces."""
    tail = _FRONTED_NOUN.match(text, e)
    if tail is None:
        return None
    lead = _FRONTED_LEAD.search(text, max(sent_start, s - 10), s)
    if lead is None:
        return None
    lead_at = lead.start()
    noun = tail.group("n")
    if tail.group("comma") is None and (noun not in _FRONTED_IDIOM or text[lead_at - 2:lead_at] == ", "):
        return None  # "In his statement the ministry": only "defended for his part the plan" needs no comma
    if _ALNUM.search(text, sent_start, lead_at) is None:
        # sentence-initial: the subject follows the comma
        head = _np_head(text, pe, tail.end())
        return Fronted(head, noun, True) if head is not None else None
    # parenthetical "The prime minister, for its part, said", or after the verb ("Bayrou defended for
    # his part the method"): the subject of the sentence
    if noun not in _FRONTED_IDIOM:
        return None
    parenthetical = text[lead_at - 2:lead_at] == ", "
    if not parenthetical:
        vm = _PREV_WORD.search(text, max(sent_start, lead_at - 25), lead_at)
        if vm is None or not (_verbish(vm.group("w")) or vm.group("w") in IRREGULAR_PAST):
            return None
    subj = _subject(text, pe, sent_start, lead_at)
    if subj is None:
        # "The Confindustria, for her part, ...": a thing or a place opening the sentence
        first = next(iter(pe.unquoted_between(sent_start, lead_at)), None)
        if first is None or first.kind not in ("thing", "place") or not _np_start(text, sent_start, first.start):
            return None
        subj = first
    between = pe.unquoted_between(subj.start, lead_at)
    person_kinds = ("person", "role", "attached")
    same = person_kinds if subj.kind in person_kinds else (subj.kind,)
    if not between or any(x.kind not in same for x in between):
        return None
    if not parenthetical:
        # only the subject (and its apposition) before the verb: "The Prime Minister, François Bayrou,"
        if any(_verbish(w) for w in TOKEN_WORD_RE.findall(text, subj.end, vm.start())):
            return None
        head = next((x for x in between if x.kind == "person"), between[0])
        return Fronted(head, noun, False)
    return Fronted(between[-1], noun, False)


def _np_start(text: str, start: int, at: int) -> bool:
    """Only an article (or nothing) between ``start`` and ``at``."""
    return text[start:at].strip() in ("", "The", "the", "A", "An")


def _apposed_person(text: str, pe: People, m: Mention) -> Mention:
    """"the prime minister, Pedro Sánchez," -> Pedro Sánchez; otherwise ``m`` itself."""
    if m.kind in ("role", "attached") and text[m.end:m.end + 2] == ", ":
        nxt = _first_candidate(pe, m.end, m.end + 40)
        if nxt is not None and nxt.kind == "person" and nxt.start == m.end + 2:
            return nxt
    return m


_NP_STOP = frozenset("that which who whom whose and or but of in on at to for with by from as".split())


def _np_head(text: str, pe: People, pos: int) -> Mention | None:
    """The head mention of the noun phrase starting at ``pos`` ("the prime minister", "the ministry"),
    or None when it is unclear ("the company chairman", "the ministry's spokesman", an unknown name)."""
    cand = next((m for m in pe.unquoted_between(pos, pos + 60)
                 if m.kind in ("person", "role", "attached", "name", "org", "orgnoun", "place", "thing")), None)
    if cand is None or cand.start - pos > 32:
        return None
    lead = TOKEN_WORD_RE.findall(text, pos, cand.start)
    if len(lead) > 4 or any(w.lower() in _NP_STOP or _verbish(w) for w in lead):
        return None  # not a plain noun phrase: "the ministry's", "the man who", "the government said"
    if text[cand.end:cand.end + 1] in ("'", "\u2019"):
        return None  # "the ministry's spokesman"
    nxt = _NEXT_LOWER.match(text, cand.end)
    if nxt and (nxt.group(1) in PERSON_NOUNS or nxt.group(1) in ORG_NOUNS):
        return None
    if cand.kind == "role" and cand.text.lower() in _AMBIGUOUS_PERSON_NOUNS:
        return None
    return cand if cand.kind in ("person", "role", "attached", "org", "orgnoun", "place", "thing") else None


# Nouns that only a person (not an institution or a country) has: "Lula presented its government".
PERSONAL_POSSESSIONS = frozenset(
    "wife husband family son daughter sons daughters children mother father brother sister parents partner "
    "girlfriend boyfriend widow grandson granddaughter speech remarks career life lawyer lawyers spokesman "
    "spokeswoman spokesperson adviser advisers aide aides bodyguard bodyguards re-election candidacy "
    "resignation predecessor successor opponent opponents rival rivals supporters followers friend friends "
    "colleague colleagues counterpart health death funeral birthday memoirs autobiography childhood youth "
    "inauguration swearing-in presidency premiership government party cabinet campaign mandate "
    "wedding marriage divorce illness arrest trial conviction sentence acquittal pardon".split()
)
# Two literal-prefix patterns scan faster than one that starts with a class; the word boundary before
# "its" is checked on the (few) matches.
_ITS = re.compile(r"its[ \t]+(?:own[ \t]+)?(?P<noun>[a-z][a-z\-]*)\b")
_ITS_CAP = re.compile(r"Its[ \t]+(?:own[ \t]+)?(?P<noun>[a-z][a-z\-]*)\b")
_REL = re.compile(r",[ \t]+(?P<rw>which|who)[ \t]+(?:(?:also|then|later|recently|previously)[ \t]+)?"
                  r"(?P<v>[a-z][a-z']*)\b")
_VERB_BEFORE_ITS = re.compile(
    r"[ \t]+(?:(?:has|had|have|will|would|also|then|again|later|already|once|reportedly|personally)[ \t]+){0,2}"
    r"(?P<v>[a-z]+)[ \t]+$"
)
_NOT_VERB_BEFORE_ITS = frozenset(
    "and or but nor of in on at to for with from by as than that which who into onto about over under after "
    "before during against between among through without within despite via per like unlike including "
    "is was are were be been".split()
)
# Capitalised organisations that British English may call "who" (teams, bands, the police) are left out;
# these are institutions English never calls "who".
INSTITUTION_CUES = frozenset(
    "ministry institute institution agency court tribunal bank university commission corporation authority "
    "office department organisation organization foundation observatory academy inspectorate directorate "
    "secretariat embassy consulate kremlin pentagon report study survey document statement communiqué "
    "regulator watchdog company firm".split()
)
_COLLECTIVE_CUES = frozenset(
    "club team fc cf sc ac united city athletic sporting rovers wanderers band group police party family "
    "union council committee board government cabinet opposition".split()
)


def _verbish(word: str) -> bool:
    low = word.lower()
    if low in AUX or low in SPEECH_VERBS:
        return True
    if len(low) > 4 and low.endswith("ed"):
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")) and low not in NOT_VERBS_S


def _mention_ending_at(pe: People, end: int) -> Mention | None:
    ms = pe.unquoted_between(max(0, end - 120), end)
    for m in reversed(ms):
        if m.end == end:
            return m
        if m.end < end:
            break
    return None


def _org_chain_words(text: str, pe: People, m: Mention) -> list[str]:
    """The lowercase words of the capitalised organisation name ending with mention ``m`` ("Ministry of
    Health" for the mention "Health")."""
    k = bisect_right(pe._run_starts, m.start) - 1 if pe.runs else -1
    words: list[str] = []
    if k < 0:
        return [w.lower() for w in TOKEN_WORD_RE.findall(m.text)]
    j = k
    while True:
        words[:0] = [w[2].lower() for w in pe.runs[j].words]
        if j == 0 or text[pe.runs[j - 1].end:pe.runs[j].start] not in ORG_GAPS or k - j > 4:
            break
        j -= 1
    return words


def _org_chain_text(text: str, pe: People, m: Mention) -> str:
    k = bisect_right(pe._run_starts, m.start) - 1
    if k < 0:
        return m.text
    j = k
    while j > 0 and k - j < 4 and text[pe.runs[j - 1].end:pe.runs[j].start] in ORG_GAPS:
        j -= 1
    return text[pe.runs[j].start:m.end]


def _person_like(pe: People, m: Mention) -> bool:
    """A named person, or an unambiguous noun for one ("the minister", not "the pilot")."""
    if m.kind == "person":
        return m.person != -1
    if m.kind in ("role", "attached"):
        return m.text.lower() not in _AMBIGUOUS_PERSON_NOUNS
    return False


def _animacy(text: str, pe: People, sentences, sent_of, para_of) -> None:
    """``its`` or ``which`` for a person (TQ305), ``who`` for an institution (TQ302)."""
    if not sentences:
        return
    heads = pe.headline_paragraphs
    # "For its part, the prime minister said", "The president, for its part, ..."
    # and "Lula presented its government", "The president read its speech"
    for m in (*_ITS.finditer(text), *_ITS_CAP.finditer(text)):
        noun = m.group("noun")
        s, e = m.start(), m.start() + 3
        if s and (text[s - 1].isalnum() or text[s - 1] in "_'\u2019-"):
            continue  # "visits", "limits"
        if text[s] == "i" and text[e:e + 1] in " \t" and noun in _FRONTED_NOUNS:
            if pe.in_quote(s) or para_of(s) in heads:
                continue
            si = sent_of(s)
            f = _fronted_possessive(text, pe, sentences[si].start, s, e)
            if f is not None and _person_like(pe, f.head):
                head = _apposed_person(text, pe, f.head)
                ctx_start = sentences[max(0, si - 2)].start
                if f.noun in _FRONTED_IDIOM or not any(
                        x.kind in ("org", "orgnoun", "place", "thing") for x in pe.unquoted_between(ctx_start, s)):
                    _thing_for_person(pe, s, e, "its", head, "fronted", f.noun)
            continue
        if noun not in PERSONAL_POSSESSIONS:
            continue
        if pe.in_quote(s) or para_of(s) in heads:
            continue
        si = sent_of(s)
        sent = sentences[si]
        if text[s] == "I":
            # sentence-initial "Its wife ...": the previous sentence names one person and nothing else
            if _ALNUM.search(text, sent.start, s) is not None or si == 0:
                continue
            prev = sentences[si - 1]
            ms = pe.unquoted_between(prev.start, prev.end)
            if len(ms) == 1 and _person_like(pe, ms[0]) and not pe.in_quote(ms[0].start) \
                    and not _agent_noun(text, prev.start, prev.end):
                _thing_for_person(pe, s, e, "its", ms[0], "previous", noun)
            continue
        before = pe.unquoted_between(sent.start, s)
        if not before:
            continue
        subj = before[-1]
        if not _person_like(pe, subj) or text[subj.end:subj.end + 1] in ("'", "\u2019"):
            continue
        if any(x.kind in ("org", "orgnoun", "place", "thing", "name") for x in before[:-1]):
            continue
        after = subj.end
        if text[after:after + 1] == ",":
            # "The Brazilian president, Lula da Silva, presented its ...": the apposition closes
            first = _subject(text, pe, sent.start, s)
            if first is None or not all(_person_like(pe, x) for x in before) or first not in before:
                continue
            after += 1
        vm = _VERB_BEFORE_ITS.fullmatch(text, after, s)
        if vm is None:
            continue
        v = vm.group("v")
        if v in _NOT_VERB_BEFORE_ITS or not (_verbish(v) or v in IRREGULAR_PAST):
            continue
        _thing_for_person(pe, s, e, "its", subj, "subject", noun)
    # '"...," it said' after a quote of a person, with no organisation or thing named in between
    its_attr = [a for a in pe.attributions if a.pronoun and text[a.pronoun[0]:a.pronoun[1]].lower() == "it"]
    if its_attr:
        if not pe.speakers:
            _speaker_events(text, pe)
        starts = [sp.start for sp in pe.speakers]
        for a in its_attr:
            s, e = a.pronoun
            if para_of(s) in heads or a.verb not in SPEECH_VERBS:
                continue
            k = bisect_left(starts, a.quote[0]) - 1
            if k < 0:
                continue
            sp = pe.speakers[k]
            if sp.kind != "person" or sp.person < 0 or para_of(sp.start) < para_of(s) - 1:
                continue
            between = pe.unquoted_between(sp.end, s)
            if any(m.kind != "person" or m.person != sp.person for m in between):
                continue
            who = Mention(sp.start, sp.end, "person", sp.person, sp.gender, False, sp.label)
            _thing_for_person(pe, s, e, "it", who, "attribution", a.verb)
    # "The minister, which criticised ..." (a person); "The ministry, who announced ..." (an institution)
    ends = {x.end for x in pe._unquoted}
    for m in _REL.finditer(text):
        c = m.start()
        if c not in ends and not text.endswith(("state", "government"), 0, c):
            continue  # nothing named right before the comma
        rw, v = m.group("rw"), m.group("v")
        if not (_verbish(v) or v in IRREGULAR_PAST) or pe.in_quote(c) or para_of(c) in heads:
            continue
        prev = _mention_ending_at(pe, c)
        s, e = m.span("rw")
        if prev is None:
            hm = _HEAD_OF_STATE.search(text, max(0, c - 40), c) if rw == "which" else None
            if hm is not None and _ALNUM.search(text, sentences[sent_of(c)].start, hm.start()) is None:
                # "The head of state, which wants ...": no mention, but a person all the same
                label = hm.group().lower().removeprefix("the ")
                pe.thing_pronouns.append(Resolution(s, e, "which", "", kind="person", label=f"the {label}",
                                                    how="relative", verb=v))
            continue
        if rw == "which":
            if not _person_like(pe, prev):
                continue
            cn = _COMMON_NOUN_BEFORE.search(text, max(0, prev.start - 30), prev.start)
            if cn is not None and prev.kind == "person" and cn.group("n") not in PERSON_NOUNS:
                continue  # "the brewery Budvar, which": a firm named after its common noun
            sent = sentences[sent_of(c)]
            subj = _subject(text, pe, sent.start, c)
            if subj is None or not _person_like(pe, subj):
                # an inverted attribution names the subject after the verb: 'assured the president, which'
                iv = _INVERTED_BEFORE.search(text, max(sent.start, prev.start - 40), prev.start)
                if (iv is None or iv.group("v") not in INVERSION_VERBS) and \
                        not _inverted_speaker(text, pe, max(sent.start, prev.start - 80), prev):
                    continue
                _thing_for_person(pe, s, e, "which", prev, "relative", v)
                continue
            words = [w.lower() for w in TOKEN_WORD_RE.findall(text, subj.start, c)]
            if prev.kind == "person" and _inverted_speaker(text, pe, max(sent.start, prev.start - 80), prev):
                _thing_for_person(pe, s, e, "which", prev, "relative", v)
                continue
            if any(_verbish(w) or w in ("that", "which", "who", "and", "but", "or") for w in words):
                continue  # "The minister praised Lula, which ...": which is the whole clause
            _thing_for_person(pe, s, e, "which", prev, "relative", v)
        else:
            if prev.kind == "orgnoun":
                words = [prev.text.lower()]
                if text[max(0, prev.start - 4):prev.start].lower() != "the " and \
                        text[max(0, prev.start - 3):prev.start] not in ("'s ", "\u2019s "):
                    continue  # "a company who": informal, not an institution named as such
            elif prev.kind == "org":
                words = _org_chain_words(text, pe, prev)
            elif prev.kind == "name" and _NOUN_BEFORE_NAME.search(text, max(0, prev.start - 50), prev.start):
                words = ["company"]  # "The regional television À Punt, who": named after an institution's noun
            else:
                continue
            if not any(w in INSTITUTION_CUES for w in words) or any(w in _COLLECTIVE_CUES for w in words):
                continue
            label = _org_label(text, prev) if prev.kind == "orgnoun" else _org_chain_text(text, pe, prev)
            if prev.kind != "orgnoun" and _owned_by_person(text, pe, c - len(label), c):
                continue  # "Professor Jane Doe of Leeds University, who": the clause is about the person
            pe.resolutions.append(Resolution(s, e, "who", "", kind="org", label=label, how="relative", verb=v))


# Collectives British English may call "who" take a plural verb then ("the council, who are"); with a singular
# verb the clause treats one institution as a person: "The Council of Football, who is integrated by...".
_SINGULAR_COLLECTIVE = frozenset("council committee board government cabinet union network association "
                                 "society platform federation confederation coalition movement".split())
_COLLECTIVE_NOUN_BEFORE = re.compile(r"\b[Tt]he[ \t]+(?P<n>[a-z]+)[ \t]+$")


def _singular_collective_who(text: str, pe: People, para_of) -> None:
    """``, who`` + a singular verb after a named council, committee or network (``The Council of Football,
    who is``, ``The network Ocio Venezia, who monitors``)."""
    if ", who " not in text:
        return
    done = {r.start for r in pe.resolutions}
    for m in _REL.finditer(text):
        c = m.start()
        s, e = m.span("rw")
        v = m.group("v")
        if m.group("rw") != "who" or s in done or pe.in_quote(c) or para_of(c) in pe.headline_paragraphs:
            continue
        if not (v in ("is", "has", "was") or (_verbish(v) and v.endswith("s") and v not in AUX)):
            continue
        prev = _mention_ending_at(pe, c)
        if prev is None or prev.kind not in ("org", "name", "place", "thing"):
            continue
        words = _org_chain_words(text, pe, prev) if prev.kind == "org" else [prev.text.lower()]
        nb = _COLLECTIVE_NOUN_BEFORE.search(text, max(0, prev.start - 30), prev.start)
        if nb is not None:
            words = [*words, nb.group("n")]
        if not any(w in _SINGULAR_COLLECTIVE for w in words):
            continue
        label = _org_chain_text(text, pe, prev) if prev.kind == "org" else prev.text
        if _owned_by_person(text, pe, c - len(label), c):
            continue
        pe.resolutions.append(Resolution(s, e, "who", "", kind="org", label=label, how="relative", verb=v))


# '"...," recalled its spokesperson, Ann Roy, which': the reporting verb right after a quotation.
_QUOTE_VERB = re.compile(r"[,.!?][\"\u201d\u00bb\u201c][ \t]+(?P<v>[a-z]+)[ \t]+(?P<np>[^.!?;:\"\u201c\u201d]*)$")


_NOT_SUBJECT_WORDS = frozenset("to in with by about at on from against into after before than and or".split())


def _inverted_speaker(text: str, pe: People, start: int, m: Mention) -> bool:
    """The person is the subject put after the reporting verb of a quotation ('"...," said the head of the
    association, Ann Roy') with no other name in between."""
    q = _QUOTE_VERB.search(text, start, m.start)
    if q is None or q.group("v") not in SPEECH_VERBS:
        return False
    if any(w in _NOT_SUBJECT_WORDS for w in q.group("np").lower().split()):
        return False  # '"...," said the guild in a letter to Ann Roy, which': the name is not the subject
    return not any(x.kind in ("person", "name") for x in pe.unquoted_between(q.start("np"), m.start))


# "the brewery Budvar": a lowercase noun between the article and a name.
_COMMON_NOUN_BEFORE = re.compile(r"\b[Tt]he[ \t]+(?P<n>[a-z]+)[ \t]+$")
# "of", "from", "at" linking a person to the institution named after them.
_AFFILIATION_BEFORE = re.compile(r"[ \t]+(?:of|from|at|with|for)[ \t]+(?:the[ \t]+)?$")


def _owned_by_person(text: str, pe: People, org_start: int, org_end: int) -> bool:
    """The institution is the object of 'of/from/at' after a person: 'Professor Jane Doe of Leeds University'
    or 'a spokeswoman for the Health Ministry'."""
    if any(x.kind == "person" for x in pe.unquoted_between(org_start, org_end)):
        return True  # the capitalised chain runs through a person: "Jane Doe of Leeds University"
    m = _AFFILIATION_BEFORE.search(text, max(0, org_start - 12), org_start)
    if m is None:
        return False
    before = _mention_ending_at(pe, m.start())
    return before is not None and (before.kind in ("person", "role", "attached") or
                                   before.kind == "name" and first_name_gender(before.text.split()[0]) is not None)


# An institution's common noun right before its name: "the regional television À Punt", "the agency Aemet".
_NOUN_BEFORE_NAME = re.compile(
    r"\b[Tt]he[ \t]+(?:[a-z\-]+[ \t]+)?(?P<n>television|broadcaster|channel|newspaper|daily|agency|company|firm"
    r"|bank|regulator|ministry|institute|court|operator|carrier|manufacturer)[ \t]+$")
_HEAD_OF_STATE = re.compile(r"[Tt]he[ \t]+head[ \t]+of[ \t]+(?:state|government)$")
_INVERTED_BEFORE = re.compile(r"\b(?P<v>[a-z]+)[ \t]+(?:the[ \t]+)?(?:[a-z\-]+[ \t]+)?$")

IRREGULAR_PAST = frozenset(
    "read gave took made met set put led held won lost sent told left spent kept brought began wrote showed "
    "drew chose rose fell saw knew thought sought bought paid laid meant became came went ran gave rang "
    "spoke stood sat broke hid shook threw grew flew swore tore wore bore".split()
)


def _thing_for_person(pe: People, s: int, e: int, word: str, who: Mention, how: str, verb: str) -> None:
    label = pe.persons[who.person].name if who.kind == "person" and who.person >= 0 else f"the {who.text}"
    pe.thing_pronouns.append(Resolution(s, e, word, "", kind="person", person=who.person if who.kind == "person"
                                        else -1, label=label, how=how, verb=verb))


def _paragraph_speaker(text: str, pe: People, sentences, si: int, ps: int, pi: int, paragraphs, speakers,
                       para_of, gender: str) -> int | None:
    """The person who speaks in this paragraph just before a quote attributed with a pronoun: the last
    speaker event ("Morales said that ..."), or the person subject of the previous sentence when it
    has a speech verb ("The minister, Giancarlo Giorgetti, ..., said that ..."). None when someone else
    of the pronoun's gender is named in the paragraph."""
    pstart = paragraphs[pi].start if paragraphs else 0
    opposite = OPPOSITE[gender]
    if not any(m.kind == "person" and m.person >= 0 and pe.persons[m.person].gender == opposite
               for m in pe.unquoted_between(pstart, ps)):
        return None  # nobody in the paragraph the pronoun could contradict
    who = None
    skip = (0, 0)
    k = bisect_left(speakers(), ps) - 1
    if k >= 0:
        sp = pe.speakers[k]
        if sp.kind == "person" and sp.person >= 0 and para_of(sp.start) == pi and not _someone_between(pe, sp, ps):
            who = sp.person
    if who is None and si > 0 and sentences[si - 1].start >= pstart:
        prev = sentences[si - 1]
        if _SPEECH_WORD.search(text, prev.start, prev.end):
            subj = _subject_person(text, pe, prev.start, prev.end)
            if subj is not None and not any(
                    m.kind in ("person", "role", "name") and m.person != subj.person
                    for m in pe.unquoted_between(subj.end, ps) if m.kind != "role" or m.gender is None):
                who = subj.person
                skip = (prev.start, subj.end)  # "The Minister of Economy, Giancarlo Giorgetti"
    if who is None or not _nobody_of(pe, pstart, ps, gender, but=who, skip=skip):
        return None
    return who


# ---- the one speaker in reach (round 2): every candidate contradicts the pronoun -----------------

_ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording[ \t]+to[ \t]+(?:(?:the[ \t]+)?[a-z][a-z\-]*[ \t]+){0,3}$")
# "said for bTV", "told in an interview": a medium or a place after the verb, not a person
_MEDIUM_BEFORE = re.compile(r"\b(?:for|on|in|at|near|inside|outside)[ \t]+(?:the[ \t]+)?$")
_GAP_STOP = frozenset("and or with who whose whom which that but while".split())
_GAP_PUNCT = re.compile(r"[.;:!?\"\u201c\u201d\u201e\u00ab\u00bb\n]")


def _clean_gap(text: str, start: int, end: int, limit: int = 100) -> bool:
    """[start, end) is an apposition or a modifier ("deputy mayor responsible for transport in his
    presentation", ", the faction leader of the Fidesz-KDNP"): no verb, no conjunction, no sentence break."""
    gap = text[start:end]
    if len(gap) > limit or gap.startswith(("'", "\u2019")) or _GAP_PUNCT.search(gap):
        return False
    return not any(_verbish(w) or w.lower() in _GAP_STOP for w in TOKEN_WORD_RE.findall(gap))


def _speaks(text: str, pe: People, m: Mention, sent_end: int) -> bool:
    """The person mention ``m`` is a speaker: "According to sociologist Mira Radeva", "Milica Stevanović,
    said", "Mrs. Tran Thi Mai, director of the company, said that"."""
    if _ACCORDING_BEFORE.search(text, max(0, m.start - 60), m.start):
        return True
    v = _SPEECH_WORD.search(text, m.end, min(sent_end, m.end + 110))
    return v is not None and _clean_gap(text, m.end, v.start())


def _modifier_role(text: str, m: Mention) -> bool:
    """A person noun used as a modifier ("the resident permit"), not a person."""
    nxt = _POSSESSED_WORD.match(text, m.end, m.end + 30)
    if nxt is None:
        return False
    w = nxt.group(1)
    return (len(w) > 2 and not _verbish(w) and w not in ADVERBS and w not in _NOT_POSSESSED and w not in IRREGULAR_PAST
            and not w.endswith(("ly", "ed")))


def _own_role(text: str, who: Mention, m: Mention) -> bool:
    """A person noun in apposition to ``who``: "sociologist Mira Radeva", "Ildikó Szabó deputy mayor"."""
    if m.kind == "attached":
        return True
    a, b = (m.end, who.start) if m.end <= who.start else (who.end, m.start)
    return b - a <= 60 and _clean_gap(text, a, b)


def _sole_speaker(text: str, pe: People, start: int, end: int, gender: str, sent_end) -> int | None:
    """The one person named outside quotes in [start, end), when she speaks there and every other
    candidate (person nouns of unknown gender, unknown names, earlier pronouns) is ruled out: organisations
    and places cannot be ``he``/``she`` of a speaker either, so the pronoun is wrong whichever it means."""
    ms = pe.unquoted_between(start, end)
    people_ = [m for m in ms if m.kind == "person"]
    if not people_ or any(m.person < 0 for m in people_) or len({m.person for m in people_}) != 1:
        return None
    who = people_[0].person
    if pe.persons[who].gender != OPPOSITE[gender]:
        return None
    for m in ms:
        if m.kind in ("role", "attached"):
            if m.gender == OPPOSITE[gender] or _modifier_role(text, m):
                continue
            if m.gender == gender or not any(_own_role(text, p, m) for p in people_):
                return None
        elif m.kind == "name" and len(m.text) > 1 and not _MEDIUM_BEFORE.search(text, max(0, m.start - 12), m.start):
            return None  # an unknown name may be a person; a lone letter ("P+R parking") is not
    if _agent_noun(text, start, end):
        return None
    for pm in _HE_SHE.finditer(text, start, end):
        if PRONOUN_GENDER[pm.group().lower()] == gender and not pe.in_quote(pm.start()):
            prior = pe._res_by_start.get(pm.start())
            if prior is None or prior.kind != "person" or prior.person != who:
                return None  # "he" said of someone else before
    if not any(_speaks(text, pe, m, sent_end(m.start)) for m in people_):
        return None
    return who


def _speaker_window(text: str, pe: People, paragraphs, pi: int, end: int) -> int:
    """Start of the stretch a pronoun at ``end`` looks back over: its paragraph, or the prose paragraph
    before when its own names nobody before ``end``."""
    start = paragraphs[pi].start if paragraphs else 0
    if any(m.kind in ("person", "role", "name", "attached") for m in pe.unquoted_between(start, end)):
        return start
    j = _prose_paragraph_before(pe, pi, paragraphs)
    return paragraphs[j].start if j >= 0 else start


def _split_quote_start(pe: People, paragraphs, para_of, qs: int) -> int:
    """Where a quotation that MT split over paragraphs opens: a quote that continues its paragraph's
    first words (``and we will go on," he said``) opens in the paragraph before, when that one ends inside
    a quotation ("...We came to build,"). Followed back two paragraphs at most."""
    for _ in range(2):
        pi = para_of(qs)
        if pi is None or pi == 0 or paragraphs[pi].start != qs:
            return qs
        k = bisect_left(pe._doc.quote_starts, qs) - 1
        if k < 0 or pe.quotes[k][1] != paragraphs[pi - 1].end:
            return qs
        qs = pe.quotes[k][0]
    return qs


def _quote_about(text: str, pe: People, qs: int, qe: int, who: int, gender: str) -> bool:
    """The quote names the person or calls someone by her pronoun: "She was a great mother," he said."""
    if any(m.kind == "person" and m.person == who for m in pe.mentions_between(qs, qe)):
        return True
    return any(PRONOUN_GENDER[pm.group().lower()] == OPPOSITE[gender] for pm in _HE_SHE.finditer(text, qs, qe))


def _new_person_after(pe: People, start: int, end: int, who: int, gender: str) -> bool:
    """Someone the pronoun may mean named after it: '"...," he said. Petar Ilić, 45, has lived here'."""
    words = sorted(fold(pe.persons[who].name).split())
    for m in pe.unquoted_between(start, end):
        if m.kind == "person" and m.person == who:
            continue
        if m.kind == "name" and sorted(fold(m.text).split()) == words:
            continue  # her name in the other order: "Judit Kovács" ... "Kovács Judit"
        if m.kind in ("person", "role", "name"):
            g = pe.person_gender(m) if m.kind != "name" else None
            if g != OPPOSITE[gender]:
                return True
    return False


_COORDINATED = re.compile(r"(?:,[ \t]*|[ \t]+)(?:but|and)[ \t]+$")


def _sole_speaker_for(text: str, pe: People, sentences, sent_of, para_of, paragraphs, attribution,
                      res: Resolution) -> int | None:
    """The speaker a speech pronoun can only mean: for '"...," he said' the one person who speaks before
    the quote in its paragraph (or the paragraph before); for 'According to him', 'As he added' or
    '..., but he insisted' the one person who speaks before it in the paragraph."""
    ps = res.start
    si = sent_of(ps)
    sent = sentences[si]

    def sent_end(off: int) -> int:
        return sentences[sent_of(off)].end

    if attribution is not None:
        qs, qe = attribution.quote
        qs = _split_quote_start(pe, paragraphs, para_of, qs)
        end = qs
        start = _speaker_window(text, pe, paragraphs, para_of(qs), qs)
    else:
        head = pe.unquoted_between(sent.start, ps)
        if any(m.kind in ("person", "role", "name", "attached") for m in head) and not _COORDINATED.search(
                text, max(sent.start, ps - 8), ps):
            return None  # reported speech: "Radeva said he told her", "Radeva thanked Ivo, who he said"
        qs = qe = -1
        end = ps
        start = _speaker_window(text, pe, paragraphs, para_of(ps), ps)
    start = max(start, end - 4 * LOOKBACK)  # bounded: a paragraph may be the whole article
    who = _sole_speaker(text, pe, start, end, res.gender, sent_end)
    if who is None:
        return None
    if qs >= 0 and (_quote_about(text, pe, qs, qe, who, res.gender)
                    or _new_person_after(pe, qe, ps, who, res.gender)):
        return None
    if (qs >= 0 and _new_person_after(pe, res.end, sent.end, who, res.gender)) or (si + 1 < len(sentences) and _new_person_after(
            pe, sentences[si + 1].start, min(sentences[si + 1].end, sentences[si + 1].start + 40), who, res.gender)):
        return None  # a new speaker introduced after the quote
    return who


_PREP_BEFORE = re.compile(r"\b(?:in|on|at|during|with|for|from|through|by|after|before|under|via)[ \t]+$")


def _subject_clause_possessive(text: str, pe: People, sent_start: int, s: int, gender: str) -> int | None:
    """A possessive inside the clause of the person who opens the sentence, before its verb: "Ildikó Szabó
    deputy mayor responsible for transport in his presentation emphasized" (her presentation)."""
    ms = pe.unquoted_between(sent_start, s)
    who = next((m for m in ms if m.kind in ("person", "name")), None)
    if who is None or who.kind != "person" or who.person < 0 or pe.persons[who.person].gender != OPPOSITE[gender]:
        return None
    if not (_clean_gap(text, sent_start, who.start, 60) and _clean_gap(text, who.end, s, 100)
            and _PREP_BEFORE.search(text, max(who.end, s - 12), s)):
        return None  # "Composer Paulo Brandão, her partner": the possessive opens an apposition
    for m in ms:
        if m.kind == "person" and m.person != who.person or m.kind == "name":
            return None
        if m.kind in ("role", "attached") and m.gender == gender:
            return None
    return who.person


def _paragraph_subject(text: str, pe: People, sentences, si: int, ps: int, pstart: int, gender: str) -> int | None:
    """The person of the other gender who speaks as the subject of the previous sentence of this paragraph,
    for a ``he``/``she`` + speech verb opening its sentence: news introduces a speaker at the start of a
    paragraph and goes on with a pronoun, so a pronoun for someone else would need that person named
    in the paragraph (or a pronoun of its gender there). None otherwise."""
    prev = sentences[si - 1]
    sent = sentences[si]
    if prev.start < pstart or ps - prev.start > 2 * LOOKBACK or (
            _ALNUM.search(text, sent.start, ps) and not _lead_adverbial(text, sent.start, ps)):
        return None
    if _ALNUM.search(text, pstart, prev.start) and not _SPEECH_WORD.search(text, prev.start, prev.end):
        return None  # a speaker, or the sentence that opens the paragraph
    subj = _subject_person(text, pe, prev.start, prev.end)
    if subj is None or pe.persons[subj.person].gender != OPPOSITE[gender]:
        return None
    for m in pe.mentions_between(pstart, ps):  # quoted ones too: someone the quotes talk about
        if prev.start <= m.start < subj.end:
            continue  # the subject's title: "The regional director, Ayse Demir"
        if m.kind in ("person", "role", "name") and not (m.kind == "person" and m.person == subj.person):
            g = pe.person_gender(m) if m.kind != "name" else None
            if g is None or g == gender:
                return None
    if _agent_noun(text, pstart, ps) or _YEAR_OLD.search(text, pstart, ps):
        return None
    for pm in _HE_SHE.finditer(text, pstart, sent.start):  # "In his vote, he stated": the same slip
        if PRONOUN_GENDER[pm.group().lower()] == gender:
            return None
    return subj.person


_SPEECH_WORD = re.compile(r"\b(?:" + word_trie(sorted(SPEECH_VERBS)) + r")\b")


def _subject_person(text: str, pe: People, start: int, end: int) -> Mention | None:
    """The person who is the subject of the sentence in [start, end): a named person, or the person in
    apposition to the subject noun ("The secretary general of the CFDT, Marylise Léon, said")."""
    subj = _subject(text, pe, start, end)
    if subj is None:
        return None
    if subj.kind == "person":
        return subj if subj.person >= 0 else None
    if subj.kind not in ("role", "attached"):
        return None
    for m in pe.unquoted_between(subj.end, min(end, subj.end + 90)):
        if m.kind == "person":
            gap = text[subj.end:m.start]
            if m.person >= 0 and gap.endswith(", ") and not any(_verbish(w) for w in TOKEN_WORD_RE.findall(gap)):
                return m
            return None
        if m.kind not in ("org", "orgnoun", "place", "role", "attached"):
            return None
    return None


def _someone_between(pe: People, sp: Speaker, end: int) -> bool:
    """A person, person noun or unknown name outside quotes between a speaker and ``end``."""
    for m in pe.unquoted_between(max(sp.end, end - 4 * LOOKBACK), end):
        if m.kind == "person" and sp.kind == "person" and m.person == sp.person and m.person >= 0:
            continue
        if m.kind in ("person", "role", "name"):
            return True
    return False


_CATAPHORA_DIRECT = frozenset(
    "said declared stated explained added insisted affirmed emphasised emphasized concluded commented remarked "
    "indicated underlined reiterated".split()
)
_ADVERBIAL_AFTER = re.compile(r"[ \t]+(?:after|on|in|at|during|before|from|to reporters|in a)\b")


def _cataphora(text: str, pe: People, verb_from: int, sent_end: int) -> int | None:
    """'"...," she explained the director of the Park, Lorenzo Vitale.' -> Lorenzo Vitale."""
    lim = min(sent_end, verb_from + 110)
    ms = pe.unquoted_between(verb_from, lim)
    for m in ms:
        if m.kind != "person" or m.person < 0:
            continue
        between = text[verb_from:m.start]
        if any(q in between for q in "\"\u201c\u201d\u00ab\u00bb;:"):
            return None
        toks = [t.lower() for t in TOKEN_WORD_RE.findall(between)]
        if len(toks) < 2:  # the verb alone before the name: "he told Putin" / "she said Putin"
            # '"...," he declared Salvini after the ruling.': a verb that takes no person as its object
            if toks and toks[0] in _CATAPHORA_DIRECT and between.endswith(" ") and (
                    text[m.end:m.end + 1] in (".", ",", ";", "\n", "") or _ADVERBIAL_AFTER.match(text, m.end)):
                return m.person
            return None
        toks = toks[1:]  # drop the verb
        if any(t in _CATAPHORA_STOP for t in toks):
            return None
        if any(t.endswith("ing") and t not in ("meeting", "building", "briefing", "hearing") for t in toks):
            return None
        if toks[0] not in _ADVERBIAL_PREPS and toks[0] not in ("the", "a") and toks[0] not in TITLES:
            return None
        after = text[m.end:m.end + 12]
        after = _POSSESSIVE.sub("", after) if after.startswith(("'", "\u2019")) else after
        if not (after[:1] in (".", ",", ";", "") or after.startswith(("\n",))):
            return None
        if after[:1] == ",":
            nxt = _NEXT_WORDS.findall(text, m.end + 1, m.end + 30)
            if nxt and not (nxt[0] in ("who", "which", "according") or nxt[0].endswith("ing")):
                return None
        return m.person
    return None


def _first_candidate(pe: People, start: int, end: int) -> Mention | None:
    for m in pe.unquoted_between(start, end):
        if m.kind in ("person", "role", "name", "org", "orgnoun"):
            return m
    return None


def _clean_org_window(pe: People, start: int, end: int, text: str = "", gender: str | None = None) -> str | None:
    start = max(start, end - 3 * LOOKBACK)
    """The first organisation in [start, end) when nobody the pronoun may mean is there.

    Nobody: no person of the pronoun's gender (or of unknown gender), no person noun
    that is not of the other gender, no unknown name, no pronoun of the same gender.
    """
    org = None
    for m in pe.unquoted_between(start, end):
        if m.kind in ("person", "role", "name"):
            g = pe.person_gender(m) if m.kind != "name" else None
            if gender is None or g is None or g == gender:
                return None
        if m.kind in ("org", "orgnoun") and org is None:
            org = m
    if org is not None and text:
        for pm in _HE_SHE.finditer(text, start, end):
            if not pe.in_quote(pm.start()) and (gender is None or PRONOUN_GENDER[pm.group().lower()] == gender):
                r = pe._res_by_start.get(pm.start())
                if r is None or r.kind != "org":  # one already read as the organisation's is no one
                    return None
    return org.text if org else None


_HE_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er|[Hh]is)\b")


def _org_label(text: str, m: Mention) -> str:
    if m.kind == "orgnoun":
        pre = text[max(0, m.start - 30):m.start]
        k = max(pre.rfind("the "), pre.rfind("The "))
        return (pre[k:] if k >= 0 else "") + m.text
    return m.text


_LEAD_WORDS = frozenset(
    "in on at after before during since with despite although though while when as also however according "
    "for from following amid under given because if once until unlike like besides meanwhile moreover "
    "furthermore additionally nevertheless yet still thus therefore instead later earlier then".split()
)


def _subject(text: str, pe: People, start: int, end: int) -> Mention | None:
    """The subject of the sentence starting at ``start``: its first mention, after any leading adverbial."""
    first_word = TOKEN_WORD_RE.match(text, start)
    pos = start
    if first_word is None or first_word.group().lower() in _LEAD_WORDS or first_word.group().lower().endswith("ing"):
        comma = text.find(", ", start, min(end, start + 300))
        if comma < 0:
            return None
        pos = comma + 2
    m = _first_candidate(pe, pos, min(end, pos + 60))
    if m is None or m.start - pos > 40:
        return None
    lead = [w.lower() for w in TOKEN_WORD_RE.findall(text, pos, m.start)]
    if any(w.endswith("ing") or w in ("that", "which", "who", "whom", "whose", "of") for w in lead):
        return None
    return m


def _org_statement(text: str, pe: People, sentences, si: int, ps: int, attribution, gender: str) -> str | None:
    sent = sentences[si]
    # same sentence: "The IAEA does not assign responsibility..., he recalled"
    first = _subject(text, pe, sent.start, ps) if ps - sent.start < LOOKBACK else None
    before = text[max(sent.start, ps - 3):ps]
    if first is not None and first.kind in ("org", "orgnoun") and ("," in before or attribution):
        if _clean_org_window(pe, sentences[max(0, si - 2)].start, ps, text, gender):
            return _org_label(text, first)
    # quote attribution or a sentence-initial reporting clause: the previous sentence is an organisation's
    bare_start = ps - sent.start < LOOKBACK and _ALNUM.search(text, sent.start, ps) is None
    # "In a press release, she indicated", "According to her,": the pronoun is still the clause's subject
    lead = not bare_start and ps - sent.start < LOOKBACK and (
        _lead_adverbial(text, sent.start, ps) or text[sent.start:ps].lower() == "according to ")
    starts_sentence = bare_start or lead
    if attribution is not None or starts_sentence or (
            ps - sent.start < 2 * LOOKBACK and _only_quote_before(text, pe, sent.start, ps)):
        if si == 0:
            return None
        prev = sentences[si - 1]
        cand = _first_candidate(pe, max(sent.start, ps - LOOKBACK), ps)
        if cand is not None and (cand.kind not in ("org", "orgnoun") or not starts_sentence):
            return None
        first = _subject(text, pe, prev.start, prev.end)
        if first is not None and first.kind in ("org", "orgnoun") and _clean_org_window(
                pe, _window_start(pe, sentences, si, ps), ps, text, gender):
            return _org_label(text, first)
    return None


def _window_start(pe: People, sentences, si: int, ps: int) -> int:
    """Where to look for someone else a pronoun may mean: two sentences back; but when the organisation's
    sentence opens the pronoun's paragraph and the pronoun speaks through an institution's channel
    ("In a press release, she indicated"), not before that paragraph."""
    start = sentences[max(0, si - 2)].start
    starts = pe._doc.paragraph_starts
    k = bisect_right(starts, ps) - 1
    text = pe._doc.text
    if k >= 0 and si > 0 and start < starts[k] <= sentences[si - 1].start and \
            _ALNUM.search(text, starts[k], sentences[si - 1].start) is None and (
            _CHANNEL.search(text, sentences[si].start, sentences[si].end) or (
            _SAYS_THAT.match(text, ps) and _SAYS_THAT.search(text, sentences[si - 1].start, sentences[si - 1].end))):
        return starts[k]
    return start


# "In a press release, she indicated"; "The operator indicated that ... She specifies that ...": the
# pronoun goes on with what the organisation reports
_CHANNEL = re.compile(r"\b(?:press release|statement|communiqu\u00e9|communique|bulletin|website)\b")
_SAYS_THAT = re.compile(r"\b(?:[A-Za-z]+[ \t]+)?(?:also[ \t]+)?(?:" + word_trie(sorted(SPEECH_VERBS)) + r")[ \t]+that\b")


def _only_quote_before(text: str, pe: People, start: int, ps: int) -> bool:
    """The sentence before the pronoun is only a quotation (and punctuation)."""
    pos = start
    k = bisect_right(pe._doc.quote_starts, start) - 1
    k = max(k, 0)
    while pos < ps:
        while k < len(pe.quotes) and pe.quotes[k][1] <= pos:
            k += 1
        nxt = pe.quotes[k][0] if k < len(pe.quotes) else ps
        if nxt > pos and _ALNUM.search(text, pos, min(nxt, ps)):
            return False
        if k >= len(pe.quotes) or nxt >= ps:
            return True
        pos = pe.quotes[k][1]
    return True


def _org_sandwich(text: str, pe: People, sentences, si: int, ps: int) -> str | None:
    if si == 0:
        return None
    sent = sentences[si]
    # the quote after the pronoun in the same sentence, attributed to an organisation
    target = None
    k = bisect_right(pe._attr_starts, ps)
    while k < len(pe.attributions) and pe.attributions[k].quote[0] < min(sent.end, ps + 300):
        a = pe.attributions[k]
        if a.quote[1] <= sent.end + 1 and a.speaker.kind == "org" and a.after:
            target = a
            break
        k += 1
    if target is None:
        return None
    if _first_candidate(pe, ps, target.quote[0]) is not None:
        return None
    if any(m.kind in ("person", "role", "name") for m in pe.unquoted_between(max(sent.start, ps - LOOKBACK), ps)):
        return None
    prev = sentences[si - 1]
    first = _subject(text, pe, prev.start, prev.end)
    if first is None or first.kind not in ("org", "orgnoun"):
        return None
    return target.speaker.label or _org_label(text, first)


_AGENT = re.compile(
    r"\b(?:a|an|the|his|her|their|another|one)\s+(?:[a-z\-]+\s+)?(?P<n>[a-z]{2,}(?:er|or|ist|ian|ant|eer|ee|ess|man|woman))\b"
)
_NOT_AGENT = frozenset(
    "number order water center centre matter paper power border letter summer winter error sector factor corner "
    "quarter chapter weather computer cancer other another former latter later better under after never ever "
    "however together whether either neither rather further over cover career manner banner dinner river "
    "shower tower flower theater theatre plant restaurant business process access success address progress "
    "congress express fortress stress press dress unless elephant giant quantity majority minority "
    "meter metre liter litre thunder monster register character semester trimester filter barrier carrier "
    "chamber member's charter shelter poster roster cluster disaster minister's mirror horror terror motor "
    "rotor vector tractor reactor elevator indicator generator monitor radiator calculator escalator "
    "ambassador's corridor interior exterior behavior behaviour favor favour honor honour labor labour "
    "armor armour rumor rumour vapor vapour color colour floor door rigor tumor harbor harbour anchor "
    "radar cellar collar dollar pillar altar guitar sugar grammar calendar seminar nectar bazaar".split()
)


def text_of(pe: People) -> str:
    return pe._doc.text


_AGENT_NEXT = frozenset("who whose whom that and or had has have was is were will would said says told asked".split())


def _agent_noun(text: str, start: int, end: int) -> bool:
    """An unnamed person introduced between ``start`` and ``end``: "a plumber who", "the collector said"."""
    for m in _AGENT.finditer(text, start, end):
        n = m.group("n")
        if n in _NOT_AGENT or n in PERSON_NOUNS or n.endswith(("ness", "less")):
            continue  # known person nouns are mentions already (with their gender, attached or not)
        nxt = _NEXT_WORDS.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
        word = nxt.group() if nxt else ""
        if not word or not word[0].isalpha() or word in _AGENT_NEXT or (
                word[0].islower() and (word.endswith("ed") or word.endswith("s") and not word.endswith("ss"))):
            return True
    return False


_SPEAKS_AFTER = re.compile(r"[ \t]+(?:also[ \t]+|then[ \t]+|has[ \t]+|had[ \t]+)?(?:" + _SPEECH + r")\b")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|inside|outside)[ \t]+(?:the[ \t]+)?$")


def _nearest_person(pe: People, res: Resolution, win_start: int, sentences, sent_of) -> None:
    ms = pe.unquoted_between(max(win_start, res.start - 4 * LOOKBACK), res.start)
    a_i = -1
    for i in range(len(ms) - 1, -1, -1):
        if ms[i].kind == "person":
            a_i = i
            break
    if a_i < 0:
        return
    a = ms[a_i]
    if a.person < 0:
        return
    g = res.gender
    if pe.persons[a.person].gender != OPPOSITE[g]:
        return  # only a person of the other gender makes a finding: spare the checks below
    a_sent = sentences[sent_of(a.start)].start if sentences else 0
    for i, m in enumerate(ms):
        if m.kind == "person":
            mg = pe.person_gender(m)
            if m.person < 0 or mg is None or mg == g:
                return  # someone the pronoun may well mean
        elif m.kind == "role" and i > a_i:
            if m.gender is None or m.gender == g:
                return
        elif m.kind == "name" and m.start >= a_sent and not _LOCATIVE_BEFORE.search(text_of(pe), max(0, m.start - 12),
                                                                                   m.start):
            return  # an unknown name may be a person ("in La Moncloa" is a place)
        elif m.kind in ("name", "role", "attached") and _SPEAKS_AFTER.match(text_of(pe), m.end, m.end + 24):
            return  # "Her coach Aston Moore told ...", "Moore said": an unknown speaker the pronoun may mean
    text = text_of(pe)
    if _agent_noun(text, a.end, res.start):
        return  # "a plumber", "the collector": someone unnamed may be meant
    for pm in _HE_SHE.finditer(text, a_sent, res.start):
        if PRONOUN_GENDER[pm.group().lower()] == g and not pe.in_quote(pm.start()):
            prior = pe._res_by_start.get(pm.start())
            if prior is not None and prior.kind == "person" and prior.person == a.person:
                continue  # the same wrong pronoun for the same person, already found: "his role ... his mother"
            return  # the article already says "she" after naming him: she is someone else
    res.kind, res.person, res.how = "person", a.person, "nearest"
    res.label = pe.persons[a.person].name


# ---- pronouns for things, and for a person brought in without a speech verb -------------------

# Page furniture between paragraphs: "Read also: ...", "SEE ALSO: Tusk: ...", "Related news: ...".
_ASIDE = re.compile(
    r"(?:[Rr]ead|READ|[Ss]ee|SEE|[Ll]ire|LIRE|[Rr]elated|RELATED|[Aa]lso|ALSO|[Mm]ore|MORE)(?:[ \t]+[A-Za-z]+)?"
    r"[ \t]?:")
# Verbs whose subject is never a person: "She consisted of 14 people", "He comprises three parts".
_THING_VERB = re.compile(
    r"[ \t]+(?:also[ \t]+|now[ \t]+)?(?:consists[ \t]+of|consisted[ \t]+of|comprises|comprised"
    r"|(?:is|was)[ \t]+(?:composed|made[ \t]+up)[ \t]+of"
    # a measure only a thing has (German "die Lawine", Russian "плотина"): "She had a width of 150 meters"
    r"|(?:has|had)[ \t]+a[ \t]+(?:total[ \t]+|maximum[ \t]+)?(?:width|length|depth|diameter|capacity|surface|"
    r"volume|thickness|radius|magnitude|wingspan|displacement)[ \t]+of)\b")
# English may call a ship "she".
_VESSEL = re.compile(r"\b(?:ship|vessel|boat|yacht|ferry|liner|tanker|frigate|destroyer|submarine|schooner"
                     r"|cruiser|carrier|freighter|trawler)\b", re.IGNORECASE)
_ASKED = re.compile(r"Asked[ \t]+(?:about|whether|if|why|how|what|when|on|for|by)\b")
# Nouns for things that machine translation from languages with grammatical gender calls he or she
# (Russian "беспилотник", German "der Plan", Spanish "la ley"); singular only.
THING_NOUNS = frozenset(
    "drone missile rocket shell projectile bomb plane aircraft airplane helicopter jet car vehicle truck lorry "
    "bus minibus train tram tank weapon device machine robot satellite "
    "plan project programme program bill law decree reform proposal agreement deal treaty budget draft text "
    "initiative measure strategy scheme package system platform application app network "
    "storm typhoon hurricane cyclone tornado earthquake quake fire wildfire blaze flood wave virus disease "
    "epidemic pandemic outbreak vaccine drug "
    "building bridge tower dam plant factory mine pipeline road tunnel".split()
)
# Verbs of people (minds and speech) after which a he/she is a person whatever came before.
_PERSON_VERBS = frozenset(
    "thinks thought believes believed hopes hoped wants wanted feels felt knows knew says said told tells "
    "asked asks wonders wondered fears feared recalls recalled remembers remembered wishes wished "
    "is was has had will would can could".split()
)
_DETERMINERS = frozenset("the a an another this that its their one each every".split())
_SELF_VERBS = frozenset(
    "played plays scored scores won wins made makes reached reaches earned earns claimed claims".split()
)
_ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth debut".split()
)
_SELF_BEFORE = re.compile(r"(?:,[ \t]+who|[ \t])[ \t]*(?:has[ \t]+|had[ \t]+|also[ \t]+|just[ \t]+)?"
                          r"(?P<v>[a-z]+)[ \t]+$")


def _same_subject(pe: People, res: Resolution, sent_start: int) -> None:
    """A he/she that repeats the one before it in its sentence, with nobody named between (``He declared
    that he paid``, ``she said she would``), refers to what that one refers to."""
    k = len(pe.resolutions) - 2
    while k >= 0 and pe.resolutions[k].pronoun not in ("he", "she"):
        k -= 1  # possessives and "according to her" are read by their own steps
    if k < 0:
        return
    prev = pe.resolutions[k]
    if prev.start < sent_start or prev.pronoun != res.pronoun or prev.kind != "person" or prev.person < 0:
        return
    if any(m.kind in ("person", "role", "name", "attached") for m in pe.mentions_between(prev.end, res.start)):
        return
    res.kind, res.person, res.how, res.label = "person", prev.person, "same-subject", prev.label


def strong_gender(p: Person, *, pronouns: bool = False) -> bool:
    """The person's gender rests on a hand-checked first name, a title or a gendered noun, and nothing strong
    says otherwise. With ``pronouns`` (TQ301's test of a title against the person), three or more of the
    article's pronouns with none against also count, and only a middle-strength vote against vetoes."""
    votes = getattr(p, "_votes", None) or {}
    g = p.gender
    if g not in (MALE, FEMALE) or votes.get((OPPOSITE[g], 1), 0):
        return False
    if not pronouns and votes.get((OPPOSITE[g], 2), 0):
        return False
    if votes.get((g, 2), 0) > 0 or getattr(p, "_curated", None) == g:
        return True
    return pronouns and votes.get((g, 0), 0) >= 3 and not votes.get((OPPOSITE[g], 0), 0)


def _apposed_role(text: str, who: Mention, m: Mention) -> bool:
    """A person noun in apposition to the name: "The head of the delegation, Lucía Mendoza", "Judit Kovács,
    the faction leader", "Nguyen Thi Thu (22 years old, a worker in ...)"; not "Scholz met the minister"."""
    if m.end <= who.start:
        return 0 < who.start - m.end <= 60 and text[m.end:who.start].endswith(", ") and _clean_gap(
            text, m.end, who.start - 2)
    gap = text[who.end:m.start]
    if not 0 < len(gap) <= 60 or "\n" in gap:
        return False
    if gap.startswith(" (") and ")" not in gap:
        return True
    return gap.startswith(", ") and _clean_gap(text, who.end + 1, m.start)


def _only_opposite(text: str, pe: People, paragraphs, para_of, pi: int, res: Resolution,
                   attribution) -> int | None:
    """The person a he/she must mean when everyone in reach (its paragraph back to the start of the prose
    paragraph before; before a quote MT split, the one before its opening) is of the other sex on strong
    evidence, or an organisation or a place: no person noun, no unknown name or gender, nobody of the
    pronoun's sex in the paragraph (quotes included), no earlier pronoun of its sex for someone else."""
    g = res.gender
    pa = para_of(_split_quote_start(pe, paragraphs, para_of, paragraphs[pi].start))
    j = _prose_paragraph_before(pe, pa, paragraphs)
    start, end = paragraphs[j if j >= 0 else pa].start, paragraphs[pi].end
    if res.start - start > 4 * LOOKBACK:
        return None  # bounded: a long stretch names too much to be sure of
    who = None
    ms = pe.mentions_between(start, end)
    named = [m for m in ms if m.kind == "person"]
    for i, m in enumerate(ms):
        before = m.start < res.start
        if m.kind == "person":
            if m.person < 0 or pe.persons[m.person].gender != OPPOSITE[g] or not strong_gender(pe.persons[m.person]):
                return None
            if before and not m.quoted:
                who = m.person if who is None or who == m.person else -1
        elif m.kind in ("role", "attached"):
            if i + 1 < len(ms) and ms[i + 1].kind == "person" and text[m.end:ms[i + 1].start] == " ":
                continue  # a title of the name after it ("Minister Anna Nowak"; MT's "Younger brother Nguyen Thi Thu")
            if m.gender == g:
                return None
            if (before and not m.quoted and m.gender is None and m.kind == "role" and not _modifier_role(text, m)
                    and not any(_apposed_role(text, p, m) for p in named)):
                return None  # "the officer", "a neighbour": someone unnamed
        elif m.kind == "name" and before and not m.quoted and len(m.text) > 1 and not _LOCATIVE_BEFORE.search(
                text, max(0, m.start - 12), m.start):
            return None
    if who is None or who < 0 or _agent_noun(text, start, res.start):
        return None  # nobody, or two people: the finding would not know whom to name
    for pm in _HE_SHE.finditer(text, start, res.start):
        if PRONOUN_GENDER[pm.group().lower()] == g and not pe.in_quote(pm.start()):
            prior = pe._res_by_start.get(pm.start())
            if prior is None or prior.kind != "person" or prior.person != who:
                return None
    if attribution is not None:
        qs, qe = attribution.quote
        if _quote_about(text, pe, qs, qe, who, g):
            return None  # '"She was kind," he said': someone unnamed speaks of her
    return who


def _prose_paragraph_before(pe: People, pi: int, paragraphs) -> int:
    """The paragraph before ``pi`` that is prose (not a headline, a byline or a "Read also" line); -1 if none."""
    j = pi - 1
    while j >= 0 and (j in pe.headline_paragraphs or j in pe.aside_paragraphs):
        j -= 1
    return j


def _first_word_span(text: str, start: int, end: int) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in TOKEN_WORD_RE.finditer(text, start, min(end, start + 160))]


def _thing_head(text: str, start: int, end: int) -> str | None:
    """The subject of the sentence in [start, end) when it is a plain noun phrase headed by a thing noun
    ("Another drone attacked", "The plan provides"), after an optional introductory phrase; else None."""
    head = _thing_np(text, start, end)
    if head is None:
        comma = text.find(", ", start, min(end, start + 60))
        if comma >= 0 and _LEAD_ADVERBIAL.fullmatch(text, start, comma + 2) and not any(
                w in AUX or w in SPEECH_VERBS or w in IRREGULAR_PAST or w.endswith("ed")
                for w in TOKEN_WORD_RE.findall(text, start, comma)):
            head = _thing_np(text, comma + 2, end)  # "A few hours later, another drone attacked"
    return head


def _thing_np(text: str, pos: int, end: int) -> str | None:
    words = _first_word_span(text, pos, end)
    if len(words) < 3 or words[0][0].lower() not in _DETERMINERS:
        return None
    for i in range(1, min(len(words) - 1, 5)):
        w = words[i][0]
        if not w.islower():
            return None
        if w in THING_NOUNS:
            nxt = words[i + 1][0]
            gap = text[words[i][1] + len(w):words[i + 1][1]]
            if gap.strip() or not nxt.islower():
                return None
            if nxt in AUX or nxt in IRREGULAR_PAST or _verbish(nxt) or nxt in ADVERBS:
                return " ".join(x for x, _ in words[:i + 1])
            return None
        if w in _NOT_VERB_BEFORE_ITS or w in AUX or _verbish(w) or w in PERSON_NOUNS or w in ORG_NOUNS:
            return None
    return None


def _quiet_window(text: str, pe: People, start: int, end: int) -> bool:
    """Nobody a he or she could mean in [start, end): no person, person noun or unknown name (quoted or
    not), no unnamed person ("a plumber", "a 34-year-old") and no he/she/his/her outside quotations."""
    for m in pe.mentions_between(start, end):
        if m.kind in ("person", "role", "name", "attached"):
            return False
    if _agent_noun(text, start, end) or _YEAR_OLD.search(text, start, end):
        return False
    for pm in _HE_SHE.finditer(text, start, end):
        if not pe.in_quote(pm.start()):
            return False
    return True


def _opens_sentence(text: str, sent_start: int, ps: int) -> bool:
    return _ALNUM.search(text, sent_start, ps) is None or _lead_adverbial(text, sent_start, ps)


def _thing_subject(text: str, pe: People, sentences, si: int, ps: int, pi: int, paragraphs) -> str | None:
    """The thing a he/she opening its sentence refers to: the subject of the previous sentence, in the same
    paragraph, when that paragraph and the prose paragraph before it name nobody."""
    sent, prev = sentences[si], sentences[si - 1]
    if not paragraphs or ps - prev.start > 2 * LOOKBACK or not _opens_sentence(text, sent.start, ps):
        return None
    pstart = paragraphs[pi].start
    if prev.start < pstart:
        return None
    head = _thing_head(text, prev.start, prev.end)
    if head is None:
        return None
    j = _prose_paragraph_before(pe, pi, paragraphs)
    windows = [(pstart, ps)] + ([(paragraphs[j].start, paragraphs[j].end)] if j >= 0 else [])
    if not all(_quiet_window(text, pe, a, b) for a, b in windows):
        return None
    return head[0].lower() + head[1:]


def _paragraph_topic(text: str, pe: People, sentences, si: int, ps: int, pi: int, paragraphs,
                     gender: str) -> Mention | None:
    """The person of the other gender who is the subject of a paragraph's first sentence, for a he/she
    opening the second sentence, when nobody else is named in the paragraph (nor anyone of the
    pronoun's gender in the prose paragraph before) and no pronoun of the pronoun's gender is there."""
    sent, prev = sentences[si], sentences[si - 1]
    if not paragraphs or paragraphs[pi].start != prev.start or ps - prev.start > 2 * LOOKBACK:
        return None
    if not _opens_sentence(text, sent.start, ps):
        return None
    cands = [m for m in pe.mentions_between(prev.start, ps) if m.kind in ("person", "role", "name", "attached")]
    if not cands:
        return None
    subj = next((m for m in cands if not m.quoted), None)
    if subj is None or subj.start - prev.start > 60:
        return None
    lead = [w.lower() for w in TOKEN_WORD_RE.findall(text, prev.start, subj.start)]
    if any(w in AUX or w in SPEECH_VERBS or w in IRREGULAR_PAST or (len(w) > 4 and w.endswith("ed")) or
           w in ("that", "which", "who", "whom", "whose", "with", "by", "and") for w in lead):
        return None  # not the subject: "The police arrested a woman", "Together with a man"
    g = pe.person_gender(subj)
    if subj.kind == "person" and subj.person < 0 or g != OPPOSITE[gender]:
        # "One of the victims, a 67-year-old woman": the apposition says who
        if subj.kind != "role" or g is not None or text[subj.end:subj.end + 2] != ", ":
            return None
        nxt = next((m for m in cands if m.start > subj.end), None)
        if nxt is None or nxt.kind != "role" or nxt.start - subj.end > 30 or nxt.gender != OPPOSITE[gender]:
            return None
        subj = nxt
    for m in cands:
        if m is subj or m.end <= subj.start:
            continue
        if m.kind == "person" and subj.kind == "person" and m.person == subj.person:
            continue
        if m.kind in ("role", "attached") and m.gender == OPPOSITE[gender] and m.start - subj.end < 40:
            continue  # "a 67-year-old woman from Graz, the owner of the flat"
        return None
    for pm in _HE_SHE.finditer(text, prev.start, ps):
        if PRONOUN_GENDER[pm.group().lower()] == gender and not pe.in_quote(pm.start()):
            return None
    if _agent_noun(text, subj.end, ps):
        return None
    j = _prose_paragraph_before(pe, pi, paragraphs)
    if j >= 0 and not _nobody_of(pe, paragraphs[j].start, paragraphs[j].end, gender):
        return None
    if j >= 0:
        for pm in _HE_SHE.finditer(text, paragraphs[j].start, paragraphs[j].end):
            if PRONOUN_GENDER[pm.group().lower()] == gender and not pe.in_quote(pm.start()):
                return None
    return subj


def _new_subject(text: str, pe: People, sentences, sent_of, paragraphs, pi: int, ps: int, gender: str) -> int | None:
    """For ``he added``/``she continued`` when someone was named after the last speaker: the one person named
    outside quotations since the start of the previous prose paragraph, who is the subject of their
    sentence, is of the other gender, and after whom no pronoun of the pronoun's gender appears."""
    if not paragraphs:
        return None
    j = _prose_paragraph_before(pe, pi, paragraphs)
    if j > 0 and text[paragraphs[j].start:paragraphs[j].start + 1].islower():
        j -= 1  # a sentence split over two paragraphs
    start = paragraphs[j].start if j >= 0 else paragraphs[pi].start
    who = None
    for m in pe.unquoted_between(max(start, ps - 3 * LOOKBACK), ps):
        if para_index(pe, m.start) in pe.aside_paragraphs or para_index(pe, m.start) in pe.headline_paragraphs:
            continue
        if m.kind == "person":
            if m.person < 0 or (who is not None and who.person != m.person):
                return None
            who = who or m
        elif m.kind == "name" and who is not None and text[who.end:m.start] in (" of ", " (", " from "):
            continue  # "MP Anna Zielinska of PiS": her party
        elif m.kind in ("role", "name") or (m.kind == "attached" and m.gender in (None, gender)):
            if who is None or m.kind == "name" or m.gender in (None, gender) or m.start - who.end > 40:
                return None
    if who is None or pe.persons[who.person].gender != OPPOSITE[gender]:
        return None
    ws = sentences[sent_of(who.start)]
    subj = _subject_person(text, pe, ws.start, ws.end)
    if subj is None or subj.person != who.person:
        return None
    for pm in _HE_SHE.finditer(text, who.end, ps):
        if PRONOUN_GENDER[pm.group().lower()] == gender and not pe.in_quote(pm.start()):
            return None
    if _agent_noun(text, who.end, ps):
        return None
    return who.person


def para_index(pe: People, off: int) -> int:
    return max(0, bisect_right(pe._doc.paragraph_starts, off) - 1)


_REPORTED_THAT = re.compile(
    r"\b(?P<v>[a-z]+)(?:[ \t]+(?:in|on|at|through|via)[ \t]+(?:a|an|the|its)[ \t]+[a-z]+)?[ \t]+that[ \t]+$")


# What an institution says it expects or plans for itself: "said that she expects 4 million visitors".
_FORECAST_AFTER = re.compile(
    r"[ \t]+(?:also[ \t]+|now[ \t]+|still[ \t]+)?(?:expects|expected|plans|planned|intends|intended|aims|aimed|estimates"
    r"|estimated|forecasts|anticipates|anticipated|projects|projected"
    # what it says it must do: Arabic, Romance and Slavic reports give the institution's noun its gender
    # ("announced that she was forced to reduce supply", "and that she will be obliged to adopt")
    r"|(?:is|was|were|will[ \t]+be|would[ \t]+be|has[ \t]+been|had[ \t]+been)[ \t]+(?:forced|obliged|compelled)[ \t]+to)\b")
_AND_THAT = re.compile(r",?[ \t]+and[ \t]+that[ \t]+$")
_REPORTING_GAP = re.compile(r"[ \t]+(?:[\w\-]+,?[ \t]+){0,6}that[ \t]+")


def _reporting_verb(text: str, start: int, ps: int) -> tuple[str, int] | None:
    """The speech verb (and where it starts) whose "that" is right before ``ps`` with a few words
    between ("announced in a statement today, Tuesday, that she"), or, for "..., and that she", the
    sentence's first speech verb + that ("clarified that the reserve is low, and that she will be")."""
    second = _AND_THAT.search(text, max(start, ps - 12), ps) is not None
    found = None
    for m in _SPEECH_WORD.finditer(text, start, ps):
        if second:
            return (m.group(), m.start()) if text.startswith(" that ", m.end()) else None
        if _REPORTING_GAP.fullmatch(text, m.end(), ps):
            found = (m.group(), m.start())
    return found


def _reported_org(text: str, pe: People, sentences, si: int, ps: int, gender: str) -> str | None:
    """'The Authority, which organizes the fair, said in a statement that she expects ...': a pronoun opening
    the reported clause of an organisation's statement, when nobody the pronoun could mean is named."""
    sent = sentences[si]
    if ps - sent.start > LOOKBACK:
        return None
    m = _REPORTED_THAT.search(text, max(sent.start, ps - 60), ps)
    verb = (m.group("v"), m.start()) if m is not None else None
    if (verb is None or verb[0] not in SPEECH_VERBS) and text.endswith(" that ", sent.start, ps):
        verb = _reporting_verb(text, sent.start, ps)
    if verb is None or verb[0] not in SPEECH_VERBS or not _FORECAST_AFTER.match(text, ps + (3 if text[ps] in "sS" else 2)):
        return None  # "The committee confirmed that she would chair": someone else, named elsewhere
    if any(x.kind in ("person", "role", "name", "attached") for x in pe.unquoted_between(sent.start, ps)):
        return None
    first = _subject(text, pe, sent.start, verb[1])
    if first is None or first.kind not in ("org", "orgnoun") or pe.in_quote(first.start):
        return None
    if _agent_noun(text, sent.start, ps):
        return None
    if not _clean_org_window(pe, sentences[max(0, si - 2)].start, ps, text, gender):
        return None
    if not _nobody_before(text, pe, ps, gender):
        return None
    return _org_label(text, first)


def _bound_possessive(text: str, pe: People, s: int, noun: str) -> Mention | None:
    """'Eda Erdem Dundar, who played his 300th match': a possessive of a count of the subject's own (an
    ordinal, a debut) after a verb of achievement whose subject is the person named right before."""
    if not (noun in _ORDINAL_WORDS or noun[:1].isdigit()):
        return None
    m = _SELF_BEFORE.search(text, max(0, s - 40), s)
    if m is None or m.group("v") not in _SELF_VERBS:
        return None
    k = m.start()
    who = _mention_ending_at(pe, k)
    if who is None or who.kind != "person" or who.person < 0:
        return None
    return who


# --------------------------------------------------------------------------------------
# Name spellings: one name written two ways, and source-language spellings
# --------------------------------------------------------------------------------------

_VOWELISH = frozenset("aeiouy")
# Consonants that transliterations and mishearings swap: nasals before a labial (Sheinbaum / Sheimbaum),
# voiced and voiceless pairs (Medvedev / Medvetev), s/z/c/x sounds (Gonzalez / Gonzales).
_CLOSE_CONSONANTS = frozenset(frozenset(p) for p in ("mn", "bp", "dt", "gk", "fv", "sz", "cs", "ck", "vw", "lr"))
_INDELS = frozenset("hyie")
_FEMININE = re.compile(r"(?:aya|aia|skaya|ska|ova|eva|ina|yna|ová|á)$")
_DEMONYM_SUFFIX = ("n", "an", "ian", "ean", "i", "ese", "ish", "ns", "ans", "ians")


@dataclass
class NameVariant:
    """A spelling to flag: ``form`` (all its occurrences) where ``preferred`` is meant."""

    form: str
    preferred: str
    occurrences: list[tuple[int, int]]
    counts: tuple[int, int]  # (this form, the preferred form)
    reason: str  # transliteration | accents | source
    rule: str  # TQ501 | TQ601
    note: str = ""


@cache
def source_spellings() -> dict[str, tuple[str, str]]:
    """Source-language spelling -> (English spelling, language code), from ``names_spellings.tsv``."""
    rows = lexicon.table("names_spellings.tsv")
    return {row[0]: (row[1], row[2] if len(row) > 2 else "") for row in rows if len(row) >= 2}


_LANGS = {"es": "Spanish", "pt": "Portuguese", "fr": "French", "de": "German", "it": "Italian", "ru": "Russian",
          "pl": "Polish", "cs": "Czech", "tr": "Turkish", "nl": "Dutch"}


def _is_first_name(form: str) -> bool:
    return first_name_gender(form) is not None and fold(form) in first_names()


def _different_people(pe: People, a: str, b: str) -> bool:
    """Both spellings are surnames of people introduced with different first names."""
    fa = {skeleton(p.first) for p in pe.persons if p.first and p.surname == a}
    fb = {skeleton(p.first) for p in pe.persons if p.first and p.surname == b}
    return bool(fa and fb and not (fa & fb))


_TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})


def _excluded_pair(pe: People, a: str, b: str) -> bool:
    if a.translate(_TYPOGRAPHY) == b.translate(_TYPOGRAPHY):
        return True  # O’Rourke / O'Rourke: one spelling in two typefaces (mixed quotes are TQ805's)
    la, lb = fold(a), fold(b)
    if la[:-3] == lb[:-3] and {la[-3:], lb[-3:]} == {"sen", "son"}:
        return True  # Andersen / Anderson, Larsen / Larson: different families
    short, long_ = sorted((la, lb), key=len)
    if long_.startswith(short) and long_[len(short):] in ("s", "es", "'s") + _DEMONYM_SUFFIX:
        # Zelensky / Zelenskyi is one name; Iraq / Iraqi, Israel / Israeli are a place and its demonym
        if long_[len(short):] != "i" or place_kind(short) or place_kind(long_):
            return True
    if bool(_FEMININE.search(la)) != bool(_FEMININE.search(lb)) and la[:4] == lb[:4] and skeleton(a) != skeleton(b):
        return True
    pa, pb = place_kind(la), place_kind(lb)
    if pa or pb:
        geo = _geo()
        ca = geo.canonical(la) if geo and pa else None
        cb = geo.canonical(lb) if geo and pb else None
        # two gazetteer towns under one transliteration key are one town (Kostiantynivka / Kostyantynivka)
        if not (ca and cb and (ca == cb or "country" not in (pa, pb) and _translit_key(a) == _translit_key(b))):
            return True
    if pa in ("demonym", "language") or pb in ("demonym", "language"):
        return True
    if _is_first_name(a) and _is_first_name(b):
        return True
    return _different_people(pe, a, b)


@cache
def _levenshtein():
    from rapidfuzz.distance import Levenshtein

    return Levenshtein


def _one_edit_ok(a: str, b: str) -> bool:
    ops = _levenshtein().editops(a, b)
    if len(ops) != 1:
        return False
    op = ops[0]
    if op.tag == "replace":
        x, y = a[op.src_pos], b[op.dest_pos]
        if x in _VOWELISH and y in _VOWELISH:
            return True
        # one consonant for a close one, not in the first two letters: Sheinbaum / Sheimbaum
        return op.src_pos >= 2 and frozenset((x, y)) in _CLOSE_CONSONANTS
    ch = a[op.src_pos] if op.tag == "delete" else b[op.dest_pos]
    return ch in _INDELS


@lru_cache(maxsize=1 << 16)
def _spelling_form(word: str) -> str | None:
    """A run's word as name spellings compare it (possessive dropped), or None for titles, cue words,
    ordinary words, acronyms and short words. Decided once per word form: names repeat."""
    form = _POSSESSIVE.sub("", word)
    if len(form) < 4 or form.isupper() or not form[:1].isupper() or not WORD_RE.fullmatch(form):
        return None
    low = form.lower()
    if low in TITLES or low in ORG_CUES or is_common_word(form):
        return None
    return form


_CLUB_BEFORE = re.compile(
    r"(?:\d\.?|\b[A-Z]{2,4}|\b[Tt]he|\b[Dd]ynamo|\b[Dd]inamo|\bf[uü]r|\bd[aeiou]|\bdel|\bdella|\bdes|\bvon"
    r"|\bvan|\bder|\bl[ae]|\ba)[ \t]$")  # `a`: Vuelta a España
_CAP_BEFORE = re.compile(r"\b(?P<w>[A-Z][\w'\u2019.\-]*)[ \t]$")
_CLUB_AFTER = re.compile(r"[ \t](?:\d|[A-Z]{2,4}\b)|-\w")


def _place_in_name(text: str, form: str, occurrences: list[tuple[int, int]], in_names: set[str]) -> bool:
    """A place's source-language form used as part of a name that English keeps: a club or a team
    (``Bayern München``, ``1. FC Köln``, ``Rapid Wien``, ``Legia Warszawa``, ``Italia 90``), an event
    or a ship (``Milano Cortina``, ``the Moskva``). One such use in the article clears every use."""
    if form in in_names:
        return True
    for s, e in occurrences:
        if _CLUB_BEFORE.search(text, max(0, s - 8), s) or _CLUB_AFTER.match(text, e):
            return True
        cm = _CAP_BEFORE.search(text, max(0, s - 24), s)
        if cm and cm.group("w") not in _NOT_NAME_WORDS:
            return True  # "Rapid Wien" at a sentence start, where the run lost its first word
    return False


# Spanish, Portuguese and Italian stress marks, which transliterations add (Erdogán, Putín, Medvédev).
_STRESS_ACCENTS = re.compile("[\u00e1\u00e9\u00ed\u00f3\u00fa\u00e0\u00e8\u00ec\u00f2\u00f9]")


@lru_cache(maxsize=1 << 12)
def _accented_country(form: str) -> str | None:
    """``Perú``, ``México``, ``Irán``: a country or region English writes without the stress accents that
    Spanish, Portuguese and Italian put on it (German umlauts are left alone: ``Baden-Württemberg``)."""
    if not _STRESS_ACCENTS.search(form) or first_name_gender(form) is not None:
        return None
    if fold(_STRESS_ACCENTS.sub("", form)) != _STRESS_ACCENTS.sub("", form).lower():
        return None  # other diacritics too: a spelling English may well keep
    geo = _geo()
    if geo is None or geo.place(form.lower()) is not None:
        return None  # the gazetteer knows the accented form itself (Bogotá, Zürich): English keeps it
    p = geo.place(fold(form))
    if p is None or p.kind not in ("country", "region") or not p.canonical.isascii():
        return None
    return p.canonical


@cache
def japanese_surnames() -> frozenset[str]:
    """Surnames marked ``ja`` in names_east_asian.tsv."""
    return frozenset(row[0] for row in lexicon.table("names_east_asian.tsv") if len(row) > 2 and row[2] == "ja")


def _east_asian_order(a: str, b: str) -> int | None:
    """1 when English news writes ``a b`` (Kim Go-eun, Cui Dongshu, Yuriko Koike), -1 when it writes ``b a``,
    None when neither word is a listed East Asian surname (or both are): Japanese names put the given name
    first in English, Chinese and Korean names keep the surname first."""
    names = chinese_names()
    sa, sb = "s" in names.get(a, ()), "s" in names.get(b, ())
    if sa == sb or is_common_word(b if sa else a):
        return None
    if sa:
        return -1 if a in japanese_surnames() else 1
    return 1 if b in japanese_surnames() else -1


def _untitled(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A run's words without its leading titles ("Governor Koike Yuriko" -> "Koike Yuriko")."""
    i = 0
    while len(words) - i > 2 and words[i][2].lower().rstrip(".") in TITLES:
        i += 1
    return words[i:]


def _order_variants(pe: People, text: str) -> list[NameVariant]:
    """A two-word person's name written in both orders (``Wang Xiaoyan`` / ``Xiaoyan Wang``): the order
    used less often is flagged; on a tie, the order East Asian naming conventions do not use in English
    (``Koike Yuriko``, ``Dongshu Cui``), else the later one."""
    pairs: dict[tuple[str, str], list[tuple[int, int]]] = {}
    person_keys: set[tuple[str, str]] = set()
    for r in pe.runs:
        ws = _untitled(r.words)
        if len(ws) != 2 or r.kind in ("none", "headline") or text[ws[0][1]:ws[1][0]] != " ":
            continue
        a, b = ws[0][2], _POSSESSIVE.sub("", ws[1][2])
        pairs.setdefault((a, b), []).append((ws[0][0], ws[0][0] + len(a) + 1 + len(b)))
        if r.kind == "person":
            person_keys.add((a, b))
    out = []
    for (a, b), occ in pairs.items():
        other = pairs.get((b, a))
        conv = None if other is None or a == b else _east_asian_order(a, b)
        if other is None or a == b or not ({(a, b), (b, a)} & person_keys or conv is not None):
            continue
        if len(occ) == len(other) and conv is not None:
            if conv == 1:
                continue  # the conventional order: report the pair from the other one
        elif (len(occ), -occ[0][0]) >= (len(other), -other[0][0]):
            continue  # report the pair once, from its minority (or later) order
        if conv is None and any(_spelling_form(w) is None for w in (a, b)):
            continue  # a listed surname (Cui, Kim) may be short
        out.append(NameVariant(f"{a} {b}", f"{b} {a}", occ, (len(occ), len(other)), "order", "TQ501",
                               "the same name in the other order"))
    return out


@cache
def exonyms() -> dict[str, str]:
    """Spelling -> the current English form of its place, from ``names_exonyms.tsv`` (Kiev -> Kyiv)."""
    out: dict[str, str] = {}
    for row in lexicon.table("names_exonyms.tsv"):
        for form in row:
            out[form] = row[0]
    return out


@cache
def _exonym_re() -> re.Pattern:
    return re.compile(bounded_words(exonyms()))


_GLOSS_CHARS = 50  # two names of one place this close are a gloss: "Kyiv (Kiev)", "Turkey, now Türkiye"


def _exonym_variants(doc: Document, pe: People, handled: set[str], allowed: set[str]) -> list[NameVariant]:
    """One place under two English names (``Turkey`` and ``Türkiye``): the form used less often (the later
    one on a tie) is flagged, unless the two stand close together (a gloss)."""
    exo = exonyms()
    text = doc.text
    keys: dict[str, set[str]] = {}
    for m in _exonym_re().finditer(text):  # one scan; most articles name none of these places twice
        keys.setdefault(exo[m.group()], set()).add(m.group())
    if all(len(v) < 2 for v in keys.values()):
        return []
    found: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for r in pe.runs:
        if r.kind == "none" or len(r.words) != 1:
            continue  # "Dynamo Kiev", "Bombay High Court": a longer name keeps its form
        s, _e, w = r.words[0]
        pm = _CAP_BEFORE.search(text, max(0, s - 30), s)
        if pm is not None and pm.group("w") not in _NOT_NAME_WORDS and pm.group("w") not in ("The", "A", "An"):
            continue  # a run trimmed of an ordinary word that opens a sentence: "Dynamo Kiev"
        form = _POSSESSIVE.sub("", w)
        key = exo.get(form)
        if key is None or doc.in_quote(s) or text[max(0, s - 8):s] in ("chicken ", "Chicken "):
            continue
        found.setdefault(key, {}).setdefault(form, []).append((s, s + len(form)))
    out = []
    for key, forms in found.items():
        if len(forms) < 2 or any(f in allowed for f in forms):
            continue
        spots = sorted((a, f) for f, occ in forms.items() for a, _ in occ)
        if any(b[0] - a[0] <= _GLOSS_CHARS and a[1] != b[1] and "\n" not in text[a[0]:b[0]]
               and ". " not in text[a[0]:b[0]] for a, b in zip(spots, spots[1:])):
            continue  # in one sentence, close together: a gloss
        ranked = sorted(forms, key=lambda f: (-len(forms[f]), forms[f][0][0]))
        good = ranked[0]
        for bad in ranked[1:]:
            if bad in handled:
                continue
            out.append(NameVariant(bad, good, forms[bad], (len(forms[bad]), len(forms[good])), "exonym", "TQ501",
                                   f"two English names of one place ({key})"))
            handled.add(bad)
    return out


_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def _hyphen_variants(occ: dict[str, list[tuple[int, int]]], handled: set[str], allowed: set[str],
                     before: dict[str, set[str]]) -> list[NameVariant]:
    """A hyphenated given name also written joined after the same surname (``Kim Go-eun`` / ``Kim Goeun``):
    Korean romanisation hyphenates given names, so the joined form is flagged unless it is the more frequent
    one. After different words (``Lee Min-ho``, ``Minho Choi``) two people may be meant."""
    out = []
    for f in occ:
        if "-" not in f or f in handled or not _HYPHENATED_GIVEN.fullmatch(f):
            continue
        joined = f.replace("-", "")
        if joined not in occ or joined in handled or joined in allowed or f in allowed:
            continue
        if not (before.get(f, set()) & before.get(joined, set())) - {""}:
            continue
        bad, good = (f, joined) if len(occ[f]) < len(occ[joined]) else (joined, f)
        out.append(NameVariant(bad, good, occ[bad], (len(occ[bad]), len(occ[good])), "hyphen", "TQ501",
                               "the same name with and without its hyphen"))
        handled.add(bad)
    return out


def _accented_first_names(pe: People, handled: set[str], allowed: set[str]) -> list[NameVariant]:
    """One person's first name with and without its accent (``Luís Montenegro`` / ``Luis Montenegro``): both
    are names, so the pair test leaves them alone unless the same surname follows both. The minority form
    is flagged; on a tie, the plain one when the accented one is a listed name."""
    seen: dict[tuple[str, str], dict[str, list[tuple[int, int]]]] = {}
    for r in pe.runs:
        if r.kind != "person" or len(r.words) < 2:
            continue
        s, e, first = r.words[0]
        seen.setdefault((fold(first), r.words[-1][2]), {}).setdefault(first, []).append((s, e))
    out = []
    for forms in seen.values():
        if len(forms) != 2:
            continue
        acc, plain = sorted(forms, key=lambda f: f.isascii())
        if not plain.isascii() or acc.isascii() or acc in handled or plain in handled or {acc, plain} & allowed:
            continue
        n_acc, n_plain = len(forms[acc]), len(forms[plain])
        if n_acc < n_plain or (n_acc == n_plain and not _listed_accented_name(acc)):
            continue  # the accented form as the slip is the general pair test's business
        out.append(NameVariant(plain, acc, forms[plain], (n_plain, n_acc), "accents", "TQ501",
                               "the same first name with and without its accent"))
        handled.add(plain)
    return out


def _listed_accented_name(form: str) -> bool:
    """An accented first name the world list spells that way (Luís, José, Inés): its accent is part of the
    name, so on a tie the plain form is the slip (unlike Putín, an accent English never writes)."""
    return form.lower() != fold(form) and first_names().get(form.lower()) is not None and \
        fold(form) in curated_first_names()


# --- case forms, article prefixes, romanisations (MT leaves a name as the source language inflects or spells it)


class _Use(NamedTuple):
    """One use of a name word in a run: where, the title and the name word before it, the word after it."""

    start: int
    end: int
    title: str  # "minister" in "Minister Glavine", else ""
    prev: str  # the name word before it ("Tonči" in "Tonči Glavina"), else ""
    next: str  # the run's word after it ("Sang-cheol" in "Yoon Sang-cheol"), else ""
    article: str  # "al" / "el" when written al-X, Al-X, el-X; else ""
    kind: str  # the run's kind


_ARTICLE_WORD = re.compile(r"([AaEe]l)-([A-Z][\w'\u2019]+)")


def _uses(pe: People, text: str) -> dict[str, list[_Use]]:
    """Every name word of the article's runs (possessive and Arabic article taken off), with its context."""
    out: dict[str, list[_Use]] = {}
    for r in pe.runs:
        if r.kind == "none":
            continue
        ws = r.words
        for i, (s, e, w) in enumerate(ws):
            w = _POSSESSIVE.sub("", w)
            art = ""
            m = _ARTICLE_WORD.fullmatch(w)
            if m:
                art, w, s = m.group(1).lower(), m.group(2), s + 3
            elif s >= 3 and text[s - 3:s].lower() in ("al-", "el-"):
                art = text[s - 3:s - 1].lower()
            prev = ws[i - 1][2] if i else ""
            if not i:  # a title a sentence start kept out of the run: "Chairman Yoon denied it"
                cm = _CAP_BEFORE.search(text, max(0, s - 24), s)
                prev = cm.group("w") if cm and cm.group("w").lower().rstrip(".") in TITLES else ""
            title = prev.lower().rstrip(".") if prev.lower().rstrip(".") in TITLES else ""
            if title or not prev[:1].isupper() or prev.isupper():
                prev = ""
            nxt = ws[i + 1][2] if i + 1 < len(ws) else ""
            out.setdefault(w, []).append(_Use(s, s + len(w), title, prev, nxt, art, r.kind))
    return out


@cache
def case_endings() -> tuple[tuple[str, str, bool], ...]:
    """(ending of the usual form, ending of the case form, needs evidence), from names_case_endings.tsv."""
    return tuple(("" if row[0] == "-" else row[0], row[1], len(row) > 3 and row[3] == "anchor")
                 for row in lexicon.table("names_case_endings.tsv") if len(row) >= 2)


@cache
def _endings_by_case() -> tuple[dict[str, list[tuple[int, tuple[str, str, bool]]]], int]:
    """case_endings() indexed by the case ending (with each row's position), and the longest ending."""
    index: dict[str, list[tuple[int, tuple[str, str, bool]]]] = {}
    for i, row in enumerate(case_endings()):
        index.setdefault(row[1], []).append((i, row))
    return index, max((len(k) for k in index), default=0)


def _endings_of(v: str) -> list[tuple[str, str, bool]]:
    """The rows of case_endings() whose case ending ``v`` ends with, in the file's order."""
    index, longest = _endings_by_case()
    hits = [hit for k in range(min(longest, len(v)) + 1) for hit in index.get(v[len(v) - k:], ())]
    return [row for _, row in sorted(hits)]


_CONSONANT_END = re.compile(r"[^\W\daeiouyáéíóúýäöüåąęěů]$", re.IGNORECASE)


def _anchored(pe: People, base: str, uses: list[_Use]) -> bool:
    """The usual form is a person's surname (after a first name or a title) or a place."""
    if any(u.prev or u.title or u.kind == "place" for u in uses):
        return True
    if any(p.surname == base and p.first for p in pe.persons):
        return True
    return place_kind(base.lower()) in ("city", "region", "country", "water", "other")


def _case_form_variants(pe: People, text: str, uses: dict[str, list[_Use]], handled: set[str],
                        allowed: set[str]) -> list[NameVariant]:
    """A name left in a source-language case form next to its usual form (``Minister Glavine`` after
    ``Tonči Glavina``, ``Šaška`` after ``Kamil Šaško``, ``near Vaalimaan`` after ``Vaalimaa``, ``the
    ministry of Kikilia`` after ``Kikilias``). The case form must not be a first name (Daniela, Roberta),
    a different place, the later word of a longer name, nor follow another first name (two people)."""
    out = []
    for v, vu in uses.items():
        if v in handled or v in allowed or len(v) < 4 or not v[:1].isupper() or _spelling_form(v) is None:
            continue
        for base_end, case_end, needs_anchor in _endings_of(v):
            if len(v) - len(case_end) < 3:
                continue
            b = v[:len(v) - len(case_end)] + base_end
            bu = uses.get(b)
            if not bu or b == v or len(b) < 4 or (not base_end and not _CONSONANT_END.search(b)):
                continue
            if {GENDERED_TITLES.get(u.title) for u in vu} & {MALE, FEMALE} != \
                    {GENDERED_TITLES.get(u.title) for u in bu} & {MALE, FEMALE}:
                continue  # Mr Kovac and Ms Kovaca
            if case_end.endswith("s") and place_kind(b.lower()) in ("country", "region", "continent"):
                continue  # "the two Koreas", "the Americas": plurals
            if len(vu) > len(bu) or any(u.next or u.article or u.kind == "org" for u in vu):
                continue  # the more frequent form is the usual one; a word inside a longer name is not a case
            if _is_first_name(v) or fold(v) in first_names() or any(u.prev and u.prev not in {x.prev for x in bu}
                                                                   for u in vu):
                continue  # Daniela next to Daniel; "Hisham Fathy" and "Radwa Fathi" are two people
            pv = place_kind(v.lower())
            if pv is not None and (pv in ("demonym", "language") or place_kind(b.lower()) is None
                                   or _geo().canonical(fold(v.lower())) != _geo().canonical(fold(b.lower()))):
                continue  # Korea / Korean; Ferrara the city next to a Ferrari
            if case_end.endswith("s") and any(text[max(0, u.start - 4):u.start].lower() == "the " for u in vu):
                continue  # "the Obamas", "the two Koreas": plurals
            if needs_anchor and not _anchored(pe, b, bu):
                continue
            if len(vu) == len(bu) and not any(u.prev or u.title for u in bu) and needs_anchor \
                    and any(u.prev or u.title for u in vu):
                continue  # on a tie, the form with a first name or a title is the usual one
            if _different_people(pe, b, v) or not base_end and _FEMININE.search(fold(v)) \
                    and not _FEMININE.search(fold(b)):
                continue  # Ivanov and Ivanova are two people
            occ = [(u.start, u.end) for u in vu]
            out.append(NameVariant(v, b, occ, (len(vu), len(bu)), "case", "TQ501",
                                   "a source-language case form of the name"))
            handled.add(v)
            break
    return out


def _article_variants(text: str, uses: dict[str, list[_Use]], handled: set[str],
                      allowed: set[str]) -> list[NameVariant]:
    """An Arabic surname with and without its article, or with two spellings of it. ``Joe Saddi`` and then
    ``Minister Al-Saddi``: the article the full name did not have (flagged); ``Ahmed al-Sharaa`` and ``Ahmed
    Sharaa``: one first name, two forms (the rarer flagged); ``el-Naga`` and ``al-Naga``: the rarer article.
    ``Bashar al-Assad`` and then ``Assad`` is English news style and stays quiet."""
    out = []
    for w, us in uses.items():
        if w in handled or w in allowed or len(w) < 3 or not any(u.article for u in us):
            continue
        with_art = [u for u in us if u.article]
        bare = [u for u in us if not u.article]
        arts = Counter(u.article for u in with_art)
        if len(arts) == 2:  # al-Naga and el-Naga
            (good, n_good), (bad, n_bad) = sorted(arts.items(), key=lambda kv: (-kv[1], min(
                u.start for u in with_art if u.article == kv[0])))
            occ = [(u.start - 3, u.end) for u in with_art if u.article == bad]
            out.append(NameVariant(text[occ[0][0]:occ[0][1]], f"{good}-{w}", occ, (n_bad, n_good), "article", "TQ501",
                                   "the Arabic article spelt two ways"))
            handled.add(w)
            continue
        if not bare:
            continue
        art = next(iter(arts))
        firsts_art = {u.prev for u in with_art if u.prev}
        firsts_bare = {u.prev for u in bare if u.prev}
        shared = firsts_art & firsts_bare
        if shared:  # Ahmed al-Sharaa and Ahmed Sharaa
            a = [u for u in with_art if u.prev in shared]
            b = [u for u in bare if u.prev in shared]
            if len(a) == len(b):
                continue
            bad_us, good = (a, w) if len(a) < len(b) else (b, f"{art}-{w}")
            occ = [(u.start - 3 if u.article else u.start, u.end) for u in bad_us]
            form = text[occ[0][0]:occ[0][1]]
        elif firsts_bare and not firsts_art and all(u.kind != "org" for u in with_art):
            # Joe Saddi, then Minister Al-Saddi alone: the article came from the source text
            occ = [(u.start - 3, u.end) for u in with_art]
            form, good = text[occ[0][0]:occ[0][1]], w
        else:
            continue
        out.append(NameVariant(form, good, occ, (len(occ), len(us) - len(occ)), "article", "TQ501",
                               "the same surname with and without the Arabic article"))
        handled.add(w)
    return out


@cache
def romanisations() -> dict[str, tuple[str, ...]]:
    """Korean surname spelling -> all spellings of that surname, from names_romanisations.tsv."""
    out: dict[str, tuple[str, ...]] = {}
    for row in lexicon.table("names_romanisations.tsv"):
        for form in row:
            out[form] = row
    return out


def _romanisation_variants(uses: dict[str, list[_Use]], handled: set[str], allowed: set[str]) -> list[NameVariant]:
    """A Korean surname in two romanisations (``Chairman Yun`` / ``Chairman Yoon``) when both carry the same
    title or precede the same given name; the rarer spelling (the later on a tie) is flagged."""
    rom = romanisations()
    out = []
    for w, us in uses.items():
        group = rom.get(w)
        if group is None or w in handled or w in allowed:
            continue
        for other in group:
            ou = uses.get(other)
            if other == w or not ou or other in handled or other in allowed:
                continue
            same = ({u.title for u in us if u.title} & {u.title for u in ou if u.title}) or \
                ({u.next for u in us if u.next} & {u.next for u in ou if u.next})
            if not same or (len(us), -us[0].start) > (len(ou), -ou[0].start):
                continue
            out.append(NameVariant(w, other, [(u.start, u.end) for u in us], (len(us), len(ou)), "romanisation",
                                   "TQ501", "two romanisations of one Korean surname"))
            handled.add(w)
            break
    return out


def _translit_key(form: str) -> str:
    """The skeleton with more transliteration equivalences: iotated e after a vowel or at the start (``Yevrayev``
    / ``Evraev``), ``ts``/``c``, ``sh``/``š``, ``ch``/``č``, ``zh``/``ž`` (``Shashko`` / ``Šaško``), and a
    Wade-Giles or Tongyong ``-ih`` ending (``Nanzih`` / ``Nanzi``)."""
    s = form.lower()
    for a, b in (("ts", "c"), ("sh", "s"), ("ch", "c"), ("zh", "z")):
        s = s.replace(a, b)
    if s.endswith("ih"):
        s = s[:-1]
    s = skeleton(s)
    if s.startswith("ie"):
        s = s[1:]
    return _DOUBLED.sub(r"\1", _IOTATED_E.sub(r"\1e", s))


_IOTATED_E = re.compile(r"([aeiou])ie")
_DOUBLED = re.compile(r"(\w)\1")


def _internal_capital(a: str, b: str) -> str | None:
    """Of two forms that differ only in case, the one a recaser flattened (``Ijssel`` for ``IJssel``,
    ``Mcdonald`` for ``McDonald``), or None (``Late-night`` / ``Late-Night`` is a hyphenated word's case)."""
    if "-" in a or a.lower() != b.lower():
        return None
    for flat, full in ((a, b), (b, a)):
        if flat == flat[:1] + flat[1:].lower() and any(c.isupper() for c in full[1:]) and full[:1].isupper():
            return flat
    return None


def name_variants(doc: Document, ctx: Context | None = None) -> list[NameVariant]:
    """Spellings of one name that differ within the article, and source-language spellings."""
    pe = ctx.get(people) if ctx is not None else people(doc)
    text = doc.text
    occ: dict[str, list[tuple[int, int]]] = {}
    in_names: set[str] = set()  # forms seen inside a longer name: "Bayern München", "Legia Warszawa"
    first_words: set[str] = set()  # forms that open a longer name: "Volodímir" in "Volodímir Zelensky"
    before: dict[str, set[str]] = {}  # form -> the name words before it in its runs ("" for none)
    for r in pe.runs:
        if r.kind == "none":
            continue
        prev = ""
        for s, _e, w in r.words:
            form = _spelling_form(w)
            if form is None or (s and text[s - 1] in "/@.#=_:"):
                if w.lower().rstrip(".") not in TITLES:
                    prev = skeleton(w)
                continue  # not a name's spelling; or inside a URL, an address or a handle
            before.setdefault(form, set()).add(prev)
            prev = skeleton(form)
            occ.setdefault(form, []).append((s, s + len(form)))
            if len(r.words) > 1:
                in_names.add(form)
                if s == r.words[0][0]:
                    first_words.add(form)
    allowed: set[str] = set()
    settings_names = getattr(getattr(ctx, "settings", None), "names", None) or {}
    configured: dict[str, str] = {}
    for cname, spec in settings_names.items():
        for sp in [cname, *spec.get("spellings", [])]:
            for part in sp.split():
                allowed.add(part)
        if spec.get("spellings"):
            pref = spec["spellings"][0]
            for part, pp in zip(cname.split(), pref.split()):
                configured[skeleton(part)] = pp
    forms = sorted(occ, key=lambda f: occ[f][0][0])
    out: list[NameVariant] = []
    handled: set[str] = set()
    sources = source_spellings()

    def choose(a: str, b: str) -> tuple[str, str]:
        """(form to flag, preferred form)."""
        ca, cb = len(occ[a]), len(occ[b])
        for x, y in ((a, b), (b, a)):
            if x in allowed and y not in allowed:
                return y, x
        for x, y in ((a, b), (b, a)):
            if x in sources and y not in sources:
                return x, y
        if ca != cb:
            return (a, b) if ca < cb else (b, a)
        return (a, b) if occ[a][0][0] > occ[b][0][0] else (b, a)

    # groups of forms that coincide under the skeleton, then one vowel-like edit apart
    groups: dict[str, list[str]] = {}
    for f in forms:
        groups.setdefault(skeleton(f), []).append(f)
    pairs: list[tuple[str, str]] = []
    for fs in groups.values():
        if 1 < len(fs) <= 4:  # more spellings than that is not one name written two ways
            major = max(fs, key=lambda f: (len(occ[f]), -occ[f][0][0]))
            pairs += [(major, f) for f in fs if f != major]
    # more transliteration equivalences than the skeleton's (Yevrayev / Evraev, Nanzih / Nanzi)
    tgroups: dict[str, list[str]] = {}
    for f in forms:
        tgroups.setdefault(_translit_key(f), []).append(f)
    for fs in tgroups.values():
        if 1 < len(fs) <= 4 and len({skeleton(f) for f in fs}) > 1:
            major = max(fs, key=lambda f: (len(occ[f]), -occ[f][0][0]))
            pairs += [(major, f) for f in fs if skeleton(f) != skeleton(major)]
    # the same letters with and without diacritics, whatever the skeleton says (Dündar / Dundar)
    folded: dict[str, list[str]] = {}
    for f in forms:
        if not f.isascii():
            folded.setdefault(fold(f), [])
    if folded:
        for f in forms:
            if fold(f) in folded:
                folded[fold(f)].append(f)
        pairs += [(fs[0], x) for fs in folded.values() if 1 < len(fs) <= 3 for x in fs[1:]]
    long_forms = [f for f in forms if len(f) >= 7]
    if len(long_forms) > 1:
        Levenshtein = _levenshtein()

        buckets: dict[str, list[tuple[str, str]]] = {}
        for f in long_forms:
            ff = fold(f)
            buckets.setdefault(ff[:2], []).append((f, ff))
        for items in buckets.values():
            if len(items) > 200:
                continue  # not an article's names: a list or a table
            for i in range(len(items)):
                fi, ffi = items[i]
                for j in range(i + 1, len(items)):
                    fj, ffj = items[j]
                    if abs(len(ffi) - len(ffj)) > 1:
                        continue
                    if Levenshtein.distance(ffi, ffj, score_cutoff=1) == 1 and skeleton(fi) != skeleton(fj):
                        if _one_edit_ok(ffi, ffj):
                            pairs.append((fi, fj))
    for a, b in pairs:
        if a in handled or b in handled or (a in allowed and b in allowed):
            continue
        if a.lower() == b.lower():
            flat = _internal_capital(a, b)  # "Late-night" / "Late-Night" is a difference of case only
            if flat is not None and flat not in allowed:
                full = b if flat == a else a
                out.append(NameVariant(flat, full, occ[flat], (len(occ[flat]), len(occ[full])), "case", "TQ501",
                                       "the capitals inside the name were lost"))
                handled.add(flat)
            continue
        if _excluded_pair(pe, a, b):
            continue
        ba, bb = before.get(a, set()), before.get(b, set())
        if "" not in ba and "" not in bb and not (ba & bb):
            continue  # "Hisham Fathy" and "Radwa Fathi": after different first names, two people
        if fold(a) == fold(b):
            # accents only: the accented form is the source-language one unless it is the majority
            acc, plain = (a, b) if a != fold(a).capitalize() and a.lower() != fold(a) else (b, a)
            if acc.lower() == fold(acc):
                acc, plain = b, a
            n_acc, n_plain = len(occ[acc]), len(occ[plain])
            # stress accents are marks English often drops (Gandía, Putín); other diacritics are letters of
            # the name (Hołownia, Dündar, Ribeirão), so on a tie the form without them is the slip
            stress_only = _STRESS_ACCENTS.sub("", acc).isascii()
            if n_acc > n_plain or (n_acc == n_plain and (not stress_only or _listed_accented_name(acc))):
                out.append(NameVariant(plain, acc, occ[plain], (n_plain, n_acc), "accents", "TQ501"))
                handled.add(plain)
            else:
                known = acc in sources or skeleton(acc) in public_figures()
                out.append(NameVariant(acc, plain, occ[acc], (n_acc, n_plain), "accents",
                                       "TQ601" if known else "TQ501"))
                handled.add(acc)
            continue
        bad, good = choose(a, b)
        pref = configured.get(skeleton(good), good)
        note = ""
        if bad in sources:
            eng, lang = sources[bad]
            note = f"'{bad}' is the {_LANGS.get(lang, 'source-language')} spelling"
            if skeleton(eng) == skeleton(pref) or fold(eng) == fold(pref):
                pass
        out.append(NameVariant(bad, pref, occ[bad], (len(occ[bad]), len(occ[good])), "transliteration", "TQ501", note))
        handled.add(bad)
    out += _exonym_variants(doc, pe, handled, allowed)
    out += _order_variants(pe, text)
    out += _hyphen_variants(occ, handled, allowed, before)
    out += _accented_first_names(pe, handled, allowed)
    uses = _uses(pe, text)
    out += _case_form_variants(pe, text, uses, handled, allowed)
    out += _article_variants(text, uses, handled, allowed)
    out += _romanisation_variants(uses, handled, allowed)
    # source-language spellings from the curated list, and accented transliterations of known first names
    skel_names = first_name_skeletons()
    for f in forms:
        if f in handled or f in allowed:
            continue
        if f in sources:
            eng, lang = sources[f]
            if place_kind(eng.lower()) is not None and _place_in_name(text, f, occ[f], in_names):
                continue  # "Bayern München", "1860 München", "the Moskva" (a ship): names English keeps
            out.append(NameVariant(f, eng, occ[f], (len(occ[f]), 0), "source", "TQ601",
                                   f"the {_LANGS.get(lang, 'source-language')} spelling"))
            handled.add(f)
            continue
        if f.isascii():
            continue  # the checks below are about accents
        eng = _accented_country(f)
        if eng is not None and not _place_in_name(text, f, occ[f], in_names):
            out.append(NameVariant(f, eng, occ[f], (len(occ[f]), 0), "source", "TQ601",
                                   "a source-language accented spelling"))
            handled.add(f)
            continue
        pub = public_figures().get(skeleton(f)) if _STRESS_ACCENTS.search(f) else None
        if pub is not None and not any(c in pub[0] for c in _STRESS_ACCENTS.findall(f)):
            out.append(NameVariant(f, pub[0], occ[f], (len(occ[f]), 0), "source", "TQ601",
                                   "a spelling with source-language accents"))
            handled.add(f)
            continue
        if f in first_words and first_names().get(f.lower()) is None:
            # "Volodímir Zelensky": used as a first name, in a spelling English does not use
            known = skel_names.get(skeleton(f))
            if known and fold(known) != fold(f) and known != f:
                out.append(NameVariant(f, known, occ[f], (len(occ[f]), 0), "source", "TQ601",
                                       "an accented transliteration"))
                handled.add(f)
    out = [v for v in out if not any(doc.in_non_prose(a, b) for a, b in v.occurrences[:1])]
    out.sort(key=lambda v: v.occurrences[0][0])
    return out
