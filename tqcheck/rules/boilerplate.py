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
  evidence gathered by :mod:`tqcheck.evidence`).

TQ401 reports each contiguous run of such paragraphs as one finding, with the
removal of the run as the fix; a run that only cross-article repetition
reveals is reported as minor.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache

from .. import lexicon
from ..document import Document
from ..model import Edit, Finding
from ..segment import WORD_RE
from .base import Context, rule

_SPACE = re.compile(r"\s+")
_TRAILING = " .:!…"
_MAX_CHARS = 400  # longer paragraphs are prose, never furniture
_MARKUP_START = frozenset("#>-*•·▪►")
_BULLET = re.compile(r"(?:#{1,6}|>|[-*•·▪►]) ")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'"})


@cache
def _compiled(name: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in lexicon.lines(name)))


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


def normalise(paragraph: str) -> str:
    """The form library patterns match: casefolded, spacing collapsed, markup and trailing punctuation gone."""
    s = " ".join(paragraph.split())
    if "’" in s or "‘" in s or "´" in s or "`" in s:
        s = s.translate(_APOSTROPHES)
    if s[:1] in _MARKUP_START:
        s = _BULLET.sub("", s, count=1)
    s = s.strip("*_ ")
    if len(s) > 2 and s[0] in "([" and s[-1] in ")]" and s.count("(") + s.count("[") == 1:
        s = s[1:-1].strip()
    return s.casefold().rstrip(_TRAILING).strip()


# -- line shapes -------------------------------------------------------------------

_TERMINAL_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_MENU_SEP = re.compile(r" [|›»>/] | [·•] ")
_DATE_WORDS = frozenset((
    "published", "updated", "posted", "modified", "created", "last", "date", "publication", "update", "on",
    "at", "by", "in", "edited", "am", "pm", "a.m", "p.m", "gmt", "utc", "cet", "cest", "bst", "edt", "est",
    "pdt", "pst", "brt", "brst", "art", "msk", "ist", "idt", "trt", "jan", "feb", "mar", "apr", "may", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june",
    "july", "august", "september", "october", "november", "december", "mon", "tue", "wed", "thu", "fri",
    "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "h", "hrs",
    "min",
))
_DATE_START = re.compile(r"(?:published|updated|posted|last updated|last modified|modified|created|publication date|date)\b")
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
    n = len(_words(s))
    if not 2 <= n <= 25 or not s:
        return False
    if not (s[0].isupper() or s[0].isdigit() or s[0] in "\"'“‘«"):
        return False
    return s[-1] not in ".,;…" or s.endswith("...")


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
    if not s or len(_words(s)) > 10 or s[-1] in ".,;":
        return False
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
    parts = _MENU_SEP.split(norm)
    if len(parts) < 2:
        return False
    if any(not p or len(p.split()) > 4 or p[-1:] in ".?!" for p in parts):
        return False
    seps = _MENU_SEP.findall(norm)
    return len(parts) >= 3 or all(s.strip() in "|›»>" for s in seps)


def _dateline(norm: str) -> bool:
    """`Published: 17.01.25, 02:14 | Updated: ...`: a date keyword, digits, and no other words."""
    if not _DATE_START.match(norm) or not any(c.isdigit() for c in norm):
        return False
    return all(w in _DATE_WORDS for w in re.findall(r"[^\W\d_]+(?:\.[^\W\d_]+)*", norm))


_NEWSPAPER_END = (
    "times", "post", "news", "herald", "tribune", "courier", "journal", "gazette", "daily", "today",
    "express", "observer", "chronicle", "telegraph", "mail", "press", "mirror", "star", "sun",
    "globe", "record", "review", "digital", "online", "weekly", "monitor", "dispatch", "reporter",
    "bulletin", "standard", "independent", "messenger", "newspaper", "noticias", "notícias",
    "zeitung", "nachrichten", "translation", "translated", "world", "edition", "portal",
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
    "heraldo", "semanario", "corriere", "folha", "tribuna", "correio", "periódico", "periodico", "newsroom",
    "newsdesk", "informador", "expreso", "expresso", "presse", "cronaca", "crónica",
))
# ... and words that name sites but also end headings (`Weather Report`, `The Latest`): only before a suffix.
_SITE_WORDS_WEAK = frozenset(("latest", "media", "report", "info", "hoy", "ahora", "network", "insider", "magazine",
                              "headlines", "briefing", "24h", "24", "360", "365", "press", "daily", "news"))
_SITE_SUFFIX = frozenset(("online", "digital", "tv", "live", "now", "today", "plus", "+", "24", "24h", "360", "365",
                          "international", "global", "english", "en", "edition", "web", "net", "hd", "express"))
_SITE_TOKEN = re.compile(r"[A-Z0-9][\w'’.+-]*|[a-z0-9-]+\.(?:com|net|org|info|news|[a-z]{2})(?:\.[a-z]{2})?|de|do|da|del|della|di|du|des|of|the|&")
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?[a-z0-9-]+\.(?:com|net|org|info|news|[a-z]{2})(?:\.[a-z]{2})?/?")
_SITE_FIRST = frozenset(("diario", "diário", "jornal", "folha", "corriere", "gazzetta", "gazeta", "giornale", "periódico",
                         "noticias", "notícias", "notizie", "telediario", "telejornal", "tagesschau"))
_FUNCTION_IN_NAME = frozenset(("de", "do", "da", "del", "della", "di", "du", "des", "of", "the", "&"))


def site_name(line: str) -> bool:
    """A line that is only a news site's name: `Europe Daily Wire`, `Latest News MX`, `noticiasya.com`.

    At most five tokens, capitalised (or a domain); a word that names news sites
    (`Wire`, `Times`, `Diario`, `Zeitung`...) last, or a site word (`News`, `Latest`,
    `Media`) followed only by a suffix (`MX`, `24`, `Online`, `Digital`, `TV`); or a bare domain.
    """
    s = line.strip().strip("*_#> ")
    if _DOMAIN.fullmatch(s.lower()):
        return True
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
    return k < len(low) - 1 and (low[k] in _SITE_WORDS or low[k] in _SITE_WORDS_WEAK)


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
    r"digest|mailing list|website|homepage)\b"
)
_OUR = re.compile(r"\b(?:us|our|we)\b")
_CLAUSE_SPLIT = re.compile(r"\s*(?:[:;!?|•·]|\.(?:\s|$)|\s[-–—]\s)\s*")
_REPORTING = re.compile(r"\b(?:said|says|say|told|tells|according|added|asked|stated|warned|urged)\b")
CTA_WORDS = 18  # a prompt is short


def reader_prompt(norm: str) -> str | None:
    """`Follow us on Instagram`, `Stay informed: download our free app`, `Turn on notifications`.

    A short line (at most CTA_WORDS words, no quotation, no reporting verb) that opens with
    an imperative and whose clauses are an imperative asking for the site's channels or products (the app, the newsletter,
    alerts, a social network, a subscription) and, at most, short teasers around it
    (`Stay informed`, `It's free`). Returns ``"own"`` when the site names itself (`us`,
    `our`): furniture anywhere; ``"edge"`` otherwise: furniture at the head or tail only.
    """
    if not _CTA_VERB.match(norm) or norm.count(" ") >= CTA_WORDS or not _CTA_OBJECT.search(norm):
        return None  # cheap checks first: most paragraphs do not open with a request, or are long
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
)
_AGENCY_NAMES = "|".join(sorted((re.escape(a) for a in _AGENCIES), key=len, reverse=True))
_AGENCY_LINE = re.compile(
    rf"(?:©|\(c\)|source:|sources:|with|via|from|photo:|text:)? ?(?:{_AGENCY_NAMES})"
    rf"(?: ?(?:[,/|&+-]|and|with|y|e|et|und|ve|i) ?(?:{_AGENCY_NAMES}))*"
)
# dpa's story slug: `dpa-infocom, dpa:240305-99-225841/3`, `dpa:240305-99-225841/3`.
_SLUG = re.compile(r"(?:dpa(?:-infocom|-afx)?, ?)?(?:dpa|apa|ots):\d{6}-\d{2}-\d{3,7}(?:/\d+)?(?: .{0,40})?")


def agency_credit(norm: str) -> bool:
    """A line that is only a news agency's credit or slug: `(EFE)`, `© AFP`, `Europa Press`, `PAP/ANA-MPA`."""
    if _SLUG.fullmatch(norm):
        return True
    s = norm.strip("()[]-–—.,:; ")
    return bool(s) and len(s) <= 60 and bool(_AGENCY_LINE.fullmatch(s))


# -- the shared analysis -------------------------------------------------------------

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
    for i, norm in enumerate(norms):
        if not norm:
            continue
        if len(norm) <= RELATED_CHARS and related.fullmatch(norm):
            kind[i], header[i] = "related", True
        elif (not _reports_speech(norm) and library.fullmatch(norm)) or (extra and any(norm.startswith(p) for p in extra)):
            kind[i] = "phrase"
        elif _has_separator(norm) and related_prefix.fullmatch(norm) and _links_a_headline(texts[i]):
            kind[i] = "related"
        elif _menu(norm) or _dateline(norm):
            kind[i] = "menu"
        elif prompts[i] == "own":
            kind[i] = "prompt"

    # A related-news header inside or after the article takes the linked headlines after it
    # (at the head, `Latest news` is a kicker above the article's own headline).
    first_prose = next((i for i in range(n) if kind[i] is None and is_prose(texts[i])), n)
    for i in range(n):
        if header[i] and i > first_prose:
            j = i + 1
            while j < n and j <= i + RELATED_TAKES and kind[j] is None and headline_like(texts[j]):
                kind[j] = "related"
                j += 1

    # Head and tail: what lies before the first and after the last prose paragraph.
    prose = [i for i in range(n) if kind[i] is None and is_prose(texts[i])]
    head_end = prose[0] if prose else n
    tail_start = prose[-1] + 1 if prose else n
    edge = [i < head_end or i >= tail_start for i in range(n)]

    if n >= 2 and kind[0] is None and (looks_like_masthead(texts[0]) or site_name(texts[0])):
        kind[0] = "masthead"
    for i in range(n):
        if kind[i] is not None or not edge[i] or not norms[i]:
            continue
        if edge_lib.fullmatch(norms[i]) or prompts[i] == "edge" or agency_credit(norms[i]):
            kind[i] = "edge"
        elif i >= tail_start and site_name(texts[i]):
            kind[i] = "masthead"
    # The site's name right after other furniture at the head (`Home | World` / `Europe Daily Wire`).
    for i in range(1, head_end):
        if kind[i] is None and kind[i - 1] and site_name(texts[i]):
            kind[i] = "masthead"

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

    # A short line without sentence structure between two furniture lines at the head or tail.
    for i in range(1, n - 1):
        if kind[i] is None and edge[i] and kind[i - 1] and furniture_like(texts[i]):
            j = i + 1
            while j < n and kind[j] is None and j - i < 2 and furniture_like(texts[j]):
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
    for first, last in _runs(kinds):
        only_batch = all(k == "batch" for k in kinds[first : last + 1])
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
            severity="minor" if only_batch else None,
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
}


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
    ],
    passes=[
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
