#!/usr/bin/env python3
"""Check the held-out corpus is well formed (does not run tqcheck).

- every NAME.txt has a NAME.json;
- mt/: each annotation has a known category, its text occurs in the article,
  its occurrence (if given) exists, an annotation without occurrence or
  alternatives matches exactly once, and its alternatives occur;
- clean/: each .json is {"clean": true};
- word counts (text.split(), as tqeval counts them) are within the brief's ranges.
"""
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CATS = {"casing", "segmentation", "pronoun", "boilerplate", "consistency", "untranslated",
        "locale", "punctuation", "style", "grammar", "spelling", "fluency"}


def count(text, needle):
    n, i = 0, text.find(needle)
    while i >= 0:
        n += 1
        i = text.find(needle, i + 1)
    return n


def main():
    errors, per_cat, total_anns = [], Counter(), 0
    print("mt/")
    for txt in sorted((ROOT / "mt").glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        anns = gold["annotations"]
        words = len(text.split())
        if not 350 <= words <= 700:
            errors.append(f"{txt.name}: {words} words, outside 350-700")
        for a in anns:
            where = f"{txt.name}: {a.get('category')}: {a.get('text')!r}"
            if a.get("category") not in CATS:
                errors.append(f"{where}: unknown category")
            for c in a.get("accept", []):
                if c not in CATS:
                    errors.append(f"{where}: unknown accept category {c}")
            n = count(text, a["text"])
            occ = a.get("occurrence")
            if n == 0:
                errors.append(f"{where}: text not found")
            elif occ is not None and occ > n:
                errors.append(f"{where}: occurrence {occ} but only {n} found")
            elif occ is None and not a.get("alternatives") and n != 1:
                errors.append(f"{where}: found {n} times; give an occurrence")
            for alt in a.get("alternatives", []):
                if count(text, alt) == 0:
                    errors.append(f"{where}: alternative {alt!r} not found")
            per_cat[a["category"]] += 1
        keys = Counter((a["category"], a["text"], a.get("occurrence")) for a in anns)
        for k, v in keys.items():
            if v > 1:
                errors.append(f"{txt.name}: duplicate annotation {k}")
        total_anns += len(anns)
        cats = Counter(a["category"] for a in anns)
        print(f"  {txt.name:<24}{words:>5} words {len(anns):>4} annotations  "
              + ", ".join(f"{c} {n}" for c, n in sorted(cats.items())))
    print(f"  {total_anns} annotations: " + ", ".join(f"{c} {n}" for c, n in sorted(per_cat.items())))
    print("clean/")
    clean_words = 0
    for txt in sorted((ROOT / "clean").glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        j = txt.with_suffix(".json")
        if not j.exists() or json.loads(j.read_text(encoding="utf-8")) != {"clean": True}:
            errors.append(f"{txt.name}: missing or wrong .json (want {{\"clean\": true}})")
        words = len(text.split())
        clean_words += words
        if not 400 <= words <= 700:
            errors.append(f"{txt.name}: {words} words, outside 400-700")
        print(f"  {txt.name:<34}{words:>5} words")
    print(f"  {clean_words} clean words")
    if clean_words < 7000:
        errors.append(f"clean/: {clean_words} words, fewer than 7,000")
    for d in ("mt", "clean"):
        for j in (ROOT / d).glob("*.json"):
            if not j.with_suffix(".txt").exists():
                errors.append(f"{d}/{j.name}: no matching .txt")
    if errors:
        print("\nERRORS")
        print("\n".join(errors))
        sys.exit(1)
    print("\nOK: all annotations found, occurrences exist, word counts in range")


if __name__ == "__main__":
    main()
