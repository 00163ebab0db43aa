"""HTML to article text: the main text of a page, or all the text of a fragment (a feed item's content).

A page is parsed with selectolax (lexbor, a C HTML5 parser), the block with the
most paragraph text (readability-style scoring, link density, furniture class
names such as ``share``, ``related``, ``newsletter``, ``comments``) is taken as
the article, and its text is laid out one paragraph per line with a blank line
between paragraphs. Issue offsets index this extracted text.

``<!-- tqcheck: disable=CODE -->`` / ``enable`` comments are not text, so they
are returned separately as ``(offset_in_extracted_text, "disable"|"enable",
[codes])`` tuples (an empty list means every rule); a directive before the
article applies from offset 0, one after it at the end.

Why not trafilatura: ``benchmarks/html_extractors.py`` compares the two on pages
written for this project (``tests/data/readers``): trafilatura was 3-8x slower,
lost the headline or the paragraph breaks on several pages and flattened a
table layout into one line, and it drops comments before the directives could
be mapped to offsets. Every step here is linear in the page, however deep.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

Directive = tuple[int, str, list[str]]

# Never text: dropped with everything inside them.
SKIP_TAGS = frozenset(
    "script style noscript template iframe svg math canvas object embed button input select textarea "
    "option label head title meta link nav aside form figure figcaption video audio picture img map "
    "dialog menu".split()
)
# Dropped inside a page unless they are the article block itself.
PAGE_FURNITURE_TAGS = frozenset(("header", "footer"))
BLOCK_TAGS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol blockquote pre table tbody thead tfoot tr td th "
    "dd dt dl header footer address hr center body html details summary caption".split()
)

# class/id words that mark page furniture (matched against the words of class and id, split on - and _).
FURNITURE_WORDS = frozenset(
    "share sharing social related recommended recommend newsletter signup subscribe subscription promo promoted "
    "advert advertisement advertising ad ads adslot sponsor sponsored comment comments breadcrumb breadcrumbs "
    "cookie cookies consent banner menu nav navbar navigation footer header masthead sidebar side widget "
    "popular trending mostread tags tag taglist byline author timestamp dateline caption credit credits toolbar "
    "skip modal popup overlay paywall outbrain taboola teaser teasers".split()
)
_FURNITURE_FULL = frozenset(("most-read", "read-more", "more-stories", "also-read", "see-also"))  # whole names

_DIRECTIVE = re.compile(r"^[ \t\n]*tqcheck[ \t]*:[ \t]*(disable|enable)\b[ \t]*(?:=[ \t]*([^<>]{0,400}?))?[ \t\n]*$", re.I)
_CODE_SPLIT = re.compile(r"[,\s]+")
_SPACE = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_CLASS_SPLIT = re.compile(r"[\s_\-]+")
_TITLE_SUFFIX = re.compile(r"\s+[|\u2013\u2014:-]\s+[^|\u2013\u2014]{2,60}$")


def parse_directive(comment: str) -> tuple[str, list[str]] | None:
    """``tqcheck: disable=TQ101,TQ302`` -> ("disable", ["TQ101", "TQ302"]); None for other comments.

    Codes are kept as written (codes, prefixes, rule names, categories, ``LT:...``):
    ``tqcheck.suppress`` decides what they match.
    """
    m = _DIRECTIVE.match(comment)
    if not m:
        return None
    codes = [c for c in _CODE_SPLIT.split(m.group(2) or "") if c]
    return m.group(1).lower(), codes


@dataclass
class _Builder:
    """Paragraphs laid out as 'para\\n\\npara', white space collapsed, offsets known as text is added."""

    paras: list[str] = field(default_factory=list)
    length: int = 0  # of "\n\n".join(paras)
    buf: list[str] = field(default_factory=list)
    buf_len: int = 0
    space_pending: bool = False
    directives: list[Directive] = field(default_factory=list)

    def text(self, s: str) -> None:
        if not s:
            return
        lead = s[:1].isspace()
        s = _SPACE.sub(" ", s).strip()
        if not s:
            if self.buf:
                self.space_pending = True
            return
        if self.buf and (self.space_pending or lead):
            self.buf.append(" ")
            self.buf_len += 1
        self.buf.append(s)
        self.buf_len += len(s)
        self.space_pending = False  # trailing_space() says whether the raw text ended in one

    def trailing_space(self, s: str) -> None:
        if s and s[-1:].isspace() and self.buf:
            self.space_pending = True

    def flush(self) -> None:
        if self.buf:
            para = "".join(self.buf)
            self.length += (2 if self.paras else 0) + len(para)
            self.paras.append(para)
        self.buf, self.buf_len, self.space_pending = [], 0, False

    def here(self) -> int:
        """Where the next character will go."""
        if self.buf:
            return self.length + (2 if self.paras else 0) + self.buf_len + (1 if self.space_pending else 0)
        return self.length + (2 if self.paras else 0)

    def directive(self, action: str, codes: list[str]) -> None:
        self.directives.append((self.here(), action, codes))

    def result(self) -> tuple[str, list[Directive]]:
        self.flush()
        text = "\n\n".join(self.paras)
        return text, [(min(o, len(text)), a, c) for o, a, c in self.directives]


def _is_furniture(node) -> bool:
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip().lower()
    if not names:
        return (attrs.get("role") or "") in ("navigation", "banner", "contentinfo", "complementary")
    if any(n in _FURNITURE_FULL for n in names.split()):
        return True
    return any(w in FURNITURE_WORDS for w in _CLASS_SPLIT.split(names))


def _children(node):
    c = node.child
    while c is not None:
        yield c
        c = c.next


@dataclass
class _Stats:
    """Per-node text measures, computed bottom-up in one pass (linear in the page, however deep)."""

    text: dict[int, int] = field(default_factory=dict)  # visible text length under the node
    links: dict[int, int] = field(default_factory=dict)  # ...of it inside <a>
    commas: dict[int, int] = field(default_factory=dict)
    block_inside: set[int] = field(default_factory=set)  # nodes with a block element below them
    direct: dict[int, tuple[int, int]] = field(default_factory=dict)  # (text length, commas) of text children
    br: set[int] = field(default_factory=set)  # nodes with a <br> child
    candidates: list = field(default_factory=list)  # p, div, td... in document order

    def tlen(self, node) -> int:
        return self.text.get(node.mem_id, 0)

    def link_density(self, node) -> float:
        n = self.text.get(node.mem_id, 0)
        return self.links.get(node.mem_id, 0) / n if n else 1.0


_CANDIDATE_TAGS = frozenset("p pre blockquote div td section article body".split())


def _measure(root) -> _Stats:
    st = _Stats()
    text, links, commas = st.text, st.links, st.commas
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        tag = node.tag
        if tag == "-text":
            raw = node.text_content or ""
            k = node.mem_id
            text[k] = len(" ".join(raw.split()))
            commas[k] = raw.count(",")
            continue
        if tag is None or tag.startswith("-") or tag in SKIP_TAGS:
            continue
        if not done:
            if tag in _CANDIDATE_TAGS:
                st.candidates.append(node)
            stack.append((node, True))
            stack.extend((c, False) for c in _children(node))
            continue
        k = node.mem_id
        t = c_ = li = dt = dc = 0
        for c in _children(node):
            ck = c.mem_id
            ct = text.get(ck, 0)
            t += ct
            c_ += commas.get(ck, 0)
            li += links.get(ck, 0)
            ctag = c.tag
            if ctag == "-text":
                dt += ct
                dc += commas.get(ck, 0)
            elif ctag == "br":
                st.br.add(k)
            elif ctag in BLOCK_TAGS or ck in st.block_inside:
                st.block_inside.add(k)
        text[k] = t
        commas[k] = c_
        links[k] = t if tag == "a" else li
        if dt:
            st.direct[k] = (dt, dc)
    return st


def _small_furniture(node, st: _Stats, big: int) -> bool:
    """Furniture by its tag or names, unless it holds most of the text (a wrapper named 'has-sidebar')."""
    if node.tag in SKIP_TAGS:
        return True
    if node.tag in PAGE_FURNITURE_TAGS or _is_furniture(node):
        return st.tlen(node) < big
    return False


def _link_heavy(node, st: _Stats) -> bool:
    """A list or block that is mostly links (related headlines, menus, tag lists)."""
    if node.tag not in ("ul", "ol", "div", "p", "li", "table", "section", "dl"):
        return False
    n = st.tlen(node)
    return 0 < n <= 1500 and st.link_density(node) > 0.6


def _choose_container(body, st: _Stats):
    """The element holding the most paragraph text, discounted for link density and furniture names."""
    scores: dict[int, float] = {}
    nodes: dict[int, object] = {}
    furniture: dict[int, bool] = {}
    big = st.tlen(body) // 2

    def in_furniture(node) -> bool:
        """Whether a node or one of its ancestors is page furniture (comments, related links...)."""
        path = []
        verdict = False
        while node is not None and node.tag not in ("body", "html"):
            k = node.mem_id
            if k in furniture:
                verdict = furniture[k]
                break
            path.append(k)
            if _small_furniture(node, st, big):
                verdict = True
                break
            node = node.parent
        for k in path:
            furniture[k] = verdict
        return verdict

    def add(node, s: float) -> None:
        if node is None or node.tag in ("html", None):
            return
        k = node.mem_id
        nodes[k] = node
        scores[k] = scores.get(k, 0.0) + s

    for el in st.candidates:
        k = el.mem_id
        if el.tag not in ("p", "pre", "blockquote"):
            # text written straight into a block, paragraphs separated by <br>: the block is the article
            dt, dc = st.direct.get(k, (0, 0))
            if dt >= 80 and k in st.br:
                if not in_furniture(el):
                    s = 1 + dc + min(dt / 100, 6)
                    add(el, s)
                    add(el.parent, s / 2)
                continue
            if k in st.block_inside:
                continue
        # a paragraph, or a block used as one (<div class="para"><span>...</span></div>)
        n = st.text.get(k, 0)
        if n < 25 or in_furniture(el):
            continue
        s = (1 + st.commas.get(k, 0) + min(n / 100, 3)) * (1 - min(st.link_density(el), 1.0))
        parent = el.parent
        add(parent, s)
        if parent is not None:
            add(parent.parent, s / 2)
    best, best_score = None, 0.0
    for k, s in scores.items():
        node = nodes[k]
        s *= 1 - min(st.link_density(node), 0.9)
        if _is_furniture(node) or node.tag in PAGE_FURNITURE_TAGS or node.tag in SKIP_TAGS:
            s *= 0.2
        if s > best_score:
            best, best_score = node, s
    return best


def _walk(root, out: _Builder, st: _Stats | None = None, container=None) -> None:
    """Lay out the text under root; with stats (a page), furniture inside is skipped.

    With a container, only its text is emitted; directives count everywhere.
    """
    inside = container is None
    cid = container.mem_id if container is not None else None
    big = st.tlen(container if container is not None else root) // 2 if st is not None else 0
    # explicit stack of (node, entering): pages can nest deeper than Python's recursion limit
    stack = [(root, True)]
    while stack:
        node, entering = stack.pop()
        tag = node.tag
        if not entering:
            if node.mem_id == cid:
                inside = False
                out.flush()
            elif tag in BLOCK_TAGS:
                out.flush()
            continue
        if tag == "-text":
            if inside:
                raw = node.text_content or ""
                out.text(raw)
                out.trailing_space(raw)
            continue
        if tag == "-comment":
            d = parse_directive(node.comment_content or "")
            if d:
                out.directive(*d)
            continue
        if tag is None or tag.startswith("-") or tag == "!doctype":
            continue
        if node.mem_id == cid:
            inside = True
            out.flush()
        elif tag in SKIP_TAGS or (st is not None and inside and node is not root and
                                  (_small_furniture(node, st, big) or _link_heavy(node, st))):
            _directives_only(node, out)
            continue
        if tag == "br":
            out.flush()
            continue
        if tag in BLOCK_TAGS:
            out.flush()
        stack.append((node, False))
        stack.extend((c, True) for c in reversed(list(_children(node))))


def _directives_only(node, out: _Builder) -> None:
    """A skipped subtree still carries its directives (at the current offset)."""
    stack = [node]
    while stack:
        n = stack.pop()
        if n.tag == "-comment":
            d = parse_directive(n.comment_content or "")
            if d:
                out.directive(*d)
        elif n.tag != "-text":
            stack.extend(reversed(list(_children(n))))


def _title(tree, body) -> str | None:
    h1 = body.css_first("h1") if body is not None else None
    if h1 is not None:
        t = _SPACE.sub(" ", h1.text(deep=True, separator=" ")).strip()
        if t:
            return t
    og = tree.css_first('meta[property="og:title"]')
    if og is not None and (og.attributes.get("content") or "").strip():
        return _SPACE.sub(" ", og.attributes["content"]).strip()
    t = tree.css_first("title")
    if t is not None:
        s = _SPACE.sub(" ", t.text()).strip()
        return _TITLE_SUFFIX.sub("", s) or None
    return None


MAX_DEPTH = 512  # as browsers cap the DOM depth; no news page comes near it
_MANY_TAGS = 20_000  # below this many tags, even the deepest nesting parses in well under a second
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})[^<>]{0,4000}?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SELF_NESTING = frozenset("p li dt dd tr td th option".split())  # `<p>a<p>b`: siblings, not nested


def limit_depth(html: str, max_depth: int = MAX_DEPTH) -> str:
    """Drop the tags (not the text) nested deeper than max_depth.

    An HTML5 parser spends time proportional to the depth on each closing tag, so
    a page of a million nested elements would take hours; this pass is linear.
    """
    stack: list[str] = []
    excess = 0

    def tag(m: re.Match) -> str:
        nonlocal excess
        closing, name, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or selfclose:
            return m.group()
        if closing:
            if excess:
                excess -= 1
                return ""
            for i in range(len(stack) - 1, max(-1, len(stack) - 12), -1):
                if stack[i] == name:
                    del stack[i:]
                    break
            return m.group()
        if name in _SELF_NESTING and stack and stack[-1] == name:
            return m.group()
        if len(stack) >= max_depth:
            excess += 1
            return ""
        stack.append(name)
        return m.group()

    return _TAG.sub(tag, html)


def _parse(html: str):
    from selectolax.lexbor import LexborHTMLParser

    if html.count("<") > _MANY_TAGS:
        html = limit_depth(html)
    return LexborHTMLParser(html)


def extract_page(html: str) -> tuple[str, list[Directive]]:
    """The main article text of an HTML page (headline first), and its tqcheck directives."""
    tree = _parse(html)
    body = tree.body
    if body is None:
        return "", []
    title = _title(tree, body)
    st = _measure(body)
    container = _choose_container(body, st)
    out = _Builder()
    _walk(body, out, st, container if container is not None else body)
    text, directives = out.result()
    if title and title not in text[: max(len(title) * 3, 400)]:
        shift = len(title) + (2 if text else 0)
        text = f"{title}\n\n{text}" if text else title
        directives = [((o + shift) if o > 0 else 0, a, c) for o, a, c in directives]
    return text, directives


def plain_text(text: str) -> str:
    """Plain text laid out like extracted HTML: paragraphs at blank lines, white space collapsed."""
    return "\n\n".join(_SPACE.sub(" ", p).strip() for p in _BLANK_LINE.split(text) if p.strip())


def fragment_text(html: str) -> tuple[str, list[Directive]]:
    """All the text of an HTML fragment (a feed item's content), laid out by paragraphs, and its directives."""
    if "<" not in html and "&" not in html:
        return plain_text(html), []
    tree = _parse(html)
    body = tree.body
    if body is None:
        return "", []
    out = _Builder()
    _walk(body, out)
    return out.result()


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)


def decode_html(data: bytes) -> str:
    """UTF-8 (or a BOM) first, then the page's own ``<meta charset>``, then detection."""
    from .decode import decode

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return decode(data)
    return _utf8_or_meta(data)


def _utf8_or_meta(data: bytes) -> str:
    from .decode import InputError, decode

    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        m = _META_CHARSET.search(data[:4096])
        if m:
            try:
                text = data.decode(m.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
            else:
                if "\x00" in text[:8192]:
                    raise InputError("binary file, not text") from None
                return text
    return decode(data)


def read(path: str, data: bytes):
    """One HTML page (bytes as read) to an Article of its main text, or an InputProblem."""
    from . import Article, InputProblem

    html = decode_html(data)
    text, directives = extract_page(html)
    if not text.strip():
        return InputProblem(path, None, "no article text found in the HTML page")
    meta = {"format": "html"}
    if directives:
        meta["directives"] = directives
    return Article(path, None, text, meta)
