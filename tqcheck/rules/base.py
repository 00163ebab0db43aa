"""The rule model: a rule is a pure function plus the metadata that documents and tests it.

A rule module defines functions decorated with :func:`rule`. The decorator records
the code, name, category, default severity, summary, the ruff-style documentation
(the function's docstring) and examples: texts it must flag, with the expected
spans marked ``[[like this]]``, and near-misses it must leave alone. The registry
test runs every example, so a rule ships with its tests.
"""
from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from ..model import CATEGORIES, SEVERITIES, Finding

if TYPE_CHECKING:
    from ..config import Settings
    from ..document import Document
    from ..evidence import BatchEvidence

T = TypeVar("T")
CheckFn = Callable[["Document", "Context"], Iterable[Finding]]

DOC_SECTIONS = ("## What it flags", "## Why it matters", "## Example", "## Use instead")
_CODE = re.compile(r"TQ\d{3}")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
MARK = re.compile(r"\[\[(.*?)\]\]", re.S)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    severity: str
    summary: str
    doc: str
    flags: tuple[str, ...]
    passes: tuple[str, ...]
    check: CheckFn = field(repr=False, compare=False)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "summary": self.summary,
        }


REGISTRY: dict[str, Rule] = {}


class RuleDefinitionError(ValueError):
    """A rule's metadata breaks the rule model: a bug caught at import time."""


def _validate(r: Rule) -> None:
    where = f"rule {r.code} ({r.check.__module__}.{r.check.__name__})"
    if not _CODE.fullmatch(r.code):
        raise RuleDefinitionError(f"{where}: code must look like TQ123")
    if r.code in REGISTRY:
        raise RuleDefinitionError(f"{where}: code already used by {REGISTRY[r.code].name}")
    if not _NAME.fullmatch(r.name) or any(x.name == r.name for x in REGISTRY.values()):
        raise RuleDefinitionError(f"{where}: name {r.name!r} must be unique kebab-case")
    if r.category not in CATEGORIES:
        raise RuleDefinitionError(f"{where}: unknown category {r.category!r}")
    if r.severity not in SEVERITIES:
        raise RuleDefinitionError(f"{where}: unknown severity {r.severity!r}")
    missing = [s for s in DOC_SECTIONS if s not in r.doc]
    if missing:
        raise RuleDefinitionError(f"{where}: documentation lacks {', '.join(missing)}")
    if not r.flags or not r.passes:
        raise RuleDefinitionError(f"{where}: needs examples to flag and near-misses to pass")
    for ex in r.flags:
        if not MARK.search(ex):
            raise RuleDefinitionError(f"{where}: flagged example without a [[marked]] span: {ex!r}")


def rule(
    *,
    code: str,
    name: str,
    category: str,
    severity: str,
    summary: str,
    flags: Iterable[str],
    passes: Iterable[str],
) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated function as a rule; its docstring is its documentation."""

    def register(fn: CheckFn) -> CheckFn:
        r = Rule(
            code=code,
            name=name,
            category=category,
            severity=severity,
            summary=summary,
            doc=inspect.cleandoc(fn.__doc__ or ""),
            flags=tuple(flags),
            passes=tuple(passes),
            check=fn,
        )
        _validate(r)
        REGISTRY[code] = r
        return fn

    return register


def unmark(example: str) -> tuple[str, list[tuple[int, int]]]:
    """Strip ``[[...]]`` markers; return the text and the marked spans in it."""
    out, spans, pos, shift = [], [], 0, 0
    for m in MARK.finditer(example):
        out.append(example[pos : m.start()])
        start = m.start() - shift
        spans.append((start, start + len(m.group(1))))
        out.append(m.group(1))
        shift += 4
        pos = m.end()
    out.append(example[pos:])
    return "".join(out), spans


class Context:
    """What a rule may consult besides the document: settings, batch evidence, shared analyses.

    Analyses are functions ``(doc, ctx) -> value`` computed once per document and
    shared by every rule that asks for them through :meth:`get`.
    """

    def __init__(self, doc: Document, settings: Settings, batch: BatchEvidence | None = None) -> None:
        self.doc = doc
        self.settings = settings
        self.batch = batch
        self._cache: dict[Any, Any] = {}

    def get(self, analysis: Callable[[Document, Context], T]) -> T:
        try:
            return self._cache[analysis]
        except KeyError:
            value = self._cache[analysis] = analysis(self.doc, self)
            return value

    @property
    def allow(self) -> frozenset[str]:
        """Casefolded words and names the configuration says are never errors."""
        return self.settings.allow
