"""Rule ``stub-paragraph``: a bold or italic label with nothing written under it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document

if TYPE_CHECKING:
    from markdown_it.token import Token

from lint.paragraphs import Block, blocks, is_label, is_paragraph, label_text, opens_series
from lint.placeholders import is_placeholder_label
from lint.rule import NO_OPTIONS

#: A lone label this short reads as a title waiting for its text (``**Alerting**``).
TITLE_WORDS = 3


class StubParagraph:
    """A paragraph that is only a bold or italic label (``**Keynote.**``, ``*Day two:*``) with
    nothing after it: another such label follows (or a paragraph that opens with its own bold
    label), or it announces something (``**Steps:**``) right before the next heading or the
    end of the file.

    That is the shape of an outline waiting to be written: a row of talk titles, each meant
    to get its own paragraph. Not stubs: a bold lead-in with text after it in the same
    paragraph (``**Note:** the first run…``), a label followed by its own content (a
    paragraph, a list, code, an image, a table), and a lone bold line of more than three
    words before a heading or at the end (a remark, a sign-off: ``**Position now
    filled.**``), or a byline right under the title. A bold sentence that closes a row of
    bold lead-ins (``**Sensors are not free.** A sensor…``) is the row's last, empty entry.
    A label is at most 8 words, does not end with ``!`` or ``?`` (an interview's question
    is answered by the next paragraph, even when that answer is in italics), is not a sentence
    and holds no link, code or macro. A label that ends with a colon over the labels it
    introduces (``**For VS Code**:`` over ``**Option 1: settings**``) is not a stub.
    Labels inside lists, block quotes and tables are not paragraphs of the document's flow
    and are not checked, nor is a placeholder in bold (``**Coming soon**``:
    ``placeholder-text`` reports it). Slides and dashboards are not checked.

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
                inline = tokens[block.index + 1]
                label = label_text(inline)
                if label is None and _in_row_of_lead_ins(doc, previous):
                    label = label_text(inline, sentences=True)
            if label is not None and is_placeholder_label(label):
                label = None  # placeholder-text reports "**Coming soon**"
            if label is not None and _answers_question(doc, previous):
                label = None  # "_It escapes everything._" answers "**So all of them?**"
            if label is not None and _is_stub(doc, block, label, previous, previous_is_label):
                span = doc.block_span(tokens[block.index])
                yield Finding(
                    span.start, span.end, f'the label "{label}" has no content {_before(block)}'
                )
            previous, previous_is_label = block, label is not None


def _is_stub(
    doc: Document, block: Block, label: str, previous: Block | None, previous_is_label: bool
) -> bool:
    """Followed by another label; or, before a heading or the end, following another label,
    announcing something (``**Steps:**``), closing a row of bold lead-ins, or short like a
    title (``**Alerting**``), where a longer line is a remark or a byline."""
    tokens = doc.tokens
    if block.next_kind == "content":
        following = block.next_index
        if following is None or not is_paragraph(tokens, following):
            return False
        if _ends_with_colon(tokens[block.index + 1]):
            return False  # "**For VS Code**:" over "**Option 1: settings**" and its steps
        inline = tokens[following + 1]
        return is_label(inline) or (_starts_with_bold(inline) and not _is_question(inline))
    if previous_is_label:
        return True
    if label.rstrip("*_ ").endswith(":"):
        # "**Setting this up was easy:**" before "## 1. Configure", "## 2. Deploy": the
        # label introduces the series of headings that follows.
        return block.next_index is None or not opens_series(doc, block.next_index)
    if previous is None or previous.kind != "content" or tokens[previous.index].type == "hr":
        return False  # a byline under the title or under a rule
    if _in_row_of_lead_ins(doc, previous):
        return True
    return len(label.split()) <= TITLE_WORDS and not label.endswith(".")


def _ends_with_colon(inline: Token) -> bool:
    return inline.content.rstrip().rstrip("*_").rstrip().endswith(":")


def _answers_question(doc: Document, previous: Block | None) -> bool:
    """The paragraph before is a question in bold or italics, which this one answers."""
    return (
        previous is not None
        and previous.kind == "content"
        and is_paragraph(doc.tokens, previous.index)
        and _is_question(doc.tokens[previous.index + 1])
    )


def _is_question(inline: Token) -> bool:
    """A paragraph that is only a question in bold or italics (``**What about Unicode?**``)."""
    children = [
        c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())
    ]
    return (
        len(children) >= 3
        and children[0].type in ("strong_open", "em_open")
        and children[-1].type in ("strong_close", "em_close")
        and inline.content.rstrip("*_ ").endswith("?")
    )


def _in_row_of_lead_ins(doc: Document, previous: Block | None) -> bool:
    """The paragraph before opens with a bold lead-in and goes on (``**Sensors.** A sensor…``)."""
    if previous is None or previous.kind != "content":
        return False
    tokens = doc.tokens
    if not is_paragraph(tokens, previous.index):
        return False
    inline = tokens[previous.index + 1]
    return _starts_with_bold(inline) and label_text(inline, sentences=True) is None


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
