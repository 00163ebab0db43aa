"""`tqcheck fix`: the edits rules offer, shown as a diff or written atomically."""
from __future__ import annotations

from tests.conftest import ARTICLE


def test_diff_shows_the_fix_and_leaves_the_file(tq, article):
    r = tq("fix", str(article), "--select", "TQ401")
    assert r.exit_code == 1
    assert f"--- {article}" in r.stdout and "-Subscribe to continue reading" in r.stdout
    assert article.read_text() == ARTICLE


def test_write_applies_the_fix_atomically(tq, article, tmp_path):
    article.chmod(0o640)
    r = tq("fix", str(article), "--select", "TQ401", "--write")
    assert r.exit_code == 0
    assert article.read_text() == ARTICLE.split("Subscribe")[0]
    assert oct(article.stat().st_mode & 0o777) == "0o640"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left behind
    assert tq("fix", str(article), "--select", "TQ401").exit_code == 0  # nothing more to fix


def test_fix_refuses_feeds_and_missing_files(tq, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "1", "text": "Subscribe to continue reading"}\n')
    r = tq("fix", str(feed), str(tmp_path / "missing.txt"), "--write")
    assert r.exit_code == 2
    assert "fix works on .txt and .md files only" in r.stderr and "no such file or directory" in r.stderr
    assert feed.read_text() == '{"id": "1", "text": "Subscribe to continue reading"}\n'


def test_overlapping_edits_keep_the_first():
    from tqcheck.fix import apply, plan
    from tqcheck.model import Edit, Issue

    a = Issue("TQ1", "a", "casing", "minor", "m", 0, 5, "x", fix=(Edit(0, 5, "A"),))
    b = Issue("TQ2", "b", "casing", "minor", "m", 3, 4, "x", fix=(Edit(3, 4, "B"),))
    c = Issue("TQ3", "c", "casing", "minor", "m", 8, 2, "x", fix=(Edit(8, 2, ""),))
    assert apply("0123456789", plan([b, c, a])) == "A567"


def test_wording_fixes_need_unsafe_fixes(tq, tmp_path):
    p = tmp_path / "calque.txt"
    text = "The minister resigned on Friday.\n\nThe Executive has assured that the budget will pass next month.\n"
    p.write_text(text)
    safe = tq("fix", str(p), "--select", "TQ9")
    assert safe.exit_code == 0 and safe.stdout == ""  # calque fixes change wording: not applied by default
    unsafe = tq("fix", str(p), "--select", "TQ9", "--unsafe-fixes")
    assert unsafe.exit_code == 1 and "+The government has said that the budget" in unsafe.stdout
    assert p.read_text() == text
