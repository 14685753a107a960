"""Rule ``empty-section``: headings with nothing under them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import SLIDE_FORMATS, Document
from lint.inline import plain_text
from lint.paragraphs import is_link_only, is_rendered_example
from lint.sections import Section

#: A file name: ``store.js``, ``src/app/page.tsx``, ``.env.local``, ``Dockerfile`` is not one.
_FILE_NAME = re.compile(r"[\w./@-]*\w\.[A-Za-z][\w]{0,9}")

#: Headings this deep style a caption or a byline rather than open a section.
SMALL_PRINT_LEVEL = 5


class EmptySection:
    """A section with no content: its heading is followed directly by a heading of the same or a
    higher level, or by the end of the file.

    A section whose content is only its subsections is not empty. HTML comments are not content,
    so a heading followed only by ``<!-- write this -->`` is empty. Anything else is content: a
    paragraph, list, table, code, math, an image, a callout with text in it, a shortcode such as
    ``{{< include >}}``.

    Not reported: a heading that is the last thing in a fenced div (``:::``), which is how
    Quarto lays out a heading beside a column; headings named in ``allow`` (by default
    "References" and "Bibliography", which pandoc fills with the cited works); a heading that is
    only a link (a call to action), a level 5 or 6 heading (a caption or byline in small type),
    a heading with no text (``empty-heading`` reports it), the last heading of a partial (the
    page that includes it goes on), a heading over a heading that names a file above its code
    (``#### `store.js` ``, a caption of the example the section shows), a heading that a code
    block of the page shows the source of (a syntax reference rendering its example); documents
    whose front matter names a slide or dashboard format (``skip_formats``), where a heading
    alone is a title slide or a layout row. A heading followed directly by another of the same
    level is reported even when it means to group those that follow: give them a deeper level.

    Fix: write the section, or remove its heading until you do.
    """

    id: ClassVar[str] = "empty-section"
    summary: ClassVar[str] = "A heading is followed by nothing before the next heading or the end."
    groups: ClassVar[tuple[str, ...]] = ("structure",)
    severity: ClassVar[Severity] = Severity.WARNING
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {
            "allow": {
                "type": "array",
                "items": {"type": "string"},
                "default": ["References", "Bibliography"],
                "description": "Heading texts (case-insensitive) that may stand alone.",
            },
            "skip_formats": {
                "type": "array",
                "items": {"type": "string"},
                "default": list(SLIDE_FORMATS),
                "description": "Skip documents whose format/output contains one of these words.",
            },
        },
        "additionalProperties": False,
    }
    example: ClassVar[str] = "# Setup\n\n# Usage\n\nRun it.\n"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        if doc.is_slides(options["skip_formats"]):
            return
        allowed = {title.casefold() for title in options["allow"]}
        last_line = doc.lines.line_count
        for section in _all_sections(doc.sections):
            if not section.is_empty or section.ends_with_div:
                continue
            inline = doc.tokens[section.heading + 1]
            title = plain_text(inline).strip()
            if not title or title.casefold() in allowed or is_link_only(inline):
                continue  # no text is empty-heading's to report; a link heading is a link
            if section.level >= SMALL_PRINT_LEVEL:
                continue  # ##### and ###### set a caption or a byline in small type
            if is_rendered_example(doc, inline.content):
                continue  # a heading that a code block above shows the source of
            if doc.is_partial and _ends_document(section, doc, last_line):
                continue  # the page that includes it goes on
            if _captions_code(doc, section.heading):
                continue  # "#### Example" over "#### `store.js`" and the file's code
            span = doc.line_span(section.line)
            name = f'the section "{title}"' if title else "this section"
            yield Finding(span.start, span.end, f"{name} is empty")


def _captions_code(doc: Document, heading: int) -> bool:
    """The next heading names a file (``#### `store.js` ``) and a code block follows it: a
    caption of that code, which is this section's content, not a section of its own."""
    tokens = doc.tokens
    following = next(
        (at for at in range(heading + 3, len(tokens)) if tokens[at].type == "heading_open"), None
    )
    if following is None or following + 3 >= len(tokens):
        return False
    if tokens[following + 3].type not in ("fence", "code_block"):
        return False
    children = [
        child
        for child in tokens[following + 1].children or []
        if not (child.type == "text" and not child.content.strip())
    ]
    if len(children) == 1 and children[0].type == "code_inline":
        return _FILE_NAME.fullmatch(children[0].content.strip()) is not None
    return len(children) == 1 and _FILE_NAME.fullmatch(children[0].content.strip()) is not None


def _ends_document(section: Section, doc: Document, last_line: int) -> bool:
    return not doc.text[doc.lines.line_start(section.line + 1) :].strip()


def _all_sections(sections: Iterable[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _all_sections(section.children)
