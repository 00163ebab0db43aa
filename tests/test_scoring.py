"""The MQM scoring contract (DESIGN.md §4), including the README's worked example."""
from __future__ import annotations

import pytest

from tqcheck.config import DEFAULT_CATEGORY_WEIGHTS, DEFAULT_SEVERITY_WEIGHTS
from tqcheck.model import Issue
from tqcheck.scoring import passes, penalty, score


def issue(category: str, severity: str) -> Issue:
    return Issue("TQ000", "x", category, severity, "m", 0, 1, "x")


README_EXAMPLE = [issue("casing", "minor")] * 3 + [issue("boilerplate", "major"), issue("punctuation", "minor")]


def test_readme_worked_example():
    # 3 minor casing (3 × 1) + 1 major boilerplate (5) + 1 minor punctuation (1 × 0.1) = 8.1 points
    assert penalty(README_EXAMPLE, DEFAULT_SEVERITY_WEIGHTS, DEFAULT_CATEGORY_WEIGHTS) == pytest.approx(8.1)
    # 8.1 × 1000 / 250 words = 32.4 → 100 − 32.4
    assert score(README_EXAMPLE, 250, DEFAULT_SEVERITY_WEIGHTS, DEFAULT_CATEGORY_WEIGHTS) == 67.6


def test_score_is_floored_at_zero_and_rounded():
    many = [issue("pronoun", "critical")] * 10
    assert score(many, 100, DEFAULT_SEVERITY_WEIGHTS, {}) == 0.0
    assert score([issue("casing", "minor")], 3000, DEFAULT_SEVERITY_WEIGHTS, {}) == 99.7


def test_no_issues_is_100():
    assert score([], 500, DEFAULT_SEVERITY_WEIGHTS, {}) == 100.0


def test_gate_by_score_and_by_severity():
    minor, critical = [issue("casing", "minor")], [issue("pronoun", "critical")]
    assert passes(80.0, minor, 80, "critical")
    assert not passes(79.9, minor, 80, "critical")
    assert not passes(99.0, critical, 80, "critical")
    assert not passes(99.0, minor, 80, "minor")
    assert passes(99.0, [issue("casing", "major")], 80, "critical")
