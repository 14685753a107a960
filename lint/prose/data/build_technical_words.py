"""Build technical-words.txt from the cspell dictionaries (MIT), run by hand when they are
updated: python lint/prose/data/build_technical_words.py FOLDER [CODESPELL_DICTIONARY]

FOLDER holds the unpacked npm packages (``npm pack @cspell/dict-software-terms`` and the
others of ``PACKAGES``, each ``tar xzf``-ed into a folder of its own). Entries that the shape
rules already know (all capitals, digits) and cspell's syntax lines are left out; so is every
word that codespell's dictionary (when given) lists as a misspelling."""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

PACKAGES = (
    "@cspell/dict-software-terms", "@cspell/dict-companies", "@cspell/dict-fullstack",
    "@cspell/dict-python", "@cspell/dict-r", "@cspell/dict-node", "@cspell/dict-npm",
    "@cspell/dict-html", "@cspell/dict-css", "@cspell/dict-data-science",
    "@cspell/dict-scientific-terms-us", "@cspell/dict-k8s", "@cspell/dict-docker",
    "@cspell/dict-git", "@cspell/dict-latex", "@cspell/dict-shell", "@cspell/dict-typescript",
    "@cspell/dict-scala", "@cspell/dict-golang",
)  # fmt: skip
_ENTRY = re.compile(r"^[A-Za-z][A-Za-z'.\-]+[A-Za-z]$")
HEADER = """\
# Technical words contentlint's spelling rule knows with no configuration: tool, product,
# company and language names and the terms of software writing.
# Derived from the cspell dictionaries (https://github.com/streetsidesoftware/cspell-dicts):
# {packages}.
# Copyright (c) 2017-2025 Street Side Software <support@streetsidesoftware.nl>, MIT licence
# (the licence's text is in LICENSE-cspell-dicts.txt beside this file).
# Built by build_technical_words.py beside this file; one word per line, matched in any case.
"""


def lines_of(path: Path) -> list[str]:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data.decode("utf-8").splitlines()


def main() -> None:
    folder = Path(sys.argv[1])
    misspelt: set[str] = set()
    if len(sys.argv) > 2:
        for line in Path(sys.argv[2]).read_text("utf-8").splitlines():
            misspelt.add(line.split("->", 1)[0].strip().casefold())
    words: dict[str, str] = {}
    for path in sorted(folder.rglob("*.txt*")):
        if "package" not in path.parts or path.name.startswith(("README", "LICENSE")):
            continue
        for line in lines_of(path):
            entry = line.split("#", 1)[0].strip().strip("*+~")
            if not _ENTRY.match(entry) or entry.isupper() or entry.casefold() in misspelt:
                continue
            words.setdefault(entry.casefold(), entry)
    out = Path(__file__).with_name("technical-words.txt")
    names = ", ".join(PACKAGES)
    body = "\n".join(sorted(words.values(), key=str.casefold))
    out.write_text(HEADER.format(packages=names) + body + "\n", "utf-8")
    print(f"{len(words)} words written to {out}")


if __name__ == "__main__":
    main()
