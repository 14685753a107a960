"""Engine findings the checking excuses, and the same shapes it still reports."""

from __future__ import annotations

import pytest

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


def test_the_generators_own_terms_are_words() -> None:
    found = _codes(
        "Quarto's tabsets hold setext headings. Tl;dr: they do, in docx and revealjs too,\n"
        "with toggleable subfigures. Its raison d'être is codegen for each callsite.\n"
    )
    assert [finding for finding in found if finding[0] == "SpellCheck"] == []


def test_an_before_a_word_with_a_vowel_is_still_reported() -> None:
    assert ("AnA", "an") in _codes("It is an big page.\n")


@pytest.mark.parametrize(
    "text",
    [
        "See the caption (a) An image file here.\n",
        "He was an honours student, and it is an honour.\n",
        "Data Analysis for the Life Sciences\u00a0_Rafael A. Irizarry_\n",
        "It was rated A, A* or B by the panel.\n",
        "We need an href to follow.\n",
    ],
)
def test_labels_initials_and_silent_letters_are_no_wrong_article(text: str) -> None:
    assert [finding for finding in _codes(text) if finding[0] == "AnA"] == []


def test_a_letter_that_names_something_is_no_article() -> None:
    text = "We sample instances of class A and class B. Rules such as IF *a* AND NOT *b* hold.\n"
    assert [finding for finding in _codes(text) if finding[0] == "AnA"] == []
    assert ("AnA", "a") in _codes("We trained a LSTM model.\n")
    assert ("AnA", "a") in _codes("It is a in-place update.\n")


def test_an_before_a_name_that_starts_with_a_letters_name() -> None:
    found = _codes("It is an MkDocs site with an XPath query.\n")
    assert [finding for finding in found if finding[0] == "AnA"] == []


def test_every_one_that_means_each_one() -> None:
    text = "The site has 34, every one a sample. They are broken, every one. Every one of them.\n"
    assert [item for item in _codes(text) if item[0] == "Everyone"] == []
    assert ("Everyone", "every one") in _codes("We thank every one who came.\n")


def test_a_while_loop_is_no_awhile() -> None:
    found = _codes("The iterator uses a while-loop, and the parser uses a while loop.\n")
    assert [item for item in found if item[0] == "AWhile"] == []
    assert ("AWhile", "a while") in _codes("He slept a while.\n")


def test_to_before_how_to_is_a_preposition() -> None:
    found = _codes("The course goes from installing R to how to write a package.\n")
    assert [finding for finding in found if finding[0] == "ToAdverb"] == []
    assert ("ToAdverb", "to quickly to") in _codes("You need to quickly to run it.\n")


def test_a_verb_after_a_prepositions_it_agrees_with_the_subject_before() -> None:
    text = "A reviewer can read it in a diff; paths in it are relative to its folder.\n"
    assert [finding for finding in _codes(text) if finding[0] == "PronounInflectionBe"] == []


@pytest.mark.parametrize("text", ["Since then it are broken.\n", "It looks like it are broken.\n"])
def test_it_as_the_subject_of_are_is_still_reported(text: str) -> None:
    assert ("PronounInflectionBe", "are") in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "It is an Flask app.\n",
        "It is an McKinsey report.\n",
        "It is an Hmong word.\n",
        "She is an Rwandan runner.\n",
        "He is an Xhosa speaker.\n",
    ],
)
def test_an_before_a_name_that_starts_as_a_word_is_still_reported(text: str) -> None:
    assert ("AnA", "an") in _codes(text)


def test_no_advice_to_write_an_editors_mark() -> None:
    # "TODO" is no spelling of "todo"; "to-do" is the fair advice that is left.
    found = _codes("The Todo app keeps a todo list for each of them.\n")
    assert found == [("ToDoHyphen", "Todo"), ("ToDoHyphen", "todo")]


def test_word_case_advice_on_titles_latin_and_single_letters_is_excused() -> None:
    found = _codes("# Figure Basics\n\nPress the r key; it is per se fine, ie done.\n")
    assert [item for item in found if item[0] == "OrthographicConsistency"] == []
    # "ie" without its stops is still an unknown word.
    assert ("SpellCheck", "ie") in found


def test_no_case_advice_for_a_quoted_value_or_letters_in_bold() -> None:
    text = 'The figure format (e.g., "png", "svg"). HTML is **H**yper**T**ext **M**arkup.\n'
    assert [item for item in _codes(text) if item[0] == "OrthographicConsistency"] == []
    # A word in a longer quotation is still held to its case.
    assert ("OrthographicConsistency", "png") in _codes('He said "save it as png" twice.\n')


def test_a_word_after_a_short_form_is_no_sentence_start() -> None:
    found = _codes("The value is the max. allowed priority, incl. the default.\n")
    assert [item for item in found if item[0] == "SentenceCapitalization"] == []


def test_a_heading_that_names_an_option_of_the_pages_code() -> None:
    text = (
        "# Options\n\n## tags <Version>4.1.0</Version>\n\nThe tags of the test.\n\n"
        "```js\ntest('db', { tags: ['db'] })\n```\n\n"
        "## retry <Version>4.1.0</Version>\n\nHow often it may run.\n"
    )
    found = [item for item in _codes(text) if item[0] == "SentenceCapitalization"]
    # "retry" is in no code of the page: still a heading to capitalise.
    assert found == [("SentenceCapitalization", "retry")]


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


def test_a_name_is_not_told_to_be_an_acronym() -> None:
    found = _codes("Thanks to Sam Roberts and Dom for the review, and to Nat's team.\n")
    assert [item for item in found if item[0] == "OrthographicConsistency"] == []


def test_a_piece_of_a_hyphenated_word_is_no_word() -> None:
    # "The re-write" is no "there"; "The re write" is still read as it stands.
    assert _codes("The re-write of the parser took a week.\n") == []


def test_identifiers_flags_sums_and_footnote_marks_are_not_punctuation() -> None:
    text = (
        "See RUSTSEC-2023-0034 and ISO-639-1, the limit 2^15-1, the --debug flag and "
        "physics [^2], as well as R...and Python.\n\n[^2]: A note.\n"
    )
    assert _codes(text) == []
    # A real range and a space before a comma are still reported.
    found = _codes("It ran for 10-12 days , then stopped.\n")
    assert ("NumericRangeEnDash", "-") in found
    assert any(code in ("CommaFixes", "Spaces") for code, _ in found)


def test_advice_that_misreads_correct_sentences_is_off_by_default() -> None:
    found = _codes("We loop over all elements, on topics such as how to help.\n")
    assert [code for code, _ in found if code in ("Overall", "AsHow")] == []


def test_spaces_the_page_does_not_show_as_written() -> None:
    text = (
        "---\ntitle: A\ndescription: >\n  One line  \n  and the next.\n---\n\n"
        "The loss ^[A note.]. We wrote ... then more.\n\nSee the guide for   more.\n"
    )
    assert [item for item in _codes(text) if item[0] == "Spaces"] == []
    assert ("Spaces", " ") in _codes("The size is equal . Then more.\n")


def test_quotes_and_pronouns_advice_that_misreads_markup_is_off_by_default() -> None:
    found = _codes('Set Format="`x`" in the cell; our backoff waits, and i is 2.\n')
    off = ("UnclosedQuotes", "CapitalizePersonalPronouns", "MultipleSequentialPronouns")
    assert [code for code, _ in found if code in off] == []


def test_a_long_sentence_that_is_two_across_etc() -> None:
    first = (
        "We add filters, shortcodes, templates, partials, includes, listings, themes, "
        "metadata files, custom formats, project profiles, extensions and more of them etc."
    )
    second = (
        "Then a second sentence goes on with many more words of its own, well past half "
        "the limit of forty words, and it ends here."
    )
    found = _codes(f"{first} {second}\n")
    assert [code for code, _ in found if code == "LongSentences"] == []
    joined = _codes(f"{first[:-1]} and {second[0].lower()}{second[1:]}\n")
    assert [code for code, _ in joined if code == "LongSentences"] == ["LongSentences"]


def test_what_the_excuses_still_report() -> None:
    found = _codes("This is good--really good. Wait for it.... Then the upsteam code runs.\n")
    assert ("Dashes", "--") in found
    assert ("EllipsisLength", "....") in found or any(c == "EllipsisLength" for c, _ in found)
    assert ("SpellCheck", "upsteam") in found


def test_a_word_after_eg_written_without_its_stops_goes_on_with_the_sentence() -> None:
    found = _codes("Use a short name, eg. share or copy, for the button.\n")
    assert [code for code, _ in found if code == "SentenceCapitalization"] == []


def test_a_fields_bold_label_is_no_sentence_start_and_a_lower_case_sentence_still_is() -> None:
    found = _codes(
        "##### `sidebar`\n\n**type:** `Entry[]`  \n"
        "**default:** the sidebar generated based on the [global `sidebar` config](/c/#s)\n"
    )
    assert [item for item in found if item[0] == "SentenceCapitalization"] == []
    found = _codes("Text here. **then** it went on. and so on.\n")
    assert ("SentenceCapitalization", "and") in found


def test_filler_text_is_left_to_placeholder_text() -> None:
    found = _codes(
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\n"
        "- lorem ipsum dolor\n- A reall item.\n"
    )
    assert [text for _, text in found] == ["reall"]


def test_an_initialism_that_names_a_tool_is_not_told_to_be_expanded() -> None:
    found = _codes("You can use [nvm](https://github.com/nvm-sh/nvm) to manage versions.\n")
    assert [item for item in found if item[0] == "NeverMind"] == []
    assert ("NeverMind", "nvm") in _codes("He said nvm and left the room.\n")


def test_a_sentence_about_filler_text_is_prose() -> None:
    found = _codes("The theme fills each page with Lorem ipsum text untill you write your own.\n")
    assert found and {text for _, text in found} == {"untill"}


def test_capitals_are_a_dateline_or_an_acronym_and_day_one_is_a_phrase() -> None:
    # "SAN FRANCISCO, Mar. 9" is a press release's dateline; "UM" the University of
    # Michigan, not "um"; "from day one" no brand. A filler in small letters is reported.
    assert _codes("SAN FRANCISCO, Mar. 9, 2016 — The foundation announced it.\n") == []
    assert _codes("A student at UM wrote an LDAP server. So um, what?\n") == [
        ("FillerWords", " um")
    ]
    assert _codes("We built variants of components from day one and went on.\n") == []


def test_a_sentence_goes_on_after_code_in_tabs() -> None:
    doc = Document.from_text(
        "post.md",
        "{% tabs a %}\n{% tab Scala %}\n```scala\nval x = 1\n```\n{% endtab %}\n{% endtabs %}\n\n"
        "since the operation takes a function.\n\nyou can print each string like this.\n",
        registered_dialects()["jekyll"],
    )
    found = [(f.code, doc.text[f.start : f.end]) for f in check_prose(doc, ProseSettings())]
    assert found == [("SentenceCapitalization", "you")]


def test_a_first_name_before_a_handle_is_a_name() -> None:
    found = _codes(
        "Matteo Collina ([@mcollina](https://github.com/mcollina)) led it.\n\n"
        "Ruy Adorno (@ruyadorno) presented.\n\nMatteo wrote a notte about it.\n"
    )
    # Without the handle, a first name at a sentence start is still looked up.
    assert [text for code, text in found if code == "SpellCheck"] == ["Matteo", "notte"]


def test_a_paragraph_that_goes_on_in_filler_latin_is_no_prose() -> None:
    text = (
        "# Layout\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\n\n"
        "Mauris quis ex leo. Duis sagittis vel odio ac interdum. Sed molestie mauris neque, "
        "sed commodo est iaculis fringilla. Curabitur molestie suscipit sem.\n\n"
        "The layout then shows a sidebar with thre columns.\n"
    )
    assert _codes(text) == [("SpellCheck", "thre")]


@pytest.mark.parametrize(
    "text",
    [
        "Use an ssh-tunnel to get around it.\n",
        "It is stored in a unary encoding.\n",
        "Pass a uint or a ulong, not a usb id or a uuid.\n",
        "The vote was a unanimous one, served by a uvicorn worker.\n",
    ],
)
def test_an_article_read_as_it_is_spoken_is_no_wrong_article(text: str) -> None:
    assert [finding for finding in _codes(text) if finding[0] == "AnA"] == []


def test_a_before_a_u_that_is_not_spoken_you_is_still_reported() -> None:
    assert ("AnA", "a") in _codes("It was a unusual day.\n")
    assert ("AnA", "a") in _codes("Pick a umbrella.\n")


@pytest.mark.parametrize(
    "text",
    [
        "Models work well (cf. especially the work of Rasp) on this data.\n",
        "It has a state (Ex. the `button` property) of its own.\n",
    ],
)
def test_a_word_after_a_bracketed_abbreviation_starts_no_sentence(text: str) -> None:
    assert [finding for finding in _codes(text) if finding[0] == "SentenceCapitalization"] == []


def test_a_lower_case_name_with_its_version_starts_a_sentence_as_written() -> None:
    found = _codes(
        "Good news today.\n\ntorch v0.9.0 is now on CRAN, and mall 0.2.0 too.\n\n"
        "```r\nlibrary(torch)\nlibrary(mall)\n```\n"
    )
    assert [finding for finding in found if finding[0] == "SentenceCapitalization"] == []
    # A word that names no software, a number after it or not, is held to a capital.
    found = _codes("It shipped. version 2.1 fixes the bug.\n")
    assert ("SentenceCapitalization", "version") in found


def test_a_lower_case_name_the_page_writes_inside_its_sentences_may_start_one() -> None:
    text = (
        "# Sending requests with sttp\n\n"
        "sttp is a popular library. We picked the sttp client for its API.\n"
    )
    assert [finding for finding in _codes(text) if finding[0] == "SentenceCapitalization"] == []
    # An English word is still held to a capital, wherever else the page writes it.
    found = _codes("We went home.\n\nhome is where the page went, back home.\n")
    assert ("SentenceCapitalization", "home") in found


def test_a_name_in_a_link_to_its_own_page_is_no_misspelling() -> None:
    text = (
        "Contributors:\n\n"
        "- [Jozef Hajnala](https://github.com/jozefhajnala)\n"
        "- [Hossein Falaki](https://github.com/falaki)\n\n"
        "[Jacquie Tran](http://www.jacquietran.com) wrote the first version.\n"
    )
    assert [finding for finding in _codes(text) if finding[0] == "SpellCheck"] == []
    # A misspelt first word of a link's text is still one when the address does not hold it.
    found = _codes("Intro.\n\n[Revew the notes](https://example.com/notes) first.\n")
    assert ("SpellCheck", "Revew") in found


def test_a_standards_number_is_no_range() -> None:
    found = _codes("Give the language as an ISO 639-1 code, such as en.\n")
    assert [finding for finding in found if finding[0] == "NumericRangeEnDash"] == []
    assert ("NumericRangeEnDash", "-") in _codes("It ran from 2013-2014 in Perth.\n")


def test_a_programs_term_its_code_writes_is_no_dictionary_form_to_fix() -> None:
    text = "The state of a todo app looks like this:\n\n```js\nconst todos = [addTodo('x')]\n```\n"
    assert [finding for finding in _codes(text) if finding[0] == "ToDoHyphen"] == []
    assert ("ToDoHyphen", "todo") in _codes("Before we build the todo app, a detour.\n")


def test_a_word_the_page_codes_keeps_its_case_in_its_plural_and_possessive() -> None:
    text = (
        "This keeps the websocket's state, and websockets close.\n\n"
        "```python\nawait websocket.accept()\n```\n"
    )
    assert [finding for finding in _codes(text) if finding[0] == "OrthographicConsistency"] == []


def test_an_address_scheme_is_no_plural_that_keeps_a_words_case() -> None:
    found = _codes("Requests go over http to [the server](https://example.com).\n")
    assert ("OrthographicConsistency", "http") in found


def test_a_person_credited_with_a_linked_handle_or_profile_is_no_misspelling() -> None:
    text = (
        "Maintainers:\n\n"
        "- Michaël Matur [@mmatur](https://github.com/mmatur)\n"
        "- [Satyajit Sahoo](https://twitter.com/satya164) joined the team.\n"
    )
    assert [finding for finding in _codes(text) if finding[0] == "SpellCheck"] == []
    # A link text that is no name, to any other page, is still read word by word.
    found = _codes("Intro.\n\n[Satyajit handbook](https://example.com/about) is out.\n")
    assert [code for code, _ in found if code == "SpellCheck"]


def test_a_first_name_and_surname_may_open_a_sentence() -> None:
    found = _codes("We thank many people.\n\nShigeki Ohtsu and Sam Roberts did the upgrade.\n")
    assert [finding for finding in found if finding[0] == "SpellCheck"] == []
    # Two capitalised typos in a row are still typos: each is one letter from a word.
    found = _codes("Intro.\n\n## Configuraton Optons\n\nText.\n")
    assert ("SpellCheck", "Configuraton") in found


def test_a_word_an_html_links_address_holds_is_the_pages_own() -> None:
    text = (
        "Intro.\n\n### Mangum\n\n"
        '<a href="https://github.com/Kludex/mangum" target="_blank">GitHub</a>\n\n'
        'Serverless adapter, see <a href="https://example.com/starception">it</a>.\n\n'
        "Starception too.\n"
    )
    assert [finding for finding in _codes(text) if finding[0] == "SpellCheck"] == []


def test_terms_of_data_science_and_software_work_are_words() -> None:
    found = _codes(
        "The covariates show heteroscedasticity and some missingness; see the sparklines.\n"
        "A big shoutout for the datastore healthcheck and the codemods.\n"
    )
    assert [finding for finding in found if finding[0] == "SpellCheck"] == []


@pytest.mark.parametrize(
    ("text", "code", "flagged"),
    [
        ("We report an p-value here.\n", "AnA", "an"),
        ("Run an t-test now.\n", "AnA", "an"),
        ("Intro.\n\nTehory [@knuth1984] shows it works.\n", "SpellCheck", "Tehory"),
        ("Intro.\n\n[Revew Notes](https://example.com/notes) are here.\n", "SpellCheck", "Revew"),
        (
            "Intro.\n\n[Guidlines For Contributors](https://github.com/foo/bar/blob/main/C.md)"
            " are here.\n",
            "SpellCheck",
            "Guidlines",
        ),
        ("It shipped. build 2.3 fails on Windows.\n", "SentenceCapitalization", "build"),
        ("It was the NBA 2019-2020 season.\n", "NumericRangeEnDash", "-"),
        ("I met my ex. she was fine.\n", "SentenceCapitalization", "she"),
        (
            "Before we build the todo app, a detour.\n\n```python\n# TODO: remove\n```\n",
            "ToDoHyphen",
            "todo",
        ),
    ],
)
def test_the_excuses_stop_where_their_reason_does(text: str, code: str, flagged: str) -> None:
    assert (code, flagged) in _codes(text)
