"""Writes that would leave the project: ``contentlint init`` never writes through a link."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli


def test_init_does_not_follow_a_dangling_link(
    contentlint: RunCli, project: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside" / "planted.toml"
    outside.parent.mkdir()
    (project / "contentlint.toml").symlink_to(outside)
    outcome = contentlint("init")
    assert outcome.code == 2
    outcome.one_line_error("is a link")
    assert not outside.exists()
