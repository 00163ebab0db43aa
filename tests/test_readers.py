"""Readers: every input kind to articles with offsets into the text they check; bad input as one-line errors."""
from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from tqcheck.cli import main
from tqcheck.readers import Article, InputProblem, format_of, iter_articles, sniff
from tqcheck.readers.html import extract_page, fragment_text, parse_directive

DATA = Path(__file__).parent / "data" / "readers"
PAGES = sorted(p.stem for p in DATA.glob("page-*.html"))
CORE = "--select=TQ102,TQ401"

STORY = "The council met on Monday. It agreed the budget for the harbour, the mayor said."


def items(*paths, **kw):
    return list(iter_articles([str(p) for p in paths], **kw))


def cli(*args, input=None):
    r = CliRunner().invoke(main, [*args, "--no-grammar"] if args and args[0] == "check" else list(args),
                           input=input, catch_exceptions=False)
    return r


# -- choosing the reader ----------------------------------------------------------------------------

@pytest.mark.parametrize("name,fmt", [
    ("a.txt", "text"), ("a.md", "markdown"), ("a.html", "html"), ("a.HTM", "html"), ("a.jsonl", "jsonl"),
    ("a.json", "jsonl"), ("a.ndjson", "jsonl"), ("a.xml", "feed"), ("a.rss", "feed"), ("a.atom", "feed"),
])
def test_format_by_extension(name, fmt):
    assert format_of(name) == fmt


@pytest.mark.parametrize("head,fmt", [
    (b'{"id": 1}', "jsonl"), (b"\xef\xbb\xbf[{}]", "jsonl"), (b'<?xml version="1.0"?><rss>', "feed"),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"), (b"<!DOCTYPE html><html>", "html"),
    (b"\n  <html><body>", "html"), (b"The council met.", "text"), (b"", "text"),
])
def test_sniffed_when_no_extension_tells(head, fmt):
    assert sniff(head) == fmt


def test_extensionless_file_is_sniffed(tmp_path):
    p = tmp_path / "feed"
    p.write_text(json.dumps({"id": "x", "text": STORY}) + "\n")
    [a] = items(p)
    assert a.id == "x" and a.text == STORY


def test_input_format_overrides_the_extension(tmp_path):
    p = tmp_path / "dump.txt"
    p.write_text(json.dumps({"id": "x", "text": STORY}) + "\n")
    assert items(p)[0].text.startswith("{")
    assert items(p, input_format="jsonl")[0].text == STORY


def test_unknown_input_format_is_refused_by_the_cli(tmp_path):
    r = cli("check", str(tmp_path), "--input-format", "pdf")
    assert r.exit_code == 2 and "pdf" in r.output


# -- JSON Lines --------------------------------------------------------------------------------------

def test_jsonl_fields_ids_title_and_meta(tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"id": 7, "title": "Budget agreed", "text": STORY, "lang": "en", "tqcheck_ignore": ["TQ101"]},
        {"url": "https://example.org/2", "body": STORY},
        {"guid": "g-3", "content": STORY, "title": "  "},
        {"content": STORY},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    a, b, c, d = items(feed)
    assert (a.id, a.text) == ("7", "Budget agreed\n\n" + STORY)
    assert a.meta["tqcheck_ignore"] == ["TQ101"] and a.meta["lang"] == "en" and "text" not in a.meta
    assert (b.id, b.text) == ("https://example.org/2", STORY)
    assert (c.id, c.text) == ("g-3", STORY)  # a blank title is no title
    assert d.id == "line 4"


def test_text_field_option(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "article_body": STORY, "text": "not this"}) + "\n"
                    + json.dumps({"id": "b", "fulltext": STORY}) + "\n")
    a, b = items(feed, text_field="article_body,fulltext")
    assert a.text == STORY and b.text == STORY and a.meta["text"] == "not this"
    [p, q] = items(feed, text_field="summary")
    assert isinstance(p, InputProblem) and p.message == "line 1: no text field (looked for summary)"


def test_malformed_lines_are_errors_for_that_item_only(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(
        json.dumps({"id": "a", "text": STORY}).encode() + b"\n"
        + b'{"id": "b", "text": "unterminated\n'
        + b"[1, 2]\n"
        + b'{"id": "d", "text": "caf\xe9 \xff\xfe\x00 bad bytes"}\n'
        + b'{"id": "e", "text": ""}\n'
        + b"[" * 100_000 + b"\n"
        + json.dumps({"id": "g", "text": STORY}).encode() + b"\n"
    )
    got = items(feed)
    assert [(i.id, getattr(i, "message", None)) for i in got] == [
        ("a", None),
        ("line 2", "invalid JSON (Invalid control character at column 34)"),
        ("line 3", "expected a JSON object, got list"),
        ("line 4", "binary file, not text"),
        ("e", "line 5: empty article"),
        ("line 6", "invalid JSON (nested too deeply)"),
        ("g", None),
    ]


def test_a_line_over_the_limit_is_skipped_not_kept(tmp_path):
    feed = tmp_path / "feed.jsonl"
    big = json.dumps({"id": "big", "text": "word " * 50_000})
    feed.write_text(json.dumps({"id": "a", "text": STORY}) + "\n" + big + "\n" + json.dumps({"id": "c", "text": STORY}) + "\n")
    a, b, c = items(feed, max_bytes=10_000)
    assert a.id == "a" and c.id == "c"
    assert isinstance(b, InputProblem) and b.message == "article over the 0 MB limit"


def test_json_array_and_pretty_printed_object(tmp_path):
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([{"id": "a", "text": STORY}, "oops", {"id": "c", "body": STORY}], indent=2))
    a, b, c = items(arr)
    assert a.id == "a" and b.message == "expected a JSON object, got str" and c.text == STORY
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "solo", "text": STORY}, indent=2))
    assert [i.id for i in items(one)] == ["solo"]
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": 1,')
    [p] = items(bad)
    assert p.message.startswith("invalid JSON (") and p.id is None


@pytest.mark.parametrize("data,message", [
    (b"", "empty feed"), (b"\n\n  \n", "empty feed"), (b"[]", "empty feed (an empty JSON array)"),
])
def test_empty_feeds(tmp_path, data, message):
    p = tmp_path / "f.jsonl"
    p.write_bytes(data)
    assert [(type(i).__name__, i.message) for i in items(p)] == [("InputProblem", message)]


def test_utf16_and_bom_jsonl(tmp_path):
    text = json.dumps({"id": "é", "text": "Café society met in Zürich."}, ensure_ascii=False) + "\n"
    for i, data in enumerate([text.encode("utf-16"), b"\xef\xbb\xbf" + text.encode()]):
        p = tmp_path / f"f{i}.jsonl"
        p.write_bytes(data * 2)
        got = items(p)
        assert [(a.id, a.text) for a in got] == [("é", "Café society met in Zürich.")] * 2


def test_jsonl_from_stdin_streams(tmp_path):
    lines = "".join(json.dumps({"id": f"s{i}", "text": STORY}) + "\n" for i in range(3))
    r = cli("check", "-", "--input-format", "jsonl", CORE, "--format", "jsonl", input=lines)
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x.get("id") for x in rows[:-1]] == ["s0", "s1", "s2"] and r.exit_code == 0


def test_stdin_is_sniffed():
    feed = json.dumps({"id": "s0", "text": STORY}) + "\n"
    r = cli("check", "-", CORE, "--format", "json", input=feed)
    assert r.exit_code == 0 and json.loads(r.stdout)["results"][0]["id"] == "s0"


# -- RSS and Atom ------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour news</title><link>https://example.org/</link>
<item><title>Ferry returns</title><link>https://example.org/1</link><guid>urn:ferry</guid>
<pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate><dc:creator>T. Rowe</dc:creator><category>Transport</category>
<description>Short &lt;b&gt;summary&lt;/b&gt;.</description>
<content:encoded><![CDATA[<p>The ferry returned on <b>Tuesday</b>.</p><script>x()</script>
<!-- tqcheck: disable=TQ101 --><p>Fares stay at &pound;1.50, the trust said.</p>]]></content:encoded></item>
<item><title>Only a description</title><link>https://example.org/2</link>
<description>Tolls &amp; fares rise &lt;a href="/x"&gt;next week&lt;/a&gt;.</description></item>
<item><title>Nothing here</title><guid>urn:empty</guid></item>
<item><description><![CDATA[<p>   </p>]]></description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Daily</title><id>urn:feed</id>
<entry><title type="html">Frost &lt;i&gt;hits&lt;/i&gt; orchards</title><id>urn:frost</id>
<link rel="alternate" href="https://example.org/frost"/><published>2024-05-09T10:00:00Z</published>
<author><name>H. Okafor</name></author>
<content type="html">&lt;p&gt;Growers lost half the blossom.&lt;/p&gt;&lt;p&gt;Prices may rise.&lt;/p&gt;</content></entry>
<entry><title>Library hours</title><id>urn:library</id>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The library opens <em>later</em>.</p>
<p>Students asked for it.</p></div></content></entry>
<entry><title>Plain</title><id>urn:plain</id><summary>A &lt;plain&gt; summary,
wrapped over two lines.

And a second paragraph.</summary></entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://example.org/"><title>Old feed</title></channel>
<item rdf:about="https://example.org/old/1"><title>Old story</title><description>It still works.</description></item>
</rdf:RDF>
"""


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return p


def test_rss_items(tmp_path):
    a, b, c, d = items(write(tmp_path, "news.rss", RSS))
    assert a.id == "urn:ferry"
    assert a.text == "Ferry returns\n\nThe ferry returned on Tuesday.\n\nFares stay at £1.50, the trust said."
    assert a.meta["link"] == "https://example.org/1" and a.meta["author"] == "T. Rowe"
    assert a.meta["categories"] == ["Transport"] and a.meta["published"].startswith("Tue")
    [(offset, kind, codes)] = a.meta["directives"]
    assert (kind, codes) == ("disable", ["TQ101"]) and a.text[offset:].startswith("Fares stay")
    assert (b.id, b.text) == ("https://example.org/2", "Only a description\n\nTolls & fares rise next week.")
    assert isinstance(c, InputProblem) and (c.id, c.message) == ("urn:empty", "item 3: no content or description")
    assert isinstance(d, InputProblem) and d.message == "empty article"


def test_atom_entries(tmp_path):
    a, b, c = items(write(tmp_path, "feed.atom", ATOM))
    assert (a.id, a.text) == ("urn:frost", "Frost hits orchards\n\nGrowers lost half the blossom.\n\nPrices may rise.")
    assert a.meta["author"] == "H. Okafor" and a.meta["link"] == "https://example.org/frost"
    assert b.text == "Library hours\n\nThe library opens later.\n\nStudents asked for it."
    assert c.text == "Plain\n\nA <plain> summary, wrapped over two lines.\n\nAnd a second paragraph."


def test_rss1_rdf(tmp_path):
    [a] = items(write(tmp_path, "old.rdf", RDF))
    assert (a.id, a.text) == ("https://example.org/old/1", "Old story\n\nIt still works.")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss><channel><item><title>x</title><description>&lol3;</description></item></channel></rss>
"""


def test_entity_expansion_is_refused(tmp_path):
    [p] = items(write(tmp_path, "bomb.xml", BILLION_LAUGHS))
    assert isinstance(p, InputProblem) and p.message.startswith("feed refused: it declares XML entities")


def test_external_entities_are_never_read(tmp_path):
    secret = write(tmp_path, "secret.txt", "TOP SECRET")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
           "<rss><channel><item><title>t</title><description>&xxe;</description></item></channel></rss>")
    got = items(write(tmp_path, "xxe.rss", xxe))
    assert len(got) == 1 and isinstance(got[0], InputProblem) and "TOP SECRET" not in repr(got)


def test_malformed_feed_is_one_error_after_the_good_items(tmp_path):
    broken = RSS.replace("<item><title>Nothing here", "<item><title>Nothing here</oops>", 1)
    got = items(write(tmp_path, "broken.rss", broken), write(tmp_path, "next.txt", STORY))
    kinds = [type(i).__name__ for i in got]
    assert kinds == ["Article", "Article", "InputProblem", "Article"]
    assert got[2].id is None and got[2].message.startswith("malformed feed (mismatched tag at line ")
    assert got[2].message.endswith("after item 2")


@pytest.mark.parametrize("data,message", [
    (b"", "empty feed"),
    (b"   \n", "empty feed"),
    (b"\x00\x01\x02binary\x00" * 20, "binary file, not text"),
    (b"<html><body>not a feed</body></html>", "not an RSS or Atom feed (the document is <html>)"),
    (b"<rss><channel><title>t</title></channel></rss>", "feed has no items (looked for RSS <item> and Atom <entry>)"),
    (b"just some words", "malformed feed (syntax error at line 1, column 1)"),
])
def test_bad_feeds(tmp_path, data, message):
    got = items(write(tmp_path, "bad.xml", data))
    assert [(type(i).__name__, i.message) for i in got] == [("InputProblem", message)]


def test_feed_item_over_the_limit(tmp_path):
    big = RSS.replace("Only a description", "Big " + "word " * 5000, 1)
    got = items(write(tmp_path, "big.rss", big), max_bytes=10_000)
    assert isinstance(got[1], InputProblem) and got[1].message == "item 2: article over the 0 MB limit"
    assert isinstance(got[0], Article)


def test_long_feed_streams_in_flat_memory(tmp_path):
    """Items are dropped once read: 20,000 items need no more memory than a handful."""
    p = tmp_path / "long.rss"
    with open(p, "w", encoding="utf-8") as f:
        f.write("<rss><channel><title>t</title>")
        for i in range(20_000):
            f.write(f"<item><guid>g{i}</guid><title>Story {i}</title><description>{STORY}</description></item>")
        f.write("</channel></rss>")
    tracemalloc.start()
    n = 0
    for it in iter_articles([str(p)]):
        n += isinstance(it, Article)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == 20_000
    assert peak < 6 * 1024 * 1024  # the whole feed as elements would be well over 30 MB


def test_feed_from_the_cli(tmp_path):
    r = cli("check", str(write(tmp_path, "news.rss", RSS)), CORE, "--format", "json")
    res = json.loads(r.stdout)["results"]
    assert [x["id"] for x in res] == ["urn:ferry", "https://example.org/2", "urn:empty", "item 4"]
    assert r.exit_code == 2  # two items could not be read
    assert r.stderr.count("\n") == 2 and "Traceback" not in r.stderr


# -- HTML pages -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", PAGES)
def test_page_main_text(name):
    text, _ = extract_page((DATA / f"{name}.html").read_text(encoding="utf-8"))
    assert text == (DATA / f"{name}.txt").read_text(encoding="utf-8").strip()


def test_directives_point_into_the_extracted_text():
    [a] = items(DATA / "page-directives.html")
    d = a.meta["directives"]
    assert [(k, c) for _, k, c in d] == [("disable", ["TQ101"]), ("enable", ["TQ101"]),
                                          ("disable", ["TQ301", "TQ302"]), ("enable", ["TQ301", "TQ302"])]
    starts = [a.text[o:o + 15] for o, _, _ in d]
    assert starts[0] == "The stevedores'" and starts[1] == '"We are not aga'
    assert starts[2] == "oranges already" and a.text[d[3][0]:].startswith(" could spoil")


def test_directives_outside_the_article_apply_from_the_start_or_at_the_end():
    html = ("<html><body><!-- tqcheck: disable --><nav><a href='/'>Home</a></nav>"
            "<article><h1>Title here</h1><p>First paragraph of the story, long enough to count.</p></article>"
            "<footer>Footer <!-- tqcheck: enable=casing --></footer></body></html>")
    text, d = extract_page(html)
    assert text == "Title here\n\nFirst paragraph of the story, long enough to count."
    assert d == [(0, "disable", []), (len(text), "enable", ["casing"])]


def test_headline_from_the_title_when_the_page_has_no_h1():
    html = ("<html><head><title>Bridge reopens | Town Crier</title></head><body><div>"
            "<p>The bridge reopened on Friday after a month of repairs to its deck, the council said.</p>"
            "<!-- tqcheck: disable=TQ102 --><p>Buses return on Monday.</p></div></body></html>")
    text, d = extract_page(html)
    assert text == ("Bridge reopens\n\nThe bridge reopened on Friday after a month of repairs to its deck, "
                    "the council said.\n\nBuses return on Monday.")
    assert text[d[0][0]:].startswith("Buses")


@pytest.mark.parametrize("comment,expected", [
    ("tqcheck: disable=TQ101", ("disable", ["TQ101"])),
    (" TQCHECK : Enable = TQ101, casing  LT:EN_A ", ("enable", ["TQ101", "casing", "LT:EN_A"])),
    ("tqcheck: disable", ("disable", [])),
    ("tqcheck: ignore=TQ1", None),
    ("just a comment", None),
])
def test_parse_directive(comment, expected):
    assert parse_directive(comment) == expected


def test_fragment_text_inline_and_blocks():
    text, d = fragment_text("<p>One <b>bold</b> word, <a href='x'>a link</a>.</p>\n<ul><li>first</li><li>second</li></ul>"
                            "two<br>lines<style>p{}</style>")
    assert text == "One bold word, a link.\n\nfirst\n\nsecond\n\ntwo\n\nlines" and d == []


def test_deeply_nested_html_does_not_crash():
    # 100,000 levels: no recursion limit is hit, and the nesting past 512 is flattened before parsing
    # (an HTML5 parser is quadratic in the depth: this page alone would take many seconds)
    html = "<div>" * 100_000 + "<p>Deep inside the page there is a story about the harbour, at last.</p>" + "</div>" * 100_000
    text, _ = extract_page(html)
    assert "Deep inside the page" in text


def test_limit_depth_drops_tags_not_text():
    from tqcheck.readers.html import limit_depth

    assert limit_depth("<div><div><div>x</div><br/></div></div>", 2) == "<div><div>x<br/></div></div>"
    assert limit_depth("<ul><li>a<li>b<li>c</ul><p>d<p>e", 2) == "<ul><li>a<li>b<li>c</ul><p>d<p>e"


def test_html_in_a_legacy_encoding(tmp_path):
    p = tmp_path / "old.html"
    p.write_bytes('<html><head><meta charset="windows-1252"></head><body><p>Le café à Genève a rouvert ses portes '
                  "après les travaux, a déclaré le propriétaire.</p></body></html>".encode("cp1252"))
    [a] = items(p)
    assert a.text.startswith("Le café à Genève")


@pytest.mark.parametrize("data,message", [
    (b"", "empty article"),
    (b"\x00\x01binary\x00\x02" * 40, "binary file, not text"),
    (b"<html><head><title></title><script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>",
     "no article text found in the HTML page"),
])
def test_bad_html(tmp_path, data, message):
    got = items(write(tmp_path, "bad.html", data))
    assert [(type(i).__name__, i.message) for i in got] == [("InputProblem", message)]


def test_html_from_the_cli_reports_offsets_into_the_extracted_text(tmp_path):
    page = write(tmp_path, "p.html", "<html><body><nav>Home | News</nav><article><h1>Talks resume</h1>"
                 "<p>The talks resumed on Monday.</p><p>The force was created in October. to function as one.</p>"
                 "</article><footer>All rights reserved</footer></body></html>")
    r = cli("check", str(page), "--select=TQ102", "--format", "json")
    [res] = json.loads(r.stdout)["results"]
    [issue] = res["issues"]
    text = "Talks resume\n\nThe talks resumed on Monday.\n\nThe force was created in October. to function as one."
    assert text[issue["offset"]:issue["offset"] + issue["length"]] == issue["text"] == "to"
    assert (issue["line"], issue["column"]) == (5, 35)


# -- every kind of bad input: one line each, the batch goes on ---------------------------------------

def test_bad_inputs_of_every_kind_in_one_batch(tmp_path):
    good = write(tmp_path, "good.txt", STORY)
    bad = [
        write(tmp_path, "empty.jsonl", b""),
        write(tmp_path, "binary.html", b"\x00\xff" * 100),
        write(tmp_path, "broken.xml", b"<rss><channel><item>"),
        write(tmp_path, "empty.md", b"   "),
        tmp_path / "missing.rss",
    ]
    r = cli("check", *map(str, bad), str(good), CORE, "--format", "json")
    res = json.loads(r.stdout)["results"]
    assert [x["error"] is not None for x in res] == [True] * 5 + [False]
    assert r.exit_code == 2 and "Traceback" not in r.stdout + r.stderr
    assert all("\n" not in x["error"] for x in res[:5])
    assert len(r.stderr.strip().splitlines()) == 5


@pytest.mark.parametrize("fmt,seed_text", [
    ("feed", RSS), ("feed", ATOM), ("html", (DATA / "page-directives.html").read_text(encoding="utf-8")),
    ("jsonl", json.dumps({"id": "a", "title": "T", "text": STORY}) + "\n" + json.dumps({"id": "b", "text": STORY}) + "\n"),
])
def test_mangled_input_never_escapes_as_an_exception(tmp_path, fmt, seed_text):
    """Cut, spliced and byte-flipped versions of valid inputs: every outcome is an article or a one-line problem."""
    import random

    rng = random.Random(7)
    data = seed_text.encode("utf-8")
    for n in range(60):
        b = bytearray(data)
        op = n % 4
        if op == 0:
            b = b[: rng.randrange(len(b))]
        elif op == 1:
            for _ in range(8):
                b[rng.randrange(len(b))] = rng.randrange(256)
        elif op == 2:
            i, j = sorted(rng.randrange(len(b)) for _ in range(2))
            b = b[:i] + b[j:] + b[i:j]
        else:
            b = b[: rng.randrange(len(b))] + bytes(rng.randrange(256) for _ in range(40))
        p = tmp_path / f"m{n}.{ {'feed': 'xml', 'html': 'html', 'jsonl': 'jsonl'}[fmt] }"
        p.write_bytes(bytes(b))
        for it in iter_articles([str(p)]):
            assert isinstance(it, (Article, InputProblem))
            if isinstance(it, InputProblem):
                assert "\n" not in it.message and it.message
