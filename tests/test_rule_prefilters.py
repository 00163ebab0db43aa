"""Cheap pre-filters in front of rule scans: each is a necessary condition, so it never changes a finding."""
from __future__ import annotations

import re

import pytest

from tqcheck.config import Settings
from tqcheck.document import Document
from tqcheck.rules import Context, locale, style, untranslated, word_order


@pytest.mark.parametrize(
    ("pattern", "run"),
    [
        (r"(?:^|(?<=[.!?] ))(?P<x>And (?:he|she) (?:added|said))\b", "And "),
        (r"\b[Tt]he (?P<x>said) (?:company|person)\b", "he said "),
        (r"\b(?P<x>[Tt]his (?:Monday|Friday))", "his "),  # the class and the branch end the runs
        (r"(?i)\bthe said company", ""),  # the pattern ignores case
        (r"\b(?i:the said) company", " company"),  # the group that ignores case breaks the run
        (r"a(?=b)bcd", "abcd"),  # a look-ahead consumes nothing: the run goes on
        (r"abc(?:cd)?efgh", "efgh"),  # an optional part ends a run
        (r"ab(?:cd)?ef", ""),  # runs shorter than EXACT_MIN are in nearly every article
        (r"x[yz]", ""),
    ],
)
def test_exact_run(pattern, run):
    got = style.exact_run(style._parse(pattern))
    assert got == run
    if got:  # every match holds the run
        for text in ("And he added it. The said company. This Monday, This Friday. abcd abcefgh abccdefgh xy",):
            for m in re.finditer(pattern, text):
                assert got in m.group()


def test_calque_rows_skip_articles_without_their_exact_run():
    row = next(c for c in style.calques() if c.exact == "And ")
    low = "and he added that the talks would go on."
    assert list(row.finditer(low, low)) == []
    text = "And he added that the talks would go on."
    assert [m.group("x") for m in row.finditer(text, text.lower())] == ["And he added"]


def _ctx(text: str) -> Context:
    return Context(Document(text), Settings(), None)


def test_executive_is_a_name_is_a_per_document_analysis():
    text = "The Northern Ireland Executive met today. Ministers said the Executive has not met since May."
    ctx = _ctx(text)
    calls = []

    def counting(doc, ctx):
        calls.append(1)
        return style.executive_is_a_name(doc, ctx)

    assert style.GUARD_FACTS["executive_government"] is style.executive_is_a_name
    assert ctx.get(style.executive_is_a_name) is True
    assert ctx.get(counting) and ctx.get(counting) and len(calls) == 1
    assert _ctx("The Spanish Executive approved the decree.").get(style.executive_is_a_name) is False
    assert not hasattr(style, "_executive_is_a_name")  # no module-level cache keyed on documents


def test_calendar_dates_need_a_year_of_the_13th_or_14th_century():
    assert locale._CALENDAR_YEAR.search("on 22 Bahman 1403")
    assert not locale._CALENDAR_YEAR.search("on 22 February 2025, 1999 and 1200 people")
    # every calendar date the slow pattern finds holds such a year
    for text in ("22 Bahman 1403 and Rajab 1446, 1446 AH, 1403 SH", "the 3 of May 2024"):
        for m in locale._CALENDAR_DATE.finditer(text):
            assert locale._CALENDAR_YEAR.search(m.group())


def test_as_reported_starts_only_at_a_word_start():
    text = "The council has said the road was closed, as reported the press service. As told the paper, bas said the"
    assert list(word_order._as_reported_starts(text)) == [
        m.start() for m in re.finditer(r"\bas\W+(?:reported|told|said)\W+the\b", text, re.IGNORECASE)
    ]
    assert list(word_order._as_reported_starts(text)) == [text.index("as reported"), text.index("As told")]


def test_opener_sentences_find_the_first_word_after_punctuation():
    doc = Document('"— In the explosion were injured two people. The police came. 12 were hurt; then it ended.')
    sents = word_order._Sentences(doc)
    assert sents.opener_sentences() == [0, 2]


def test_hyphenated_calendar_forms_are_the_forms_with_a_hyphen():
    forms = untranslated._hyphenated_calendar_forms()
    assert all("-" in f for f in forms)
    assert set(forms) == {f for f in untranslated._calendar_forms() if "-" in f}


@pytest.mark.parametrize(
    ("pattern", "gate"),
    [
        (r"\b(?P<x>[Oo]n the (?P<d>[12]\d|3[01]|[1-9])(?:st|nd|rd|th))", r"n\ the\ [123456789]"),
        (r"\b[Tt]his (?P<day>Monday|Friday)\b", r"his\ [FM]"),
        (r"\b[Tt]he (?:government|cabinet) of", None),  # a lowercase letter after `he `: in every article
        (r"\b[Tt]he (?:the )?Executive", None),  # an optional part after the run: no class
        (r"\bthe said (?:[A-F]|[0-3])", r"the\ said\ [0123ABCDEF]"),
        (r"\bthe said (?:[A-Z]|\d)", None),  # too wide a class (and \d is any digit) is no gate
        (r"(?i)\bthe said [A-Z]", None),
    ],
)
def test_exact_gate(pattern, gate):
    got = style.exact_gate(style._parse(pattern))
    assert (got.pattern if got else None) == gate
    if got:  # every match holds the gate
        for text in ("On the 3rd, this Monday, the said Acme and the said 2 cars", "on the 12th"):
            for m in re.finditer(pattern, text):
                assert got.search(m.group())


def test_role_of_gate_is_the_verb_role_of_pattern():
    from tqcheck.rules import grammar
    from tqcheck.segment import word_trie

    old = re.compile(r"\b(?:said|says|told|explained|added|stated|noted|warned|to) " + word_trie(grammar._ROLES) + " of ")
    for text in ("according to spokesman of the club", "He said head of the mission", "unsaid head of state",
                 "head of minister of", "the explained president of", "mottos to leader of", "to mayor of",
                 "a head of to minister of x", "Told the head of"):
        assert grammar._role_of_gate(text) == bool(old.search(text)), text


def test_count_heads_are_found_after_a_space_only():
    from tqcheck.rules import grammar

    text = "At press conference (conference) press-conference,conference callers call"
    assert [m.group(1) for m in grammar._COUNT_RE.finditer(text)] == ["conference", "call"]
