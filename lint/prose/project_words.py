"""The words of a page's project that no dictionary holds: the names in its project files
(``_quarto.yml``, ``mkdocs.yml``, ``DESCRIPTION``, ``pyproject.toml``, ``package.json`` …),
the names of the folders from the project's root down to the page, and the words of the code
the project's pages show. A package's docs write its own name (``chatlas``, ``purrr``) in
prose all the time; its config and its code write it too."""

from __future__ import annotations

import fnmatch
import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lint.document import EXTENSIONS, NOT_CONTENT_FOLDERS
from lint.prose.vocabulary import code_of_markdown, code_words

#: Files that say what a project is called (site generators' configs, package manifests).
PROJECT_FILE_PATTERNS = (
    "_quarto.yml", "_quarto.yaml", "_pkgdown.yml", "_pkgdown.yaml", "_bookdown.yml",
    "mkdocs.yml", "mkdocs.yaml", "zensical.toml", "zensical.yml", "zensical.yaml",
    "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
    "_config.yml", "_config.yaml", "_config.toml",
    "docusaurus.config.*", "astro.config.*", "book.toml",
    "DESCRIPTION", "pyproject.toml", "setup.cfg", "package.json", "Cargo.toml",
)  # fmt: skip
#: Folders whose config is a project file too (``.vitepress/config.mts``).
_CONFIG_FOLDERS = (".vitepress", ".docusaurus")
#: A project file larger than this is not read (a generated one says nothing more), nor a
#: page larger than ``MOST_PAGE_BYTES``.
MAX_PROJECT_FILE_BYTES = 256 * 1024
#: Pages read for their code, at most, and how much of each.
MOST_PAGES = 3000
MOST_PAGE_BYTES = 256 * 1024
#: Folders walked for pages, at most (a project file in a home folder must not walk it all).
MOST_FOLDERS = 3000


@dataclass(frozen=True)
class ProjectWords:
    """A project's own words (case-folded) and a digest of them, for the results cache."""

    root: Path | None
    words: frozenset[str]
    digest: str

    @classmethod
    def of(cls, root: Path | None, words: frozenset[str]) -> ProjectWords:
        text = "\n".join(sorted(words))
        return cls(root, words, hashlib.sha256(text.encode("utf-8")).hexdigest()[:16])


NO_PROJECT = ProjectWords.of(None, frozenset())


def project_words_for(page: Path) -> ProjectWords:
    """The project words of the page at ``page`` (a path as the run names it); none for a
    page that is not on disk (a text checked by itself has no project)."""
    if not page.is_file():
        return NO_PROJECT
    return _words_for_folder(page.absolute().parent)


@lru_cache(maxsize=4096)
def _words_for_folder(folder: Path) -> ProjectWords:
    """The project's words and the names of the folders down to ``folder`` (once a folder)."""
    found = _project_of(folder)
    names = frozenset(_folder_names(folder, found.root))
    if names <= found.words:
        return found
    # The digest of the project's words, and of the names: not all of them sorted again.
    digest = hashlib.sha256(f"{found.digest} {sorted(names)}".encode()).hexdigest()[:16]
    return ProjectWords(found.root, found.words | names, digest)


def forget_project_words() -> None:
    """Read every project again (a language server's files changed on disk)."""
    for memo in (_words_for_folder, _project_of, _project_at):
        memo.cache_clear()


def _folder_names(folder: Path, root: Path | None) -> list[str]:
    """The words of the folder names from the project's root down to ``folder`` (without a
    root, of ``folder``'s own name)."""
    top = root if root is not None and (root == folder or root in folder.parents) else folder
    parts = [top.name, *folder.relative_to(top).parts]
    return [word.casefold() for part in parts for word in code_words(part)]


@lru_cache(maxsize=4096)
def _project_of(folder: Path) -> ProjectWords:
    """The project around ``folder``: the nearest folder at or above it with a project file
    (else its git repository's root), with the words of its project files (and of those of
    the repository's root) and of its pages' code (read once per project, however many of
    its folders ask)."""
    root, files = _root_and_files(folder)
    if root is None:
        return NO_PROJECT
    return _project_at(root, tuple(files))


@lru_cache(maxsize=64)
def _project_at(root: Path, files: tuple[Path, ...]) -> ProjectWords:
    words: set[str] = set()
    for path in files:
        words.update(_words_of_file(path))
    words.update(_page_code_words(root))
    return ProjectWords.of(root, frozenset(words))


def _root_and_files(folder: Path) -> tuple[Path | None, list[Path]]:
    root: Path | None = None
    files: list[Path] = []
    for current in (folder, *folder.parents):
        names = _names(current)
        own = _project_files(current, names)
        if own and root is None:
            root = current
            files.extend(own)
        if ".git" in names:  # the repository's root: its files say what it is called too
            if root is None:
                root = current
            elif current != root:
                files.extend(own)
            break
    return root, files


def _names(folder: Path) -> set[str]:
    try:
        return {entry.name for entry in folder.iterdir()}
    except OSError:
        return set()


def _project_files(folder: Path, names: set[str]) -> list[Path]:
    found = [
        folder / name
        for name in sorted(names)
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in PROJECT_FILE_PATTERNS)
    ]
    for config_folder in _CONFIG_FOLDERS:
        if config_folder in names:
            inner = folder / config_folder
            found.extend(inner / name for name in sorted(_names(inner))
                         if name.startswith("config."))  # fmt: skip
    return found


def _text_of(path: Path, limit: int) -> str | None:
    """The text of a regular file of at most ``limit`` bytes (a pipe or a device named like
    a page is never opened to wait on), else None."""
    from lint.reading import ReadRefused, read_document

    try:
        return read_document(path, limit).decode("utf-8", "replace")
    except (OSError, ReadRefused):
        return None


#: A project file's key that names the project and its value (``name = "griffe"``,
#: ``title: chatlas``, ``Package: purrr``, ``{"name": "redux"}``).
_NAME_LINE = re.compile(
    r"(?:^|[{,])\s*[\"']?(?:name|title|site_name|repo_name|package|projectName)[\"']?\s*[:=]"
    r"\s*([^,\n}]+)",
    re.IGNORECASE | re.MULTILINE,
)
#: A token of code in a project file: an address, a dotted, slashed or snake_case name
#: (``github.com/posit-dev/chatlas``, ``plugins.mkdocstrings``, ``pymdownx.snippets``).
_CODE_TOKEN = re.compile(r"\S*[/._@]\S*")


def _words_of_file(path: Path) -> set[str]:
    """The words of a project file's names and code: the values of its name keys, its
    addresses and dotted names and the packages it depends on, not its prose (a navigation
    title or a description)."""
    text = _text_of(path, MAX_PROJECT_FILE_BYTES)
    if text is None:
        return set()
    pieces = [found[1] for found in _NAME_LINE.finditer(text)]
    pieces.extend(found[0] for found in _CODE_TOKEN.finditer(text))
    pieces.extend(dependencies(path.name, text))
    return {word.casefold() for piece in pieces for word in code_words(piece)}


#: An R package's fields that list the packages it uses (``Imports: magrittr (>= 1.5),``),
#: with their continuation lines.
_R_DEPENDENCY_FIELDS = re.compile(
    r"^(?:Depends|Imports|Suggests|LinkingTo|Enhances):((?:.*)(?:\n[ \t].*)*)", re.MULTILINE
)
#: A package's name at the start of a requirement (``jsonschema>=4``, ``magrittr (>= 1.5)``).
_PACKAGE_NAME = re.compile(r"\s*(@?[A-Za-z0-9][\w.@/-]*)")
_NODE_DEPENDENCY_KEYS = ("dependencies", "devDependencies", "peerDependencies")


def dependencies(file_name: str, text: str) -> list[str]:
    """The names of the packages a manifest depends on: an R package's ``DESCRIPTION``,
    ``package.json``, ``pyproject.toml``. A page of the project names them in its prose
    (``magrittr``, ``clsx``, ``jsonschema``) without showing them in code."""
    requirements: list[str] = []
    if file_name == "DESCRIPTION":
        for field in _R_DEPENDENCY_FIELDS.finditer(text):
            requirements.extend(field[1].split(","))
    elif file_name == "package.json":
        requirements.extend(_node_dependencies(text))
    elif file_name == "pyproject.toml":
        requirements.extend(_python_dependencies(text))
    names = (_PACKAGE_NAME.match(requirement) for requirement in requirements)
    return [found[1] for found in names if found is not None]


def _node_dependencies(text: str) -> list[str]:
    import json

    try:
        data = json.loads(text)
    except ValueError:
        return []
    if not isinstance(data, dict):
        return []
    found = [data.get(key) for key in _NODE_DEPENDENCY_KEYS]
    return [str(name) for table in found if isinstance(table, dict) for name in table]


def _python_dependencies(text: str) -> list[str]:
    import tomllib

    try:
        project = tomllib.loads(text).get("project")
    except (tomllib.TOMLDecodeError, ValueError):
        return []
    if not isinstance(project, dict):
        return []
    lists = [project.get("dependencies")]
    optional = project.get("optional-dependencies")
    if isinstance(optional, dict):
        lists.extend(optional.values())
    return [str(item) for listed in lists if isinstance(listed, list) for item in listed]


def _page_code_words(root: Path) -> set[str]:
    """The words of the code blocks and inline code of the pages under ``root``."""
    words: set[str] = set()
    read = 0
    for walked, (folder, subfolders, files) in enumerate(os.walk(root)):
        if walked >= MOST_FOLDERS:
            break
        subfolders[:] = sorted(
            name for name in subfolders if name not in NOT_CONTENT_FOLDERS and name[:1] != "."
        )
        for name in sorted(files):
            if not name.lower().endswith(EXTENSIONS):
                continue
            if read >= MOST_PAGES:
                return words
            read += 1
            text = _text_of(Path(folder) / name, MOST_PAGE_BYTES)
            if text is not None:
                words.update(word.casefold() for word in code_words(code_of_markdown(text)))
    return words
