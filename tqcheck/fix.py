"""Apply the edits that rules attach to their findings, in one place.

Only non-overlapping edits are applied (the earliest wins), only to plain text
and Markdown files, and only through an atomic rename. As in ruff, fixes that
restore form (removing boilerplate, joining split sentences, casing, punctuation,
locale conventions) are safe; fixes that change wording (calques, pronouns, names,
untranslated words) need ``--unsafe-fixes``, because an editor should read them.
"""
from __future__ import annotations

import difflib
import sys
from pathlib import Path

import click

from .api import find_issues
from .config import Settings
from .document import Document
from .model import Edit, Issue
from .output import atomic_writer
from .readers import Article, InputProblem, iter_articles

FIXABLE = (".txt", ".md")
SAFE_CATEGORIES = frozenset({"boilerplate", "segmentation", "casing", "punctuation", "locale"})


def plan(issues: list[Issue], unsafe: bool = False) -> list[Edit]:
    """The edits to apply: safe ones (all with ``unsafe``), sorted, overlapping ones dropped."""
    chosen = [i for i in issues if unsafe or i.category in SAFE_CATEGORIES]
    edits, last_end = [], -1
    for e in sorted((e for i in chosen for e in i.fix), key=lambda e: (e.offset, e.length)):
        if e.offset >= last_end:
            edits.append(e)
            last_end = e.offset + max(e.length, 1)
    return edits


def apply(text: str, edits: list[Edit]) -> str:
    out, pos = [], 0
    for e in edits:
        out.append(text[pos : e.offset])
        out.append(e.replacement)
        pos = e.offset + e.length
    out.append(text[pos:])
    return "".join(out)


def fix_paths(paths: list[str], settings: Settings, *, write: bool, unsafe: bool = False) -> int:
    """Exit code: 2 if an input is unreadable; with --diff, 1 if anything would change."""
    status = changed = 0
    for item in iter_articles(paths):
        if isinstance(item, InputProblem):
            click.echo(f"tqcheck: error: {item.path}: {item.message}", err=True)
            status = 2
            continue
        assert isinstance(item, Article)
        if item.path == "-" or item.id is not None or not item.path.lower().endswith(FIXABLE):
            click.echo(f"tqcheck: error: {item.path}: fix works on .txt and .md files only", err=True)
            status = 2
            continue
        edits = plan(find_issues(Document(item.text, item.path), settings), unsafe)
        if not edits:
            continue
        fixed = apply(item.text, edits)
        changed += 1
        if write:
            with atomic_writer(Path(item.path)) as f:
                f.write(fixed)
            click.echo(f"fixed {item.path} ({len(edits)} edit{'s' * (len(edits) != 1)})", err=True)
        else:
            sys.stdout.writelines(difflib.unified_diff(
                item.text.splitlines(keepends=True), fixed.splitlines(keepends=True),
                fromfile=item.path, tofile=item.path))
    if status:
        return status
    return 1 if changed and not write else 0
