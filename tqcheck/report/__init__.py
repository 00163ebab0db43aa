"""Reporters turn a stream of Results into a report, one result at a time.

Every reporter has the same three calls: ``start()``, ``result(r)`` as each
article is done (so jsonl and text stream), and ``finish(summary)``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import IO

from ..model import Result

FORMATS = ("rich", "text", "json", "jsonl", "sarif", "junit", "github", "html")


@dataclass
class Summary:
    articles: int = 0
    passed: int = 0
    failed: int = 0
    errors: int = 0
    issues: int = 0
    score_total: float = 0.0
    by_category: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)

    def add(self, r: Result) -> None:
        self.articles += 1
        if r.error is not None:
            self.errors += 1
            return
        self.passed += r.passed
        self.failed += not r.passed
        self.score_total += r.score or 0.0
        for i in r.issues or ():
            self.issues += 1
            self.by_category[i.category] += 1
            self.by_rule[(i.rule, i.name)] += 1

    @property
    def mean_score(self) -> float | None:
        checked = self.passed + self.failed
        return round(self.score_total / checked, 1) if checked else None

    def to_dict(self) -> dict:
        return {
            "articles": self.articles,
            "passed": self.passed,
            "failed": self.failed,
            "errors": self.errors,
            "issues": self.issues,
            "mean_score": self.mean_score,
        }


class Reporter:
    def __init__(self, stream: IO[str], fail_under: float = 80.0) -> None:
        self.stream = stream
        self.fail_under = fail_under

    def start(self) -> None:
        pass

    def result(self, r: Result) -> None:
        pass

    def finish(self, summary: Summary) -> None:
        pass


def make_reporter(fmt: str, stream: IO[str], *, fail_under: float = 80.0, color: bool | None = None,
                  fail_on: str = "critical") -> Reporter:
    if fmt == "text":
        from .text import TextReporter

        return TextReporter(stream, fail_under)
    if fmt == "json":
        from .json import JsonReporter

        return JsonReporter(stream, fail_under)
    if fmt == "jsonl":
        from .json import JsonLinesReporter

        return JsonLinesReporter(stream, fail_under)
    if fmt == "rich":
        from .rich import RichReporter

        return RichReporter(stream, fail_under, color=color)
    if fmt == "sarif":
        from .sarif import SarifReporter

        return SarifReporter(stream, fail_under)
    if fmt == "junit":
        from .junit import JUnitReporter

        return JUnitReporter(stream, fail_under, fail_on=fail_on)
    if fmt == "github":
        from .github import GitHubReporter

        return GitHubReporter(stream, fail_under)
    if fmt == "html":
        from .html import HtmlReporter

        return HtmlReporter(stream, fail_under)
    raise ValueError(f"unknown format {fmt!r}")


def snippet(text: str, start: int, end: int, width: int = 160) -> tuple[str, int, int]:
    """The line around a span, trimmed to about ``width`` characters at word boundaries.

    A span over several lines is shown on its first line. Returns the snippet and
    the span's position inside it.
    """
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    le = len(text) if le < 0 else le
    end = max(start, min(end, le))
    lo, hi = ls, le
    if hi - lo > width:
        room = max(0, width - (end - start)) // 2
        lo = max(ls, start - room)
        hi = min(le, end + room + (room - (start - lo)))  # room unused on the left goes right
        lo = max(ls, min(lo, hi - width))  # and room unused on the right goes left
        if lo > ls:
            sp = text.find(" ", lo, start)
            lo = sp + 1 if sp >= 0 else lo
        if hi < le:
            sp = text.rfind(" ", end, hi)
            hi = sp if sp >= 0 else hi
    prefix = "…" if lo > ls else ""
    suffix = "…" if hi < le else ""
    s = prefix + text[lo:hi].replace("\t", " ") + suffix
    return s, start - lo + len(prefix), end - lo + len(prefix)
