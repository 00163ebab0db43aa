"""Compare sentence segmenters on accuracy and speed, to choose the one tqcheck uses.

Accuracy: boundary precision/recall/F1 against benchmarks/data/sentences.txt (news
sentences full of abbreviations, decimals, initials and quotes), plus the two MT
artifacts the segmenter must not hide (a lowercase continuation after a spurious
period, a paragraph ending in a comma). Speed: MB/s over a 2 MB text made from
the gold set. Usage: python benchmarks/segmenters.py  (pysbd, syntok, blingfire optional)
"""
from __future__ import annotations

import time
from pathlib import Path

GOLD = Path(__file__).with_name("data") / "sentences.txt"


def gold_paragraphs() -> list[tuple[str, set[int]]]:
    blocks, cur = [], []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            cur.append(line.strip())
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    out = []
    for sents in blocks:
        text, bounds = "", set()
        for s in sents:
            if text:
                text += " "
                bounds.add(len(text))
            text += s
        out.append((text, bounds))
    return out


def starts_from_sentences(text: str, sentences: list[str]) -> set[int]:
    """Map segmenter output strings back to start offsets (excluding 0)."""
    starts, pos = set(), 0
    for s in sentences:
        s = s.strip()
        if not s:
            continue
        i = text.find(s, pos)
        if i < 0:
            continue
        if i > 0:
            starts.add(i)
        pos = i + len(s)
    return starts


def tqcheck_segmenter():
    from tqcheck.segment import paragraphs, sentences

    def split(text: str) -> list[str]:
        return [text[s:e] for s, e, _ in sentences(text, paragraphs(text))]

    return split


def pysbd_segmenter():
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    return seg.segment


def syntok_segmenter():
    import syntok.segmenter as sg

    def split(text: str) -> list[str]:
        out = []
        for para in sg.analyze(text):
            for sent in para:
                toks = list(sent)
                if toks:
                    start = toks[0].offset - len(toks[0].spacing) + len(toks[0].spacing)
                    end = toks[-1].offset + len(toks[-1].value)
                    out.append(text[start:end])
        return out

    return split


def blingfire_segmenter():
    import blingfire

    return lambda text: blingfire.text_to_sentences(text).split("\n")


SEGMENTERS = {"tqcheck": tqcheck_segmenter, "pysbd": pysbd_segmenter, "syntok": syntok_segmenter, "blingfire": blingfire_segmenter}

ARTIFACTS = [
    ("lowercase continuation kept whole", "The force was created in October. to function as one army.", set()),
    ("comma-ended paragraph split", 'of his "older brother", Putin,\n\nas well as the need to act.', {32}),
]


def evaluate(split) -> dict:
    tp = fp = fn = 0
    for text, gold in gold_paragraphs():
        got = starts_from_sentences(text, split(text))
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    artifacts = sum(starts_from_sentences(t, split(t)) == g for _, t, g in ARTIFACTS)
    corpus = "\n\n".join(t for t, _ in gold_paragraphs())
    big = (corpus + "\n\n") * max(1, 2_000_000 // len(corpus))
    t0 = time.perf_counter()
    split(big)
    secs = time.perf_counter() - t0
    return {"precision": p, "recall": r, "f1": f1, "artifacts": f"{artifacts}/{len(ARTIFACTS)}",
            "mb_per_s": len(big.encode()) / 1e6 / secs, "errors": fp + fn}


def main() -> None:
    print(f"{'segmenter':<11}{'precision':>10}{'recall':>8}{'F1':>7}{'errors':>8}{'artifacts':>11}{'MB/s':>9}")
    for name, make in SEGMENTERS.items():
        try:
            split = make()
        except ImportError:
            print(f"{name:<11}  (not installed)")
            continue
        m = evaluate(split)
        print(f"{name:<11}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>7.3f}{m['errors']:>8}{m['artifacts']:>11}{m['mb_per_s']:>9.2f}")


if __name__ == "__main__":
    main()
