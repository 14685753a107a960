"""Rule ``stub-paragraph``: a bold or italic label with nothing written under it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document

if TYPE_CHECKING:
    from markdown_it.token import Token

from lint.paragraphs import Block, blocks, is_italic, is_label, is_paragraph, label_text
from lint.rule import NO_OPTIONS


class StubParagraph:
    """A paragraph that is only a bold or italic label (``**Keynote.**``, ``*Day two:*``) with
    nothing after it before the next heading, another such label, or the end of the file.

    That is the shape of an outline waiting to be written: a row of talk titles, each meant
    to get its own paragraph. Not stubs: a bold lead-in with text after it in the same
    paragraph (``**Note:** the first run…``), and a label followed by its own content (a
    paragraph, a list, code, an image, a table). Labels inside lists, block quotes and tables
    are not paragraphs of the document's flow and are not checked. A label is at most 12 words,
    does not end with ``!`` and holds no link, code or macro.

    A label that is a section's only content (``*No changes.*`` under a heading) is that
    section's content, and an italic line that ends a section is a remark, not a stub, unless
    it follows another label. Slides and dashboards are not checked.

    Fix: write the paragraph the label announces, or remove the label.
    """

    id: ClassVar[str] = "stub-paragraph"
    summary: ClassVar[str] = "A bold or italic label has no content under it."
    groups: ClassVar[tuple[str, ...]] = ("unfinished",)
    severity: ClassVar[Severity] = Severity.WARNING
    options_schema: ClassVar[Mapping[str, Any]] = NO_OPTIONS
    example: ClassVar[str] = "## Day one\n\n**Keynote.**\n\n**Panel: the future of docs**\n"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        if doc.is_slides():
            return
        tokens = doc.tokens
        previous: Block | None = None
        previous_is_label = False
        for block in blocks(doc):
            label = None
            if block.kind == "content" and is_paragraph(tokens, block.index):
                label = label_text(tokens[block.index + 1])
            if label is not None and _is_stub(doc, block, previous, previous_is_label):
                span = doc.block_span(tokens[block.index])
                yield Finding(
                    span.start, span.end, f'the label "{label}" has no content {_before(block)}'
                )
            previous, previous_is_label = block, label is not None
        return


def _is_stub(doc: Document, block: Block, previous: Block | None, previous_is_label: bool) -> bool:
    """Followed by another label; or ending a section or the file, unless it is the section's
    only content (``*No changes.*`` under a heading is the content) or an italic remark."""
    tokens = doc.tokens
    if block.next_kind == "content":
        following = block.next_index
        return (
            following is not None
            and is_paragraph(tokens, following)
            and (is_label(tokens[following + 1]) or _starts_with_bold(tokens[following + 1]))
        )
    if previous_is_label:
        return True
    if is_italic(tokens[block.index + 1]):
        return False
    return previous is not None and previous.kind == "content"


def _starts_with_bold(inline: Token) -> bool:
    """A paragraph that opens with its own bold label ("**Enterprise.** Churn fell…"): the next
    label, so the label before it got nothing."""
    children = [
        c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())
    ]
    return bool(children) and children[0].type == "strong_open"


def _before(block: Block) -> str:
    if block.next_index is None:
        return "before the end of the file"
    return "before the next heading" if block.next_kind == "heading" else "before the next label"
