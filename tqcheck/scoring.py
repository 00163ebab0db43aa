"""MQM-style scoring (DESIGN.md §4, a contract).

penalty = Σ severity_weight × category_weight over the issues;
score   = max(0, 100 − penalty × 1000 / words), rounded to one decimal.
An article passes when score ≥ fail_under and no issue is at or above fail_on.
"""
from __future__ import annotations

from collections.abc import Iterable

from .model import SEVERITY_RANK, Issue

REFERENCE_WORDS = 1000


def penalty(issues: Iterable[Issue], severity_weights: dict[str, float], category_weights: dict[str, float]) -> float:
    return sum(severity_weights[i.severity] * category_weights.get(i.category, 1.0) for i in issues)


def score(
    issues: list[Issue], words: int, severity_weights: dict[str, float], category_weights: dict[str, float]
) -> float:
    p = penalty(issues, severity_weights, category_weights)
    return round(max(0.0, 100.0 - p * REFERENCE_WORDS / max(words, 1)), 1)


def passes(score_value: float, issues: list[Issue], fail_under: float, fail_on: str) -> bool:
    worst = max((SEVERITY_RANK[i.severity] for i in issues), default=-1)
    return score_value >= fail_under and worst < SEVERITY_RANK[fail_on]
