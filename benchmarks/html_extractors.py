#!/usr/bin/env python3
"""Compare HTML main-text extractors on pages that wrap an article in page furniture.

Pages: ``tests/data/readers/page-*.html`` (written for this project), each with
the expected article text in ``page-*.txt``. Candidates:

- ``selectolax``: tqcheck's own extractor (``tqcheck.readers.html.extract_page``);
- ``trafilatura``: ``trafilatura.extract`` (headline added from its metadata when missing),
  if installed (``pip install trafilatura lxml_html_clean``).

Reports per extractor: word precision/recall/F1 against the expected text,
paragraphs found exactly, pages whose text is exactly right, ms per page and MB/s
of HTML; then, on a large page (the furniture repeated to ~1 MB), the time and
the peak RSS of a fresh process after importing the extractor and after the page.

    python benchmarks/html_extractors.py
"""
from __future__ import annotations

import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "readers"
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


def ours(html: str) -> str:
    from tqcheck.readers.html import extract_page

    return extract_page(html)[0]


def trafilatura_text(html: str) -> str:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, deduplicate=False) or ""
    meta = trafilatura.extract_metadata(html)
    if meta is not None and meta.title and meta.title not in text[:400]:
        text = f"{meta.title}\n{text}"
    return text


def quality(text: str, gold: str) -> tuple[int, int, int, int, int]:
    got = Counter(w.lower() for w in _WORD.findall(text))
    want = Counter(w.lower() for w in _WORD.findall(gold))
    hit = sum((got & want).values())
    paras_gold = [p.strip() for p in gold.split("\n\n") if p.strip()]
    paras_got = {p.strip() for p in re.split(r"\n+", text) if p.strip()}
    return hit, sum(got.values()), sum(want.values()), sum(p in paras_got for p in paras_gold), len(paras_gold)


def timed(fn, html: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(html)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


_RSS_CHILD = """
import sys

def hwm():  # VmHWM: this process's own peak (ru_maxrss would carry the parent's peak across exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])

sys.path.insert(0, {bench!r})
import html_extractors as h
fn = getattr(h, {fn!r})
small = open({small!r}, encoding="utf-8").read()
fn(small)  # imports
before = hwm()
html = open({page!r}, encoding="utf-8").read()
fn(html)
after = hwm()
print(before / 1024, after / 1024)
"""


def rss(fn_name: str, page: Path) -> tuple[float, float]:
    """Peak RSS (MB) of a fresh process after importing the extractor, and after extracting page."""
    import subprocess

    code = _RSS_CHILD.format(bench=str(Path(__file__).parent), fn=fn_name, small=str(PAGES / "page-divsoup.html"),
                             page=str(page))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def big_page(html: str, target: int = 1_000_000) -> str:
    """The page with its related-links furniture and a comment thread grown to ~target bytes."""
    extra = []
    n = 0
    while sum(map(len, extra)) < target:
        extra.append(f'<div class="comment"><b>reader{n}</b>: I read this story on the bus this morning, number {n}.</div>'
                     f'<ul class="related"><li><a href="/r{n}">Another headline about the harbour, part {n}</a></li></ul>')
        n += 1
    return html.replace("</main>", "<section>" + "".join(extra) + "</section></main>")


def main() -> int:
    pages = sorted(PAGES.glob("page-*.html"))
    if not pages:
        print("no pages under tests/data/readers", file=sys.stderr)
        return 2
    candidates = {"selectolax": ours}
    try:
        import trafilatura  # noqa: F401

        candidates["trafilatura"] = trafilatura_text
    except ImportError:
        print("(trafilatura not installed: only tqcheck's extractor is measured)")
    for name, fn in candidates.items():
        fn(pages[0].read_text(encoding="utf-8"))  # imports and warm-up
        hit = got = want = pok = ptot = exact = 0
        secs = []
        size = 0
        for page in pages:
            html = page.read_text(encoding="utf-8")
            gold = page.with_suffix(".txt").read_text(encoding="utf-8").strip()
            text = fn(html)
            h, g, w, po, pt = quality(text, gold)
            hit, got, want, pok, ptot = hit + h, got + g, want + w, pok + po, ptot + pt
            exact += text.strip() == gold
            secs.append(timed(fn, html, 20))
            size += len(html.encode("utf-8"))
        p, r = hit / max(got, 1), hit / max(want, 1)
        f1 = 2 * p * r / max(p + r, 1e-9)
        print(f"{name:<12} words P {p:.3f} R {r:.3f} F1 {f1:.3f} | paragraphs {pok}/{ptot} | exact pages {exact}/{len(pages)} | "
              f"{statistics.mean(secs) * 1000:.2f} ms/page, {size / 1_048_576 / sum(secs):.1f} MB/s")
        big = big_page((PAGES / "page-semantic.html").read_text(encoding="utf-8"))
        gold = (PAGES / "page-semantic.txt").read_text(encoding="utf-8").strip()
        t = timed(fn, big, 3)
        h, g, w, _, _ = quality(fn(big), gold)
        import tempfile

        with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8", delete=False) as tmp:
            tmp.write(big)
        try:
            r0, r1 = rss(fn.__name__, Path(tmp.name))
        finally:
            Path(tmp.name).unlink()
        print(f"{'':<12} 1 MB page: {t * 1000:.0f} ms ({len(big) / 1_048_576 / t:.1f} MB/s), "
              f"words P {h / max(g, 1):.3f} R {h / max(w, 1):.3f}; peak RSS {r0:.0f} MB after import, "
              f"{r1:.0f} MB after the 1 MB page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
