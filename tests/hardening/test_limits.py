"""[limits]: each limit stops what it should, with a clear message, and the run goes on."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.processes import run_check


def check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_check(folder, "--no-cache", "--no-prose", "--format", "json", *args, timeout=60)


def findings(outcome: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    assert "Traceback" not in outcome.stderr, outcome.stderr
    items: list[dict[str, object]] = json.loads(outcome.stdout)
    return items


def test_a_catastrophic_marker_pattern_is_stopped_and_reported(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text(
        "[limits]\npattern-seconds = 0.5\n\n"
        "[rules]\nplaceholder-text = { extend_markers = ['(a|aa)+$'] }\n",
        "utf-8",
    )
    (tmp_path / "slow.md").write_text("# Slow\n\n" + "a" * 60 + "!\n", "utf-8")
    (tmp_path / "other.md").write_text("# Other\n\nTODO write this.\n", "utf-8")
    outcome = check(tmp_path, ".")
    found = findings(outcome)
    stopped = [d for d in found if d["path"] == "slow.md"]
    assert len(stopped) == 1
    assert "(a|aa)+$" in str(stopped[0]["message"]) and "stopped" in str(stopped[0]["message"])
    assert any(d["path"] == "other.md" and d["rule"] == "placeholder-text" for d in found)


def test_max_file_size(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text("[limits]\nmax-file-size = 1\n", "utf-8")
    (tmp_path / "big.md").write_bytes(b"# Big\n\n" + b"word " * 400_000)
    (found,) = findings(check(tmp_path, "big.md"))
    assert found["rule"] == "file-error" and "larger than 1 MB" in str(found["message"])


def test_max_yaml_values(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text("[limits]\nmax-yaml-values = 10\n", "utf-8")
    (tmp_path / "aliases.md").write_text(
        "---\na: &a [1, 2, 3, 4]\nb: [*a, *a, *a]\n---\n\nText.\n", "utf-8"
    )
    (found,) = findings(check(tmp_path, "aliases.md"))
    assert found["rule"] == "frontmatter-syntax" and "10 values" in str(found["message"])


def test_max_nesting_reads_deeper_markdown_as_text(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text("[limits]\nmax-nesting = 3\n", "utf-8")
    (tmp_path / "deep.md").write_text("> > > > > > ## \n", "utf-8")
    assert findings(check(tmp_path, "deep.md")) == []
    (tmp_path / "contentlint.toml").write_text("[limits]\nmax-nesting = 20\n", "utf-8")
    assert [d["rule"] for d in findings(check(tmp_path, "deep.md"))] == ["empty-heading"]


def test_a_limit_of_the_wrong_type_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text('[limits]\nmax-file-size = "big"\n', "utf-8")
    (tmp_path / "a.md").write_text("# A\n\nText.\n", "utf-8")
    outcome = check(tmp_path, "a.md")
    assert outcome.returncode == 2
    assert outcome.stderr.startswith("error: ") and "max-file-size" in outcome.stderr
    assert "Traceback" not in outcome.stderr


def test_schemas_that_refer_to_each_other_in_a_circle(tmp_path: Path) -> None:
    (tmp_path / "a.schema.json").write_text(json.dumps({"$ref": "b.schema.json"}), "utf-8")
    (tmp_path / "b.schema.json").write_text(json.dumps({"$ref": "a.schema.json"}), "utf-8")
    (tmp_path / "post.md").write_text("---\ntitle: T\n---\n\nText.\n", "utf-8")
    (tmp_path / "other.md").write_text("# Other\n\nTODO.\n", "utf-8")
    outcome = check(tmp_path, "--schema", "a.schema.json", ".")
    found = findings(outcome)
    assert any("refers to itself" in str(d["message"]) for d in found if d["path"] == "post.md")
    assert any(d["path"] == "other.md" for d in found)


def test_a_link_loop_in_the_tree_does_not_trap_the_walk(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "inner").mkdir(parents=True)
    (docs / "inner" / "page.md").write_text("# Page\n\nTODO.\n", "utf-8")
    (docs / "inner" / "loop").symlink_to(docs, target_is_directory=True)
    (docs / "inner" / "self.md").symlink_to(docs / "inner" / "self.md")  # a link to itself
    (docs / "inner" / "alias.md").symlink_to(docs / "inner" / "page.md")
    outcome = check(tmp_path, "docs")
    paths = sorted({str(d["path"]) for d in findings(outcome)})
    assert paths == ["docs/inner/page.md", "docs/inner/self.md"]
