"""How many published pages fail their generator's built-in front matter schema.

    python benchmarks/builtin_schemas.py [CORPORA] [--list] [--site NAME]

``CORPORA`` (default ``../shared/corpora``) holds copies of published sites, each below its
content root. Each is checked with its generator's dialect set in a config, so detection picks
the generator's built-in schema (``builtin:quarto``, ``hugo``, ``jekyll``, ``docusaurus``,
``mkdocs``) as it would in the real project, and only ``frontmatter-schema`` runs. Prints, per
site, the pages with any schema finding (the goal: at most 2% of all pages, each a real
problem); ``--list`` prints every finding to read.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from _measure import check_json, chosen_sites, count_pages

#: (name, folder under the corpora, dialect) of the sites whose generator has a schema.
SITES = (
    ("quarto-web", "quarto-web", "quarto"),
    ("quarto-blog", "quarto-blog", "quarto"),
    ("hugo", "hugo", "hugo"),
    ("jekyll", "jekyll", "jekyll"),
    ("docusaurus", "docusaurus", "docusaurus"),
    ("mkdocs", "mkdocs", "mkdocs"),
)


def schema_findings(folder: Path, dialect: str) -> list[dict[str, object]]:
    """The ``frontmatter-schema`` findings of one site, from a real ``contentlint check``."""
    return check_json(folder, f'dialect = "{dialect}"\n', "--select", "frontmatter-schema")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="?", default="../shared/corpora", type=Path)
    parser.add_argument("--list", action="store_true", help="print every finding")
    parser.add_argument("--site", help="only this site")
    arguments = parser.parse_args()
    total_pages = total_failing = 0
    for name, folder, dialect in chosen_sites(SITES, arguments.corpora, arguments.site):
        found = schema_findings(folder, dialect)
        by_page: dict[str, list[dict[str, object]]] = defaultdict(list)
        for item in found:
            by_page[str(item["path"])].append(item)
        count = count_pages(folder)
        total_pages += count
        total_failing += len(by_page)
        print(f"{name:14} builtin:{dialect:11} {count:5} pages  {len(by_page):4} with findings "
              f"({100 * len(by_page) / count:.1f}%)  {len(found)} findings")  # fmt: skip
        if arguments.list:
            for item in found:
                print(f"    {item['path']}:{item['line']}:{item['column']} {item['message']}")
    if total_pages:
        print(f"{'all':34} {total_pages:5} pages  {total_failing:4} with findings "
              f"({100 * total_failing / total_pages:.1f}%)")  # fmt: skip


if __name__ == "__main__":
    main()
