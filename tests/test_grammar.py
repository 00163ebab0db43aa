"""The LanguageTool layer, through language-tool-python's real client code, against a local
HTTP server on 127.0.0.1 that replays recorded LanguageTool responses (tests/data/languagetool)."""
from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from tqcheck import grammar as g
from tqcheck.api import check_text
from tqcheck.config import Settings

pytest.importorskip("language_tool_python")

DATA = Path(__file__).parent / "data" / "languagetool"
FIXTURES = {name: json.loads((DATA / f"{name}.json").read_text(encoding="utf-8")) for name in ("article", "emoji")}
ARTICLE = FIXTURES["article"]["text"]
EMOJI = FIXTURES["emoji"]["text"]


class FakeLanguageTool(ThreadingHTTPServer):
    """Answers /v2/languages and /v2/check like a LanguageTool server; records the requests."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[dict] = []
        self.check_status = 200
        self.languages_status = 200
        self.delay = 0.0
        self.languages_delay = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeLanguageTool

    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, body) -> None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json" if status == 200 else "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path.startswith("/v2/languages"):
            time.sleep(self.server.languages_delay)
            if self.server.languages_status != 200:
                return self._send(self.server.languages_status, "Error: internal error")
            return self._send(200, json.loads((DATA / "languages.json").read_text()))
        self._send(404, "not found")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        self.server.requests.append(form)
        time.sleep(self.server.delay)
        if self.server.check_status != 200:
            return self._send(self.server.check_status, "Error: internal error")
        for fx in FIXTURES.values():
            if form.get("text") == fx["text"]:
                return self._send(200, fx["response"])
        self._send(200, {"matches": []})


@pytest.fixture
def lt():
    server = FakeLanguageTool()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def quick(monkeypatch):
    monkeypatch.setattr(g, "START_TIMEOUT", 3.0)
    monkeypatch.setattr(g, "REQUEST_TIMEOUT", 1)


def connect(lt, **settings) -> tuple[g.Grammar, Settings]:
    return g.Grammar.open(g.GrammarRequest("on", lt.url)), Settings(**settings)


def lt_issues(result):
    return [(i.rule, i.category, i.severity, i.text, i.suggestion) for i in result.issues if i.rule.startswith("LT:")]


def test_matches_are_mapped_into_issues(lt):
    grammar, settings = connect(lt, allow=frozenset({"hajun"}))
    res = check_text(ARTICLE, settings, grammar=grammar)
    assert lt_issues(res) == [
        ("LT:NON3PRS_VERB", "grammar", "major", "have", "has"),
        ("LT:ENGLISH_WORD_REPEAT_RULE", "grammar", "minor", "the the", "the"),
    ]
    issue = next(i for i in res.issues if i.rule == "LT:NON3PRS_VERB")
    assert (issue.offset, issue.length, issue.line, issue.column) == (13, 4, 1, 14)
    assert issue.name == "non3prs-verb" and "does not agree" in issue.message
    assert len(lt.requests) == 1  # one request per article, not per sentence
    sent = lt.requests[0]
    assert sent["text"] == ARTICLE and sent["language"] == "en-US"
    assert {"UPPERCASE_SENTENCE_START", "WHITESPACE_RULE", "EN_QUOTES"} <= set(sent["disabledRules"].split(","))


def test_duplicates_of_our_findings_are_dropped(lt):
    grammar, settings = connect(lt)
    res = check_text(ARTICLE, settings, grammar=grammar)
    rules_at_to = {i.rule for i in res.issues if i.offset <= ARTICLE.index("October. to") + 9 < i.end}
    assert "TQ102" in rules_at_to  # ours stays ...
    assert not any(r.startswith("LT:") for r in rules_at_to)  # ... LanguageTool's overlapping ones go


def test_speller_trusts_gazetteer_and_allow_list(lt):
    grammar, settings = connect(lt)
    spelling = [i.text for i in check_text(ARTICLE, settings, grammar=grammar).issues if i.category == "spelling"]
    assert spelling == ["Hajun"]  # 'kyiv' is a known place: our casing rule's business, not a typo
    grammar, settings = connect(lt, allow=frozenset({"hajun"}))
    assert [i for i in check_text(ARTICLE, settings, grammar=grammar).issues if i.category == "spelling"] == []


def test_speller_trusts_names_the_article_uses_twice(lt):
    text = ARTICLE + "\nHajun said the convoy left at dawn.\n"
    fx = json.loads(json.dumps(FIXTURES["article"]))
    fx["text"] = text
    FIXTURES["twice"] = fx
    try:
        grammar, settings = connect(lt)
        assert [i for i in check_text(text, settings, grammar=grammar).issues if i.category == "spelling"] == []
    finally:
        del FIXTURES["twice"]


def test_offsets_after_emoji_are_code_points(lt):
    grammar, settings = connect(lt)
    res = check_text(EMOJI, settings, grammar=grammar)
    found = {i.rule: (i.offset, i.length, i.text) for i in res.issues if i.rule.startswith("LT:")}
    assert found["LT:ENGLISH_WORD_REPEAT_RULE"] == (EMOJI.index("the the"), 7, "the the")
    assert found["LT:PERS_PRONOUN_AGREEMENT"] == (EMOJI.index("was"), 3, "was")
    assert found["LT:MORFOLOGIK_RULE_EN_US"] == (EMOJI.index("flags"), 5, "flags")


def test_select_and_ignore_work_on_languagetool_codes(lt):
    grammar, _ = connect(lt)
    only_spelling = check_text(ARTICLE, Settings(select=("spelling",)), grammar=grammar)
    assert [i.rule for i in only_spelling.issues] == ["LT:MORFOLOGIK_RULE_EN_US"]
    no_lt = check_text(ARTICLE, Settings(ignore=("LT",)), grammar=grammar)
    assert not any(i.rule.startswith("LT:") for i in no_lt.issues)
    one_off = check_text(ARTICLE, Settings(ignore=("LT:NON3PRS_VERB",)), grammar=grammar)
    assert "LT:NON3PRS_VERB" not in {i.rule for i in one_off.issues}
    assert "LT:ENGLISH_WORD_REPEAT_RULE" in {i.rule for i in one_off.issues}


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text", "rich"])
def test_cli_shows_grammar_findings(tq, tmp_path, lt, fmt):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    r = tq("check", str(p), "--languagetool-url", lt.url, "--format", fmt, "--no-fail")
    assert r.exit_code == 0, r.stderr
    assert "LT:NON3PRS_VERB" in r.stdout and "LT:ENGLISH_WORD_REPEAT_RULE" in r.stdout
    assert r.stderr == ""


def test_cli_shows_grammar_findings_in_every_registered_format(tq, tmp_path, lt):
    from tqcheck.report import FORMATS

    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    for fmt in FORMATS:
        r = tq("check", str(p), "--languagetool-url", lt.url, "--format", fmt, "--no-fail")
        assert "NON3PRS_VERB" in r.stdout, fmt


def test_batch_sends_one_request_per_article(tq, tmp_path, lt):
    for n in range(5):
        (tmp_path / f"a{n}.txt").write_text(ARTICLE.replace("Minsk", f"Minsk {n}"), encoding="utf-8")
    r = tq("check", str(tmp_path), "--languagetool-url", lt.url, "--format", "json", "--no-fail")
    assert r.exit_code == 0 and len(lt.requests) == 5
    assert [x["path"] for x in r.json()["results"]] == [str(tmp_path / f"a{n}.txt") for n in range(5)]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_with_jobs_keeps_order_and_findings(tq, tmp_path, lt, jobs):
    for n in range(6):
        (tmp_path / f"a{n}.txt").write_text(ARTICLE if n % 2 else EMOJI, encoding="utf-8")
    r = tq("check", str(tmp_path), "--languagetool-url", lt.url, "--format", "json", "--no-fail", "--jobs", jobs)
    results = r.json()["results"]
    assert [x["path"] for x in results] == [str(tmp_path / f"a{n}.txt") for n in range(6)]
    for n, res in enumerate(results):
        rules = {i["rule"] for i in res["issues"]}
        assert ("LT:NON3PRS_VERB" if n % 2 else "LT:PERS_PRONOUN_AGREEMENT") in rules
    assert len(lt.requests) == 6


def test_config_url_is_used(tq, tmp_path, lt, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tqcheck.toml").write_text(f'languagetool = "{lt.url}"\n')
    (tmp_path / "a.txt").write_text(ARTICLE)
    r = tq("check", "a.txt", "--format", "json", "--no-fail", "--grammar")
    assert any(i["rule"] == "LT:NON3PRS_VERB" for i in r.json()["results"][0]["issues"])


# -- failures: explicit requests exit 2 with one line; auto mode says once and goes on ---------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_unreachable_is_exit_2(tq, article, quick):
    url = f"http://127.0.0.1:{free_port()}"
    r = tq("check", str(article), "--languagetool-url", url)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith(f"tqcheck: error: LanguageTool: the LanguageTool server at {url} cannot be used: ")
    assert r.stderr.count("\n") == 1


def test_server_error_at_start_is_exit_2(tq, article, lt, quick):
    lt.languages_status = 500
    r = tq("check", str(article), "--languagetool-url", lt.url)
    assert r.exit_code == 2 and "cannot be used" in r.stderr and r.stderr.count("\n") == 1


def test_server_error_on_an_article_keeps_our_findings(tq, tmp_path, lt, quick):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE)
    lt.check_status = 500
    r = tq("check", str(p), "--languagetool-url", lt.url, "--format", "json", "--no-fail")
    res = r.json()["results"][0]
    assert res["error"] is None and any(i["rule"] == "TQ102" for i in res["issues"])
    assert not any(i["rule"].startswith("LT:") for i in res["issues"])
    assert r.stderr.startswith(f"tqcheck: warning: {p}: no grammar findings for this article: ")
    assert r.exit_code == 0


def test_slow_server_times_out(tq, tmp_path, lt, quick):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE)
    lt.delay = 2.5  # longer than the 1 s request timeout (language-tool-python tries twice)
    t0 = time.monotonic()
    r = tq("check", str(p), "--languagetool-url", lt.url, "--format", "json", "--no-fail")
    assert time.monotonic() - t0 < 8
    assert "no grammar findings for this article" in r.stderr and "timed out" in r.stderr.lower()
    assert r.json()["results"][0]["error"] is None


def test_slow_start_is_bounded(tq, article, lt, quick):
    lt.languages_delay = 5
    t0 = time.monotonic()
    r = tq("check", str(article), "--languagetool-url", lt.url)
    assert time.monotonic() - t0 < 4.5
    assert r.exit_code == 2 and "did not answer within 3 s" in r.stderr


def test_java_missing(tq, article, monkeypatch):
    monkeypatch.setattr(g.shutil, "which", lambda name: None)
    auto = tq("check", str(article), "--select", "TQ102", "--no-fail", default_grammar=True)
    assert auto.exit_code == 0 and "TQ102" in auto.stdout
    assert auto.stderr == "tqcheck: note: grammar checks are off: Java is not installed, " \
        "and a local LanguageTool needs it (or use --languagetool-url)\n"
    explicit = tq("check", str(article), "--grammar")
    assert explicit.exit_code == 2
    assert explicit.stderr.startswith("tqcheck: error: LanguageTool: Java is not installed")


def test_download_impossible(tq, article, monkeypatch, tmp_path):
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt-cache"))  # no LanguageTool installed here
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setattr(g.shutil, "which", lambda name: "/usr/bin/java")
    import requests

    import language_tool_python.download_lt as dl

    def offline(*args, **kwargs):
        raise requests.ConnectionError("network is unreachable")

    monkeypatch.setattr(dl.requests, "get", offline)
    auto = tq("check", str(article), "--select", "TQ102", "--no-fail", default_grammar=True)
    assert auto.exit_code == 0
    assert auto.stderr.startswith("tqcheck: note: grammar checks are off: no local LanguageTool is installed")
    assert auto.stderr.count("\n") == 1
    explicit = tq("check", str(article), "--grammar")
    assert explicit.exit_code == 2
    assert explicit.stderr.startswith("tqcheck: error: LanguageTool: a local LanguageTool cannot be used: ")
    assert explicit.stderr.count("\n") == 1


def test_request_resolution():
    s = Settings()
    assert g.GrammarRequest.resolve(s) == g.GrammarRequest("auto")
    assert g.GrammarRequest.resolve(s, grammar=False) == g.GrammarRequest("off")
    assert g.GrammarRequest.resolve(s, grammar=True) == g.GrammarRequest("on")
    assert g.GrammarRequest.resolve(s, url="http://lt:8081") == g.GrammarRequest("on", "http://lt:8081")
    url = Settings(languagetool="http://lt:8081")
    assert g.GrammarRequest.resolve(url) == g.GrammarRequest("on", "http://lt:8081")
    assert g.GrammarRequest.resolve(url, grammar=False) == g.GrammarRequest("off")
    assert g.GrammarRequest.resolve(Settings(languagetool="off")) == g.GrammarRequest("off")
