"""SARIF 2.1.0, for GitHub code scanning and every other SARIF consumer.

One run; ``tool.driver.rules`` lists every registered rule (id, name, short and full
description, help = the rule's documentation, default level) and, as they turn up,
LanguageTool rules (``LT:...``) that are not in the registry.

Levels: ``critical`` and ``major`` -> ``error``, ``minor`` -> ``warning``. ``note`` is kept
for reports about suppressions (TQ000), which never change a score.

Positions: ``columnKind`` is ``unicodeCodePoints``, like every offset in tqcheck. For a
plain-text or Markdown file the region (start/end line and column, ``charOffset``,
``charLength``) locates the span in the file itself and a suggestion becomes a SARIF
``fix``. For a feed item or an HTML page the offsets index the *extracted* article text, not
the file: the location then names the file only, a logical location names the item, and
the text region is kept under ``properties.textRegion``.

Results stream: each is written as soon as its article is done, and the driver (whose rule
list may grow with LanguageTool codes) is written at the end; JSON does not care about
key order.
"""
from __future__ import annotations

import json
import os
from urllib.parse import quote

from .. import __version__
from ..model import MQM_DIMENSIONS, Issue, Result
from . import Reporter, Summary

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"critical": "error", "major": "error", "minor": "warning"}
# files whose article text is the file's own text, so that positions index the file
IN_FILE_SUFFIXES = (".txt", ".md", ".markdown", ".text")
FINGERPRINT_KEY = "tqcheck/v1"


def level(issue: Issue) -> str:
    if issue.rule == "TQ000":
        return "note"
    return LEVELS.get(issue.severity, "warning")


def positions_in_file(r: Result) -> bool:
    """True when offsets/lines index the file itself (not text extracted from a feed or page)."""
    if r.id is not None:
        return False
    if r.path == "-":
        return True
    low = r.path.lower()
    return low.endswith(IN_FILE_SUFFIXES) or "." not in os.path.basename(low)


def artifact_uri(path: str) -> str:
    """A URI reference for a path as given: relative paths stay relative, `/`-separated."""
    if path == "-":
        return "stdin"
    p = path.replace(os.sep, "/") if os.sep != "/" else path
    if os.path.isabs(path):
        return "file://" + quote(p if p.startswith("/") else "/" + p)
    while p.startswith("./"):
        p = p[2:]
    return quote(p)


def end_position(issue: Issue) -> tuple[int, int]:
    """1-based line and exclusive column just after the span."""
    nl = issue.text.count("\n")
    if nl == 0:
        return issue.line, issue.column + issue.length
    return issue.line + nl, len(issue.text) - issue.text.rfind("\n")


def region(issue: Issue) -> dict:
    end_line, end_col = end_position(issue)
    reg = {
        "startLine": issue.line,
        "startColumn": issue.column,
        "endLine": end_line,
        "endColumn": end_col,
        "charOffset": issue.offset,
        "charLength": issue.length,
    }
    if issue.text:
        reg["snippet"] = {"text": issue.text}
    return reg


def _first_section(doc: str, heading: str = "## What it flags") -> str:
    i = doc.find(heading)
    if i < 0:
        return ""
    rest = doc[i + len(heading):]
    j = rest.find("\n## ")
    return " ".join((rest if j < 0 else rest[:j]).split())


def rule_descriptor(r) -> dict:
    full = _first_section(r.doc) or r.summary
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": full},
        "help": {"text": r.doc, "markdown": r.doc},
        "defaultConfiguration": {"level": LEVELS[r.severity]},
        "properties": {
            "category": r.category,
            "mqm": MQM_DIMENSIONS.get(r.category, ""),
            "severity": r.severity,
            "tags": ["translation-quality", r.category],
        },
    }


def extra_descriptor(issue: Issue) -> dict:
    """A rule met in results but not in the registry (LanguageTool, TQ000)."""
    if issue.rule == "TQ000":
        from ..suppress import UNUSED_SUMMARY

        summary = UNUSED_SUMMARY
        doc = ("## What it flags\nA `<!-- tqcheck: disable=... -->` directive or a `tqcheck_ignore` entry "
               "that suppressed no finding in this run.\n\n## Why it matters\nStale suppressions hide future findings.\n\n"
               "## Example\n`<!-- tqcheck: disable=TQ101 -->` above text with no TQ101 finding.\n\n"
               "## Use instead\nRemove the directive, or the code from it.")
    elif issue.rule.upper().startswith("LT"):
        summary = f"LanguageTool rule {issue.rule[3:] if issue.rule.upper().startswith('LT:') else issue.rule} ({issue.category})."
        doc = f"{summary}\n\nReported by LanguageTool through tqcheck's grammar layer. Example message: {issue.message}"
    else:
        summary = f"Rule {issue.rule} ({issue.category})."
        doc = summary
    return {
        "id": issue.rule,
        "name": issue.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": level(issue)},
        "properties": {
            "category": issue.category,
            "mqm": MQM_DIMENSIONS.get(issue.category, ""),
            "severity": issue.severity,
            "tags": ["translation-quality", issue.category],
        },
    }


def fixes(issue: Issue, uri: str) -> list[dict]:
    """SARIF fixes: the rule's own edits when it has them, else the suggestion for the span."""
    if issue.fix:
        edits = [(e.offset, e.length, e.replacement) for e in issue.fix]
        what = "Apply tqcheck's fix"
    elif issue.suggestion is not None:
        edits = [(issue.offset, issue.length, issue.suggestion)]
        what = f"Replace with '{issue.suggestion}'" if issue.suggestion else "Remove"
    else:
        return []
    return [{
        "description": {"text": what},
        "artifactChanges": [{
            "artifactLocation": {"uri": uri},
            "replacements": [
                {"deletedRegion": {"charOffset": o, "charLength": n}, "insertedContent": {"text": t}}
                for o, n, t in edits
            ],
        }],
    }]


class SarifReporter(Reporter):
    def __init__(self, stream, fail_under: float = 80.0) -> None:
        super().__init__(stream, fail_under)
        self.rules: list[dict] = []
        self.index: dict[str, int] = {}
        self.notifications: list[dict] = []
        self.articles: list[dict] = []
        self.first = True

    def start(self) -> None:
        from ..rules import all_rules

        for r in all_rules():
            self.index[r.code] = len(self.rules)
            self.rules.append(rule_descriptor(r))
        w = self.stream.write
        w('{\n "$schema": ' + json.dumps(SCHEMA) + ',\n "version": "2.1.0",\n "runs": [\n  {\n')
        w('   "columnKind": "unicodeCodePoints",\n   "results": [')

    def _rule_index(self, issue: Issue) -> int:
        i = self.index.get(issue.rule)
        if i is None:
            i = self.index[issue.rule] = len(self.rules)
            self.rules.append(extra_descriptor(issue))
        return i

    def sarif_result(self, r: Result, issue: Issue) -> dict:
        from ..baseline import fingerprint

        uri = artifact_uri(r.path)
        in_file = positions_in_file(r)
        loc: dict = {"physicalLocation": {"artifactLocation": {"uri": uri}}}
        props: dict = {"severity": issue.severity, "category": issue.category, "name": issue.name}
        if in_file:
            loc["physicalLocation"]["region"] = region(issue)
        else:
            props["textRegion"] = region(issue)
        if r.id is not None:
            loc["logicalLocations"] = [{"name": r.id, "fullyQualifiedName": f"{r.path}#{r.id}", "kind": "object"}]
            props["item"] = r.id
        message = issue.message
        if issue.suggestion is not None:
            props["suggestion"] = issue.suggestion
            message += f" (suggestion: {issue.suggestion or 'remove'})"
        out = {
            "ruleId": issue.rule,
            "ruleIndex": self._rule_index(issue),
            "level": level(issue),
            "message": {"text": message},
            "locations": [loc],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint(r, issue)},
            "properties": props,
        }
        fx = fixes(issue, uri) if in_file else []
        if fx:
            out["fixes"] = fx
        return out

    def result(self, r: Result) -> None:
        if r.error is not None:
            self.notifications.append({
                "level": "error",
                "message": {"text": f"{r.path if r.id is None else f'{r.path}#{r.id}'}: {r.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}],
                "descriptor": {"id": "input-error"},
            })
            self.articles.append({"path": r.path, "id": r.id, "error": r.error})
            return
        self.articles.append({"path": r.path, "id": r.id, "words": r.words, "score": r.score, "passed": r.passed})
        w = self.stream.write
        for issue in r.issues or ():
            w(("\n" if self.first else ",\n") + "    " + json.dumps(self.sarif_result(r, issue), ensure_ascii=False))
            self.first = False

    def finish(self, s: Summary) -> None:
        w = self.stream.write
        w("\n   ],\n")
        tool = {"driver": {
            "name": "tqcheck",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": self.rules,
        }}
        invocation = {"executionSuccessful": s.errors == 0, "toolExecutionNotifications": self.notifications}
        props = {"summary": s.to_dict(), "fail_under": self.fail_under, "articles": self.articles}
        w('   "tool": ' + json.dumps(tool, ensure_ascii=False) + ",\n")
        w('   "invocations": [' + json.dumps(invocation, ensure_ascii=False) + "],\n")
        w('   "properties": ' + json.dumps(props, ensure_ascii=False) + "\n  }\n ]\n}\n")
