#!/usr/bin/env python3
"""Regenerate tqcheck's source-language word tables from wordfreq.

    python scripts/build_untranslated.py           # rewrite the files
    python scripts/build_untranslated.py --check   # exit 1 if the committed files are stale

``tqcheck/lexicon/data/untranslated_words.tsv``
    Words that lean towards a source language tqcheck looks for (Spanish,
    Portuguese, Italian, French, German; and, with shorter lists, Catalan,
    Romanian, Dutch, Polish, Turkish): among the TOP_N most frequent words
    of each, those at least MIN_LEAN more frequent there than in English
    (``según``, ``nicht``, ``avec``, ``la``); and further down each list (to
    DEEP_N), words still common there that English does not use at all
    (``velório``, ``correctionnel``). These are the words that count as
    evidence of untranslated text.
``tqcheck/lexicon/data/untranslated_neutral.tsv``
    Frequent source-language words about as common in English (``in``, ``a``,
    ``no``, ``an``): neither evidence for nor against, so a run of Spanish words
    does not break at ``a``.

Both give, per word, 10 x its Zipf frequency (log10 of occurrences per billion
words, as an integer) in English and in each source language. The untranslated
rules use the difference as per-word evidence (``tqcheck.analysis.language``).

Data: wordfreq 3.1.1 (Robyn Speer et al.), code Apache-2.0, word-frequency data
CC BY-SA 4.0 (built from Wikipedia, OpenSubtitles, news, books and web text; see
the wordfreq README). The derived tables are distributed under CC BY-SA 4.0
terms, compatible with tqcheck's GPL-3.0-or-later. Build-time requirement only:
``pip install wordfreq==3.1.1``.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

MAIN_LANGS = ("es", "pt", "it", "fr", "de")
# Further source languages of republished news: Catalan, Romanian, Dutch, Polish, Turkish
# (fewer words each: their function words and common words, which is what MT leaves).
EXTRA_LANGS = ("ca", "ro", "nl", "pl", "tr")
LANGS = MAIN_LANGS + EXTRA_LANGS
TOP_N = 8000          # most frequent words of each main source language considered for both tables
TOP_N_EXTRA = 5000    # ... of each extra language
MIN_LEAN = 1.0        # evidence: max(source zipf) - English zipf >= this
NEUTRAL_LEAN = -0.5   # neutral: between this and MIN_LEAN
DEEP_N = 60000        # further down each main list, keep the words English does not use at all
DEEP_N_EXTRA = 30000  # ... and down each extra list
DEEP_MIN_ZIPF = 3.0   # ... when they are still this frequent in the source language
DEEP_MIN_ZIPF_EXTRA = 3.6
DEEP_MAX_EN = 1.0     # ... and below this in English
DATA = Path(__file__).resolve().parent.parent / "tqcheck" / "lexicon" / "data"
OUT_WORDS = DATA / "untranslated_words.tsv"
OUT_NEUTRAL = DATA / "untranslated_neutral.tsv"
COLUMNS = "# columns: word, then 10 x zipf (integer) in English and in " + ", ".join(LANGS) + \
    " (empty: below 1; trailing empties cut)"


# wordfreq folds Romanian and Turkish cedilla and comma letters into its own spelling.
_FOLD = {"ro": str.maketrans("şţ", "șț"), "tr": str.maketrans("șț", "şţ")}


def _zipf_table(langs: tuple[str, ...]):
    """zipf(word, lang) for lowercase alphabetic words, as wordfreq's zipf_frequency computes it
    (the frequency rounded to 3 significant digits, then the Zipf value to 2 decimals), read
    straight from the frequency dictionaries: eight times faster than tokenizing every word."""
    import math

    from wordfreq import freq_to_zipf, get_frequency_dict

    dicts = {lang: get_frequency_dict(lang) for lang in langs}

    def zipf(word: str, lang: str) -> float:
        f = dicts[lang].get(word.translate(_FOLD[lang]) if lang in _FOLD else word)
        if not f:
            return 0.0
        f = round(f, math.floor(-math.log10(f)) + 3)
        return round(freq_to_zipf(f), 2)

    return zipf


def build() -> dict[Path, str]:
    from wordfreq import top_n_list

    zipf_frequency = _zipf_table(("en", *LANGS))

    top: set[str] = set()
    deep: dict[str, float] = {}  # word -> the zipf it needs in some language to be kept
    for lang in LANGS:
        extra = lang in EXTRA_LANGS
        top_n, deep_n = (TOP_N_EXTRA, DEEP_N_EXTRA) if extra else (TOP_N, DEEP_N)
        need = DEEP_MIN_ZIPF_EXTRA if extra else DEEP_MIN_ZIPF
        for rank, w in enumerate(top_n_list(lang, deep_n)):
            if w.isalpha() and w == w.lower() and len(w) <= 24:
                if rank < top_n:
                    top.add(w)
                else:
                    deep[w] = min(deep.get(w, need), need)
    evidence, neutral = [], []
    for w in sorted(top | deep.keys()):
        en = zipf_frequency(w, "en")
        zs = [zipf_frequency(w, lang) for lang in LANGS]
        lean = max(zs) - en
        if w in top and lean >= MIN_LEAN:
            target = evidence
        elif w in top and lean >= NEUTRAL_LEAN:
            target = neutral
        elif w in deep and max(zs) >= deep[w] and en < DEEP_MAX_EN:
            target = evidence
        else:
            continue
        cells = [str(round(z * 10)) if z >= 1 else "" for z in (en, *zs)]
        target.append("\t".join([w, *cells]).rstrip("\t"))
    source = "# Generated by scripts/build_untranslated.py from wordfreq 3.1.1 (data CC BY-SA 4.0). Do not edit."
    return {
        OUT_WORDS: "\n".join([
            source,
            (f"# Evidence words: among the {TOP_N} most frequent of {', '.join(MAIN_LANGS)} (the {TOP_N_EXTRA} of "
             f"{', '.join(EXTRA_LANGS)}), max(source) - English zipf >= {MIN_LEAN};"),
            (f"# among the {DEEP_N} most frequent ({DEEP_N_EXTRA}), zipf >= {DEEP_MIN_ZIPF} ({DEEP_MIN_ZIPF_EXTRA}) "
             f"there and < {DEEP_MAX_EN} in English."),
            COLUMNS, *evidence]) + "\n",
        OUT_NEUTRAL: "\n".join([
            source,
            (f"# Neutral words: among the {TOP_N} most frequent of {', '.join(MAIN_LANGS)} ({TOP_N_EXTRA} of the others), "
             f"{NEUTRAL_LEAN} <= max(source) - English zipf < {MIN_LEAN}."),
            COLUMNS, *neutral]) + "\n",
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    stale = 0
    for path, text in build().items():
        if args.check:
            if not (path.exists() and path.read_text(encoding="utf-8") == text):
                print(f"{path} is stale: run scripts/build_untranslated.py")
                stale = 1
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({text.count(chr(10)) - 4} words, {len(text.encode()) // 1024} KB)")
    if args.check and not stale:
        print("up to date")
    return stale


if __name__ == "__main__":
    sys.exit(main())
