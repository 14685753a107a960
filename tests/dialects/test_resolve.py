"""Which dialect a file gets: the config, the nearest site root's project files, the extension."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import ConfigError, read_config_file
from lint.dialects.registered import registered_dialects
from lint.dialects.resolve import DialectResolver, DialectRule
from lint.registry import load_rules, rule_classes


def resolver(*rules: DialectRule, detect: bool = True) -> DialectResolver:
    return DialectResolver(registered_dialects(), rules, detect)


def site(tmp_path: Path, marker: str) -> Path:
    """A site root with ``marker`` (a folder when it ends with /) and a content folder."""
    root = tmp_path / "site"
    (root / "content" / "posts").mkdir(parents=True)
    (root / ".git").mkdir()  # the repository root: the walk up stops here
    if marker.endswith("/"):
        (root / marker).mkdir(parents=True)
    else:
        (root / marker).write_text("", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("marker", "dialect"),
    [
        ("_quarto.yml", "quarto"),
        ("hugo.toml", "hugo"),
        ("config/_default/", "hugo"),
        ("_config.yml", "jekyll"),
        ("docusaurus.config.ts", "docusaurus"),
        ("astro.config.mjs", "starlight"),
        (".vitepress/", "vitepress"),
        ("mkdocs.yml", "mkdocs"),
        ("_bookdown.yml", "rmarkdown"),
    ],
)
def test_the_nearest_site_root_decides(tmp_path: Path, marker: str, dialect: str) -> None:
    root = site(tmp_path, marker)
    choice = resolver().choose(root / "content" / "posts" / "post.md")
    assert choice.dialect.name == dialect
    assert marker.split("/")[0] in choice.reason and str(root) in choice.reason


def test_hugos_old_config_needs_a_content_folder(tmp_path: Path) -> None:
    root = site(tmp_path, "config.toml")
    assert resolver().choose(root / "content" / "a.md").dialect.name == "hugo"
    other = tmp_path / "other"
    other.mkdir()
    (other / "config.toml").write_text("", encoding="utf-8")
    (other / ".git").mkdir()
    assert resolver().choose(other / "a.md").dialect.name == "markdown"


def test_an_extension_a_site_does_not_list_keeps_its_own_dialect(tmp_path: Path) -> None:
    root = site(tmp_path, "hugo.toml")  # a blogdown site: .Rmd files are R Markdown
    assert resolver().choose(root / "content" / "post.Rmd").dialect.name == "rmarkdown"
    assert resolver().choose(root / "content" / "page.mdx").dialect.name == "mdx"
    quarto = site(tmp_path / "q", "_quarto.yml")  # Quarto renders .Rmd itself
    assert resolver().choose(quarto / "post.Rmd").dialect.name == "quarto"


def test_without_a_site_the_extension_decides(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    chosen = {name: resolver().choose(tmp_path / name).dialect.name for name in
              ("a.qmd", "b.Rmd", "c.mdx", "d.md", "e.markdown")}  # fmt: skip
    assert chosen == {
        "a.qmd": "quarto",
        "b.Rmd": "rmarkdown",
        "c.mdx": "mdx",
        "d.md": "markdown",
        "e.markdown": "markdown",
    }


def test_the_walk_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "_quarto.yml").write_text("", encoding="utf-8")
    repository = tmp_path / "repository"
    (repository / ".git").mkdir(parents=True)
    assert resolver().choose(repository / "a.md").dialect.name == "markdown"


def test_config_rules_win_the_last_matching_one_first(tmp_path: Path) -> None:
    root = site(tmp_path, "_quarto.yml")
    rules = (DialectRule(root, (), "hugo"), DialectRule(root, ("docs/**",), "mkdocs"))
    assert resolver(*rules).choose(root / "docs" / "a.md").dialect.name == "mkdocs"
    choice = resolver(*rules).choose(root / "posts" / "a.md")
    assert (choice.dialect.name, choice.reason) == ("hugo", "the config")


def test_detection_can_be_turned_off(tmp_path: Path) -> None:
    root = site(tmp_path, "mkdocs.yml")
    assert resolver(detect=False).choose(root / "a.md").dialect.name == "markdown"


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "contentlint.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_config_names_dialects_per_glob(tmp_path: Path) -> None:
    path = _config(
        tmp_path,
        'dialect = "hugo"\ndetect = false\n\n'
        '[[overrides]]\nfiles = "docs/**"\ndialect = "mkdocs"\n',
    )
    config = read_config_file(path, rule_classes(load_rules()))
    assert config.detect is False
    assert [(rule.files, rule.dialect) for rule in config.dialects] == [
        ((), "hugo"),
        (("docs/**",), "mkdocs"),
    ]


def test_an_unknown_dialect_is_a_config_error_with_its_line(tmp_path: Path) -> None:
    path = _config(tmp_path, 'include = ["**/*.md"]\ndialect = "jekyl"\n')
    with pytest.raises(
        ConfigError, match=r':2: unknown dialect "jekyl" \(did you mean "jekyll"\?\)'
    ):
        read_config_file(path, rule_classes(load_rules()))
