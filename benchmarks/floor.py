"""The floor: what any Python tool doing this job must spend, with the same processes.

Usage: python benchmarks/floor.py CORPUS [--schema SCHEMA] [--jobs N] [--plugins]

For each file: read it, split the YAML front matter, load it with PyYAML's C loader, validate
it with jsonschema (draft-07, formats checked), and parse the body with markdown-it-py's
``commonmark`` preset and no plugins (the bare floor); with ``--plugins``, with the syntax
extensions contentlint's default dialect would install for that body. Nothing is reported.
Prints the file count and time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from markdown_it import MarkdownIt

from lint.dialects.markdown import Markdown
from lint.dialects.parser import parser_for, present_syntax
from lint.document import EXTENSIONS

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M)
_VALIDATOR: Any = None
_PLUGINS = False
_BARE = MarkdownIt("commonmark")


def _start(schema: str | None, plugins: bool) -> None:
    global _VALIDATOR, _PLUGINS
    _PLUGINS = plugins
    if schema:
        loaded = json.loads(Path(schema).read_text("utf-8"))
        _VALIDATOR = jsonschema.Draft7Validator(loaded, format_checker=jsonschema.FormatChecker())


def _one(path: str) -> int:
    text = Path(path).read_bytes().decode("utf-8-sig")
    body = text
    found = _FRONT_MATTER.match(text)
    if found:
        data = yaml.load(found[1], Loader=yaml.CSafeLoader)
        if _VALIDATOR is not None:
            for _ in _VALIDATOR.iter_errors(data):
                pass
        body = text[found.end() :]
    if _PLUGINS:
        return len(parser_for(present_syntax(body, Markdown.syntax)).parse(body))
    return len(_BARE.parse(body))


def files_of(corpus: Path) -> list[str]:
    return sorted(
        str(path)
        for path in corpus.rglob("*")
        if path.suffix.lower() in EXTENSIONS and path.is_file()
    )


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("corpus", type=Path)
    arguments.add_argument("--schema")
    arguments.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    arguments.add_argument("--plugins", action="store_true", help="parse with the syntaxes")
    options = arguments.parse_args()
    started = time.perf_counter()
    paths = files_of(options.corpus)
    with ProcessPoolExecutor(
        options.jobs, initializer=_start, initargs=(options.schema, options.plugins)
    ) as pool:
        tokens = sum(pool.map(_one, paths, chunksize=16))
    seconds = time.perf_counter() - started
    print(f"floor: {len(paths)} files, {tokens} tokens, {seconds:.2f} s", file=sys.stdout)


if __name__ == "__main__":
    main()
