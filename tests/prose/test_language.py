"""A file's language: English with no region takes British spelling too, lang: in the front
matter sets the file's own, and a language Harper cannot check gets a note, not findings."""

from __future__ import annotations

from lint.dialects.registered import registered_dialects
from lint.document import Document
from lint.prose.checking import LANGUAGE_NOTE, check_prose
from lint.prose.settings import ProseSettings


def _found(text: str, language: str = "en") -> list[tuple[str, str]]:
    doc = Document.from_text("post.md", text, registered_dialects()["markdown"])
    return [
        (f.code, doc.text[f.start : f.end])
        for f in check_prose(doc, ProseSettings(language=language))
    ]


BRITISH = "The behaviour of the organisation, and a recieved word.\n"
#: British spelling of technical words the dictionaries hold in American spelling only.
BRITISH_TECHNICAL = "The loops are vectorised and the tables denormalised.\n"


def test_english_with_no_region_takes_british_spelling() -> None:
    assert _found(BRITISH) == [("SpellCheck", "recieved")]


def test_british_spelling_of_technical_words() -> None:
    assert _found(BRITISH_TECHNICAL) == []
    assert {word for _, word in _found(BRITISH_TECHNICAL, "en-US")} == {
        "vectorised",
        "denormalised",
    }


def test_a_project_held_to_american_spelling() -> None:
    assert {word for _, word in _found(BRITISH, "en-US")} == {
        "behaviour",
        "organisation",
        "recieved",
    }


def test_lang_in_front_matter_sets_the_files_language() -> None:
    american = "---\ntitle: Notes\nlang: en-US\n---\n\n" + BRITISH
    assert {word for _, word in _found(american)} == {"behaviour", "organisation", "recieved"}
    british = "---\ntitle: Notes\nlang: en_GB\n---\n\n" + BRITISH
    assert _found(british, "en-US") == [("SpellCheck", "recieved")]


def test_a_language_harper_cannot_check_gets_one_note() -> None:
    french = "---\ntitle: Un billet\nlang: fr\n---\n\nCe billet est écrit en français.\n"
    assert _found(french) == [(LANGUAGE_NOTE, "fr")]
