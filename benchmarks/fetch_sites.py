"""Fetch published sites that the corpora do not hold, to measure on writing never tuned for.

    python benchmarks/fetch_sites.py [FOLDER]     (default /tmp/contentlint-sites)

Every site comes from a package registry (Debian's source archive, PyPI's sdists, the npm
registry), as the project published it, with its generator's project file: Hugo's own
documentation, Redux's (Docusaurus 1), the site `create-docusaurus` starts (Docusaurus 3, MDX),
griffe's and mkdocstrings' (Zensical), pymdown-extensions' (Zensical), Starlette's (MkDocs),
great-tables', chatlas' and pointblank's (Quarto) and four tidyverse packages' vignettes
(R Markdown). Only text sources are kept. Then, for example:

    python benchmarks/accuracy.py /tmp/contentlint-sites
    python benchmarks/prose_quality.py /tmp/contentlint-sites

Each folder's dialect is detected from its own files, as for a user with no config.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import sys
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

DEBIAN = "http://deb.debian.org/debian/pool/main"
SIMPLE_JSON = "application/vnd.pypi.simple.v1+json"
#: What a site keeps: its pages and the project files that name its generator.
KEPT = (".md", ".mdx", ".qmd", ".rmd", ".yml", ".yaml", ".toml", ".json", ".js", ".ts", ".mjs")
#: Project files without an extension that are kept too (an R package's manifest).
KEPT_NAMES = ("DESCRIPTION",)


@dataclass(frozen=True)
class Site:
    name: str
    #: A tarball's address, or ``pypi:NAME/VERSION`` for that release's sdist.
    source: str
    #: Folders of the archive (below its top folder) copied into the site, as ``(from, to)``.
    folders: tuple[tuple[str, str], ...]
    #: Folders left out of what was copied (tests, package code).
    left_out: tuple[str, ...] = ()


SITES = (
    Site("hugo-docs", f"{DEBIAN}/h/hugo/hugo_0.111.3.orig.tar.gz", (("docs", ""),)),
    Site(
        "docusaurus-redux",
        f"{DEBIAN}/n/node-redux/node-redux_4.2.1.orig.tar.gz",
        (("docs", "docs"), ("website", "website")),
    ),
    Site(
        "docusaurus-template",
        "https://registry.npmjs.org/create-docusaurus/-/create-docusaurus-3.10.2.tgz",
        (
            ("templates/shared/docs", "docs"),
            ("templates/shared/blog", "blog"),
            ("templates/shared/src/pages", "src/pages"),
            ("templates/classic/docusaurus.config.js", "docusaurus.config.js"),
        ),
    ),
    Site(
        "mkdocs-griffe", "pypi:griffe/2.4.1", (("docs", "docs"), ("zensical.toml", "zensical.toml"))
    ),
    Site(
        "mkdocs-mkdocstrings",
        "pypi:mkdocstrings/1.0.8",
        (("docs", "docs"), ("zensical.toml", "zensical.toml")),
    ),
    Site(
        "mkdocs-pymdown",
        "pypi:pymdown-extensions/13.1.2",
        (("docs", "docs"), ("zensical.yml", "zensical.yml")),
    ),
    Site(
        "mkdocs-starlette",
        "pypi:starlette/1.10.0",
        (("docs", "docs"), ("mkdocs.yml", "mkdocs.yml")),
    ),
    Site("quarto-great-tables", "pypi:great-tables/1.1.0", (("docs", ""),), ("_freeze",)),
    Site("quarto-chatlas", "pypi:chatlas/0.23.0", (("docs", ""),), ("_freeze",)),
    Site(
        "quarto-pointblank",
        "pypi:pointblank/1.1.1",
        (("blog", "blog"), ("user_guide", "user_guide"), ("examples", "examples")),
    ),
    *(
        Site(
            f"rmarkdown-vignettes/{package}",
            f"{DEBIAN}/r/r-cran-{package}/r-cran-{package}_{version}.orig.tar.{kind}",
            (("vignettes", "vignettes"), ("DESCRIPTION", "DESCRIPTION")),
        )
        for package, version, kind in (
            ("dplyr", "1.0.10", "gz"),
            ("ggplot2", "3.4.1+dfsg", "xz"),
            ("tidyr", "1.3.0", "gz"),
            ("purrr", "1.0.1", "gz"),
        )
    ),
)


def sdist_url(release: str) -> str:
    """The address of the sdist of ``NAME/VERSION``, from PyPI's simple index (JSON)."""
    name, version = release.split("/")
    index = f"https://pypi.org/simple/{name}/"
    request = urllib.request.Request(index, headers={"Accept": SIMPLE_JSON})
    with urllib.request.urlopen(request, timeout=60) as answer:
        files = json.load(answer)["files"]
    spelled = "[-_]".join(re.escape(part) for part in name.split("-"))
    wanted = re.compile(rf"{spelled}-{re.escape(version)}\.tar\.gz", re.I)
    for file in files:
        if wanted.fullmatch(file["filename"]):
            return urljoin(index, str(file["url"]))  # a mirror may answer with a relative one
    raise SystemExit(f"{release} has no sdist on PyPI")


def fetch(site: Site, root: Path) -> int:
    url = sdist_url(site.source[5:]) if site.source.startswith("pypi:") else site.source
    with urllib.request.urlopen(url, timeout=300) as answer:
        data = answer.read()
    target = root / site.name
    shutil.rmtree(target, ignore_errors=True)
    pages = 0
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        for member in archive.getmembers():
            parts = PurePosixPath(member.name).parts[1:]  # below the archive's top folder
            if not member.isfile() or not parts:
                continue
            inside = PurePosixPath(*parts)
            if inside.suffix.lower() not in KEPT and inside.name not in KEPT_NAMES:
                continue
            for source, destination in site.folders:
                if inside == PurePosixPath(source) or PurePosixPath(source) in inside.parents:
                    rest = inside.relative_to(source)
                    if any(part in site.left_out or part == "node_modules" for part in rest.parts):
                        continue
                    path = target / destination / rest if rest.parts else target / destination
                    extracted = archive.extractfile(member)
                    if extracted is None:
                        continue
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(extracted.read())
                    pages += path.suffix.lower() in (".md", ".mdx", ".qmd", ".rmd")
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("folder", nargs="?", default="/tmp/contentlint-sites", type=Path)
    arguments = parser.parse_args()
    root: Path = arguments.folder
    root.mkdir(parents=True, exist_ok=True)
    for site in SITES:
        try:
            pages = fetch(site, root)
        except (OSError, ValueError, tarfile.TarError) as error:
            print(f"{site.name:28} not fetched: {error}", file=sys.stderr)
            continue
        print(f"{site.name:28} {pages:4} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
