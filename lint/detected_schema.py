"""Which front matter schema detection gives a page: its generator's built-in schema (or, in an
Astro project, the schema Astro generated for the page's content collection), inside the
site's content folder and nowhere else (templates, includes and build output are not pages)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lint.dialects import Dialect
from lint.dialects.resolve import Choice, DialectResolver

#: Folders of a site that hold no pages: build output, templates, includes, dependencies.
NOT_CONTENT = frozenset(
    {
        "node_modules",
        "vendor",
        "_site",
        "_book",
        "_freeze",
        "_extensions",
        "_includes",
        "_layouts",
        "_sass",
        "_data",
        "archetypes",
        "layouts",
        "themes",
    }
)
BUILTIN_PREFIX = "builtin:"


def detected_schema(path: Path, choice: Choice, config_root: Path) -> str | None:
    """The schema location (``builtin:NAME`` or a file) detection gives ``path``, if any."""
    dialect = choice.dialect
    if dialect.front_matter_schema is None or dialect.is_partial(path):
        return None
    site_root = _site_root(path, choice, config_root)
    generated = dialect.generated_schema(path, site_root)
    if generated is not None:
        return generated
    content = _content_folder(dialect, str(site_root))
    if content is None:
        return None
    relative = os.path.relpath(path, content)
    parts = relative.replace(os.sep, "/").split("/")
    if parts[0] == ".." or any(part in NOT_CONTENT for part in parts[:-1]):
        return None
    return BUILTIN_PREFIX + dialect.front_matter_schema


def _site_root(path: Path, choice: Choice, config_root: Path) -> Path:
    """The site's root: the folder its marker is in; else (a dialect set in the config) the
    config's folder, if the page is inside it; else the page's own folder."""
    if choice.root is not None:
        return Path(choice.root)
    if path.is_relative_to(config_root):
        return config_root
    return path.parent


#: (dialect, site root) → the site's content folder, looked up once.
_CONTENT_FOLDERS: dict[tuple[str, str], str | None] = {}


def _content_folder(dialect: type[Dialect], site_root: str) -> str | None:
    key = (dialect.name, site_root)
    if key not in _CONTENT_FOLDERS:
        folder = dialect.content_folder(Path(site_root))
        _CONTENT_FOLDERS[key] = None if folder is None else str(folder)
    return _CONTENT_FOLDERS[key]


@dataclass(frozen=True)
class DetectedSite:
    """What detection finds for a folder (for ``contentlint init``): the generator, the
    marker that told, and the schema of each glob of pages (relative to the folder)."""

    dialect: str
    reason: str
    schemas: tuple[tuple[str, str], ...]


def detect_site(folder: Path, dialects: Mapping[str, type[Dialect]]) -> DetectedSite | None:
    """The site whose root is ``folder`` or above it, if a generator's marker says so."""
    choice = DialectResolver(dialects).choose(folder / "index.md")
    if choice.root is None:
        return None
    dialect, site_root = choice.dialect, Path(choice.root)
    schemas: list[tuple[str, str]] = []
    collections = site_root / ".astro" / "collections"
    if collections.is_dir():
        for schema in sorted(collections.glob("*.schema.json")):
            name = schema.name.removesuffix(".schema.json")
            pages = _glob_below(folder, site_root / "src" / "content" / name)
            schemas.append((pages, _relative(schema, folder)))
    content = _content_folder(dialect, str(site_root))
    if dialect.front_matter_schema is not None and content is not None:
        pages = _glob_below(folder, Path(content))
        if all(pages != glob for glob, _ in schemas):
            schemas.append((pages, BUILTIN_PREFIX + dialect.front_matter_schema))
    marker = choice.reason.removesuffix(f" in {choice.root}")
    reason = f"{marker} in {_relative(site_root, folder)}"
    return DetectedSite(dialect.name, reason, tuple(schemas))


def _glob_below(folder: Path, content: Path) -> str:
    """``content/**`` for a content folder inside ``folder``; ``**`` for one at or above it."""
    relative = _relative(content, folder)
    return "**" if relative == "." or relative.startswith("..") else f"{relative}/**"


def _relative(path: Path, folder: Path) -> str:
    return os.path.relpath(path, folder).replace(os.sep, "/")
