"""Shared by every test: keep caches out of the user's home folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test writes its caches under its own temporary folder (subprocesses inherit it)."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(folder))
    return folder
