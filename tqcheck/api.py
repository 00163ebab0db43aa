"""The one pure per-article function, and the helpers around it.

``check_text`` is what every front end calls: the CLI (serially or in worker
processes), the Python API and distributed runs. Same input, same result.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from . import scoring
from .config import ConfigError, Settings
from .document import Document
from .evidence import BatchEvidence
from .model import CATEGORIES, Finding, Issue, Result
from .rules import Context, Rule, all_rules

if TYPE_CHECKING:
    from .grammar import Grammar


def selects(selector: str, code: str, name: str, category: str) -> bool:
    """A selector is a code or code prefix (`TQ1`, `TQ101`, `LT:`), a rule name, or a category."""
    s = selector.strip()
    return code.upper().startswith(s.upper()) or s.lower() in (name, category)


def matches(selector: str, r: Rule) -> bool:
    return selects(selector, r.code, r.name, r.category)


def issue_selected(i: Issue, settings: Settings) -> bool:
    """For findings of rules outside the registry (LanguageTool's): apply --select/--ignore."""
    if settings.select is not None and not any(selects(s, i.rule, i.name, i.category) for s in settings.select):
        return False
    return not any(selects(s, i.rule, i.name, i.category) for s in settings.ignore)


def _selector_known(selector: str, rules: list[Rule]) -> bool:
    s = selector.strip()
    return s.upper().startswith("LT") or s.lower() in CATEGORIES or any(matches(s, r) for r in rules)


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


def grammar_issues(doc: Document, settings: Settings, grammar: Grammar, core: list[Issue]) -> list[Issue]:
    """LanguageTool's findings that are selected and do not repeat one of ours."""
    from .grammar import to_issues

    def overlaps(i: Issue) -> bool:  # an article has tens of core findings: a scan is enough
        return any(c.offset < i.end and i.offset < c.end for c in core)

    return [i for i in to_issues(grammar.matches(doc.text), doc, settings)
            if issue_selected(i, settings) and not overlaps(i) and i.text.strip().casefold() not in settings.allow]


def check_document(doc: Document, settings: Settings, batch: BatchEvidence | None = None,
                   grammar: Grammar | None = None) -> Result:
    issues = find_issues(doc, settings, batch)
    warnings = []
    if grammar is not None:
        from .grammar import GrammarUnavailable

        try:
            issues = sorted(issues + grammar_issues(doc, settings, grammar, issues), key=lambda i: (i.offset, i.rule))
        except GrammarUnavailable as e:
            warnings.append(f"no grammar findings for this article: {e}")
    value = scoring.score(issues, doc.words, settings.severity_weights, settings.category_weights)
    return Result(
        path=doc.path,
        id=doc.id,
        words=doc.words,
        score=value,
        passed=scoring.passes(value, issues, settings.fail_under, settings.fail_on),
        issues=issues,
        text=doc.text,
        warnings=warnings,
    )


def check_text(text: str, settings: Settings | None = None, *, path: str = "-", id: str | None = None,
               batch: BatchEvidence | None = None, grammar: Grammar | None = None) -> Result:
    """Check one article's text and score it. Pure (no I/O, no global state) unless a
    LanguageTool connection (``tqcheck.grammar.Grammar.open(...)``) is passed as ``grammar``."""
    return check_document(Document(text, path, id), settings or Settings(), batch, grammar)
