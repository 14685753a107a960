"""The CLI tests' fixtures (a project folder, files written into it, contentlint run in it) for
the hardening cases that drive the command line."""

from tests.cli.conftest import contentlint, project, write

__all__ = ["contentlint", "project", "write"]
