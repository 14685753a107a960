"""The site index: every page of the sites a run touches, the routes each generator serves
them at, and what a link from one page resolves to (a page, a file, nothing, or something
the index cannot know)."""

from __future__ import annotations

import bisect
import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from lint.document import NOT_CONTENT_FOLDERS
from lint.listings import names_of, walk
from lint.site.facts import PageFacts
from lint.site.layouts import PAGE_EXTENSIONS, Layout, extension_of
from lint.suggest import closest

if TYPE_CHECKING:
    from lint.site.urls import UrlResult

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
#: Hugo's ``{{< ref "x" >}}`` / ``{{< relref "x" >}}`` (also with ``%``) as a link target.
_HUGO_REF = re.compile(r"""^\{\{[<%]\s*(rel)?ref\s+["']?([^"'\s>%]+)["']?\s*[>%]\}\}(#.*)?$""")
#: Jekyll's ``{% link path %}`` and ``{% post_url name %}``.
_JEKYLL_LINK = re.compile(r"^\{%-?\s*link\s+(\S+?)\s*-?%\}(.*)$")
_JEKYLL_POST = re.compile(r"^\{%-?\s*post_url\s+(\S+?)\s*-?%\}(.*)$")
#: ``{{ site.baseurl }}``, ``{{ '/x' | relative_url }}``: the site's own root.
_JEKYLL_BASE = re.compile(r"^\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}")
_TEMPLATE = re.compile(r"\{\{|\{%|\$\{|^\{")
#: At most this many names are compared for a did-you-mean.
_MOST_CHOICES = 2000
#: Extensions of a link that names a page or an address rather than some other file.
_ADDRESS_EXTENSIONS = frozenset((*PAGE_EXTENSIONS, ".html", ".htm"))
#: Fragments every page has.
_BUILT_IN_FRAGMENTS = frozenset({"", "top"})


class Status(Enum):
    FOUND = "found"
    BROKEN = "broken"
    #: The index cannot tell (a template, an address the generator's config decides).
    UNKNOWN = "unknown"
    EXTERNAL = "external"


@dataclass(frozen=True)
class Resolution:
    status: Status
    #: The file the link lands on, when found (a page or any other file).
    path: Path | None = None
    fragment: str | None = None
    #: What the link names, for the message, and the closest existing target.
    wanted: str = ""
    suggestion: str | None = None


@dataclass
class SitePage:
    """Where a page sits: its file, its layout and the folder its site's content is in."""

    path: Path
    layout: type[Layout]
    content_root: Path


FactsFor = Callable[[Path], PageFacts | None]
#: The front matter values that move a page (``slug``, ``permalink``…), read cheaply.
RoutingFor = Callable[[Path], tuple[tuple[str, str], ...]]


@dataclass
class SiteIndex:
    """Resolves links between the pages of a run and the files beside them."""

    facts_for: FactsFor
    routing_for: RoutingFor
    #: Where any page sits (its layout and content root).
    place_of: Callable[[Path], SitePage]
    #: Whether a link to a file that is not a page must find it (off: such a target is
    #: unknown, as in copies of sites without their images).
    check_files: bool = True
    #: What each external URL answered, when the run checks them (``--check-urls``).
    urls: dict[str, UrlResult] = field(default_factory=dict)
    _exists: dict[str, bool] = field(default_factory=dict)
    _listing: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _names: dict[str, frozenset[str]] = field(default_factory=dict)
    _routes: dict[Path, dict[str, Path]] = field(default_factory=dict)
    _route_folders: dict[Path, set[str]] = field(default_factory=dict)
    _anchors: dict[Path, frozenset[str] | None] = field(default_factory=dict)
    _suggestions: dict[tuple[str, str, Path], str | None] = field(default_factory=dict)
    _resolved: dict[tuple[Path, str], Resolution] = field(default_factory=dict)
    #: What a path from the site root resolves to (the same for every page of a site).
    _from_root: dict[tuple[Path, type[Layout], str], Resolution] = field(default_factory=dict)
    _files: dict[tuple[str, bool, type[Layout]], Path | None] = field(default_factory=dict)
    _by_folder: dict[Path, dict[str, list[str]]] = field(default_factory=dict)

    def forget_memos(self) -> None:
        """Forget what was resolved and read of the file system (a page or file changed)."""
        memos = (self._exists, self._listing, self._names, self._anchors, self._resolved)
        for memo in (*memos, self._suggestions, self._from_root, self._files):
            memo.clear()

    def forget_routes(self) -> None:
        """Forget every site's routes (a page was added, removed or moved)."""
        for memo in (self._routes, self._route_folders, self._by_folder):
            memo.clear()

    def resolve(self, page: SitePage, target: str) -> Resolution:
        """What ``target``, written in ``page``, lands on (each link is asked about by
        several rules: resolved once)."""
        key = (page.path, target)
        known = self._resolved.get(key)
        if known is None:
            resolved = self._resolve(page, target)
            assert resolved is not None  # only an early resolution stops short
            known = self._resolved[key] = resolved
        return known

    def resolve_early(self, page: SitePage, target: str) -> None:
        """Resolve now, while other pages are still being checked, a link whose answer
        needs no other page: a fragment of its own page, an external URL, a file that
        exists. What needs the whole site waits for ``resolve``."""
        key = (page.path, target)
        if key in self._resolved or "{" in target:
            return
        found = self._resolve(page, target, early=True)
        if found is not None:
            self._resolved[key] = found

    def _resolve(self, page: SitePage, target: str, early: bool = False) -> Resolution | None:
        target = target.strip()
        if target.startswith("//") or _SCHEME.match(target):
            return Resolution(Status.EXTERNAL)
        rewritten = self._templates(page, target)
        if rewritten is None:
            return Resolution(Status.UNKNOWN)
        target, from_root = rewritten
        path_part, _, fragment = target.partition("#")
        path_part = path_part.split("?", 1)[0]
        if not path_part:
            return Resolution(Status.FOUND, page.path, fragment)
        return self._resolve_path(page, path_part, fragment, from_root, early)

    def _templates(self, page: SitePage, target: str) -> tuple[str, bool] | None:
        """The target with a generator's link template read (Hugo's ``ref``, Jekyll's
        ``link`` and ``post_url``, ``{{ site.baseurl }}``), and whether it is from the site
        root; None for any other template (its value is known only when rendered)."""
        if "{" not in target:  # every template has a brace; most links have none
            return target, target.startswith("/")
        hugo = _HUGO_REF.match(target)
        if hugo is not None:
            _, path, fragment = hugo.groups()
            # Relative to the page first, then from the content root.
            if not path.startswith("/") and not self._hugo_relative(page, path):
                path = "/" + path
            return path + (fragment or ""), path.startswith("/")
        jekyll = _JEKYLL_LINK.match(target)
        if jekyll is not None:
            return "/" + jekyll[1].lstrip("/") + jekyll[2], True
        post = _JEKYLL_POST.match(target)
        if post is not None:
            found = self._post(page, post[1])
            if found is None:
                return f"/_posts/{post[1]}.md{post[2]}", True  # reported as the post it names
            relative = found.relative_to(page.content_root).as_posix()
            return f"/{relative}{post[2]}", True
        base = _JEKYLL_BASE.match(target)
        if base is not None:
            target = "/" + target[base.end() :].lstrip("/")
        if _TEMPLATE.search(target):
            return None
        return target, target.startswith("/")

    def _hugo_relative(self, page: SitePage, path: str) -> bool:
        target = posixpath.normpath(f"{page.path.parent}/{path}")
        return any(
            self.exists(candidate)
            for candidate in page.layout.file_candidates(target, path.endswith("/"))
        )

    def _post(self, page: SitePage, name: str) -> Path | None:
        posts = page.content_root / "_posts"
        for folder, _, files in os.walk(posts):
            for file_name in files:
                if PurePosixPath(file_name).stem == PurePosixPath(name).name:
                    return Path(folder) / file_name
        return None

    def _resolve_path(
        self, page: SitePage, path_part: str, fragment: str, from_root: bool, early: bool
    ) -> Resolution | None:
        if not path_part.startswith("/"):
            return self._resolve_on_disk(page, path_part, fragment, early)
        # A path from the root means the same on every page of the site: resolved once,
        # however many pages link to it (MDN's pages link to the same references).
        key = (page.content_root, page.layout, path_part)
        known = self._from_root.get(key)
        if known is None:
            known = self._resolve_on_disk(page, path_part, "", early)
            if known is None:
                return None  # early, and only the whole site can tell
            self._from_root[key] = known
        return replace(known, fragment=fragment) if known.status is Status.FOUND else known

    def _resolve_on_disk(
        self, page: SitePage, path_part: str, fragment: str, early: bool
    ) -> Resolution | None:
        root = page.content_root
        folder_link = path_part.endswith("/")
        if path_part.startswith("/"):
            base = f"{root}/{path_part.lstrip('/')}"
        else:
            base = f"{page.path.parent}/{path_part}"
        normal = posixpath.normpath(base)
        found_file = self._file(normal, folder_link, page.layout)
        if found_file is None and not path_part.startswith("/"):
            for folder in page.layout.fallback_folders(page.path, root):
                moved = posixpath.normpath(f"{folder}/{path_part}")
                found_file = self._file(moved, folder_link, page.layout)
                if found_file is not None:
                    break
        if found_file is not None:
            return Resolution(Status.FOUND, found_file, fragment)
        if early:
            return None
        suffix = extension_of(posixpath.basename(path_part.rstrip("/")))
        if (
            not self.check_files
            and suffix
            and suffix not in _ADDRESS_EXTENSIONS
            and not path_part.endswith("/")
        ):
            return Resolution(Status.UNKNOWN)  # a file that is not a page: not checked
        route = self._route_of(page, path_part)
        # A link that names a source file (``page.md``) must find the file; only an address
        # is looked up among the routes.
        names_a_page = extension_of(posixpath.basename(path_part.rstrip("/"))) in PAGE_EXTENSIONS
        found = None if names_a_page else self.routes(root, page.layout).get(route)
        if found is not None:
            return Resolution(Status.FOUND, found, fragment)
        return self._not_found(page, PurePosixPath(normal), route, path_part)

    def _file(self, target: str, folder_link: bool, layout: type[Layout]) -> Path | None:
        key = (target, folder_link, layout)
        if key in self._files:
            return self._files[key]
        candidates = layout.file_candidates(target, folder_link)
        found = None
        # Characters, not path parts: "guide" begins "guide.md" and "guide/index.md".
        if self._may_exist(os.path.commonprefix(candidates)):  # noqa: RUF071
            found = next((Path(path) for path in candidates if self.exists(path)), None)
        self._files[key] = found
        return found

    def _may_exist(self, prefix: str) -> bool:
        """Whether any file's path may start with ``prefix``: a name in its folder does (a
        link to a page the site does not have is ruled out with one look at its folder)."""
        folder, start = os.path.split(prefix)
        if not folder or not start:
            return True
        names = self.listing(folder)
        at = bisect.bisect_left(names, start)
        return at < len(names) and names[at].startswith(start)

    def _route_of(self, page: SitePage, path_part: str) -> str:
        """The route a link names: from the site root, or from the page's own address."""
        if path_part.startswith("/"):
            return normal_route(page.layout.link_route(path_part))
        try:
            relative = PurePosixPath(page.path.relative_to(page.content_root).as_posix())
        except ValueError:
            relative = PurePosixPath(page.path.name)
        own = page.layout.routes(relative, ())[0]
        # Pretty URLs: a page is a folder (``/a/b/``), so ``../c/`` is a sibling of b.
        base = own if page.layout.pretty_urls else posixpath.dirname(own)
        return normal_route(posixpath.join(base + "/", path_part))

    def _not_found(
        self, page: SitePage, target: PurePosixPath, route: str, path_part: str
    ) -> Resolution:
        if self.is_folder(str(target)):
            # A folder with no page of its own: many generators list it (Hugo's sections,
            # Docusaurus' generated indexes); the index cannot tell.
            return Resolution(Status.UNKNOWN)
        suffix = extension_of(posixpath.basename(path_part.rstrip("/")))
        wanted = path_part
        if suffix in PAGE_EXTENSIONS:
            return Resolution(
                Status.BROKEN, wanted=wanted, suggestion=self._suggest(target, route, page)
            )
        file_like = not page.layout.routes_are_pages and not path_part.endswith("/")
        if (suffix or file_like) and suffix not in (".html", ".htm"):
            if not self.check_files:
                return Resolution(Status.UNKNOWN)
            return Resolution(
                Status.BROKEN, wanted=wanted, suggestion=self._suggest(target, route, page)
            )
        # An address: broken only where the index knows the folder it points into (a
        # section of the site); elsewhere the generator's config may serve it.
        parent = posixpath.dirname(route.rstrip("/")) or "/"
        folders = self._route_folders.get(page.content_root, set())
        if route in folders or not page.layout.routes_known:
            # A section's own list page (generated), or an address the config decides.
            return Resolution(Status.UNKNOWN)
        known_folder = parent != "/" and (parent in folders or self.is_folder(str(target.parent)))
        if known_folder:
            return Resolution(
                Status.BROKEN, wanted=wanted, suggestion=self._suggest(target, route, page)
            )
        return Resolution(Status.UNKNOWN)

    def _suggest(self, target: PurePosixPath, route: str, page: SitePage) -> str | None:
        key = (str(target), route, page.content_root)
        if key not in self._suggestions:
            self._suggestions[key] = self._closest(target, route, page)
        return self._suggestions[key]

    def _closest(self, target: PurePosixPath, route: str, page: SitePage) -> str | None:
        """The existing file beside the target, else the sibling route, most like it."""
        names = self.listing(str(target.parent))
        if names:
            match = closest(target.name, names[:_MOST_CHOICES], cutoff=0.75)
            if match is not None or extension_of(target.name):
                return match  # a file is named: another file, never an address
        siblings = self.siblings(page, route)
        return closest(route, siblings[:_MOST_CHOICES], cutoff=0.75) if siblings else None

    def siblings(self, page: SitePage, route: str) -> list[str]:
        """The routes in the same folder as ``route``."""
        folder = posixpath.dirname(route)
        by_folder = self._by_folder.get(page.content_root)
        if by_folder is None:
            by_folder = self._by_folder[page.content_root] = {}
            for known in self.routes(page.content_root, page.layout):
                by_folder.setdefault(posixpath.dirname(known), []).append(known)
        return by_folder.get(folder, [])

    def exists(self, path: str) -> bool:
        """Whether ``path`` (normalised) exists: looked up in its folder's listing, read
        once, so that the candidates of every link cost no system call each."""
        known = self._exists.get(path)
        if known is None:
            folder, name = os.path.split(path)
            if name:
                if folder not in self._names:
                    self._names[folder] = frozenset(self.listing(folder))
                known = name in self._names[folder]
            else:
                known = os.path.exists(path)  # noqa: PTH110 - the root: once
            self._exists[path] = known
        return known

    def is_folder(self, path: str) -> bool:
        return self.exists(path) and os.path.isdir(path)  # noqa: PTH112 - strings

    def listing(self, folder: str) -> tuple[str, ...]:
        names = self._listing.get(folder)
        if names is None:
            names = self._listing[folder] = tuple(sorted(n.rstrip("/") for n in names_of(folder)))
        return names

    def routes(self, content_root: Path, layout: type[Layout]) -> dict[str, Path]:
        """route → page of every page under ``content_root`` (read once per site)."""
        routes = self._routes.get(content_root)
        if routes is not None:
            return routes
        routes = self._routes[content_root] = {}
        folders = self._route_folders.setdefault(content_root, set())
        top = str(content_root)
        prefix = top if top.endswith(os.sep) else top + os.sep  # "/" and "C:\\" end with one
        # A folder's index page claims its address before a README does, as generators serve.
        rank = {name: place for place, name in enumerate(layout.index_names)}
        for folder, subfolders, files in walk(top):
            subfolders[:] = [
                name
                for name in subfolders
                if name not in NOT_CONTENT_FOLDERS and not name.startswith(".")
            ]
            below = folder[len(prefix) :].replace(os.sep, "/") if folder != top else ""
            files.sort(key=lambda name: (rank.get(name.partition(".")[0], len(rank)), name))
            for name in files:
                if not name.lower().endswith(PAGE_EXTENSIONS):
                    continue
                path = Path(folder, name)
                routing = self.routing_for(path)
                relative = PurePosixPath(f"{below}/{name}" if below else name)
                for route in layout.routes(relative, routing):
                    normal = normal_route(route)
                    routes.setdefault(normal, path)
                    parent = normal
                    while parent not in ("/", ""):
                        parent = posixpath.dirname(parent)
                        folders.add(parent)
        return routes

    def labels(self, page: SitePage) -> frozenset[str] | None:
        """The labels a cross-reference in ``page`` may name: its own ids, or in a book
        every chapter's (None when they are not all known)."""
        chapters = page.layout.book_chapters(page.content_root)
        if chapters is None:
            return self.anchors(page.path)
        found: set[str] = set()
        for chapter in (page.path, *chapters):
            if chapter != page.path and not self.exists(str(chapter)):
                continue  # a chapter the project lists but that is not there (yet)
            anchors = self.anchors(chapter)
            if anchors is None:
                return None
            found |= anchors
        return frozenset(found)

    def anchors(self, path: Path) -> frozenset[str] | None:
        """The ids of the page at ``path``, its includes' too; None when they are not all
        known (not a page, content the index cannot see, an include it cannot read)."""
        if path not in self._anchors:
            self._anchors[path] = None  # while it is read: an include cycle adds nothing
            self._anchors[path] = self._read_anchors(path)
        return self._anchors[path]

    def _read_anchors(self, path: Path) -> frozenset[str] | None:
        if not path.name.lower().endswith(PAGE_EXTENSIONS) or path.suffix == ".ipynb":
            return None
        facts = self.facts_for(path)
        if facts is None or facts.open:
            return None
        place = self.place_of(path)
        if place.layout.adds_content(path, place.content_root):
            return None
        found = set(facts.anchors)
        for written in facts.includes:
            included = self.include_path(path, written)
            if included is None:
                return None
            anchors = self.anchors(included)
            if anchors is None:
                return None
            found |= anchors
        return frozenset(found)

    def include_path(self, page: Path, written: str) -> Path | None:
        """The file an include names: beside the page, else from the site's folders."""
        written = written.split("#", 1)[0]
        place = self.place_of(page)
        roots = [page.parent] if not written.startswith("/") else []
        roots += [place.content_root, place.content_root.parent, place.content_root / "_includes"]
        for root in roots:
            candidate = os.path.normpath(f"{root}/{written.lstrip('/')}")
            if os.path.isfile(candidate):  # noqa: PTH113 - strings, once per include
                return Path(candidate)
        return None


def normal_route(route: str) -> str:
    """A route as the index compares it: no ``index.html``, extension or trailing slash."""
    route = posixpath.normpath("/" + route.split("#", 1)[0].split("?", 1)[0].lstrip("/"))
    for ending in ("/index.html", "/index.htm", ".html", ".htm", "/index"):
        if route.endswith(ending):
            route = route[: -len(ending)]
            break
    for extension in PAGE_EXTENSIONS:
        if route.lower().endswith(extension):
            route = route[: -len(extension)]
            break
    return route.rstrip("/") or "/"


def is_built_in_fragment(fragment: str) -> bool:
    return fragment in _BUILT_IN_FRAGMENTS
