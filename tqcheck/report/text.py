"""Plain text: one issue per line, `path:line:col: CODE [severity] message`, for pipes and editors."""
from __future__ import annotations

from ..model import Result
from . import Reporter, Summary


def label(r: Result) -> str:
    return r.path if r.id is None else f"{r.path}#{r.id}"


class TextReporter(Reporter):
    def result(self, r: Result) -> None:
        w = self.stream.write
        name = label(r)
        if r.error is not None:
            w(f"{name}: error: {r.error}\n")
            return
        for i in r.issues or ():
            hint = f" (suggestion: {i.suggestion})" if i.suggestion else ""
            w(f"{name}:{i.line}:{i.column}: {i.rule} [{i.severity}] {i.message}{hint}\n")
        verdict = "passed" if r.passed else "FAILED"
        n = len(r.issues or ())
        w(f"{name}: score {r.score} ({verdict}), {r.words} words, {n} issue{'s' * (n != 1)}\n")

    def finish(self, s: Summary) -> None:
        if s.articles < 2:
            return
        cats = ", ".join(f"{c} {n}" for c, n in s.by_category.most_common()) or "none"
        self.stream.write(
            f"Summary: {s.articles} articles, {s.passed} passed, {s.failed} failed, {s.errors} errors, "
            f"mean score {s.mean_score}; {s.issues} issues ({cats})\n"
        )
