"""The vocabulary every layer shares: categories, severities, findings and issues.

Category and severity strings are a contract (DESIGN.md §3): reports, CI pipelines
and the evaluation tools match on them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES: tuple[str, ...] = (
    "casing",
    "segmentation",
    "pronoun",
    "boilerplate",
    "consistency",
    "untranslated",
    "locale",
    "punctuation",
    "style",
    "grammar",
    "spelling",
)

# The MQM dimension each category maps to (shown by `tqcheck rules` and in SARIF).
MQM_DIMENSIONS: dict[str, str] = {
    "casing": "Linguistic conventions / capitalisation",
    "segmentation": "Linguistic conventions / sentence structure",
    "pronoun": "Accuracy / mistranslation",
    "boilerplate": "Accuracy / addition",
    "consistency": "Terminology / inconsistent use",
    "untranslated": "Accuracy / untranslated",
    "locale": "Locale conventions",
    "punctuation": "Linguistic conventions / punctuation",
    "style": "Style / unidiomatic",
    "grammar": "Linguistic conventions / grammar",
    "spelling": "Linguistic conventions / spelling",
}

SEVERITIES: tuple[str, ...] = ("minor", "major", "critical")
SEVERITY_RANK: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``length`` code points at ``offset`` with ``replacement``."""

    offset: int
    length: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule yields: a span and what is wrong with it.

    The rule's code, name, category and severity are attached by the registry,
    so a rule never repeats its own metadata.
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    fix: tuple[Edit, ...] = ()
    severity: str | None = None  # overrides the rule's default for this one finding


@dataclass(slots=True)
class Issue:
    """A finding of a named rule, located in a document. Field names follow the JSON report."""

    rule: str
    name: str
    category: str
    severity: str
    message: str
    offset: int
    length: int
    text: str
    line: int = 0
    column: int = 0
    suggestion: str | None = None
    fix: tuple[Edit, ...] = field(default=(), repr=False)

    @property
    def end(self) -> int:
        return self.offset + self.length

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "offset": self.offset,
            "length": self.length,
            "text": self.text,
            "suggestion": self.suggestion,
        }


@dataclass(slots=True)
class Result:
    """The outcome for one article (or one unreadable input)."""

    path: str
    id: str | None = None
    words: int | None = None
    score: float | None = None
    passed: bool = False
    error: str | None = None
    issues: list[Issue] | None = None
    text: str | None = field(default=None, repr=False)  # kept for reports that quote the text
    warnings: list[str] = field(default_factory=list)  # checks that could not run (e.g. LanguageTool)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "id": self.id,
            "words": self.words,
            "score": self.score,
            "passed": self.passed,
            "error": self.error,
            "issues": None if self.issues is None else [i.to_dict() for i in self.issues],
        }
