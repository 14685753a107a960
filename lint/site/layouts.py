"""Where each site generator serves a page, and what a link in it may name: the folder its
content lives in, the addresses (routes) a source file is published at, and the source files
a link written as a file may mean (``page.html`` in Quarto is ``page.qmd``)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path, PurePosixPath
from typing import ClassVar

from lint.dialects.mkdocs import MKDOCS_CONFIGS

#: The extensions of pages (lower case).
PAGE_EXTENSIONS = (".md", ".markdown", ".mdx", ".qmd", ".rmd", ".ipynb")
_NUMBER_PREFIX = re.compile(r"^\d+\s*[-_.]+\s*(?=[^-_.\s])")
#: Names that start like a version or a date keep their numbers (Docusaurus' own rule).
_VERSION_OR_DATE = re.compile(r"^(?:v?\d+[-_.]\d+|(?:\d{2}|\d{4})[-_.]\d{2})")
_POST_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,9}$")
#: ``docs_dir`` in mkdocs.yml / zensical.yml (``docs_dir: src``) or zensical.toml
#: (``docs_dir = "src"``).
_DOCS_DIR = re.compile(r"(?m)^[ \t]*docs_dir[ \t]*[:=][ \t]*[\"']?([^\"'\s#]+)")


def extension_of(name: str) -> str:
    """A file name's extension, lower case; none for ``v1.2.0`` or ``0.75`` (versions in
    an address, not file types)."""
    found = _EXTENSION.search(name)
    return found[0].lower() if found and found.start() > 0 else ""


class Layout:
    """Plain files: a page is served at its path, a link names a file relative to the page
    (``/`` from the site's root), a folder means its ``index.md`` or ``README.md``."""

    name: ClassVar[str] = "files"
    #: The names a folder's own page has.
    index_names: ClassVar[tuple[str, ...]] = ("index", "README", "readme", "_index")
    #: Pages are served as folders (``/guide/intro/``), so a relative address in one
    #: starts from the page itself, not from the folder it is in.
    pretty_urls: ClassVar[bool] = False
    #: A link without an extension names a page's address (as in Hugo or Docusaurus),
    #: not a file (as in Quarto, where ``data`` is a file called ``data``).
    routes_are_pages: ClassVar[bool] = False
    #: Whether the routes computed here are all the generator's: where a site's config
    #: sets them (Jekyll's collections), an address that matches none is unknown.
    routes_known: ClassVar[bool] = True

    @classmethod
    def content_root(cls, site_root: Path) -> Path:
        return site_root

    @classmethod
    def book_chapters(cls, content_root: Path) -> tuple[Path, ...] | None:
        """The pages of a book whose labels every one of them may cross-reference (Quarto's
        ``project: type: book``); None where each page has its own."""
        return None

    @classmethod
    def file_candidates(cls, target: str, folder_link: bool) -> list[str]:
        """The source files a link to ``target`` (a normalised path, no fragment) may mean
        (strings: this runs for every link)."""
        candidates = [] if folder_link else [target]
        name = posixpath.basename(target)
        suffix = extension_of(name)
        if folder_link or not suffix:
            for extension in PAGE_EXTENSIONS:
                if not folder_link and name:
                    candidates.append(target + extension)
                candidates.extend(f"{target}/{index}{extension}" for index in cls.index_names)
        elif suffix in (".html", ".htm"):
            stem = target[: -len(suffix)]
            candidates.extend(stem + extension for extension in PAGE_EXTENSIONS)
            if posixpath.basename(stem) == "index":
                folder = posixpath.dirname(stem)
                candidates.extend(
                    f"{folder}/{index}{extension}"
                    for index in cls.index_names
                    for extension in PAGE_EXTENSIONS
                )
        return candidates

    @classmethod
    def routes(cls, relative: PurePosixPath, routing: Sequence[tuple[str, str]]) -> list[str]:
        """The addresses the page at ``relative`` (to the content root) is served at."""
        parts = [cls.route_part(part) for part in relative.with_suffix("").parts]
        if parts and relative.stem in cls.index_names:
            parts.pop()
        return ["/" + "/".join(part for part in parts if part)]

    @classmethod
    def route_part(cls, part: str) -> str:
        return part

    @classmethod
    def fallback_folders(cls, page: Path, content_root: Path) -> list[Path]:
        """Folders a relative file link is also looked up in when it is not beside the
        page (Docusaurus tries its docs folder)."""
        return []

    @classmethod
    def link_route(cls, address: str) -> str:
        """An address written in a link, as the routes of :meth:`routes` spell it."""
        return address

    @classmethod
    def adds_content(cls, page: Path, content_root: Path) -> bool:
        """Whether the generator's config adds content to the page that the index cannot
        see (Quarto's filters in a folder's ``_metadata.yml``)."""
        return False


class Quarto(Layout):
    """Quarto: ``page.qmd`` is served as ``page.html``; ``/`` is the project's root."""

    name: ClassVar[str] = "quarto"
    index_names: ClassVar[tuple[str, ...]] = ("index",)

    @classmethod
    def adds_content(cls, page: Path, content_root: Path) -> bool:
        return _filtered_folder(page.parent, content_root)

    @classmethod
    def book_chapters(cls, content_root: Path) -> tuple[Path, ...] | None:
        return _book_chapters(content_root)


#: A ``_quarto.yml`` larger than this is not read for its chapters.
MAX_PROJECT_FILE_BYTES = 1024 * 1024


#: The most chapter entries read from a book's project file.
MAX_CHAPTERS = 10_000


@cache
def _book_chapters(project_root: Path) -> tuple[Path, ...] | None:
    """The chapter and appendix files of a Quarto book (``project: type: book``), whose
    cross-references reach across chapters; None for a project that is not a book, or whose
    project file cannot be read (aliases that loop or explode are read once, up to a bound)."""
    data = _project_file(project_root)
    project = data.get("project") if isinstance(data, dict) else None
    book = data.get("book") if isinstance(data, dict) else None
    if not isinstance(project, dict) or project.get("type") != "book" or not isinstance(book, dict):
        return None
    files: list[Path] = []
    pending: list[object] = [book.get("chapters"), book.get("appendices")]
    seen: set[int] = set()
    read = 0
    while pending and read < MAX_CHAPTERS:
        entry = pending.pop()
        read += 1
        if isinstance(entry, (list, dict)):
            if id(entry) in seen:
                continue
            seen.add(id(entry))
            items = entry if isinstance(entry, list) else [entry.get(key) for key in _PARTS]
            pending.extend(items)
        elif isinstance(entry, str) and entry.lower().endswith(PAGE_EXTENSIONS):
            files.append(project_root / entry)
    return tuple(dict.fromkeys(files))


_PARTS = ("part", "chapters", "href", "file")


def forget_projects() -> None:
    """Forget what was read of Quarto projects' files (one changed)."""
    for memo in (_book_chapters, _filtered_folder, _has_filters):
        memo.cache_clear()


def _project_file(project_root: Path) -> object:
    """The data of a Quarto project's ``_quarto.yml`` (or ``_quarto.yaml``); None when it
    cannot be read."""
    import yaml

    for name in ("_quarto.yml", "_quarto.yaml"):
        path = project_root / name
        try:
            if path.stat().st_size > MAX_PROJECT_FILE_BYTES:
                return None
            return yaml.safe_load(path.read_text("utf-8"))
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError, ValueError, TypeError):
            return None
    return None


@cache
def _filtered_folder(folder: Path, content_root: Path) -> bool:
    """Whether a ``_metadata.yml`` at or above ``folder`` (below the root) runs filters."""
    if folder == content_root or folder == folder.parent:
        return False
    return _has_filters(folder / "_metadata.yml") or _filtered_folder(folder.parent, content_root)


_FILTERS = re.compile(r"(?m)^filters:")


@cache
def _has_filters(path: Path) -> bool:
    try:
        return _FILTERS.search(path.read_text("utf-8")) is not None
    except (OSError, UnicodeDecodeError):
        return False


class Hugo(Layout):
    """Hugo: content in ``content/``, pretty URLs (``/section/page/``), page bundles
    (``page/index.md``), section pages (``_index.md``), ``slug``, ``url`` and ``aliases``."""

    name: ClassVar[str] = "hugo"
    routes_are_pages: ClassVar[bool] = True
    pretty_urls: ClassVar[bool] = True
    index_names: ClassVar[tuple[str, ...]] = ("index", "_index")

    @classmethod
    def content_root(cls, site_root: Path) -> Path:
        content = site_root / "content"
        return content if content.is_dir() else site_root

    @classmethod
    def routes(cls, relative: PurePosixPath, routing: Sequence[tuple[str, str]]) -> list[str]:
        found = super().routes(relative, routing)
        for key, value in routing:
            if key == "url":
                found.append(value)
            elif key == "aliases":
                found.append(value if value.startswith("/") else f"{found[0]}/../{value}")
            elif key == "slug":
                found.append(f"{found[0].rsplit('/', 1)[0]}/{value}")
        return found


class Jekyll(Layout):
    """Jekyll: pages at their path as ``.html``, posts (``_posts/2024-01-02-title.md``) by
    their title, collections (``_tour/``) without the underscore, ``permalink`` over all."""

    name: ClassVar[str] = "jekyll"
    routes_known: ClassVar[bool] = False
    routes_are_pages: ClassVar[bool] = True
    index_names: ClassVar[tuple[str, ...]] = ("index",)

    @classmethod
    def routes(cls, relative: PurePosixPath, routing: Sequence[tuple[str, str]]) -> list[str]:
        parts = list(relative.parts)
        if parts and parts[0].startswith("_"):
            parts[0] = parts[0][1:]
        if parts and parts[0] == "posts":
            dated = _POST_DATE.match(PurePosixPath(parts[-1]).stem)
            if dated is not None:
                year, month, day, title = dated.groups()
                parts = [*parts[1:-1], year, month, day, title + ".md"]
        found = super().routes(PurePosixPath(*parts) if parts else relative, routing)
        found.extend(value for key, value in routing if key == "permalink")
        return found


class Docusaurus(Layout):
    """Docusaurus: ``docs/`` at ``/docs/``, other plugin folders at their name, the site in
    ``website/``; number prefixes (``01-intro``) dropped; ``slug`` and ``id`` over the file
    name; blog posts dated by their file name."""

    name: ClassVar[str] = "docusaurus"
    routes_are_pages: ClassVar[bool] = True
    index_names: ClassVar[tuple[str, ...]] = ("index", "README", "readme")

    @classmethod
    def routes(cls, relative: PurePosixPath, routing: Sequence[tuple[str, str]]) -> list[str]:
        parts = list(relative.parts)
        if parts and parts[0] == "website":
            parts = parts[1:]
        if len(parts) > 1 and parts[0] == "blog":
            dated = _POST_DATE.match(PurePosixPath(parts[-1]).stem)
            if dated is not None:
                year, month, day, title = dated.groups()
                parts = [*parts[:-1], year, month, day, title + ".md"]
        path = PurePosixPath(*parts) if parts else relative
        if parts and parts[0] == "blog":
            found = Layout.routes(path, routing)
        else:
            found = super().routes(path, routing)
        folder = found[0].rsplit("/", 1)[0] if path.stem not in cls.index_names else found[0]
        for key, value in routing:
            if key == "slug":
                plugin = "/" + parts[0] if parts else ""
                found.append(plugin + value if value.startswith("/") else f"{folder}/{value}")
            elif key == "id" and path.stem not in cls.index_names:
                found.append(f"{folder}/{value}")
        return found

    @classmethod
    def route_part(cls, part: str) -> str:
        return strip_number_prefix(part)

    @classmethod
    def fallback_folders(cls, page: Path, content_root: Path) -> list[Path]:
        try:
            parts = page.relative_to(content_root).parts
        except ValueError:
            return []
        plugin = 2 if parts[:1] == ("website",) else 1
        return [content_root.joinpath(*parts[:plugin])] if len(parts) > plugin else []


def strip_number_prefix(part: str) -> str:
    """``01-intro`` → ``intro``, but ``0.72-release`` and ``2024-01-notes`` as they are."""
    if _VERSION_OR_DATE.match(part):
        return part
    return _NUMBER_PREFIX.sub("", part)


class Numbered(Layout):
    """Next.js-style content folders: routes are paths with number prefixes dropped."""

    name: ClassVar[str] = "numbered"
    routes_are_pages: ClassVar[bool] = True

    @classmethod
    def route_part(cls, part: str) -> str:
        return strip_number_prefix(part)


class Mkdocs(Layout):
    """MkDocs and Zensical: content in ``docs_dir`` (``docs/``), ``page.md`` served at ``page/``."""

    name: ClassVar[str] = "mkdocs"
    routes_are_pages: ClassVar[bool] = True
    pretty_urls: ClassVar[bool] = True
    index_names: ClassVar[tuple[str, ...]] = ("index", "README")

    @classmethod
    def content_root(cls, site_root: Path) -> Path:
        for name in MKDOCS_CONFIGS:
            config = site_root / name
            try:
                text = config.read_text("utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            found = _DOCS_DIR.search(text)
            folder = site_root / (found[1] if found else "docs")
            if folder.is_dir():
                return folder
        return site_root


class Vitepress(Layout):
    """VitePress: the folder beside ``.vitepress/``; ``/guide/page`` is ``guide/page.md``."""

    name: ClassVar[str] = "vitepress"
    routes_are_pages: ClassVar[bool] = True
    index_names: ClassVar[tuple[str, ...]] = ("index",)


class Starlight(Layout):
    """Astro Starlight: content in ``src/content/docs/``, routes lower-cased."""

    name: ClassVar[str] = "starlight"
    routes_are_pages: ClassVar[bool] = True
    pretty_urls: ClassVar[bool] = True
    index_names: ClassVar[tuple[str, ...]] = ("index",)

    @classmethod
    def content_root(cls, site_root: Path) -> Path:
        content = site_root / "src" / "content" / "docs"
        return content if content.is_dir() else site_root

    @classmethod
    def routes(cls, relative: PurePosixPath, routing: Sequence[tuple[str, str]]) -> list[str]:
        found = super().routes(relative, routing)
        found.extend(f"/{value.strip('/')}" for key, value in routing if key == "slug")
        return found

    @classmethod
    def route_part(cls, part: str) -> str:
        return part.lower().replace(" ", "-")


class Mdn(Layout):
    """MDN: ``/en-US/docs/Web/API`` is ``web/api/index.md``, matched without case."""

    name: ClassVar[str] = "mdn"
    routes_are_pages: ClassVar[bool] = True
    index_names: ClassVar[tuple[str, ...]] = ("index",)

    @classmethod
    def route_part(cls, part: str) -> str:
        return part.lower()

    @classmethod
    def link_route(cls, address: str) -> str:
        parts = address.split("/")
        # /en-US/docs/Web/API → web/api
        if len(parts) > 2 and parts[2].lower() == "docs":
            parts = ["", *parts[3:]]
        return "/".join(parts).lower()


LAYOUTS: dict[str, type[Layout]] = {
    layout.name: layout
    for layout in (
        Layout,
        Quarto,
        Hugo,
        Jekyll,
        Docusaurus,
        Numbered,
        Mkdocs,
        Vitepress,
        Starlight,
        Mdn,
    )
}


def layout_named(name: str) -> type[Layout]:
    return LAYOUTS.get(name, Layout)
