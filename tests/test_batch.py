"""The batch runner: streaming, order with worker processes, the first pass, progress, worker crashes."""
from __future__ import annotations

import io
import json
import os

import pytest
from click.testing import CliRunner

from tqcheck import batch
from tqcheck.batch import (ProgressBar, check_item, check_items, chunks, evidence_of, first_pass, gather_evidence,
                           ordered_map, run, wants_progress)
from tqcheck.cli import main
from tqcheck.config import Settings
from tqcheck.readers import Article, InputProblem, iter_articles

HEADER = "Harbour Gazette · local news every day"  # page furniture repeated in every article
BODY = [
    "The council met on Monday to discuss the harbour budget, officials said.",
    "The force was created in October. to function as a single army, officials said.",
    "Fishermen in Dunmere say the new quay will open in the spring.",
    "The ferry returned to service after four months of repairs.",
    "Residents raised most of the money through a village fete and a sponsored swim.",
]


def feed(tmp_path, n: int = 40, name: str = "feed.jsonl"):
    """n articles of varied length, each with the same header line (cross-article furniture)."""
    p = tmp_path / name
    with open(p, "w", encoding="utf-8") as f:
        for i in range(n):
            tag = chr(97 + i % 26) + chr(97 + i // 26)  # letters, not digits: line fingerprints fold digits
            body = [f"{BODY[(i + k) % len(BODY)]} (Report {tag}{chr(97 + k)}.)" for k in range(1 + i % 7)]
            paras = [HEADER] + body * (1 + (i % 3) * 20)
            if i == 5:
                f.write("{broken json\n")
                continue
            f.write(json.dumps({"id": f"a{i:03d}", "text": "\n\n".join(paras)}) + "\n")
    return p


def as_dicts(results):
    return [r.to_dict() for r in results]


def serial(paths, settings=None):
    settings = settings or Settings()
    ev = gather_evidence([str(p) for p in paths])
    return as_dicts(check_items(iter_articles([str(p) for p in paths]), settings, ev, jobs=1))


# -- chunks and the bounded window ------------------------------------------------------------------

def test_chunks_by_count_and_size():
    arts = [Article("p", str(i), "x" * (10 if i != 3 else 1000)) for i in range(10)]
    sizes = [len(c) for c in chunks(arts, max_items=4, max_chars=500)]
    assert sizes == [4, 4, 2]  # the long article closes its chunk
    assert sum(sizes) == 10 and [len(c) for c in chunks([], 4)] == []


def test_ordered_map_keeps_order_with_a_bounded_window():
    in_flight = []
    live = set()

    class Fut:
        def __init__(self, x):
            self.x = x
            live.add(x)
            in_flight.append(len(live))

        def result(self):
            live.discard(self.x)
            return self.x * 2

    out = list(ordered_map(Fut, iter(range(100)), window=5))
    assert out == [x * 2 for x in range(100)]
    assert max(in_flight) == 5


# -- results and order --------------------------------------------------------------------------------

def test_jobs_two_gives_the_serial_results_in_input_order(tmp_path):
    p = feed(tmp_path, 60)
    one = serial([p])
    settings = Settings()
    ev = gather_evidence([str(p)], jobs=2)
    two = as_dicts(check_items(iter_articles([str(p)]), settings, ev, jobs=2))
    assert two == one
    assert [r["id"] for r in two][:7] == ["a000", "a001", "a002", "a003", "a004", "line 6", "a006"]
    assert two[5]["error"].startswith("invalid JSON")


def test_parallel_first_pass_equals_the_serial_one(tmp_path):
    p = feed(tmp_path, 50)
    ev1, n1 = first_pass([str(p)], jobs=1)
    ev2, n2 = first_pass([str(p)], jobs=2)
    assert n1 == n2 == 50
    assert (ev1.articles, ev1.lines, ev1.capitalised) == (ev2.articles, ev2.lines, ev2.capitalised)
    assert ev1.line_articles(HEADER) == 49


def test_cross_article_furniture_needs_the_first_pass(tmp_path):
    p = feed(tmp_path, 20)
    with_ev = serial([p])
    without = as_dicts(check_items(iter_articles([str(p)]), Settings(), None))
    header_hits = [any(i["text"] == HEADER for i in r["issues"] or ()) for r in with_ev]
    assert sum(header_hits) >= 15
    assert not any(any(i["text"] == HEADER for i in r["issues"] or ()) for r in without)


def test_evidence_of_parts_merges_to_the_whole(tmp_path):
    items = list(iter_articles([str(feed(tmp_path, 30))]))
    whole = evidence_of(items)
    merged = evidence_of(items[:7]).merge(evidence_of(items[7:20])).merge(evidence_of(items[20:]))
    assert (whole.articles, whole.lines, whole.capitalised) == (merged.articles, merged.lines, merged.capitalised)


def test_stdin_has_no_first_pass():
    assert first_pass(["-"]) == (None, None)


def test_check_item_turns_problems_and_crashes_into_error_results(monkeypatch):
    r = check_item(InputProblem("f.jsonl", "line 2", "line 2: invalid JSON"), Settings(), None)
    assert (r.path, r.id, r.error, r.score) == ("f.jsonl", "line 2", "line 2: invalid JSON", None)

    def boom(*a, **k):
        raise RuntimeError("rule bug")

    monkeypatch.setattr(batch, "check_document", boom)
    r = check_item(Article("a.txt", None, "Some text."), Settings(), None)
    assert r.error == "internal error (RuntimeError: rule bug); please report it"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the crash is injected into forked workers")
def test_a_worker_that_dies_costs_only_its_article(monkeypatch):
    real = batch.check_item

    def crashing(item, *a, **k):
        if isinstance(item, Article) and "CRASH" in item.text:
            os._exit(3)  # like a segfault in a native library: no exception, the process is gone
        return real(item, *a, **k)

    monkeypatch.setattr(batch, "check_item", crashing)
    items = [Article("f", f"a{i}", "CRASH here." if i == 37 else f"Article number {i} is fine.") for i in range(80)]
    results = list(check_items(items, Settings(), None, jobs=2))
    assert [r.id for r in results] == [f"a{i}" for i in range(80)]
    errors = [r.id for r in results if r.error]
    assert errors == ["a37"] and "worker process died" in results[37].error


# -- run() and the command line -------------------------------------------------------------------------

def test_run_streams_each_result_as_it_is_done(tmp_path):
    p = feed(tmp_path, 12)
    seen = []
    run([str(p)], Settings(), lambda r: seen.append(r.id), jobs=1)
    assert seen[:3] == ["a000", "a001", "a002"] and len(seen) == 12


def test_cli_jobs_and_serial_agree(tmp_path):
    p = feed(tmp_path, 40)
    out = []
    for jobs in ("1", "2", "0"):
        r = CliRunner().invoke(main, ["check", str(p), "--jobs", jobs, "--format", "jsonl", "--no-grammar"],
                               catch_exceptions=False)
        out.append([json.loads(x) for x in r.stdout.splitlines()])
        assert r.exit_code == 2  # the broken line
    assert out[0] == out[1] == out[2]


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    p = feed(tmp_path, 10)
    for extra in ([], ["--quiet"], ["-q"]):
        r = CliRunner().invoke(main, ["check", str(p), "--format", "json", "--no-grammar", *extra], catch_exceptions=False)
        assert "articles/s" not in r.stderr and "\x1b[" not in r.stderr
        assert r.stderr.strip().splitlines() == [f"tqcheck: error: {p}#line 6: invalid JSON "
                                                  "(Expecting property name enclosed in double quotes at column 2)"]


class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def test_wants_progress():
    assert wants_progress(False, FakeTTY()) is True
    assert wants_progress(True, FakeTTY()) is False
    assert wants_progress(False, io.StringIO()) is False


def test_progress_bar_shows_done_rate_and_eta(tmp_path):
    from rich.console import Console

    p = feed(tmp_path, 30)
    term = io.StringIO()
    bar = ProgressBar(Console(file=term, force_terminal=True, width=120, color_system=None), interval=0)
    got = []
    run([str(p)], Settings(), got.append, progress=bar)
    shown = term.getvalue()
    assert "Reading" in shown and "Checking" in shown
    assert "30/30" in shown and "articles/s" in shown and "ETA" in shown
    assert shown.endswith("\r\x1b[2K")  # erased at the end: nothing left on the terminal
    assert len(got) == 30


def test_progress_line_is_erased_before_each_result_is_written(tmp_path):
    from rich.console import Console

    p = feed(tmp_path, 5)
    term = io.StringIO()
    bar = ProgressBar(Console(file=term, force_terminal=True, width=100, color_system=None), interval=0)
    bar.stdout_is_terminal = True  # the report goes to the same terminal

    def on_result(r):
        term.write(f"RESULT {r.id}\n")

    run([str(p)], Settings(), on_result, progress=bar)
    lines = [line for line in term.getvalue().split("\n") if "RESULT" in line]
    assert len(lines) == 5
    for line in lines:
        assert line.split("\r\x1b[2K")[-1].startswith("RESULT")  # never glued to the bar


def test_progress_bar_stays_put_when_the_report_goes_elsewhere(tmp_path):
    from rich.console import Console

    p = tmp_path / "f.jsonl"
    p.write_text("".join(json.dumps({"id": f"a{i}", "text": "The talks ended on Friday."}) + "\n" for i in range(20)))
    term = io.StringIO()
    bar = ProgressBar(Console(file=term, force_terminal=True, width=100, color_system=None), interval=3600)
    bar.stdout_is_terminal = False
    run([str(p)], Settings(), lambda r: None, progress=bar)
    # drawn once per phase and erased once at the end: no flicker per article
    assert term.getvalue().count("\r\x1b[2K") == 4


def test_evidence_stays_bounded_and_prunes_rarely_on_duplicated_articles(monkeypatch):
    """A feed where every article appears twice: no key is a singleton, yet the counters stay bounded
    and are pruned only now and then (not after every article, which would make the pass quadratic)."""
    from collections import Counter

    from tqcheck import evidence
    from tqcheck.document import Document

    monkeypatch.setattr(evidence, "MAX_KEYS", 400)
    prunes = []
    real = evidence._prune

    def counting(counter: Counter) -> None:
        before = len(counter)
        real(counter)
        if len(counter) < before:
            prunes.append(before)

    monkeypatch.setattr(evidence, "_prune", counting)
    ev = evidence.BatchEvidence()
    for i in range(1000):
        doc = Document("\n\n".join(f"Short line {i} number {k}" for k in range(5)))
        ev.add(doc)
        ev.add(doc)  # the duplicate
        assert len(ev.lines) <= 400
    assert ev.articles == 2000
    assert len(prunes) <= 1000 * 5 // 100  # once per ~100 new keys at most, not once per article
