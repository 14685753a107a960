"""Prose checking of one document: units from its segments, the engine (through the cache),
offsets back to the source, and the project's vocabulary."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from lint import __version__
from lint.cache import Cache, digest
from lint.dialects.syntax import CONTAINER_CLOSE
from lint.document import Document
from lint.positions import Span
from lint.prose.engines import (
    EngineFinding,
    Part,
    ProseRuleId,
    Unit,
    engine_for,
    engine_version,
)
from lint.prose.project_words import project_words_for
from lint.prose.segments import PLACEHOLDER, Segment
from lint.prose.settings import ProseSettings
from lint.prose.vocabulary import (
    Accepted,
    Vocabulary,
    document_words,
    is_english,
    is_identifier,
    is_lower_case_term,
    is_name,
    is_sentence_start,
    lower_case_words_inside,
    names_in,
    near_technical_word,
    one_edit_from_english,
    repeated_words,
    source_token,
)

_LETTER = re.compile(r"[^\W\d_]")
#: Editors' marks are placeholder-text's to report, not a spelling or grammar problem.
_EDITOR_MARKS = frozenset({"TODO", "TBD", "TBA", "TK", "FIXME", "XXX"})
_CACHES: dict[str, Cache] = {}
UNITS_PER_BATCH = 512
#: Bump when what contentlint asks of an engine changes (how it calls it, how it maps
#: results), so that results cached by an older contentlint are not reused.
ENGINE_PROTOCOL = "3"


@dataclass
class ProseStatistics:
    """What prose checking did in this process, for ``--verbose`` and the benchmarks."""

    from_cache: int = 0
    checked: int = 0


STATISTICS = ProseStatistics()


@dataclass(frozen=True)
class ProseFinding:
    """An engine finding placed in the document: source offsets and the flagged text."""

    start: int
    end: int
    rule: ProseRuleId
    message: str
    source: str
    code: str
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class _Mapped:
    """A unit and how its offsets lead back to the source."""

    unit: Unit
    segment: Segment
    original_starts: tuple[int, ...]
    original_ends: tuple[int, ...]
    markup: tuple[bool, ...]  # per character of ``original``: inside markup

    def span(self, start: int, end: int, offsets: str) -> Span | None:
        if offsets == "plain":
            if any(self.segment.is_placeholder(i) for i in range(start, end)):
                return None  # a finding about the stand-in word for code
            return self.segment.span(start, end)
        end = min(max(end, start + 1), len(self.original_starts))
        if start >= end or all(self.markup[start:end]):
            return None
        return Span(self.original_starts[start], self.original_ends[end - 1])


def _unit(doc: Document, segment: Segment) -> _Mapped:
    """The segment as plain text and as annotated parts, with a source map for both."""
    text = segment.text
    parts: list[Part] = []
    starts: list[int] = []
    ends: list[int] = []
    markup: list[bool] = []

    def add(
        part: Part, start: int, end: int, per_character: Sequence[tuple[int, int]] = ()
    ) -> None:
        parts.append(part)
        for index in range(len(part.text)):
            if per_character:
                starts.append(per_character[index][0])
                ends.append(per_character[index][1])
            else:
                starts.append(start)
                ends.append(end)
            markup.append(part.markup)

    index = 0
    previous_end = segment.starts[0] if segment.starts else 0
    while index < len(text):
        start, end = segment.starts[index], segment.ends[index]
        if start > previous_end:  # markup the plain text dropped: "**", "](url)"
            add(Part(doc.text[previous_end:start], markup=True), previous_end, start)
        if segment.is_placeholder(index):
            run = index
            while run < len(text) and (segment.starts[run], segment.ends[run]) == (start, end):
                run += 1
            add(Part(doc.text[start:end], markup=True, interpret_as=text[index:run]), start, end)
            index = run
        else:
            run = index + 1
            while (
                run < len(text)
                and not segment.is_placeholder(run)
                and segment.starts[run] == segment.ends[run - 1]
            ):
                run += 1
            pairs = list(zip(segment.starts[index:run], segment.ends[index:run], strict=True))
            add(Part(text[index:run]), start, end, pairs)
            index = run
        previous_end = ends[-1] if ends else end
    return _Mapped(Unit(text, tuple(parts)), segment, tuple(starts), tuple(ends), tuple(markup))


def _front_matter_segments(doc: Document, keys: Sequence[str]) -> Iterator[Segment]:
    """``title``, ``subtitle`` and ``description`` values, mapped into the front matter where
    the value stands in the source as written (plain, simply quoted, or a ``|``/``>`` block)."""
    front_matter = doc.front_matter
    if front_matter is None or not isinstance(front_matter.data, Mapping):
        return
    for key in keys:
        value = front_matter.data.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        span = front_matter.locate((key,))
        source = doc.text[span.start : span.end]
        if source == value:
            offset = span.start
        elif len(source) >= 2 and source[0] in "'\"" and source[1:-1] == value:
            offset = span.start + 1
        elif source[:1] in "|>":
            block = _block_scalar_segment(value, source, span.start)
            if block is not None:
                yield block
            continue
        else:
            continue  # escapes: no exact map, so no guesses
        yield _front_matter_segment(value, offset)


def _block_scalar_segment(value: str, source: str, offset: int) -> Segment | None:
    """A ``description: |`` (or folded ``>``) value as prose, each word at its place in the
    block; None when a word is not where the block writes it (no guesses)."""
    starts: list[int] = []
    cursor = source.find("\n") + 1
    previous = 0
    for word in re.finditer(r"\S+", value):
        found = source.find(word[0], cursor)
        if found == -1 or not cursor:
            return None
        starts.extend([offset + cursor] * (word.start() - previous))  # the spaces before it
        starts.extend(range(offset + found, offset + found + len(word[0])))
        cursor = found + len(word[0])
        previous = word.end()
    starts.extend([offset + cursor] * (len(value) - previous))
    ends = tuple(start + 1 for start in starts)
    return Segment(value, tuple(starts), ends, "front-matter", -1, ())


_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,200}>")


def _front_matter_segment(value: str, offset: int) -> Segment:
    """A front matter value as prose: an HTML tag in it (MDN's ``title: <input
    type="file">``) is a stand-in word, as inline code is."""
    text: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for tag in _HTML_TAG.finditer(value):
        text.append(value[position : tag.start()])
        starts.extend(range(offset + position, offset + tag.start()))
        text.append(PLACEHOLDER)
        starts.extend([offset + tag.start()] * len(PLACEHOLDER))
        ends.extend(start + 1 for start in starts[len(ends) : len(starts) - len(PLACEHOLDER)])
        ends.extend([offset + tag.end()] * len(PLACEHOLDER))
        position = tag.end()
    text.append(value[position:])
    starts.extend(range(offset + position, offset + len(value)))
    ends.extend(start + 1 for start in starts[len(ends) :])
    return Segment("".join(text), tuple(starts), tuple(ends), "front-matter", -1, ())


def _cache(settings: ProseSettings) -> Cache | None:
    if settings.cache_dir is None:
        return None
    key = str(settings.cache_dir)
    cache = _CACHES.get(key)
    if cache is None:
        cache = _CACHES[key] = Cache(settings.cache_dir, "prose")
    return cache


def offsets_of(settings: ProseSettings) -> str:
    """Which text of a unit the engine's offsets refer to (known without starting it)."""
    return "plain" if settings.engine == "harper" else "original"


def _unit_key(settings: ProseSettings, version: str, unit: Unit) -> str:
    if offsets_of(settings) == "plain":
        content = unit.plain
    else:
        content = json.dumps([(part.text, part.markup, part.interpret_as) for part in unit.parts])
    return digest(
        __version__, ENGINE_PROTOCOL, settings.engine, version, settings.engine_options(), content
    )


def _engine_results(settings: ProseSettings, units: Sequence[Unit]) -> list[list[EngineFinding]]:
    """Each unit's findings: from the cache where present, from the engine otherwise (started
    only then, so a run whose results are all cached never builds a dictionary or a server)."""
    cache = _cache(settings)
    version = engine_version(settings)
    known: dict[Unit, str] = {}  # a repeated text (100,000 equal headings) is hashed once
    keys = [
        known.get(unit) or known.setdefault(unit, _unit_key(settings, version, unit))
        for unit in units
    ]
    stored = cache.get_many(keys) if cache is not None else {}
    results: list[list[EngineFinding] | None] = [None] * len(units)
    missing = []
    for index, key in enumerate(keys):
        results[index] = _cached_findings(stored.get(key))
        if results[index] is None:
            missing.append(index)
    STATISTICS.from_cache += len(units) - len(missing)
    STATISTICS.checked += len(missing)
    if missing:
        # The same text (a repeated heading, a table's empty cells) goes to the engine once.
        first_of: dict[str, int] = {}
        for index in missing:
            first_of.setdefault(keys[index], index)
        distinct = list(first_of.values())
        fresh = dict(
            zip(distinct, engine_for(settings).check([units[i] for i in distinct]), strict=True)
        )
        for index in missing:
            results[index] = fresh[first_of[keys[index]]]
        if cache is not None:
            cache.put_many(
                (keys[index], json.dumps([asdict(item) for item in found]))
                for index, found in fresh.items()
            )
    return [found or [] for found in results]


@lru_cache(maxsize=8)
def _accepted(accept: frozenset[str], case_sensitive: bool) -> Accepted:
    return Accepted.of(accept, case_sensitive)


def _rejected(settings: ProseSettings, segment: Segment) -> Iterator[tuple[int, int, str]]:
    flags = 0 if settings.case_sensitive else re.IGNORECASE
    for word in sorted(settings.reject):
        pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", flags)
        for found in pattern.finditer(segment.text):
            if not any(segment.is_placeholder(i) for i in range(found.start(), found.end())):
                yield found.start(), found.end(), found[0]


def _cached_findings(value: str | None) -> list[EngineFinding] | None:
    """The engine's findings as cached, or None for a miss (no entry, or one of another
    layout: it is checked again)."""
    if value is None:
        return None
    try:
        return [EngineFinding(**item) for item in json.loads(value)]
    except (ValueError, TypeError):
        return None


#: Filler text, as templates and mock-ups hold it: a paragraph or item that starts with it.
_FILLER = re.compile(r"(?i)\W*lorem ipsum\b")


#: The Latin of filler-text generators, one word a line (lines starting "#" are comments).
FILLER_WORDS_FILE = Path(__file__).with_name("data") / "filler-words.txt"
_FILLER_WORD = re.compile(r"[A-Za-z]+")


@cache
def _filler_words() -> frozenset[str]:
    lines = FILLER_WORDS_FILE.read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _is_filler(text: str) -> bool:
    """``Lorem ipsum dolor sit amet…``: Latin-like words, none an English spelling, that
    placeholder-text reports once; not prose to check word by word. A paragraph that goes on
    in that Latin (``Mauris quis ex leo. Duis sagittis…``) is filler too: ten words or more,
    three in four of them the generators'. A sentence about it ("fills each page with Lorem
    ipsum") is prose."""
    if _FILLER.match(text) is not None:
        return True
    words = _FILLER_WORD.findall(text[:2000])
    if len(words) < 10:
        return False
    filler = _filler_words()
    latin = sum(1 for word in words if word.casefold() in filler)
    return latin * 4 >= len(words) * 3


def check_prose(doc: Document, settings: ProseSettings) -> list[ProseFinding]:
    """Every prose finding of ``doc`` (computed once per document and settings)."""
    memo: dict[ProseSettings, list[ProseFinding]] = doc.__dict__.setdefault("_prose_findings", {})
    if settings in memo:
        return memo[settings]
    asked = settings
    settings, note = _document_language(doc, settings)
    if note is not None:
        memo[asked] = [note]
        return memo[asked]
    segments = [
        *_front_matter_segments(doc, settings.front_matter_keys),
        *(
            segment
            for segment in doc.prose()
            if _LETTER.search(segment.text) and not _is_filler(segment.text)
        ),
    ]
    accepted = _accepted(settings.accept, settings.case_sensitive)

    @cache
    def vocabulary() -> Vocabulary:
        # Read from the whole document only when a finding needs it (most have none).
        return Vocabulary(
            accepted,
            document_words(doc),
            names_in(segments),
            repeated_words(segments),
            british=settings.language.casefold().replace("_", "-") != "en-us",
            project_words=project_words_for(Path(doc.path)).words,
            lower_case_inside=lower_case_words_inside(segments),
        )

    found: list[ProseFinding] = []
    # In batches, so that a document of 100,000 headings never holds every unit at once.
    for start in range(0, len(segments), UNITS_PER_BATCH):
        batch = segments[start : start + UNITS_PER_BATCH]
        found.extend(_batch_findings(doc, settings, batch, accepted, vocabulary))
        for segment in batch:
            found.extend(_rejected_findings(settings, segment))
    unique = {(finding.start, finding.end, finding.rule): finding for finding in reversed(found)}
    found = sorted(unique.values(), key=lambda f: (f.start, f.end, f.rule, f.code))
    memo[asked] = found
    return found


#: The code of the note that a file's prose was not checked (its language is not English and
#: the engine checks English only).
LANGUAGE_NOTE = "language-not-checked"


def _document_language(
    doc: Document, settings: ProseSettings
) -> tuple[ProseSettings, ProseFinding | None]:
    """The settings for ``doc``'s own language: its front matter's ``lang`` (Pandoc's and
    Quarto's key, ``en-GB``, ``fr``) over the project's; for a language the engine cannot
    check, a note instead of findings."""
    data = doc.front_matter.data if doc.front_matter is not None else None
    lang = data.get("lang") if isinstance(data, Mapping) else None
    if not isinstance(lang, str) or not re.fullmatch(
        r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", lang
    ):
        return settings, None
    lang = lang.replace("_", "-")
    if lang.casefold() == settings.language.casefold():
        return settings, None
    if lang.split("-", 1)[0].lower() == "en" or settings.engine != "harper":
        return replace(settings, language=lang), None
    span = doc.front_matter.locate(("lang",)) if doc.front_matter is not None else None
    start, end = (span.start, span.end) if span is not None else (0, 0)
    message = (
        f'prose not checked: the file\'s lang is "{lang}" and the harper engine checks English '
        'only (set [prose] engine = "languagetool" to check it)'
    )
    return settings, ProseFinding(start, end, "spelling", message, "contentlint", LANGUAGE_NOTE, ())


def _batch_findings(
    doc: Document,
    settings: ProseSettings,
    segments: Sequence[Segment],
    accepted: Accepted,
    vocabulary: Callable[[], Vocabulary],
) -> Iterator[ProseFinding]:
    mapped = [_unit(doc, segment) for segment in segments]
    results = _engine_results(settings, [item.unit for item in mapped])
    offsets = offsets_of(settings)
    for item, engine_findings in zip(mapped, results, strict=True):
        for finding in engine_findings:
            span = item.span(finding.start, finding.end, offsets)
            if span is None:
                continue
            flagged = doc.text[span.start : span.end]
            if flagged.strip(" :") in _EDITOR_MARKS or flagged.strip() in accepted:
                continue
            if not _EDITOR_MARKS.isdisjoint(finding.suggestions):
                continue  # "a todo app" is no "TODO": a mark is no word to write in prose
            if _excused(doc, item.segment, span, finding, vocabulary):
                continue
            yield ProseFinding(
                span.start,
                span.end,
                finding.rule,
                finding.message,
                settings.engine,
                finding.code,
                finding.suggestions,
            )


#: Engine codes about typography that a typographer renderer (Pandoc, Goldmark, kramdown,
#: SmartyPants) produces from ``--``, ``---`` and ``...``: the source is right to write them.
TYPOGRAPHY_CODES = frozenset({"Dashes", "UseEllipsisCharacter"})
#: Codes that hold the first word of a sentence to a capital: a list item or a table cell
#: is a fragment, not a sentence.
SENTENCE_START_CODES = frozenset({"SentenceCapitalization", "UPPERCASE_SENTENCE_START"})
#: Codes of other rules about a word the engine does not know (``img`` → "i mg"?): held
#: against the vocabulary as spelling is.
UNKNOWN_WORD_CODES = frozenset({"WrongNegative"})
#: Codes that hold a known word to its dictionary case (``markdown`` → ``Markdown``).
WORD_CASE_CODES = frozenset({"OrthographicConsistency"})
#: Codes that hold a word to its dictionary form ("todo" → "to-do"): a program's term where
#: the page's code writes it so.
TERM_CODES = frozenset({"ToDoHyphen"})
_FRAGMENT_CONTAINERS = frozenset({"list_item_open", "td_open", "th_open", "dt_open", "dd_open"})
#: Blocks a sentence goes on after (``where``, ``whereas the…``): code, an equation, a quotation,
#: a list.
_INTERRUPTIONS = frozenset(
    {"fence", "code_block", "math_block", "math_block_eqno", "blockquote_close",
     "bullet_list_close", "ordered_list_close"}
)  # fmt: skip
#: Codes about a word's letters that text in capitals is exempt from: a dateline in capitals
#: (``SAN FRANCISCO, Mar. 9``) is house style, ``UM`` an acronym and no filler.
CAPITALS_EXEMPT_CODES = frozenset({"NotablePlaces", "FillerWords"})
#: Codes about a brand's capitals whose words are a common phrase in small letters.
COMMON_PHRASE_CODES = frozenset({"DayOneNames"})
#: Codes about a repeated "to" around an adverb ("to quickly to"); around a question word it
#: is a preposition before "how to" ("from the basics to how to ship", "a guide to how to").
SPLIT_INFINITIVE_CODES = frozenset({"ToAdverb"})
_TO_QUESTION_TO = re.compile(r"(?i)^to\s+(?:how|what|when|where|why|which|whom?)\s+to$")
#: What the engine's advice to expand an initialism (``nvm``, ``btw``) says; each has a code.
_INITIALISM = "expanding this initialism"
#: Codes about "a" and "an".
ARTICLE_CODES = frozenset({"AnA", "EN_A_VS_AN"})
#: Codes about "every one", which is "everyone" unless it means each one: before "of", an
#: article or the end of a clause.
EVERY_ONE_CODES = frozenset({"Everyone"})
_EACH_ONE = re.compile(r"(?i)\s*(?:[,.;:)—–]|(?:of|a|an|the)\b)")
#: Codes about "a while" after a verb, which is "awhile"; and what makes it a loop.
A_WHILE_CODES = frozenset({"AWhile"})
_WHILE_LOOP = re.compile(r"(?i)-|\s+(?:loops?|statements?|blocks?|clauses?)\b")
#: Codes about a verb that does not agree with the pronoun before it ("it are").
PRONOUN_VERB_CODES = frozenset({"PronounInflectionBe"})
_OBJECT_PRONOUN_BEFORE = re.compile(
    r"\b(?:in|on|of|to|for|with|from|by|at|about|into|onto|under|over|within|without|inside"
    r"|behind|through|beside|between|among)\s+it\s*$",
    re.IGNORECASE,
)
#: Codes about a sentence's length, the length they hold a sentence to, and where a sentence
#: ends that the engine reads on through: "… etc. Next", "… in R. Then" (not "George R.
#: Martin": a letter after a lower-case word).
LENGTH_CODES = frozenset({"LongSentences"})
LONGEST_SENTENCE = 40
_SENTENCE_END = re.compile(r"(?:(?<=\betc\.)|(?<=[a-z] [A-Z]\.))\s+(?=[A-Z][a-z])")
#: Codes about a space before a sentence's end.
SPACE_CODES = frozenset({"Spaces"})
#: Codes about a hyphen between numbers, and about the number of dots of an ellipsis.
RANGE_CODES = frozenset({"NumericRangeEnDash"})
ELLIPSIS_CODES = frozenset({"EllipsisLength"})
#: Codes about the spaces around a comma; notation (``ARIMA(0,1,1)``, ``(p,d,q)``) has none.
COMMA_CODES = frozenset({"CommaFixes", "COMMA_PARENTHESIS_WHITESPACE"})
_NOTATION = re.compile(r"\([^()\s]*,[^()\s]*\)|\[[^\[\]\s]*,[^\[\]\s]*\]|\w,\w|`,`|[`)\]],[`(\[]")
#: Abbreviations a full stop ends without ending the sentence.
_ABBREVIATIONS = frozenset(
    {"inc.", "ltd.", "co.", "corp.", "e.g.", "i.e.", "eg.", "ie.", "etc.", "vs.", "cf.", "al.",
     "dr.", "mr.", "mrs.", "ms.", "prof.", "st.", "no.", "fig.", "eq.", "approx.", "u.s.", "ca.",
     "resp.", "viz.", "ed.", "eds.", "vol.", "pp.", "op.", "max.", "min.", "incl.", "excl.",
     "esp.", "avg.", "misc."}
)  # fmt: skip
#: Abbreviations that open a bracket: "(Ex. the button)"; "my ex. she" ends a sentence.
_BRACKETED_ABBREVIATIONS = frozenset({"ex."})
#: Words the engine holds to another case that are right as written: Latin (``et al.``,
#: ``per se``, ``ie`` written without its stops is no "IE"), name particles (``Antoine du
#: Hamel``), months and days.
_SHORT_FORMS = frozenset(
    {"et", "al", "se", "ie", "eg", "du", "de", "da", "di", "del", "der", "van", "von", "le", "la",
     "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
)  # fmt: skip


def _lower_cases_a_capital(word: str, suggestions: Sequence[str]) -> bool:
    """Advice to write a capitalised word in lower case ("Figure Basics" → ``basics``): a
    title's or a name's capital, not a misspelling."""
    return word[:1].isupper() and any(item == word.lower() for item in suggestions)


def _capitalises_a_name(word: str, suggestions: Sequence[str]) -> bool:
    """Advice to write a capitalised word all in capitals (``Sam`` → ``SAM``, ``Dom`` →
    ``DOM``, ``Nat's`` → ``NAT's``): a person's name, most often, not an acronym."""
    name = word.removesuffix("'s").removesuffix("’s")
    return (
        name.istitle()
        and name.isalpha()
        and any(item.removesuffix("'s").removesuffix("’s") == name.upper() for item in suggestions)
    )


def _in_a_hyphenated_word(text: str, span: Span) -> bool:
    """The span ends or starts inside a hyphenated word ("The re-write" read as "there")."""
    after, before = text[span.end : span.end + 2], text[max(span.start - 2, 0) : span.start]
    ends_inside = (
        text[span.end - 1 : span.end].isalpha() and after[:1] == "-" and after[1:].isalpha()
    )
    starts_inside = (
        before[1:] == "-" and before[:1].isalpha() and text[span.start : span.start + 1].isalpha()
    )
    return ends_inside or starts_inside


def _sentences_short_apart(sentence: str) -> bool:
    """Whether a sentence the engine found long is sentences of a length it takes, once it
    ends where the engine read on ("… and so on etc. The next one …")."""
    parts = _SENTENCE_END.split(sentence)
    return len(parts) > 1 and all(len(part.split()) <= LONGEST_SENTENCE for part in parts)


def _space_not_shown(text: str, span: Span, after: str) -> bool:
    """A space finding about what the page does not show as written: a run of spaces or a
    line's end (HTML shows one space), a space before an ellipsis ("we wrote ..."), or one
    before a dotted name (" .Page", not a sentence's full stop)."""
    around = text[span.start : span.end + 1]
    if "\n" in around or "  " in around or "\t" in around:
        return True
    if text.startswith(("...", "…"), span.end):
        return True
    return len(after) == 2 and after[0] == "." and after[1].isalnum()


def _an_before_letters(article: str, after: str) -> bool:
    """ "an" before a word read letter by letter: one of no vowel ("an html page"), or an
    initialism whose first letter's name starts with a vowel ("an MIT licence", "an SQL
    query"; "a MIT" is still reported)."""
    following = after.split(None, 1)[0].rstrip(",.;:!?)") if after else ""
    following = following.split("-", 1)[0]  # "an ssh-tunnel": the word's first part
    if article.casefold() != "an" or not following.isalpha():
        return False
    if not set(following.casefold()) & set("aeiouy"):
        # Spelt out: "an html page", "an ssh-tunnel"; "an p-value" is still reported.
        return following[0].upper() in _VOWEL_SOUND_LETTERS
    if following[:1] == "h" and following[1:2].isalpha() and following[1] not in "aeiouy":
        return True  # "an href", "an hgroup": an "h" and a consonant are spelt out
    if len(following) < 2 or following[0] not in _VOWEL_SOUND_LETTERS:
        return False
    # A coined name that starts with its first letter's name, as an initialism does ("an SQL
    # query"): two letters that begin no English word, and a capital further on ("an MkDocs
    # site", "an NgRx store"; "an McKinsey report" and "an Hmong word" are still reported).
    second = following[1]
    return following.isupper() or (
        second.islower()
        and second not in "aeiouy"
        and following[:2].casefold() not in _ENGLISH_ONSETS
        and any(letter.isupper() for letter in following[2:])
    )


#: Words no article stands before: the "a" before them is a letter that names something.
_NOT_AFTER_AN_ARTICLE = re.compile(
    r"(?i)(?:and|or|nor|but|is|are|was|were|has|have|had|to|of|in|on|at|by|with|from|than"
    r"|then|if|not)(?![\w-])"  # "a in-place update" is still an article's
)
#: Letters whose names start with a vowel sound: "an F", "an MIT", "an SVG".
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
#: How English words (and loanwords writers use) begin with one of those letters and a
#: consonant: "a Flask app", "a Svelte page", "a Rhode Island", "a Nguyen".
_ENGLISH_ONSETS = frozenset(
    {"fl", "fr", "fj", "hm", "hr", "ll", "lj", "mb", "mc", "mn", "ng", "rh", "rw", "sc", "sh",
     "sk", "sl", "sm", "sn", "sp", "sq", "sr", "st", "sv", "sw", "sz", "xh"}
)  # fmt: skip


#: What follows a person's name, or a part of it, where a page credits them: the rest of
#: the name, then their handle, in brackets or linked (``Matteo Collina ([@mcollina](…))``,
#: ``Ruy Adorno (@ruyadorno)``, ``Michaël Matur [@mmatur](…)``).
_NAME_BEFORE_HANDLE = re.compile(
    r"(?:[ \t]+[A-Z][\w'’-]*){1,3}[ \t]+(?:\(\[?@\w|\[@[\w.-]+\]\()"  # not "[@knuth1984]"
)
#: Where a link to a person's profile points: a name as a whole link's text is theirs.
_PROFILE_HOSTS = re.compile(
    r"https?://(?:www\.)?(?:github\.com|gitlab\.com|twitter\.com|x\.com|linkedin\.com/in"
    r"|bsky\.app/profile|mastodon\.[a-z]+|fosstodon\.org|threads\.net)/@?[\w.-]+/?$"
)


def _all_capitals(text: str) -> bool:
    """Two letters or more, every one a capital (``UM``, ``SAN FRANCISCO``)."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _is_label(text: str, span: Span) -> bool:
    """Whether the word is a bold label (``**url**: deprecate…``, ``**type:** `string```),
    the name of a part."""
    return text.endswith("**", 0, span.start) and (
        text.startswith("**:", span.end) or text.startswith(":**", span.end)
    )


def _quoted_alone(text: str, span: Span) -> bool:
    """A word that is the whole of a quotation: a value as written (``e.g., "png", "md"``)."""
    before, after = text[span.start - 1 : span.start], text[span.end : span.end + 1]
    return (before, after) in (('"', '"'), ("“", "”"))


_MOST_NAME_WORDS = 4


def _named_in_its_link(text: str, span: Span, word: str) -> bool:
    """A capitalised word of a link's text that the link's address holds: a person or a
    project linked to their own page (``[Hossein Falaki](https://github.com/falaki)``)."""
    if len(word) < 3:
        return False
    line_start = text.rfind("\n", 0, span.start) + 1
    opening = text.rfind("[", line_start, span.start)
    if opening == -1 or "]" in text[opening : span.start]:
        return False
    closing = text.find("](", span.end, span.end + 200)
    if closing == -1 or "[" in text[span.end : closing]:
        return False
    address_end = text.find(")", closing, closing + 500)
    address = text[closing + 2 : address_end if address_end != -1 else closing + 500].casefold()
    if word.casefold() in address:
        return True
    # The whole text a name ("Hossein Falaki"): one of its words in the address names all.
    words = text[opening + 1 : closing].split()
    if not (1 < len(words) <= _MOST_NAME_WORDS and all(is_name(part) for part in words)):
        return False
    if _PROFILE_HOSTS.match(address.strip()):
        return True  # "[Satyajit Sahoo](https://twitter.com/satya164)"
    # "[Hossein Falaki](https://github.com/falaki)": a surname, no English word, in it
    # ("[Revew Notes](…/notes)" is still reported).
    return any(
        len(part) >= 3 and not is_english(part) and part.casefold() in address for part in words
    )


#: The capitalised word after a word: a surname, when it is no English word.
_NEXT_CAPITALISED = re.compile(r"[ \t]+([A-Z][^\W\d_]+)(?![\w.-])")


def _before_a_surname(text: str, span: Span, word: str) -> bool:
    """A name-shaped word (a sentence's first, where names are not taken on trust) followed
    by a name-shaped word that is no English word: a first name and a surname."""
    if not _could_be_a_name(word):
        return False
    following = _NEXT_CAPITALISED.match(text, span.end)
    return following is not None and _could_be_a_name(following[1], english=False)


def _could_be_a_name(word: str, english: bool = True) -> bool:
    """Name-shaped, and neither a typo of a generator's name nor one letter from an English
    word ("Teh", "Optons"); with ``english`` off, no English word either."""
    if not is_name(word) or near_technical_word(word):
        return False
    if not english and is_english(word):
        return False
    return not one_edit_from_english(word.casefold())


def _handle_in_brackets(text: str, span: Span, word: str) -> bool:
    """A lone lower-case word in brackets, as changelogs credit people: ``(cjihrig)``."""
    return word.islower() and text.endswith("(", 0, span.start) and text.startswith(")", span.end)


def _excused(
    doc: Document,
    segment: Segment,
    span: Span,
    finding: EngineFinding,
    vocabulary: Callable[[], Vocabulary],
) -> bool:
    """Whether an engine finding is not one to report here: a word the vocabulary knows,
    typography the dialect's renderer writes, a fragment's first word."""
    code = finding.code
    if _excused_by_what_follows(code, doc.text, span.end):
        return True
    if code in TERM_CODES:
        # "a todo app" where the page's code has ``todos``: the program's own term.
        term = doc.text[span.start : span.end].strip(" :")
        return vocabulary().writes_plural_in_own_code(term)
    if finding.rule == "spelling" or code in WORD_CASE_CODES or code in UNKNOWN_WORD_CODES:
        return _word_excused(doc, segment, span, finding, vocabulary)
    if _in_a_hyphenated_word(doc.text, span):
        return True
    if code in SENTENCE_START_CODES:
        return _not_a_sentence_start(doc, segment, span, vocabulary)
    if code in LENGTH_CODES:
        return _sentences_short_apart(doc.text[span.start : span.end])
    text = doc.text[span.start : span.end]
    if _phrase_excused(code, text, segment.text[: bisect_left(segment.starts, span.start)]):
        return True
    if _INITIALISM in finding.message:
        # "[nvm](…)" is a tool, not "never mind": a link's whole text, or written in the
        # document's code or addresses.
        return _is_marked_name(doc.text, span) or vocabulary().writes_outside_prose(text)
    if code in ARTICLE_CODES:
        return _article_excused(doc, segment, span)
    return _punctuation_excused(doc, span, code)


def _article_excused(doc: Document, segment: Segment, span: Span) -> bool:
    """Whether advice on "a" or "an" is not one to give here."""
    # "an `id`": the article goes with the code's own word, not the stand-in's; "A/AAAA"
    # records are no article.
    # LanguageTool's span holds the word after the article too ("a apple"): what follows is
    # read from the article's end.
    written = doc.text[span.start : span.end]
    article = written.split(None, 1)[0] if written.strip() else written
    end = span.start + len(article)
    after = segment.text[bisect_left(segment.starts, end) :].lstrip()
    if is_identifier(source_token(doc.text, span.start, span.end)):
        return True
    if _an_before_letters(article, after) or _an_before_a_silent_h(article, after):
        return True
    if _a_before_a_spoken_you(article, after):
        return True
    if _NOT_AFTER_AN_ARTICLE.match(after) or _LABEL_AFTER.match(after):
        return True  # "class A and class B", "Rafael A. Irizarry", "grades A, A* or B"
    bracketed = doc.text[span.start - 1 : span.start] + doc.text[end : end + 1]
    if bracketed in ("()", "[]"):
        return True  # "(a) An image file": a label of a list
    return bool(after) and segment.is_placeholder(len(segment.text) - len(after))


#: What follows a letter that is a label or an initial, not an article: "A." (a middle
#: initial), "A," "A*", "Appendix A --- Resources".
_LABEL_AFTER = re.compile(r"[.,;:*)\]/—–-]")
#: Words whose "h" is not sounded: "an honour", "an hour", "an heir", "an honest".
_SILENT_H = ("hour", "honest", "honor", "honour", "heir")


#: Words whose "u" is spoken "you" that the engine takes for a vowel: "a unary encoding",
#: "a uint", "a uuid" (initialisms and type names read from their "u").
_SPOKEN_YOU = ("unary", "unanim", "unimodal", "uint", "ulong", "ushort", "uuid", "usb", "utf",
               "uvicorn", "uvloop", "udp", "udid", "uri", "url", "utc")  # fmt: skip


def _a_before_a_spoken_you(article: str, after: str) -> bool:
    return article.casefold() == "a" and _next_word(after).startswith(_SPOKEN_YOU)


def _an_before_a_silent_h(article: str, after: str) -> bool:
    return article.casefold() == "an" and _next_word(after).startswith(_SILENT_H)


def _next_word(after: str) -> str:
    """The first word of ``after``, case-folded."""
    return after.split(None, 1)[0].casefold() if after.strip() else ""


def _excused_by_what_follows(code: str, text: str, end: int) -> bool:
    """Words right as written, as the text after them shows."""
    if code in A_WHILE_CODES:
        return _WHILE_LOOP.match(text, end) is not None  # "a while-loop": no "awhile"
    # "every one of them", "34 findings, every one a TODO": each one, not "everyone"
    return code in EVERY_ONE_CODES and _EACH_ONE.match(text, end) is not None


def _phrase_excused(code: str, text: str, before: str) -> bool:
    """Whether the words ``text`` (after ``before`` in their sentence) are right as written."""
    if code in CAPITALS_EXEMPT_CODES and _all_capitals(text):
        return True  # "SAN FRANCISCO, Mar. 9" is a dateline; "UM" an acronym, not "um"
    if code in COMMON_PHRASE_CODES and text.islower():
        return True  # "from day one" is no brand
    if code in SPLIT_INFINITIVE_CODES and _TO_QUESTION_TO.match(text.strip()):
        return True
    # "the paths in it are relative": "it" is a preposition's object, not the subject.
    return code in PRONOUN_VERB_CODES and _OBJECT_PRONOUN_BEFORE.search(before) is not None


def _word_excused(
    doc: Document,
    segment: Segment,
    span: Span,
    finding: EngineFinding,
    vocabulary: Callable[[], Vocabulary],
) -> bool:
    """Whether a finding about one word (its spelling or its case) is not one to report."""
    word = doc.text[span.start : span.end].strip()
    token = source_token(doc.text, span.start, span.end)
    if finding.code in WORD_CASE_CODES:
        # The document's own code only: a project whose code writes ``html`` is no reason
        # to write "html" in a sentence.
        return (
            _lower_cases_a_capital(word, finding.suggestions)
            or _capitalises_a_name(word, finding.suggestions)
            or len(word) == 1  # a variable or a key ("the r key", "f(x)")
            or vocabulary().writes_in_own_code(word)
            or word.casefold() in _SHORT_FORMS
            or is_identifier(token)
            or _is_label(doc.text, span)
            or "*" in word  # "**SYN**chronize": letters in bold spell out an acronym
            or _quoted_alone(doc.text, span)
        )
    if _handle_in_brackets(doc.text, span, word) or _is_label(doc.text, span):
        return True
    if word[:1].isupper() and _NAME_BEFORE_HANDLE.match(doc.text, span.end):
        return True  # "Matteo Collina ([@mcollina](…))": a person, named by their handle
    if word[:1].isupper() and _named_in_its_link(doc.text, span, word):
        return True  # "[Jacquie Tran](http://www.jacquietran.com)": a person's own page
    if _before_a_surname(doc.text, span, word):
        return True  # "Shigeki Ohtsu and Sam Roberts for the upgrade": a person's name
    index = bisect_left(segment.starts, span.start)
    return vocabulary().knows(word, token, is_sentence_start(segment.text, index))


def _punctuation_excused(doc: Document, span: Span, code: str) -> bool:
    """Whether a finding about dashes, dots or spaces misreads the source: a renderer's
    typography, a flag, a name or a sum, a footnote's mark, a dotted name."""
    text = doc.text
    if code in TYPOGRAPHY_CODES:
        # "--debug" is a command-line flag, not a dash; "good--really" is a dash.
        flag = text[span.end : span.end + 1].isalpha() and text[span.start - 1 : span.start] in (
            "",
            " ",
            "\n",
            "`",
        )
        return doc.dialect.typographer or flag
    if code in RANGE_CODES:
        # "RUSTSEC-2023-0034", "ISO-639-1", "2^15-1": a name or a sum, not a range.
        token = source_token(text, span.start, span.end)
        if any(character.isalpha() or character in "^=+*/" for character in token):
            return True
        # "ISO 639-1", "IEEE 802.11-2020": a standard's number after its body's initials.
        return _STANDARD_BEFORE.search(text, max(span.start - 40, 0), span.start) is not None
    if code in ELLIPSIS_CODES:
        # "R...and": three dots written, read after an initial's full stop ("...." is not).
        start, end = span.start, span.end
        while start > 0 and text[start - 1] == ".":
            start -= 1
        while end < len(text) and text[end] == ".":
            end += 1
        return end - start == 3
    after = text[span.end : span.end + 2]
    if (code in SPACE_CODES or code in COMMA_CODES) and after in ("[^", "^[", "\\*"):
        return True  # "physics [^2],", "loss ^[a note].", "cell \*": before a footnote's mark
    if code in SPACE_CODES:
        return _space_not_shown(text, span, after)
    if code in COMMA_CODES:
        return bool(_NOTATION.search(_unspaced(text, span.start, span.end)))
    return False


#: A standards body's initials and the number a range finding is in ("ISO 639-1").
_STANDARD_BEFORE = re.compile(
    r"\b(?:ISO|IEC|IEEE|ANSI|ECMA|DIN|NIST|ITU-T|RFC|ASTM|JIS|BS|EN)[ \u00a0][\d.]*$"
)
#: The marks around a link's or emphasis' text, and the rest of a name in them (``-python``).
_MARK_CLOSERS = {"[": "]", "*": "*", "_": "_"}
_NAME_REST = re.compile(r"[A-Za-z0-9.-]{0,60}")


def _not_a_sentence_start(
    doc: Document, segment: Segment, span: Span, vocabulary: Callable[[], Vocabulary]
) -> bool:
    """Whether a lower-case word the engine took for a sentence's first is not one: the first
    word of a list item or a table cell (a fragment), of a paragraph that goes on with the
    sentence before a code chunk or an equation, a part of ``otter.nvim``, a word after an
    abbreviation (``GitHub, Inc. and``)."""
    if is_identifier(source_token(doc.text, span.start, span.end)):
        return True  # "reduxjs/react-redux", "otter.nvim": a name in code, written as it is
    word = doc.text[span.start : span.end]
    if _is_marked_name(doc.text, span) or is_lower_case_term(word):
        return True  # "[pdoc](…) is", "*mkdocstrings* allows", "mkdocs-gen-files runs"
    if _is_label(doc.text, span):
        return True  # "**type:** `boolean`": a field's label, as reference pages write them
    if _is_own_lower_case_name(word, vocabulary):
        return True  # "pdoc's main feature", pdoc being in a link's address or in code
    if _WITH_VERSION.match(doc.text, span.end) and _names_software(word, vocabulary):
        return True  # "torch v0.9.0 is now on CRAN": a release of a lower-case name
    if _names_an_entry(segment, word, vocabulary):
        return True  # "### tags <Version>4.1.0</Version>": an API reference's option
    index = bisect_left(segment.starts, span.start)
    before = segment.text[:index].strip()
    if not before:
        fragment = segment.kind == "table-cell" or bool(
            _FRAGMENT_CONTAINERS & set(segment.containers)
        )
        return fragment or _goes_on(doc, segment)
    # "(cf. especially", "(Ex. the": the abbreviation opens a bracket ("Ex." only there).
    last = before.rsplit(None, 1)[-1]
    bare = last.lstrip("([{\"'“‘").casefold()
    return bare in _ABBREVIATIONS or (bare in _BRACKETED_ABBREVIATIONS and bare != last.casefold())


def _names_an_entry(segment: Segment, word: str, vocabulary: Callable[[], Vocabulary]) -> bool:
    """A heading that is one lower-case word the page writes in its code: the name of the
    option, function or command the section documents."""
    if segment.kind != "heading" or not word.islower():
        return False
    words = [part for part in segment.text.split() if any(char.isalpha() for char in part)]
    return words == [word] and vocabulary().writes_outside_prose(word)


#: A version after a word: ``torch v0.9.0``, ``mall 0.2.0``.
_WITH_VERSION = re.compile(r"[ \t]+v?\d+(?:\.\d+)+\b")


def _names_software(word: str, vocabulary: Callable[[], Vocabulary]) -> bool:
    """A word before a version that names software: no English word, or one the page
    writes in its code ("torch", with ``library(torch)``; not "build 2.3 fails")."""
    return not is_english(word) or vocabulary().writes_in_own_code(word)


def _is_own_lower_case_name(word: str, vocabulary: Callable[[], Vocabulary]) -> bool:
    """A lower-case word that is no English word and that the document writes in its code or
    its links' addresses, or in lower case inside a sentence ("with sttp"): a name its makers
    write in lower case."""
    if not word.islower() or is_english(word):
        return False
    known = vocabulary()
    return known.writes_outside_prose(word) or word in known.lower_case_inside


def _is_marked_name(text: str, span: Span) -> bool:
    """The word is the whole text of a link or of emphasis (``[pip](…)``, ``*pdoc*``,
    ``**docspec-python**``): a name, written in the case its makers chose."""
    closer = _MARK_CLOSERS.get(text[span.start - 1 : span.start])
    if closer is None:
        return False
    rest = _NAME_REST.match(text, span.end)
    return rest is not None and text.startswith(closer, rest.end())


def _goes_on(doc: Document, segment: Segment) -> bool:
    """Whether a paragraph goes on with the sentence before it: it follows a code chunk,
    an equation, a quotation or a list, or a paragraph that ends without a full stop
    (``where:``, ``$$``)."""
    if segment.token < 2 or segment.kind != "paragraph":
        return False
    before = segment.token - 2
    # Out of the containers that close just before it (tabs around a code block): what
    # the reader saw last is their last block.
    while before > 0 and doc.tokens[before].type == CONTAINER_CLOSE:
        before -= 1
    previous = doc.tokens[before]
    if previous.type in _INTERRUPTIONS:
        return True
    if previous.type == "paragraph_close" and before >= 1:
        ending = doc.tokens[before - 1].content.rstrip()
        return bool(ending) and ending[-1] not in ".!?)\"”’'*_"
    return False


def _unspaced(text: str, start: int, end: int) -> str:
    """The source around ``text[start:end]`` up to the nearest spaces on either side."""
    while start > 0 and not text[start - 1].isspace() and end - start < 200:
        start -= 1
    while end < len(text) and not text[end].isspace() and end - start < 400:
        end += 1
    return text[start:end]


def _rejected_findings(settings: ProseSettings, segment: Segment) -> Iterator[ProseFinding]:
    for start, end, word in _rejected(settings, segment):
        span = segment.span(start, end)
        yield ProseFinding(
            span.start,
            span.end,
            "style",
            f'"{word}" is on the project\'s list of words not to use',
            "contentlint",
            "vocabulary-reject",
            (),
        )
