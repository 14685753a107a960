"""What a paragraph is made of: labels, link-only lines, captions, and where a section ends."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.document import Document

if TYPE_CHECKING:
    from markdown_it.token import Token
from lint.inline import children_text, plain_text

_LABEL_OPEN = {"strong_open": "strong_close", "em_open": "em_close"}
#: A label is a short title, not a sentence in bold.
MAX_LABEL_WORDS = 8
#: A bold text this long that ends with a full stop is a sentence ("**All versions are
#: affected.**"), not a label.
SENTENCE_WORDS = 4


@dataclass(frozen=True)
class Block:
    """A top-level block in reading order, with what comes after it."""

    kind: str  # heading | content | div_open | div_close
    index: int  # token index of its opening token
    next_kind: str | None  # the kind of the next heading or content block; None at the end
    next_index: int | None
    next_level: int | None  # the next heading's level, when the next block is a heading
    level: int | None  # the level of the heading this block falls under (None before any)


def blocks(doc: Document) -> Iterator[Block]:
    """Headings and top-level content blocks, each with the next one (built once per document).

    Fenced divs are transparent, except that a block followed by a div counts as followed by
    content: a paragraph ending "which appears as:" introduces the callout or tabset after it,
    even when that div starts with a heading.
    """
    built: list[Block] | None = doc.__dict__.get("_blocks")
    if built is None:
        built = doc.__dict__["_blocks"] = list(_blocks(doc))
    return iter(built)


def _blocks(doc: Document) -> Iterator[Block]:
    tokens = doc.tokens
    items: list[tuple[str, int, bool]] = []  # kind, index, whether a div opens just before it
    opened = False
    for kind, index in doc.flow:
        if kind == "div_open":
            opened = True
        elif kind in ("heading", "content"):
            items.append((kind, index, opened))
            opened = False
    level: int | None = None
    for position, (kind, index, _) in enumerate(items):
        if kind == "heading":
            level = int(tokens[index].tag[1:])
        following = items[position + 1] if position + 1 < len(items) else None
        next_kind = next_index = next_level = None
        if following is not None:
            next_kind, next_index = following[0], following[1]
            if following[2]:
                next_kind = "content"
            elif next_kind == "heading":
                next_level = int(tokens[next_index].tag[1:])
        yield Block(kind, index, next_kind, next_index, next_level, level)


def is_paragraph(tokens: Sequence[Token], index: int) -> bool:
    return tokens[index].type == "paragraph_open" and index + 1 < len(tokens)


def label_text(inline: Token, sentences: bool = False) -> str | None:
    """The text of a paragraph that is only a bold or italic label (``**Keynote.**``), else None.

    After the closing ``**`` only ``.``, ``:`` and spaces may follow; a label is at most
    ``MAX_LABEL_WORDS`` words, does not end with ``!`` or ``?`` and, unless ``sentences``,
    is not a sentence (four words or more ending with a full stop).
    """
    children = [
        child
        for child in inline.children or []
        if not (child.type == "text" and not child.content.strip())
    ]
    if len(children) < 3 or children[0].type not in _LABEL_OPEN:
        return None
    closing = _LABEL_OPEN[children[0].type]
    depth, end = 0, -1
    for position, child in enumerate(children):
        if child.type == children[0].type:
            depth += 1
        elif child.type == closing:
            depth -= 1
            if depth == 0:
                end = position
                break
    if end == -1:
        return None
    after = children[end + 1 :]
    if any(child.type != "text" or child.content.strip(" .:") for child in after):
        return None
    text = children_text(children[1:end]).strip()
    if not text or text.endswith("!") or len(text.split()) > MAX_LABEL_WORDS:
        return None
    if text.endswith("?") or (
        not sentences and text.endswith(".") and len(text.split()) >= SENTENCE_WORDS
    ):
        return None  # a question, or a sentence in bold: not a title
    if any(child.type in ("link_open", "image", "code_inline") for child in children[1:end]):
        return None
    if "{{" in text:  # a site generator's macro ({{domxref(...)}}) makes it content
        return None
    return text


def is_italic(inline: Token) -> bool:
    children = inline.children or []
    return bool(children) and children[0].type == "em_open"


def starts_unclosed_label(inline: Token) -> bool:
    """A short paragraph that opens ``**`` and never closes it: a label cut off mid-way."""
    children = inline.children or []
    if not children or children[0].type != "text":
        return False
    text = children[0].content
    return (
        text.startswith(("**", "__"))
        and text.count(text[:2]) == 1
        and len(plain_text(inline).split()) <= MAX_LABEL_WORDS
    )


def is_label(inline: Token) -> bool:
    """A label paragraph, finished (``**Keynote.**``) or cut off (``**Litedash:``)."""
    return label_text(inline) is not None or starts_unclosed_label(inline)


def is_link_only(inline: Token) -> bool:
    """A paragraph that is just links, images, shortcodes or macros (nothing to read)."""
    depth = 0
    for child in inline.children or []:
        if child.type in ("link_open", "span_open"):
            depth += 1
        elif child.type in ("link_close", "span_close"):
            depth -= 1
        elif child.type in ("image", "template", "emoji", "html_inline", "softbreak", "hardbreak"):
            continue
        elif depth == 0 and child.type == "text" and child.content.strip(" \t,|·•-–—"):
            stripped = child.content.strip()
            if not (stripped.startswith("{{") and stripped.endswith("}}")):
                return False
        elif depth == 0 and child.type not in (
            "text",
            "em_open",
            "em_close",
            "strong_open",
            "strong_close",
        ):
            return False
    return True


def opens_series(doc: Document, heading: int) -> bool:
    """Whether the section of the heading at token ``heading`` has a sibling after it: the
    heading opens a series ("### Day 1", "### Day 2"), which a lead-in may introduce."""
    siblings: dict[int, bool] | None = doc.__dict__.get("_heading_has_sibling")
    if siblings is None:
        siblings = doc.__dict__["_heading_has_sibling"] = {}
        pending = [doc.sections]
        while pending:
            level = pending.pop()
            for position, section in enumerate(level):
                siblings[section.heading] = position + 1 < len(level)
                pending.append(tuple(section.children))
    return siblings.get(heading, False)


def is_rendered_example(doc: Document, raw: str) -> bool:
    """Whether the text of a paragraph or item also stands in a code block of the document: a
    syntax reference shows the source in code, then what it renders ("_Result_:"). Compared
    word by word, since the source may wrap its lines elsewhere or sit in a list."""
    words = " ".join(raw.split())
    if len(words) < _EXAMPLE_CHARS:
        return False
    code: str | None = doc.__dict__.get("_code_words")
    if code is None:
        code = doc.__dict__["_code_words"] = " ".join(
            " ".join(token.content.split())
            for token in doc.tokens
            if token.type in ("fence", "code_block")
        )
    return words in code


#: Shorter texts than this ("TODO") repeat in code by chance.
_EXAMPLE_CHARS = 20
