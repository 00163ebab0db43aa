from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from tqcheck.cli import main

# An article with exactly one lowercase sentence start (TQ102) and one boilerplate run (TQ401).
ARTICLE = (
    "The defence ministers met in Minsk on Monday to discuss the joint force.\n\n"
    "The force was created in October. to function as a single army, officials said.\n\n"
    "Subscribe to continue reading\n\n"
    "I'm already a subscriber\n"
)
CLEAN = "The talks in Geneva ended on Friday without an agreement, the mediator said.\n"
CORE = "--select=TQ102,TQ401"  # the foundation's rules, so other families cannot change these counts


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        return json.loads(self.stdout)


@pytest.fixture
def tq():
    """Run the CLI in-process with separate stdout and stderr."""

    def run(*args: str, input: str | bytes | None = None, default_grammar: bool = False) -> Run:
        """``default_grammar``: keep the configured LanguageTool mode (auto) instead of --no-grammar."""
        args = list(args)
        explicit = any(a.startswith(("--grammar", "--no-grammar", "--languagetool")) for a in args)
        if args[:1] == ["check"] and not explicit and not default_grammar:
            args.append("--no-grammar")  # no "grammar checks are off" note in stderr assertions
        r = CliRunner().invoke(main, args, input=input, catch_exceptions=False)
        return Run(r.exit_code, r.stdout, r.stderr)

    return run


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "article.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


@pytest.fixture
def clean(tmp_path):
    p = tmp_path / "clean.txt"
    p.write_text(CLEAN, encoding="utf-8")
    return p
