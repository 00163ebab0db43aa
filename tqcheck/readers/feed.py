"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one article per item or entry, streamed.

Parsed with ``defusedxml`` (expat underneath): a feed that declares entities
or refers to external ones is refused, so nothing is expanded or fetched
(no billion laughs, no XXE). Items are handled as they end and then dropped, so
memory stays flat however long the feed.

An item's text is its title, a blank line, then its content (``content:encoded``
or Atom ``content``, else ``description`` or ``summary``) with the HTML stripped
and laid out one paragraph per line, blank lines between. Offsets index that text.
``<!-- tqcheck: ... -->`` comments in the content go to ``Article.meta["directives"]``.

A malformed feed gives one error for the input (the items before the fault are
still checked); a bad item (no content, over the size limit) is an error for
that item only.
"""
from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from .decode import InputError

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC = "{http://purl.org/dc/elements/1.1/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ITEM_TAGS = frozenset(("item", f"{RSS1}item", f"{ATOM}entry"))
ROOT_TAGS = frozenset(("rss", f"{RDF}RDF", f"{ATOM}feed", "feed", "RDF", "channel"))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(item: Element, *names: str) -> str | None:
    for name in names:
        el = item.find(name)
        if el is not None and (el.text or "").strip():
            return el.text.strip()
    return None


def _xhtml(el: Element) -> str:
    """Atom type="xhtml" content back to HTML markup without namespace prefixes."""
    from xml.etree.ElementTree import tostring

    for e in el.iter():
        if isinstance(e.tag, str):
            e.tag = _local(e.tag)
    inner = (el.text or "") + "".join(tostring(c, encoding="unicode") for c in el)
    return inner


def _content(item: Element) -> tuple[str | None, bool]:
    """(content, is_html) of an item: full content first, then the description or summary."""
    enc = item.find(CONTENT)
    if enc is not None and (enc.text or "").strip():
        return enc.text, True
    for tag in (f"{ATOM}content", f"{ATOM}summary"):
        el = item.find(tag)
        if el is None:
            continue
        kind = (el.get("type") or "text").lower()
        if kind == "xhtml":
            body = _xhtml(el)
            if body.strip():
                return body, True
        elif (el.text or "").strip():
            return el.text, kind in ("html", "text/html")
    for tag in ("description", f"{RSS1}description"):
        el = item.find(tag)
        if el is not None and (el.text or "").strip():
            return el.text, True
    return None, False


def _title(item: Element) -> str | None:
    for tag in ("title", f"{RSS1}title", f"{ATOM}title"):
        el = item.find(tag)
        if el is None:
            continue
        raw = _xhtml(el) if (el.get("type") or "").lower() == "xhtml" else (el.text or "")
        if (el.get("type") or "").lower() in ("html", "xhtml") or "<" in raw or "&" in raw:
            from .html import fragment_text

            raw = " ".join(fragment_text(raw)[0].split())
        raw = " ".join(raw.split())
        if raw:
            return raw
    return None


def _ident(item: Element, where: str) -> str:
    for tag in ("guid", f"{ATOM}id"):
        t = _child_text(item, tag)
        if t:
            return t
    link = _link(item)
    if link:
        return link
    about = item.get(f"{RDF}about")
    return about or where


def _link(item: Element) -> str | None:
    t = _child_text(item, "link", f"{RSS1}link")
    if t:
        return t
    for el in item.findall(f"{ATOM}link"):
        if (el.get("rel") or "alternate") == "alternate" and el.get("href"):
            return el.get("href")
    return None


def _meta(item: Element, title: str | None) -> dict:
    meta: dict = {"format": "feed"}
    if title:
        meta["title"] = title
    link = _link(item)
    if link:
        meta["link"] = link
    published = _child_text(item, "pubDate", f"{DC}date", f"{ATOM}published", f"{ATOM}updated")
    if published:
        meta["published"] = published
    author = _child_text(item, "author", f"{DC}creator")
    if author is None:
        a = item.find(f"{ATOM}author")
        if a is not None:
            author = _child_text(a, f"{ATOM}name")
    if author:
        meta["author"] = author
    cats = [c.text.strip() if (c.text or "").strip() else c.get("term") for c in item.findall("category")]
    cats += [c.get("term") for c in item.findall(f"{ATOM}category")]
    cats = [c for c in cats if c]
    if cats:
        meta["categories"] = cats
    return meta


def item_article(path: str, item: Element, where: str, max_bytes: int):
    """One RSS item or Atom entry to an Article (or an InputProblem for that item)."""
    from . import Article, item_problem
    from .html import fragment_text, plain_text

    ident = _ident(item, where)
    title = _title(item)
    body, is_html = _content(item)
    if body is None:
        return item_problem(path, ident, where, "no content or description")
    if len(body) > max_bytes:  # code points <= bytes, so this is a lower bound of the size
        return item_problem(path, ident, where, f"article over the {max_bytes // 1_048_576} MB limit")
    text, directives = fragment_text(body) if is_html else (plain_text(body), [])
    if not text.strip():
        return item_problem(path, ident, where, "empty article")
    if title and not text.startswith(title):
        shift = len(title) + 2
        text = f"{title}\n\n{text}"
        directives = [(o + shift if o > 0 else 0, a, c) for o, a, c in directives]
    if len(text.encode("utf-8")) > max_bytes:
        return item_problem(path, ident, where, f"article over the {max_bytes // 1_048_576} MB limit")
    meta = _meta(item, title)
    meta["where"] = where
    if directives:
        meta["directives"] = directives
    return Article(path, ident, text, meta)


def _open(path: str):
    if path == "-":
        from . import stdin_bytes

        return stdin_bytes()
    return open(path, "rb")


def _check_head(f) -> None:
    try:
        head = f.peek(4096)[:4096]
    except (AttributeError, OSError, ValueError):
        return
    if not head.strip():
        raise InputError("empty feed")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file, not text")


def read(path: str, max_bytes: int) -> Iterator:
    """Every item of an RSS or Atom feed, streamed."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    from . import InputProblem

    f = _open(path)
    try:
        _check_head(f)
        stack: list[Element] = []
        n = 0
        root_seen = False
        try:
            for event, el in iterparse(f, events=("start", "end"), forbid_dtd=False,
                                       forbid_entities=True, forbid_external=True):
                if event == "start":
                    if not root_seen:
                        root_seen = True
                        if el.tag not in ROOT_TAGS:
                            raise InputError(f"not an RSS or Atom feed (the document is <{_local(el.tag)}>)")
                    stack.append(el)
                    continue
                stack.pop()
                if el.tag in ITEM_TAGS and not any(s.tag in ITEM_TAGS for s in stack):
                    n += 1
                    yield item_article(path, el, f"item {n}", max_bytes)
                    el.clear()
                    if stack:  # drop the finished item from its parent: memory stays flat
                        try:
                            stack[-1].remove(el)
                        except ValueError:
                            pass
        except ParseError as e:
            line, col = getattr(e, "position", (0, 0))
            msg = str(e).split(":", 1)[0]
            raise InputError(f"malformed feed ({msg} at line {line}, column {col + 1})"
                             + (f" after item {n}" if n else "")) from None
        except DefusedXmlException:
            raise InputError("feed refused: it declares XML entities or refers to external ones, "
                             "which are never expanded or fetched") from None
        except UnicodeError as e:
            raise InputError(f"malformed feed: {e}") from None
        except ValueError as e:  # expat: unknown encoding and the like
            raise InputError(f"malformed feed: {e}") from None
        if not root_seen:
            raise InputError("empty feed")
        if n == 0:
            yield InputProblem(path, None, "feed has no items (looked for RSS <item> and Atom <entry>)")
    finally:
        if path != "-":
            f.close()
