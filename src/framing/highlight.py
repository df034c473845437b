"""Nest overlapping character ranges into well-formed, escaped HTML.

Spans overlap freely (a hedge inside a quotation, a label inside a loaded
phrase, a phrase crossing a voice boundary), but HTML elements must nest. The
text is cut at every range boundary; for each piece, the ranges covering it
are opened outermost-first in one fixed order, so a range that merely contains
another stays one element, and a range that crosses another's edge is split
into fragments that carry the same attributes (``data-part`` numbers them).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mark:
    """One range to wrap: ``text[start:end]`` becomes ``<tag class=... attrs>``.
    ``rank`` breaks ties between ranges with the same extent (lower = outer).
    Attribute values are raw text; the renderer escapes them."""

    start: int
    end: int
    classes: str
    attrs: tuple[tuple[str, str], ...] = field(default=())
    rank: int = 0
    tag: str = "span"


def _open_tag(mark: Mark, part: int) -> str:
    out = [f'<{mark.tag} class="{html.escape(mark.classes)}"']
    for name, value in mark.attrs:
        out.append(f' {name}="{html.escape(value, quote=True)}"')
    if part:
        out.append(f' data-part="{part}"')
    out.append(">")
    return "".join(out)


def render_marked(text: str, marks: list[Mark], start: int = 0, end: int | None = None) -> str:
    """Escaped HTML of ``text[start:end]`` with every mark wrapped around its
    characters (marks are clipped to the window; empty ones are dropped)."""
    end = len(text) if end is None else end
    clipped = []
    for i, m in enumerate(marks):
        s, e = max(m.start, start), min(m.end, end)
        if s < e:
            # The sort key is fixed for the life of a mark: earlier start, then
            # longer extent, then rank, opens further out.
            clipped.append(((m.start, -m.end, m.rank, i), s, e, m))
    if not clipped:
        return html.escape(text[start:end], quote=False)
    bounds = sorted({start, end, *(s for _, s, _, _ in clipped), *(e for _, _, e, _ in clipped)})
    by_start: dict[int, list] = {}
    for item in clipped:
        by_start.setdefault(item[1], []).append(item)
    active: list = []           # marks covering the current piece, in key order
    stack: list = []            # marks whose tags are open, outermost first
    parts: dict[int, int] = {}  # how many fragments each mark has had
    out: list[str] = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        active = [item for item in active if item[2] > lo]
        active.extend(by_start.get(lo, ()))
        active.sort(key=lambda item: item[0])
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        for item in reversed(stack[keep:]):
            out.append(f"</{item[3].tag}>")
        del stack[keep:]
        for item in active[keep:]:
            n = parts.get(id(item), 0)
            parts[id(item)] = n + 1
            out.append(_open_tag(item[3], n))
            stack.append(item)
        out.append(html.escape(text[lo:hi], quote=False))
    for item in reversed(stack):
        out.append(f"</{item[3].tag}>")
    return "".join(out)
