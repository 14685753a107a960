"""Configuration: finding the project file, validation errors with lines, merging, scoping."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar

import pytest

from lint.config import (
    Config,
    ConfigError,
    RuleSetting,
    find_project_config,
    load_config,
    merge,
    read_config_file,
    resolve_rules,
    schema_locations,
)
from lint.diagnostics import Finding, Severity
from lint.document import Document
from lint.rule import Rule


class Placeholder:
    """A stand-in rule with options."""

    id: ClassVar[str] = "placeholder-text"
    summary: ClassVar[str] = "placeholders"
    groups: ClassVar[tuple[str, ...]] = ("unfinished",)
    severity: ClassVar[Severity] = Severity.WARNING
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "markers": {"type": "array", "items": {"type": "string"}, "default": ["TODO"]},
            "include_comments": {"type": "boolean", "default": False},
        },
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        return ()


class EmptySection:
    """A stand-in rule without options."""

    id: ClassVar[str] = "empty-section"
    summary: ClassVar[str] = "empty sections"
    groups: ClassVar[tuple[str, ...]] = ("structure",)
    severity: ClassVar[Severity] = Severity.WARNING
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {},
        "additionalProperties": False,
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        return ()


class DraftFlag(EmptySection):
    """A stand-in rule that is off by default."""

    id: ClassVar[str] = "draft-flag"
    enabled_by_default: ClassVar[bool] = False


RULES: dict[str, type[Rule]] = {
    "placeholder-text": Placeholder,
    "empty-section": EmptySection,
    "draft-flag": DraftFlag,
}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def config_error(path: Path, text: str) -> str:
    write(path, text)
    with pytest.raises(ConfigError) as raised:
        read_config_file(path, RULES)
    return str(raised.value)


# --- finding ---------------------------------------------------------------------------------


def test_find_project_config_walks_up(tmp_path: Path) -> None:
    config = write(tmp_path / "contentlint.toml", "")
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_project_config(deep) == config


def test_find_project_config_prefers_the_nearest_folder(tmp_path: Path) -> None:
    write(tmp_path / "contentlint.toml", "")
    nearer = write(tmp_path / "sub" / ".contentlint.toml", "")
    assert find_project_config(tmp_path / "sub") == nearer


def test_find_project_config_order_within_a_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.contentlint]\n")
    write(tmp_path / ".contentlint.toml", "")
    assert find_project_config(tmp_path) == tmp_path / ".contentlint.toml"
    write(tmp_path / "contentlint.toml", "")
    assert find_project_config(tmp_path) == tmp_path / "contentlint.toml"


def test_pyproject_without_tool_table_is_skipped(tmp_path: Path) -> None:
    outer = write(tmp_path / "pyproject.toml", '[tool.contentlint]\nexclude = ["x"]\n')
    write(tmp_path / "pkg" / "pyproject.toml", '[project]\nname = "pkg"\n')
    assert find_project_config(tmp_path / "pkg") == outer


def test_no_project_config_in_the_tree(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path / "contentlint.toml.bak", "")
    (tmp_path / "docs").mkdir()
    found = find_project_config(tmp_path / "docs")
    # A folder above tmp_path may hold a config on some machines; nothing inside may match.
    assert found is None or not found.is_relative_to(tmp_path)


# --- reading ---------------------------------------------------------------------------------


FULL = """include = ["posts/**/*.qmd"]
exclude = ["_site/**"]
fail-on = "warning"

[rules]
empty-section = "error"
placeholder-text = { severity = "info", markers = ["TODO", "TK"] }

[[schemas]]
files = "posts/**"
schema = "schemas/post.schema.json"

[[schemas]]
files = ["pages/**", "about.md"]
schema = "builtin:quarto-post"

[[overrides]]
files = "drafts/**"
rules = { placeholder-text = "off" }
"""


def test_read_full_config(tmp_path: Path) -> None:
    config = read_config_file(write(tmp_path / "contentlint.toml", FULL), RULES)
    base = tmp_path.resolve()
    assert config.root == base
    assert config.include == ((base, "posts/**/*.qmd"),)
    assert config.exclude == ((base, "_site/**"),)
    assert config.fail_on is Severity.WARNING
    assert config.rules == {
        "empty-section": RuleSetting("error"),
        "placeholder-text": RuleSetting("info", {"markers": ["TODO", "TK"]}),
    }
    assert schema_locations(config) == [
        str(base / "schemas" / "post.schema.json"),
        "builtin:quarto-post",
    ]
    assert [entry.files for entry in config.scoped] == [
        ("posts/**",),
        ("pages/**", "about.md"),
        ("drafts/**",),
    ]


def test_pyproject_tool_table(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.contentlint.rules]\nempty-section = "info"\n',
    )
    config = read_config_file(path, RULES)
    assert config.rules == {"empty-section": RuleSetting("info")}


def test_unknown_key_names_key_and_line(tmp_path: Path) -> None:
    path = tmp_path / "contentlint.toml"
    message = config_error(path, 'include = ["a"]\n\nincldue = ["b"]\n')
    assert message.startswith(f"{path}:3: ")
    assert 'unknown key "incldue"' in message
    assert 'did you mean "include"' in message


def test_unknown_key_in_pyproject_counts_pyproject_lines(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    message = config_error(path, '[project]\nname = "x"\n\n[tool.contentlint]\nfial-on = "error"\n')
    assert message.startswith(f"{path}:5: ")
    assert 'unknown key "fial-on"' in message


def test_wrong_type_names_key_value_and_line(tmp_path: Path) -> None:
    path = tmp_path / "contentlint.toml"
    message = config_error(path, '# comment\ninclude = "posts/**"\n')
    assert message == f'{path}:2: include: "posts/**" is a string, expected a list'


def test_bad_enum_value(tmp_path: Path) -> None:
    path = tmp_path / "contentlint.toml"
    message = config_error(path, 'fail-on = "warn"\n')
    assert message.startswith(f"{path}:1: ")
    assert 'fail-on: "warn" is not one of the allowed values' in message
    assert 'did you mean "warning"' in message


def test_bad_severity(tmp_path: Path) -> None:
    path = tmp_path / "contentlint.toml"
    message = config_error(path, '[rules]\nempty-section = "fatal"\n')
    assert message.startswith(f"{path}:2: ")
    assert '"fatal"' in message
    assert "rules.empty-section" in message


def test_unknown_rule_with_did_you_mean(tmp_path: Path) -> None:
    path = tmp_path / "contentlint.toml"
    message = config_error(path, '\n[rules]\nempty-sectoin = "error"\n')
    assert message == f'{path}:3: unknown rule "empty-sectoin" (did you mean "empty-section"?)'


def test_unknown_rule_in_overrides(tmp_path: Path) -> None:
    path = tmp_path / "contentlint.toml"
    message = config_error(path, '[[overrides]]\nfiles = "x/**"\nrules = { nope = "off" }\n')
    assert message == f'{path}:3: unknown rule "nope"'


def test_rule_option_wrong_type(tmp_path: Path) -> None:
    path = tmp_path / "contentlint.toml"
    message = config_error(path, '[rules.placeholder-text]\nseverity = "error"\nmarkers = "TODO"\n')
    assert message == (
        f'{path}:3: rules.placeholder-text.markers: "TODO" is a string, expected a list'
    )


def test_rule_option_unknown(tmp_path: Path) -> None:
    path = tmp_path / "contentlint.toml"
    message = config_error(path, "[rules]\nplaceholder-text = { markerz = [] }\n")
    assert message.startswith(f"{path}:2: ")
    assert "unknown key" in message
    assert "markerz" in message
    assert 'did you mean "markers"' in message


def test_options_for_a_rule_without_options(tmp_path: Path) -> None:
    path = tmp_path / "contentlint.toml"
    message = config_error(path, "[rules]\nempty-section = { depth = 2 }\n")
    assert "depth" in message
    assert "unknown key" in message


def test_schema_entry_without_schema(tmp_path: Path) -> None:
    path = tmp_path / "contentlint.toml"
    message = config_error(path, '[[schemas]]\nfiles = "posts/**"\n')
    assert message == f'{path}:1: missing required key "schema" in schemas[0]'


def test_invalid_toml(tmp_path: Path) -> None:
    path = tmp_path / "contentlint.toml"
    message = config_error(path, "include = [\n")
    assert message.startswith(f"{path}: invalid TOML")


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as raised:
        read_config_file(tmp_path / "absent.toml", RULES)
    assert "does not exist" in str(raised.value)


# --- merging and resolving -------------------------------------------------------------------


def test_merge_upper_wins_and_options_merge(tmp_path: Path) -> None:
    lower = Config(
        root=tmp_path,
        include=((tmp_path, "a/**"),),
        exclude=((tmp_path, "x/**"),),
        fail_on=Severity.ERROR,
        rules={
            "placeholder-text": RuleSetting("error", {"markers": ["A"], "include_comments": True}),
            "empty-section": RuleSetting("info"),
        },
    )
    upper = Config(
        root=tmp_path / "other",
        exclude=((tmp_path, "y/**"),),
        rules={"placeholder-text": RuleSetting(None, {"markers": ["B"]})},
    )
    merged = merge(lower, upper)
    assert merged.root == tmp_path
    assert merged.include == ((tmp_path, "a/**"),)  # upper says nothing: lower stays
    assert merged.exclude == ((tmp_path, "x/**"), (tmp_path, "y/**"))
    assert merged.fail_on is Severity.ERROR
    assert merged.rules["placeholder-text"] == RuleSetting(
        "error", {"markers": ["B"], "include_comments": True}
    )
    assert merged.rules["empty-section"] == RuleSetting("info")


def test_load_config_explicit_file_beats_project_file(tmp_path: Path) -> None:
    write(
        tmp_path / "contentlint.toml",
        'fail-on = "info"\n[rules]\nempty-section = "error"\nplaceholder-text = "error"\n',
    )
    explicit = write(tmp_path / "ci" / "strict.toml", '[rules]\nempty-section = "info"\n')
    (tmp_path / "docs").mkdir()
    config = load_config(tmp_path / "docs", explicit, RULES)
    assert config.root == tmp_path.resolve()
    assert config.fail_on is Severity.INFO
    assert config.rules["empty-section"].severity == "info"
    assert config.rules["placeholder-text"].severity == "error"
    assert config.sources == (tmp_path / "contentlint.toml", explicit)


def test_resolve_defaults_without_config(tmp_path: Path) -> None:
    active = resolve_rules(Config(root=tmp_path), RULES, tmp_path / "a.md")
    assert active["placeholder-text"] == (
        True,
        Severity.WARNING,
        {"markers": ["TODO"], "include_comments": False},
    )
    assert active["draft-flag"] == (False, Severity.WARNING, {})


def test_resolve_config_then_scoped_entries_in_order(tmp_path: Path) -> None:
    text = """[rules]
placeholder-text = { severity = "error", markers = ["FIXME"] }
draft-flag = "info"

[[overrides]]
files = "drafts/**"
rules = { placeholder-text = "off", empty-section = "info" }

[[overrides]]
files = "drafts/keep/**"
rules = { placeholder-text = { severity = "warning", include_comments = true } }

[[schemas]]
files = "posts/**"
schema = "post.json"
"""
    config = read_config_file(write(tmp_path / "contentlint.toml", text), RULES)
    root = tmp_path.resolve()

    elsewhere = resolve_rules(config, RULES, root / "pages" / "a.md")
    assert elsewhere["placeholder-text"] == (
        True,
        Severity.ERROR,
        {"markers": ["FIXME"], "include_comments": False},
    )
    assert elsewhere["draft-flag"][:2] == (True, Severity.INFO)  # a severity turns it on
    assert elsewhere["empty-section"][:2] == (True, Severity.WARNING)

    draft = resolve_rules(config, RULES, root / "drafts" / "a.md")
    assert draft["placeholder-text"][0] is False
    assert draft["empty-section"][:2] == (True, Severity.INFO)

    kept = resolve_rules(config, RULES, root / "drafts" / "keep" / "a.md")
    assert kept["placeholder-text"] == (
        True,
        Severity.WARNING,
        {"markers": ["FIXME"], "include_comments": True},
    )


def test_schemas_are_scoped_by_glob(tmp_path: Path) -> None:
    schema_rule = type(
        "FrontmatterSchema",
        (EmptySection,),
        {
            "id": "frontmatter-schema",
            "options_schema": {
                "type": "object",
                "properties": {"schema": {"type": ["string", "null"], "default": None}},
            },
        },
    )
    rules: dict[str, type[Rule]] = {**RULES, "frontmatter-schema": schema_rule}
    text = '[[schemas]]\nfiles = "posts/**"\nschema = "schemas/post.json"\n'
    config = read_config_file(write(tmp_path / "contentlint.toml", text), rules)
    root = tmp_path.resolve()
    post = resolve_rules(config, rules, root / "posts" / "2024" / "a.md")
    assert post["frontmatter-schema"][2] == {"schema": str(root / "schemas" / "post.json")}
    page = resolve_rules(config, rules, root / "pages" / "a.md")
    assert page["frontmatter-schema"][2] == {"schema": None}
    outside = resolve_rules(config, rules, root.parent / "posts" / "a.md")
    assert outside["frontmatter-schema"][2] == {"schema": None}
    forced = resolve_rules(config, rules, root / "pages" / "a.md", schema_override="cli.json")
    assert forced["frontmatter-schema"][2] == {"schema": "cli.json"}


def test_settings_for_unknown_rules_are_ignored_when_resolving(tmp_path: Path) -> None:
    config = Config(root=tmp_path, rules={"not-installed": RuleSetting("error")})
    assert "not-installed" not in resolve_rules(config, RULES, tmp_path / "a.md")
