"""Which configuration applies to each file: the nearest project file from the file's own
folder upward (one per project root), then ``--config``; each is read and checked once."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from lint.config import Config, find_project_config, merge, read_config_file
from lint.rule import Rule


class Projects:
    """The config of every folder a run or an editor meets, found and read once per project.

    A folder's config is that of the nearest folder at or above it holding ``contentlint.toml``,
    ``.contentlint.toml`` or a ``pyproject.toml`` with ``[tool.contentlint]``; with none, the
    defaults rooted at ``fallback_root``. ``explicit`` (``--config``) is read after it, so it
    wins key by key. Raises ConfigError when a config it needs cannot be used.
    """

    def __init__(
        self,
        rules: Mapping[str, type[Rule]],
        fallback_root: Path,
        explicit: Path | None = None,
        remember: bool = False,
    ) -> None:
        self._rules = rules
        self._fallback_root = fallback_root.resolve()
        self._explicit = explicit
        self._remember = remember
        #: folder (resolved, as text) → its project file, or None for none up to the top.
        self._project_files: dict[str, Path | None] = {}
        #: project file (None: no project file) → its config.
        self._configs: dict[Path | None, Config] = {}
        self._on_load: list[Callable[[Config], None]] = []

    def on_load(self, callback: Callable[[Config], None]) -> None:
        """Call ``callback`` with every config read so far and every one read from now on
        (to load its schemas, say, before any file it governs is checked)."""
        self._on_load.append(callback)
        for config in list(self._configs.values()):
            callback(config)

    def for_file(self, path: Path) -> Config:
        return self.for_folder(path.parent)

    def for_folder(self, folder: Path) -> Config:
        project_file = self.project_file(folder)
        config = self._configs.get(project_file)
        if config is None:
            config = self._read(project_file)
            for callback in self._on_load:
                callback(config)  # may raise: then the config is read again next time
            self._configs[project_file] = config
        return config

    def configs(self) -> list[Config]:
        """Every config read so far, in the order they were first needed."""
        return list(self._configs.values())

    def project_file(self, folder: Path) -> Path | None:
        """The project file that governs ``folder`` (memoised for it and every folder above)."""
        return find_project_config(folder, self._project_files)

    def _read(self, project_file: Path | None) -> Config:
        if project_file is None:
            config = Config(root=self._fallback_root)
        else:
            project_file = project_file.resolve()
            config = merge(
                Config(root=project_file.parent),
                read_config_file(project_file, self._rules, self._remember),
            )
        if self._explicit is not None:
            config = merge(config, read_config_file(self._explicit, self._rules, self._remember))
        return config
