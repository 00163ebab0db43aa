"""JUnit XML, the report every CI server reads (Jenkins, GitLab, Azure, CircleCI, ...).

One ``<testsuite name="tqcheck">`` in a ``<testsuites>`` root; one ``<testcase>`` per
article, named after the article (``path`` or ``path#item``), with ``classname`` the
article's folder (or the feed file) so that CI servers group articles by folder.

* an article that passes the gate: an empty testcase (its issues, if any, in ``<system-out>``);
* an article that fails it: a ``<failure>`` whose message gives the score and the reason, and
  whose text lists every issue as ``line:col CODE [severity] message``;
* an unreadable input: an ``<error>`` with the reader's message.

Counts on ``<testsuite>`` come first in the file, so results are kept until the end
(compactly: one small element per article).
"""
from __future__ import annotations

import os
import re
import socket
import time
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

from ..model import SEVERITY_RANK, Result
from . import Reporter, Summary
from .text import label

# characters XML 1.0 forbids even as references
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(s: str) -> str:
    return _ILLEGAL_XML.sub("\ufffd", s)


def issue_line(i) -> str:
    hint = f" (suggestion: {i.suggestion or 'remove'})" if i.suggestion is not None else ""
    return f"{i.line}:{i.column} {i.rule} [{i.severity}] {i.name}: {i.message}{hint}"


def classname(r: Result) -> str:
    """The group CI servers show: the feed file for a feed item, else the article's folder."""
    base = r.path if r.id is not None else os.path.dirname(r.path)
    base = base.replace("\\", "/").rstrip("/")
    return xml_text(base) if base not in ("", ".", "-") else "tqcheck"


class JUnitReporter(Reporter):
    def __init__(self, stream, fail_under: float = 80.0, fail_on: str = "critical") -> None:
        super().__init__(stream, fail_under)
        self.fail_on = fail_on

    def start(self) -> None:
        self.cases: list[ET.Element] = []
        self.t0 = time.monotonic()
        self.stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "")

    def _reason(self, r: Result) -> str:
        parts = []
        if r.score is not None and r.score < self.fail_under:
            parts.append(f"score {r.score} is below {self.fail_under:g}")
        worst = [i for i in r.issues or () if SEVERITY_RANK.get(i.severity, -1) >= SEVERITY_RANK.get(self.fail_on, 2)]
        if worst:
            parts.append(f"{len(worst)} issue{'s' * (len(worst) != 1)} at or above {self.fail_on}")
        return "; ".join(parts) or "failed the gate"

    def result(self, r: Result) -> None:
        tc = ET.Element("testcase", {"classname": classname(r), "name": xml_text(label(r)),
                                     "file": xml_text(r.path), "time": "0"})
        if r.error is not None:
            ET.SubElement(tc, "error", {"type": "InputError", "message": xml_text(r.error)}).text = xml_text(r.error)
            self.cases.append(tc)
            return
        issues = r.issues or []
        body = "\n".join(xml_text(issue_line(i)) for i in issues)
        head = f"score {r.score}, {r.words} words, {len(issues)} issue{'s' * (len(issues) != 1)}"
        if not r.passed:
            f = ET.SubElement(tc, "failure", {"type": "tqcheck.gate",
                                              "message": f"{head}: {self._reason(r)}"})
            f.text = body or head
        ET.SubElement(tc, "system-out").text = head + ("\n" + body if body else "")
        self.cases.append(tc)

    def finish(self, s: Summary) -> None:
        elapsed = f"{time.monotonic() - self.t0:.3f}"
        counts = {"tests": str(s.articles), "failures": str(s.failed), "errors": str(s.errors), "skipped": "0"}
        root = ET.Element("testsuites", {"name": "tqcheck", **counts, "time": elapsed})
        suite = ET.SubElement(root, "testsuite", {"name": "tqcheck", **counts, "time": elapsed,
                                                   "timestamp": self.stamp, "hostname": xml_text(socket.gethostname() or "localhost")})
        props = ET.SubElement(suite, "properties")
        for k, v in (("fail_under", f"{self.fail_under:g}"), ("fail_on", self.fail_on),
                     ("mean_score", str(s.mean_score)), ("issues", str(s.issues))):
            ET.SubElement(props, "property", {"name": k, "value": v})
        suite.extend(self.cases)
        ET.indent(root, space=" ")
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode"))
        self.stream.write("\n")
