"""The CLI tests' fixtures (a project folder, files written into it, contentlint run in it) for
the small sites the links rules are tried on."""

from tests.cli.conftest import contentlint, project, write

__all__ = ["contentlint", "project", "write"]
