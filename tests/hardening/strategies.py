"""Hypothesis strategies for whole documents: random bytes, and Markdown-family documents
built from the constructs that trip parsers (shared by the CI test and fuzz/run.py)."""

from __future__ import annotations

from hypothesis import strategies as st

_WORDS = st.sampled_from(
    ["the", "TODO", "TBD", "café", "🚀", "naïve", "x", "and", "with", ":", "—", "&amp;", "\\*",
     "**", "*", "_", "`", "[", "]", "(", ")", "<", ">", "{{<", ">}}", "$", "$$", "@key", "[^1]",
     "|", "#", "\t", "\r", "\x00", "\x0c", "\u2028", "lorem ipsum dolor", "coming soon"]
)  # fmt: skip
_INLINE = st.lists(_WORDS, max_size=12).map(" ".join)

_BLOCKS = st.one_of(
    _INLINE,
    _INLINE.map(lambda text: "#" * 1 + " " + text),
    st.integers(1, 7).flatmap(lambda n: _INLINE.map(lambda text: "#" * n + " " + text)),
    _INLINE.map(lambda text: f"**{text}**"),
    _INLINE.map(lambda text: f"- {text}\n  - {text}\n    1. {text}"),
    _INLINE.map(lambda text: f"> {text}\n> > {text}"),
    _INLINE.map(lambda text: f"| {text} | b |\n|---|---|\n| {text} | `c` |"),
    _INLINE.map(lambda text: f"```{{r}}\n{text}\n```"),
    _INLINE.map(lambda text: f"```\n{text}"),
    _INLINE.map(lambda text: f"::: {{.callout-note}}\n{text}\n:::"),
    _INLINE.map(lambda text: f":::: columns\n::: column\n## {text}\n:::\n::::"),
    _INLINE.map(lambda text: f"<!-- contentlint-disable -->\n{text}\n<!-- contentlint-enable -->"),
    _INLINE.map(lambda text: f"Term\n: {text}"),
    _INLINE.map(lambda text: f"{text}\n---"),
    _INLINE.map(lambda text: f"$$\n{text}\n$$"),
    _INLINE.map(lambda text: f"[^1]: {text}"),
    _INLINE.map(lambda text: f"<div>\n{text}\n</div>"),
)

_FRONT_MATTER = st.one_of(
    st.just(""),
    st.dictionaries(
        st.sampled_from(["title", "date", "draft", "tags", "description", "format", "x"]),
        st.one_of(
            st.text(max_size=20), st.booleans(), st.integers(), st.lists(st.text(max_size=5))
        ),
        max_size=5,
    ).map(lambda data: "---\n" + "".join(f"{k}: {v!r}\n" for k, v in data.items()) + "---\n"),
    _INLINE.map(lambda text: f"---\n{text}\n---\n"),
    _INLINE.map(lambda text: f"+++\ntitle = {text}\n+++\n"),
    _INLINE.map(lambda text: f"{{\n{text}\n}}\n"),
    st.just("---\na: &a [1]\nb: *a\n---\n"),
    st.just("---\nunclosed: true\n"),
)

documents = st.builds(
    lambda front, blocks, newline: (front + "\n\n".join(blocks)).replace("\n", newline),
    _FRONT_MATTER,
    st.lists(_BLOCKS, max_size=12),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
raw_bytes = st.one_of(
    st.binary(max_size=2000),
    documents.map(lambda text: text.encode("utf-8")),
    documents.map(lambda text: text.encode("utf-8", "replace")[::-1]),
)
