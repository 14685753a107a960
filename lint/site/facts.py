"""What one page gives the site index: the ids a link can land on (heading ids as its
generator computes them, explicit ids, labels), the links and images it holds, and the
cross-references it makes, each at its exact place; small and JSON-shaped, so that a worker
can send it back and the results cache can keep it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from lint.inline import children_text
from lint.site.slugs import heading_ids

if TYPE_CHECKING:
    from markdown_it.token import Token

    from lint.document import Document

#: (line, column, end line, end column), 1-based, end exclusive.
Place = tuple[int, int, int, int]

#: Prefixes of Quarto's cross-reference labels (``@fig-plot``); other ``@keys`` are citations.
CROSSREF_PREFIXES = frozenset(
    {
        "fig",
        "tbl",
        "lst",
        "sec",
        "eq",
        "thm",
        "lem",
        "cor",
        "prp",
        "cnj",
        "def",
        "exm",
        "exr",
        "sol",
        "rem",
        "alg",
        "tip",
        "nte",
        "wrn",
        "imp",
        "cau",
    }
)
#: ``{#id .class key=value}`` attribute blocks, and the ids inside them.
_ATTRIBUTE_BLOCK = re.compile(r"\{[^{}\n]{0,500}\}")
_ATTRIBUTE_ID = re.compile(r"(?:^|[\s{:])#([\w:.\-]+)")
#: Fences whose body the generator renders in place rather than shows as code: Docusaurus'
#: ``mdx-code-block`` (JSX kept apart from the Markdown around it for translators' tools).
_RENDERED_FENCES = frozenset({"mdx-code-block"})
#: ``id="x"`` and ``name="x"`` in raw HTML, JSX or Vue.
_HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*(?:"([^"\n]{1,200})"|'([^'\n]{1,200})')""")
#: ``id=x`` as a shortcode's parameter (``{{< warning id=relay >}}``).
_SHORTCODE_ID = re.compile(r"""\bid\s*=\s*["']?([\w:.\-]+)""")
#: ``href="x"`` and ``src="x"`` in raw HTML.
_HTML_TARGET = re.compile(r"""<(a|img|source|video|audio|iframe)\b[^<>]{0,2000}?>""", re.I)
_HTML_TARGET_ATTRIBUTE = re.compile(
    r"""\b(href|src)\s*=\s*(?:"([^"\n]{0,2000})"|'([^'\n]{0,2000})')""", re.I
)
#: A code chunk's label: ``#| label: fig-x`` (Quarto) or ``{r fig-x}`` / ``{r, label="x"}``.
_CHUNK_LABEL = re.compile(r"(?m)^[ \t]*(?:#|//|--|%%)\|[ \t]*label:[ \t]*[\"']?([\w:.\-]+)")
_CHUNK_HEADER_LABEL = re.compile(r"^\{\w+[ ,]+(?:label\s*=\s*[\"'])?([\w:.\-]+)")
#: A trailing ``{#id}``/``{: #id}`` the parser left in a heading's text (attr_list style).
_TRAILING_ATTRIBUTES = re.compile(r"\{:?[ \t]*#([\w:.\-]+)[^{}]*\}$")
_CROSSREF = re.compile(r"-?@([A-Za-z]+)-(\w[\w:.\-]*)")
#: The tokens that hold something the index keeps (every other one is skipped unread).
_READ_KINDS = frozenset(
    {"inline", "heading_open", "container_open", "fence", "html_block", "embed", "hidden",
     "list_item_open"}
)  # fmt: skip
#: How far past the previous find a link's target is looked for in its block's source.
_SEARCH_WINDOW = 4096


@dataclass(frozen=True, slots=True)
class LinkUse:
    """A link or an image: its target as written (URL-decoded) and where it is."""

    target: str
    image: bool
    place: Place

    def __reduce__(self) -> tuple[type[LinkUse], tuple[str, bool, Place]]:
        # A plain tuple: a third of the time of a slotted dataclass's state, per link.
        return LinkUse, (self.target, self.image, self.place)


@dataclass(frozen=True, slots=True)
class CrossRef:
    """``@fig-plot``: the label it names and where."""

    label: str
    place: Place

    def __reduce__(self) -> tuple[type[CrossRef], tuple[str, Place]]:
        return CrossRef, (self.label, self.place)


@dataclass(frozen=True, slots=True)
class PageFacts:
    """One page as the site index keeps it."""

    #: Every id on the page a ``#fragment`` can land on.
    anchors: frozenset[str]
    links: tuple[LinkUse, ...]
    crossrefs: tuple[CrossRef, ...]
    #: Front matter values that change the page's address (slug, permalink, url, aliases, id).
    routing: tuple[tuple[str, str], ...]
    #: (line, site rules its suppression comments turn off there), for lines with links.
    muted: tuple[tuple[int, tuple[str, ...]], ...] = ()
    #: The files its generator includes into it (Quarto's ``{{< include >}}``, snippets,
    #: MDX imports of Markdown), as written: their ids are the page's too.
    includes: tuple[str, ...] = ()
    #: Whether its generator adds content the index cannot see (a component, a shortcode):
    #: then its ids are not all known, and a fragment is not reported missing.
    open: bool = False
    #: Whether the page is included into others rather than published: its relative links
    #: and fragments are the including page's.
    partial: bool = False

    def __reduce__(self) -> tuple[type[PageFacts], tuple[Any, ...]]:
        # Sent from a worker with every page: as a tuple, not a slotted dataclass's state.
        fields = (self.anchors, self.links, self.crossrefs, self.routing, self.muted)
        return PageFacts, (*fields, self.includes, self.open, self.partial)

    def is_muted(self, rule_id: str, line: int) -> bool:
        return any(line == muted_line and rule_id in rules for muted_line, rules in self.muted)

    def to_json(self) -> dict[str, Any]:
        return {
            "anchors": sorted(self.anchors),
            "links": [[link.target, link.image, list(link.place)] for link in self.links],
            "crossrefs": [[ref.label, list(ref.place)] for ref in self.crossrefs],
            "routing": [list(item) for item in self.routing],
            "muted": [[line, list(rules)] for line, rules in self.muted],
            "includes": list(self.includes),
            "open": self.open,
            "partial": self.partial,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PageFacts:
        return cls(
            anchors=frozenset(str(anchor) for anchor in data["anchors"]),
            links=tuple(
                LinkUse(str(target), bool(image), _place(place))
                for target, image, place in data["links"]
            ),
            crossrefs=tuple(
                CrossRef(str(label), _place(place)) for label, place in data["crossrefs"]
            ),
            routing=tuple((str(key), str(value)) for key, value in data["routing"]),
            muted=tuple(
                (int(line), tuple(str(rule) for rule in rules)) for line, rules in data["muted"]
            ),
            includes=tuple(str(item) for item in data["includes"]),
            open=bool(data["open"]),
            partial=bool(data["partial"]),
        )


def _place(values: Any) -> Place:
    line, column, end_line, end_column = (int(value) for value in values)
    return line, column, end_line, end_column


#: Front matter keys that change where a generator serves the page.
ROUTING_KEYS = ("slug", "permalink", "url", "aliases", "id")


def page_facts(doc: Document) -> PageFacts:
    """The facts of ``doc`` for the site index."""
    reader = _PageReader(doc)
    tokens = doc.tokens
    read_kinds = _READ_KINDS
    for index, token in enumerate(tokens):
        if token.type in read_kinds:
            reader.read(tokens, index)
    anchors = reader.anchors
    anchors.update(heading_ids(reader.heading_texts, doc.dialect.heading_ids))
    # Attribute blocks the parser kept as text (tables' captions, spans, divs of other
    # dialects): an id there is still an id on the page.
    for block in _ATTRIBUTE_BLOCK.finditer(doc.text, doc.body_start):
        anchors.update(_ids_in(block[0]))
    return PageFacts(
        frozenset(anchors),
        tuple(reader.links),
        tuple(reader.crossrefs),
        routing_of(doc),
        includes=tuple(reader.embeds.includes),
        open=reader.embeds.open or _lists_pages(doc),
        partial=doc.is_partial,
    )


class _PageReader:
    """Reads a page's tokens, one block at a time, into what its facts hold."""

    def __init__(self, doc: Document) -> None:
        self.finder = _Finder(doc)
        self.anchors: set[str] = set(_front_matter_ids(doc))
        self.links: list[LinkUse] = []
        self.crossrefs: list[CrossRef] = []
        self.heading_texts: list[str] = []
        self.embeds = _Embeds()
        self._mdn = doc.dialect.heading_ids == "mdn"

    def read(self, tokens: list[Token], index: int) -> None:
        token = tokens[index]
        kind = token.type
        if kind == "inline":
            # Most inline blocks hold no link, image, citation or raw HTML: not walked.
            content = token.content
            if token.children and ("[" in content or "@" in content or "<" in content):
                self.finder.inline(token, self.anchors, self.links, self.crossrefs)
        elif kind == "heading_open" and index + 1 < len(tokens):
            text, explicit = _heading(token, tokens[index + 1])
            if self._mdn and explicit is None:
                text = _mdn_heading(tokens[index + 1])
            if explicit is not None:
                self.anchors.add(explicit)
            else:
                self.heading_texts.append(text)
        elif kind == "container_open":
            self.anchors.update(_ids_in(str((token.meta or {}).get("attributes", ""))))
        elif kind == "fence":
            self.anchors.update(_fence_ids(token))
        elif kind == "html_block":
            self.anchors.update(_html_ids(token.content))
            self.links.extend(self.finder.html_targets(token))
        elif kind in ("embed", "hidden"):
            self.embeds.add(token, self.anchors)
        elif kind == "list_item_open" and self._mdn:
            term = _mdn_term(tokens, index)
            if term is not None:
                self.heading_texts.append(term)


_QUOTED_OR_BARE = re.compile(r"""["']([^"'\n]+)["']|([^\s"'{}<>%!]+\.[\w]+)""")
_IMPORT = re.compile(r"""import\s+(\w+)\s+from\s+["']([^"']+\.mdx?)["']""")
#: Embedded content that is another file of the site, by the embed's name.
_INCLUDE_NAMES = frozenset({"include", "include-markdown", "include_relative", "readfile"})


class _Embeds:
    """What a page embeds: files the index can read (includes), or content it cannot."""

    def __init__(self) -> None:
        self.includes: list[str] = []
        self.open = False
        self._imports: dict[str, str] = {}

    def add(self, token: Token, anchors: set[str]) -> None:
        meta = token.meta or {}
        name = str(meta.get("name", ""))
        anchors.update(_SHORTCODE_ID.findall(token.content))
        if token.type == "hidden":
            if meta.get("syntax") == "esm":
                self._imports.update(_IMPORT.findall(token.content))
            return
        if name in self._imports:
            self.includes.append(self._imports[name])
            return
        if name in _INCLUDE_NAMES:
            body = token.content
            start = body.find(name) + len(name)
            argument = _QUOTED_OR_BARE.search(body[start : start + 500])
            if argument is not None:
                self.includes.append(argument[1] or argument[2])
                return
        if meta.get("syntax") == "include":
            argument = _QUOTED_OR_BARE.search(token.content[:500].strip("{}!-8< \t"))
            if argument is not None:
                self.includes.append(argument[1] or argument[2])
                return
        self.open = True


def _front_matter_ids(doc: Document) -> list[str]:
    """Ids the front matter gives the page: Quarto listings' ``id``, and the ids of the
    appendix headings its ``language`` keys title."""
    data = doc.front_matter.data if doc.front_matter is not None else None
    if not isinstance(data, dict):
        return []
    listing = data.get("listing")
    entries = listing if isinstance(listing, list) else [listing]
    ids = [str(entry["id"]) for entry in entries if isinstance(entry, dict) and "id" in entry]
    # Quarto's appendix sections (footnotes, references) titled by the page's language keys
    # (``section-title-footnotes: Example Footnotes``) get their heading's id.
    language = data.get("language")
    if isinstance(language, dict) and doc.dialect.heading_ids == "pandoc":
        titles = [str(value) for key, value in language.items()
                  if str(key).startswith("section-title-") and isinstance(value, str)]  # fmt: skip
        ids.extend(heading_ids(titles, "pandoc"))
    return ids


def _lists_pages(doc: Document) -> bool:
    """A Quarto listing page: its template writes headings (categories) the index cannot see."""
    data = doc.front_matter.data if doc.front_matter is not None else None
    return isinstance(data, dict) and bool(data.get("listing"))


def _mdn_term(tokens: list[Token], index: int) -> str | None:
    """An MDN definition term (``- term`` over ``  - : definition``): MDN gives it an id
    from its first part (``{{optional_inline}}`` badges after it do not count)."""
    # list_item_open, paragraph_open, inline, paragraph_close, bullet_list_open,
    # list_item_open, paragraph_open, inline (": definition")
    if index + 7 >= len(tokens) or tokens[index + 4].type != "bullet_list_open":
        return None
    inline, definition = tokens[index + 2], tokens[index + 7]
    if inline.type != "inline" or definition.type != "inline":
        return None
    if not definition.content.startswith(": "):
        return None
    children = inline.children or []
    first = next((child for child in children if child.type != "softbreak"), None)
    if first is None:
        return None
    if first.type == "text":
        return first.content.split("{{", 1)[0]
    return _mdn_element_text(children, children.index(first))


#: KumaScript's cross-reference macros whose second argument is the text shown.
_MDN_XREF_MACROS = frozenset(
    {"domxref", "cssxref", "jsxref", "htmlelement", "svgattr", "svgelement", "mathmlelement",
     "httpheader", "httpmethod", "httpstatus", "glossary", "htmlattrxref", "event",
     "webextapiref", "apiref", "domxrefs"}
)  # fmt: skip
_MDN_MACRO = re.compile(r"\{\{\s*([\w-]+)\s*(?:\((.*)\))?\s*\}\}", re.S)
_MDN_ARGUMENT = re.compile(r""""([^"]*)"|'([^']*)'""")


def _mdn_macro_text(macro: str) -> str:
    """The text a KumaScript macro shows (``{{domxref("Node.x", "x")}}`` shows ``x``,
    ``{{SVGAttr("id")}}`` shows ``id``); nothing for a badge with no argument."""
    found = _MDN_MACRO.match(macro.strip())
    if found is None or found[2] is None:
        return ""
    arguments = [
        quoted[1] if quoted[1] is not None else quoted[2]
        for quoted in _MDN_ARGUMENT.finditer(found[2])
    ]
    if not arguments:
        return ""
    if found[1].lower() in _MDN_XREF_MACROS and len(arguments) > 1 and arguments[1]:
        return arguments[1]
    return arguments[0]


def _mdn_element_text(children: list[Token], position: int) -> str:
    """The text of the element that starts at ``children[position]`` once MDN renders it:
    a macro's, inline code's, a link's or emphasis' words."""
    first = children[position]
    if first.type == "template":
        return _mdn_macro_text(first.content)
    if first.type == "code_inline":
        return first.content
    closing = first.type.replace("_open", "_close")
    if not first.type.endswith("_open"):
        return first.content
    depth, inside = 0, []
    for child in children[position:]:
        if child.type == first.type:
            depth += 1
        elif child.type == closing:
            depth -= 1
            if depth == 0:
                break
        else:
            inside.append(child)
    return _mdn_text(inside)


def _mdn_text(children: list[Token]) -> str:
    """A heading's text as MDN renders it, macros shown as their text."""
    return "".join(
        _mdn_macro_text(child.content) if child.type == "template" else children_text([child])
        for child in children
    )


def _mdn_heading(inline: Token) -> str:
    """An MDN heading's text for its id: a heading with a macro gets the id of its first
    element's text when it starts with one (rari's ``data-update-id``), else of all of it."""
    children = list(inline.children or [])
    if not any(child.type == "template" for child in children):
        return children_text(children).strip()
    first = next((i for i, child in enumerate(children) if child.type != "softbreak"), None)
    if first is not None and children[first].type != "text":
        return _mdn_element_text(children, first)
    return _mdn_text(children).strip()


def _heading(opening: Token, inline: Token) -> tuple[str, str | None]:
    """A heading's visible text, and its explicit id if it has one."""
    attributes = opening.attrGet("pandoc")
    if attributes:
        ids = _ids_in(str(attributes))
        if ids:
            return "", ids[0]
    children = list(inline.children or [])
    if children and children[-1].type == "template" and children[-1].content.startswith("{#"):
        explicit = children[-1].content[2:-1].strip()
        if explicit:
            return children_text(children[:-1]), explicit
    text = children_text(children).strip()
    trailing = _TRAILING_ATTRIBUTES.search(text) if text.endswith("}") else None
    if trailing is not None:
        return text[: trailing.start()].strip(), trailing[1]
    return text, None


def _ids_in(attributes: str) -> list[str]:
    return _ATTRIBUTE_ID.findall(attributes)


def _html_ids(html: str) -> list[str]:
    return [double or single for double, single in _HTML_ID.findall(html)]


def _fence_ids(fence: Token) -> list[str]:
    """A code chunk's labels; the ids of a fence the generator renders in place."""
    if fence.info.strip() in _RENDERED_FENCES:
        return _html_ids(fence.content)
    return _chunk_labels(fence)


def _chunk_labels(fence: Token) -> list[str]:
    info = fence.info.strip()
    if not info.startswith("{"):
        return []
    labels = _CHUNK_LABEL.findall(fence.content)
    header = _CHUNK_HEADER_LABEL.match(info)
    if header is not None and "=" not in header[1]:
        labels.append(header[1])
    labels.extend(_ids_in(info))
    return labels


def routing_of(doc: Document) -> tuple[tuple[str, str], ...]:
    """The front matter values that move the page (``slug``, ``permalink``…)."""
    data = doc.front_matter.data if doc.front_matter is not None else None
    if not isinstance(data, dict):
        return ()
    found: list[tuple[str, str]] = []
    for key in ROUTING_KEYS:
        value = data.get(key)
        values = value if isinstance(value, list) else [value]
        found.extend((key, item) for item in values if isinstance(item, str) and item)
    return tuple(found)


def _link_text(children: list[Token], position: int) -> str:
    """The text of the first child after a link's opening (where the link's text starts)."""
    following = children[position + 1] if position + 1 < len(children) else None
    return following.content if following is not None and following.type == "text" else ""


class _Finder:
    """Finds the source place of what an inline token holds, searching its block's source
    lines from where the previous find left off (inline tokens carry no columns)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._block: tuple[int, int] | None = None
        self._cursor = 0

    def _source(self, block: Token) -> tuple[int, int]:
        first, last = block.map if block.map else (0, 0)
        bounds = (self.doc.lines.line_start(first + 1), self.doc.lines.line_start(last + 1))
        if bounds != self._block:
            self._block, self._cursor = bounds, bounds[0]
        return bounds

    def place_of(self, block: Token, *candidates: str) -> Place:
        """The place of the first of ``candidates`` found in ``block``'s source."""
        _, end = self._source(block)
        text = self.doc.text
        for candidate in candidates:
            if not candidate:
                continue
            # A window, not the rest of the block: a paragraph of a hundred thousand links
            # whose targets are written otherwise must not cost a scan per link.
            window = min(end, self._cursor + len(candidate) + _SEARCH_WINDOW)
            found = text.find(candidate, self._cursor, window)
            if found != -1:
                self._cursor = found + len(candidate)
                return self._span(found, found + len(candidate))
        return self._span(self._cursor, self._cursor)

    def _span(self, start: int, end: int) -> Place:
        line, column = self.doc.lines.position(start)
        end_line, end_column = self.doc.lines.position(end)
        return line, column, end_line, end_column

    def inline(
        self, block: Token, anchors: set[str], links: list[LinkUse], crossrefs: list[CrossRef]
    ) -> None:
        """What an inline block holds: its links, images, cross-references and ids."""
        children = block.children or []
        for position, child in enumerate(children):
            kind = child.type
            if kind == "text" or kind == "softbreak":
                continue
            if kind == "link_open" or kind == "image":
                link = self.inline_link(block, child, position)
                if link is not None:
                    links.append(link)
                if kind == "image" and child.attrGet("id"):
                    anchors.add(str(child.attrGet("id")))
            elif kind == "citation":
                crossrefs.extend(self.crossrefs(block, child.content))
            elif kind == "html_inline":
                anchors.update(_html_ids(child.content))
                links.extend(self.html_targets(block, child.content))

    def inline_link(self, block: Token, child: Token, position: int) -> LinkUse | None:
        image = child.type == "image"
        href = child.attrGet("src") if image else child.attrGet("href")
        if not href:
            return None
        raw = str(href)
        target = unquote(raw) if "%" in raw else raw
        # A reference-style link's target is in its definition: then the link's text.
        text = child.content if image else _link_text(block.children or [], position)
        return LinkUse(target, image, self.place_of(block, target, raw, f"[{text}]"))

    def html_targets(self, block: Token, html: str | None = None) -> Iterator[LinkUse]:
        for tag in _HTML_TARGET.finditer(html if html is not None else block.content):
            for found in _HTML_TARGET_ATTRIBUTE.finditer(tag[0]):
                value = found[2] if found[2] is not None else found[3]
                if value:
                    image = tag[1].lower() != "a"
                    yield LinkUse(unquote(value), image, self.place_of(block, value))

    def crossrefs(self, block: Token, citation: str) -> Iterator[CrossRef]:
        for found in _CROSSREF.finditer(citation):
            if found[1] in CROSSREF_PREFIXES:
                label = f"{found[1]}-{found[2].rstrip(':.-')}"
                yield CrossRef(label, self.place_of(block, "@" + label))


__all__ = ["CROSSREF_PREFIXES", "CrossRef", "LinkUse", "PageFacts", "Place", "page_facts"]
