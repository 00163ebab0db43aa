"""Grammar and spelling from LanguageTool, through language-tool-python: one request per article.

LanguageTool is optional. ``auto`` uses a local LanguageTool only when one is
already installed (nothing is downloaded behind the user's back) and otherwise
says once why grammar checks are off. An explicit request (``--grammar``, a
server URL) that cannot be served is an error. Start-up and requests are time-
bounded: language-tool-python can retry ports for minutes on a broken install.

Findings keep LanguageTool's rule id as their code (``LT:MORFOLOGIK_RULE_EN_US``)
so ``--select``/``--ignore`` work on them. LanguageTool rules that duplicate ours
or misfire on news are disabled, findings that overlap one of ours are dropped,
and the speller is not trusted on names the article, the gazetteer or the
``allow`` list knows.
"""
from __future__ import annotations

import os
import re
import shutil
import threading
from dataclasses import dataclass

from .config import Settings
from .document import Document
from .model import Issue

LANGUAGE = "en-US"
START_TIMEOUT = 90.0  # seconds for a local server to start or a remote one to answer /v2/languages
REQUEST_TIMEOUT = 30  # seconds per /v2/check request (language-tool-python tries twice)
MAX_CONCURRENT = 4  # requests in flight in one process

# LanguageTool rules that duplicate tqcheck's own or misfire on news copy.
DISABLED_RULES = frozenset({
    "UPPERCASE_SENTENCE_START",  # TQ102 lowercase-sentence-start
    "WHITESPACE_RULE",  # repeated white space is formatting, not language
    "COMMA_PARENTHESIS_WHITESPACE",  # punctuation rules
    "DOUBLE_PUNCTUATION",
    "PUNCTUATION_PARAGRAPH_END",  # segmentation rules
    "EN_UNPAIRED_BRACKETS",  # quotes legitimately stay open across news paragraphs
    "EN_UNPAIRED_QUOTES",
    "EN_QUOTES",  # straight vs curly quotes is house style (mixed quotes: our punctuation rule)
    "DASH_RULE",
    "SENTENCE_WHITESPACE",
    "EN_COMPOUNDS",  # house-style hyphenation
})

SPELLING_TYPES = frozenset({"misspelling"})
SPELLING_CATEGORIES = frozenset({"TYPOS"})
MAJOR_TYPES = frozenset({"grammar"})
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")


class GrammarUnavailable(Exception):
    """LanguageTool cannot be used; str() is the one-line reason."""


@dataclass(frozen=True)
class GrammarRequest:
    """How the user asked for grammar checks: off, auto, or explicitly (local or a server URL)."""

    mode: str  # "off" | "auto" | "on"
    url: str | None = None

    @classmethod
    def resolve(cls, settings: Settings, grammar: bool | None = None, url: str | None = None) -> GrammarRequest:
        """Command-line flags first, then the ``languagetool`` setting."""
        if url:
            return cls("on", url)
        configured = settings.languagetool
        configured_url = configured if configured.startswith(("http://", "https://")) else None
        if grammar is False:
            return cls("off")
        if grammar is True:
            return cls("on", configured_url)
        if configured_url:
            return cls("on", configured_url)
        return cls("on" if configured == "on" else configured)


def _bounded(fn, timeout: float, what: str):
    """Run ``fn`` in a daemon thread and give up after ``timeout`` seconds."""
    box: dict = {}

    def target():
        try:
            box["value"] = fn()
        except BaseException as e:  # reported to the caller below
            box["error"] = e

    t = threading.Thread(target=target, name="tqcheck-languagetool", daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        _terminate_local_servers()
        raise GrammarUnavailable(f"{what} did not answer within {timeout:.0f} s")
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _terminate_local_servers() -> None:
    try:
        from language_tool_python.server import terminate_server

        terminate_server()
    except Exception:
        pass


def _local_install_present() -> bool:
    if os.environ.get("LTP_JAR_DIR_PATH"):
        return True
    from language_tool_python.download_lt import LocalLanguageTool

    return bool(LocalLanguageTool.get_installed_versions())


def _one_line(e: BaseException) -> str:
    text = " ".join(str(e).split()) or type(e).__name__
    return text if len(text) <= 200 else text[:199] + "…"


class Grammar:
    """A connected LanguageTool client. Thread-safe for concurrent ``check`` calls."""

    def __init__(self, tool, where: str) -> None:
        self.tool = tool
        self.where = where
        # What a worker process passes to language-tool-python as remote_server.
        self.base_url = f"http://{tool.host}:{tool.port}/" if not tool.is_remote else tool.url.rsplit("v2/", 1)[0]
        self._slots = threading.BoundedSemaphore(MAX_CONCURRENT)

    @classmethod
    def open(cls, request: GrammarRequest, *, start_timeout: float | None = None) -> Grammar:
        """Connect (or start a local server); raise GrammarUnavailable with the reason."""
        timeout = START_TIMEOUT if start_timeout is None else start_timeout
        if not request.url and shutil.which("java") is None:  # before the import: it costs ~60 ms a run
            raise GrammarUnavailable("Java is not installed, and a local LanguageTool needs it (or use --languagetool-url)")
        try:
            import language_tool_python as ltp
        except ImportError:
            raise GrammarUnavailable("language-tool-python is not installed (pip install language-tool-python)") from None
        if request.url:
            where = f"the LanguageTool server at {request.url}"
            make = lambda: ltp.LanguageTool(LANGUAGE, remote_server=request.url)  # noqa: E731
        else:
            where = "a local LanguageTool"
            if request.mode == "auto" and not _local_install_present():
                raise GrammarUnavailable(
                    "no local LanguageTool is installed and auto mode does not download one "
                    "(use --grammar to let language-tool-python download it, or --languagetool-url)"
                )
            make = lambda: ltp.LanguageTool(LANGUAGE)  # noqa: E731
        try:
            tool = _bounded(make, timeout, where)
        except GrammarUnavailable:
            raise
        except Exception as e:
            raise GrammarUnavailable(f"{where} cannot be used: {_one_line(e)}") from None
        tool._TIMEOUT = REQUEST_TIMEOUT
        tool.disabled_rules = set(DISABLED_RULES)
        return cls(tool, where)

    def matches(self, text: str) -> list:
        """One /v2/check request for the whole article. Raises GrammarUnavailable on failure."""
        with self._slots:
            try:
                return self.tool.check(text)
            except Exception as e:
                raise GrammarUnavailable(f"{self.where} failed: {_one_line(e)}") from None

    def close(self) -> None:
        try:
            self.tool.close()
        except Exception:
            pass


def category_of(match) -> str:
    if match.rule_issue_type in SPELLING_TYPES or match.category in SPELLING_CATEGORIES:
        return "spelling"
    return "grammar"


def severity_of(match) -> str:
    return "major" if match.rule_issue_type in MAJOR_TYPES else "minor"


def _code_points(s: str, utf16_units: int) -> int:
    """The code-point index in ``s`` of a UTF-16 offset (LanguageTool counts Java chars)."""
    units = i = 0
    while i < len(s) and units < utf16_units:
        units += 2 if ord(s[i]) > 0xFFFF else 1
        i += 1
    return i


def locate(text: str, match) -> tuple[int, int] | None:
    """The match's code-point span in ``text``, confirmed by the context LanguageTool sent back.

    language-tool-python converts the match offset from UTF-16 by counting astral
    characters, but not the context offset or the length. The flagged text cut
    from the context confirms the converted offset (and repairs it when the
    conversion was off); a match that cannot be placed is dropped, not guessed.
    """
    a = _code_points(match.context, match.offset_in_context)
    b = _code_points(match.context, match.offset_in_context + match.error_length)
    flagged = match.context[a:b]
    if not flagged:
        return None
    off = match.offset
    if text[off : off + len(flagged)] == flagged:
        return off, off + len(flagged)
    slack = sum(1 for ch in text if ord(ch) > 0xFFFF) + 2
    i = text.find(flagged, max(0, off - slack), off + slack + len(flagged))
    return (i, i + len(flagged)) if i >= 0 else None


def _known_name(word: str, doc: Document, settings: Settings) -> bool:
    """Speller hits the article itself, the gazetteer or the config vouch for."""
    from .lexicon import geo

    if word.casefold() in settings.allow:
        return True
    if geo.place(word.lower().replace("\u2019", "'")) is not None:
        return True  # a place (lowercase ones are our casing rule's business)
    if word[:1].isupper():
        return doc.text.count(word) >= 2  # a name the article uses consistently
    return False


def to_issues(matches: list, doc: Document, settings: Settings) -> list[Issue]:
    """Map LanguageTool matches into Issues on the document's text."""
    out = []
    for m in matches:
        if m.rule_id in DISABLED_RULES:
            continue
        span = locate(doc.text, m)
        if span is None:
            continue
        start, end = span
        category = category_of(m)
        word = doc.text[start:end]
        if category == "spelling" and _WORD.fullmatch(word) and _known_name(word, doc, settings):
            continue
        if doc.in_non_prose(start, end):
            continue
        line, col = doc.position(start)
        out.append(Issue(
            rule=f"LT:{m.rule_id}",
            name=m.rule_id.lower().replace("_", "-"),
            category=category,
            severity=settings.severity.get(f"LT:{m.rule_id}", severity_of(m)),
            message=" ".join(m.message.split()),
            offset=start,
            length=end - start,
            text=word,
            line=line,
            column=col,
            suggestion=m.replacements[0] if m.replacements else None,
        ))
    return out


def open_for_run(request: GrammarRequest, warn) -> Grammar | None:
    """The client for a run: None when off; in auto mode a failure is one note via ``warn``."""
    if request.mode == "off":
        return None
    try:
        return Grammar.open(request)
    except GrammarUnavailable as e:
        if request.mode == "auto":
            warn(f"grammar checks are off: {e}")
            return None
        raise
