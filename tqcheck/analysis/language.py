"""Language identification inside an English article: where is text left in the source language?

Two layers, cheapest first.

1. **Word evidence** (always): every word gets, for each source language
   (Spanish, Portuguese, Italian, French, German, and with shorter word lists
   Catalan, Romanian, Dutch, Polish and Turkish), a score: how much more
   frequent it is there than in English, in Zipf units (log10 per billion
   words), from ``data/untranslated_words.tsv`` (derived from wordfreq by
   ``scripts/build_untranslated.py``) and, for English, ``tqcheck.lexicon.words``.
   ``según`` scores +4.4 for Spanish, ``the`` -3. Capitalised words inside a
   sentence are names and score 0; words and phrases English has adopted
   (``per se``, ``de facto``, ``fiesta``: ``data/untranslated_allow.txt``) score
   -1; a lowercase particle before a capitalised word (``de`` in ``Rio de
   Janeiro``, ``von der`` in ``von der Leyen``) scores 0. In each sentence the
   best-scoring contiguous run of words per language (a maximum-sum segment,
   linear time) is a candidate when it holds at least two words of positive
   evidence and scores high enough.

2. **A language identifier** (only on candidates of four words or more that
   the word evidence leaves in doubt: under 2 points a word, or under three
   quarters of the words evidence): py3langid (langid.py's naive Bayes model,
   BSD licence), restricted to English and the source languages, must not
   call the run English. It loads lazily, on the first such candidate of the
   process (0.4 s and about 100 MB), so a process whose articles have none
   never pays for it; without py3langid installed, the word evidence alone
   decides, with a higher threshold.
   ``benchmarks/langid.py`` compares it with lingua and with the word evidence
   alone (memory, speed, accuracy on short spans).

The shared analysis :func:`foreign_text` returns the candidate runs of a
document; the untranslated rules (``tqcheck.rules.untranslated``) decide what
to report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .. import lexicon
from ..lexicon import _data_text
from ..lexicon import words as english
from ..segment import word_positions

if TYPE_CHECKING:
    from ..document import Document
    from ..rules.base import Context

LANGS: tuple[str, ...] = ("es", "pt", "it", "fr", "de", "ca", "ro", "nl", "pl", "tr")
LANGUAGE_NAMES = {
    "es": "Spanish", "pt": "Portuguese", "it": "Italian", "fr": "French", "de": "German", "ca": "Catalan",
    "ro": "Romanian", "nl": "Dutch", "pl": "Polish", "tr": "Turkish", "en": "English",
}
_DE = LANGS.index("de")
CLIP = 3.5  # one word never weighs more than this, for or against
ALLOWED = -1.0  # the score of a word inside an allow-listed phrase
EVIDENCE = 1.0  # a word with at least this score is positive evidence
SINGLE_LETTER = 0.5  # e, o, a, y: function words of the source languages, but letters in English lists
EDGE = 0.5  # the first and last word of a run score at least this much
STRONG = 3.0  # a word this foreign is evidence on its own (velório, correctionnel)
RUN_SCORE = 4.0  # a run of words must score at least this much
RUN_SCORE_NO_LID = 6.0  # ... when no language identifier confirms it
CONFIRM_WORDS = 4  # runs this long are confirmed with the language identifier

# Letters that only some of the source languages write.
_LETTERS: dict[str, tuple[str, ...]] = {
    "ñ": ("es",), "ã": ("pt",), "õ": ("pt",), "ç": ("pt", "fr", "ca", "tr"), "ß": ("de",), "ä": ("de",),
    "ö": ("de", "tr"), "ü": ("de", "tr"), "ò": ("it", "ca"), "ì": ("it",), "ù": ("it", "fr"), "è": ("it", "fr", "ca"),
    "à": ("it", "fr", "pt", "ca"), "ê": ("pt", "fr"), "â": ("pt", "fr", "ro"), "ô": ("pt", "fr"), "œ": ("fr",),
    "ë": ("fr", "nl"), "ï": ("fr", "ca", "nl"), "î": ("fr", "ro"), "û": ("fr",), "á": ("es", "pt"), "í": ("es", "pt", "ca"),
    "ó": ("es", "pt", "ca", "pl"), "ú": ("es", "pt", "ca"), "é": ("es", "pt", "fr", "ca", "nl"),
    "ă": ("ro",), "ș": ("ro",), "ț": ("ro",), "ţ": ("ro",), "ş": ("ro", "tr"), "ğ": ("tr",), "ı": ("tr",),
    "ł": ("pl",), "ś": ("pl",), "ż": ("pl",), "ź": ("pl",), "ć": ("pl",), "ń": ("pl",), "ę": ("pl",), "ą": ("pl",),
}
LETTER_BONUS = 1.5
# Elided articles and prepositions before an apostrophe: l'État, dell'Albania, d'Estudis.
ELISIONS = frozenset(["l", "d", "qu", "c", "j", "n", "s", "m", "t", "dell", "nell", "all", "dall", "sull", "coll", "quell", "quest", "un", "sant", "bell"])
# English contraction endings: don't, it's, we're, I've, they'll, he'd, I'm.
CONTRACTIONS = frozenset(["s", "t", "re", "ve", "ll", "d", "m"])
# Lowercase particles of names and places: de la Cruz, von der Leyen, da Silva, Rio de Janeiro.
PARTICLES = frozenset(
    ["de", "da", "do", "dos", "das", "di", "del", "della", "delle", "dei", "degli", "la", "le", "las", "los", "el", "lo", "van", "von", "der", "den", "du", "des", "y", "e", "i", "zu", "al", "bin", "ibn", "ter", "ten", "af", "av"]
)

_ANY_WORD = re.compile(r"[^\W\d_]+")
NUMBER = -1.0  # score of a number: `el 15 de mayo` may go on across it, a list of figures may not
CODE = -CLIP  # score of a code or a symbol (`de0c`, `=>`, `{`): a run never crosses it
_CODE_SYMBOLS = frozenset("=<>{}[]|/\\@#$%^&*+~`")
_WORDLIKE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*(?![\w])|\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str  # as written
    key: str  # lowercase, apostrophe straightened
    capitalised: bool  # a capital letter not at the start of the sentence (a name)
    allowed: bool = False  # part of a phrase English has adopted
    particle: bool = False  # a lowercase particle before a name
    blocker: float = 0.0  # a number, code or symbol: its (negative) score


@dataclass(frozen=True, slots=True)
class ForeignRun:
    """A run of words that reads as a source language."""

    start: int
    end: int
    lang: str
    score: float
    words: int  # words in the run
    evidence: int  # words in it with positive evidence for ``lang``
    sentence_words: int  # words in the sentence it belongs to
    sentence: tuple[int, int]  # the sentence's span
    confirmed: bool  # the language identifier agrees (or the run is too short to ask)


# -- word evidence -----------------------------------------------------------------


def _read_table(name: str) -> dict[str, str]:
    """word -> its raw frequency cells, parsed on look-up (most words are never asked for).

    Read straight from the file rather than through ``lexicon.lines``, which would keep a
    second copy of every line in memory.
    """
    out: dict[str, str] = {}
    for line in _data_text(name).splitlines():
        if line and line[0] != "#":
            word, _, cells = line.partition("\t")
            out[word] = cells
    return out


@cache
def _evidence_table() -> dict[str, str]:
    """Evidence words -> their raw frequency cells."""
    return _read_table("untranslated_words.tsv")


@cache
def _neutral_table() -> dict[str, str]:
    """Neutral words (as frequent in English) -> their raw frequency cells."""
    return _read_table("untranslated_neutral.tsv")


def _raw(word: str) -> str | None:
    raw = _evidence_table().get(word)
    return _neutral_table().get(word) if raw is None else raw


def evidence_keys():
    """Every lowercase word that may be evidence of a source language (a set-like view)."""
    return _evidence_table().keys()


def non_ascii_words(doc: Document, ctx: Context) -> set[str]:
    """The document's distinct words with letters beyond ASCII (mañanera, Sánchez, МКС)."""
    uniq = ctx.get(unique_words)
    if " ".join(uniq).isascii():
        return set()
    return {w for w in uniq if not w.isascii()}


_EDGE_PUNCT = "".join(chr(c) for c in range(0x21, 0x41) if not chr(c).isalnum()) + "[]\\^_`{|}~“”‘’«»„‹›—–…¡¿·•"


def unique_words(doc: Document, ctx: Context) -> set[str]:
    """The distinct words of the document as written (letters only): a shared, cheap inventory.

    White-space tokens first (``str.split`` and a set, in C), then only the distinct ones
    are cleaned: punctuation stripped, compounds (``dell'anno``, ``EE.UU.``) split into words.
    """
    out: set[str] = set()
    for tok in set(doc.text.split()):
        w = tok.strip(_EDGE_PUNCT)
        if w.isalpha():
            out.add(w)
        elif w:
            out.update(_ANY_WORD.findall(w))
    return out


@cache
def _allowed() -> tuple[frozenset[tuple[str, ...]], int]:
    phrases = set()
    for line in lexicon.lines("untranslated_allow.txt"):
        phrases.add(tuple(t.group() for t in _split_words(line.lower()) if t.group() != "'"))
    return frozenset(phrases), max(len(p) for p in phrases)


def _split_words(s: str):
    """Word pieces, splitting elisions (``l'état`` -> ``l``, ``'``, ``état``)."""
    yield from re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*|'", s.replace("’", "'"))


def frequencies(word: str) -> tuple[float, ...]:
    """Zipf frequency of a lowercase word in English and in each of LANGS (0.0 when unknown)."""
    raw = _raw(word)
    if raw is None:
        return (english.zipf(word), *_ZERO_ROW)
    cells = raw.split("\t")
    vals = [int(c) / 10 if c else 0.0 for c in cells]
    vals += [0.0] * (1 + len(LANGS) - len(vals))
    return tuple(vals)


@lru_cache(maxsize=1 << 16)
def word_scores(word: str) -> tuple[float, ...]:
    """Per source language, how much more the lowercase ``word`` belongs there than in English."""
    freq = frequencies(word)
    en = freq[0]
    if _raw(word) is not None:
        return tuple(max(-CLIP, min(CLIP, z - en)) for z in freq[1:])
    # Not a frequent source-language word: English (negative), or unknown (letters decide).
    if en >= 1.0:
        return tuple(-min(CLIP, en) for _ in LANGS)
    langs = set()
    for ch in word:
        langs.update(_LETTERS.get(ch, ()))
    return tuple(LETTER_BONUS if lang in langs else 0.0 for lang in LANGS)


def guess_language(text: str) -> str | None:
    """The source language a text reads as on word evidence alone, or None (English or unsure).

    Names, particles and adopted phrases (``per se``) count as in the rules; the best
    language must reach half a point per word and at least 2 points in all.
    """
    words = [w for w in sentence_words(text, 0, len(text)) if not w.blocker]
    if not words:
        return None
    totals = [sum(score(w, i) for w in words) for i in range(len(LANGS))]
    best = max(range(len(LANGS)), key=totals.__getitem__)
    return LANGS[best] if totals[best] >= max(2.0, 0.5 * len(words)) else None


# -- the language identifier -------------------------------------------------------


@cache
def identifier_installed() -> bool:
    """Whether py3langid can be imported, without loading its model (0.4 s and ~100 MB)."""
    from importlib.util import find_spec

    try:
        return find_spec("py3langid") is not None
    except (ImportError, ValueError):  # pragma: no cover
        return False


@cache
def _identifier():
    """py3langid restricted to English and LANGS, or None when it is not installed."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        ident.set_languages(["en", *LANGS])
    except Exception:  # noqa: BLE001  # pragma: no cover - not installed, or an incompatible version
        return None
    return ident


def identify(text: str) -> tuple[str, float] | None:
    """(language code, probability) from the language identifier, or None without one."""
    ident = _identifier()
    if ident is None:
        return None
    lang, prob = ident.classify(text)
    return lang, float(prob)


# -- the shared analysis -----------------------------------------------------------


def sentence_words(text: str, start: int, end: int, first_is_start: bool = True) -> list[Word]:
    """The words of a sentence, with elisions split, contractions kept, names and adopted phrases marked."""
    raw: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(text, start, end):
        tok = m.group()
        if not tok.isalpha() and not _WORDLIKE.fullmatch(tok):
            raw.append((m.start(), m.end(), tok))  # numbers, codes (de0c, a48e8) and punctuation are no words
            continue
        if "'" in tok or "’" in tok:
            head, _, tail = tok.replace("’", "'").partition("'")
            if tail.lower() in CONTRACTIONS:
                raw.append((m.start(), m.end(), tok))
                continue
            if head.lower() in ELISIONS:
                cut = m.start() + len(head)
                raw.append((m.start(), cut, tok[: len(head)]))
                raw.append((cut + 1, m.end(), tok[len(head) + 1 :]))
                continue
        raw.append((m.start(), m.end(), tok))
    words: list[Word] = []
    first = first_is_start
    after_opening = False
    for s, e, tok in raw:
        if not _WORDLIKE.fullmatch(tok):
            dotted = tok in "._" and e < end and text[e].isalnum()  # ma.getmask, www.site: code
            if tok[0].isalnum() or tok == "_" or tok in _CODE_SYMBOLS or dotted:
                # A number, a code or a symbol: never evidence, and a run does not cross it.
                words.append(Word(s, e, tok, "", True, blocker=NUMBER if tok.isdigit() else CODE))
                first = after_opening = False
                continue
            after_opening = tok in "\"“‘«(„:" or (tok == "'" and after_opening)
            if tok in ".!?":
                first = True
            continue
        upper = tok[0].isupper()
        caps = len(tok) > 1 and tok.isupper()
        capitalised = caps or (upper and not first and not after_opening)
        key = tok.lower().replace("’", "'")
        words.append(Word(s, e, tok, key, capitalised))
        first = after_opening = False
    return _mark(words)


@cache
def _allowed_firsts() -> frozenset[str]:
    """The first words of the adopted phrases: no phrase starts at any other word."""
    return frozenset(p[0] for p in _allowed()[0] if p)


def _mark(words: list[Word]) -> list[Word]:
    phrases, longest = _allowed()
    firsts = _allowed_firsts()
    out = list(words)
    keys = [w.key for w in words]
    i = 0
    while i < len(out):
        if keys[i] not in firsts:
            i += 1
            continue
        for n in range(min(longest, len(out) - i), 0, -1):
            if tuple(keys[i : i + n]) in phrases:
                for k in range(i, i + n):
                    out[k] = _replace(out[k], allowed=True)
                i += n - 1
                break
        i += 1
    for i, w in enumerate(out):
        if w.text[0].islower() and w.key in PARTICLES:
            j = i + 1
            while j < len(out) and out[j].text[:1].islower() and out[j].key in PARTICLES and j - i < 3:
                j += 1
            if j < len(out) and out[j].capitalised and out[j].start - w.end < 6:
                out[i] = _replace(w, particle=True)
    return out


def _replace(w: Word, **changes) -> Word:
    fields = {f: getattr(w, f) for f in Word.__slots__}
    fields.update(changes)
    return Word(**fields)


def score(w: Word, lang_index: int) -> float:
    if w.blocker:
        return w.blocker
    if w.particle:
        return 0.0
    if w.capitalised:
        # German capitalises its nouns: a capitalised word English does not know counts for German.
        if lang_index == _DE and not w.text.isupper():
            freq = frequencies(w.key)
            if freq[0] < 1.0 and freq[1 + _DE] >= STRONG:
                return min(CLIP, freq[1 + _DE])
        return 0.0
    if w.allowed:
        return ALLOWED
    value = word_scores(w.key)[lang_index]
    return min(value, SINGLE_LETTER) if len(w.key) == 1 else value


_ZERO_ROW = (0.0,) * len(LANGS)
_ALLOWED_ROW = (ALLOWED,) * len(LANGS)


def score_row(w: Word) -> tuple[float, ...]:
    """``score(w, i)`` for every language at once (one look-up per word, not one per language)."""
    if w.blocker:
        return (w.blocker,) * len(LANGS)
    if w.particle:
        return _ZERO_ROW
    if w.capitalised:
        de = score(w, _DE)
        return _ZERO_ROW if not de else tuple(de if i == _DE else 0.0 for i in range(len(LANGS)))
    if w.allowed:
        return _ALLOWED_ROW
    row = word_scores(w.key)
    return tuple(min(v, SINGLE_LETTER) for v in row) if len(w.key) == 1 else row


def _best_segment(vals: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Maximum-sum contiguous segment of vals[lo:hi] (Kadane): (sum, first, last + 1)."""
    best, best_i, best_j = 0.0, lo, lo
    cur, cur_i = 0.0, lo
    for k in range(lo, hi):
        if cur <= 0:
            cur, cur_i = 0.0, k
        cur += vals[k]
        if cur > best:
            best, best_i, best_j = cur, cur_i, k + 1
    return best, best_i, best_j


def _segments(vals: list[float], lo: int, hi: int, floor: float, out: list[tuple[float, int, int]]) -> None:
    """Every disjoint segment scoring at least ``floor``, best first, by recursion on both sides."""
    if hi - lo < 1:
        return
    total, i, j = _best_segment(vals, lo, hi)
    if total < floor or j <= i:
        return
    out.append((total, i, j))
    _segments(vals, lo, i, floor, out)
    _segments(vals, j, hi, floor, out)


def sentence_word_cache(doc: Document, ctx: Context) -> dict[int, list[Word]]:
    """Per document: the words of each sentence asked for (see :func:`words_of`)."""
    return {}


def words_of(doc: Document, ctx: Context, si: int) -> list[Word]:
    """The words of sentence ``si``, computed once per document and shared by the analysis and the rules."""
    cache_ = ctx.get(sentence_word_cache)
    words = cache_.get(si)
    if words is None:
        s = doc.sentences[si]
        words = cache_[si] = sentence_words(doc.text, s.start, s.end)
    return words


def runs_in(text: str, start: int, end: int, use_identifier: bool = True,
            words: list[Word] | None = None) -> list[ForeignRun]:
    """Candidate source-language runs inside one sentence ``text[start:end]`` (its ``words``, if known)."""
    if words is None:
        words = sentence_words(text, start, end)
    if len(words) < 2:
        return []
    found: list[ForeignRun] = []
    if not _any_evidence(words):
        return []
    # Whether an identifier will be there to confirm long runs decides the threshold; the model
    # itself is loaded only when a long run that the word evidence leaves in doubt needs it.
    have_lid = use_identifier and identifier_installed()
    floor = RUN_SCORE if have_lid else RUN_SCORE_NO_LID
    columns = zip(*[score_row(w) for w in words])  # one tuple of word scores per language
    for li, col in enumerate(columns):
        lang = LANGS[li]
        if max(col) < STRONG and sum(v >= EVIDENCE for v in col) < 2:
            continue
        vals = list(col)
        segs: list[tuple[float, int, int]] = []
        _segments(vals, 0, len(words), floor, segs)
        for total, i, j in segs:
            # A run starts and ends on a word of evidence, not on a neutral one (`film`, `a`).
            while i < j and vals[i] < EDGE:
                i += 1
            while j > i and vals[j - 1] < EDGE:
                j -= 1
            evidence = sum(1 for k in range(i, j) if vals[k] >= EVIDENCE)
            # Two words of evidence, or one strong word in a run of words that all lean foreign.
            if evidence < 2 and not (j - i >= 2 and max(vals[i:j]) >= STRONG and min(vals[i:j]) > 0):
                continue
            found.append(ForeignRun(words[i].start, words[j - 1].end, lang, round(total, 2), j - i, evidence,
                                    len(words), (start, end), True))
    # One language per stretch of text: the best-scoring run wins where runs overlap.
    found.sort(key=lambda r: -r.score)
    chosen: list[ForeignRun] = []
    for r in found:
        if all(r.end <= c.start or r.start >= c.end for c in chosen):
            chosen.append(r)
    if not have_lid:
        return sorted(chosen, key=lambda r: r.start)
    out = []
    for r in chosen:
        if r.words >= CONFIRM_WORDS and not certain(r):
            res = identify(text[r.start : r.end])
            ok = res is None or res[0] != "en"  # no identifier after all: the word evidence stands
            out.append(_confirmed(r, ok))
        else:
            out.append(r)
    return sorted(out, key=lambda r: r.start)


CERTAIN_PER_WORD = 2.0  # a run scoring this much per word ...
CERTAIN_EVIDENCE = 0.75  # ... with this share of its words evidence needs no identifier


def certain(r: ForeignRun) -> bool:
    """The word evidence alone settles the run: `Réservation obligatoire sur le site du musée` (2.6 a word).

    English text never reaches this: its words score below zero, and loanwords and names
    score at most zero, so a run this dense in source-language words is not English.
    """
    return r.score >= CERTAIN_PER_WORD * r.words and r.evidence >= CERTAIN_EVIDENCE * r.words


def _confirmed(r: ForeignRun, ok: bool) -> ForeignRun:
    return ForeignRun(r.start, r.end, r.lang, r.score, r.words, r.evidence, r.sentence_words, r.sentence, ok)


def _any_evidence(words: list[Word]) -> bool:
    strong = 0
    for w in words:
        if not (w.capitalised or w.particle or w.allowed or w.blocker):
            best = max(word_scores(w.key))
            if best >= STRONG:
                return True
            if best >= EVIDENCE:
                strong += 1
                if strong >= 2:
                    return True
    return False


def foreign_text(doc: Document, ctx: Context) -> list[ForeignRun]:
    """Every candidate source-language run of the document, in text order.

    A pre-filter keeps this cheap: only sentences with two evidence words (or one
    strongly foreign word) are analysed word by word; in English text that is a
    handful per article.
    """
    text = doc.text
    # Lowercase evidence words, and lowercase words with accented letters (mañanera: too rare
    # for the tables). Unique words first (set operations in C), positions only for the few candidates.
    uniq = ctx.get(unique_words)
    found = uniq & evidence_keys()
    found.update(ctx.get(non_ascii_words))
    cand = [w for w in found if w[0].islower()]
    if not cand:
        return []
    out: list[ForeignRun] = []
    sentences = doc.sentences
    counts: dict[int, list[int]] = {}
    for w in cand:
        particle = w in PARTICLES
        for h in word_positions(text, w):
            if particle and text[h + len(w) + 1 : h + len(w) + 2].isupper():
                continue  # de la Cruz, von der Leyen: a name's particle is no evidence
            i = doc.sentence_index(h)
            if i is not None:
                counts.setdefault(i, []).append(h)
    for i, positions in counts.items():
        s = sentences[i]
        if len(positions) < 2 and not _strong_at(text, positions[0]):
            continue
        out.extend(runs_in(text, s.start, s.end, words=words_of(doc, ctx, i)))
    return sorted(out, key=lambda r: r.start)


def _strong_at(text: str, pos: int) -> bool:
    m = _ANY_WORD.match(text, pos)
    return bool(m) and max(word_scores(m.group().lower())) >= STRONG
