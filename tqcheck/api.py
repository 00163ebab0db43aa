"""The one pure per-article function, and the helpers around it.

``check_text`` is what every front end calls: the CLI (serially or in worker
processes), the Python API and distributed runs. Same input, same result.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from . import scoring
from .config import ConfigError, Settings
from .document import Document
from .evidence import BatchEvidence
from .model import Finding, Issue, Result
from .rules import Context, Rule, all_rules


def matches(selector: str, r: Rule) -> bool:
    """A selector is a code or code prefix (`TQ1`, `TQ101`), a rule name, or a category."""
    s = selector.strip()
    return r.code.upper().startswith(s.upper()) or s.lower() in (r.name, r.category)


def _selector_known(selector: str, rules: list[Rule]) -> bool:
    return selector.upper().startswith("LT") or any(matches(selector, r) for r in rules)


@lru_cache(maxsize=32)
def _active(select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> tuple[Rule, ...]:
    rules = all_rules()
    for sel in (*(select or ()), *ignore):
        if not _selector_known(sel, rules):
            raise ConfigError(f"unknown rule selector {sel!r} (use a code such as TQ101, a prefix such as TQ1, a rule name or a category)")
    chosen = [r for r in rules if select is None or any(matches(s, r) for s in select)]
    return tuple(r for r in chosen if not any(matches(s, r) for s in ignore))


def active_rules(settings: Settings) -> tuple[Rule, ...]:
    """The rules that --select/--ignore (or the config) leave on. Raises ConfigError on unknown selectors."""
    return _active(settings.select, settings.ignore)


def _issue(doc: Document, r: Rule, f: Finding, severity: str) -> Issue:
    line, col = doc.position(f.start)
    return Issue(
        rule=r.code,
        name=r.name,
        category=r.category,
        severity=severity,
        message=f.message,
        offset=f.start,
        length=f.end - f.start,
        text=doc.text[f.start : f.end],
        line=line,
        column=col,
        suggestion=f.suggestion,
        fix=f.fix,
    )


def find_issues(doc: Document, settings: Settings, batch: BatchEvidence | None = None,
                rules: Iterable[Rule] | None = None) -> list[Issue]:
    """Run the rules over a document; issues sorted by position, allow-listed text dropped."""
    ctx = Context(doc, settings, batch)
    out: dict[tuple[str, int, int], Issue] = {}
    for r in active_rules(settings) if rules is None else rules:
        default = settings.severity.get(r.code, r.severity)
        for f in r.check(doc, ctx):
            text = doc.text[f.start : f.end]
            if text.strip().casefold() in settings.allow:
                continue
            sev = settings.severity.get(r.code) or f.severity or default
            out.setdefault((r.code, f.start, f.end), _issue(doc, r, f, sev))
    return sorted(out.values(), key=lambda i: (i.offset, i.rule))


def check_document(doc: Document, settings: Settings, batch: BatchEvidence | None = None) -> Result:
    issues = find_issues(doc, settings, batch)
    value = scoring.score(issues, doc.words, settings.severity_weights, settings.category_weights)
    return Result(
        path=doc.path,
        id=doc.id,
        words=doc.words,
        score=value,
        passed=scoring.passes(value, issues, settings.fail_under, settings.fail_on),
        issues=issues,
        text=doc.text,
    )


def check_text(text: str, settings: Settings | None = None, *, path: str = "-", id: str | None = None,
               batch: BatchEvidence | None = None) -> Result:
    """Check one article's text and score it. Pure: no I/O, no global state."""
    return check_document(Document(text, path, id), settings or Settings(), batch)
