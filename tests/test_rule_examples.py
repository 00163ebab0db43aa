"""Every rule's own examples, straight from the registry: adding a rule adds its tests."""
from __future__ import annotations

import pytest

from tqcheck.api import find_issues
from tqcheck.config import Settings
from tqcheck.document import Document
from tqcheck.model import CATEGORIES, SEVERITIES
from tqcheck.rules import all_rules
from tqcheck.rules.base import DOC_SECTIONS, unmark

RULES = all_rules()


def _spans(rule, text):
    return sorted((i.offset, i.end) for i in find_issues(Document(text), Settings(), rules=[rule]))


@pytest.mark.parametrize(
    "rule,example", [(r, ex) for r in RULES for ex in r.flags], ids=lambda x: getattr(x, "code", None) or x[:40]
)
def test_flags_exactly_the_marked_spans(rule, example):
    text, expected = unmark(example)
    assert _spans(rule, text) == sorted(expected)


@pytest.mark.parametrize(
    "rule,example", [(r, ex) for r in RULES for ex in r.passes], ids=lambda x: getattr(x, "code", None) or x[:40]
)
def test_leaves_near_misses_alone(rule, example):
    assert _spans(rule, unmark(example)[0]) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule):
    assert rule.category in CATEGORIES and rule.severity in SEVERITIES
    for section in DOC_SECTIONS:
        assert section in rule.doc
    assert rule.summary.endswith(".") and len(rule.summary) < 120


def test_unmark_reports_spans_in_the_clean_text():
    text, spans = unmark("a [[bc]] d [[e]]")
    assert text == "a bc d e"
    assert [text[s:e] for s, e in spans] == ["bc", "e"]
