"""Site dialects: which generator's syntax and renderer a document is written for.

A dialect is a small class declared by data, registered through the entry-point group
``contentlint.dialects`` (the built-in ones register the same way in our own packaging, so
a plugin dialect is a first-class citizen). It names the syntax extensions its generator
understands, the project files that mark one of its sites, the file extensions that mean it
when nothing else does, and facts about its renderer.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import ClassVar

from lint.dialects.syntax import Syntax

DIALECTS_GROUP = "contentlint.dialects"
#: The dialect of a file that nothing else decides.
DEFAULT_DIALECT = "markdown"


class Dialect:
    """A site generator's syntax and renderer.

    ``markers`` are names (``fnmatch`` patterns; a trailing ``/`` means a folder) whose
    presence in a folder makes it the root of one of this generator's sites; where one is
    present, ``detect`` may look closer (given the folder and the names it holds, folders
    with a trailing ``/``).
    In such a site the dialect applies to files with one of its ``extensions`` (lower case,
    with the dot); ``claims`` are the extensions that mean this dialect wherever a file is
    (``.qmd``), and that a site of another generator leaves to it unless it lists them.
    Where two dialects mark the same folder, the lower ``detection_order`` wins.
    """

    name: ClassVar[str]
    summary: ClassVar[str]
    syntax: ClassVar[tuple[Syntax, ...]]
    markers: ClassVar[tuple[str, ...]] = ()
    extensions: ClassVar[tuple[str, ...]] = ()
    claims: ClassVar[tuple[str, ...]] = ()
    detection_order: ClassVar[int] = 50
    #: The renderer turns ``--``, ``---`` and ``...`` into dashes and an ellipsis, and
    #: straight quotes into curly ones (Pandoc, Goldmark, kramdown, Astro's SmartyPants).
    typographer: ClassVar[bool] = False
    #: How the renderer turns a heading's text into its id (a scheme of
    #: :mod:`lint.site.slugs`: ``github``, ``pandoc``, ``python-markdown``, ``vitepress``).
    heading_ids: ClassVar[str] = "github"
    #: Where the generator serves a page and what a link names (a layout of
    #: :mod:`lint.site.layouts`: ``files``, ``quarto``, ``hugo``, ``jekyll``…).
    layout: ClassVar[str] = "files"
    #: The built-in front matter schema (``builtin:NAME``) detection gives the pages of one
    #: of its sites (inside the generator's content folder), if the generator has one.
    front_matter_schema: ClassVar[str | None] = None
    #: The extensions the generator compiles as MDX, where ``{/* … */}`` is the comment and
    #: ``<!-- -->`` does not compile (Docusaurus reads ``.md`` as MDX; Astro only ``.mdx``).
    mdx_extensions: ClassVar[tuple[str, ...]] = (".mdx",)

    @classmethod
    def is_partial(cls, path: PurePath) -> bool:
        """Whether a file is included into other pages rather than published on its own
        (by default a name starting with ``_``, except a section's ``_index``)."""
        return path.name.startswith("_") and path.stem != "_index"

    @classmethod
    def content_folder(cls, site_root: Path) -> Path | None:
        """The folder of a site whose pages get the built-in front matter schema (by
        default the layout's content folder: ``content/`` in Hugo, ``docs_dir`` in MkDocs,
        the site itself elsewhere); None: no page does."""
        from lint.site.layouts import layout_named

        return layout_named(cls.layout).content_root(site_root)

    @classmethod
    def generated_schema(cls, path: Path, site_root: Path) -> str | None:
        """A front matter schema the site's own tooling generated for ``path`` (a file's
        location), used instead of the built-in one; by default none."""
        return None

    @classmethod
    def resolves_references(cls, page: Path) -> bool:
        """Whether a reference link the page does not define (``[text][label]``) is resolved
        across the site when it is built, as MkDocs' autorefs do; by default not."""
        return False

    @classmethod
    def site_features(cls, page: Path) -> tuple[str, ...]:
        """What the page's site configuration turns on that changes how the page reads
        (MkDocs' Markdown extensions and plugins); part of a cached result's key. None by
        default: a generator whose syntax its config cannot change."""
        return ()

    @classmethod
    def syntax_for(cls, page: Path) -> tuple[Syntax, ...]:
        """The syntax of one page: the dialect's, and what its site's configuration adds."""
        return cls.syntax

    @classmethod
    def detect(cls, folder: Path, names: frozenset[str]) -> bool:
        """Whether ``folder``, which holds ``names`` and one of the markers, is the root of
        one of its sites (by default: yes)."""
        return True


__all__ = ["DEFAULT_DIALECT", "DIALECTS_GROUP", "Dialect", "Syntax"]
