"""The document model: offsets are code points into the text as read, structure survives MT artifacts."""
from __future__ import annotations

import pytest

from tqcheck.document import Document


def sents(text: str) -> list[str]:
    d = Document(text)
    return [d.slice(s) for s in d.sentences]


def paras(text: str) -> list[str]:
    d = Document(text)
    return [d.slice(p) for p in d.paragraphs]


@pytest.mark.parametrize(
    "text",
    [
        "U.S. officials met on Monday.",
        "Mr. Smith and Dr. Jones spoke to Gen. Petraeus.",
        "The vote is on Jan. 5 and the count on Sept. 12.",
        "Output rose to 3.5 million barrels.",
        "The meeting ended at 5 p.m. Monday after talks.",
        "He compared apples vs. oranges, e.g. the red ones.",
        "It was written by J. K. Rowling herself.",
        "Room No. 10 was full.",
        "The U.N. Security Council met.",
    ],
)
def test_abbreviations_do_not_end_sentences(text):
    assert sents(text) == [text]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("He left. She stayed.", ["He left.", "She stayed."]),
        ('"We will win," he said. "Never," she replied!', ['"We will win," he said.', '"Never," she replied!']),
        ("Was it true? Nobody knew.", ["Was it true?", "Nobody knew."]),
        ("It ended at 5 p.m. The next day was calm.", ["It ended at 5 p.m.", "The next day was calm."]),
        ("They waited... Then it rained.", ["They waited...", "Then it rained."]),
        ("Prices rose 4%. In 2022 they fell.", ["Prices rose 4%.", "In 2022 they fell."]),
    ],
)
def test_sentence_ends(text, expected):
    assert sents(text) == expected


def test_lowercase_after_period_stays_in_the_sentence_for_the_rules_to_see():
    assert sents("created in October. to function as one army.") == ["created in October. to function as one army."]


def test_paragraph_ending_with_comma_ends_its_sentence():
    text = 'of his "older brother", Putin,\n\nas well as the need to act.'
    assert sents(text) == ['of his "older brother", Putin,', "as well as the need to act."]
    assert [s.paragraph for s in Document(text).sentences] == [0, 1]


def test_each_line_is_a_paragraph_in_scraped_text():
    text = "Headline here\nThe first paragraph is long enough to be prose and ends here.\n\n\nFooter line\n"
    assert paras(text) == ["Headline here", "The first paragraph is long enough to be prose and ends here.", "Footer line"]


def test_hard_wrapped_prose_keeps_blank_line_paragraphs():
    text = (
        "The minister said on Monday that the\n"
        "talks would go on for as long as it\n"
        "takes to reach a deal with the unions\n"
        "and the employers.\n\n"
        "A second paragraph starts here and\n"
        "continues on the next line.\n"
    )
    assert len(Document(text).paragraphs) == 2


def test_offsets_are_code_points_and_positions_are_one_based():
    text = "Ünïcödé 🙂 line\r\nSecond line with kyiv"
    d = Document(text)
    off = text.index("kyiv")
    assert d.slice((off, off + 4)) == "kyiv"
    assert d.position(off) == (2, 18)
    assert d.position(0) == (1, 1)
    assert [d.slice(ln) for ln in d.lines] == ["Ünïcödé 🙂 line", "Second line with kyiv"]


def test_tokens_keep_numbers_and_inner_apostrophes():
    d = Document("Russia's 9.000 troops don't—stop")
    assert [(d.slice(t), t.kind) for t in d.tokens] == [
        ("Russia's", "word"), ("9.000", "number"), ("troops", "word"), ("don't", "word"), ("—", "punct"), ("stop", "word"),
    ]


def test_lookups_by_offset():
    text = "First one. Second one.\n\nThird."
    d = Document(text)
    assert d.sentence_index(text.index("Second")) == 1
    assert d.paragraph_index(text.index("Third")) == 1
    assert d.paragraph_index(text.index("\n")) is None


def test_urls_emails_and_handles_are_not_prose():
    text = "See https://example.com/kyiv or mail news@kyiv.example and ask @kyivpost today"
    d = Document(text)
    assert d.in_non_prose(text.index("kyiv"))
    assert d.in_non_prose(text.index("news@"))
    assert d.in_non_prose(text.index("@kyivpost"))
    assert not d.in_non_prose(text.index("today"))


def test_urls_of_any_scheme_are_not_prose():
    text = "Get ftp://files.example/kyiv.zip, (s3://bucket/monday) or mailto:desk@paper.example; see https://x.org."
    d = Document(text)
    assert [d.slice(s) for s in d.non_prose] == [
        "ftp://files.example/kyiv.zip,", "s3://bucket/monday)", "desk@paper.example", "https://x.org."]
    assert not d.in_non_prose(text.index("Get"))
    assert not d.in_non_prose(text.index("("))


def test_a_colon_and_slashes_without_a_scheme_or_an_address_are_prose():
    text = "The ratio was 3://4, and http:// alone is nothing."
    assert Document(text).non_prose == []


def test_segmentation_is_linear_on_pathological_input():
    # Long runs of periods, abbreviations and spaces: must finish quickly (no back-tracking blow-up).
    text = ("a. " * 20000) + ("U.S. " * 20000) + ("." * 50000) + (" " * 50000) + ("@" * 50000) + ("a@#" * 20000)
    text += ("://" * 20000) + (" a://" * 20000) + ("www." * 20000) + "end"
    d = Document(text)
    assert d.sentences and d.tokens and d.non_prose


def test_non_prose_spans_merge_and_skip_plain_at_signs():
    text = "Write to desk@paper.example (or @desk) at 5 @ 6 pm; see www.paper.example/desk@paper.example"
    d = Document(text)
    assert [d.slice(s) for s in d.non_prose] == ["desk@paper.example", "@desk", "www.paper.example/desk@paper.example"]


def test_quotes_straight_curly_guillemets_and_low_high():
    text = "He said \"yes\" and \u201cno\u201d, \u00abmaybe\u00bb and \u201esoon\u201c; a 15\" screen."
    d = Document(text)
    assert [d.slice(q) for q in d.quotes] == ["\"yes\"", "\u201cno\u201d", "\u00abmaybe\u00bb", "\u201esoon\u201c",
                                             "\" screen."]
    assert d.in_quote(text.index("yes")) and d.in_quote(text.index("maybe"))
    assert not d.in_quote(text.index("He")) and not d.in_quote(text.index("and"))


def test_a_quote_left_open_closes_at_the_paragraph_end():
    # English continues a quotation over paragraphs: each paragraph opens it again, only the last closes it.
    text = "\u201cThe first part runs on,\n\n\u201cand the second ends here,\u201d he said. Then he left."
    d = Document(text)
    assert [d.slice(q) for q in d.quotes] == ["\u201cThe first part runs on,", "\u201cand the second ends here,\u201d"]
    assert not d.in_quote(text.index("\n")) and not d.in_quote(text.index("Then"))


def test_quote_marks_pair_within_a_paragraph_only():
    # A closing mark that starts a paragraph's quoting closes a quotation the paragraph continues.
    text = "He said \u201cwe will\n\nsee,\u201d and left. She said \u201cno\u201d."
    d = Document(text)
    assert [d.slice(q) for q in d.quotes] == ["\u201cwe will", "see,\u201d", "\u201cno\u201d"]


def test_a_straight_quote_closes_a_quotation_mt_split_over_paragraphs():
    # MT splits a paragraph mid-quote and does not re-open it: the next paragraph's lone closing mark closes it
    text = 'He said: "We came to build,\n\nand we will go on," he said. Then "x" came.'
    d = Document(text)
    assert [d.slice(q) for q in d.quotes] == ['"We came to build,', 'and we will go on,"', '"x"']
    assert not d.in_quote(text.index("he said")) and not d.in_quote(text.index("Then"))
    dash = '"The city wants more,\n\nwhile the buses are late" \u2013 he said. According to Judit the faction left.'
    d = Document(dash)
    assert not d.in_quote(dash.index("he said")) and not d.in_quote(dash.index("faction"))


def test_a_straight_quote_opens_when_nothing_was_left_open_or_it_is_opener_shaped():
    # nothing left open; re-opened in the English way; an opener-shaped or even-numbered mark; a gap paragraph
    for text, quoted in (
        ('He left.\n\nand then," he said "yes', ['" he said "']),
        ('"We came,\n\n"and we stay," he said.', ['"We came,', '"and we stay,"']),
        ('"We came,\n\nthe "word" is here.', ['"We came,', '"word"']),
        ('"We came,\n\nthen,"x" and "y".', ['"We came,', '"x"', '"y"']),
        ('"We came,\n\nNo marks here.\n\nand stay," he said.', ['"We came,', '" he said.']),
    ):
        assert [Document(text).slice(q) for q in Document(text).quotes] == quoted, text


def test_mixed_marks_pair_as_writers_mix_them():
    # a straight quote closed by a curly one, low-high quotes closed by a straight one
    text = 'He said "yes\u201d and \u201ealso"; then \u201cno" and \u201cmaybe\u201d.'
    d = Document(text)
    assert [d.slice(q) for q in d.quotes] == ['"yes\u201d', '\u201ealso"', '\u201cno"', "\u201cmaybe\u201d"]


def test_quotes_are_computed_once():
    d = Document('"a" and "b"')
    assert d.quotes is d.quotes and d.quote_starts == [0, 8]


def test_tokens_equal_the_token_pattern_matches_with_offsets_kinds_and_windows():
    from tqcheck.segment import _TOKEN, Token, tokens

    text = "On 3rd May, al-Assad's aide_2 said: «1,000.5 km²» — don't ١٢٣ x̃ ß-straße!\n\nÉlan 4:30."

    def reference(start=0, end=None):
        end = len(text) if end is None else end
        return [Token(m.start(), m.end(), m.lastgroup) for m in _TOKEN.finditer(text, start, end)]

    assert tokens(text) == reference()
    assert [text[t.start : t.end] for t in tokens(text)][:6] == ["On", "3", "rd", "May", ",", "al-Assad's"]
    assert {t.kind for t in tokens(text)} == {"word", "number", "punct"}
    for start, end in ((0, 0), (5, 40), (12, len(text)), (len(text), len(text))):
        assert tokens(text, start, end) == reference(start, end)
    assert tokens("") == [] and all(type(t) is Token for t in tokens(text))


def test_word_trie_matches_exactly_the_words():
    import re

    from tqcheck.segment import word_trie

    words = ["open", "opened", "opens", "operate", "said", "say", "s"]
    rx = re.compile(rf"(?:{word_trie(words)})")
    assert all(rx.fullmatch(w) for w in words)
    assert not any(rx.fullmatch(w) for w in ["ope", "opene", "sai", "says", "", "openeds"])
    assert word_trie(["open", "opened", "opens"]) == "open(?:(?:ed|s))?"
