"""Suppressions: directives in the article, a per-item ignore list, and unused-suppression reports.

Three ways to silence a finding (the configuration's ``allow`` list is the fourth,
applied by the rules themselves):

* an HTML comment in a Markdown or text article (or in an HTML page, whose reader
  hands the directives over in ``Article.meta["directives"]``)::

      <!-- tqcheck: disable=TQ101,TQ203 -->   from here on, these rules are off
      <!-- tqcheck: enable=TQ101 -->          from here on, TQ101 is on again
      <!-- tqcheck: disable -->               every rule off (until an enable)
      <!-- tqcheck: enable -->                every rule on again

  A code may be a rule code (``TQ101``), a code prefix (``TQ1``), a rule name
  (``lowercase-place-name``), a category (``casing``) or a LanguageTool code (``LT:...``),
  as with ``--ignore``. Findings inside a directive comment itself are always dropped:
  the comment is markup, not article.
* a ``tqcheck_ignore`` field in a JSON Lines item (a list of codes, or one string of
  comma-separated codes): the whole item.

Unused suppressions are reported like ruff's RUF100: an issue ``TQ000
unused-suppression`` at the directive, added only with ``--report-unused-suppressions``.
It never changes the score; like any issue it fails the gate only when its severity
(``minor``, or what the configuration's ``severity`` table says for ``TQ000``) is at or
above ``--fail-on``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from . import scoring
from .config import Settings
from .model import Issue, Result

UNUSED_CODE = "TQ000"
UNUSED_NAME = "unused-suppression"
UNUSED_CATEGORY = "style"
UNUSED_SUMMARY = "A suppression directive or ignore entry that silenced nothing in this run."

# `<!-- tqcheck: disable=TQ101, TQ2 -->`; no nested quantifiers, bounded code list.
DIRECTIVE = re.compile(
    r"<!--[ \t]*tqcheck[ \t]*:[ \t]*(?P<kind>disable|enable)\b[ \t]*(?:=[ \t]*(?P<codes>[^<>\n]{0,400}?))?[ \t]*-->",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"[,\s]+")


@dataclass(frozen=True)
class Directive:
    offset: int
    length: int  # the comment's length in the text; 0 for directives handed over by a reader
    kind: str  # "disable" | "enable"
    codes: tuple[str, ...]  # empty = every rule


@dataclass
class _Use:
    directive: Directive
    selector: str  # a code from the directive, or "*" for a bare disable
    used: bool = False


def parse_codes(value: object) -> tuple[str, ...]:
    """`"TQ101, TQ2"` or `["TQ101", "TQ2"]` -> ('TQ101', 'TQ2')."""
    if value is None:
        return ()
    if isinstance(value, str):
        items: Iterable = _SPLIT.split(value)
    elif isinstance(value, (list, tuple)):
        items = (str(v) for v in value)
    else:
        return ()
    return tuple(c.strip() for c in items if c and c.strip())


def directives_in_text(text: str) -> list[Directive]:
    """The `<!-- tqcheck: ... -->` comments written in the text itself (Markdown, plain text)."""
    if "tqcheck" not in text and "TQCHECK" not in text.upper():
        return []
    return [
        Directive(m.start(), m.end() - m.start(), m.group("kind").lower(), parse_codes(m.group("codes")))
        for m in DIRECTIVE.finditer(text)
    ]


def directives_from_meta(meta: dict | None) -> list[Directive]:
    """Directives a reader found outside the text, as `(offset, "disable"|"enable", [codes])`."""
    out = []
    for d in (meta or {}).get("directives") or ():
        try:
            offset, kind, codes = d
        except (TypeError, ValueError):
            continue
        kind = str(kind).lower()
        if kind in ("disable", "enable") and isinstance(offset, int):
            out.append(Directive(offset, 0, kind, parse_codes(codes)))
    return out


def item_ignores(meta: dict | None) -> tuple[str, ...]:
    """A JSONL item's own `tqcheck_ignore` field (the reader keeps item fields in meta)."""
    if not meta:
        return ()
    value = meta.get("tqcheck_ignore")
    if value is None and isinstance(meta.get("fields"), dict):
        value = meta["fields"].get("tqcheck_ignore")
    return parse_codes(value)


def selector_matches(selector: str, issue: Issue) -> bool:
    """Like `--ignore`: a code or code prefix, a rule name, or a category."""
    s = selector.strip()
    if not s:
        return False
    if s == "*":
        return True
    return issue.rule.upper().startswith(s.upper()) or s.lower() in (issue.name, issue.category)


def _selector_is_active(selector: str, settings: Settings) -> bool | None:
    """True if some active rule matches, False if only inactive ones do, None if none at all."""
    from .api import active_rules, matches
    from .rules import all_rules

    if selector == "*":
        return True
    if selector.upper().startswith("LT"):
        return False  # LanguageTool may not have run (or not on this article): never known to be unused
    known = [r for r in all_rules() if matches(selector, r)]
    if not known:
        return None
    from .config import ConfigError

    try:
        active = active_rules(settings)
    except ConfigError:  # a bad selector in settings is reported elsewhere
        return True
    return any(r in active for r in known)


class _Timeline:
    """Which selectors are disabled at each offset, replaying the directives in order."""

    def __init__(self, directives: Sequence[Directive]) -> None:
        self.uses: list[_Use] = []
        self.starts: list[int] = []
        # each state: (bare disable in force or None, {selector: use}, selectors re-enabled under a bare disable)
        self.states: list[tuple[_Use | None, dict[str, _Use], frozenset[str]]] = []
        everything: _Use | None = None
        named: dict[str, _Use] = {}
        exceptions: set[str] = set()
        for d in sorted(directives, key=lambda d: d.offset):
            if d.kind == "disable":
                if not d.codes:
                    everything = _Use(d, "*")
                    self.uses.append(everything)
                    exceptions = set()
                for c in d.codes:
                    use = _Use(d, c)
                    self.uses.append(use)
                    named[c.upper()] = use
                    exceptions.discard(c.upper())
            else:
                if not d.codes:
                    everything, named, exceptions = None, {}, set()
                for c in d.codes:
                    named.pop(c.upper(), None)
                    if everything is not None:
                        exceptions.add(c.upper())
            self.starts.append(d.offset)
            self.states.append((everything, dict(named), frozenset(exceptions)))

    def suppressor(self, issue: Issue) -> _Use | None:
        i = bisect_right(self.starts, issue.offset) - 1
        if i < 0:
            return None
        everything, named, exceptions = self.states[i]
        for use in named.values():
            if selector_matches(use.selector, issue):
                return use
        if everything is not None and not any(selector_matches(e, issue) for e in exceptions):
            return everything
        return None


def _overlaps(issue: Issue, d: Directive) -> bool:
    return d.length > 0 and issue.offset < d.offset + d.length and d.offset < issue.offset + max(issue.length, 1)


def unused_issue(text: str | None, offset: int, length: int, message: str, settings: Settings) -> Issue:
    line, col = _position(text or "", offset)
    return Issue(
        rule=UNUSED_CODE,
        name=UNUSED_NAME,
        category=UNUSED_CATEGORY,
        severity=settings.severity.get(UNUSED_CODE, "minor"),
        message=message,
        offset=offset,
        length=length,
        text=(text or "")[offset : offset + length],
        line=line,
        column=col,
        suggestion=None,
    )


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def rescore(result: Result, issues: list[Issue], settings: Settings) -> Result:
    """The result with these issues, its score and verdict recomputed (unused-suppression reports weigh nothing)."""
    scored = [i for i in issues if i.rule != UNUSED_CODE]
    value = scoring.score(scored, result.words or 0, settings.severity_weights, settings.category_weights)
    ok = scoring.passes(value, issues, settings.fail_under, settings.fail_on)
    return replace(result, issues=issues, score=value, passed=ok)


@dataclass
class SuppressionReport:
    kept: list[Issue]
    suppressed: list[Issue] = field(default_factory=list)
    unused: list[Issue] = field(default_factory=list)


def suppress(
    issues: list[Issue],
    text: str | None,
    settings: Settings,
    *,
    meta: dict | None = None,
) -> SuppressionReport:
    """Split issues into kept and suppressed, and list the suppressions that silenced nothing."""
    directives = directives_in_text(text or "") + directives_from_meta(meta)
    ignores = item_ignores(meta)
    if not directives and not ignores:
        return SuppressionReport(kept=list(issues))
    timeline = _Timeline(directives)
    item_uses = [_Use(Directive(0, 0, "disable", ignores), c) for c in ignores]
    inline = [d for d in directives if d.length]
    rep = SuppressionReport(kept=[])
    for issue in issues:
        if any(_overlaps(issue, d) for d in inline):
            rep.suppressed.append(issue)  # a finding in the directive comment itself
            continue
        use = next((u for u in item_uses if selector_matches(u.selector, issue)), None)
        use = use or timeline.suppressor(issue)
        if use is None:
            rep.kept.append(issue)
        else:
            use.used = True
            rep.suppressed.append(issue)
    for use in (*timeline.uses, *item_uses):
        if use.used:
            continue
        active = _selector_is_active(use.selector, settings)
        if active is False:  # its rules are not on in this run: not known to be unused
            continue
        d = use.directive
        if use in item_uses:
            what = f"'{use.selector}' in this item's tqcheck_ignore"
        elif use.selector == "*":
            what = "'disable' (every rule)"
        else:
            what = f"'{use.selector}'"
        why = "unknown rule code" if active is None else "no finding to suppress"
        rep.unused.append(unused_issue(text, d.offset, d.length, f"Unused suppression {what}: {why}", settings))
    return rep


def apply_suppressions(result: Result, text: str | None, settings: Settings, meta: dict | None = None) -> Result:
    """The result without suppressed findings, plus TQ000 reports of unused suppressions, rescored.

    The CLI drops the TQ000 reports again unless ``--report-unused-suppressions`` is given
    (see :func:`drop_unused`): workers cannot see command-line flags that are not settings.
    """
    if result.issues is None:
        return result
    rep = suppress(result.issues, text, settings, meta=meta)
    if not rep.suppressed and not rep.unused:
        return result
    issues = sorted(rep.kept + rep.unused, key=lambda i: (i.offset, i.rule))
    return rescore(result, issues, settings)


def drop_unused(result: Result, settings: Settings) -> Result:
    """The result without TQ000 reports (when --report-unused-suppressions is not given)."""
    if not result.issues or not any(i.rule == UNUSED_CODE for i in result.issues):
        return result
    return rescore(result, [i for i in result.issues if i.rule != UNUSED_CODE], settings)
