"""Engine findings the checking excuses, and the same shapes it still reports."""

from __future__ import annotations

from lint.dialects.registered import registered_dialects
from lint.document import Document
from lint.prose.checking import check_prose
from lint.prose.settings import ProseSettings


def _codes(text: str) -> list[tuple[str, str]]:
    doc = Document.from_text("post.md", text, registered_dialects()["markdown"])
    return [(f.code, doc.text[f.start : f.end]) for f in check_prose(doc, ProseSettings())]


def test_an_before_a_word_read_letter_by_letter() -> None:
    found = _codes("Open an html page, an http address or an svg file.\n")
    assert not [finding for finding in found if finding[0] == "AnA"]


def test_an_before_a_word_with_a_vowel_is_still_reported() -> None:
    assert ("AnA", "an") in _codes("It is an big page.\n")


def test_no_advice_to_write_an_editors_mark() -> None:
    # "TODO" is no spelling of "todo"; "to-do" is the fair advice that is left.
    found = _codes("The Todo app keeps a todo list for each of them.\n")
    assert found == [("ToDoHyphen", "Todo"), ("ToDoHyphen", "todo")]


def test_word_case_advice_on_titles_latin_and_single_letters_is_excused() -> None:
    found = _codes("# Figure Basics\n\nPress the r key; it is per se fine, ie done.\n")
    assert [item for item in found if item[0] == "OrthographicConsistency"] == []
    # "ie" without its stops is still an unknown word.
    assert ("SpellCheck", "ie") in found


def test_word_case_advice_on_a_real_miscasing_is_still_reported() -> None:
    found = _codes("We write Javascript and it is ok.\n")
    assert ("OrthographicConsistency", "Javascript") in found
    assert ("OrthographicConsistency", "ok") in found


def test_an_before_an_initialism_and_a_space_before_a_dotted_name() -> None:
    text = "# Using .Page in Menus\n\nJoyPixels has an MIT licence. It ends here .\n"
    doc = Document.from_text("post.md", text, registered_dialects()["markdown"])
    found = [(f.code, f.start) for f in check_prose(doc, ProseSettings())]
    assert [item for item in found if item[0] == "AnA"] == []
    # The space before ".Page" is excused; the one before the sentence's full stop is not.
    assert [item for item in found if item[0] == "Spaces"] == [("Spaces", text.index(" .\n"))]
