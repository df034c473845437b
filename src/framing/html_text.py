"""Article text from a saved HTML page, with the standard library only.

Page furniture (scripts, styles, navigation, header, footer, asides, forms and
elements whose role or class marks them as such) is dropped; headings,
paragraphs, list items and quotations become one line each. Script content is
never kept. Broken markup (unclosed or stray tags) does not stop extraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements whose whole content is page furniture.
SKIP_TAGS = frozenset({
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript",
    "template", "svg", "iframe", "button", "select", "textarea", "object", "canvas",
    "head",
})
#: ARIA roles of page furniture.
SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search",
                        "menu", "dialog"})
#: Class/id tokens of page furniture (whole tokens only, so "shared-text" is kept).
SKIP_CLASS_TOKENS = frozenset({
    "share", "sharing", "social", "newsletter", "related", "comments", "cookie",
    "cookies", "advert", "advertisement", "ad", "ads", "promo", "breadcrumb",
    "breadcrumbs", "sidebar", "menu", "subscribe", "paywall",
})
#: Elements that start a new line.
BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "br", "tr",
    "section", "article", "main", "pre", "figcaption", "dd", "dt", "td", "th", "ul",
    "ol", "table", "hr", "caption", "address", "figure", "title", "body", "html",
})
VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col",
                       "embed", "source", "track", "wbr", "param"})

#: Elements that may stand in <head>; anything else starts the body.
_HEAD_CONTENT = frozenset({"head", "html", "title", "meta", "link", "script", "style", "base",
                           "noscript", "template"})

_SPACE_RE = re.compile(r"\s+")
_TOKEN_RE = re.compile(r"[\s_-]+")


@dataclass
class HtmlArticle:
    """What one page yields: text lines, and metadata where the page has it."""

    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    meta: dict = field(default_factory=dict)


#: Containers of the whole page or article: a state class such as
#: "sidebar-visible" on them says nothing about their content.
_CONTAINERS = frozenset({"html", "body", "main", "article"})


def _is_furniture(tag: str, attrs: dict) -> bool:
    if tag in SKIP_TAGS:
        return True
    if tag in _CONTAINERS:
        return False
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if (attrs.get("role") or "").lower() in SKIP_ROLES:
        return True
    tokens = _TOKEN_RE.split(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower())
    return any(t in SKIP_CLASS_TOKENS for t in tokens)


class _Extractor(HTMLParser):
    def __init__(self, *, skip_furniture: bool = True):
        super().__init__(convert_charrefs=True)
        self.skip_furniture = skip_furniture
        self.stack: list[tuple[str, bool, int]] = []  # (tag, is_furniture, element number)
        self.n_elements = 0
        self.line_regions: list[tuple[int | None, int | None]] = []  # (article, main) per line
        self.skipping = 0
        self.lines: list[str] = []
        self.current: list[str] = []
        self.in_title = False
        self.title_parts: list[str] = []
        self.h1_parts: list[str] | None = None
        self.h1: str | None = None
        self.meta: dict[str, str] = {}

    # -- structure ----------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key and attrs.get("content"):
                self.meta.setdefault(key, attrs["content"].strip())
            return
        if tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            self.meta.setdefault("canonical", attrs.get("href", "").strip())
            return
        if tag == "title":
            self.in_title = True
        elif tag not in _HEAD_CONTENT:
            self._close_head()
        if tag in BLOCK_TAGS:
            self._flush()
        if tag in VOID_TAGS:
            return
        furniture = tag != "title" and (
            tag in ("script", "style") or (self.skip_furniture and _is_furniture(tag, attrs)))
        self.n_elements += 1
        self.stack.append((tag, furniture, self.n_elements))
        self.skipping += furniture
        if tag == "h1" and self.h1 is None and not self.skipping:
            self.h1_parts = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in BLOCK_TAGS:  # the line ends inside the element it belongs to
            self._flush()
        # Close the nearest open element of that name; stray end tags are ignored.
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for _, furniture, _ in self.stack[i:]:
                    self.skipping -= furniture
                del self.stack[i:]
                break
        if tag == "h1" and self.h1_parts is not None:
            self.h1 = _SPACE_RE.sub(" ", "".join(self.h1_parts)).strip() or None
            self.h1_parts = None

    def _close_head(self):
        # </head> is optional: body content closes it implicitly.
        for i, (tag, _, _) in enumerate(self.stack):
            if tag == "head":
                self.skipping -= sum(furniture for _, furniture, _ in self.stack[i:])
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skipping:
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        self.current.append(data)

    def _flush(self):
        line = _SPACE_RE.sub(" ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
            self.line_regions.append((self._innermost("article"), self._innermost("main")))
        self.current = []

    def _innermost(self, name: str) -> int | None:
        return next((number for tag, _, number in reversed(self.stack) if tag == name), None)

    def article_lines(self) -> list[str]:
        """The lines of the page's article: the <article> element with the
        most text, else <main>, else the whole page; the first <h1> leads when
        it stands outside (a headline above the article element)."""
        articles: dict[int, int] = {}
        for line, (article, _) in zip(self.lines, self.line_regions, strict=True):
            if article is not None:
                articles[article] = articles.get(article, 0) + len(line)
        if articles:
            best = max(articles, key=articles.get)
            lines = [ln for ln, (a, _) in zip(self.lines, self.line_regions, strict=True) if a == best]
        elif any(m is not None for _, m in self.line_regions):
            lines = [ln for ln, (_, m) in zip(self.lines, self.line_regions, strict=True)
                     if m is not None]
        else:
            return list(self.lines)
        if self.h1 and self.h1 not in lines and self.h1 in self.lines:
            lines.insert(0, self.h1)
        return lines

    def close(self):
        super().close()
        self._flush()
        self.unclosed_furniture = any(
            furniture and tag not in ("script", "style", "head") for tag, furniture, _ in self.stack)


def _run(markup: str, *, skip_furniture: bool) -> _Extractor:
    parser = _Extractor(skip_furniture=skip_furniture)
    parser.feed(markup)
    parser.close()
    return parser


def extract_html(markup: str) -> HtmlArticle:
    """The article text (one line per block) and page metadata of ``markup``."""
    parser = _run(markup, skip_furniture=True)
    if not parser.lines and parser.unclosed_furniture:
        # An unclosed furniture element can swallow the page: fall back to
        # dropping only scripts and styles.
        parser = _run(markup, skip_furniture=False)
    meta = parser.meta
    page_title = _SPACE_RE.sub(" ", "".join(parser.title_parts)).strip() or None
    title = parser.h1 or meta.get("og:title") or meta.get("twitter:title") or page_title
    date = (meta.get("article:published_time") or meta.get("datepublished")
            or meta.get("date") or meta.get("pubdate") or meta.get("dc.date") or None)
    url = meta.get("og:url") or meta.get("canonical") or None
    return HtmlArticle(text="\n".join(parser.article_lines()), title=title,
                       outlet=meta.get("og:site_name") or None, date=date, url=url, meta=meta)
