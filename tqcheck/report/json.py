"""JSON and JSON Lines reports (DESIGN.md §6, a contract)."""
from __future__ import annotations

import json

from .. import __version__
from ..model import Result
from . import Reporter, Summary

# One encoder for every line: json.dumps with options builds a new JSONEncoder per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


class JsonReporter(Reporter):
    """One document: version, summary, results. Results are held until the end."""

    def start(self) -> None:
        self.results: list[dict] = []

    def result(self, r: Result) -> None:
        self.results.append(r.to_dict())

    def finish(self, s: Summary) -> None:
        doc = {"tqcheck_version": __version__, "summary": s.to_dict(), "results": self.results}
        json.dump(doc, self.stream, ensure_ascii=False, indent=1)
        self.stream.write("\n")


class JsonLinesReporter(Reporter):
    """One result object per line as each article is done, then a summary line."""

    def result(self, r: Result) -> None:
        self.stream.write(_ENCODE(r.to_dict()) + "\n")
        self.stream.flush()

    def finish(self, s: Summary) -> None:
        self.stream.write(json.dumps({"tqcheck_version": __version__, "summary": s.to_dict()}) + "\n")
