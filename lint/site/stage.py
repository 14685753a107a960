"""Site rules and the stage that runs them: once every file of a run is checked, each page's
links are resolved against the site index and the findings join that page's report."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from lint.listings import exists_in
from lint.rule import NO_OPTIONS
from lint.site.index import SiteIndex, SitePage
from lint.site.layouts import layout_named

if TYPE_CHECKING:
    from lint.cache import Cache
    from lint.diagnostics import Diagnostic, Finding
    from lint.document import Document
    from lint.engine import Plan
    from lint.site.facts import LinkUse, PageFacts, Place
    from lint.site.index import Resolution
    from lint.site.urls import UrlChecker, UrlSettings

#: The group of the rules that look across pages.
LINKS_GROUP = "links"
#: The rule whose URLs ``SiteStage.check_urls`` asks the network about.
BROKEN_URL = "broken-url"


@dataclass(frozen=True, slots=True)
class SiteFinding:
    """What a site rule reports: a place on the page (from its facts) and a message."""

    place: Place
    message: str
    suggestions: tuple[str, ...] = ()


@runtime_checkable
class SiteRule(Protocol):
    """A rule that checks a page against the whole site: besides ``check`` (which yields
    nothing for a pure site rule), ``check_site`` gets the page's facts and the index."""

    def check_site(
        self, page: SitePage, facts: PageFacts, site: SiteIndex, options: Mapping[str, Any]
    ) -> Iterable[SiteFinding]: ...


def is_site_rule(rule: type[Any]) -> bool:
    return callable(getattr(rule, "check_site", None))


class LinkRule:
    """What the rules about a page's links share: no per-file check, and each link of a
    published page with what it resolves to (a page included into others, or never
    published, is not checked: its links are the including page's)."""

    groups: ClassVar[tuple[str, ...]] = (LINKS_GROUP,)
    options_schema: ClassVar[Mapping[str, Any]] = NO_OPTIONS

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        return iter(())

    @staticmethod
    def resolved_links(
        page: SitePage, facts: PageFacts, site: SiteIndex
    ) -> Iterator[tuple[LinkUse, Resolution]]:
        if facts.partial:
            return
        for link in facts.links:
            yield link, site.resolve(page, link.target)


class SiteStage:
    """The site stage of one run: pages are added as their reports arrive (checked or from
    the cache), then each page's site findings are computed against the whole index."""

    def __init__(self, plan: Plan, given: Sequence[Path] = ()) -> None:
        self.plan = plan
        #: The folders the run was given (for a site no project file marks).
        self._given = sorted((folder.resolve() for folder in given), key=lambda f: -len(f.parts))
        self._facts: dict[Path, PageFacts] = {}
        self._read: dict[Path, PageFacts | None] = {}
        self._pages: dict[Path, SitePage] = {}
        self._roots: dict[str, Path] = {}
        self._resolved_roots: dict[Path, Path] = {}
        self._repositories: dict[str, str | None] = {}
        settings = plan.config.links
        self.index = SiteIndex(
            self.facts_for,
            self.routing_for,
            self.page,
            check_files=bool(settings.get("check-files", True)),
        )

    def add(self, path: Path, facts: PageFacts) -> None:
        self._facts[path] = facts

    def resolve_early(self, path: Path) -> None:
        """Resolve what the page's links can be resolved to before the whole site is known
        (run while the other pages are still being checked)."""
        facts = self._facts.get(path)
        if facts is None or facts.partial or not facts.links:
            return
        page = self.page(path)
        for link in facts.links:
            self.index.resolve_early(page, link.target)

    def update(self, path: Path, facts: PageFacts) -> None:
        """A page's new facts (an editor's change): what depended on the old ones is
        resolved again, and the routes are read again when its address changed."""
        old = self._facts.get(path) or self._read.get(path)
        self._facts[path] = facts
        self._read.pop(path, None)
        self.index.forget_memos()
        if old is None or old.routing != facts.routing:
            self.index.forget_routes()

    def file_changed(self, path: Path) -> None:
        """A file changed, appeared or went away on disk (not one the editor holds open)."""
        self._read.pop(path, None)
        self.index.forget_memos()
        self.index.forget_routes()

    def close(self, path: Path) -> None:
        """An editor closed the page: from now on it is read from disk."""
        self._facts.pop(path, None)
        self._read.pop(path, None)
        self.index.forget_memos()

    def check_urls(self, settings: UrlSettings, cache: Cache | None) -> UrlChecker:
        """Ask every external URL of the published pages on which ``broken-url`` runs (each
        once, however many pages link to it); the answers go into the index."""
        from lint.site.urls import UrlChecker, checkable

        wanted: list[str] = []
        for path, facts in self._facts.items():
            if facts.partial or not any(
                rule.id == BROKEN_URL for rule in self.plan.site_rules(path)
            ):
                continue
            wanted.extend(url for link in facts.links if (url := checkable(link.target)))
        checker = UrlChecker(settings, cache)
        self.index.urls.update(checker.check(wanted))
        return checker

    def page(self, path: Path) -> SitePage:
        """Where ``path`` sits: its layout and its site's content folder."""
        page = self._pages.get(path)
        if page is None:
            choice = self.plan.dialect_choice(path)
            layout = layout_named(choice.dialect.layout)
            config = self.plan.config_for(path)
            if choice.root is not None:
                content_root = layout.content_root(Path(choice.root))
            elif "root" in config.links:
                content_root = Path(str(config.links["root"]))
            elif config.sources:
                content_root = config.root
            else:
                content_root = self._unmarked_root(path)
            resolved = self._resolved_roots.get(content_root)
            if resolved is None:
                resolved = self._resolved_roots[content_root] = content_root.resolve()
            page = self._pages[path] = SitePage(path, layout, resolved)
        return page

    def _unmarked_root(self, path: Path) -> Path:
        """The root of a site nothing marks and no config governs: its git repository's
        (as GitHub reads ``/`` links), else the folder the run was given, else its own."""
        parent = os.path.dirname(path)  # noqa: PTH120 - a string key, once per page
        known = self._roots.get(parent)
        if known is not None:
            return known
        repository = self._repository_of(parent)
        if repository is not None:
            root = Path(repository)
        else:
            root = next((f for f in self._given if _is_within(path, f)), path.parent)
        self._roots[parent] = root
        return root

    def _repository_of(self, folder: str) -> str | None:
        """The top of the git repository ``folder`` is in (each folder asked once)."""
        if folder not in self._repositories:
            if exists_in(folder, ".git"):
                self._repositories[folder] = folder
            else:
                above = os.path.dirname(folder)  # noqa: PTH120 - strings
                self._repositories[folder] = None if above == folder else self._repository_of(above)
        return self._repositories[folder]

    def facts_for(self, path: Path) -> PageFacts | None:
        """The facts of any page: from the run, else read from the file (a link target the
        run did not check), None for a file that is not a readable page."""
        known = self._facts.get(path)
        if known is not None:
            return known
        if path in self._read:
            return self._read[path]
        from lint.site.facts import page_facts

        # Never a file outside the sites of the run (a link or include to ``../../etc``):
        # its headings would reach the output as did-you-means.
        doc = self._document(path) if self._inside_a_site(path) else None
        facts = None
        if doc is not None:
            try:
                facts = page_facts(doc)
            except Exception:  # noqa: BLE001 - a target we cannot read has no known ids
                facts = None
        self._read[path] = facts
        return facts

    def _inside_a_site(self, path: Path) -> bool:
        real = Path(os.path.realpath(path))
        roots = {*self._resolved_roots.values(), *self._given}
        return any(root == real or root in real.parents for root in roots)

    def routing_for(self, path: Path) -> tuple[tuple[str, str], ...]:
        """The front matter values that move a page, read without parsing its body."""
        known = self._facts.get(path) or self._read.get(path)
        if known is not None:
            return known.routing
        from lint.site.facts import routing_of

        doc = self._document(path) if self._inside_a_site(path) else None
        return routing_of(doc) if doc is not None else ()

    def _document(self, path: Path) -> Document | None:
        from lint.document import DecodeError, Document, decode
        from lint.reading import ReadRefused, read_document

        try:
            text = decode(read_document(path, self.plan.max_file_bytes))
            return Document.from_text(str(path), text, self.plan.dialect_for(path))
        except (OSError, ReadRefused, DecodeError, RecursionError, ValueError):
            return None

    def diagnostics(self, display: str, path: Path) -> list[Diagnostic]:
        """The site rules' diagnostics of the page at ``path`` (shown as ``display``)."""
        from lint.diagnostics import Diagnostic, Severity
        from lint.engine import INTERNAL_ERROR

        facts = self._facts.get(path)
        if facts is None:
            return []
        page = self.page(path)
        found: list[Diagnostic] = []
        for active in self.plan.site_rules(path):
            rule: Any = self.plan.instance(active.id)
            try:
                for finding in rule.check_site(page, facts, self.index, active.options):
                    _check_shape(finding)
                    line, column, end_line, end_column = finding.place
                    if facts.is_muted(active.id, line):
                        continue
                    found.append(
                        Diagnostic(
                            display,
                            line,
                            column,
                            end_line,
                            end_column,
                            active.id,
                            active.severity,
                            finding.message,
                            suggestions=tuple(finding.suggestions),
                        )
                    )
            except Exception as error:  # noqa: BLE001 - a crashing site rule costs its page
                message = (
                    f'rule "{active.id}" crashed on this file: {type(error).__name__}: {error}'
                )
                found.append(
                    Diagnostic(display, 1, 1, 1, 1, INTERNAL_ERROR, Severity.ERROR, message)
                )
        return found


def _is_within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or below it (compared as strings: once per page)."""
    text, top = str(path), str(folder)
    return text == top or text.startswith(top.rstrip(os.sep) + os.sep)


def _check_shape(finding: object) -> None:
    """Raise TypeError for a site finding (a plugin's, say) that would break a reporter."""
    if not isinstance(finding, SiteFinding):
        raise TypeError(f"a site rule must yield SiteFinding objects, not {type(finding).__name__}")
    place = finding.place
    if not (isinstance(place, tuple) and len(place) == 4):
        raise TypeError(
            f"a site finding's place must be (line, column, end line, end column), not {place!r}"
        )
    if not all(isinstance(value, int) and not isinstance(value, bool) for value in place):
        raise TypeError(f"a site finding's place must hold ints, not {place!r}")
    if not isinstance(finding.message, str):
        raise TypeError("a site finding's message must be a string")
    if not isinstance(finding.suggestions, (tuple, list)) or not all(
        isinstance(item, str) for item in finding.suggestions
    ):
        raise TypeError("a site finding's suggestions must be a tuple of strings")
