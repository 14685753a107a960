"""Which front matter schema detection gives a page: its generator's built-in schema (or, in an
Astro project, the schema Astro generated for the page's content collection), inside the
site's content folder and nowhere else (templates, includes and build output are not pages)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lint.dialects import Dialect
from lint.dialects.mkdocs import MKDOCS_CONFIGS
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
    # Plain string work: this runs for every file of a run.
    text = str(path) if path.is_absolute() else os.path.abspath(path)  # noqa: PTH100 - strings
    prefix = content.rstrip(os.sep) + os.sep
    if not text.startswith(prefix):
        return None
    if any(part in NOT_CONTENT for part in text[len(prefix) :].split(os.sep)[:-1]):  # noqa: PTH206
        return None
    return BUILTIN_PREFIX + dialect.front_matter_schema


def _site_root(path: Path, choice: Choice, config_root: Path) -> Path:
    """The site's root: the folder its marker is in; else (a dialect set in the config) the
    config's folder, if the page is inside it; else the page's own folder."""
    if choice.root is not None:
        return Path(choice.root)
    text, root = str(path), str(config_root).rstrip(os.sep) + os.sep
    return config_root if text.startswith(root) else path.parent


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
            pages = _pages_glob(folder, site_root / "src" / "content" / name)
            if pages is not None:
                schemas.append((pages, _relative(schema, folder)))
    content = _content_folder(dialect, str(site_root))
    if dialect.front_matter_schema is not None and content is not None:
        pages = _pages_glob(folder, Path(content))
        if pages is not None and all(pages != glob for glob, _ in schemas):
            schemas.append((pages, BUILTIN_PREFIX + dialect.front_matter_schema))
    marker = choice.reason.removesuffix(f" in {choice.root}")
    reason = f"{marker} in {_relative(site_root, folder)}"
    return DetectedSite(dialect.name, reason, tuple(schemas))


def _pages_glob(folder: Path, content: Path) -> str | None:
    """``content/**`` for a content folder inside ``folder``, ``**`` for one that holds
    ``folder``, None for one elsewhere (a sibling collection)."""
    if folder == content or folder.is_relative_to(content):
        return "**"
    if content.is_relative_to(folder):
        return f"{_relative(content, folder)}/**"
    return None


def _relative(path: Path, folder: Path) -> str:
    return os.path.relpath(path, folder).replace(os.sep, "/")


#: Project files whose change can change what detection picks (the language server reloads).
SITE_FILES = frozenset({"_quarto.yml", "_quarto.yaml", *MKDOCS_CONFIGS})


def changes_detection(path: Path) -> bool:
    """Whether a change to ``path`` can change a detected schema or a book's chapters."""
    return path.name in SITE_FILES or (
        path.name.endswith(".schema.json") and path.parent.parts[-2:] == (".astro", "collections")
    )


def forget_detection() -> None:
    """Forget what was read of the sites' project files (they changed)."""
    from lint.dialects.starlight import forget_collections
    from lint.site.layouts import forget_projects

    _CONTENT_FOLDERS.clear()
    forget_collections()
    forget_projects()
