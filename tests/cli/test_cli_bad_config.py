"""Bad config files: exit 2 with one line naming the file, the line and the key."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.cli.conftest import Outcome, RunCli, WriteFiles

DOCUMENT = "# Guide\n\nIntro.\n\n## Install\n\n## Use\n\nRun it.\n"

# (config text, line the error must name, words the message must contain)
BAD_CONFIGS: dict[str, tuple[str, int, tuple[str, ...]]] = {
    "unknown-key": ('fail-on = "warning"\n\nbogus = 1\n', 3, ('"bogus"',)),
    "misspelt-key": ('exclude = []\nexlcude = ["drafts/**"]\n', 2, ('"exlcude"',)),
    "unknown-key-in-schemas": (
        '[[schemas]]\nfiles = "posts/**"\nschema = "post.json"\nglob = "x"\n',
        4,
        ('"glob"',),
    ),
    "unknown-key-in-overrides": (
        '[[overrides]]\nfiles = "drafts/**"\nrules = {}\nseverity = "off"\n',
        4,
        ('"severity"',),
    ),
    "wrong-type-list": ('include = ["**/*.md"]\nexclude = "drafts/**"\n', 2, ("exclude", "list")),
    "wrong-type-fail-on": ("fail-on = 3\n", 1, ("fail-on",)),
    "wrong-severity": ('[rules]\nempty-section = "loud"\n', 2, ("empty-section", '"loud"')),
    "wrong-option-type": (
        '[rules]\nempty-heading = "info"\nempty-section = { allow = 3 }\n',
        3,
        ("allow", "list"),
    ),
    "unknown-option": (
        '[rules.empty-section]\nseverity = "error"\nalow = ["Notes"]\n',
        3,
        ("alow", 'did you mean "allow"'),
    ),
    "unknown-rule": (
        '[rules]\nempty-heading = "off"\nempty-sectoin = "off"\n',
        3,
        ('"empty-sectoin"', 'did you mean "empty-section"'),
    ),
    "unknown-rule-in-overrides": (
        '[[overrides]]\nfiles = "drafts/**"\nrules = { empty-headng = "off" }\n',
        3,
        ('"empty-headng"', 'did you mean "empty-heading"'),
    ),
    "schemas-without-schema": ('[[schemas]]\nfiles = "posts/**"\n', 1, ('"schema"',)),
}


def _config_error(outcome: Outcome, *fragments: str) -> str:
    outcome.assert_no_traceback()
    assert outcome.code == 2, outcome.output
    assert outcome.stdout == "", "no file is checked with a broken config"
    return outcome.one_line_error(*fragments)


@pytest.mark.parametrize("name", list(BAD_CONFIGS))
def test_bad_project_config(invoke: RunCli, write: WriteFiles, name: str) -> None:
    text, line, words = BAD_CONFIGS[name]
    write({"contentlint.toml": text, "guide.md": DOCUMENT})
    outcome = invoke("check")
    _config_error(outcome, f"contentlint.toml:{line}: ", *words)


def test_invalid_toml(contentlint: RunCli, write: WriteFiles) -> None:
    write({"contentlint.toml": '[rules]\nempty-section = "off"\n[rules\n', "guide.md": DOCUMENT})
    _config_error(contentlint("check"), "contentlint.toml", "invalid TOML", "line 3")


def test_config_that_is_not_utf8(invoke: RunCli, write: WriteFiles) -> None:
    write({"contentlint.toml": '# caf\xe9\nfail-on = "error"\n'.encode("latin-1")})
    write({"guide.md": DOCUMENT})
    _config_error(invoke("check"), "contentlint.toml")


def test_unknown_key_in_pyproject_names_its_line(contentlint: RunCli, write: WriteFiles) -> None:
    write(
        {
            "pyproject.toml": (
                '[project]\nname = "site"\nversion = "1.0"\n\n'
                '[tool.contentlint]\nfail-on = "error"\nbogus = true\n'
            ),
            "guide.md": DOCUMENT,
        }
    )
    _config_error(contentlint("check"), "pyproject.toml:7: ", '"bogus"')


def test_unknown_rule_in_dotted_config(invoke: RunCli, write: WriteFiles) -> None:
    write({".contentlint.toml": '\n[rules]\nempty-secton = "off"\n', "guide.md": DOCUMENT})
    _config_error(invoke("check"), ".contentlint.toml:3: ", 'did you mean "empty-section"')


def test_bad_config_given_with_option(invoke: RunCli, write: WriteFiles) -> None:
    write({"ci/strict.toml": '[rules]\nempty-section = "error"\nunknown = 1\n'})
    write({"guide.md": DOCUMENT})
    _config_error(invoke("check", "--config", "ci/strict.toml"), "strict.toml:3: ")


def test_missing_config_given_with_option(invoke: RunCli, write: WriteFiles) -> None:
    write({"guide.md": DOCUMENT})
    _config_error(invoke("check", "--config", "nowhere.toml"), "nowhere.toml")


def test_bad_config_above_the_working_folder(contentlint: RunCli, write: WriteFiles) -> None:
    nested = write({"contentlint.toml": "bogus = 1\n", "docs/deep/guide.md": DOCUMENT})
    outcome = contentlint("check", cwd=nested / "docs" / "deep")
    _config_error(outcome, "contentlint.toml:1: ", '"bogus"')


def test_a_remembered_config_is_validated_again_once_it_changes(
    contentlint: RunCli, write: WriteFiles
) -> None:
    write({"contentlint.toml": '[rules]\nempty-section = "error"\n', "a.md": "# A\n\n## B\n"})
    for _ in range(2):  # the second run takes the config as validated before
        outcome = contentlint("check", "--no-prose", "a.md")
        assert outcome.code == 1 and "error [empty-section]" in outcome.stdout
    write({"contentlint.toml": '[rules]\nempty-section = "eror"\n'})
    broken = contentlint("check", "--no-prose", "a.md")
    assert broken.code == 2
    broken.one_line_error("contentlint.toml:2", "empty-section")
