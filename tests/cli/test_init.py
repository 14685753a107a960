"""contentlint init: a starter config that is valid as written and with its examples on."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles


def test_init_writes_a_valid_config_once(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    outcome = contentlint("init")
    assert outcome.code == 0 and "wrote" in outcome.stdout
    write({"a.md": "# A\n\nText.\n"})
    assert contentlint("check", "--no-prose", "a.md").code == 0

    again = contentlint("init")
    assert again.code == 2
    again.one_line_error("already exists")


def test_every_commented_example_is_valid_too(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    contentlint("init")
    config = project / "contentlint.toml"
    lines = config.read_text("utf-8").splitlines()
    enabled = [re.sub(r"^# (?=\[|[\w-]+ = )", "", line) for line in lines]
    config.write_text("\n".join(enabled) + "\n", "utf-8")
    write({"posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n\n# A\n\nText.\n"})
    outcome = contentlint("check", "--no-prose", "posts/a.md")
    assert outcome.code == 0, outcome.output
