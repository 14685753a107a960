"""Which flagged words are not mistakes: the project's accepted words (with their possessives
and inflections, lower-case entries in any case), the technical words contentlint ships, the
words a document itself names in code, link targets and front matter lists, and words shaped
like identifiers, acronyms or names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.document import Document
    from lint.prose.segments import Segment

#: The shipped word lists: the cspell dictionaries' technical words, and our own of the sites
#: contentlint checks.
WORD_LISTS = tuple(Path(__file__).with_name("data") / name
                   for name in ("technical-words.txt", "site-words.txt"))  # fmt: skip
#: Code read for a document's own words: enough for any real page, bounded for a hostile one.
_MOST_CODE_CHARS = 500_000
_CODE_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
#: What ends a word as the source writes it (a token may hold ``.``, ``/``, ``@``, ``-``).
_TOKEN_EDGE = frozenset(" \t\n\r()[]{}<>\"'“”‘’,;!?*`|")
_TRAILING = ".:,;!?'’\"”"
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_ACRONYM = re.compile(r"[A-Z][A-Z&]+s?")
_JOINED = re.compile(r"\w[._/\\@:#+=~]\w")
#: A capitalised word, in any alphabet: ``Linkerd``, ``Michaël``, ``Dayıoğlu``.
_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|['’])+")
#: Endings of inflected and possessive forms, with what the plain form ends with instead.
_ENDINGS = (
    ("'s", ""), ("’s", ""), ("s'", "s"), ("s’", "s"), ("ies", "y"), ("es", ""), ("s", ""),
    ("ied", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
    ("ers", ""), ("er", ""), ("ly", ""),
)  # fmt: skip
#: The endings of plurals and possessives only.
_PLURAL_ENDINGS = _ENDINGS[:7]


@cache
def technical_words() -> frozenset[str]:
    """The shipped technical words, case-folded."""
    words: set[str] = set()
    for path in WORD_LISTS:
        try:
            text = path.read_text("utf-8")
        except OSError:
            continue
        words.update(line.strip().casefold() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))  # fmt: skip
    return frozenset(words)


#: British ``-ise`` endings (``vectorised``, ``denormalisation``) and their ``-ize`` forms.
_ISE = re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$")


def is_english(word: str) -> bool:
    """Whether a word in lower case, or with a capital first (a sentence's or a title's),
    is an English word or the plural of one (``linearities``, ``Presentational``). Not
    through ``-ed``, ``-ing`` or ``-ly``: ``occured``, ``begining`` and ``truely`` are typos."""
    if not (word.islower() or (word[:1].isupper() and word[1:].islower())):
        return False
    english = english_words()
    return any(form.casefold() in english for form in base_forms(word, _PLURAL_ENDINGS))


#: Prefixes that make words of words (``upcasting``, ``teleconnection``, ``macroblocks``).
#: Not ``re``, ``de``, ``un``, ``inter``, ``pre``, ``trans``, ``back`` or ``super``: of
#: codespell's 64,000 known misspellings, 400 read as one of them and a word
#: ("unconsistent", "decribes", "backround", "superceded"); with the prefixes here and no word
#: one letter from an English word ("upsteam" is "upstream" misspelt), 24 do.
_PREFIXES = (
    "anti", "auto", "cross", "hyper", "macro", "meta", "micro", "mini", "multi", "non", "over",
    "poly", "post", "pseudo", "quasi", "semi", "sub", "tele", "ultra", "under", "up",
)  # fmt: skip
#: What a prefix's word must be at least as long as: "untill" is no "un" + "till".
_MIN_PREFIXED = 5


def is_prefixed_english(word: str) -> bool:
    """Whether a lower-case word is a prefix and an English word of five letters or more
    (``upcasting``, ``teleconnection``, ``macroblocks``), without a letter doubled where
    they join (``overrride``)."""
    if not word.islower():
        return False
    for prefix in _PREFIXES:
        rest = word[len(prefix) :].removeprefix("-")
        if (
            word.startswith(prefix)
            and len(rest) >= _MIN_PREFIXED
            and rest[0] != prefix[-1]
            and is_english(rest)
        ):
            return not one_edit_from_english(word)
    return False


#: Suffixes that make words of English words with a regular change of the stem
#: (``stationarity``, ``stochasticity``, ``invertibility``, ``visualizable``, ``binarize``).
#: Not ``-able`` after any stem, ``-ise``/``-ize`` or a plain ``-ity``: with those too, 174 of
#: codespell's 64,000 known misspellings read as a derived word ("accessable", "capitolize",
#: "mayority"); with the changes here and no word one letter from an English word, 3 do.
_DERIVATIONS = (
    ("arity", "ary"), ("icity", "ic"), ("ibility", "ible"), ("ability", "able"),
    ("izable", "ize"), ("isable", "ise"), ("arize", "ary"), ("arise", "ary"),
    ("ization", "ize"), ("isation", "ise"),
)  # fmt: skip
#: The inflections a derived word may carry (``binarized``, ``binarizing``).
_DERIVED_ENDINGS = (*_PLURAL_ENDINGS, ("ed", "e"), ("d", ""), ("ing", "e"))


def is_derived_english(word: str) -> bool:
    """Whether a lower-case word is an English word of five letters or more with one of
    ``_DERIVATIONS``'s suffixes (``stationarity``: ``stationary``), and no word one letter
    from an English word (a typo, then)."""
    if not word.islower():
        return False
    english = english_words()
    for form in base_forms(word, _DERIVED_ENDINGS):
        for suffix, replacement in _DERIVATIONS:
            if not form.endswith(suffix):
                continue
            stem = form[: -len(suffix)] + replacement
            if len(stem) >= _MIN_PREFIXED and stem in english:
                return not one_edit_from_english(word)
    return False


def one_edit_from_english(word: str) -> bool:
    """Whether a letter added, dropped or two swapped make an English word of ``word``
    ("upsteam": "upstream"): a typo, then, more likely than a coinage."""
    english = english_words()
    return any(form in english for form in one_edit_forms(word, changed=False) if form != word)


def one_edit_forms(word: str, dropped: bool = True, changed: bool = True) -> Iterator[str]:
    """The words one edit from ``word``: a letter dropped, two swapped, a letter changed
    or one added."""
    for at in range(len(word) + 1):
        left, right = word[:at], word[at:]
        if right and dropped:
            yield left + right[1:]
        if len(right) > 1:
            yield left + right[1] + right[0] + right[2:]
        for letter in _LETTERS:
            if right and changed:
                yield left + letter + right[1:]
            yield left + letter + right


def _is_technical(word: str) -> bool:
    return word.casefold() in technical_words()


def _stems_of_no_english_word(word: str) -> Iterator[str]:
    """The word, its plural's stem, and the stems through ``-ed``, ``-ing`` or ``-ly`` that
    are no English word: ``begining`` is no inflection of the technical word ``begin`` but a
    typo of ``beginning``, which Harper knows."""
    plural = list(base_forms(word, _PLURAL_ENDINGS))
    yield from plural
    english = english_words()
    for form in base_forms(word):
        if form not in plural and form.casefold() not in english:
            yield form


def _known_ize_form(word: str) -> bool:
    """Whether a British ``-ise`` spelling is of a known ``-ize`` word (``vectorised``:
    ``vectorized``); the dictionaries hold many technical words in American spelling only."""
    if _ISE.search(word) is None:
        return False
    american = _ISE.sub(r"iz\1", word)
    technical = technical_words()
    return american in english_words() or any(
        form.casefold() in technical for form in base_forms(american)
    )


@cache
def lower_case_terms() -> frozenset[str]:
    """The shipped technical words written only in lower case (``npm``, ``mkdocs``,
    ``webpack``): names their makers spell that way, even at a sentence's start."""
    lower: set[str] = set()
    other: set[str] = set()
    for path in WORD_LISTS:
        try:
            text = path.read_text("utf-8")
        except OSError:
            continue
        for line in text.splitlines():
            word = line.strip()
            if word and not word.startswith("#"):
                (lower if word.islower() else other).add(word.casefold())
    return frozenset(lower - other)


def is_lower_case_term(word: str) -> bool:
    """A lower-case word that is one of ``lower_case_terms`` and no English word."""
    return word.islower() and word in lower_case_terms() and word not in english_words()


@cache
def english_words() -> frozenset[str]:
    """pyspellchecker's English dictionary (about 160,000 words, lower case): a second opinion
    on a word Harper's smaller dictionary lacks (``webpage``, ``superclass``,
    ``autocorrelation``). Loaded (0.1 s) only when a flagged word needs it."""
    try:
        from spellchecker import SpellChecker
    except ImportError:  # pragma: no cover - a dependency; without it, Harper alone decides
        return frozenset()
    return frozenset(SpellChecker(language="en").word_frequency.dictionary)


@cache
def site_words() -> frozenset[str]:
    """The names of the generators and formats of the sites contentlint checks, case-folded."""
    text = WORD_LISTS[1].read_text("utf-8") if WORD_LISTS[1].is_file() else ""
    return frozenset(line.strip().casefold() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))  # fmt: skip


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def near_technical_word(word: str) -> bool:
    """Whether ``word`` is one edit (a letter added, dropped, changed or two swapped) from
    the name of a generator or format of five letters or more: ``Quartoo`` is a misspelt
    ``Quarto``. (Not from any technical word: names are one edit from other names.)"""
    folded = word.casefold()
    technical = site_words()
    if folded in technical_words() or len(folded) < 5:
        return False
    return any(form in technical for form in one_edit_forms(folded, dropped=len(folded) > 5))


def base_forms(word: str, endings: tuple[tuple[str, str], ...] | None = None) -> Iterator[str]:
    """``word`` and the plain forms it may inflect: ``Astro's`` → ``Astro``, ``mapping`` →
    ``map``, ``libraries`` → ``library`` (through ``endings``, by default every one)."""
    yield word
    for ending, replacement in _ENDINGS if endings is None else endings:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: len(word) - len(ending)] + replacement
            if ending == "d" and not stem.endswith("e"):
                continue  # cached is cache + d; foldd is no fold + d
            yield stem
            if not replacement and len(stem) > 3 and stem[-1] == stem[-2]:
                yield stem[:-1]  # mapping → mapp → map


@dataclass(frozen=True)
class Accepted:
    """The project's accepted words: an entry with a capital matches as written (any case
    when ``case_sensitive`` is off), a lower-case entry matches in any case."""

    exact: frozenset[str]
    folded: frozenset[str]

    @classmethod
    def of(cls, words: Iterable[str], case_sensitive: bool) -> Accepted:
        listed = [word.strip() for word in words if word.strip()]
        exact = frozenset(w for w in listed if case_sensitive and w != w.casefold())
        folded = frozenset(w.casefold() for w in listed if w not in exact)
        return cls(exact, folded)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        return any(
            form in self.exact or form.casefold() in self.folded for form in base_forms(word)
        )


def source_token(text: str, start: int, end: int) -> str:
    """The whole token around ``text[start:end]`` as the source writes it (``Node.js`` around
    ``js``, ``src/app.py`` around ``app``), without the punctuation that ends a sentence."""
    limit = 200
    while start > 0 and _inside_token(text, start - 1) and limit:
        start, limit = start - 1, limit - 1
    while end < len(text) and _inside_token(text, end) and limit:
        end, limit = end + 1, limit - 1
    return text[start:end].rstrip(_TRAILING).strip("_~")


def _inside_token(text: str, position: int) -> bool:
    """Whether ``text[position]`` belongs to the token around it: not a space or a bracket;
    an apostrophe only between letters (``Node.js's``)."""
    char = text[position]
    if char in "'’":
        return (
            0 < position < len(text) - 1
            and text[position - 1].isalnum()
            and (text[position + 1].isalpha())
        )
    return char not in _TOKEN_EDGE


def is_identifier(token: str) -> bool:
    """Whether a token is shaped like a name in code, not a word: a digit (``v1.2``,
    ``h264``), joined parts (``Node.js``, ``src/app.py``, ``@handle``, ``snake_case``),
    capitals inside (``parseInt``, ``GitHub``, ``mTLS``) or all capitals (``CNCF``, ``APIs``)."""
    if any(char.isdigit() for char in token) or "_" in token:
        return True
    if _JOINED.search(token) or (len(token) > 1 and token[0] in "@#/~."):
        return True
    return bool(_CAMEL.search(token) or _ACRONYM.fullmatch(token))


def is_name(word: str) -> bool:
    """Whether ``word`` is written as a name: a capital, then small letters (``Michaël``)."""
    return bool(_NAME.fullmatch(word)) and word[0].isupper() and word[1:] == word[1:].lower()


def is_sentence_start(text: str, start: int) -> bool:
    """Whether a word at ``text[start]`` begins a sentence (or the text); a word after
    initials (``J.J. Allaire``, ``W. Richard``) goes on with the name they start."""
    before = text[:start].rstrip(" \t\n\"'“‘([*_")
    if before.endswith(".") and _INITIALS.search(before, max(0, len(before) - 8)):
        return False
    return not before or before[-1] in ".!?:…" or before.endswith(("—", "–"))


#: Initials at the end of a text: ``J.``, ``J.J.``, ``J. R. R.``.
_INITIALS = re.compile(r"(?:^|[\s(])(?:[A-Z]\. ?){1,3}$")


#: How often a word must recur in one document to be its term, not a typo (typos seldom
#: repeat: ``convnet`` ten times is the writer's word; ``curently`` twice is still reported).
TERM_REPEATS = 3
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def repeated_words(segments: Iterable[Segment]) -> frozenset[str]:
    """Words written ``TERM_REPEATS`` times or more in a document's prose, case-folded."""
    counts: dict[str, int] = {}
    for segment in segments:
        for word in _WORD.findall(segment.text):
            folded = word.casefold()
            counts[folded] = counts.get(folded, 0) + 1
    return frozenset(word for word, count in counts.items() if count >= TERM_REPEATS)


def names_in(segments: Iterable[Segment]) -> frozenset[str]:
    """Capitalised words the writer uses inside sentences: names (``Linkerd``, ``Maxime``),
    so that the same word opening a sentence is a name too."""
    found: set[str] = set()
    for segment in segments:
        text = segment.text
        for word in _NAME.finditer(text):
            if not is_name(word[0]):
                continue
            if not is_sentence_start(text, word.start()) and segment.kind != "heading":
                found.add(word[0])
    return frozenset(found)


#: A lower-case word after a lower-case letter or a comma and a space: inside a sentence.
_LOWER_INSIDE = re.compile(r"(?<=[a-z,;:] )[a-z][a-z0-9_-]*")


def lower_case_words_inside(segments: Iterable[Segment]) -> frozenset[str]:
    """Lower-case words the writer uses inside sentences ("with sttp"), so that the same
    word opening one is a name written in lower case, not a missing capital."""
    return frozenset(word for segment in segments for word in _LOWER_INSIDE.findall(segment.text))


def document_words(doc: Document) -> frozenset[str]:
    """Words the document names outside its prose, case-folded: in inline code, code blocks,
    the addresses its links point to (``[dplyr](https://github.com/tidyverse/dplyr)``, and
    HTML links' ``href``), and the strings of its front matter lists (tags, authors)."""
    pieces: list[str] = []
    budget = _MOST_CODE_CHARS
    for token in doc.tokens:
        if budget <= 0:
            break
        if token.type in ("fence", "code_block"):
            pieces.append(token.content[:budget])
            budget -= len(pieces[-1])
        elif token.type == "html_block":
            pieces.extend(_HREF.findall(token.content, 0, _MOST_HTML_CHARS))
        elif token.type == "inline" and token.children:
            for child in token.children:
                if child.type == "code_inline":
                    pieces.append(child.content)
                elif child.type == "link_open":
                    pieces.append(str(child.attrGet("href") or ""))
                elif child.type == "html_inline":
                    pieces.extend(_HREF.findall(child.content))
    data = doc.front_matter.data if doc.front_matter is not None else None
    if isinstance(data, Mapping):
        pieces.extend(_list_strings(data, 0))
    return frozenset(word.casefold() for piece in pieces for word in code_words(piece))


#: The address of an HTML link (``<a href="https://github.com/Kludex/mangum">``), and how
#: much of an HTML block is read for them.
_HREF = re.compile(r"""\bhref\s*=\s*["']([^"'\n]{1,500})["']""")
_MOST_HTML_CHARS = 100_000


def code_words(text: str) -> list[str]:
    """The words of code (``read_excel`` holds ``read`` and ``excel``), as written."""
    return _CODE_WORD.findall(text)


#: A fenced code block of Markdown source, and inline code (read without parsing the page).
_FENCED = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n(.*?)^[ \t]*\1", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)([^\n]{1,300}?)(?<!`)\1(?!`)")


def code_of_markdown(text: str) -> str:
    """The code of a Markdown page's source: its fenced blocks and its inline code, read with
    two regular expressions (for the pages of a project that a run does not parse)."""
    pieces = [found[2] for found in _FENCED.finditer(text)]
    outside = _FENCED.sub("", text)
    pieces.extend(found[2] for found in _INLINE_CODE.finditer(outside))
    return "\n".join(pieces)


def _list_strings(value: object, depth: int) -> Iterator[str]:
    """The strings inside lists of a front matter value (``tags: [dplyr, tidyr]``)."""
    if depth > 8:
        return
    if isinstance(value, Mapping):
        for item in value.values():
            yield from _list_strings(item, depth + 1)
    elif isinstance(value, list):
        for item in value[:1000]:
            if isinstance(item, str):
                yield item[:200]
            else:
                yield from _list_strings(item, depth + 1)


@dataclass(frozen=True)
class Vocabulary:
    """What one document's prose findings are held against."""

    accepted: Accepted
    #: Words the document writes outside its prose, case-folded.
    own_words: frozenset[str]
    names: frozenset[str]
    #: Words the document writes again and again (``repeated_words``).
    repeated: frozenset[str] = frozenset()
    #: Whether British ``-ise`` spellings of known ``-ize`` words are right (not in en-US).
    british: bool = True
    #: Words its project writes outside prose (``lint.prose.project_words``), case-folded.
    project_words: frozenset[str] = frozenset()
    #: Lower-case words its prose writes inside sentences (``lower_case_words_inside``).
    lower_case_inside: frozenset[str] = frozenset()

    def writes_in_own_code(self, word: str) -> bool:
        """Whether the document itself writes the word, or its plural's or possessive's
        plain form, outside its prose (its code, addresses and front matter lists)."""
        own = self.own_words
        return any(form.casefold() in own for form in base_forms(word, _PLURAL_ENDINGS))

    def writes_plural_in_own_code(self, word: str) -> bool:
        """Whether the document's code writes the word's plural (``todos`` for "todo"): a
        program's term, not a mark in a comment (``# TODO:``)."""
        return word.casefold() + "s" in self.own_words

    def writes_outside_prose(self, word: str) -> bool:
        """Whether the document writes the word, or its plain form, in its code, its links'
        addresses or its front matter lists, or its project in its project files, its folder
        names or its pages' code."""
        return any(
            (folded := form.casefold()) in self.own_words or folded in self.project_words
            for form in base_forms(word)
        )

    def knows(self, word: str, token: str, at_sentence_start: bool) -> bool:
        """Whether a word flagged as misspelt is known: accepted, technical, the document's
        own, shaped like an identifier, or a name (capitalised inside a sentence, or written
        so inside one elsewhere in the document)."""
        if word in self.accepted or is_identifier(token) or is_identifier(word):
            return True
        if len(word.rstrip(".")) == 1:
            return True  # a variable (x, f), an initial (J.), the R language ("in R.")
        if len(word) <= 3 and "-" in token:
            return True  # a piece of a hyphenated word ("bolt-ons", "nick-ng")
        if any(form.casefold() in self.repeated for form in base_forms(word)):
            return True
        if self.writes_outside_prose(word):
            return True
        if any(_is_technical(form) for form in _stems_of_no_english_word(word)):
            return True
        if is_english(word) or (word.islower() and self.british and _known_ize_form(word)):
            return True
        if is_prefixed_english(word) or is_derived_english(word):
            return True
        if is_name(word) and not near_technical_word(word):
            return not at_sentence_start or any(form in self.names for form in base_forms(word))
        return False
