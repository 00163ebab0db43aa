#!/usr/bin/env python3
"""Check the held-out corpus is well formed (it does NOT run the checker).

- every mt/NAME.txt has an mt/NAME.json with annotations in the dev format;
- every annotation's text occurs in the article, its occurrence exists, and each
  alternative occurs (the same matching rules as ../shared/tools/tqeval.py);
- categories are the DESIGN.md §3 contract strings (plus "fluency");
- every clean/NAME.txt is clean (no .json, or "clean": true and no annotations);
- word counts: mt 350-700 each; clean 400-700 each and >= 7,000 in total.

Usage: python benchmarks/heldout/validate.py
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CATEGORIES = {"casing", "segmentation", "pronoun", "boilerplate", "consistency", "untranslated",
              "locale", "punctuation", "style", "grammar", "spelling", "fluency"}
KEYS = {"category", "text", "occurrence", "accept", "alternatives", "note"}


def occurrences(text: str, needle: str) -> list[int]:
    found, i = [], text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def main() -> int:
    errors: list[str] = []
    per_cat: Counter = Counter()
    print("mt/")
    for txt in sorted((HERE / "mt").glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        words = len(text.split())
        if not 350 <= words <= 700:
            errors.append(f"{txt.name}: {words} words (want 350-700)")
        js = txt.with_suffix(".json")
        if not js.exists():
            errors.append(f"{txt.name}: no annotations")
            continue
        gold = json.loads(js.read_text(encoding="utf-8"))
        anns = gold.get("annotations", [])
        for a in anns:
            where = f"{txt.name}: {a.get('category')}: {a.get('text')!r}"
            if set(a) - KEYS:
                errors.append(f"{where}: unknown keys {sorted(set(a) - KEYS)}")
            if a.get("category") not in CATEGORIES:
                errors.append(f"{where}: unknown category")
            for c in a.get("accept", []):
                if c not in CATEGORIES:
                    errors.append(f"{where}: unknown accept category {c!r}")
            hits = occurrences(text, a["text"])
            occ = a.get("occurrence")
            if not hits:
                errors.append(f"{where}: text not found")
            elif occ is not None and len(hits) < occ:
                errors.append(f"{where}: occurrence {occ} but only {len(hits)} found")
            elif occ is None and not a.get("alternatives") and len(hits) > 1:
                errors.append(f"{where}: matches {len(hits)} times; give an occurrence")
            for alt in a.get("alternatives", []):
                if not occurrences(text, alt):
                    errors.append(f"{where}: alternative {alt!r} not found")
            per_cat[a.get("category")] += 1
        print(f"  {txt.name:<34}{words:>5} words {len(anns):>4} annotations")
    print("clean/")
    total = 0
    for txt in sorted((HERE / "clean").glob("*.txt")):
        words = len(txt.read_text(encoding="utf-8").split())
        total += words
        if not 400 <= words <= 700:
            errors.append(f"{txt.name}: {words} words (want 400-700)")
        js = txt.with_suffix(".json")
        if js.exists():
            gold = json.loads(js.read_text(encoding="utf-8"))
            if not gold.get("clean") or gold.get("annotations"):
                errors.append(f"{txt.name}: clean article must have \"clean\": true and no annotations")
        print(f"  {txt.name:<34}{words:>5} words")
    if total < 7000:
        errors.append(f"clean total {total} words (want >= 7,000)")
    print(f"clean total: {total} words")
    print("annotations per category:", ", ".join(f"{c} {n}" for c, n in sorted(per_cat.items())),
          f"(total {sum(per_cat.values())})")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
