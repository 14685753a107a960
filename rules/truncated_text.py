"""Rule ``truncated-text``: the last paragraph of a section or file stops mid-sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document
from lint.inline import plain_text
from lint.paragraphs import Block, blocks, is_link_only, is_paragraph, label_text
from lint.prose import Segment

if TYPE_CHECKING:
    from markdown_it.token import Token

ARTICLES = ("a", "an", "the")
# Prepositions that can also end a sentence as adverbs ("see below", "log in") are left out.
PREPOSITIONS = (
    "against", "among", "amongst", "at", "between", "by", "despite", "during", "for", "from",
    "into", "of", "onto", "per", "than", "to", "toward", "towards", "upon", "versus", "via",
    "with",
)  # fmt: skip
CONJUNCTIONS = (
    "and", "but", "or", "nor", "because", "although", "though", "whereas", "unless", "whether",
    "if", "that", "which", "whose",
)  # fmt: skip
#: Words that end a phrase only after a verb: "log in", but not "rather than in".
_PARTICLES = frozenset({"in", "on", "about", "over", "out", "up", "off", "through"})
#: A last sentence this long without a full stop reads as cut off.
_UNPUNCTUATED_WORDS = 5
_FORWARD_REFERENCE = re.compile(r"(?i)\b(?:following|follows|below)\b")
#: Only the end of a paragraph is searched for its last word (a search from the start is
#: quadratic in the paragraph's length).
_TAIL = 80
_LAST_RAW_WORD = re.compile(r"([A-Za-z']+)[ \t]*$")
_LAST_WORD = re.compile(r"([A-Za-z']+)\W*$")
_CLOSERS = {"(": ")", "[": "]", "“": "”"}
_FINAL = (".", "!", "?", "…", ")", "]", '"', "'", "”", "’", "*")


class TruncatedText:
    """Text that stops mid-sentence: the last paragraph of a section, or of the file, ends on
    an article, a preposition or a conjunction ("…we moved the"), on a colon with nothing
    after it, on a comma, or with an emphasis, bracket or quote that is never closed
    (``**Litedash:``).

    Only paragraphs of the document's flow are checked, and only the last one before a
    heading or the end of the file: headings, list items, table cells, captions and lines
    that are only links are not sentences. A colon before a heading is fine when the heading is
    a subsection, when the text points ahead ("the following:") or when the heading names what
    the colon announces; a colon at the end of a partial (a file named ``_*.md``, included
    into another page) is fine too. Slides and dashboards are not checked.

    The word lists are English by default; set ``articles``, ``prepositions`` and
    ``conjunctions`` for other languages.

    Fix: finish the sentence.
    """

    id: ClassVar[str] = "truncated-text"
    summary: ClassVar[str] = "The last paragraph of a section or file stops mid-sentence."
    groups: ClassVar[tuple[str, ...]] = ("unfinished",)
    severity: ClassVar[Severity] = Severity.WARNING
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {
            "articles": {
                "type": "array",
                "items": {"type": "string"},
                "default": list(ARTICLES),
                "description": "Articles that cannot end a sentence (lower case).",
            },
            "prepositions": {
                "type": "array",
                "items": {"type": "string"},
                "default": list(PREPOSITIONS),
                "description": "Prepositions that cannot end a sentence (lower case).",
            },
            "conjunctions": {
                "type": "array",
                "items": {"type": "string"},
                "default": list(CONJUNCTIONS),
                "description": "Conjunctions that cannot end a sentence (lower case).",
            },
        },
        "additionalProperties": False,
    }
    example: ClassVar[str] = (
        "## Results\n\nThe new pipeline cut the build time from ten minutes to\n"
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        if doc.is_slides():
            return
        # Quarto and Hugo partials (_name.md) are included into other pages, which go on.
        partial = PurePath(doc.path).name.startswith("_")
        tokens = doc.tokens
        cut_words = {
            word.casefold()
            for key in ("articles", "prepositions", "conjunctions")
            for word in options[key]
        }
        cut_or_particle = cut_words | _PARTICLES
        for block in blocks(doc):
            if block.kind != "content" or not is_paragraph(tokens, block.index):
                continue
            inline = tokens[block.index + 1]
            if block.next_kind == "content":
                yield from _inside_section(doc, block, cut_words, cut_or_particle)
                continue
            if _ends_cleanly(inline.content) or is_link_only(inline):
                continue  # seen in the raw text: a full stop, and nothing left open
            if inline.content.rstrip().endswith("}}"):
                continue  # ends on a shortcode or macro ({{< video >}}, {{EmbedLiveSample}})
            segment = doc.segment(block.index + 1)
            if segment is None or not _is_sentence(inline, segment):
                continue
            colon_may_end = _colon_may_end(tokens, block, segment) or (
                block.next_index is None and partial
            )
            found = _cut(segment, cut_words, colon_may_end)
            if found is not None:
                start, end, reason = found
                span = segment.span(start, end)
                yield Finding(span.start, span.end, f"the text stops mid-sentence: {reason}")
                continue
            found = _unpunctuated(doc, segment)
            if found is not None:
                span = segment.span(found[0], found[1])
                yield Finding(
                    span.start,
                    span.end,
                    f"the text may stop mid-sentence: {found[2]}",
                    severity=Severity.INFO,
                )


def _inside_section(
    doc: Document, block: Block, cut_words: set[str], cut_or_particle: set[str]
) -> Iterator[Finding]:
    """Inside a section, only a paragraph followed by another paragraph and ending on a word
    no sentence ends on: "…install it with" before a code block is fine."""
    inline = doc.tokens[block.index + 1]
    last_word = _LAST_RAW_WORD.search(inline.content, max(len(inline.content) - _TAIL, 0))
    if last_word is None or last_word[1].casefold() not in cut_or_particle:
        return  # the raw text already shows it ends well: no extraction needed
    if not _followed_by_sentence(doc, block.next_index):
        return
    segment = doc.segment(block.index + 1)
    if segment is not None and _is_sentence(inline, segment):
        found = _cut_word(segment, cut_words)
        if found is not None:
            span = segment.span(found[0], found[1])
            yield Finding(span.start, span.end, f"the text stops mid-sentence: {found[2]}")


def _ends_cleanly(raw: str) -> bool:
    """The raw Markdown ends a sentence and leaves no emphasis, bracket or quote open, so the
    prose cannot be cut off (checked before paying for the prose text)."""
    text = raw.rstrip()
    if not text.endswith((".", "!", "?")) or "**" in text or "__" in text:
        return False
    return (
        text.count("(") == text.count(")")
        and text.count("[") == text.count("]")
        and text.count('"') % 2 == 0
        and text.count("“") == text.count("”")
    )


def _followed_by_sentence(doc: Document, index: int | None) -> bool:
    """Whether the block at ``index`` is a paragraph that starts a new sentence."""
    tokens = doc.tokens
    if index is None or not is_paragraph(tokens, index):
        return False
    segment = doc.segment(index + 1)
    if segment is None or not _is_sentence(tokens[index + 1], segment):
        return False
    return segment.text.lstrip()[:1].isupper()


def _colon_may_end(tokens: list[Token], block: Block, segment: Segment) -> bool:
    """A colon before a heading is fine when the heading is a subsection, when the text points
    ahead ("the following steps:"), or when the heading names what the text announces
    ("properties that are inherited:" before "## Instance properties")."""
    if block.next_kind != "heading" or block.next_index is None:
        return False
    if block.next_level is not None and block.level is not None and block.next_level > block.level:
        return True
    if _FORWARD_REFERENCE.search(segment.text[-80:]):
        return True
    heading = plain_text(tokens[block.next_index + 1])
    return bool(_stems(heading) & _stems(segment.text[-120:]))


def _stems(text: str) -> set[str]:
    return {word.lower().rstrip("s") for word in re.findall(r"[A-Za-z]{4,}", text)}


def _is_sentence(inline: Token, segment: Segment) -> bool:
    text = segment.text.strip()
    if not text or text.startswith(":") or is_link_only(inline):
        return False
    return label_text(inline) is None  # a lone label is stub-paragraph's to report


def _cut(segment: Segment, cut_words: set[str], colon_may_end: bool) -> tuple[int, int, str] | None:
    text = segment.text.rstrip()
    end = len(text)
    unclosed = _unclosed_emphasis(segment, end)
    if unclosed != -1:
        return unclosed, unclosed + 2, "the bold text is never closed"
    if text.endswith(_FINAL):
        return None
    last_sentence = max(text.rfind(". "), text.rfind("? "), text.rfind("! ")) + 1
    for opening, closing in _CLOSERS.items():
        tail = text[last_sentence:]
        if tail.count(opening) > tail.count(closing):
            return text.rfind(opening), end, f"the {opening!r} is never closed"
    if text[last_sentence:].count('"') % 2:
        return text.rfind('"'), end, "the quotation mark is never closed"
    if text.endswith(":") and not colon_may_end:
        return _last_word(text), end, "it ends with a colon and nothing after it"
    if text.endswith((",", ";")):
        return _last_word(text), end, f"it ends with {text[-1]!r}"
    return _cut_word(segment, cut_words)


def _cut_word(segment: Segment, cut_words: set[str]) -> tuple[int, int, str] | None:
    """A paragraph without final punctuation whose last word no sentence ends on."""
    text = segment.text.rstrip()
    end = len(text)
    if not text[-1:].isalpha():
        return None
    word = _LAST_WORD.search(text, max(len(text) - _TAIL, 0))
    if word is None or segment.is_placeholder(end - 1):
        return None
    if word[1].casefold() in cut_words:
        return word.start(1), end, f'it ends on "{word[1]}"'
    before = _LAST_WORD.search(text, max(word.start(1) - _TAIL, 0), word.start(1))
    if word[1].casefold() in _PARTICLES and before and before[1].casefold() in cut_words:
        # "rather than in", "and on": the particle cannot close the phrase its cue opened.
        return before.start(1), end, f'it ends on "{before[1]} {word[1]}"'
    return None


def _unpunctuated(doc: Document, segment: Segment) -> tuple[int, int, str] | None:
    """A last paragraph that simply stops: a sentence of several words with no final
    punctuation, ending on a lower-case word (not code, not a link)."""
    text = segment.text.rstrip()
    if not text[-1:].islower() or segment.is_placeholder(len(text) - 1):
        return None
    if doc.text[segment.ends[len(text) - 1] : segment.ends[len(text) - 1] + 1] in ("]", "`"):
        return None
    sentence = re.split(r"[.!?:]\s", text)[-1].strip()
    words = sentence.split()
    if len(words) < _UNPUNCTUATED_WORDS or not sentence[:1].isupper():
        return None
    if words[0].isupper() and len(words[0]) > 1:
        return None  # "XXX check the figure": an editor's note, placeholder-text's to report
    word = _LAST_WORD.search(text, max(len(text) - _TAIL, 0))
    return (word.start(1) if word else len(text) - 1), len(text), "there is no full stop"


def _last_word(text: str) -> int:
    stripped = text.rstrip(" :,;")
    position = max(stripped.rfind(" "), stripped.rfind("\n"))
    return position + 1


def _unclosed_emphasis(segment: Segment, end: int) -> int:
    """Where an unescaped ``**`` or ``__`` is left in the text, opened and never closed; -1."""
    text = segment.text
    found = []
    position = 0
    while True:
        position = min(
            (at for at in (text.find("**", position), text.find("__", position)) if at != -1),
            default=-1,
        )
        if position == -1 or position >= end:
            break
        if segment.ends[position] - segment.starts[position] == 1:  # not a \* escape
            found.append(position)
        position += 2
    return found[0] if len(found) % 2 else -1
