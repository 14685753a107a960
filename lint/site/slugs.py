"""Heading ids as each site generator computes them from a heading's text, duplicates
numbered the way that generator numbers them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

#: Characters github-slugger keeps besides letters, marks and numbers.
_GITHUB_KEEP = frozenset("-_ ")


def github(text: str) -> str:
    """github-slugger (GitHub, Docusaurus, Starlight, Hugo's Goldmark, kramdown's GFM
    parser): lower case, every character that is not a letter, mark, number, ``-``, ``_``
    or space dropped, each space a hyphen."""
    kept = [
        char
        for char in text.lower()
        if char in _GITHUB_KEEP or unicodedata.category(char)[0] in "LMN"
    ]
    return "".join(kept).replace(" ", "-")


def pandoc(text: str) -> str:
    """Pandoc's auto_identifiers (Quarto, R Markdown): letters, numbers, ``_``, ``-`` and
    ``.`` kept, words joined by hyphens, lower case, nothing before the first letter,
    ``section`` when nothing is left."""
    kept = "".join(char for char in text.lower() if char.isalnum() or char in "_-. \t\n")
    joined = "-".join(kept.split())
    start = next((index for index, char in enumerate(joined) if char.isalpha()), len(joined))
    return joined[start:] or "section"


_NOT_WORD = re.compile(r"[^\w\s-]")
_DASHES_AND_SPACES = re.compile(r"[-\s]+")


def python_markdown(text: str) -> str:
    """Python-Markdown's toc extension (MkDocs, Material): accents dropped, ASCII only,
    punctuation dropped, lower case, runs of spaces and hyphens one hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _DASHES_AND_SPACES.sub("-", _NOT_WORD.sub("", ascii_text).strip().lower())


_VITEPRESS_SPECIAL = re.compile(r"[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:\"'“”‘’<>,.?/]+")


def vitepress(text: str) -> str:
    """@mdit-vue's slugify (VitePress): accents and control characters dropped, runs of
    punctuation and spaces one hyphen, none at the ends, ``_`` before a leading digit."""
    plain = "".join(
        char
        for char in unicodedata.normalize("NFKD", text)
        if not unicodedata.combining(char) and ord(char) >= 0x20
    )
    slug = _VITEPRESS_SPECIAL.sub("-", plain).strip("-")
    if slug[:1].isdigit():
        slug = "_" + slug
    return slug.lower()


_MDN_DROPPED = re.compile(r"[<>\"$#%&+,/:;=?@\[\]^`{|}~')(\\]")


def mdn(text: str) -> str:
    """MDN's ids (rari's ``anchorize``): lower case, each space a ``_``, these characters
    ``<>"$#%&+,/:;=?@[]^`{|}~')(\\`` dropped, ``sect1`` when nothing is left."""
    spaced = " ".join(text.split("\n")).strip()
    return _MDN_DROPPED.sub("", spaced.lower().replace(" ", "_")) or "sect1"


Slugger = Callable[[str], str]
#: Each scheme: how one heading's text becomes an id, how a repeat is numbered and from
#: which number (MDN's second ``details`` is ``details_2``).
SCHEMES: dict[str, tuple[Slugger, str, int]] = {
    "github": (github, "-", 1),
    "pandoc": (pandoc, "-", 1),
    "python-markdown": (python_markdown, "_", 1),
    "vitepress": (vitepress, "-", 1),
    "mdn": (mdn, "_", 2),
}


def heading_ids(texts: Iterable[str], scheme: str) -> list[str]:
    """The id of each heading of a page, in order: the second ``Usage`` is ``usage-1``."""
    slug, separator, first = SCHEMES.get(scheme, SCHEMES["github"])
    seen: set[str] = set()
    #: The last number given to each base, so that a thousand repeats cost a thousand steps.
    numbered: dict[str, int] = {}
    ids = []
    for text in texts:
        base = slug(text)
        candidate, number = base, numbered.get(base, first - 1)
        while candidate in seen:
            number += 1
            candidate = f"{base}{separator}{number}"
        numbered[base] = number
        seen.add(candidate)
        ids.append(candidate)
    return ids
