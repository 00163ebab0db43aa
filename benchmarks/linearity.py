#!/usr/bin/env python3
"""Find rules whose time grows faster than the text: each rule on a text and on the text ×K.

A linear rule takes about K times as long on the longer text; a ratio well above K means
super-linear work (a whole-text scan per match, a regex that backtracks). The text is every
sample article joined (or the files given). Each rule runs with a fresh context, so its time
includes the shared analyses it asks for first. The garbage collector is paused while a rule
runs: its passes grow with every object alive, which makes any allocating code look super-linear
on a long text (TQ98x show ×60 for ×32 text with it, ×37 without).

`--adversarial` also times the whole check on texts built to trip per-match scans and
backtracking (one repeated pattern, ×1 and ×4): each should take about 4 times as long.

Usage: python benchmarks/linearity.py [--times K] [--repeat N] [--top N] [--adversarial] [FILE...]
"""
from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from tqcheck.api import check_text
from tqcheck.config import Settings
from tqcheck.document import Document
from tqcheck.rules import Context, all_rules

ROOT = Path(__file__).resolve().parent.parent

# Inputs that once made a rule quadratic (a whole-text or whole-sentence scan per match, a regex
# restarting inside hyphenated runs): kept so that a regression shows here.
ADVERSARIAL = {
    "resumptive pronoun": lambda n: "Hi. " + "the book that he gave it yesterday, " * n + ".",
    "hyphen runs": lambda n: "a-" * (20 * n) + ". The guild, that represents the bakers, met.",
    "thing pronouns": lambda n: "The drone flew.\nThe drone hit a farm. " + "she consisted of parts and " * n,
    "document guards": lambda n: "The head said his party has evacuated 300 residents. " * n,
    "adverbial objects": lambda n: "Hi. " + "police arrested on Monday the man " * n,
    "capitalised leftovers": lambda n: "the team met Redacción and " * n,
    "dotted capitals": lambda n: "U.S.A." * n + " Executive",
    "the Executive": lambda n: "The Executive met. " * n,
}


def adversarial(settings: Settings) -> None:
    for name, make in ADVERSARIAL.items():
        times = []
        for n in (1000, 4000):
            text = make(n)
            t = time.perf_counter()
            check_text(text, settings)
            times.append(time.perf_counter() - t)
        print(f"{name:24} {len(make(1000)):>8,} chars {times[0]:6.2f} s -> x4 {times[1]:6.2f} s "
              f"(ratio {times[1] / max(times[0], 1e-3):.1f})")


def rule_time(rule, text: str, settings: Settings, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        doc = Document(text)
        ctx = Context(doc, settings, None)
        gc.collect()
        gc.disable()
        t = time.perf_counter()
        for _finding in rule.check(doc, ctx):
            pass
        best = min(best, time.perf_counter() - t)
        gc.enable()
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--times", type=int, default=8, help="how many copies make the long text (default 8)")
    ap.add_argument("--repeat", type=int, default=2, help="keep the fastest of N runs (default 2)")
    ap.add_argument("--top", type=int, default=15, help="rows to print (default 15)")
    ap.add_argument("--adversarial", action="store_true", help="also time the whole check on pathological texts")
    args = ap.parse_args()
    files = args.files or sorted((ROOT / "samples").glob("*.txt"))
    base = "\n\n".join(f.read_text(encoding="utf-8") for f in files)
    settings = Settings()
    check_text(base, settings)  # load the lexicons first: their one-off cost is not the rule's
    rows = []
    for rule in all_rules():
        short = rule_time(rule, base, settings, args.repeat)
        long = rule_time(rule, "\n\n".join([base] * args.times), settings, args.repeat)
        rows.append((long / max(short, 1e-6), rule.code, rule.name, short, long))
    rows.sort(reverse=True)
    print(f"{len(base):,} characters, ×{args.times}; a linear rule shows a ratio near {args.times}")
    for ratio, code, name, short, long in rows[: args.top]:
        print(f"{ratio:6.1f}×  {code} {name:38} {short * 1000:8.1f} ms -> {long * 1000:8.1f} ms")
    if args.adversarial:
        adversarial(settings)


if __name__ == "__main__":
    main()
