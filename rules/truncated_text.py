"""Rule ``truncated-text``: the last paragraph of a section or file stops mid-sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document
from lint.inline import plain_text
from lint.paragraphs import Block, blocks, is_link_only, is_paragraph, label_text, opens_series
from lint.placeholders import is_placeholder_value
from lint.prose.segments import Segment

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
#: Words after which "..." trails off rather than pauses ("[Jest](…) is..."); after a
#: conjunction ("but ...") it leads on to what follows.
_TRAILING = frozenset(
    {"is", "are", "was", "were", "will", "be", "can", "has", "have", "does", "a", "an", "the"}
)
#: Fewer words than this before code are a connective ("or"), not a sentence cut off.
_SENTENCE_MIN_WORDS = 3
#: A lead-in this short that ends on a colon needs what it announces ("For example:").
_LEAD_IN_WORDS = 3
_EMPHASIS_MARK = re.compile(r"\*\*|__")
_EMOTICON = re.compile(r"(?<![\w(])[:;=]-?[()](?!\w)")
_FORWARD_REFERENCE = re.compile(r"(?i)\b(?:following|follows|below)\b")
#: Only the end of a paragraph is searched for its last word (a search from the start is
#: quadratic in the paragraph's length).
_TAIL = 80
_WORD_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'")
_LAST_WORD = re.compile(r"([A-Za-z']+)\W*$")
_CLOSERS = {"(": ")", "[": "]", "“": "”"}
_FINAL = (".", "!", "?", "…", ")", "]", '"', "'", "”", "’", "*")


class TruncatedText:
    """Text that stops mid-sentence: the last paragraph of a section, or of the file, ends on
    an article, a preposition or a conjunction ("…we moved the"), trails off after one or
    after a verb such as "is" ("[Jest](https://jestjs.io) is..."), ends on a colon with
    nothing after it, on a comma, or with an emphasis, bracket or quote that is never closed
    (``**Litedash:``; an emoticon such as ``:(`` is not a bracket).

    Only paragraphs of the document's flow are checked, and only the last one before a
    heading or the end of the file, or before the code chunk that ends a section when it ends
    on an article or a conjunction ("…we train it on the" before the code): headings, list
    items, table cells, captions and lines that are only links are not sentences. A colon
    before a heading introduces what follows when the heading is a subsection, a question, a
    link, a file name in code, the first of a series ("Here are the notes from each team:"
    before "### Callstack", "### Expo"), when the text comes before any heading or names what
    follows; a bare lead-in of a few words ("For example:") is always reported. A colon at
    the end of a partial (a file included into other pages) is fine too. Slides and
    dashboards are not checked.

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
        # Partials (_name.md) are included into other pages, which go on.
        partial = doc.is_partial
        tokens = doc.tokens
        cut_words = {
            word.casefold()
            for key in ("articles", "prepositions", "conjunctions")
            for word in options[key]
        }
        cut_or_particle = cut_words | _PARTICLES
        # Before code, a preposition is how a sentence leads into it ("install it with"); an
        # article or a conjunction is not.
        before_code = {
            word.casefold() for key in ("articles", "conjunctions") for word in options[key]
        }
        by_index = {block.index: block for block in blocks(doc)}
        for block in blocks(doc):
            if block.kind != "content" or not is_paragraph(tokens, block.index):
                continue
            inline = tokens[block.index + 1]
            if block.next_kind == "content":
                following = by_index.get(block.next_index) if block.next_index else None
                if following is not None and _is_last_code(tokens, following):
                    yield from _before_last_code(doc, block, before_code)
                    continue
                yield from _inside_section(doc, block, cut_words, cut_or_particle)
                continue
            if _ends_cleanly(inline.content) or is_link_only(inline):
                continue  # seen in the raw text: a full stop, and nothing left open
            if block.next_kind == "heading" and _is_link_heading(tokens, block.next_index):
                continue  # "Please head over to" [a heading that is a link]: one sentence
            if inline.content.rstrip().endswith("}}"):
                continue  # ends on a shortcode or macro ({{< video >}}, {{EmbedLiveSample}})
            segment = doc.segment(block.index + 1)
            if segment is None or not _is_sentence(inline, segment):
                continue
            colon_may_end = _colon_may_end(doc, block, segment) or (
                block.next_index is None and partial
            )
            found = _cut(segment, cut_words, colon_may_end)
            if found is not None:
                start, end, reason = found
                span = segment.span(start, end)
                yield Finding(span.start, span.end, f"the text stops mid-sentence: {reason}")
                continue


def _inside_section(
    doc: Document, block: Block, cut_words: set[str], cut_or_particle: set[str]
) -> Iterator[Finding]:
    """Inside a section, only a paragraph followed by another paragraph and ending on a word
    no sentence ends on: "…install it with" before a code block is fine."""
    inline = doc.tokens[block.index + 1]
    last_word = _last_raw_word(inline.content)
    if last_word is None or last_word.casefold() not in cut_or_particle:
        return  # the raw text already shows it ends well: no extraction needed
    if not _followed_by_sentence(doc, block.next_index):
        return
    segment = doc.segment(block.index + 1)
    if segment is not None and _is_sentence(inline, segment):
        found = _cut_word(segment, cut_words)
        if found is not None:
            span = segment.span(found[0], found[1])
            yield Finding(span.start, span.end, f"the text stops mid-sentence: {found[2]}")


def _last_raw_word(raw: str) -> str | None:
    """The word of ASCII letters the raw text ends on (spaces and one line end after it
    allowed), or None when it ends on anything else (a full stop, a bracket)."""
    text = raw[:-1] if raw.endswith("\n") else raw
    end = len(text.rstrip(" \t"))
    start = end
    while start > 0 and text[start - 1] in _WORD_LETTERS:
        start -= 1
    return text[start:end] if start < end else None


def _is_last_code(tokens: list[Token], block: Block) -> bool:
    """A code block that ends its section (a heading or the end of the file follows)."""
    return tokens[block.index].type in ("fence", "code_block") and block.next_kind != "content"


def _before_last_code(doc: Document, block: Block, before_code: set[str]) -> Iterator[Finding]:
    """The last paragraph of a section, cut off before the code chunk that ends it."""
    inline = doc.tokens[block.index + 1]
    last_word = _last_raw_word(inline.content)
    if last_word is None or last_word.casefold() not in before_code:
        return
    segment = doc.segment(block.index + 1)
    if segment is None or len(segment.text.split()) < _SENTENCE_MIN_WORDS:
        return  # "or" between two code blocks offers the second one
    if _is_sentence(inline, segment):
        found = _cut_word(segment, before_code)
        if found is not None:
            span = segment.span(found[0], found[1])
            yield Finding(span.start, span.end, f"the text stops mid-sentence: {found[2]}")


def _ends_cleanly(raw: str) -> bool:
    """The raw Markdown ends a sentence and leaves no emphasis, bracket or quote open, so the
    prose cannot be cut off (checked before paying for the prose text)."""
    text = raw.rstrip()
    if not text.endswith((".", "!", "?")) or "**" in text or "__" in text:
        return False
    if text.endswith(("...", "…")):
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


def _colon_may_end(doc: Document, block: Block, segment: Segment) -> bool:
    """A colon before a heading introduces what follows: a subsection, a series of headings
    ("Here are the notes from each team:" before "### Callstack", "### Expo", …), a question
    ("you may be asking:" before "### Who is it for?"), a heading that is a link or that
    names what the text announces; not a bare lead-in ("For example:") nor one heading."""
    tokens = doc.tokens
    if block.next_kind != "heading" or block.next_index is None:
        return False
    if block.next_level is not None and block.level is not None and block.next_level > block.level:
        return True
    heading = tokens[block.next_index + 1]
    if segment.text.rstrip().endswith((".", "…")):
        return False  # an ellipsis before a heading of the same level trails off
    if len(segment.text.split()) <= _LEAD_IN_WORDS:
        return False
    title = plain_text(heading).strip()
    if title.endswith("?") or _FORWARD_REFERENCE.search(segment.text[-80:]):
        return True
    if _is_code_only(heading):
        return True  # "Add this to the config:" before "### `mkdocs.yml`"
    if block.level is None or opens_series(doc, block.next_index):
        return True
    raw = tokens[block.index + 1].content
    return bool(_stems(title) & _stems(raw[-160:]))


def _is_code_only(inline: Token) -> bool:
    children = [c for c in inline.children or [] if c.type != "text" or c.content.strip()]
    return bool(children) and all(child.type == "code_inline" for child in children)


def _is_link_heading(tokens: list[Token], index: int | None) -> bool:
    return index is not None and is_link_only(tokens[index + 1])


def _stems(text: str) -> set[str]:
    """Words of four letters or more, camelCase split (``renderHook``: render, hook)."""
    return {word.lower().rstrip("s") for word in re.findall(r"[A-Z]?[a-z]{3,}|[A-Z]{4,}", text)}


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
    trailing = _trails_off(text)
    if trailing is not None:
        return None if colon_may_end else trailing
    if text.endswith(_FINAL):
        return None
    last_sentence = max(text.rfind(". "), text.rfind("? "), text.rfind("! ")) + 1
    tail = _EMOTICON.sub("", text[last_sentence:])  # ":(" is a face, not a bracket
    for opening, closing in _CLOSERS.items():
        if tail.count(opening) > tail.count(closing):
            return text.rfind(opening), end, f"the {opening!r} is never closed"
    if text[last_sentence:].count('"') % 2:
        return text.rfind('"'), end, "the quotation mark is never closed"
    if text.endswith((":", ",", ";")) and is_placeholder_value(text[_last_word(text) :]):
        return None  # "TODO:" is left for placeholder-text: one finding for one note
    if text.endswith(":") and not colon_may_end:
        return _last_word(text), end, "it ends with a colon and nothing after it"
    if text.endswith((",", ";")):
        return _last_word(text), end, f"it ends with {text[-1]!r}"
    return _cut_word(segment, cut_words)


def _trails_off(text: str) -> tuple[int, int, str] | None:
    """ "…is..." at the end of a section: the sentence was never written."""
    if not text.endswith(("...", "…")):
        return None
    stem = text.rstrip(".… ")
    word = _LAST_WORD.search(stem, max(len(stem) - _TAIL, 0))
    if word is None or word.end() != len(stem):
        return None
    if word[1].casefold() not in _TRAILING:
        return None  # "…, but ..." leads on to what follows
    return word.start(1), len(text), f'it trails off after "{word[1]}"'


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


def _last_word(text: str) -> int:
    stripped = text.rstrip(" :,;")
    position = max(stripped.rfind(" "), stripped.rfind("\n"))
    return position + 1


def _unclosed_emphasis(segment: Segment, end: int) -> int:
    """Where an unescaped ``**`` or ``__`` is left in the text, opened and never closed; -1.

    One regular-expression pass: a search per mark from each position would read the rest of
    the text again every time (400 KB of ``**a `` took seconds)."""
    text = segment.text
    found = []
    position = 0
    for mark in _EMPHASIS_MARK.finditer(text, 0, end):
        at = mark.start()
        if at < position:
            continue
        if segment.ends[at] - segment.starts[at] == 1:  # not a \* escape
            found.append(at)
        position = at + 2
    return found[0] if len(found) % 2 else -1
