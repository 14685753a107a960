"""The vocabulary: which flagged words are not mistakes, and why."""

from __future__ import annotations

import pytest

from lint.dialects.registered import registered_dialects
from lint.document import Document
from lint.prose.checking import check_prose
from lint.prose.settings import ProseSettings
from lint.prose.vocabulary import (
    Accepted,
    Vocabulary,
    base_forms,
    document_words,
    is_identifier,
    is_lower_case_term,
    is_sentence_start,
    names_in,
    near_technical_word,
    source_token,
    technical_words,
)


@pytest.mark.parametrize(
    "token",
    ["Node.js", "src/app.py", "v1.2", "h264", "parseInt", "GitHub", "mTLS", "CNCF", "APIs",
     "snake_case", "@handle", "#channel", "~/.bashrc", "a+b"],
)  # fmt: skip
def test_identifier_shapes_are_not_words(token: str) -> None:
    assert is_identifier(token)


@pytest.mark.parametrize("word", ["recieve", "Linkerd", "seperate", "Teh", "I"])
def test_words_are_not_identifiers(word: str) -> None:
    assert not is_identifier(word)


def test_the_token_around_a_flagged_word_is_the_one_the_source_writes() -> None:
    text = "Read the Node.js docs, then src/app.py."
    assert source_token(text, text.index("js"), text.index("js") + 2) == "Node.js"
    assert source_token(text, text.index("app"), text.index("app") + 3) == "src/app.py"
    assert source_token(text, text.index("docs"), text.index("docs") + 4) == "docs"


def test_base_forms_cover_possessives_and_inflections() -> None:
    assert "Astro" in set(base_forms("Astro's"))
    assert "library" in set(base_forms("libraries"))
    assert "map" in set(base_forms("mapping"))
    assert "cache" in set(base_forms("caching"))


def test_accepted_words_lower_case_entries_match_any_case() -> None:
    accepted = Accepted.of(["astro", "dbt", "Quarto"], case_sensitive=True)
    assert "Astro" in accepted and "ASTRO's" in accepted and "dbt's" in accepted
    assert "Quarto" in accepted and "Quarto’s" in accepted
    assert "quarto" not in accepted  # written with a capital: as written
    assert "quarto" in Accepted.of(["Quarto"], case_sensitive=False)


def test_sentence_starts() -> None:
    text = "Linkerd is fast. Then Linkerd: more. (Linkerd) and “Linkerd”"
    starts = [is_sentence_start(text, i) for i in range(len(text)) if text.startswith("Linkerd", i)]
    assert starts == [True, False, True, False]


def test_a_word_after_initials_goes_on_with_the_name() -> None:
    for text in ("J.J. Allaire", "by W. Richard", "J. R. R. Tolkien"):
        assert not is_sentence_start(text, text.rindex(" ") + 1), text
    assert is_sentence_start("It ends. Then", 9)


def _doc(text: str, dialect: str = "markdown") -> Document:
    return Document.from_text("doc.md", text, registered_dialects()[dialect])


def test_a_document_names_words_in_code_links_and_front_matter_lists() -> None:
    doc = _doc(
        "---\ntags: [mrgsolve, Tidyverse]\nauthor:\n  - Maxime\ntitle: Not a list value\n---\n\n"
        "Use `dplyr::mutate()`, [the docs](https://linkerd.io/docs) and "
        "[the code](https://github.com/tidyverse/tidyr/blob/main/R).\n\n"
        "```r\nlibrary(gribouille)\n```\n"
    )
    words = document_words(doc)
    assert {"mrgsolve", "tidyverse", "maxime", "dplyr", "mutate", "linkerd", "gribouille"} <= words
    assert {"tidyr", "blob"} <= words  # a link's address
    assert not {"title", "list"} & words  # not a list's


def test_names_are_capitalised_words_inside_sentences() -> None:
    doc = _doc("# Getting Started\n\nThe post by Maxime Lutz. Another one.\n")
    assert names_in(doc.prose()) == frozenset({"Maxime", "Lutz"})


def test_what_the_vocabulary_knows() -> None:
    vocabulary = Vocabulary(
        Accepted.of(["astro"], True), frozenset({"mrgsolve"}), frozenset({"Lutz"})
    )
    assert vocabulary.knows("Astro's", "Astro's", False)  # accepted, possessive
    assert vocabulary.knows("mrgsolve", "mrgsolve", True)  # the document's own word
    assert vocabulary.knows("js", "Node.js", False)  # an identifier
    assert vocabulary.knows("kubectl", "kubectl", False)  # a shipped technical word
    assert vocabulary.knows("Behnke", "Behnke", False)  # a name inside a sentence
    assert vocabulary.knows("Lutz", "Lutz", True)  # opening a sentence, a name used elsewhere
    assert not vocabulary.knows("Pyhton", "Pyhton", True)  # opening one, seen nowhere else
    assert not vocabulary.knows("recieve", "recieve", False)
    assert vocabulary.knows("vectorised", "vectorised", False)  # British -ise of a known word
    assert vocabulary.knows("denormalisation", "denormalisation", False)
    assert not vocabulary.knows("vectorisd", "vectorisd", False)
    assert vocabulary.knows("linearities", "non-linearities", False)  # an English plural
    assert vocabulary.knows("Presentational", "Presentational", True)  # capitalised, English
    for typo in ("occured", "begining", "truely", "generaly"):  # no -ed, -ing, -ly stems
        assert not vocabulary.knows(typo, typo, False), typo


def test_lower_case_terms_are_names_written_in_lower_case() -> None:
    assert is_lower_case_term("npm") and is_lower_case_term("kubectl")
    assert not is_lower_case_term("mkdocs")  # the lists also write it MkDocs
    assert not is_lower_case_term("pip")  # an English word: a sentence starts with a capital
    assert not is_lower_case_term("Npm")


def test_the_shipped_technical_words_are_loaded() -> None:
    words = technical_words()
    assert len(words) > 10_000
    assert {"kubernetes", "javascript", "linkerd", "webpack"} <= words
    assert not {"recieve", "seperate", "teh"} & words


def test_a_name_one_letter_from_a_technical_word_is_a_misspelt_name() -> None:
    assert near_technical_word("Quartoo") and near_technical_word("Docusarus")
    assert not near_technical_word("Quarto") and not near_technical_word("Maxime")
    vocabulary = Vocabulary(Accepted.of([], True), frozenset(), frozenset())
    assert not vocabulary.knows("Quartoo", "Quartoo", False)


def test_a_prefix_and_an_english_word_is_a_word() -> None:
    from lint.prose.vocabulary import is_prefixed_english

    for word in ("upcasting", "teleconnection", "macroblocks", "subobjects", "overplotted"):
        assert is_prefixed_english(word), word
    # Too short a word after the prefix, a letter doubled at the join, a prefix that makes
    # typos read as words ("backround", "superceded", "unconsistent"), a capital.
    for word in ("uptill", "overrride", "backround", "superceded", "unconsistent", "Upcasting"):
        assert not is_prefixed_english(word), word


def test_an_english_word_with_a_regular_suffix_is_a_word() -> None:
    from lint.prose.vocabulary import is_derived_english

    for word in ("stationarity", "stochasticity", "invertibility", "printability", "binarized"):
        assert is_derived_english(word), word
    assert is_derived_english("visualizable") and is_derived_english("parallelizable")
    # The suffixes that make typos read as words ("accessable", "capitolize", "mayority"),
    # a stem one letter from an English word, and a capital stay unknown.
    for word in ("accessable", "collapsable", "capitolize", "mayority", "Stationarity"):
        assert not is_derived_english(word), word


def test_the_spelling_rule_knows_a_derived_word_and_still_flags_a_typo_of_one() -> None:
    text = "The series has no stationarity, and a typo: an accessable page.\n"
    doc = Document.from_text("post.md", text, registered_dialects()["markdown"])
    flagged = [doc.text[f.start : f.end] for f in check_prose(doc, ProseSettings())]
    assert flagged == ["accessable"]
