"""Baselines: fingerprints that survive edits elsewhere, atomic writes, gating only new findings."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import tqcheck.baseline as bl
from tqcheck.api import check_text
from tqcheck.baseline import (
    Baseline,
    BaselineError,
    article_key,
    context,
    fingerprint,
    open_baseline,
)
from tqcheck.cli import main
from tqcheck.config import Settings

CORE = Settings(select=("TQ102", "TQ401"))
ARTICLE = (
    "The council met on Tuesday to discuss the ferry timetable. the mayor said it would change.\n\n"
    "Residents asked for an earlier boat. The operator agreed to study it.\n\n"
    "Subscribe to continue reading\n"
)


def fps(text: str, path: str = "a.txt", id: str | None = None) -> list[str]:
    r = check_text(text, CORE, path=path, id=id)
    return [fingerprint(r, i) for i in r.issues]


def run(*args: str):
    r = CliRunner().invoke(main, [*args, "--no-grammar"], catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def test_fingerprint_survives_edits_elsewhere():
    base = fps(ARTICLE)
    assert len(base) == 2
    moved = "Ferry timetable\n\nA new first paragraph, written later, moves every line down.\n\n" + ARTICLE
    assert fps(moved) == base
    rewrapped = ARTICLE.replace("Residents asked for an earlier boat.", "Residents, many of them commuters, asked for an earlier boat.")
    assert fps(rewrapped) == base


def test_fingerprint_changes_with_the_words_around_the_span_the_rule_or_the_article():
    base = fps(ARTICLE)
    near = ARTICLE.replace("the ferry timetable. the mayor said", "the bus timetable. the mayor said")
    assert fps(near)[0] != base[0] and fps(near)[1] == base[1]
    assert fps(ARTICLE, path="b.txt") != base
    assert fps(ARTICLE, path="feed.jsonl", id="1") != fps(ARTICLE, path="feed.jsonl", id="2")


def test_context_is_whitespace_normalised_and_bounded():
    r = check_text(ARTICLE, CORE)
    i = r.issues[0]
    assert context(ARTICLE, i) == "the ferry timetable. [the] mayor said it would"
    assert context(ARTICLE.replace(" the mayor", "   the mayor"), check_text(ARTICLE.replace(" the mayor", "   the mayor"), CORE).issues[0]) \
        == "the ferry timetable. [the] mayor said it would"


def test_article_key_is_relative_and_slash_separated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert article_key(str(tmp_path / "news" / "a.txt"), None) == "news/a.txt"
    assert article_key("./news//a.txt", "7") == "news/a.txt#7"
    assert article_key("-", None) == "-"


def test_write_load_and_filter(tmp_path):
    r = check_text(ARTICLE, CORE, path="a.txt")
    b = Baseline(writing=True)
    b.record(r)
    path = tmp_path / "baseline.json"
    b.write(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["tqcheck_baseline"] == 1
    assert [(e["article"], e["rule"], e["text"], e["count"]) for e in doc["findings"]] == [
        ("a.txt", "TQ102", "the", 1), ("a.txt", "TQ401", "Subscribe to continue reading", 1)]
    loaded = Baseline.load(path)
    again = check_text("Intro line.\n\n" + ARTICLE + "\nThe end came. the reporters left.\n", CORE, path="a.txt")
    out = loaded.filter(again, CORE)
    assert [i.text for i in out.issues] == ["the"] and out.issues[0].line == 9
    assert loaded.hidden == 2 and loaded.fixed == 0
    assert out.score > again.score  # scored on the new finding only


def test_duplicate_findings_are_counted(tmp_path):
    text = "It ended. the talks.\n\nIt ended. the talks.\n"
    r = check_text(text, CORE, path="d.txt")
    assert len(r.issues) == 2 and len(set(fingerprint(r, i) for i in r.issues)) == 1
    b = Baseline(writing=True)
    b.record(r)
    b.write(tmp_path / "b.json")
    assert json.loads((tmp_path / "b.json").read_text())["findings"][0]["count"] == 2
    three = check_text(text + "\nIt ended. the talks.\n", CORE, path="d.txt")
    out = Baseline.load(tmp_path / "b.json").filter(three, CORE)
    assert len(out.issues) == 1


def test_write_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "baseline.json"
    path.write_text("previous", encoding="utf-8")
    b = Baseline(writing=True)
    b.record(check_text(ARTICLE, CORE))

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(bl.json, "dump", boom)
    with pytest.raises(RuntimeError):
        b.write(path)
    assert path.read_text(encoding="utf-8") == "previous"
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


@pytest.mark.parametrize("content,needle", [
    (None, "not found"), ("{", "invalid JSON"), ('{"findings": []}', "not a tqcheck baseline"),
    ('{"tqcheck_baseline": 1, "findings": [{"count": 1}]}', "without a fingerprint"),
])
def test_bad_baseline_files(tmp_path, content, needle):
    p = tmp_path / "b.json"
    if content is not None:
        p.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=needle):
        Baseline.load(p)


def test_open_baseline_modes(tmp_path):
    assert open_baseline(None, False) is None
    with pytest.raises(BaselineError, match="needs --baseline"):
        open_baseline(None, True)
    with pytest.raises(BaselineError, match="cannot write"):
        open_baseline(tmp_path / "missing" / "b.json", True)
    assert open_baseline(tmp_path / "b.json", True).writing


def test_cli_baseline_workflow(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("news").mkdir()
    Path("news/a.txt").write_text(ARTICLE, encoding="utf-8")
    Path("news/b.txt").write_text("The harbour reopened on Friday, the port authority said.\n", encoding="utf-8")
    sel = "--select=TQ102,TQ401"
    code, out, err = run("check", "news", sel, "--format", "text")
    assert code == 1
    # accept today's findings
    code, out, err = run("check", "news", sel, "--format", "text", "--baseline", "tqb.json", "--write-baseline")
    assert code == 0 and "wrote baseline tqb.json: 2 findings" in err
    assert "TQ102" in out  # the report still shows everything it recorded
    # nothing new: passes, and says what it hid
    code, out, err = run("check", "news", sel, "--format", "text", "--baseline", "tqb.json")
    assert code == 0 and "TQ102" not in out and "TQ401" not in out
    assert "baseline tqb.json: 2 known findings not reported" in err
    # an edit elsewhere plus one new finding: only the new one is reported and gated
    Path("news/a.txt").write_text("Ferry update\n\n" + ARTICLE + "\nThe vote came. the boat left.\n", encoding="utf-8")
    code, out, err = run("check", "news", sel, "--format", "json", "--baseline", "tqb.json")
    issues = [(i["rule"], i["text"], i["line"]) for r in json.loads(out)["results"] for i in r["issues"]]
    assert issues == [("TQ102", "the", 9)]
    # a fixed finding is counted
    Path("news/a.txt").write_text(ARTICLE.replace("Subscribe to continue reading\n", ""), encoding="utf-8")
    code, out, err = run("check", "news", sel, "--format", "text", "--baseline", "tqb.json")
    assert code == 0 and "1 known finding not reported, 1 no longer found" in err


def test_cli_baseline_usage_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, err = run("check", "a.txt", "--write-baseline")
    assert code == 2 and "--write-baseline needs --baseline FILE" in err
    code, out, err = run("check", "a.txt", "--baseline", "missing.json")
    assert code == 2 and "baseline file not found" in err
