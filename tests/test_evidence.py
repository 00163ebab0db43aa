"""Cross-article evidence: a bounded, mergeable summary of what recurs across a batch."""
from __future__ import annotations

from tqcheck import evidence
from tqcheck.document import Document
from tqcheck.evidence import BatchEvidence, line_fingerprint


def doc(body: str) -> Document:
    return Document(f"Daily Bugle\n\n{body}\n\nAll news articles on 2024-05-0{len(body) % 9 + 1}\n")


def test_short_lines_are_folded_long_ones_are_prose():
    assert line_fingerprint("All news articles on 2022-12-19") == line_fingerprint("all  NEWS articles on 2023-01-02")
    assert line_fingerprint("Trends 24h") != line_fingerprint("Trends")
    assert line_fingerprint(" ".join(["word"] * 20)) is None
    assert line_fingerprint("   ") is None


def test_counts_articles_not_occurrences_and_merges():
    a, b = BatchEvidence(), BatchEvidence()
    a.add(doc("The council met on Monday in Lyon.\n\nTrends 24h\n\nTrends 24h"))
    a.add(doc("Prices rose in March."))
    b.add(doc("A storm hit the coast of Brittany."))
    merged = BatchEvidence().merge(a).merge(b)
    assert merged.articles == 3
    assert merged.line_articles("Daily Bugle") == 3
    assert merged.line_articles("All news articles on 2024-05-31") == 3  # dates differ, furniture is the same
    assert merged.line_articles("Trends 24h") == 1  # twice in one article is one article
    assert merged.line_articles("Nothing like this") == 0


def test_capitalised_words_across_the_batch():
    ev = BatchEvidence()
    ev.add(Document("Troops moved towards Bakhmut and Avdiivka overnight."))
    ev.add(Document("Shelling near Bakhmut continued, officials said."))
    assert ev.capitalised["bakhmut"] == 2 and ev.capitalised["avdiivka"] == 1


def test_memory_stays_bounded(monkeypatch):
    monkeypatch.setattr(evidence, "MAX_KEYS", 50)
    ev = BatchEvidence()
    for n in range(300):
        unique = chr(97 + n % 26) + chr(97 + n // 26)  # digits are folded, so letters make lines unique
        ev.add(Document(f"Unique line {unique}\n\nShared footer"))
    assert len(ev.lines) <= 51 and ev.line_articles("Shared footer") == 300
    assert ev.line_articles("Unique line aa") == 0  # seen once, pruned
