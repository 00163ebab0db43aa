"""Boilerplate: page furniture (paywalls, headers, footers, prompts) left in the article.

One shared per-document analysis, :func:`furniture`, labels every paragraph
with the evidence that it is page furniture (or ``None``):

* ``phrase``: the whole line matches the phrase library (``boilerplate.txt``,
  position-free) or a configured ``boilerplate`` phrase;
* ``related``: a header that introduces related-article headlines
  (``boilerplate_related.txt``), the headline-like lines right after it, or a
  ``Read also: <headline>`` line;
* ``menu``: a navigation or breadcrumb line (`Home › World › Europe`,
  `Politics | Economy | Sports`) or a date line (`Published: 17.01.25, 02:14`);
* ``masthead``: the site's name alone on the first line;
* ``edge``: a phrase that is only furniture at the head or tail of the article
  (``boilerplate_edge.txt``: aggregator taglines, kickers, `18+`);
* ``between``: a short line without sentence structure squeezed between
  furniture lines at the head or tail;
* ``batch``: a short line repeated in many articles of the batch (cross-article
  evidence gathered by :mod:`tqcheck.evidence`);
* ``meta``: a page-metadata label whose value is only names (`Editor in charge: Wang Lei`);
* ``notice``: a long line in capitals that is not the headline (a legal label);
* ``injected``: a related article's headline between two body paragraphs.

TQ401 reports each contiguous run of such paragraphs as one finding, with the
removal of the run as the fix; a run that only cross-article repetition
reveals (or only the shape of an injected headline) is reported as minor.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache

from .. import lexicon
from ..lexicon import geo
from ..analysis.people import first_name_gender
from ..document import Document
from ..model import Edit, Finding
from ..segment import WORD_RE, line_indented
from .base import Context, rule

_SPACE = re.compile(r"\s+")
_TRAILING = " .:!…"
_MAX_CHARS = 400  # longer paragraphs are prose, never furniture
# Bullets, with those of East Asian pages (`‧ Typhoon approaching?`, `▶ Related article`, `● ...`).
_MARKUP_START = frozenset("#>-*•·▪►‧・●○◆◇▶▷■□※☞")
_BULLET = re.compile(r"(?:#{1,6}|>|[-*•·▪►‧・●○◆◇▶▷■□※☞]) ")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'"})


@cache
def _compiled(name: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in lexicon.lines(name)))


# The site's name before the copyright sign: `Dnevni Glas © 2024. All rights reserved.` (only tried
# when the line has the sign: as a library pattern it would scan every paragraph).
_NAME_THEN_SIGN = re.compile(r"[^©.]{1,60} (?:©|\(c\)) ?(?:19|20)\d{2}(?:[.,]? .{0,160})?")


def _in_library(norm: str, library: re.Pattern) -> bool:
    """The whole normalised line is a library phrase (or the site's name before a copyright sign)."""
    if library.fullmatch(norm):
        return True
    return ("©" in norm or "(c)" in norm) and bool(_NAME_THEN_SIGN.fullmatch(norm))


@cache
def _related_prefix() -> re.Pattern:
    """A related-news header, then a colon or dash, then a headline on the same line."""
    return re.compile(f"(?:{_compiled('boilerplate_related.txt').pattern}) ?[:\\-–—|>»] ?\\S.{{3,200}}")


RELATED_CHARS = 80  # a related-news header alone on its line is short


_SPEECH_CHARS = 200  # longer than a related headline: a paragraph that reports speech here is prose


def _reports_speech(s: str) -> bool:
    """`..., the minister said.`: a paragraph that reports speech is article prose, never a site's phrase."""
    return " said" in s or " says " in s or " told " in s


def _has_separator(s: str) -> bool:
    """A colon, dash, bar or chevron: what joins a related-news header to its headline."""
    return ":" in s or "-" in s or "–" in s or "—" in s or "|" in s or ">" in s or "»" in s


_WRAP_OPEN, _WRAP_CLOSE = "([<‹〈《", ")]>›〉》"


def normalise(paragraph: str) -> str:
    """The form library patterns match: casefolded, spacing collapsed, markup and trailing punctuation gone."""
    s = " ".join(paragraph.split())
    if "’" in s or "‘" in s or "´" in s or "`" in s:
        s = s.translate(_APOSTROPHES)
    if s[:1] in _MARKUP_START:
        s = _BULLET.sub("", s, count=1)
    s = s.strip("*_ ")
    if "ⓒ" in s or "Ⓒ" in s:  # the circled c of Korean and Japanese pages
        s = s.replace("ⓒ", "©").replace("Ⓒ", "©")
    if len(s) > 2 and s[0] in _WRAP_OPEN and s[-1] in _WRAP_CLOSE and sum(map(s.count, _WRAP_OPEN)) == 1:
        s = s[1:-1].strip()  # `(Photo: EFE)`, `<Copyright ... prohibited>`
    return s.casefold().rstrip(_TRAILING).strip()


# -- line shapes -------------------------------------------------------------------

_TERMINAL_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_MENU_SEP = re.compile(r" [|›»>/] | [·•] ")
_MENU_CHARS = re.compile(r"[|›»>/·•]")
_DATE_WORDS = frozenset((
    "published", "updated", "posted", "modified", "created", "last", "date", "publication", "update", "on",
    "at", "by", "in", "edited", "am", "pm", "a.m", "p.m", "gmt", "utc", "cet", "cest", "bst", "edt", "est",
    "pdt", "pst", "brt", "brst", "art", "msk", "ist", "idt", "trt", "jan", "feb", "mar", "apr", "may", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june",
    "july", "august", "september", "october", "november", "december", "mon", "tue", "wed", "thu", "fri",
    "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "h", "hrs",
    "min", "of", "time", "local", "release", "released", "issued", "publish", "uploaded", "revised", "changed",
    "st", "nd", "rd", "th", "moscow", "kyiv", "beijing", "ago", "hour", "hours", "minute", "minutes", "today",
    "yesterday",
))
# `Published:`, `Date of update:`, `Release time:` (Chinese 发布时间), `Last update:`.
_DATE_START = re.compile(
    r"(?:published|publish|updated|update|posted|last updated|last update|last modified|modified|created|publication|"
    r"release|released|issued|uploaded|date|time of (?:publication|update|release))\b"
)
_CREDIT_START = re.compile(
    r"(?:by|reporting by|additional reporting|writing by|editing by|written by|compiled by|contributing|"
    r"\(reporting|\(additional reporting|with reporting by)\b",
    re.IGNORECASE,
)


def _words(s: str) -> list[str]:
    return WORD_RE.findall(s)


def is_sentence(line: str) -> bool:
    """Sentence structure: ends with terminal punctuation and has at least five words."""
    return bool(_TERMINAL_END.search(line.rstrip())) and len(_words(line)) >= 5


def is_prose(line: str) -> bool:
    """An article paragraph: a sentence of eight words or more, or any long paragraph."""
    n = line.count(" ") + 1  # words, near enough
    return n >= 25 or (n >= 8 and bool(_TERMINAL_END.search(line.rstrip())))


def headline_like(line: str) -> bool:
    """A linked headline: 2-25 words, starts with a capital, digit or quote, no sentence-final period or comma."""
    s = line.strip()
    if s[:1] in _MARKUP_START:
        s = _BULLET.sub("", s, count=1)
    s = s.strip("*_ ")
    if not s or not (s[0].isupper() or s[0].isdigit() or s[0] in "\"'“‘«"):
        return False
    if s[-1] in ".,;…" and not s.endswith("..."):
        return False  # the shape checks first: counting words costs more
    return 2 <= len(_words(s)) <= 25


def _reads_like_headline(line: str) -> bool:
    """Five words or more, three of them lowercase: a headline or a sentence, not a name or a menu.

    A syndicated story keeps its headline across the sites of a feed; only overwhelming
    repetition makes such a line furniture.
    """
    words = _words(line)
    return len(words) >= 5 and sum(1 for w in words if w[0].islower()) >= 3


def furniture_like(line: str) -> bool:
    """A short line without sentence structure: at most ten words, no final period or comma, not a credit."""
    s = line.strip()
    if not s or s[-1] in ".,;" or s.count(" ") > 40 or len(_words(s)) > 10:
        return False  # the shape checks first: counting words costs more
    return not (s[0].islower() or _CREDIT_START.match(s))


_PREFIX_SPLIT = re.compile(r"\s?[:\-–—|>»]\s?")


def _links_a_headline(line: str) -> bool:
    """`Also read: Heat wave grips São Paulo`: what follows the header is a headline, not a sentence."""
    s = line.strip().strip("*_ ")
    parts = _PREFIX_SPLIT.split(s, maxsplit=1)
    return len(parts) == 2 and headline_like(parts[1])


def _menu(norm: str) -> bool:
    """Navigation or breadcrumbs: two or more short items split by | › » > / (three or more for · •)."""
    if norm.startswith("|") or norm.endswith("|"):
        return False  # a Markdown table row
    if not _MENU_CHARS.search(norm):
        return False  # cheap first: most paragraphs have no separator at all
    parts = _MENU_SEP.split(norm)
    if len(parts) < 2:
        return False
    if any(not p or len(p.split()) > 4 or p[-1:] in ".?!" for p in parts):
        return False
    seps = _MENU_SEP.findall(norm)
    return len(parts) >= 3 or all(s.strip() in "|›»>" for s in seps)


# The items of a menu whose bars were lost in extraction: `Home  Pakistan  World  Cricket  Showbiz`.
_SPACED_ITEMS = re.compile(r" {2,}|\t")
_ITEM_END = frozenset(".?!,;:")


def spaced_menu(line: str) -> bool:
    """Three or more capitalised items of one to three words, parted by runs of spaces (a menu that lost its bars)."""
    s = line.strip()
    if "  " not in s and "\t" not in s:
        return False  # cheap first
    parts = _SPACED_ITEMS.split(s)
    return len(parts) >= 3 and all(
        p and len(p.split()) <= 3 and p[0].isupper() and p[-1] not in _ITEM_END and not any(c.isdigit() for c in p)
        for p in parts)


# Menu entries of a site's header, beyond section names: `Menu Search Log in News Economy Stock exchange`.
_NAV_WORDS = frozenset((
    "menu", "search", "log", "login", "in", "sign", "subscribe", "account", "more", "state", "election", "elections",
    "showbiz", "opinions", "videos", "photos", "gallery", "energy", "stock", "exchange", "podcasts", "podcast", "live",
    "e-paper", "epaper", "jobs", "obituaries", "sections", "columns", "editorial", "blogs", "features", "investigations",
))
_NAV_START = ("home ", "menu ", "main page ", "front page ", "frontpage ")
NAV_SHARE = 0.75  # a headline that opens with `Home` has verbs and nouns that name no section


def nav_line(norm: str) -> bool:
    """`Home News State Election Sabah`, `Menu Search Log in News Economy`: a header line of menu entries
    without separators, opening with `Home` or `Menu`; its words are section names, menu entries and places."""
    if not norm.startswith(_NAV_START) or norm[-1:] in _ITEM_END:
        return False
    words = norm.split()
    if not 3 <= len(words) <= 14:
        return False
    known = sum(1 for w in words if w in _SECTION_WORDS or w in _NAV_WORDS or geo.is_place(w))
    return known >= NAV_SHARE * len(words)


# Page-metadata labels whose value is a person: `Editor in charge: Wang Lei` (Chinese 责任编辑),
# `Responsible editor: ...`, `Proofreading: ...`; `Author: ...` only at the head or tail (a review's fact box may name one).
_META_EDITOR = re.compile(
    r"(?:(?:responsible|executive|duty|chief|managing|online|web|news|desk|shift) )?"
    r"editors?(?:[- ]in[- ]charge|[- ]in[- ]chief| on duty| responsible)?|proofreading|proofreader|proofread by|"
    r"typesetting|layout|editing and proofreading|(?:responsible |legally responsible )?publisher|"
    r"publisher responsible|publishing director|director of (?:the )?publication|founder",
    re.IGNORECASE,
)
_META_AUTHOR = re.compile(r"authors?|text|text and photos?|author of the (?:article|text)", re.IGNORECASE)
_META_SPLIT = re.compile(r"\s?[:：]\s?")
_NAME_PART = re.compile(
    r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|da|do|dos|das|del|della|di|van|von|der|den|bin|ibn|al|el|le|la)){0,4}"
)
_NAME_LIST_SEP = re.compile(r"\s*(?:[,/;&、]|\band\b|\s\s)\s*")


def metadata_label(line: str) -> str | None:
    """`Editor in charge: Wang Lei`: a page-metadata label whose value is only names.

    Returns ``"anywhere"`` for editor and proofreading labels, ``"edge"`` for
    `Author: ...`, else None. `Translation: Maria Costa` or `Referee: Neil Ashworth`
    are an article's own credits and are not labels here.
    """
    s = line.strip().strip("*_[]() ")
    if len(s) > 120 or ":" not in s and "：" not in s:
        return None
    parts = _META_SPLIT.split(s, maxsplit=1)
    if len(parts) != 2:
        return None
    label, value = parts
    where = "anywhere" if _META_EDITOR.fullmatch(label) else "edge" if _META_AUTHOR.fullmatch(label) else None
    if where is None:
        return None
    names = [v for v in _NAME_LIST_SEP.split(value.strip().rstrip(".")) if v]
    if not 1 <= len(names) <= 4 or not all(_NAME_PART.fullmatch(v) for v in names):
        return None
    return where


def _person(name: str) -> bool:
    """Two to four capitalised words opening with a known first name: `Marta Ceballos`."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and first_name_gender(words[0]) is not None


def _byline(line: str) -> bool:
    """`Marta Ceballos | Brussels`, `Column | Helen Marsh`, `By Redacción | Mexico City`, `Reuters | London`:
    a byline, not a menu."""
    s = line.strip().strip("*_ ")
    if _CREDIT_START.match(s):
        return True
    parts = [p.strip() for p in s.split("|")]
    if len(parts) != 2:
        return False
    # `Business Day Wire | Johannesburg` under `By Thandeka Mokoena`: the wire and its dateline place
    return any(_person(p) for p in parts) or (
        geo.is_place(parts[1].casefold()) and (site_name(parts[0]) or agency_credit(parts[0].casefold())))


def _dateline(norm: str) -> bool:
    """`Published: 17.01.25, 02:14 | Updated: ...`: a date keyword, digits, and no other words."""
    if not _DATE_START.match(norm) or not any(c.isdigit() for c in norm):
        return False
    return all(w in _DATE_WORDS for w in re.findall(r"[^\W\d_]+(?:\.[^\W\d_]+)*", norm))


# A bare date line at the head or tail, with the page's counters after it:
# `2024/08/28 18:05`, `Friday 24 January 2025 - 24 Rajab 1446 AH`, `Florence, 09 February 2025 - Ore 20:58`,
# `Tuesday, 16 April 2024 11:05 | Views: 1 204`, `2024-05-13 10:26:41 Source: China Science Daily Editor: Liu Min`.
# A clock time (hours 0-23, not after a currency sign or digit: `$79.84` is a price) or a year.
_DATE_SHAPE = re.compile(r"(?<![\d$€£¥.,])(?:[01]?\d|2[0-3])[:.h][0-5]\d\b|\b(?:19|20)\d{2}\b")
_CALENDAR_WORDS = frozenset((
    "ah", "muharram", "safar", "rabi", "al", "awwal", "thani", "jumada", "ula", "akhira", "rajab", "shaban", "ramadan",
    "shawwal", "dhu", "qadah", "hijjah", "ore", "uhr", "hs", "hours", "o'clock", "today", "yesterday",
    "p", "a", "m",  # `10:47 p. m.`
))
_PAGE_LABEL = re.compile(
    r"\b(source|editor in charge|editor|author|views|reading time|reading|read|comments)\s?[:：]", re.IGNORECASE)
_NAME_LABELS = frozenset(("source", "editor in charge", "editor", "author"))


def date_meta_line(line: str) -> bool:
    """A date and time, a place, and the page's labels (`Source:`, `Editor:`, `Views:`, `Reading:`) only."""
    s = line.strip().strip("[]()*_ ")
    if len(s) > 120 or "%" in s or not _DATE_SHAPE.search(s):  # `Brent: $79.84 (-1.4%)` is a market figure
        return False
    parts = _PAGE_LABEL.split(s)
    for w in WORD_RE.findall(parts[0]):
        low = w.casefold()
        if low not in _DATE_WORDS and low not in _CALENDAR_WORDS and not (w[0].isupper() and geo.is_place(low)):
            return False
    for label, value in zip(parts[1::2], parts[2::2]):
        n = len(value.split())
        if not 1 <= n <= 6 or (label.casefold() not in _NAME_LABELS and not any(c.isdigit() for c in value)):
            return False
    return True


# Section names in site paths: `Culture - People`, `Sports / Volleyball`, `Main / Incidents`.
_SECTION_WORDS = frozenset((
    "home", "main", "top", "news", "latest", "politics", "economy", "business", "companies", "markets", "finance",
    "money", "sport", "sports", "football", "soccer", "volleyball", "basketball", "tennis", "cycling", "motorsport",
    "culture", "people", "celebrities", "society", "world", "international", "national", "local", "regions", "region",
    "science", "technology", "tech", "health", "entertainment", "lifestyle", "opinion", "crime", "incidents",
    "justice", "courts", "education", "environment", "weather", "travel", "tourism", "media", "books", "music",
    "cinema", "film", "tv", "arts", "art", "life", "style", "food", "auto", "cars", "war", "security", "defence",
    "defense", "religion", "history", "feed", "analysis", "interviews", "video", "photo", "and", "&",
))
_PATH_SEP = re.compile(r" [/|›»>] | [-–—] ")


def section_path(norm: str) -> bool:
    """A site path of section names and places, at least one a section (`Home / Greece / Crime`, `Culture - People`)."""
    parts = _PATH_SEP.split(norm)
    if not 2 <= len(parts) <= 5 or any(not 1 <= len(p.split()) <= 3 for p in parts):
        return False
    sections = [all(w in _SECTION_WORDS for w in p.split()) for p in parts]
    return any(sections) and all(ok or geo.is_place(p) for ok, p in zip(sections, parts))


_NEWSPAPER_END = (
    "times", "post", "news", "herald", "tribune", "courier", "journal", "gazette", "daily", "today",
    "express", "observer", "chronicle", "telegraph", "mail", "press", "mirror", "star", "sun",
    "globe", "record", "review", "digital", "online", "weekly", "monitor", "dispatch", "reporter",
    "bulletin", "standard", "independent", "messenger", "newspaper", "noticias", "notícias",
    "zeitung", "nachrichten", "translation", "translated", "world", "edition", "portal", "digest",
)
_NEWSPAPER_START = ("the daily ", "diario ", "diário ", "jornal ", "folha ", "corriere ", "gazzetta ", "gazeta ", "daily ")
_MASTHEAD = re.compile(r"(?:The |El |La |Le |Il |O |A |Die |Der |Das )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,4}")


def looks_like_masthead(line: str) -> bool:
    """A short Title Case line named like a newspaper: `The Limited Times`, `Diario Andino Digital`."""
    s = line.strip()
    if not _MASTHEAD.fullmatch(s):
        return False
    low = s.casefold()
    return low.rsplit(" ", 1)[-1] in _NEWSPAPER_END or low.startswith(_NEWSPAPER_START)


# Words that end a news site's name in many languages and seldom end a headline...
_SITE_WORDS = frozenset((
    *_NEWSPAPER_END, "wire", "wires", "newswire", "diario", "diário", "jornal", "giornale", "zeitung", "nachrichten",
    "noticias", "notícias", "notizie", "gazzetta", "gazeta", "gazete", "haberler", "nieuws", "wiadomości", "ştiri",
    "știri", "stiri", "novosti", "vesti", "kurier", "rundschau", "anzeiger", "blatt", "quotidien", "actualités",
    "heraldo", "semanario", "corriere", "folha", "tribuna", "correio", "periódico", "periodico", "newsroom", "quotidiano",
    "newsdesk", "informador", "expreso", "expresso", "presse", "cronaca", "crónica",
))
# ... and words that name sites but also end headings (`Weather Report`, `The Latest`): only before a suffix.
_SITE_WORDS_WEAK = frozenset(("latest", "media", "report", "info", "hoy", "ahora", "network", "insider", "magazine",
                              "headlines", "briefing", "24h", "24", "360", "365", "press", "daily", "news", "echo",
                              "agora", "hoje", "oggi", "heute", "voice", "agency", "relay"))
_SITE_SUFFIX = frozenset(("online", "digital", "tv", "live", "now", "today", "plus", "+", "24", "24h", "360", "365",
                          "international", "global", "english", "en", "edition", "web", "net", "hd", "express"))
_SITE_TOKEN = re.compile(r"[A-Z0-9][\w'’.+-]*|[a-z0-9-]+\.(?:com|net|org|info|news|[a-z]{2})(?:\.[a-z]{2})?|de|do|da|del|della|di|du|des|of|the|&")
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?[a-z0-9-]+\.(?:com|net|org|info|news|[a-z]{2})(?:\.[a-z]{2})?/?")
_SITE_FIRST = frozenset(("diario", "diário", "jornal", "folha", "corriere", "gazzetta", "gazeta", "giornale", "periódico",
                         "noticias", "notícias", "notizie", "telediario", "telejornal", "tagesschau"))
_FUNCTION_IN_NAME = frozenset(("de", "do", "da", "del", "della", "di", "du", "des", "of", "the", "&"))


# An English-edition tag after a site's name: `TR Daily News — English`, `China News Digest (English)`.
_LANGUAGE_TAG = re.compile(
    r"\s*(?:\((?:in )?english(?: (?:edition|version|service))?\)|[-–—|:·•]\s*(?:in )?english(?: (?:edition|version|service))?)$",
    re.IGNORECASE,
)


def site_name(line: str, weak: bool = False) -> bool:
    """A line that is only a news site's name: `Europe Daily Wire`, `Latest News MX`, `noticiasya.com`.

    At most five tokens, capitalised (or a domain); a word that names news sites
    (`Wire`, `Times`, `Diario`, `Zeitung`, `Digest`...) last, or a site word (`News`, `Latest`,
    `Headlines`) followed only by a suffix (`MX`, `24`, `Online`, `Digital`, `TV`) or an
    English-edition tag (`— English`); or a bare domain. With ``weak`` (the first line, above
    other furniture) a site word may end the name (`UA Headlines`).
    """
    s = line.strip().strip("*_#> ")
    if _DOMAIN.fullmatch(s.lower()):
        return True
    tagged = _LANGUAGE_TAG.search(s)
    if tagged:
        s, weak = s[: tagged.start()], True
    toks = s.split()
    if not 2 <= len(toks) <= 5 or not all(_SITE_TOKEN.fullmatch(t) for t in toks):
        return False
    if toks[0].lower() in _FUNCTION_IN_NAME - {"the"} or toks[-1].lower() in _FUNCTION_IN_NAME:
        return False
    low = [t.casefold().strip(".") for t in toks]
    k = len(low) - 1
    while k > 0 and (low[k] in _SITE_SUFFIX or (toks[k].isupper() and len(toks[k]) <= 3 and toks[k].isalpha())):
        k -= 1  # `MX`, `Online`, `24`
    if (low[k] in _SITE_WORDS and low[k] not in _SITE_WORDS_WEAK) or low[0] in _SITE_FIRST:
        return True
    return (k < len(low) - 1 or weak) and (low[k] in _SITE_WORDS or low[k] in _SITE_WORDS_WEAK)


def _name_only(line: str) -> bool:
    """`Kommersant`, `Il Fatto Quotidiano`: one to four capitalised tokens, nothing else (the name above a menu)."""
    toks = line.strip().strip("*_#> ").split()
    return 1 <= len(toks) <= 4 and all(_SITE_TOKEN.fullmatch(t) for t in toks) and toks[0][:1].isupper()


def named_in_furniture(first: str, texts: list[str], kind: list[str | None]) -> bool:
    """`Byavisen Hovedstaden` first, `Copyright © Byavisen Hovedstaden A/S` in the footer: a name alone
    on the first line that the page's own furniture repeats is the site's name, not a headline."""
    name = first.strip().strip("*_#> ")
    if not _name_only(name) or _person(name) or geo.is_place(name.casefold()) or len(name) < 4:
        return False
    return any(k and k != "masthead" and name in t for t, k in zip(texts[1:], kind[1:]))


# -- reader prompts: the site speaking to the reader ---------------------------------

# An imperative that asks the reader to do something for the site.
_CTA_VERB = re.compile(
    r"(?:please |now |also |and |or |just |then )?"
    r"(?:subscribe|follow|join|download|install|get|receive|sign up|signup|register|log ?in|sign ?in|like|share|"
    r"add|enable|activate|turn on|allow|click|tap|visit|watch|listen|discover|try|support|donate|contribute|"
    r"become|stay|keep up|don't miss|do not miss|never miss|send|tell|write to|contact|check out|explore|"
    r"bookmark|save|set|make|choose|select|find|see|read|help|back|fund|rate|review|leave|recommend|"
    r"sign up now|upgrade|unlock|start|access|listen to|tune in)\b"
)
# What such a prompt asks for: the site's own channels and products.
_CTA_OBJECT = re.compile(
    r"\b(?:us|app|apps|newsletters?|notifications?|alerts?|push|podcasts?|channel|whatsapp|telegram|viber|"
    r"signal|facebook|instagram|twitter|x|tiktok|youtube|linkedin|threads|bluesky|mastodon|google news|"
    r"google discover|apple news|flipboard|app store|google play|play store|rss|feed|inbox|e-?mail|"
    r"preferred source|subscription|subscriber|premium|membership|journalism|donation|bulletin|briefing|"
    r"digest|mailing list|website|homepage|"
    # the messaging apps and networks of Asian and East European sites (`Add Takao News Net LINE friends`)
    r"line friends?|line official(?: account)?|line account|line today|kakao ?talk|kakao(?: channel| story)?|"
    r"wechat|weibo|zalo|naver(?: news| blog)?|vk|vkontakte|dzen|zen|odnoklassniki)\b"
)
_OUR = re.compile(r"\b(?:us|our|we)\b")
# A short teaser before the request: `The news of the day in your e-mail – subscribe for our newsletter`.
_TEASER_SEPARATORS = re.compile(r"[:;!?|•·–—]|\. | -")
_CTA_AFTER_TEASER = re.compile(r"(?:[:;!?|•·]|\.\s|\s[-–—])\s*" + _CTA_VERB.pattern)
_CLAUSE_SPLIT = re.compile(r"\s*(?:[:;!?|•·]|\.(?:\s|$)|\s[-–—]\s)\s*")
_REPORTING = re.compile(r"\b(?:said|says|say|told|tells|according|added|asked|stated|warned|urged)\b")
CTA_WORDS = 18  # a prompt is short


def reader_prompt(norm: str) -> str | None:
    """`Follow us on Instagram`, `Stay informed: download our free app`, `Turn on notifications`.

    A short line (at most CTA_WORDS words, no quotation, no reporting verb) that opens with
    an imperative, or with a short teaser before one, and whose clauses are an imperative asking for the site's channels or products (the app, the newsletter,
    alerts, a social network, a subscription) and, at most, short teasers around it
    (`Stay informed`, `It's free`). Returns ``"own"`` when the site names itself (`us`,
    `our`): furniture anywhere; ``"edge"`` otherwise: furniture at the head or tail only.
    """
    if norm.count(" ") >= CTA_WORDS:
        return None  # cheap checks first: most paragraphs are long, or do not open with a request
    if not _CTA_VERB.match(norm) and not (_TEASER_SEPARATORS.search(norm) and _CTA_AFTER_TEASER.search(norm)):
        return None
    if not _CTA_OBJECT.search(norm):
        return None
    if any(q in norm for q in "\"“”«»") or _REPORTING.search(norm):
        return None
    clauses = [c for c in _CLAUSE_SPLIT.split(norm) if c]
    found = None
    for c in clauses:
        if _CTA_VERB.match(c) and _CTA_OBJECT.search(c):
            found = "own" if _OUR.search(c) or found == "own" else "edge"
        elif len(c.split()) > 8 or any(ch.isdigit() for ch in c):
            return None  # a clause of its own: not a prompt line
    return found


# -- notices about the text itself: reuse terms, the original language, reporters' initials --

# Reusing the site's text, whatever the word order: `Copying the news with mention of the source is
# permitted`, `Reproduction of materials is allowed only with a hyperlink`, `Any use of the content
# requires the consent of the publisher`.
_REUSE = re.compile(
    r"\b(?:copying|copy|reproduction|reproducing|reprinting|reprint|republication|republishing|reposting|"
    r"redistribution|distribution|distributing|dissemination|re-?use|use|using|quoting|citing|publication|"
    r"re-publishing|re-publication|re-posting|"
    r"taking over|takeover|transfer|transferring|downloading|retransmission) (?:of )?(?:this |the |our |these |any |all |"
    r"site |website |site's |website's |published )?(?:news|materials?|articles?|contents?|texts?|publications?|"
    r"information|reports?|photos?|images?|videos?)\b"
)
_REUSE_TERMS = re.compile(
    r"\b(?:permitted|allowed|prohibited|forbidden|authori[sz]ed|unauthori[sz]ed|not allowed|mandatory|required|"
    r"requires?|obligatory|possible only|only with|only if|subject to|provided that|"
    r"(?:clearly |please |must |should )(?:state|indicate|cite|mention|credit|name|quote)|"
    r"(?:state|stating|indicate|indicating|cite|citing|mention|mentioning) the source)\b"
)
_REUSE_CUE = re.compile(
    r"\b(?:source|sources|link|hyperlink|reference|permission|consent|attribution|credit|mention|"
    r"authori[sz]ation|publisher|editorial (?:office|board|staff)|copyright|website|punishable)\b"
)
REUSE_WORDS = 30
_REUSE_CUE_STEMS = ("source", "link", "reference", "permission", "consent", "attribution", "credit", "mention",
                    "authori", "publisher", "editorial", "copyright", "website", "punishable")  # the stems of _REUSE_CUE


_QUOTES = "\"“”«»„"
NAME_QUOTE_WORDS = 4  # `consent of UAB „Žinių srautas"`: a quoted company name is short


def _quotes_only_a_name(norm: str) -> bool:
    """No quotation, or only a short quoted name (the publisher's), not quoted speech."""
    at = [i for i, c in enumerate(norm) if c in _QUOTES]
    return not at or (len(at) == 2 and norm.count(" ", at[0], at[1]) < NAME_QUOTE_WORDS)


def reuse_notice(norm: str) -> bool:
    """The site's terms for reusing its text: a use of the news or materials, a permission and a
    condition (the source, a link, consent), in any order; short, and not reported speech."""
    if norm.count(" ") >= REUSE_WORDS or not any(c in norm for c in _REUSE_CUE_STEMS) or not _REUSE.search(norm):
        return False  # cheap first: a notice names its condition (the source, a link, consent...)
    if not _quotes_only_a_name(norm) or _REPORTING.search(norm):
        return False
    return bool(_REUSE_TERMS.search(norm)) and bool(_REUSE_CUE.search(norm))


# A pointer to the article in its original language: `Keep reading in Catalan`, `The article was
# published in Czech`, `Read the full interview in Spanish`, `Also available in Basque`.
_LANGUAGE_NOTE = re.compile(
    r"(?:(?:you can )?(?:keep|continue) reading|read(?: (?:more|on|it|this|the (?:rest|full|complete|original|whole)"
    r"(?: (?:article|story|text|news|report|interview|piece))?))?|"
    r"(?:the |this )?(?:original )?(?:article|news|text|story|note|interview|piece)"
    r"(?: was| is| has been)? (?:originally |first )?(?:published|written)|"
    r"(?:also )?available|(?:the )?original(?: version| text| article)?|(?:see|read) the original(?: \w+)?)"
    r" (?:only |also )?in ([^\W\d_]+)"
)


def language_note(norm: str) -> bool:
    """`Keep reading in Catalan`, `The article was published in Czech. ČTK`: the site pointing to the
    original (and, after it, at most an agency's credit)."""
    head, _, rest = norm.partition(". ")
    m = _LANGUAGE_NOTE.fullmatch(head)
    if not m:
        return False
    place = geo.place(m.group(1))
    if place is None or place.kind not in ("language", "demonym"):
        return False
    return not rest or agency_credit(rest)


# Reporters' and editors' initials closing an article (Indonesian sites): `(rdp/imk)`, `(abc/xyz)`.
_INITIALS = re.compile(r"\([a-z]{2,5}(?: ?/ ?[a-z]{2,5}){1,3}\)")


# -- agency credits ------------------------------------------------------------------

_AGENCIES = (
    "efe", "afp", "ap", "reuters", "ansa", "dpa", "epa", "europa press", "agência brasil", "agencia brasil",
    "agência estado", "estadão conteúdo", "folhapress", "pap", "ana-mpa", "lusa", "xinhua", "tass",
    "ria novosti", "interfax", "anadolu", "anadolu agency", "aa", "dha", "iha", "notimex", "télam", "telam",
    "prensa latina", "kyodo", "jiji", "yonhap", "belga", "anp", "kna", "epd", "agi", "adnkronos", "lapresse",
    "askanews", "agerpres", "bta", "mti", "čtk", "ctk", "tasr", "hina", "sta", "tanjug", "ukrinform", "unian",
    "sputnik", "irna", "wafa", "bernama", "antara", "pti", "ians", "ats", "keystone-ats", "sda", "colpisa",
    "servimedia", "sipa", "agencias", "agências", "agenzie", "agences", "agencies",
    "wire services", "news agencies", "news agency", "agency", "redacción", "redação", "redazione", "rédaction",
    "newsroom", "editorial staff", "staff", "wires", "efe-epa", "afp-jiji", "ap photo", "getty images",
    "dpa-infocom", "apa-ots", "ntb", "ritzau", "pa media", "aap",
    "kyodo news", "efeverde", "efe agro", "ansa-eng", "la presse", "agencias efe", "dpa-afx",
    # Baltic, Central Asian, South and South-East Asian, Arab agencies
    "bns", "elta", "leta", "kazinform", "belta", "kabar", "bss", "app", "ani", "pna", "vna", "kuna", "wam", "sana",
    "mena", "qna", "spa", "ina",
)
_AGENCY_NAMES = "|".join(sorted((re.escape(a) for a in _AGENCIES), key=len, reverse=True))
_AGENCY_LINE = re.compile(
    rf"(?:©|\(c\)|source:|sources:|with|via|from|photo:|text:)? ?(?:{_AGENCY_NAMES})"
    rf"(?: ?(?:[,/|&+-]|and|with|y|e|et|und|ve|i) ?(?:{_AGENCY_NAMES}))*"
    r"(?: inf| info| information)?"  # `BNS inf.`: the agency's information (Baltic sites)
)
# dpa's story slug: `dpa-infocom, dpa:240305-99-225841/3`, `dpa:240305-99-225841/3`.
_SLUG = re.compile(r"(?:dpa(?:-infocom|-afx)?, ?)?(?:dpa|apa|ots):\d{6}-\d{2}-\d{3,7}(?:/\d+)?(?: .{0,40})?")


def site_with_agency(line: str) -> bool:
    """`Newsline Europe with AFP`, `AFP and Newsline Europe`: the site's name credited with an agency."""
    parts = [p for p in re.split(r" (?:with|and|&|/|\+) |, ", line.strip().strip("()*_ ")) if p]
    return (len(parts) >= 2 and any(agency_credit(p.casefold()) for p in parts)
            and all(agency_credit(p.casefold()) or (_name_only(p) and not _person(p)) for p in parts))


def agency_credit(norm: str) -> bool:
    """A line that is only a news agency's credit or slug: `(EFE)`, `© AFP`, `Europa Press`, `PAP/ANA-MPA`."""
    if _SLUG.fullmatch(norm):
        return True
    s = norm.strip("()[]-–—.,:; ")
    return bool(s) and len(s) <= 60 and bool(_AGENCY_LINE.fullmatch(s))


# -- notices in capitals and injected headlines ----------------------------------------

CAPS_WORDS = 8  # a sub-heading or kicker in capitals is shorter


def caps_notice(line: str) -> bool:
    """`THIS MATERIAL WAS CREATED BY A FOREIGN AGENT`: a long line in capitals, not quoting anyone."""
    s = line.strip()
    if len(s) < 30 or any(c.islower() for c in s):  # most lines have a lowercase letter early: cheap first
        return False
    if len(_words(s)) < CAPS_WORDS or any(q in s for q in "\"“”«»„"):
        return False
    return sum(c.isalpha() for c in s) >= 25


INJECTED_WORDS = 10  # sub-headings are shorter; a linked headline runs to ten words or more
# Sub-headings that run long often open with a question word: `Why the plan to cut bills may not work for renters`.
_SUBHEAD_START = re.compile(r"(?:what|why|how|who|whom|whose|when|where|which|inside|behind|beyond)\b", re.IGNORECASE)
_CAPTION = re.compile(r", \d{1,3},|\b(?:[Pp]hoto(?:graph)?s?|[Pp]ictured?|[Ii]mage|[Cc]redit|[Cc]aption)\b")
_ENDS_CLOSED = re.compile(r"[.!?…][\"'”’»)\]]*$")


def _in_indented_run(text: str, paras, i: int) -> bool:
    """Paragraph ``i`` and a neighbour are both indented: the items of a list that lost its
    bullets in extraction, not a headline between body paragraphs."""
    if not line_indented(text, paras[i].start):
        return False
    return any(0 <= j < len(paras) and line_indented(text, paras[j].start) for j in (i - 1, i + 1))


def injected_headline(three: list[str]) -> bool:
    """A related article's headline between two body paragraphs: (before, line, after).

    The line reads like a headline (10-25 words, three or more lowercase, a capital
    first, no closing punctuation, no quotation, no reporting verb, one line) while
    the paragraph before is closed prose and the one after is prose that opens
    with a capital: nothing runs into or out of it, so it is not a split sentence;
    and it is too long and too sentence-like for a sub-heading.
    """
    before, line, after = three
    s = line.strip()
    if not s or s[-1] in ":?!;.,…" and not s.endswith("...") or not s[0].isupper() or "\n" in s:
        return False  # closed or cut off (most body paragraphs): the cheap test first
    if not headline_like(s):
        return False
    words = _words(s)
    if not INJECTED_WORDS <= len(words) <= 25 or not _reads_like_headline(s):
        return False
    if any(q in s for q in "\"“”«»„") or _REPORTING.search(s.casefold()) or _CREDIT_START.match(s) or _SUBHEAD_START.match(s):
        return False
    if "://" in s or "www." in s or "@" in s:
        return False  # a sentence that ends with an address has no room for its period
    if _CAPTION.search(s):
        return False  # a photo caption (`Rosa Ferreira, 64, shapes dough...`, `... Photograph: Tom Hale`)
    if not (is_prose(before) and _ENDS_CLOSED.search(before.rstrip())):
        return False
    a = after.lstrip()
    return is_prose(a) and a[:1].isupper()


# -- lines of several fields: button rows, metadata rows, footers of several notices ----

# Where a line's fields part: a run of spaces, a bar or a dot between spaces, or a sentence end
# before a capital (`Save   Comment   Report error`, `Copyright belongs to X. Editor-in-chief: Y`).
_FIELD_SPLIT = re.compile(r"\s+[|•·]\s+|\s{2,}|(?<=[\w)][.?!])\s(?=[A-Z©(])")
# The site's legal imprint: `X is published by X Media AB`, `License No. 123/GP-BTTTT`.
_IMPRINT = re.compile(
    r".{1,60} is (?:published|issued|owned|operated|edited|produced) by .{1,80}|"
    r"(?:media |press )?(?:licen[cs]e|permit|registration(?: certificate)?|certificate of (?:media )?registration)"
    r"(?: no\.?| number| nr\.?| №)?:? ?\S{1,30}(?: .{0,60})?"
)
FIELD_WORDS = 8  # a byline or a place among the fields is short
FIRST_FIELD_WORDS = 14  # the first notice of a footer is short; a paragraph's first sentence is longer
FIRST_FIELD_CHARS = 100
COMPOSITE_CHARS = 250  # a footer of several notices is shorter than most paragraphs


def _field(field: str, library: re.Pattern) -> str | None:
    """``"strong"`` for a field that is furniture alone, ``"credit"`` for a byline, a name or a place, else None."""
    norm = normalise(field)
    if not norm or not any(c.isalnum() for c in norm):
        return ""  # a stray dash or bullet: neither
    if ((_in_library(norm, library) and not _reports_speech(norm)) or _dateline(norm) or date_meta_line(field)
            or reader_prompt(norm) or reuse_notice(norm) or metadata_label(field) or agency_credit(norm)
            or _IMPRINT.fullmatch(norm)):
        return "strong"
    words = _words(field)
    if len(words) > FIELD_WORDS or _TERMINAL_END.search(field.rstrip()):
        return None
    s = field.strip().strip("()")
    if _CREDIT_START.match(s) or _NAME_PART.fullmatch(s) or geo.is_place(norm):
        return "credit"
    return None


def composite_line(text: str, library: re.Pattern) -> str | None:
    """A line of two or more fields that are each furniture, or bylines, names and places.

    Returns ``"strong"`` when every field is furniture alone (`Leave a comment   Comments (0)`,
    `Did you find this a good article? Become a subscriber`): furniture anywhere; ``"credit"``
    when some fields are a byline, a name or a place (`Sanne de Wit  Yesterday, 18:42  Last
    update: Yesterday, 21:10`): page metadata at the head or tail only, where a byline has its
    date; ``None`` when a field is prose or a lone byline (`Marta Ceballos | Brussels`).
    """
    s = text.strip()
    head = s[:FIRST_FIELD_CHARS]
    if not ("  " in head or ". " in head or "? " in head or "| " in head or "! " in head or "• " in head
            or "· " in head):
        return None  # cheap first: no field ends early enough (a paragraph's first sentence is longer)
    m = _FIELD_SPLIT.search(s, 0, FIRST_FIELD_CHARS + 3)
    if not m or s.count(" ", 0, m.start()) >= FIRST_FIELD_WORDS:
        return None
    kinds = [_field(s[: m.start()], library)]
    if kinds[0] is None or _REPORTING.search(s.casefold()):
        return None  # the first field is prose, or the line reports speech
    for f in _FIELD_SPLIT.split(s[m.end():]):
        k = _field(f, library)
        if k is None:
            return None
        kinds.append(k)
    if "strong" not in kinds:
        return None
    return "credit" if "credit" in kinds else "strong"


# -- live blogs --------------------------------------------------------------------

_TIMESTAMP = re.compile(
    r"\d{1,2}[:.]\d{2}(?: ?(?:[ap]\.? ?m\.?|h|hrs|gmt|bst|utc|cet|cest|edt|est|pdt|pst|et|pt|ist|local time))?",
    re.IGNORECASE,
)
LIVE_STAMPS = 3


def live_blog_stamps(texts: list[str], head_end: int) -> frozenset[int]:
    """The timestamp lines of a live blog (`16:05 GMT` above each entry, through the body).

    Three or more time-only lines, one of them after the first prose paragraph, each followed
    by an entry: the blog's structure, not page furniture, wherever they fall.
    """
    stamps = [i for i, t in enumerate(texts) if len(t) <= 24 and _TIMESTAMP.fullmatch(t.strip())]
    if len(stamps) < LIVE_STAMPS or stamps[-1] <= head_end:
        return frozenset()
    if sum(1 for i in stamps if i + 1 < len(texts) and not _TIMESTAMP.fullmatch(texts[i + 1].strip())) < LIVE_STAMPS:
        return frozenset()
    return frozenset(stamps)


# -- the site's own tag before the body ----------------------------------------------

# `(CNO) – At about 10h30...`: a bracketed tag and a dash opening the first body paragraph.
_SITE_TAG = re.compile(r"\(([A-Z][\w.&' -]{1,30})\) ?[-–—]{1,2}")
# English outlets whose own tag opens their copy (`(CNN) —`, `(Reuters) -`): English style, not furniture.
_ENGLISH_TAGS = frozenset((
    "ap", "reuters", "afp", "cnn", "upi", "bloomberg", "pa", "aap", "cp", "npr", "bbc", "cbs", "nbc", "abc",
    "cnbc", "cbs news", "nbc news", "abc news", "nexstar", "the hill", "fox", "fox news", "ians", "pti", "ani",
    "xinhua", "afp-jiji", "kyodo", "yonhap", "ap photo", "reuters/ipsos",
))
_CAPITAL_RUN = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){1,5}")


def site_tag(first: str, furniture_text: str) -> re.Match | None:
    """The site's own tag before the first body paragraph: `(CNO) –` where the page's furniture
    names `Cong Nhan Online`, or repeats the tag itself; never an English outlet's tag."""
    m = _SITE_TAG.match(first)
    if not m or m.group(1).casefold() in _ENGLISH_TAGS:
        return None
    tag = m.group(1)
    if tag.casefold() in furniture_text.casefold():
        return m
    letters = tag.replace(" ", "").replace(".", "")
    if not letters.isupper() or not 2 <= len(letters) <= 6:
        return None
    for run in _CAPITAL_RUN.finditer(furniture_text):
        initials = "".join(w[0] for w in run.group().split())
        if letters in initials:
            return m
    return None


# -- East Asian pages: agency datelines, bylines, photo captions, sign-offs ---------------

_OPEN, _CLOSE = "[(（【〔［<〈", "])）】〕］>〉"
_INSIDE = r"[^\])）】〕］>〉\n]"
# `[Seoul=Hankang News]`, `(Seoul=Yonhap News)` (Korean), `〔Reporter Lin Yi-chen／Kaohsiung Report〕`,
# `【Reporter Wang／Taipei】` (Taiwanese), `(Central News Agency reporter Lin Yi-chen, Taipei, 20th)`.
# (Not `<...>`: `<!-- tqcheck: disable=TQ102 -->` is a directive, `<Copyright ...>` a notice.)
_DATELINE_BRACKET = re.compile(
    r"[\[(（【〔［〈] ?(?:"
    r"(?-i:[A-Z])[^\])）】〕］>〉=＝\n]{0,40} ?[=＝] ?[^\])）】〕］>〉=＝\n]{1,40}|"
    r"(?:[^\])）】〕］>〉／/\n]{1,30} )?(?:reporters?|correspondents?|journalists?) [^\])）】〕］>〉／/\n]{1,40}"
    r"(?:[／/]" + _INSIDE + r"{1,40}|\b\d{1,2}(?:st|nd|rd|th)?(?: electric| dispatch| telegram)?|\breport(?:ed|ing)?)|"
    r"[^\])）】〕］>〉／\n]{1,40}／" + _INSIDE + r"{1,40}"
    r") ?[\])）】〕］>〉]",
    re.IGNORECASE,
)
# `Reporter Kim Min-ji =` after it, or opening the lead alone (Korean 기자 =).
_DATELINE_REPORTER = re.compile(
    r" ?(?:(?:(?:staff |intern |special |senior )?(?:reporters?|correspondents?) [^=＝\n]{1,40}|"
    r"[^=＝\n]{1,40} (?:reporters?|correspondents?)) ?[=＝])",
    re.IGNORECASE,
)


def asian_dateline(text: str) -> int:
    """The length of an East Asian agency dateline or byline opening the paragraph, or 0:
    `[Seoul=Hankang News] Reporter Kim Min-ji =`, `〔Reporter Lin Yi-chen／Kaohsiung Report〕`."""
    s = text.lstrip()
    if not s or s[0] == "<" or (s[0] not in _OPEN and "=" not in s[:60] and "＝" not in s[:60]):
        return 0  # cheap first: most paragraphs open with neither a bracket nor `Reporter X =`
    end = 0
    m = _DATELINE_BRACKET.match(s)
    if m:
        end = m.end()
    r = _DATELINE_REPORTER.match(s, end)
    if r and (end or r.group().lstrip()[:1].isupper()) and len(r.group().split()) <= 6:
        end = r.end()
    elif not m:
        return 0
    return len(text) - len(s) + end


# A desk dateline opening the lead, where an English wire writes `LAHORE, Pakistan (AP) —`:
# `Lahore (Sports Desk) Pakistan...` (South Asian sites), `ASTANA. DalaNews.kz - Kazakhstan...` (CIS sites).
_DESK_DATELINE = re.compile(
    r"[A-Z][\w'’.-]{1,30}(?: [A-Z][\w'’.-]{1,30}){0,2},? \((?i:(?:sports|web|news|online|monitoring|city|business|"
    r"digital|foreign|national|international|entertainment|special|staff) desk|staff (?:reporter|correspondent)|"
    r"own correspondent|special correspondent|agencies|news agencies)\)(?: ?[-–—:])? (?=[A-Z])"
)
_CIS_DATELINE = re.compile(r"[A-Z][A-Z-]{2,20}(?: [A-Z][A-Z-]{2,20})?\. ([A-Z][\w.-]{1,30}(?: [A-Z][\w.-]{1,30})?) [-–—] (?=[A-Z])")


def desk_dateline(text: str) -> int:
    """The length of a site's desk dateline opening the paragraph, or 0: `Lahore (Sports Desk)`, `ASTANA. DalaNews.kz -`
    (the city in capitals, a period, then a domain, an agency or a name in capitals; never an English wire's
    `KYIV, Ukraine (AP) —`)."""
    m = _DESK_DATELINE.match(text)
    if m:
        return len(m.group().rstrip())
    m = _CIS_DATELINE.match(text)
    if m:
        site = m.group(1)
        if _DOMAIN.fullmatch(site.lower()) or site.isupper() or agency_credit(site.casefold()):
            return len(m.group().rstrip())
    return 0


_PHOTO_WORD = r"(?:photos?|pictures?|images?|photographs?|graphics?|video|screen ?(?:shot|capture)|capture|data photo|file photo)"
_CREDIT_SEP = r" ?(?:[=＝:：／/|]|(?:provided |courtesy )?by|courtesy of|provided|credit) ?"
# `[Photo = Yonhap News] Chairman Yoon arrives...`: a caption that opens with its credit.
_LEADING_CREDIT = re.compile(r"[\[(（【〔［<〈] ?" + _PHOTO_WORD + r"(?:" + _CREDIT_SEP + _INSIDE + r"{1,50})? ?[\])）】〕］>〉] ?\S",
                             re.IGNORECASE)
# `... (Photo／Provided by the Economic Development Bureau)`, `... / Photo = Yonhap News`: a caption that ends with
# it, joined by the `=` or `／` of East Asian pages (English captions end `(Photo by Marcus Bell/The Herald)`).
_TRAILING_CREDIT = re.compile(
    r"(?:[\[(（【〔［<〈] ?" + _PHOTO_WORD + r"(?: (?:provided|courtesy))? ?[=＝／] ?" + _INSIDE + r"{1,60}[\])）】〕］>〉]|[/／] ?"
    + _PHOTO_WORD + r" ?[=＝] ?[^\n/／]{1,60})$",
    re.IGNORECASE,
)
CAPTION_WORDS = 60  # a caption is a sentence or two


def photo_caption(text: str) -> bool:
    """A photo caption: marked by `▲`/`△` (Korean and Taiwanese pages), or opening or ending with
    a bracketed photo credit (`[Photo = Yonhap News] ...`, `... (Photo／Provided by X)`)."""
    s = text.strip()
    if len(s) < 8 or s.count(" ") >= CAPTION_WORDS:
        return False
    if s[0] in "▲△" and s[1:2] == " " and (s[2:3].isupper() or s[2:3] in _OPEN):
        return True
    if s[0] in _OPEN and _LEADING_CREDIT.match(s):
        return True
    return bool(_TRAILING_CREDIT.search(s[-90:]))


# A reporter's sign-off with an address, either word order: `Reporter Park Ji-won jwpark@kstarnow.co.kr`,
# `Kim Min-ji Reporter kmj@hankangnews.co.kr`, `Lin Yi-chen (lin@example.com.tw)`.
_SIGNOFF = re.compile(
    r"(?:(?i:(?:staff |intern |senior |special )?(?:reporter|correspondent|journalist|writer)s?) )?"
    r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}(?: (?i:reporter|correspondent|journalist|writer)s?)?"
    r"[ ,:]{1,3}[(<]?[\w.+-]{1,40}@[\w-]{1,40}(?:\.[\w-]{1,20}){1,3}[)>]?"
)


def reporter_signoff(line: str) -> bool:
    """`Reporter Park Ji-won jwpark@kstarnow.co.kr`: a reporter's name, label and address, nothing else."""
    s = line.strip().strip("*_ ")
    return "@" in s and len(s) <= 100 and bool(_SIGNOFF.fullmatch(s))


# -- furniture left in the source language -------------------------------------------

_FOREIGN_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
FOREIGN_WORDS = 8  # a prompt, a counter or a label: short


@cache
def _foreign_furniture_words() -> frozenset[str]:
    return frozenset(w for line in lexicon.lines("boilerplate_foreign.txt") for w in line.split())


def foreign_furniture(norm: str) -> bool:
    """`Ver comentarios (23)`, `Leia também`, `Kommentare`: a short line that machine translation left
    in the source language, known by a word of the page's furniture in Spanish, Portuguese, Italian,
    French or German (``boilerplate_foreign.txt``) and no sentence."""
    if norm.count(" ") >= FOREIGN_WORDS or _REPORTING.search(norm):
        return False
    words = _FOREIGN_WORD.findall(norm)
    return 1 <= len(words) <= FOREIGN_WORDS and any(w in _foreign_furniture_words() for w in words)


# -- the shared analysis -------------------------------------------------------------

# Related-news headers that name other articles or tell the reader to read or see them: never an
# English sub-heading (`Related news`, `Read also`); `Up next`, `Highlights`, `Trending` may be one.
_LINK_WORDS = re.compile(
    r"\b(?:related|read|see|look|watch|more|other|others|also|similar|interest|interested|miss|missed|recommend|"
    r"recommended|recommendations|picks|choice|suggested|news|stories|articles|reading|topic|subject|most)\b"
)
RELATED_TAKES = 6  # headline-like lines a related-news header may take after it


def batch_threshold(articles: int, edge: bool, sentence: bool) -> float:
    """In how many articles of a batch a short line must appear to count as furniture.

    At the head or tail of an article a line is furniture when it recurs in at
    least 3 articles and in sqrt(N) of them (so one site's furniture is found in
    a mixed feed); elsewhere it must recur in 30% of the batch; a line with
    sentence structure needs 60% and at least 5 articles. Batches under 5
    articles give no evidence.
    """
    if articles < 5:
        return math.inf
    if sentence:
        return max(5.0, 0.6 * articles)
    if edge:
        return max(3.0, math.sqrt(articles))
    return max(3.0, 0.3 * articles)


def furniture(doc: Document, ctx: Context) -> list[str | None]:
    """Per paragraph, the kind of evidence that it is page furniture, or None (see the module doc)."""
    paras = doc.paragraphs
    n = len(paras)
    texts = [doc.slice(p) for p in paras]
    # Long paragraphs, and paragraphs that report speech beyond the length of a linked headline, are prose.
    norms = [normalise(t) if len(t) <= _MAX_CHARS and (len(t) <= _SPEECH_CHARS or not _reports_speech(t)) else ""
             for t in texts]
    extra = tuple(normalise(p) for p in ctx.settings.boilerplate)
    library, related, edge_lib = (
        _compiled("boilerplate.txt"), _compiled("boilerplate_related.txt"), _compiled("boilerplate_edge.txt"))
    related_prefix = _related_prefix()

    kind: list[str | None] = [None] * n
    header = [False] * n
    prompts = [reader_prompt(norm) if norm else None for norm in norms]
    composite: list[str | None] = [None] * n
    for i, norm in enumerate(norms):
        if not norm:
            continue
        if len(norm) <= RELATED_CHARS and related.fullmatch(norm):
            kind[i], header[i] = "related", True
        elif (not _reports_speech(norm) and _in_library(norm, library)) or (extra and any(norm.startswith(p) for p in extra)):
            kind[i] = "phrase"
        elif _has_separator(norm) and related_prefix.fullmatch(norm) and _links_a_headline(texts[i]):
            kind[i] = "related"
        elif (_menu(norm) and not _byline(texts[i])) or _dateline(norm):
            kind[i] = "menu"
        elif prompts[i] == "own":
            kind[i] = "prompt"
        elif reuse_notice(norm):
            kind[i] = "phrase"
        elif metadata_label(texts[i]) == "anywhere":
            kind[i] = "meta"
        elif photo_caption(texts[i]):
            kind[i] = "caption"
        elif len(norm) <= COMPOSITE_CHARS and not ('"' in norm or "“" in norm or "”" in norm or "«" in norm):
            composite[i] = composite_line(texts[i], library)  # (longer or quoting: prose)
            if composite[i] == "strong":
                kind[i] = "phrase"

    # A related-news header inside or after the article takes the linked headlines after it
    # (at the head, `Latest news` is a kicker above the article's own headline).
    first_prose = next((i for i in range(n) if kind[i] is None and not composite[i] and is_prose(texts[i])), n)
    # A header alone that prose follows and that names no other articles is a sub-heading of
    # the article (`Up next`, `Highlights`, `Trending`), not a list of links.
    for i in range(n - 1):
        if (header[i] and kind[i + 1] is None and is_prose(texts[i + 1]) and not _LINK_WORDS.search(norms[i])
                and not composite[i + 1]):
            kind[i], header[i] = None, False
    for i in range(n):
        if header[i] and i > first_prose:
            j = i + 1
            while j < n and j <= i + RELATED_TAKES and kind[j] is None and headline_like(texts[j]):
                kind[j] = "related"
                j += 1

    # Head and tail: what lies before the first and after the last prose paragraph.
    prose = [i for i in range(n) if kind[i] is None and not composite[i] and is_prose(texts[i])]
    head_end = prose[0] if prose else n
    tail_start = prose[-1] + 1 if prose else n
    edge = [i < head_end or i >= tail_start for i in range(n)]

    # A menu at the head that lost its bars, or that runs its entries without separators.
    for i in range(head_end):
        if kind[i] is None and norms[i] and (spaced_menu(texts[i]) or nav_line(norms[i])):
            kind[i] = "menu"
    if n >= 2 and kind[0] is None and (
        looks_like_masthead(texts[0]) or site_name(texts[0], weak=kind[1] is not None and not header[1])
        or ((kind[1] == "menu" or section_path(norms[1])) and _name_only(texts[0]))
    ):
        kind[0] = "masthead"
    elif n >= 2 and kind[0] is None and head_end > 0 and named_in_furniture(texts[0], texts, kind):
        kind[0] = "masthead"
    stamps = live_blog_stamps(texts, head_end)
    for i in range(n):
        if kind[i] is not None or not edge[i] or not norms[i] or i in stamps:
            continue
        if (edge_lib.fullmatch(norms[i]) or prompts[i] == "edge" or agency_credit(norms[i]) or metadata_label(texts[i])
                or date_meta_line(texts[i]) or section_path(norms[i]) or site_with_agency(texts[i])
                or language_note(norms[i]) or _INITIALS.fullmatch(texts[i].strip()) or reporter_signoff(texts[i])
                or foreign_furniture(norms[i]) or asian_dateline(texts[i]) >= len(texts[i].rstrip())):
            kind[i] = "edge"
        elif composite[i]:
            kind[i] = "menu"
        elif i >= tail_start and site_name(texts[i]):
            kind[i] = "masthead"
    # The site's name right after other furniture at the head (`Home | World` / `Europe Daily Wire`).
    for i in range(1, head_end):
        if kind[i] is None and kind[i - 1] and site_name(texts[i]):
            kind[i] = "masthead"

    # A notice in capitals: in the body or tail, or at the head among furniture with the headline still to come.
    for i in range(1, n):
        if kind[i] is None and norms[i] and caps_notice(texts[i]):
            if i >= head_end or (kind[i - 1] and any(
                    kind[j] is None and _reads_like_headline(texts[j]) for j in range(i + 1, head_end))):
                kind[i] = "notice"
    # A related article's headline injected between two body paragraphs; not an item of a
    # list whose bullets were lost (a run of indented lines: `   Introduce new laws...`).
    for i in range(head_end + 1, tail_start - 1):
        if kind[i] is None and kind[i - 1] is None and kind[i + 1] is None and injected_headline(texts[i - 1 : i + 2]):
            if not _in_indented_run(doc.text, paras, i):
                kind[i] = "injected"

    batch = ctx.batch
    if batch is not None and batch.articles >= 5:
        counts = [batch.line_articles(t) if kind[i] is None else 0 for i, t in enumerate(texts)]
        # A duplicated article repeats all its lines: furniture must recur more than its own headline does.
        own = [c for i, c in enumerate(counts) if c and kind[i] is None]
        dup = min(own) if own else 1
        for i, c in enumerate(counts):
            if not c or kind[i] is not None or _CREDIT_START.match(texts[i].lstrip()):
                continue
            if not any(ch.isalnum() for ch in texts[i]):
                continue  # a separator (`___`, `* * *`) is layout, not furniture
            need = batch_threshold(batch.articles, edge[i], is_sentence(texts[i]) or _reads_like_headline(texts[i]))
            if c >= need and c > 2 * dup:
                kind[i] = "batch"

    # A short line without sentence structure between two furniture lines at the head or tail
    # (not the last line of the head that reads like a headline: the article's own headline sits among the furniture).
    headline = next((k for k in range(head_end - 1, -1, -1) if kind[k] is None and headline_like(texts[k])
                     and len(_words(texts[k])) >= 3 and not _CREDIT_START.match(texts[k].lstrip())), -1)

    def between(k: int) -> bool:
        """Short and without sentence structure; in the tail also a related article's headline."""
        if k == headline:
            return False
        return furniture_like(texts[k]) or (k >= tail_start and headline_like(texts[k])
                                            and not _CREDIT_START.match(texts[k].lstrip()))

    for i in range(1, n - 1):
        if kind[i] is None and edge[i] and kind[i - 1] and between(i):
            j = i + 1
            while j < n and kind[j] is None and j - i < 2 and between(j):
                j += 1
            if j < n and kind[j]:
                for k in range(i, j):
                    kind[k] = "between"
    # ... and after the last furniture line at the very end (`18+`).
    i = n - 1
    while i > 0 and kind[i] is None and furniture_like(texts[i]) and len(_words(texts[i])) <= 3:
        i -= 1
    if i < n - 1 and kind[i] and edge[i]:
        for k in range(i + 1, n):
            kind[k] = "between"
    # ... and a box's header right after the last prose paragraph, left without its box, when only
    # furniture follows it to the end (`What this means for you` / `Read more: ...` / `Share`).
    t = tail_start
    if t < n - 2 and kind[t] is None and furniture_like(texts[t]) and all(kind[k] for k in range(t + 1, n)):
        kind[t] = "between"
    return kind


def _runs(kinds: list[str | None]) -> Iterator[tuple[int, int]]:
    """(first, last) indexes of each run of consecutive furniture paragraphs."""
    start = None
    for i, k in enumerate([*kinds, None]):
        if k and start is None:
            start = i
        elif not k and start is not None:
            yield start, i - 1
            start = None


def _findings(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.text
    paras = doc.paragraphs
    kinds = ctx.get(furniture)
    first = next((i for i, k in enumerate(kinds) if k is None and is_prose(doc.slice(paras[i]))), None)
    if first is not None and doc.text.startswith("(", paras[first].start):
        furn = "\n".join(doc.slice(p) for p, k in zip(paras, kinds) if k)
        m = site_tag(doc.slice(paras[first]), furn)
        if m:
            start = paras[first].start
            cut = start + m.end()
            while cut < len(text) and text[cut] == " ":
                cut += 1
            yield Finding(start, start + m.end(), f"The site's own tag before the article ({m.group()!r})",
                          fix=(Edit(start, cut - start, ""),))
    # An East Asian agency dateline or byline opening the lead (`[Seoul=Hankang News] Reporter Kim Min-ji =`).
    lead = next((i for i, k in enumerate(kinds) if k is None and is_prose(doc.slice(paras[i]))), len(paras))
    for i in range(min(lead + 1, len(paras))):
        if kinds[i] is None:
            n = asian_dateline(doc.slice(paras[i])) or desk_dateline(doc.slice(paras[i]))
            if n:
                start = paras[i].start
                cut = start + n
                while cut < len(text) and text[cut] == " ":
                    cut += 1
                yield Finding(start, start + n, f"An agency dateline or byline before the article ({text[start:start + n]!r})",
                              fix=(Edit(start, cut - start, ""),))
    for first, last in _runs(kinds):
        only_batch = all(k == "batch" for k in kinds[first : last + 1])
        weak = all(k in _WEAK_EVIDENCE for k in kinds[first : last + 1])
        start, end = paras[first].start, paras[last].end
        cut_end = end
        while cut_end < len(text) and text[cut_end] in "\r\n":
            cut_end += 1
        count = last - first + 1
        what = "a boilerplate line" if count == 1 else f"{count} boilerplate lines"
        why = _evidence(kinds[first : last + 1])
        if only_batch and ctx.batch is not None:
            seen = max(ctx.batch.line_articles(doc.slice(paras[i])) for i in range(first, last + 1))
            why = f"repeated in {seen} of {ctx.batch.articles} articles of the batch"
        yield Finding(
            start,
            end,
            f"Page furniture in the article ({what}, {why}): '{_preview(doc.slice((start, end)))}'",
            fix=(Edit(start, cut_end - start, ""),),
            severity="minor" if weak else None,
        )


_EVIDENCE = {
    "phrase": "site phrases",
    "prompt": "prompts to the reader",
    "related": "related-article links",
    "menu": "navigation or date lines",
    "masthead": "the site's name",
    "edge": "header or footer lines",
    "between": "header or footer lines",
    "batch": "lines repeated across the batch",
    "meta": "page metadata",
    "notice": "a notice in capitals",
    "injected": "a headline between body paragraphs",
    "caption": "a photo caption",
}


_WEAK_EVIDENCE = frozenset(("batch", "injected"))  # shape or repetition alone: reported as minor


def _evidence(kinds: list[str | None]) -> str:
    seen = dict.fromkeys(_EVIDENCE[k] for k in kinds if k)
    return ", ".join(seen)


def _preview(s: str, n: int = 60) -> str:
    s = _SPACE.sub(" ", s).strip()
    return s if len(s) <= n else s[: n - 1] + "…"


# -- rules ---------------------------------------------------------------------------


@rule(
    code="TQ401",
    name="boilerplate-phrase",
    category="boilerplate",
    severity="major",
    summary="Site furniture in the article: paywall prompts, headers, footers, agency credits, newsletter and share lines.",
    flags=[
        "The talks ended without a deal.\n\n[[Subscribe to continue reading\n\nI'm already a subscriber]]",
        "[[The Limited Times]]\n\nThe minister resigned on Friday.",
        "The minister resigned on Friday.\n\n[[Source: elparis]]",
        "Prices rose again.\n\n[[© Daily Courier 2021 - Privacy]]\n\nNothing else.",
        # translated buttons, link residue, newsletter prompts
        "The vote was postponed until March, the speaker said.\n\n[[I want it\n\nKnow more]]",
        "Lawmakers debated the bill for six hours on Tuesday.\n\n[[Follow all the international information on\n\n, or in\n\nour weekly newsletter]]",
        "Fishermen report losses of up to 80% of their income.\n\n[[Receive the news in your email\n\nJoin our WhatsApp channel\n\nDownload our app]]",
        "[[Already registered? Log in]]\n\nThe court ruled against the company on Monday.",
        "[[Exclusive for subscribers]]\n\nThe court ruled against the company on Monday, judges said.",
        # related articles: a header takes the linked headlines after it
        "The centres will be full by the summer, the ministry said.\n\n[[Read also\n\nLampedusa, 600 arrivals in 24 hours: the hotspot is full]]",
        "Smoke made the situation worse, according to satellite data.\n\n[[Also read: Heat wave grips São Paulo]]\n\nThe government announced an emergency package.",
        "The drought already affects 62 towns in the state, officials said.\n\n[[You may be interested in:\n\nSheinbaum announces a water plan for the Valley of Mexico]]",
        "The plan was approved by the board on Friday afternoon.\n\n[[Related news\n\n- Lula proposes a peace club\n- Milei confirms his trip]]",
        # tags, keywords, most read, comments, photo credits
        "Rents rose by more than 100 percent in a year, a study found.\n\n[[Tags: central bank, interest rate, inflation]]",
        "The room was brought to light in Regio IX, the park said.\n\n[[Photo: EFE]]\n\nThe frescoes show musicians.",
        "The room was brought to light in Regio IX, the park said.\n\n[[(Image: Reuters)]]\n\nThe frescoes show musicians.",
        "The hatches opened two hours later, the agency said.\n\n[[Comments (12)\n\nMost read]]",
        "Rain is expected on Sunday across the north, forecasters said.\n\n[[Keywords: weather, rain]]",
        # navigation, dates, taglines and age ratings at the edges
        "[[Home › World › Europe]]\n\nIAEA: the situation remains fragile\n\nThe agency again expressed concern about the plant, officials said.",
        "[[Published: 17.01.25, 02:14 | Updated: 17.01.25, 09:30]]\n\nThe cabinet approved the deal overnight, the office said.",
        "[[The Daily Translation\n\nWorld news from the original press, in English]]\n\nCongress approves the amnesty law\n\nThe law now goes to the Senate, where the opposition has a majority.",
        "The station should be launched in 2027, the agency said.\n\n[[Subscribe to our channel in Zen\n\nWhen using materials, a hyperlink is required\n\n18+]]",
        "[[ADVERTISING]]\n\nHeat wave leaves 48 dead in the north\n\nThe third heat wave of the year has left at least 48 dead, officials said.",
        # paywall meters and gates, in several sites' phrasings
        "The reform was approved by 176 votes to 172, the speaker said.\n\n[[You have 38% of this article left to read\n\nThe rest is reserved for subscribers]]",
        "The reform was approved by 176 votes to 172, the speaker said.\n\n[[You have read 3 of your 5 free articles this month]]",
        "[[Already subscribed? Log in]]\n\nThe strike closed every school in the region on Monday, unions said.",
        "The strike closed every school in the region on Monday, unions said.\n\n[[Unlock this article\n\nSupport independent journalism]]",
        # news-agency credits and slugs, the site's name, the link back to the original
        "The coalition agreed on the budget late on Tuesday, the chancellery said.\n\n[[dpa-infocom, dpa:240305-99-225841/3]]",
        "[[Europa Press]]\n\nThe Cortes approved the law on Thursday after a long debate, the speaker said.",
        "The Senate will vote on the text next week, the government said.\n\n[[(EFE)]]",
        "[[Europe Daily Wire]]\n\nCongress approves the amnesty law\n\nThe law now goes to the Senate, where the opposition has a majority.",
        "[[Latest News MX]]\n\nHeat wave grips the north\n\nTemperatures passed 45C in three states on Sunday, forecasters said.",
        "The vote is expected on Friday, the union said.\n\n[[Read the original article in Spanish]]",
        # the site asking something of the reader, anywhere; cookie banners; comment sections
        "The fire was put out overnight, firefighters said.\n\n[[Stay informed: download our free app]]\n\nThe cause of the fire is being investigated, police said.",
        "The fire was put out overnight, firefighters said.\n\n[[Like us on Facebook]]\n\nThe cause of the fire is being investigated, police said.",
        "The court will rule in June, lawyers said.\n\n[[We and our partners use cookies to personalise content and ads.\n\nManage preferences\n\nAccept and close]]",
        "The court will rule in June, lawyers said.\n\n[[Be the first to comment\n\nLog in to comment]]",
        # mastheads with an English-edition tag or above other furniture; metadata labels; capital notices
        "[[Gulf Daily News — English\n\nHome | World | Business]]\n\nPort reopens to ships after a week\n\nThe port reopened on Monday after a week of repairs, officials said.",
        "[[Metro Headlines\n\nHome | City | Sport]]\n\nTram line opens two years late\n\nThe new tram line opened on Sunday, two years late, the council said.",
        "[[Il Segnale\n\nPolitics | Economy | Sport]]\n\nMeloni defends the deal\n\nThe prime minister defended the deal on Friday in Rome, her office said.",
        "Port reopens to ships after a week\n\n[[Date of update: 03.11.2024 09:15]]\n\nThe port reopened on Monday after a week of repairs, officials said.",
        "The port reopened on Monday after a week of repairs, officials said.\n\n[[Editor in charge: Li Na\n\nStatement: This article is reprinted from other media to convey more information. If there is any infringement, please contact us.]]",
        "The talks will resume next week, the ministry said.\n\n[[THE OPINIONS EXPRESSED IN THIS ARTICLE ARE THOSE OF THE AUTHOR ALONE]]\n\nThe ministry declined to comment further, a spokesman said.",
        # advert markers, photo labels, app and typo prompts in their MT phrasings
        "The dam held overnight, rescuers said.\n\n[[Continues after advertising]]\n\nThe water level fell by 20 centimetres on Sunday, the ministry said.",
        "The dam held overnight, rescuers said.\n\n[[Illustrative photo]]\n\nThe water level fell by 20 centimetres on Sunday, the ministry said.",
        "The water level fell by 20 centimetres on Sunday, the ministry said.\n\n[[Noticed a mistake? Select it and press Ctrl+Enter\n\nScan the QR code to download the app]]",
        # date lines with the page's counters, section paths, the site credited with an agency
        "[[Harbour Relay\n\nCulture - People]]\n\nSinger dies at 87\n\n[[Monday, 10 March 2025 09:30 | Views: 3 512]]\n\nThe singer died at home on Sunday, her family said.\n\n[[Harbour Relay with AFP]]",
        # terms for reusing the text (any word order), a pointer to the original language, initials, a video link
        "The harbour reopened on Monday, officials said.\n\n[[Reuse of our materials is allowed only with a link to the source]]",
        "The harbour reopened on Monday, officials said.\n\n[[Copying this content without citing the publisher is prohibited]]",
        "The harbour reopened on Monday after a week of repairs, officials said.\n\n[[Continue reading in Basque]]",
        "The harbour reopened on Monday after a week of repairs, officials said.\n\n[[The interview was first published in Polish. PAP]]",
        "The harbour reopened on Monday after a week of repairs, officials said.\n\n[[(abc/xyz)]]",
        "The harbour reopened on Monday, officials said.\n\n[[See the gallery: \"Cranes Return to the Old Dock\"]]\n\nThe port expects more ships next month, the authority said.",
        # a related article's headline injected between body paragraphs (minor: shape evidence only)
        "The bridge was closed to traffic on Monday after inspectors found cracks, the city said.\n\n[[Regional rail operator announces a new timetable for the winter season across the north]]\n\nEngineers expect the repairs to take at least three months, according to the city.",
        # lines of several fields: button rows, metadata rows, footers of several notices
        "The talks will resume next week, the ministry said.\n\n[[Save   Comment   Report error]]\n\nThe ministry declined to comment further, a spokesman said.",
        "Port reopens to ships after a week\n\n[[Published on 21/03/2024 at 23:58  |  By Julie Lambrechts (in Brussels)  |  Reading: 4 min.]]\n\nThe port reopened on Monday after a week of repairs, officials said.",
        "Port reopens to ships after a week\n\n[[Anna Berg  Yesterday, 18:42  Last update: Yesterday, 21:10]]\n\nThe port reopened on Monday after a week of repairs, officials said.",
        "The port reopened on Monday after a week of repairs, officials said.\n\n[[Harbour Relay is published by Relay Media AB. Responsible publisher: Karin Holm]]",
        "The port reopened on Monday after a week of repairs, officials said.\n\n[[Copyright belongs to Harbour Relay. Editor-in-chief: Pham Quoc Tuan. License No. 123/GP-BTTTT. Clearly state the source when re-publishing information from this website.]]",
        "The port reopened on Monday after a week of repairs, officials said.\n\n[[Did you find this a good article? Become a subscriber and read unlimited.]]",
        # a teaser before the request; cookies and photo notes as MT renders them; reading time; the newsroom as author
        "The port reopened on Monday after a week of repairs, officials said.\n\n[[The news of the day in your e-mail – subscribe for our newsletter]]",
        "The port reopened on Monday after a week of repairs, officials said.\n\n[[This website uses biscuits to improve the user experience. I accept]]",
        "The dam held overnight, rescuers said.\n\n[[Photo is illustrative]]\n\nThe water level fell by 20 centimetres on Sunday, the ministry said.",
        "[[Listen: 4 min]]\n\nPort reopens to ships after a week\n\n[[By Editorial — Rio de Janeiro]]\n\nThe port reopened on Monday after a week of repairs, officials said.",
        "The dam held overnight, rescuers said.\n\n[[Read further after the advertisement]]\n\nThe water level fell by 20 centimetres on Sunday, the ministry said.",
        # in the tail, a related headline between furniture and a box header with only furniture after it
        "The port reopened on Monday after a week of repairs, officials said.\n\n[[Tags: port, ships\n\nIs the port raising its fees again? This is what the director said\n\n© 2024 Harbour Relay]]",
        "The port reopened on Monday after a week of repairs, officials said.\n\n[[What this means for you\n\nRead more: Why your pension will be lower than you think\n\nShare   Copy link]]",
        # the site's own tag before the body, where its furniture names the site
        "Fire at the port warehouse\n\n[[(HRO) –]] At about 10h30 a fire broke out at the port warehouse, the fire brigade said on Friday.\n\nThe fire was put out by the evening, officials said.\n\n[[Follow Harbour Relay Online on Google News]]",
        # East Asian pages: an agency dateline before the lead, captions marked by ▲ or a bracketed credit, a sign-off
        "[[(Seoul=Yonhap News) Reporter Kim Min-ji =]] Prosecutors requested seven years in prison for the chairman on Monday.\n\nThe sentence will be handed down next month, the court said.",
        "TSMC plant to open next year\n\n[[〔Reporter Lin Yi-chen／Kaohsiung Report〕]]\n\nThe plant will open next year, the city government said on Tuesday.",
        "The plant will open next year, the city said.\n\n[[▲ The Kaohsiung plant of TSMC in the Nanzih Science Park. (Photo／Provided by the Economic Development Bureau)]]\n\nThe city will guarantee water and power, the mayor said.",
        "The sentence will be handed down next month, the court said.\n\n[[[Photo = Yonhap News] Chairman Yoon arrives at the court in Seoul on the 14th.\n\nReporter Park Ji-won jwpark@kstarnow.co.kr]]",
        # social prompts for Asian messengers; bulleted related headlines; comment and rights lines
        "The plant will open next year, the city said.\n\n[[Don't miss any news! Add Takao News Net LINE friends\n\nHot news\n\n‧ Typhoon approaching? The weather bureau may issue a sea warning on Thursday]]",
        "The strike starts on Monday, the union said.\n\n[[The comments published express the opinions of their writers only\n\nDiario del Norte Grande - All rights reserved 2025]]",
        # furniture left in the source language: a related-article prompt, a comment counter, a short label
        "The strike starts on Monday, the union said.\n\n[[Te puede interesar: Codelco reports an increase in production at Chuquicamata]]\n\nThe mine produced 142,000 tonnes of copper last year, the company said.",
        "The strike starts on Monday, the union said.\n\n[[Ver comentarios (23)]]\n\nThe mine produced 142,000 tonnes of copper last year, the company said.",
        "The strike starts on Monday, the union said.\n\n[[Compartir en redes]]",
        # round 3: menus that lost their bars or run without separators, with the site's name above them
        "[[Suara Harbour\n\nHOME NEWS STATE ELECTION SABAH]]\n\nPort reopens to ships after a week\n\nThe port reopened on Monday after a week of repairs, officials said.",
        "[[Harbour Relay\n\nHome  Pakistan  World  Cricket  Showbiz]]\n\nPort reopens to ships after a week\n\nThe port reopened on Monday after a week of repairs, officials said.",
        "[[Menu Search Log in News Economy Stock exchange Energy Opinion]]\n\nPort reopens to ships after a week\n\nThe port reopened on Monday after a week of repairs, officials said.",
        # the site's name first, repeated by the page's own footer
        "[[Byavisen Nord]]\n\nPort reopens to ships after a week\n\nThe port reopened on Monday after a week of repairs, officials said.\n\n[[Copyright © Byavisen Nord A/S. All rights reserved.]]",
        # reuse terms with a punishment or a quoted publisher; advert labels and update notes of Nordic sites; Baltic agency
        "The port reopened on Monday, officials said.\n\n[[Unauthorized use of any news, photo or video of this website is punishable offence.]]",
        "The port reopened on Monday, officials said.\n\n[[Copying, reproduction and distribution of the article without written consent of UAB „Harbour Relay\" is prohibited.]]",
        "The dam held overnight, rescuers said.\n\n[[Annonce]]\n\nThe water level fell by 20 centimetres on Sunday, the ministry said.",
        "The port reopened on Monday after a week of repairs, officials said.\n\n[[The case is being updated.\n\nRead the whole case with subscription]]",
        "The port reopened on Monday after a week of repairs, officials said.\n\n[[Harbour Relay works according to the Vær Varsom poster's rules for good press practice.]]",
        "The port reopened on Monday after a week of repairs, officials said.\n\n[[BNS inf.]]",
        # desk labels and desk datelines in place of a byline (South Asian and CIS sites)
        "Port reopens to ships after a week\n\n[[Staff Reporter, Savar]]\n\nThe port reopened on Monday after a week of repairs, officials said.",
        "Port reopens to ships after a week\n\n[[Lahore (Sports Desk)]] The port reopened on Monday after a week of repairs, officials said.\n\nShips returned on Tuesday, the authority said.",
        "Grain exports rise\n\n[[ASTANA. DalaNews.kz -]] Kazakhstan exported 7.4 million tons of grain, the ministry said.\n\nShips returned on Tuesday, the authority said.",
    ],
    passes=[
        # near-misses of round 2: an English caption's credit, a wire's dateline place, English `line`, Spanish words in prose
        "Volunteers sort donated turkeys at the pantry on Tuesday. (Photo by Marcus Bell/The Herald)\n\nThe pantry expects to serve 2,200 families before Thanksgiving, its director said.",
        "By Thandeka Mokoena\n\nBusiness Day Wire | Johannesburg\n\nThe grocery chain raised its interim dividend by 18% on Tuesday, the company said.",
        "The storm cut power to 20,000 homes, the utility said.\n\nStay on the line, the operator told callers",
        "The storm cut power to 20,000 homes, the utility said.\n\nViva la vida",
        "(Reuters) - The storm cut power to 20,000 homes, the utility said.\n\n[Update] The utility restored power to most homes by Tuesday, a spokesman said.",
        # a list whose bullets were lost in extraction: indented items, not injected headlines
        "The minister set out the plans on Monday in a speech to the party conference in Leeds, where she was "
        "cheered by several hundred members of the party who had travelled from all over the country.\n\n\n"
        "   Leaving the European Convention on Human Rights, which binds member states to hear every claim on "
        "its merits, not on quotas \n"
        "   Introduce new rules to let officials remove at once those people whose papers were found to be "
        "forged at the border or at the ports \n \n\n"
        "The opposition said it would fight the plans in parliament, and several charities said they would "
        "join the campaign against them.",
        "Readers who subscribe to continue reading the paper get a discount, the publisher said.",
        "The source: a senior official who asked not to be named, said the talks would resume.",
        "I want it to end, she said of the war.\n\nKeep reading the ministry's statement, he added.",
        # legitimate wire style: credits, bylines, datelines, sub-headings
        "The ministers met in Geneva on Friday, officials said.\n\nReporting by Ana Silva; Editing by John Stone",
        "By Olena Kravets and Daniel Price\n\nKYIV, Ukraine (AP) — Ukraine shipped a record volume of grain, officials said.",
        "The army advanced near the border, the ministry said.\n\nOffensive from the north\n\nThe government has warned of a new escalation this winter, officials said.",
        "Ukraine Ships Record Grain Volume as Black Sea Corridor Holds\n\nThe corridor has held for a year, officials said.",
        # phrases that are ordinary prose in a sentence
        "Copyright lawyers said the ruling would be appealed.",
        "Use of force is prohibited under international law, the court said.",
        "The newsletter was launched in 2019.",
        "It costs 20 euros a month, the company said.",
        "Photos show the damage to the building.",
        "Tags on the luggage were checked, police said.",
        "Comments by the minister drew criticism from the opposition on Monday.",
        "According to data from the ministry, 40 people died.",
        "Related: the talks in Geneva have produced little so far, diplomats say.",
        "Watch: the president's speech will be broadcast at 8 p.m.",
        "Most read books of the year include two memoirs.",
        # near-misses of the paywall, agency, site-name and prompt mechanisms
        "Readers who have read five free articles are asked to subscribe, the publisher said.",
        "The rest is history, the coach said after the final.",
        "News agencies such as EFE and Europa Press sell their stories to websites, the report said.",
        "Times Square Evacuated After Gas Leak\n\nPolice cleared the square on Monday evening, officials said.",
        "Post Office Scandal: Inquiry Hears From Victims\n\nThe inquiry heard from former postmasters on Tuesday.",
        "The minister urged voters to download the app from Google Play and register before the deadline.",
        "Join our fight for justice, the protesters chanted outside the court on Friday afternoon.",
        "The original article was published in 1998 by a small journal, the historian said.",
        "Translated by the author, the memoir sold 20,000 copies in its first year.",
        "No comments, the minister said as he left the building.",
        "The data show we use less water than a decade ago, the utility said.",
        # near-misses of the masthead, metadata, notice and injected-headline mechanisms
        "Good News for Renters\n\nThe charity raised more money than ever this year, its director said on Friday.",
        "Marta Ceballos | Brussels\n\nThe summit opened on Thursday with a row over migration, diplomats said.",
        "The season ended on Sunday, the league said.\n\nReferee: Neil Ashworth. Attendance: 31,250.\n\nPhoto editor: Jane Smith",
        "FLOODS FORCE THOUSANDS FROM THEIR HOMES ACROSS THE NORTH OF THE COUNTRY\n\nBy Ana Reis\n\nRivers burst their banks overnight, officials said.",
        "The bridge was closed on Monday after inspectors found cracks, the city said.\n\nWhy the city's bridges need more than a coat of paint this winter\n\nEngineers expect the repairs to take at least three months, the city said.",
        "The bridge was closed on Monday after inspectors found cracks, the city said.\n\nThe closure adds to the pressure on a transport network already stretched by strikes\n\nand by the loss of two ferries this year.",
        "The bridge was closed on Monday after inspectors found cracks, the city said.\n\nRepairs to the deck\n\nEngineers expect the work to take at least three months, the city said.",
        "The dam held overnight, rescuers said.\n\nThe end of advertising on public television was approved on Monday.\n\nAdvertising revenue fell 12% in the quarter.",
        "Install the VPN client on your laptop before you travel.\n\nScan the QR code on the letter to open the form.",
        "The night trains are back\n\nColumn | Helen Marsh\n\nThe sleeper to Vienna left on time on Sunday, the operator said.",
        "The concert starts late\n\nDoors open at 19:30 in the main hall\n\nThe orchestra will play two symphonies, the organisers said.",
        # near-misses of the reuse, original-language, initials and video mechanisms
        "Reuse of the images is prohibited without permission, the museum told the paper.",
        "Copying of the keys is prohibited, the landlord reminded the tenants in a letter.",
        "The harbour reopened on Monday, officials said.\n\nHer first novel was published in Polish",
        "The harbour reopened on Monday, officials said.\n\nThe report is available in French",
        "The harbour reopened on Monday, officials said.\n\nThe speed limit rose to 130 km/h (and/or more)",
        "Watch the video, the coach told his players before the final, and \"learn from it\".",
        # near-misses of the field, tail, tag and live-blog mechanisms; genre labels and sub-headings
        "By Jane Smith  |  Brussels\n\nThe summit opened on Thursday with a row over migration, diplomats said.",
        "The summit opened on Thursday, diplomats said.  The talks ran late into the night.  A deal is expected.",
        "Copyright belongs to the estate, the judge ruled on Monday.",
        "The report is published by the ministry every year and covers all regions.",
        "Opinion\n\nThe case for a four-day week\n\nWorking less could make us more productive, the study's authors argue.",
        "The port reopened on Monday, officials said.\n\nUp next\n\nThe port authority will present its plans for the winter on Friday, a spokesman said.",
        "(NEXSTAR) — The storm hit the coast on Monday, officials said.\n\nPower was restored by Tuesday, the utility said.",
        # near-misses of round 3: a headline opening with `Home`, an English staff byline, a product named again in
        # the body, a market figure (not a time), places in the body, a wire's dateline, a quoted reuse warning
        "Home Office announces new visa rules for students\n\nThe rules take effect in April, the ministry said.",
        "By a Staff Reporter\n\nThe port reopened on Monday after a week of repairs, officials said.",
        "Apple Vision Pro\n\nThe Apple Vision Pro goes on sale on Friday, the company said.\n\nThe Apple Vision Pro costs $3,499.",
        "Oil fell on Thursday, traders said.\n\nMarket figures (close)\n\nBrent: $79.84 (-1.4%)",
        "The port reopened on Monday after a week of repairs, officials said.\n\nRotterdam  Antwerp  Hamburg\n\nThe ships returned on Monday, the authority said.",
        "NEW YORK - U.S. stocks fell on Thursday as Treasury yields rose, traders said.",
        "Reuse of the photos is prohibited without consent of the \"Harbour Trust\", the museum told the paper.",
        "The case is being updated by the court's clerk, the lawyer said.",
        "Storm live: gusts hit the north\n\n16:05 GMT\nPower restored to homes\n\nEngineers have reconnected about 12,000 customers since midday, the operator says.\n\n"
        "15:42 GMT\nFerries cancelled\n\nAll sailings on the island routes were cancelled for the rest of the day, the operator said.\n\n"
        "15:10 GMT\nSchools close early\n\nAll schools in the city will close at 1pm, the council said in a statement.",
    ],
)
def boilerplate_phrase(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    Paragraphs that are page furniture rather than article: paywall and
    subscription prompts (`Subscribe to continue reading`, `Already registered?
    Log in`, `Exclusive for subscribers`), translated buttons (`Know more`,
    `I want it`), newsletter, app and social prompts (`Receive the news in your
    email`, `Join our WhatsApp channel`), related-article headers with the
    headlines they link (`Read also`, `You may be interested in:`), tags and
    keywords, comment counters, photo credits (`Photo: EFE`), copyright,
    privacy and disclaimer lines, `Source: ...` lines, navigation, breadcrumbs
    and date lines, the site's name and tagline at the head, and link residue
    (a line that is only `, or in`). Paywall meters and gates in their many
    phrasings (`You have 38% of this article left to read`, `You have read 3 of
    your 5 free articles`, `The rest is reserved for subscribers`, `Unlock this
    article`), pointers back to the original (`Read the original article`,
    `Translated with DeepL`), cookie and consent banners and comment-section
    furniture (`Be the first to comment`, `Comments are closed`). Three shape
    mechanisms beyond the phrase lists: a **reader prompt** is a short line
    that opens with an imperative asking for the site's channels or products
    (app, newsletter, alerts, a social network, a subscription), with at most
    short teasers around it (`Stay informed: download our free app`): furniture
    anywhere when the site names itself (`us`, `our`), at the head or tail
    otherwise; an **agency credit** is a line that is only news agencies or
    their story slug (`(EFE)`, `© AFP`, `Europa Press`, `PAP/ANA-MPA`,
    `dpa-infocom, dpa:240305-99-225841/3`), furniture at the head or tail; a
    **site name** is a short capitalised line ending in a word that names news
    sites (`Wire`, `Times`, `Diario`, `Zeitung`), or such a word before a suffix
    (`Latest News MX`, `Noticias 24`), or a bare domain: furniture as the first
    line, after other furniture at the head, or at the tail. Evidence: the
    phrase library (several phrasings of each prompt, as MT renders Spanish,
    Portuguese, French, Italian, German, Russian, Hebrew and Turkish sites), the
    line's shape (menu separators, no sentence structure) and its position
    (head and tail of the article). A paragraph longer than a linked headline
    that reports speech (`said`, `says`, `told`) is always article prose. In a batch (`tqcheck check` on a folder or feed) a short line that
    recurs in many articles is furniture too, whatever its words: at the head
    or tail of an article when it recurs in at least 3 articles and in sqrt(N)
    of a batch of N >= 5, elsewhere in 30% of the batch, and a line that reads
    like a headline or a sentence (five words, three in lowercase; or a final
    period) only in 60% (and 5 articles), so that a syndicated story's headline
    is never furniture; a duplicated article's
    lines must recur more than twice as often as its own least repeated line.
    A run that only repetition reveals is reported as minor.
    Further shapes: a **masthead** may carry an English-edition tag (`TR Daily
    News — English`, `China News Digest (English)`) or, as the first line above
    other furniture, end in a weaker site word (`UA Headlines`); **page
    metadata** is a date line (`Date of update: 12.07.2025 14:32`) or a label
    whose value is only names (`Editor in charge: Wang Lei`; `Author: ...` at the
    edges only); a **notice in capitals** is a line of eight words or more with
    no lowercase letter, in the body or tail, or at the head among furniture
    with the headline still to come; an **injected headline** is a one-line
    headline of 10-25 words with no closing punctuation between two closed
    prose paragraphs (nothing runs into or out of it), reported as minor. At
    the head or tail, a **date line** of date and time words, places and the
    page's counters (`Tuesday, 16 April 2024 11:05 | Views: 1 204`, `2024-05-13
    10:26 Source: X Editor: Y`), a **section path** (`Culture - People`, `Sports
    / Volleyball`) with the name above it, and the site **credited with an
    agency** (`Newsline Europe with AFP`) are furniture too. A byline with its
    place or label (`Marta Ceballos | Brussels`, `Column | Helen Marsh`) is not a menu.
    Notices about the text itself: the site's **terms for reusing** it, in any
    word order (a use of the news or materials, a permission word and a
    condition such as the source, a link or consent: `Reuse of our materials
    is allowed only with a link to the source`), anywhere; at the head or tail a
    **pointer to the original language** (`Continue reading in Basque`, `The
    interview was first published in Polish`, optionally followed by an
    agency's credit) and reporters' **initials** in brackets (`(abc/xyz)`).
    A link to a video or gallery with the linked item's title in quotes is
    furniture anywhere.
    A line of **several fields** (parted by runs of spaces, bars or dots, or
    sentence ends) is furniture anywhere when every field is furniture alone
    (`Save   Comment   Report error`, `Copyright belongs to X. Editor-in-chief:
    Y. License No. 123`), and page metadata at the head or tail when the others
    are a byline, a name or a place (`Published on 21/03/2024 at 23:58  |  By
    Julie Lambrechts (in Brussels)  |  Reading: 4 min.`). A reader prompt may
    open with a short teaser (`The news of the day in your e-mail – subscribe
    for our newsletter`). In the tail, a related headline between furniture
    lines, and a box's header right after the last prose paragraph with only
    furniture after it (`What this means for you`), are furniture. The site's
    own **tag** before the first body paragraph (`(CNO) –`) is reported when
    the page's furniture names the site (`Cong Nhan Online`); English outlets'
    tags (`(CNN) —`) are left alone. Left alone too: the timestamps of a live
    blog (three or more time-only lines above entries, through the body), a
    genre label (`Opinion`), and a related-news header that prose follows and
    that names no other articles (`Up next`, `Highlights`: a sub-heading).
    East Asian pages: an agency **dateline or byline** opening the lead
    (`[Seoul=Hankang News] Reporter Kim Min-ji =`, `〔Reporter Lin Yi-chen／Kaohsiung
    Report〕`, `(Central News Agency reporter X, Taipei, 20th)`) is reported
    alone, its fix keeping the lead; a **photo caption** marked by `▲`/`△` or
    opening with a bracketed credit (`[Photo = Yonhap News] ...`) or ending with
    one joined by `=` or `／` (`(Photo／Provided by X)`) is furniture anywhere
    (English captions' `(Photo by X/The Herald)` are left alone); a reporter's
    **sign-off** with an address (`Reporter Park Ji-won jwpark@kstarnow.co.kr`),
    at the head or tail. Prompts to add the site on LINE, KakaoTalk, WeChat, Zalo
    or VK are reader prompts; `‧ ▶ ● ■` are bullets. **Furniture left in the
    source language**: related-article headers (`Te puede interesar:`, `Leia
    também`, `Leggi anche`, `Lire aussi`, `Mehr zum Thema`) and comment counters
    (`Ver comentarios (23)`) anywhere, and at the head or tail a short line with
    a word of Spanish, Portuguese, Italian, French or German page furniture
    (`Compartir en redes`, `Abonnez-vous`). A wire's name with its dateline
    place under a byline (`Business Day Wire | Johannesburg`) is not a menu.
    A run of such paragraphs is one finding; its fix removes the run.
    Extra phrases come from the `boilerplate` list in the configuration.
    Wire credits (`Reporting by ...; Editing by ...`) and bylines are part of
    the article and are left alone.

    ## Why it matters
    Scrapers keep the whole page and machine translation translates it, so the
    published article ends with a paywall and a footer. Readers notice at once,
    and the text is not the article.

    ## Example
    ```
    ...which keeps the population on edge in the dead of winter.

    Subscribe to continue reading

    I'm already a subscriber
    ```

    ## Use instead
    ```
    ...which keeps the population on edge in the dead of winter.
    ```
    """
    return _findings(doc, ctx)
