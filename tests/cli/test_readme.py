"""The README is true: contentlint passes it, its option tables match ``--help``, its config
snippets are valid configs, its YAML parses, its plugin snippets work as a real plugin, its JSON
example has the keys the tool writes, and its test command is the one CI runs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import tomllib
import yaml
from markdown_it import MarkdownIt

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

REPOSITORY = Path(__file__).parents[2]
README = (REPOSITORY / "README.md").read_text("utf-8")
#: Snippets for other programs' config files, not contentlint's.
NOT_CONTENTLINT = ("[language-server", "[project.entry-points")


def _snippets(language: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(README)
    return [token.content for token in tokens if token.type == "fence" and token.info == language]


def _section(heading: str) -> str:
    start = README.index(f"\n{heading}\n")
    following = README.find("\n## ", start + 1)
    return README[start : following if following != -1 else len(README)]


def test_contentlint_passes_its_own_readme(contentlint: RunCli) -> None:
    outcome = contentlint("check", "--no-prose", "README.md", cwd=REPOSITORY)
    assert outcome.code == 0, outcome.output


def _help_options(contentlint: RunCli, command: str) -> set[str]:
    text = contentlint(command, "--help", cwd=REPOSITORY).stdout
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", text)) - {"--help"}


def test_every_check_option_is_in_the_readme_table_and_every_row_exists(
    contentlint: RunCli,
) -> None:
    table = _section("### `contentlint check [PATHS]...`").split("Exit codes:")[0]
    documented = {
        option
        for row in table.splitlines()
        if row.startswith("| `")
        for option in re.findall(r"(?<![\w-])--[a-z][a-z-]+", row.split(" | ")[0])
    }
    assert documented == _help_options(contentlint, "check")


@pytest.mark.parametrize("snippet", [s for s in _snippets("toml") if not s.startswith("[l")])
def test_each_config_snippet_is_a_valid_config(
    snippet: str, contentlint: RunCli, write: WriteFiles
) -> None:
    if any(marker in snippet for marker in NOT_CONTENTLINT):
        tomllib.loads(snippet)  # another tool's file: it must at least be TOML
        return
    write({"contentlint.toml": snippet, "schemas/post.schema.json": '{"type": "object"}'})
    for relative in re.findall(r'schema = "([^":]+\.json)"', snippet):
        write({relative: '{"type": "object"}'})
    for relative in re.findall(r'vocabulary = "([^"]+)"', snippet):
        write({relative: "Quarto\n"})
    outcome = contentlint("rules")
    assert outcome.code == 0, f"{outcome.stderr}\n{snippet}"


def test_the_helix_snippet_is_toml() -> None:
    helix = [s for s in _snippets("toml") if s.startswith("[language-server")]
    assert helix and tomllib.loads(helix[0])["language-server"]["contentlint"]["args"] == ["server"]


def test_the_yaml_snippets_parse_and_name_real_hooks() -> None:
    documents = [yaml.safe_load(snippet) for snippet in _snippets("yaml")]
    hooks = {
        hook["id"] for hook in yaml.safe_load((REPOSITORY / ".pre-commit-hooks.yaml").read_text())
    }
    pre_commit = next(document for document in documents if "repos" in document)
    named = {hook["id"] for repo in pre_commit["repos"] for hook in repo["hooks"]}
    assert named <= hooks
    # The CI snippets run contentlint check.
    steps = [
        step["run"]
        for document in documents
        if "jobs" in document
        for job in document["jobs"].values()
        for step in job["steps"]
        if "run" in step
    ]
    assert any(step.startswith("contentlint check") for step in steps)


def test_the_json_example_has_exactly_the_keys_the_tool_writes(
    contentlint: RunCli, write: WriteFiles
) -> None:
    example = json.loads(_snippets("json")[0])
    write({"guide.md": "# Guide\n\n## Empty\n\n## Full\n\nText.\n"})
    written = contentlint("check", "--no-prose", "--format", "json").json()
    assert written and set(written[0]) == set(example)
    assert set(example["fix"][0]) == {
        "line",
        "column",
        "end_line",
        "end_column",
        "replacement",
        "safe",
    }


def test_the_first_command_prints_the_summary_the_readme_shows(contentlint: RunCli) -> None:
    outcome = contentlint("check", "examples/", cwd=REPOSITORY)
    assert outcome.code == 1, outcome.output
    lines = outcome.stdout.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith("Found "))
    assert "\n".join(lines[start:]) + "\n```" in README  # the summary, exactly as shown
    shown = re.findall(r"^(examples/\S+: \w+ \[[\w-]+\] .+)$", README, flags=re.MULTILINE)
    assert shown and all(line in outcome.stdout for line in shown)


def test_ci_runs_the_readme_test_command() -> None:
    command = _snippets("sh")[1].strip()
    ci = (REPOSITORY / ".ci" / "run").read_text("utf-8")
    # The README's command, with the venv made afresh (``rm -rf .venv``) and pip quieter.
    assert command.replace("pip install", "pip install -q") in ci


def test_the_plugin_snippets_make_a_working_plugin(
    contentlint: RunCli, write: WriteFiles, tmp_path: Path
) -> None:
    python = _snippets("python")
    entry_points = [tomllib.loads(s) for s in _snippets("toml") if "[project.entry-points" in s]
    assert len(python) == 2 and len(entry_points) == 2
    plugins = tmp_path / "site-packages"
    write({"my_package/__init__.py": "", "my_package/rules.py": python[0]}, root=plugins)
    write({"my_package/dialects.py": python[1]}, root=plugins)
    groups = [
        f"[{group}]\n" + "".join(f"{name} = {target}\n" for name, target in points.items())
        for document in entry_points
        for group, points in document["project"]["entry-points"].items()
    ]
    info = {
        "my_package-0.1.dist-info/METADATA": "Metadata-Version: 2.1\nName: my-package\n",
        "my_package-0.1.dist-info/entry_points.txt": "\n".join(groups),
    }
    write(info, root=plugins)
    env = {"PYTHONPATH": str(plugins)}
    assert "no-foo" in contentlint("rules", env=env).stdout
    assert "zola" in contentlint("dialects", env=env).stdout
    write({"notes.md": "# Notes\n\nThis says foo.\n"})
    found = contentlint("check", "--no-prose", "--format", "json", env=env)
    assert [(item["rule"], item["line"], item["column"]) for item in found.json()] == [
        ("no-foo", 3, 11)
    ]
