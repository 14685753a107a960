"""What the ``links`` rules report on published sites: findings per 200 pages, per rule.

    python benchmarks/links.py [CORPORA] [--list] [--site NAME]

``CORPORA`` (default ``../shared/corpora``) holds copies of published sites without their
images and other files, so a link to a file that is not a page is not checked there
(``[links] check-files = false``); each site is checked with its generator's dialect, as
detection would choose it in the real project, and its content folder as the root of ``/``
links. A published page should be silent: every finding printed with ``--list`` is one to
read (a real broken link, or a false alarm to turn into a fixture and fix). Some links point
to pages the copy left out (other doc versions, other sections); those are real findings of
the copy, not of the site.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from _measure import PAGE_EXTENSIONS, SITES, check_json, chosen_sites, count_pages

PAGES = 200


def check_site(folder: Path, dialect: str) -> list[dict[str, object]]:
    """The links findings of one site, from a real ``contentlint check`` run."""
    config = (
        f'dialect = "{dialect}"\n\n[links]\nroot = {json.dumps(str(folder))}\ncheck-files = false\n'
    )
    return check_json(folder, config, "--select", "links")


_TARGET = re.compile(r'"([^"]*)" does not exist')


def absent_from_copy(finding: dict[str, object], names: set[str]) -> bool:
    """Whether a broken link names a page no file of the copy is called: a page the copy
    left out (it keeps only files that start with front matter), not one the tool missed."""
    if finding["rule"] != "broken-link":
        return False
    found = _TARGET.search(str(finding["message"]))
    if found is None:
        return False
    last = found[1].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    stem = last.rsplit(".", 1)[0] if last.lower().endswith((*PAGE_EXTENSIONS, ".html")) else last
    return stem.lower() not in names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="?", default="../shared/corpora", type=Path)
    parser.add_argument(
        "--list", action="store_true", help="print every finding but links to absent pages"
    )
    parser.add_argument("--site", help="only this site")
    arguments = parser.parse_args()
    total_pages = total_absent = 0
    total: Counter[str] = Counter()
    for name, folder, dialect in chosen_sites(SITES, arguments.corpora, arguments.site):
        found = check_site(folder, dialect)
        count = count_pages(folder)
        names = {path.stem.lower() for path in folder.rglob("*") if path.is_file()}
        names |= {path.name.lower() for path in folder.rglob("*") if path.is_dir()}
        absent = [item for item in found if absent_from_copy(item, names)]
        total_absent += len(absent)
        total_pages += count
        by_rule = Counter(str(item["rule"]) for item in found)
        total.update(by_rule)
        rates = ", ".join(f"{rule} {n * PAGES / count:.1f}" for rule, n in by_rule.most_common())
        print(
            f"{name:26} {count:5} pages  {len(found) * PAGES / count:6.1f}/200  {rates}"
            f"  (broken links to pages absent from the copy: {len(absent) * PAGES / count:.1f})"
        )
        if arguments.list:
            for item in found:
                if absent_from_copy(item, names):
                    continue
                print(f"    {item['path']}:{item['line']}:{item['column']} [{item['rule']}] "
                      f"{item['message']}")  # fmt: skip
    if total_pages:
        rates = ", ".join(
            f"{rule} {n * PAGES / total_pages:.1f}" for rule, n in total.most_common()
        )
        print(f"{'all':26} {total_pages:5} pages  {sum(total.values()) * PAGES / total_pages:6.1f}"
              f"/200  {rates}  (broken links to pages absent from the copy: "
              f"{total_absent * PAGES / total_pages:.1f})")  # fmt: skip


if __name__ == "__main__":
    main()
