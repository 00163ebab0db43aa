"""Baselines: accept today's findings, report and gate only new ones.

``tqcheck check feed/ --baseline tqcheck-baseline.json --write-baseline`` records every
current finding; later runs with ``--baseline tqcheck-baseline.json`` hide the findings the
file records and score and gate each article on the rest.

A finding is recorded by a fingerprint that survives edits elsewhere in the article: the
rule code, the article (its path as given, with the feed item id) and the text of the
span with a few words either side of it, white space collapsed. Line numbers and offsets
are left out, so inserting a paragraph above a finding does not make it new; editing the
words right around it does. The same fingerprint may occur more than once in an article;
the baseline keeps a count, and a later run hides at most that many.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import __version__
from .config import Settings
from .model import Issue, Result
from .output import atomic_writer

FORMAT_VERSION = 1
CONTEXT_CHARS = 24  # of text kept on each side of the span, within its line
_SPACE = re.compile(r"\s+")


class BaselineError(ValueError):
    """The baseline file cannot be read or is not a tqcheck baseline."""


def article_key(path: str, id: str | None) -> str:
    """The article's name in a baseline: its path (relative to the working directory when inside it, `/`-separated) and item id."""
    p = path
    if p != "-":
        try:
            ap = os.path.abspath(p)
            cwd = os.getcwd()
            if ap == cwd or ap.startswith(cwd.rstrip(os.sep) + os.sep):
                p = os.path.relpath(ap, cwd)
        except (OSError, ValueError):
            pass
        p = PurePosixPath(*Path(os.path.normpath(p)).parts).as_posix() if p else p
    return p if id is None else f"{p}#{id}"


def _norm(s: str) -> str:
    return _SPACE.sub(" ", s).strip()


def context(text: str | None, issue: Issue) -> str:
    """The span and a few words either side of it, within its line, white space collapsed."""
    if text is None:
        return _norm(issue.text)
    start, end = issue.offset, issue.end
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    lo = max(ls, start - CONTEXT_CHARS)
    hi = min(le, end + CONTEXT_CHARS)
    # do not cut a word in half at either end: a cut word changes when the line is re-wrapped
    if lo > ls:
        sp = text.find(" ", lo, start)
        lo = sp + 1 if sp >= 0 else start
    if hi < le:
        sp = text.rfind(" ", end, hi)
        hi = sp if sp >= 0 else end
    left = _SPACE.sub(" ", text[lo:start]).lstrip()
    right = _SPACE.sub(" ", text[end:hi]).rstrip()
    return f"{left}[{_norm(text[start:end])}]{right}"


def fingerprint(result: Result, issue: Issue, text: str | None = None) -> str:
    """A stable id for one finding: rule, article, normalised text around the span."""
    ctx = context(result.text if text is None else text, issue)
    key = "\x1f".join((issue.rule, article_key(result.path, result.id), ctx))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


@dataclass
class Baseline:
    """Fingerprint counts, and what a run matched against them."""

    counts: Counter = field(default_factory=Counter)
    entries: dict[str, dict] = field(default_factory=dict)  # fingerprint -> a readable record
    hidden: int = 0  # findings hidden in this run because the baseline knows them
    writing: bool = False  # recording this run's findings (--write-baseline)
    _left: Counter | None = None

    # -- reading and writing ----------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except FileNotFoundError:
            raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline)") from None
        except OSError as e:
            raise BaselineError(f"{path}: cannot read: {e.strerror or e}") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise BaselineError(f"{path}: not a tqcheck baseline (invalid JSON: {e})") from None
        if not isinstance(data, dict) or data.get("tqcheck_baseline") != FORMAT_VERSION or not isinstance(data.get("findings"), list):
            raise BaselineError(f"{path}: not a tqcheck baseline (version {FORMAT_VERSION})")
        b = cls()
        for e in data["findings"]:
            if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str):
                raise BaselineError(f"{path}: a finding without a fingerprint")
            n = e.get("count", 1)
            b.counts[e["fingerprint"]] += n if isinstance(n, int) and n > 0 else 1
            b.entries[e["fingerprint"]] = e
        return b

    def write(self, path: Path) -> None:
        """Write atomically; entries sorted so that the file diffs well in version control."""
        findings = sorted(
            ({**self.entries[fp], "fingerprint": fp, "count": n} for fp, n in self.counts.items()),
            key=lambda e: (e.get("article", ""), e.get("rule", ""), e.get("context", ""), e["fingerprint"]),
        )
        doc = {"tqcheck_baseline": FORMAT_VERSION, "tqcheck_version": __version__, "findings": findings}
        with atomic_writer(Path(path)) as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")

    # -- using ------------------------------------------------------------------

    def record(self, result: Result) -> None:
        """Add a result's findings (for --write-baseline)."""
        for issue in result.issues or ():
            if issue.rule == "TQ000":  # reports about suppressions are not findings to accept
                continue
            fp = fingerprint(result, issue)
            self.counts[fp] += 1
            self.entries.setdefault(fp, {
                "article": article_key(result.path, result.id),
                "rule": issue.rule,
                "text": issue.text[:200],
                "context": context(result.text, issue)[:400],
            })

    def filter(self, result: Result, settings: Settings) -> Result:
        """The result with the findings the baseline records removed, rescored on the new ones."""
        if not result.issues:
            return result
        from .suppress import rescore

        if self._left is None:
            self._left = Counter(self.counts)
        new: list[Issue] = []
        for issue in result.issues:
            fp = fingerprint(result, issue) if issue.rule != "TQ000" else None
            if fp is not None and self._left[fp] > 0:
                self._left[fp] -= 1
                self.hidden += 1
            else:
                new.append(issue)
        if len(new) == len(result.issues):
            return result
        return rescore(result, new, settings)

    def process(self, result: Result, settings: Settings) -> Result:
        """What the CLI calls per result: record it (--write-baseline) or filter it."""
        if self.writing:
            self.record(result)
            return result
        return self.filter(result, settings)

    def close(self, path: Path) -> str:
        """Write the file when recording; a one-line account of what happened, for stderr."""
        if self.writing:
            self.write(path)
            n = sum(self.counts.values())
            return f"wrote baseline {path}: {n} finding{'s' * (n != 1)}"
        return (f"baseline {path}: {self.hidden} known finding{'s' * (self.hidden != 1)} not reported"
                + (f", {self.fixed} no longer found" if self.fixed else ""))

    @property
    def fixed(self) -> int:
        """Baseline findings that no longer occur (after a run that used :meth:`filter`)."""
        return sum(self._left.values()) if self._left is not None else 0


def open_baseline(path: Path | None, write: bool) -> Baseline | None:
    """The baseline for a run: None without --baseline; empty and recording with --write-baseline."""
    if path is None:
        if write:
            raise BaselineError("--write-baseline needs --baseline FILE")
        return None
    if write:
        parent = Path(path).parent
        if Path(path).is_dir():
            raise BaselineError(f"{path}: is a directory")
        if not parent.is_dir() or not os.access(parent, os.W_OK):
            raise BaselineError(f"{path}: cannot write the baseline there (no such folder, or not writable)")
        return Baseline(writing=True)
    return Baseline.load(path)
