"""The bad-input corpus: files that break naive linters, written on demand (some are 20 MB)."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path


def _alias_bomb() -> bytes:
    lines = [b"---", b"a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in range(8):
        name, previous = chr(98 + level).encode(), chr(97 + level).encode()
        lines.append(name + b": &" + name + b" [" + b", ".join([b"*" + previous] * 9) + b"]")
    return b"\n".join([*lines, b"---", b"", b"Text.", b""])


#: name → (bytes, what contentlint must say about it: a rule id, or "" for no finding)
DOCUMENTS: dict[str, tuple[Callable[[], bytes], str]] = {
    "binary.md": (lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "file-error"),
    "latin1.md": (lambda: "# Caf\xe9\n\nD\xe9j\xe0 vu.\n".encode("latin-1"), "file-error"),
    "utf16.md": (
        lambda: codecs.BOM_UTF16_LE + "# Title\n\nText.\n".encode("utf-16-le"),
        "file-error",
    ),
    "bom-crlf.md": (
        lambda: codecs.BOM_UTF8 + b"---\r\ntitle: T\r\n---\r\n\r\n# T\r\n\r\nText TODO.\r\n",
        "placeholder-text",
    ),
    "empty.md": (lambda: b"", ""),
    "front-matter-only.md": (lambda: b"---\ntitle: Only front matter\n---\n", ""),
    "unterminated.md": (
        lambda: b"---\ntitle: Never closed\n\n# Body\n\nText.\n",
        "frontmatter-syntax",
    ),
    "deep-yaml-flow.md": (
        lambda: b"---\nkey: " + b"[" * 20_000 + b"]" * 20_000 + b"\n---\n\nText.\n",
        "frontmatter-syntax",
    ),
    "deep-yaml-block.md": (
        lambda: b"---\n" + b"".join(b"  " * i + b"k:\n" for i in range(1500)) + b"---\n\nText.\n",
        "frontmatter-syntax",
    ),
    "alias-bomb.md": (_alias_bomb, "frontmatter-syntax"),
    "yaml-tag.md": (
        lambda: b"---\ntitle: !!python/object/apply:os.system ['touch PWNED']\n---\n\nText.\n",
        "frontmatter-syntax",
    ),
    "twenty-megabytes.md": (lambda: b"x" * (20 * 1024 * 1024), "file-error"),
    "hundred-thousand-headings.md": (lambda: b"# h\n" * 100_000, "empty-section"),
    "nested-quotes.md": (lambda: b"> " * 10_000 + b"Deep text.\n", ""),
    "nested-lists.md": (lambda: b"- " * 10_000 + b"Deep item.\n", ""),
    "nested-list-blocks.md": (lambda: b"".join(b"  " * i + b"- item\n" for i in range(2_000)), ""),
    "nested-emphasis.md": (lambda: b"*" * 50_000 + b"text" + b"*" * 50_000 + b"\n", ""),
    "open-brackets.md": (lambda: b"[" * 100_000 + b"\n", "truncated-text"),
    "control-characters.md": (lambda: b"# Ctl\n\nA\x0bB\x0cC\x1bD \x7f text.\n", ""),
    "lone-cr.md": (lambda: b"# Old Mac\r\rText with TODO.\r", "placeholder-text"),
    # Dialect syntax opened and never closed, or nested without end: linear, no hang.
    "shortcode-openers.md": (lambda: b"{{< " * 100_000, ""),
    "shortcode-pairs.md": (lambda: b"{{< note >}}\n" * 30_000, ""),
    "liquid-openers.md": (lambda: b"{% comment %}\n" * 50_000, ""),
    "liquid-pairs.md": (lambda: b"{% tab x %}\n" * 30_000 + b"{% endtab %}\n" * 30_000, ""),
    "colon-openers.md": (lambda: b":::note\n" * 50_000, ""),
    "colon-nested.md": (lambda: b":::note\n" * 5_000 + b":::\n" * 5_000, ""),
    "jsx-openers.mdx": (lambda: b"<Tabs>\n" * 50_000, ""),
    "jsx-attributes.mdx": (lambda: b"<A b={\n" * 20_000, ""),
    "jsx-strings.mdx": (lambda: b'<A b="\n' * 20_000, ""),
    "mdx-braces.mdx": (lambda: b"{" * 100_000 + b"\n", ""),
    "template-openers.md": (lambda: b"{{ " * 100_000, ""),
    "admonitions-nested.md": (
        lambda: b"".join(b"    " * i + b"!!! note\n" for i in range(300)),
        "",
    ),
    "tabs-nested.md": (lambda: b"".join(b"    " * i + b'=== "T"\n' for i in range(300)), ""),
    "comment-openers.md": (lambda: b"<!-- " * 100_000, ""),
    "section-comments.md": (lambda: b"## S\n" + b"<!-- c -->" * 40 + b"x\n", ""),
    "grid-borders.md": (lambda: b"+---+\n" * 50_000, ""),
    # Bold opened 40,000 times: once quadratic in truncated-text's search for the marks.
    "bold-openers.md": (lambda: b"**a " * 40_000, "truncated-text"),
    # Second round: each used to crash the whole run with a traceback.
    "huge-number.md": (
        lambda: b"---\nn: " + b"9" * 5000 + b"\n---\n\nText.\n",
        "frontmatter-syntax",
    ),
    "bad-timestamp.md": (lambda: b"---\nd: !!timestamp nope\n---\n\nText.\n", "frontmatter-syntax"),
    "deep-json.md": (
        lambda: b'{\n"a": ' + b"[" * 5000 + b"]" * 5000 + b"\n}\n\nText.\n",
        "frontmatter-syntax",
    ),
    "deep-toml.md": (
        lambda: b"+++\na = " + b"[" * 5000 + b"]" * 5000 + b"\n+++\n\nText.\n",
        "frontmatter-syntax",
    ),
    "lone-surrogate.json.md": (lambda: b'{\n"a": "\\ud800"\n}\n\nText.\n', "frontmatter-syntax"),
    "duplicate-json-key.md": (lambda: b'{\n"a": 1,\n"a": 2\n}\n\nText.\n', "frontmatter-syntax"),
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (content, _) in DOCUMENTS.items():
        (folder / name).write_bytes(content())
    (folder / "good.md").write_text("# Good\n\nThis page is finished and fine.\n", "utf-8")
    return folder
