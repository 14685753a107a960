"""What the prose rules report on published writing, and how many real typos they find.

    python benchmarks/prose_quality.py [CORPORA] [--pages N] [--site NAME] [--list] [--seed S]

For each published site of ``CORPORA`` (default ``../shared/corpora``; a folder of other sites,
such as ``fetch_sites.py`` makes, has each site's dialect detected from its own files), a sample
of ``N`` pages (default 40, the same every run for a seed) is checked with the prose rules on
their defaults (no config but the site's dialect, no vocabulary, a cold cache): findings per
1,000 words of prose per rule, and the engine codes behind them. ``--list`` prints every finding
with the text it flags, to judge one at a time.

Then typos are planted into real paragraphs of those pages, one common misspelling each (a word
of the paragraph replaced by how it is often misspelled), and every paragraph is checked alone:
a typo counts as found only when a ``spelling`` finding starts at its exact line and column.
codespell and typos, when on the PATH (or beside this Python), are run on the same files for
comparison (codespell reports lines, not columns: its line is enough).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from _measure import DETECTED, PAGE_EXTENSIONS, SITES, chosen_sites

from lint.dialects.registered import registered_dialects
from lint.dialects.resolve import DialectResolver
from lint.document import Document

WORDS_PER = 1000
_WORD = re.compile(r"[^\W\d_][\w'’-]*")

#: Common misspellings (the correct word, how it is often written), each a word that real
#: technical and personal writing uses.
MISSPELLINGS = (
    ("receive", "recieve"), ("separate", "seperate"), ("definitely", "definately"),
    ("occurred", "occured"), ("necessary", "neccessary"), ("until", "untill"),
    ("beginning", "begining"), ("believe", "beleive"), ("environment", "enviroment"),
    ("existence", "existance"), ("government", "goverment"), ("independent", "independant"),
    ("knowledge", "knowlege"), ("library", "libary"), ("maintenance", "maintainance"),
    ("occasionally", "occasionaly"), ("parameter", "paramter"), ("particular", "particluar"),
    ("performance", "perfomance"), ("possible", "possibel"), ("previous", "previuos"),
    ("probably", "probaly"), ("process", "proccess"), ("recommend", "reccomend"),
    ("reference", "refrence"), ("relevant", "relevent"), ("successful", "succesful"),
    ("surprise", "suprise"), ("tomorrow", "tommorow"), ("truly", "truely"),
    ("which", "wich"), ("with", "whith"), ("their", "thier"), ("because", "becuase"),
    ("different", "diffrent"), ("example", "exmaple"), ("function", "fucntion"),
    ("information", "infromation"), ("available", "availble"), ("actually", "actualy"),
    ("address", "adress"), ("already", "allready"), ("argument", "arguement"),
    ("calendar", "calender"), ("category", "catagory"), ("committee", "commitee"),
    ("completely", "completly"), ("consistent", "consistant"), ("convenient", "convinient"),
    ("dependent", "dependant"), ("describe", "decribe"), ("embarrass", "embarass"),
    ("especially", "especialy"), ("experience", "experiance"), ("familiar", "familar"),
    ("finally", "finaly"), ("following", "folowing"), ("forward", "foward"),
    ("generally", "generaly"), ("guarantee", "garantee"), ("immediately", "immediatly"),
    ("interesting", "intresting"), ("language", "langauge"), ("length", "lenght"),
    ("message", "messsage"), ("original", "orignal"), ("otherwise", "otherwize"),
    ("people", "poeple"), ("piece", "peice"), ("really", "realy"),
    ("remember", "rember"), ("resource", "resouce"), ("response", "responce"),
    ("similar", "similiar"), ("something", "somthing"), ("strength", "strenght"),
    ("support", "suport"), ("through", "throught"), ("usually", "usualy"),
    ("variable", "varible"), ("whether", "wether"), ("writing", "writting"),
)  # fmt: skip


@dataclass(frozen=True)
class Plant:
    """A typo planted into a paragraph written to a file of its own."""

    file: Path
    line: int
    column: int
    typo: str


def pages_of(folder: Path, count: int, seed: int) -> list[Path]:
    pages = sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in PAGE_EXTENSIONS and path.is_file()
    )
    return sorted(random.Random(seed).sample(pages, min(count, len(pages))))


def document(path: Path, dialect: str) -> Document | None:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if dialect == DETECTED:
        return Document.from_text(str(path), text, _resolver().choose(path.resolve()).dialect)
    return Document.from_text(str(path), text, registered_dialects()[dialect])


@cache
def _resolver() -> DialectResolver:
    return DialectResolver(registered_dialects())


def prose_words(doc: Document) -> int:
    """The words the prose rules read in ``doc`` (placeholders for code count as one)."""
    return sum(len(_WORD.findall(segment.text)) for segment in doc.prose())


def check(paths: list[Path], dialect: str, scratch: Path) -> list[dict[str, object]]:
    """The prose findings of a real ``contentlint check`` of ``paths``."""
    config = scratch / "contentlint.toml"
    config.write_text(f'dialect = "{dialect}"\n' if dialect != DETECTED else "", "utf-8")
    found: list[dict[str, object]] = []
    for start in range(0, len(paths), 200):  # command lines stay short
        command = [
            sys.executable, "-m", "lint", "check", "--no-cache", "--select", "prose",
            "--format", "json", "--exit-zero", "--config", str(config),
            *(str(path) for path in paths[start : start + 200]),
        ]  # fmt: skip
        outcome = subprocess.run(command, capture_output=True, text=True, check=False)
        if outcome.returncode != 0:
            raise SystemExit(f"contentlint failed: {outcome.stderr[-2000:]}")
        found.extend(json.loads(outcome.stdout))
    return found


def flagged_text(finding: dict[str, object]) -> str:
    try:
        lines = Path(str(finding["path"])).read_text("utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return ""
    line, column = int(str(finding["line"])), int(str(finding["column"]))
    end_line, end_column = int(str(finding["end_line"])), int(str(finding["end_column"]))
    if line != end_line:
        return lines[line - 1][column - 1 :] + " …"
    return lines[line - 1][column - 1 : end_column - 1]


def plant_typos(docs: list[Document], folder: Path, rng: random.Random, most: int) -> list[Plant]:
    """Paragraphs of ``docs``, each written alone to ``folder`` with one word misspelt."""
    pairs = {correct: typo for correct, typo in MISSPELLINGS}
    candidates: list[tuple[Document, int, int, str]] = []
    for doc in docs:
        for segment in doc.prose():
            if segment.kind != "paragraph" or segment.containers != ("paragraph_open",):
                continue
            for found in _WORD.finditer(segment.text):
                if found[0] in pairs and not segment.is_placeholder(found.start()):
                    span = segment.span(found.start(), found.end())
                    if doc.text[span.start : span.end] == found[0]:
                        candidates.append((doc, segment.token, span.start, found[0]))
    rng.shuffle(candidates)
    plants: list[Plant] = []
    used: Counter[str] = Counter()
    for doc, token_index, offset, word in candidates:
        if len(plants) >= most or used[word] >= 3:
            continue
        first, last = doc.tokens[token_index].map or (0, 0)
        starts = doc.lines
        block_start, block_end = starts.line_start(first + 1), starts.line_start(last + 1)
        block = doc.text[block_start:block_end]
        at = offset - block_start
        planted = block[:at] + pairs[word] + block[at + len(word) :]
        line = block.count("\n", 0, at) + 1
        column = at - (block.rfind("\n", 0, at) + 1) + 1
        file = folder / f"plant-{len(plants):04d}{Path(doc.path).suffix}"
        file.write_text(planted, "utf-8")
        plants.append(Plant(file, line, column, pairs[word]))
        used[word] += 1
    return plants


def found_by_contentlint(plants: list[Plant], findings: list[dict[str, object]]) -> int:
    at = {
        (str(item["path"]), int(str(item["line"])), int(str(item["column"])))
        for item in findings
        if item["rule"] == "spelling"
    }
    return sum((str(plant.file), plant.line, plant.column) in at for plant in plants)


def tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def codespell_hits(codespell: str, paths: list[str]) -> list[tuple[str, int, int]]:
    """(path, line, 0) of each of codespell's findings: it reports lines, not columns."""
    out = subprocess.run([codespell, *paths], capture_output=True, text=True, check=False)
    return [(path, int(line), 0) for path, line in re.findall(r"^(.+?):(\d+): ", out.stdout, re.M)]


def typos_hits(typos: str, paths: list[str]) -> list[tuple[str, int, int]]:
    """(path, line, column) of each of typos' findings."""
    command = [typos, "--format", "json", *paths]
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    rows = (json.loads(row) for row in out.stdout.splitlines() if row.strip())
    return [
        (r["path"], r["line_num"], r["byte_offset"] + 1)
        for r in rows
        if r.get("type") == "typo" and "line_num" in r
    ]


def other_tools(files: list[Path], plants: list[Plant], words: int) -> Iterator[str]:
    """codespell's and typos' figures on the same pages and plants, when installed."""
    pages = [str(path) for path in files]
    plant_files = [str(plant.file) for plant in plants]
    for name, hits, exact in (("codespell", codespell_hits, False), ("typos", typos_hits, True)):
        found_tool = tool(name)
        if found_tool is None:
            continue
        on_pages = hits(found_tool, pages)
        on_plants = {(path, line, column if exact else 0)
                     for path, line, column in hits(found_tool, plant_files)}  # fmt: skip
        found = sum((str(p.file), p.line, p.column if exact else 0) in on_plants for p in plants)
        where = "column" if exact else "line"
        rate = len(on_pages) * WORDS_PER / max(words, 1)
        yield (f"  {name + ':':10} {rate:.2f} per 1,000 words; planted typos found "
               f"{found}/{len(plants)} (at their {where})")  # fmt: skip


@dataclass
class Sample:
    """The pages sampled from every site, and what the prose rules found on them."""

    docs: list[tuple[Document, str]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    words: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)


def measure_site(
    name: str, folder: Path, dialect: str, arguments: argparse.Namespace, sample: Sample,
    scratch: Path,
) -> None:  # fmt: skip
    files = pages_of(folder, arguments.pages, arguments.seed)
    docs = [doc for doc in (document(path, dialect) for path in files) if doc is not None]
    words = max(sum(prose_words(doc) for doc in docs), 1)
    found = check(files, dialect, scratch)
    by_rule = Counter(str(item["rule"]) for item in found)
    by_code = Counter(f"{item['rule']}/{item.get('code') or '?'}" for item in found)
    sample.by_rule.update(by_rule)
    sample.by_code.update(by_code)
    sample.words += words
    sample.docs.extend((doc, doc.dialect.name) for doc in docs)  # detected ones by name
    sample.files.extend(files)
    rules = ", ".join(f"{rule} {n * WORDS_PER / words:.1f}" for rule, n in by_rule.most_common())
    top = ", ".join(f"{code} {n}" for code, n in by_code.most_common(4))
    rate = len(found) * WORDS_PER / words
    print(f"{name:24} {len(docs):4} pages {words:7,} words  {rate:5.1f}  {rules}  [{top}]")
    if arguments.list:
        for item in found:
            print(f"    {item['path']}:{item['line']}:{item['column']} "
                  f"[{item['rule']}/{item.get('code')}] {flagged_text(item)!r}: "
                  f"{item['message']}")  # fmt: skip


def measure_plants(sample: Sample, arguments: argparse.Namespace, scratch: Path) -> None:
    by_dialect: dict[str, list[Document]] = {}
    for doc, dialect in sample.docs:
        by_dialect.setdefault(dialect, []).append(doc)
    rng = random.Random(arguments.seed)
    plants: list[Plant] = []
    findings: list[dict[str, object]] = []
    share = max(arguments.plants // max(len(by_dialect), 1), 1)
    for dialect, docs in by_dialect.items():
        folder = scratch / f"plants-{dialect}"
        folder.mkdir()
        planted = plant_typos(docs, folder, rng, share)
        if planted:
            plants.extend(planted)
            findings.extend(check([plant.file for plant in planted], dialect, scratch))
    if not plants:
        return
    found = found_by_contentlint(plants, findings)
    print(f"\nplanted typos in real paragraphs: {found}/{len(plants)} found at their exact "
          f"column ({found / len(plants):.0%})")  # fmt: skip
    if arguments.list:
        hits = {(str(i["path"]), i["line"], i["column"]) for i in findings
                if i["rule"] == "spelling"}  # fmt: skip
        for plant in plants:
            if (str(plant.file), plant.line, plant.column) not in hits:
                print(f"    missed {plant.typo!r} at {plant.file.name}:{plant.line}:{plant.column}")
    for line in other_tools(sample.files, plants, sample.words):
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="?", default="../shared/corpora", type=Path)
    parser.add_argument("--pages", type=int, default=40, help="pages sampled per site")
    parser.add_argument("--site", help="only this site")
    parser.add_argument("--seed", type=int, default=1, help="the sample's seed")
    parser.add_argument("--plants", type=int, default=200, help="typos planted in all")
    parser.add_argument("--list", action="store_true", help="print every finding")
    arguments = parser.parse_args()
    sample = Sample()
    print(f"findings per {WORDS_PER:,} words of prose (a sample of {arguments.pages} pages a site)")
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        for name, folder, dialect in chosen_sites(SITES, arguments.corpora, arguments.site):
            measure_site(name, folder, dialect, arguments, sample, scratch)
        if sample.words:
            total = sum(sample.by_rule.values()) * WORDS_PER / sample.words
            rules = ", ".join(f"{rule} {n * WORDS_PER / sample.words:.2f}"
                              for rule, n in sample.by_rule.most_common())  # fmt: skip
            print(f"{'all':24} {len(sample.files):4} pages {sample.words:7,} words  "
                  f"{total:5.2f}  {rules}")  # fmt: skip
            print("most frequent codes: "
                  + ", ".join(f"{c} {n}" for c, n in sample.by_code.most_common(12)))  # fmt: skip
        measure_plants(sample, arguments, scratch)


if __name__ == "__main__":
    main()
