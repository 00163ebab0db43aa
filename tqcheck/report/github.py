"""GitHub Actions workflow commands: annotations on the files, and a job summary.

Each issue becomes ``::error``, ``::warning`` or ``::notice`` with ``file``, ``line``,
``endLine``, ``col``, ``endColumn`` and ``title``. Levels: critical and major -> error,
minor -> warning, reports about suppressions (TQ000) -> notice. An unreadable input is an
error on its file.

GitHub shows only 10 annotations of each level per step (the rest stay in the log), so
annotations are written most severe first, failing articles before passing ones, worst
score first. When ``$GITHUB_STEP_SUMMARY`` is set, a Markdown summary is appended there:
per-article scores, issues by category and the worst issues.

For a feed item or an HTML page the offsets index the extracted text, not the file, so the
annotation names the file only and the message says where in the item the span is.
"""
from __future__ import annotations

import os

from ..model import SEVERITY_RANK, Issue, Result
from . import Reporter, Summary
from .sarif import end_position, positions_in_file
from .text import label

LEVELS = {"critical": "error", "major": "error", "minor": "warning"}
MAX_SUMMARY_ARTICLES = 100
MAX_SUMMARY_ISSUES = 20
MAX_SUMMARY_BYTES = 900_000  # GitHub refuses a step summary over 1 MiB


def escape_data(s: str) -> str:
    """The message part of a workflow command."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    """A property value (file, title): also `:` and `,`, which end or separate properties."""
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props) -> str:
    ps = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level}{' ' + ps if ps else ''}::{escape_data(message)}"


def level(issue: Issue) -> str:
    return "notice" if issue.rule == "TQ000" else LEVELS.get(issue.severity, "warning")


def md_cell(s: object, limit: int = 120) -> str:
    """A Markdown table cell: one line, no table or HTML syntax, bounded length."""
    t = " ".join(str(s).split())
    if len(t) > limit:
        t = t[: limit - 1] + "…"
    return (t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
             .replace("|", "\\|").replace("`", "\\`").replace("*", "\\*").replace("_", "\\_")
             .replace("[", "\\[").replace("]", "\\]"))


class GitHubReporter(Reporter):
    def __init__(self, stream, fail_under: float = 80.0, step_summary: str | None = None) -> None:
        super().__init__(stream, fail_under)
        self.step_summary = step_summary

    def start(self) -> None:
        # (sort key, command line); kept small: one string per annotation
        self.annotations: list[tuple[tuple, str]] = []
        self.articles: list[tuple[float, str, int, float | None, bool, int, str | None]] = []
        self.worst: list[tuple[tuple, Issue, str]] = []
        self.n = 0

    def annotation(self, r: Result, i: Issue) -> str:
        title = f"{i.rule} {i.name} ({i.severity})"
        msg = i.message
        if i.suggestion is not None:
            msg += f" (suggestion: {i.suggestion or 'remove'})"
        if positions_in_file(r):
            end_line, end_col = end_position(i)
            props = {"file": r.path, "line": i.line, "endLine": end_line, "col": i.column}
            if end_line == i.line:
                props["endColumn"] = end_col
            props["title"] = title
            return command(level(i), msg, **props)
        where = f"item {r.id}" if r.id is not None else "the extracted text"
        title += f" in {r.id}" if r.id is not None else ""
        return command(level(i), f"{msg} [{where}, line {i.line}, column {i.column}: {i.text[:80]!r}]",
                       file=r.path, title=title)

    def result(self, r: Result) -> None:
        self.n += 1
        name = label(r)
        if r.error is not None:
            self.annotations.append(((-9, 0, 0.0, self.n, 0), command("error", r.error, file=r.path, title=f"tqcheck: cannot read {name}")))
            self.articles.append((-1.0, name, 0, None, False, 0, r.error))
            return
        issues = r.issues or []
        self.articles.append((r.score if r.score is not None else 0.0, name, r.words or 0, r.score, r.passed, len(issues), None))
        for i in issues:
            rank = -1 if i.rule == "TQ000" else SEVERITY_RANK.get(i.severity, 0)
            key = (-rank, r.passed, r.score or 0.0, self.n, i.offset)
            self.annotations.append((key, self.annotation(r, i)))
            if i.rule != "TQ000":
                self.worst.append((key, i, name))
                if len(self.worst) > 4 * MAX_SUMMARY_ISSUES:
                    self.worst.sort(key=lambda t: t[0])
                    del self.worst[MAX_SUMMARY_ISSUES:]

    def finish(self, s: Summary) -> None:
        w = self.stream.write
        self.annotations.sort(key=lambda t: t[0])
        for _, line in self.annotations:
            w(line + "\n")
        verdict = "passed" if not s.failed and not s.errors else "FAILED"
        w(f"tqcheck: {s.articles} article{'s' * (s.articles != 1)}, {s.passed} passed, {s.failed} failed, "
          f"{s.errors} unreadable, mean score {s.mean_score}, {s.issues} issues: {verdict}\n")
        if len(self.annotations) > 10:
            w(f"tqcheck: {len(self.annotations)} annotations; GitHub shows 10 of each level per step, most severe first here\n")
        path = self.step_summary if self.step_summary is not None else os.environ.get("GITHUB_STEP_SUMMARY")
        if path:
            try:
                with open(path, "a", encoding="utf-8") as f:
                    f.write(self.markdown(s))
            except OSError as e:
                w(f"::warning title=tqcheck::{escape_data(f'cannot write the job summary: {e}')}\n")

    def markdown(self, s: Summary) -> str:
        out = []
        icon = "✅" if not s.failed and not s.errors else "❌"
        out.append(f"## {icon} tqcheck: {s.passed} of {s.articles} article{'s' * (s.articles != 1)} passed\n")
        out.append(f"Mean score **{s.mean_score}** (gate: score ≥ {self.fail_under:g}); "
                   f"{s.failed} failed, {s.errors} unreadable, {s.issues} issues.\n")
        arts = sorted(self.articles, key=lambda a: (a[4], a[0], a[1]))  # failing, then worst score first
        out.append("\n### Articles\n\n| article | words | score | result | issues |\n|---|---:|---:|---|---:|\n")
        for _, name, words, score, ok, n, err in arts[:MAX_SUMMARY_ARTICLES]:
            if err is not None:
                out.append(f"| {md_cell(name)} | | | unreadable: {md_cell(err, 80)} | |\n")
            else:
                out.append(f"| {md_cell(name)} | {words} | {score} | {'passed' if ok else '**failed**'} | {n} |\n")
        if len(arts) > MAX_SUMMARY_ARTICLES:
            out.append(f"\n…and {len(arts) - MAX_SUMMARY_ARTICLES} more articles (worst shown first).\n")
        if s.by_category:
            out.append("\n### Issues by category\n\n| category | issues |\n|---|---:|\n")
            for cat, n in s.by_category.most_common():
                out.append(f"| {md_cell(cat)} | {n} |\n")
        self.worst.sort(key=lambda t: t[0])
        if self.worst:
            out.append("\n### Worst issues\n\n| severity | rule | article | line | text | message |\n|---|---|---|---:|---|---|\n")
            for _, i, name in self.worst[:MAX_SUMMARY_ISSUES]:
                out.append(f"| {i.severity} | {i.rule} {md_cell(i.name)} | {md_cell(name, 60)} | {i.line}:{i.column} "
                           f"| {md_cell(i.text, 40)} | {md_cell(i.message)} |\n")
        text = "".join(out) + "\n"
        if len(text.encode("utf-8")) > MAX_SUMMARY_BYTES:
            text = text.encode("utf-8")[:MAX_SUMMARY_BYTES].decode("utf-8", "ignore") + "\n\n(summary cut at GitHub's size limit)\n"
        return text
