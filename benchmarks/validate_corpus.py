#!/usr/bin/env python3
"""Check that annotated corpora are well formed, without running tqcheck.

One checker for every corpus in the tqeval format (benchmarks/corpus, corpus2, heldout*):
- an annotated NAME.txt has a NAME.json whose annotations use the DESIGN.md §3 categories
  (plus "fluency") and known keys;
- each annotation's text occurs in the article, its occurrence exists, an annotation that
  matches more than once names its occurrence, and each alternative occurs (tqeval's matching);
- a clean NAME.txt has no .json, or one with "clean": true and no annotations.

Errors name the file and the annotation's index, never its text, so the blind sets can be
validated without anyone reading them.

Usage: python benchmarks/validate_corpus.py [FOLDER...]   (default: every corpus under benchmarks/)
A FOLDER may hold mt/ and clean/ or be one of them; a folder named clean/ must be clean.
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


def count(text: str, needle: str) -> int:
    n, i = 0, text.find(needle)
    while i >= 0:
        n, i = n + 1, text.find(needle, i + 1)
    return n


def annotation_errors(text: str, ann: dict) -> list[str]:
    """What is wrong with one annotation, in words that do not quote the article."""
    errors = []
    if set(ann) - KEYS:
        errors.append(f"unknown keys {sorted(set(ann) - KEYS)}")
    if ann.get("category") not in CATEGORIES:
        errors.append(f"unknown category {ann.get('category')!r}")
    errors += [f"unknown accept category {c!r}" for c in ann.get("accept", []) if c not in CATEGORIES]
    if not isinstance(ann.get("text"), str) or not ann["text"]:
        return errors + ["no text"]
    hits, occ = count(text, ann["text"]), ann.get("occurrence")
    if not hits:
        errors.append("text not found")
    elif occ is not None and not 1 <= occ <= hits:
        errors.append(f"occurrence {occ} but the text occurs {hits} time(s)")
    elif occ is None and not ann.get("alternatives") and hits > 1:
        errors.append(f"text occurs {hits} times; give an occurrence")
    errors += [f"alternative {i} not found" for i, alt in enumerate(ann.get("alternatives", []))
               if not count(text, alt)]
    return errors


def validate(folder: Path, must_be_clean: bool) -> tuple[list[str], Counter, int, int]:
    """(errors, annotations per category, articles, words) for one folder of articles."""
    errors: list[str] = []
    per_cat: Counter = Counter()
    articles = words = 0
    for txt in sorted(folder.glob("*.txt")):
        name = f"{folder.relative_to(HERE.parent)}/{txt.name}"
        text = txt.read_text(encoding="utf-8")
        articles, words = articles + 1, words + len(text.split())
        js = txt.with_suffix(".json")
        if not js.exists():
            continue
        try:
            gold = json.loads(js.read_text(encoding="utf-8"))
        except ValueError as exc:
            errors.append(f"{name}: annotations are not valid JSON ({exc})")
            continue
        anns = gold.get("annotations") or []
        if must_be_clean or gold.get("clean"):
            if anns or (must_be_clean and not gold.get("clean")):
                errors.append(f"{name}: a clean article needs no .json, or \"clean\": true and no annotations")
            continue
        for i, ann in enumerate(anns):
            errors += [f"{name}: annotation {i}: {e}" for e in annotation_errors(text, ann)]
            per_cat[ann.get("category")] += 1
    return errors, per_cat, articles, words


def corpora(args: list[str]) -> list[Path]:
    if args:
        return [Path(a).resolve() for a in args]
    return sorted({p.parent for name in ("mt", "clean") for p in HERE.glob(f"*/{name}") if p.is_dir()})


def main(argv: list[str]) -> int:
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__.strip())
        return 0
    failed = False
    for corpus in corpora(argv):
        if not corpus.is_dir():
            print(f"{corpus}: not a folder", file=sys.stderr)
            failed = True
            continue
        parts = [corpus / "mt", corpus / "clean"] if {"mt", "clean"} & {p.name for p in corpus.iterdir()} else [corpus]
        for folder in parts:
            if not folder.is_dir():
                continue
            errors, per_cat, articles, words = validate(folder, folder.name == "clean")
            cats = ", ".join(f"{c} {n}" for c, n in sorted(per_cat.items()))
            print(f"{folder.relative_to(HERE.parent)}: {articles} articles, {words} words"
                  + (f", {sum(per_cat.values())} annotations ({cats})" if per_cat else ""))
            for e in errors:
                print("  ERROR", e)
            failed |= bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
