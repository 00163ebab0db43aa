"""Calques: every row of calques.tsv flags its example and leaves its near-miss alone."""
from __future__ import annotations

import re

import pytest

from tqcheck.api import find_issues
from tqcheck.config import Settings
from tqcheck.document import Document
from tqcheck.rules import REGISTRY, all_rules
from tqcheck.rules.base import unmark
from tqcheck.rules.style import GUARDS, calques

all_rules()
RULES = {r.name: r for r in REGISTRY.values() if r.category == "style"}
ROWS = calques()


def _spans(rule, text):
    return sorted((i.offset, i.end) for i in find_issues(Document(text), Settings(), rules=[rule]))


def _id(row):
    return f"{row.rule}:{row.pattern.pattern[:30]}"


def test_every_row_names_a_style_rule_and_a_known_guard():
    assert len(ROWS) >= 30
    for row in ROWS:
        assert row.rule in RULES, row.rule
        assert row.guard is None or row.guard in GUARDS
        assert row.suggestion and row.explanation


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_row_flags_its_example(row):
    for example in row.flag:
        text, expected = unmark(example)
        assert expected, f"flag example without a [[span]]: {example!r}"
        assert _spans(RULES[row.rule], text) == sorted(expected), example


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_row_leaves_its_near_miss_alone(row):
    for example in row.passes:
        assert _spans(RULES[row.rule], example) == [], example


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_pattern_has_no_nested_quantifier(row):
    # a quantified group that itself contains an unbounded quantifier: (a+)+, (\w+\s?)*
    assert not re.search(r"\((?:[^()]|\([^()]*\))*[+*](?:[^()]|\([^()]*\))*\)[+*]", row.pattern.pattern)


def _suggestion(text):
    issues = find_issues(Document(text), Settings(), rules=list(RULES.values()))
    return [(i.text, i.suggestion) for i in issues]


def test_suggestions_expand_groups_and_keep_the_sentence_capital():
    assert _suggestion("This Sunday, Zelensky stressed that Ukraine is ready.") == [("This Sunday", "On Sunday")]
    assert _suggestion("Peru's Congress rejected this Thursday the motion.") == [("this Thursday", "on Thursday")]
    assert _suggestion("These weeks, the Kremlin is focusing on Donbas.") == [("These weeks", "In recent weeks")]


@pytest.mark.parametrize(
    "text",
    [
        # future-tense sentences about the coming day are English
        "Ledgerly's chief executive is scheduled to answer questions this Monday.",
        "The minister will travel to Brussels this Friday, officials said.",
        "The talks are expected to resume this Tuesday, the spokesman said.",
        "The trial is due to start this Wednesday.",
        "The union plans to strike this Thursday after talks failed.",
        # the day inside a present-tense quotation (the document's quotations: over sentences, in guillemets)
        "“We meet this Monday,” he said.",
        "“The talks collapsed. We meet again this Monday,” the minister said.",
        "The minister said: «We meet this Monday», and left.",
        # passive future
        "The funeral, which was announced yesterday, will be held this Saturday.",
    ],
)
def test_this_weekday_leaves_the_coming_day_alone(text):
    assert _spans(RULES["this-weekday"], text) == []


@pytest.mark.parametrize(
    "text,span",
    [
        ("Putin traveled to Belarus this Monday to meet Lukashenko.", "this Monday"),
        ("The Ministry of Health reported this Wednesday that temperatures will keep rising.", "this Wednesday"),
        ("River Plate beat Boca Juniors 2-1 this Sunday at the Bombonera.", "this Sunday"),
        ("This Monday, in the midst of new attacks, President Zelenski has renewed his requests.", "This Monday"),
        # decided: `except this Monday` in a perfect-tense sentence reports the past meeting: a calque
        ("In three years they have seen each other 12 times, always in Russia except this Monday.", "this Monday"),
    ],
)
def test_this_weekday_flags_the_day_just_past(text, span):
    start = text.index(span)
    assert _spans(RULES["this-weekday"], text) == [(start, start + len(span))]


def test_the_executive_is_quiet_when_the_article_names_an_executive_body():
    text = "The Northern Ireland Executive met on Monday. The Executive has not agreed a budget."
    assert _spans(RULES["government-calque"], text) == []
    text = "The Executive has assured that there is no risk of water shortage."
    assert _spans(RULES["government-calque"], text) == [(0, 13)]


def test_rows_have_needles_that_their_examples_contain():
    # The needle lets a rule skip a pattern when the article cannot match it (speed); it
    # must never hide a real match, so every flagged example holds one needle of each tuple.
    with_needles = [row for row in ROWS if row.needles]
    assert len(with_needles) >= len(ROWS) - 2
    for row in with_needles:
        for example in row.flag:
            low = unmark(example)[0].lower()
            present = frozenset(n for alts in row.needles for n in alts if n in low)
            assert row.may_match(present), (row.pattern.pattern, example)
