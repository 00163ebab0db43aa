"""The command line contract: formats, exit codes, inputs, bad input, selection."""
from __future__ import annotations

import json
import os

import pytest

from tests.conftest import ARTICLE, CORE
from tqcheck import __version__


def test_version(tq):
    r = tq("--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"tqcheck {__version__}"


def test_text_format_one_issue_per_line(tq, article):
    r = tq("check", str(article), CORE, "--format", "text")
    lines = r.stdout.splitlines()
    assert lines[0].startswith(f"{article}:3:35: TQ102 [minor] ")
    assert lines[0].endswith("(suggestion: To)")
    assert lines[1].startswith(f"{article}:5:1: TQ401 [major] ")
    assert lines[2] == f"{article}: score 0.0 (FAILED), 35 words, 2 issues"
    assert r.exit_code == 1


def test_exit_zero_when_every_article_passes(tq, clean):
    r = tq("check", str(clean), CORE, "--format", "text")
    assert r.exit_code == 0
    assert r.stdout.strip().endswith("score 100.0 (passed), 13 words, 0 issues")


def test_no_fail_forces_zero(tq, article):
    assert tq("check", str(article), CORE, "--no-fail").exit_code == 0


def test_fail_on_severity(tq, tmp_path):
    p = tmp_path / "long.txt"
    p.write_text(("The ministers met again on Tuesday in the capital. " * 40) + "It ended in October. to act.", encoding="utf-8")
    assert tq("check", str(p), CORE).exit_code == 0  # one minor issue in 400 words: score 97.5
    assert tq("check", str(p), CORE, "--fail-on", "minor").exit_code == 1
    assert tq("check", str(p), CORE, "--fail-under", "99").exit_code == 1


def test_json_report_follows_the_schema(tq, article, clean):
    r = tq("check", str(article), str(clean), CORE, "--format", "json")
    doc = r.json()
    assert set(doc) == {"tqcheck_version", "summary", "results"}
    assert doc["summary"] == {"articles": 2, "passed": 1, "failed": 1, "errors": 0, "issues": 2, "mean_score": 50.0}
    res = doc["results"][0]
    assert set(res) == {"path", "id", "words", "score", "passed", "error", "issues"}
    assert res["path"] == str(article) and res["id"] is None and res["error"] is None
    issue = res["issues"][0]
    assert set(issue) == {"rule", "name", "category", "severity", "message", "line", "column",
                          "offset", "length", "text", "suggestion"}
    assert (issue["rule"], issue["name"], issue["category"]) == ("TQ102", "lowercase-sentence-start", "casing")
    assert ARTICLE[issue["offset"]: issue["offset"] + issue["length"]] == issue["text"] == "to"
    assert r.exit_code == 1


def test_offsets_count_code_points_not_bytes_or_utf16(tq, tmp_path):
    text = "Émigrés 🙂🙂 gathered. then they left.\n"
    p = tmp_path / "emoji.txt"
    p.write_text(text, encoding="utf-8")
    issue = tq("check", str(p), CORE, "--format", "json").json()["results"][0]["issues"][0]
    assert issue["offset"] == text.index("then") and issue["column"] == text.index("then") + 1


def test_jsonl_streams_results_then_summary(tq, article, clean):
    r = tq("check", str(article), str(clean), CORE, "--format", "jsonl")
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x.get("path") for x in lines[:2]] == [str(article), str(clean)]
    assert lines[2]["summary"]["articles"] == 2 and len(lines) == 3


def test_output_file(tq, article, tmp_path):
    out = tmp_path / "report.json"
    r = tq("check", str(article), CORE, "--format", "json", "-o", str(out))
    assert r.stdout == ""
    assert json.loads(out.read_text())["summary"]["issues"] == 2


def test_stdin(tq):
    r = tq("check", "-", CORE, "--format", "json", input=ARTICLE)
    res = r.json()["results"][0]
    assert res["path"] == "-" and len(res["issues"]) == 2


def test_folder_is_recursed_and_glob_expanded(tq, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(ARTICLE)
    (tmp_path / "a" / "two.md").write_text(ARTICLE)
    (tmp_path / "a" / "skip.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "b.txt").write_text(ARTICLE)
    paths = [x["path"] for x in tq("check", str(tmp_path / "a"), CORE, "--format", "json").json()["results"]]
    assert paths == [str(tmp_path / "a" / "one.txt"), str(tmp_path / "a" / "two.md")]
    globbed = [x["path"] for x in tq("check", str(tmp_path / "*.txt"), CORE, "--format", "json").json()["results"]]
    assert globbed == [str(tmp_path / "b.txt")]


def test_default_format_is_text_when_not_a_terminal(tq, article):
    assert tq("check", str(article), CORE).stdout.splitlines()[0].startswith(f"{article}:3:35: TQ102")


def test_rich_report_has_header_issue_context_and_summary(tq, article, clean):
    from io import StringIO

    from tqcheck.batch import run
    from tqcheck.config import Settings
    from tqcheck.report import Summary, make_reporter

    buf, summary = StringIO(), Summary()
    rep = make_reporter("rich", buf, color=False)
    rep.start()
    run([str(article), str(clean)], Settings(select=("TQ102", "TQ401")),
        lambda r: (summary.add(r), rep.result(r)))
    rep.finish(summary)
    out = buf.getvalue()
    assert "score 0.0" in out and "FAILED" in out and "score 100.0" in out
    assert "3:35" in out and "TQ102" in out and "minor" in out
    assert "created in October. to function" in out  # the sentence around the span
    assert "→ To" in out
    assert "Summary" in out and "casing" in out and "boilerplate" in out


# -- bad input: one line naming the input, the rest of the batch still checked, exit 2 -----------------

BAD_INPUTS = {
    "missing": (None, "no such file or directory"),
    "binary.txt": (b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, "binary file, not text"),
    "empty.txt": (b"", "empty article"),
    "blank.txt": (b"  \n\n \t\n", "empty article"),
    "garbage.txt": (bytes(range(128, 256)) * 4 + b"\x00", "binary file, not text"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_is_one_line_and_the_batch_goes_on(tq, tmp_path, clean, name):
    data, message = BAD_INPUTS[name]
    bad = tmp_path / name
    if data is not None:
        bad.write_bytes(data)
    r = tq("check", str(bad), str(clean), CORE, "--format", "json")
    assert r.exit_code == 2
    results = r.json()["results"]
    assert results[0]["error"] == message and results[0]["score"] is None and results[0]["issues"] is None
    assert results[1]["error"] is None and results[1]["score"] == 100.0
    assert r.stderr == f"tqcheck: error: {bad}: {message}\n"
    assert "Traceback" not in r.stdout + r.stderr


def test_bad_input_in_text_format(tq, tmp_path, clean):
    r = tq("check", str(tmp_path / "nope.txt"), str(clean), CORE, "--format", "text")
    assert r.stdout.splitlines()[0] == f"{tmp_path / 'nope.txt'}: error: no such file or directory"
    assert r.exit_code == 2


def test_legacy_encoding_is_detected(tq, tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Le président a déclaré que la réunion était très importante pour la région. "
                  "Les négociations reprendront à Genève après les fêtes.\n".encode("cp1252"))
    res = tq("check", str(p), CORE, "--format", "json").json()["results"][0]
    assert res["error"] is None and res["words"] == 21


def test_utf8_bom_and_utf16(tq, tmp_path):
    a, b = tmp_path / "bom.txt", tmp_path / "utf16.txt"
    a.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    b.write_bytes(ARTICLE.encode("utf-16"))
    res = tq("check", str(a), str(b), CORE, "--format", "json").json()["results"]
    assert [r["error"] for r in res] == [None, None]
    assert res[0]["issues"][0]["offset"] == ARTICLE.index("to function")  # BOM is not a character of the text


def test_huge_file_is_refused_without_reading_it(tq, tmp_path, clean):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    r = tq("check", str(big), str(clean), CORE, "--format", "json")
    assert r.json()["results"][0]["error"] == "file is 50.0 MB, over the 10 MB limit for one article"
    assert r.exit_code == 2


def test_folder_without_articles(tq, tmp_path):
    (tmp_path / "empty").mkdir()
    r = tq("check", str(tmp_path / "empty"), "--format", "text")
    assert "no articles in folder" in r.stdout and r.exit_code == 2


def test_glob_without_match(tq, tmp_path):
    r = tq("check", str(tmp_path / "*.nothing"), "--format", "text")
    assert r.stdout.strip() == f"{tmp_path / '*.nothing'}: error: no file matches this pattern" and r.exit_code == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tq, tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text(ARTICLE)
    p.chmod(0)
    assert "permission denied" in tq("check", str(p), "--format", "text").stdout


def test_jsonl_feed_bad_lines_do_not_stop_the_feed(tq, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "a1", "text": ARTICLE}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "a3", "summary": "no text"}) + "\n"
        + json.dumps({"url": "https://x.example/4", "title": "Talks end", "body": "The talks ended on Friday."}) + "\n"
    )
    res = tq("check", str(feed), CORE, "--format", "json").json()["results"]
    assert [(r["id"], r["error"]) for r in res] == [
        ("a1", None),
        ("line 2", "invalid JSON (Expecting property name enclosed in double quotes at column 2)"),
        ("a3", "line 3: no text field (looked for text, body, content)"),
        ("https://x.example/4", None),
    ]
    assert res[3]["words"] == 7  # the title is checked with the body


# -- selection --------------------------------------------------------------------------------------

@pytest.mark.parametrize("sel,codes", [
    ("TQ102", {"TQ102"}), ("TQ4", {"TQ401"}), ("lowercase-sentence-start", {"TQ102"}), ("boilerplate", {"TQ401"}),
])
def test_select_by_code_prefix_name_or_category(tq, article, sel, codes):
    res = tq("check", str(article), "--select", sel, "--format", "json").json()["results"][0]
    assert {i["rule"] for i in res["issues"]} == codes


def test_ignore_wins_over_select(tq, article):
    res = tq("check", str(article), CORE, "--ignore", "TQ401", "--format", "json").json()["results"][0]
    assert {i["rule"] for i in res["issues"]} == {"TQ102"}


def test_unknown_selector_is_a_usage_error(tq, article):
    r = tq("check", str(article), "--select", "TQ999")
    assert r.exit_code == 2 and "unknown rule selector 'TQ999'" in r.stderr and r.stdout == ""


def test_unknown_format_is_a_usage_error(tq, article):
    assert tq("check", str(article), "--format", "pdf").exit_code == 2


# -- rules and explain --------------------------------------------------------------------------------

def test_rules_lists_every_rule(tq):
    from tqcheck.rules import all_rules

    text = tq("rules").stdout.splitlines()
    assert len(text) == len(all_rules())
    assert any(line.startswith("TQ102  lowercase-sentence-start") for line in text)
    data = json.loads(tq("rules", "--format", "json").stdout)
    entry = next(d for d in data if d["code"] == "TQ401")
    assert entry["category"] == "boilerplate" and entry["severity"] == "major" and "## Why it matters" in entry["doc"]


def test_explain(tq):
    r = tq("explain", "TQ102")
    assert r.exit_code == 0
    assert r.stdout.startswith("TQ102 lowercase-sentence-start\n")
    assert "## What it flags" in r.stdout and "[[to]]" in r.stdout
    assert tq("explain", "lowercase-sentence-start").stdout == r.stdout
    bad = tq("explain", "TQ000")
    assert bad.exit_code == 2 and "unknown rule 'TQ000'" in bad.stderr
