"""``contentlint server`` driven over stdio by a real language-server client (pygls)."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

import frontmatter
import pytest
from lsprotocol import types
from markdown_it import MarkdownIt
from pygls.lsp.client import LanguageClient
from pygls.workspace import TextDocument

from lint.document import Document
from lint.server import code_actions
from lint.suppression import find_suppressions
from tests.server.lsp import TIMEOUT, Published, diagnostics_for, session

SCHEMA = {
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "kind": {"enum": ["guide", "reference", "tutorial"]},
    },
    "required": ["title"],
}
DRAFT = (
    "---\n"
    "title: Caching, explained\n"
    'kind: "guid"\n'
    "---\n"
    "\n"
    "# Caching, explained 🚀\n"
    "\n"
    "## Why\n"
    "\n"
    "## How\n"
    "\n"
    "Every page is cached for an hour.\n"
)
FIXED = DRAFT.replace("## Why\n\n", "## Why\n\nSo that pages load fast.\n\n").replace(
    '"guid"', '"guide"'
)


def _apply(text: str, edit: types.TextEdit) -> str:
    """Apply one edit whose positions are in UTF-16 code units (the LSP default)."""
    lines = text.splitlines(keepends=True)

    def offset(position: types.Position) -> int:
        line = lines[position.line]
        units = 0
        for index, character in enumerate(line):
            if units >= position.character:
                return sum(map(len, lines[: position.line])) + index
            units += 2 if ord(character) > 0xFFFF else 1
        return sum(map(len, lines[: position.line])) + len(line)

    return text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]


async def _session(project: Path, body: Callable[..., Awaitable[None]]) -> None:
    """A session in ``project`` whose body gets the client and what the server publishes."""

    async def run(client: LanguageClient, published: Published, _: object) -> None:
        await body(client, published)

    await session(project, run)


async def _actions_at(
    client: LanguageClient, uri: str, diagnostic: types.Diagnostic
) -> Sequence[Any] | None:
    """The code actions the server offers for ``diagnostic`` in the document ``uri``."""
    return await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=diagnostic.range,
                context=types.CodeActionContext(diagnostics=[diagnostic]),
            )
        ),
        TIMEOUT,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "post.schema.json").write_text(json.dumps(SCHEMA), "utf-8")
    (tmp_path / "contentlint.toml").write_text(
        '[[schemas]]\nfiles = "posts/**"\nschema = "schemas/post.schema.json"\n', "utf-8"
    )
    (tmp_path / "posts").mkdir()
    return tmp_path


def test_diagnostics_follow_the_text_and_the_rules_quick_fix_applies(project: Path) -> None:
    uri = (project / "posts" / "caching.md").as_uri()

    async def body(
        client: LanguageClient, published: asyncio.Queue[types.PublishDiagnosticsParams]
    ) -> None:
        async def next_for(version: int) -> list[types.Diagnostic]:
            return await diagnostics_for(published, uri, version, only_this_page=True)

        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=DRAFT)
            )
        )
        opened = await next_for(1)
        by_rule = {diagnostic.code: diagnostic for diagnostic in opened}
        assert set(by_rule) == {"frontmatter-schema", "empty-section"}
        schema_problem = by_rule["frontmatter-schema"]
        assert schema_problem.range == types.Range(
            types.Position(line=2, character=6), types.Position(line=2, character=12)
        )
        assert schema_problem.severity == types.DiagnosticSeverity.Error
        assert by_rule["empty-section"].range.start == types.Position(line=7, character=0)

        actions = await _actions_at(client, uri, schema_problem)
        assert actions is not None
        titles = [action.title for action in actions if isinstance(action, types.CodeAction)]
        assert 'Replace with "guide"' in titles  # the suggestion, offered too
        fixes = [
            action
            for action in actions
            if isinstance(action, types.CodeAction) and action.title.startswith("Fix: ")
        ]
        assert len(fixes) == 1 and fixes[0].is_preferred  # the rule's safe fix comes first
        assert fixes[0].edit is not None and fixes[0].edit.changes is not None
        (edit,) = fixes[0].edit.changes[uri]
        applied = _apply(DRAFT, edit)
        assert 'kind: "guide"\n' in applied

        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=applied)],
            )
        )
        after_fix = await next_for(2)
        assert [diagnostic.code for diagnostic in after_fix] == ["empty-section"]

        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=FIXED)],
            )
        )
        assert await next_for(3) == []

    asyncio.run(_session(project, body))


def test_positions_are_in_utf16_units_after_an_emoji(project: Path) -> None:
    uri = (project / "posts" / "emoji.md").as_uri()
    text = "---\ntitle: Emoji\n---\n\n# 🚀🚀 Launch TODO\n\nDone.\n"

    async def body(
        client: LanguageClient, published: asyncio.Queue[types.PublishDiagnosticsParams]
    ) -> None:
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )
        params = await asyncio.wait_for(published.get(), TIMEOUT)
        (diagnostic,) = params.diagnostics
        assert diagnostic.code == "placeholder-text"
        # "# " is 2 units, each rocket 2 units in UTF-16, then " Launch " is 8: TODO at 14.
        assert diagnostic.range.start == types.Position(line=4, character=14)
        assert diagnostic.range.end == types.Position(line=4, character=18)

    asyncio.run(_session(project, body))


def test_a_bad_config_is_one_message_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text('exlude = ["x"]\n', "utf-8")
    uri = (tmp_path / "a.md").as_uri()

    async def body(
        client: LanguageClient, published: asyncio.Queue[types.PublishDiagnosticsParams]
    ) -> None:
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text="# A\n")
            )
        )
        first = await asyncio.wait_for(published.get(), TIMEOUT)
        second = await asyncio.wait_for(published.get(), TIMEOUT)
        assert {first.uri, second.uri} == {"message:", uri}
        assert [*first.diagnostics, *second.diagnostics] == []

    asyncio.run(_session(tmp_path, body))


# --- "Disable RULE for this line / this file": valid where the comment lands ------------------

LINE_ACTION = "Disable frontmatter-schema for this line"
FILE_ACTION = "Disable frontmatter-schema for this file"
#: Schema problems on line 2 (a wrong value whose string holds a "#") and on line 1 (the
#: missing ``title`` is reported at the opening ``---``).
YAML_POST = (
    '---\nkind: "guid # not a comment" # the author\'s note\ntags: [a, b]\n---\n\n# Post\n\nText.\n'
)
JSON_POST = '{\n  "kind": "guid",\n  "tags": ["a"]\n}\n\n# Data\n\nText.\n'


def _only_action(actions: Sequence[Any] | None, title: str) -> types.TextEdit:
    """The one edit of the action called ``title``."""
    chosen = [action for action in actions or () if action.title == title]
    assert len(chosen) == 1, [action.title for action in actions or ()]
    assert chosen[0].edit is not None and chosen[0].edit.changes is not None
    (edits,) = chosen[0].edit.changes.values()
    (edit,) = edits
    assert isinstance(edit, types.TextEdit)
    return edit


def _assert_nothing_on_or_above_the_opening_fence(actions: Sequence[Any] | None) -> None:
    for action in actions or ():
        assert action.edit is not None and action.edit.changes is not None
        for edits in action.edit.changes.values():
            for edit in edits:
                assert edit.range.start.line >= 1, (action.title, edit)


def test_suppression_actions_in_front_matter_keep_it_valid(project: Path) -> None:
    uri = (project / "posts" / "post.md").as_uri()
    json_uri = (project / "posts" / "data.md").as_uri()

    async def body(
        client: LanguageClient, published: asyncio.Queue[types.PublishDiagnosticsParams]
    ) -> None:
        async def next_for(target: str, version: int) -> list[types.Diagnostic]:
            return await diagnostics_for(published, target, version)

        async def actions_for(target: str, diagnostic: types.Diagnostic) -> Sequence[Any]:
            actions = await _actions_at(client, target, diagnostic)
            assert actions is not None
            _assert_nothing_on_or_above_the_opening_fence(actions)
            return actions

        def change(target: str, version: int, text: str) -> None:
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(
                        uri=target, version=version
                    ),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
                )
            )

        def schema_lines(diagnostics: list[types.Diagnostic]) -> list[int]:
            return sorted(d.range.start.line for d in diagnostics if d.code == "frontmatter-schema")

        data = frontmatter.loads(YAML_POST).metadata
        assert data == {"kind": "guid # not a comment", "tags": ["a", "b"]}
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=YAML_POST)
            )
        )
        opened = await next_for(uri, 1)
        assert schema_lines(opened) == [0, 1]
        on_line_2 = next(d for d in opened if d.range.start.line == 1)

        # Line 2: a YAML comment at the end of the line, after the author's own comment.
        edit = _only_action(await actions_for(uri, on_line_2), LINE_ACTION)
        assert edit.range.start.line == 1
        with_line_comment = _apply(YAML_POST, edit)
        assert with_line_comment.splitlines()[1] == (
            'kind: "guid # not a comment" # the author\'s note'
            " # contentlint-disable-line frontmatter-schema"
        )
        assert frontmatter.loads(with_line_comment).metadata == data
        change(uri, 2, with_line_comment)
        after_line = await next_for(uri, 2)
        assert schema_lines(after_line) == [0]

        # Line 1, the opening fence: no line action, the file action goes after the fence.
        on_line_1 = next(d for d in after_line if d.code == "frontmatter-schema")
        actions = await actions_for(uri, on_line_1)
        assert LINE_ACTION not in [action.title for action in actions]
        edit = _only_action(actions, FILE_ACTION)
        assert edit.range.start == types.Position(line=4, character=0)  # the line after "---"
        with_file_comment = _apply(with_line_comment, edit)
        assert with_file_comment.startswith("---\n")
        assert frontmatter.loads(with_file_comment).metadata == data
        change(uri, 3, with_file_comment)
        assert schema_lines(await next_for(uri, 3)) == []

        # JSON front matter has no comments: the file action only, after the closing brace.
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(
                    uri=json_uri, language_id="markdown", version=1, text=JSON_POST
                )
            )
        )
        json_found = await next_for(json_uri, 1)
        assert schema_lines(json_found) == [0, 1]
        for diagnostic in json_found:
            actions = await actions_for(json_uri, diagnostic)
            assert not [action.title for action in actions if "this line" in action.title]
            edit = _only_action(actions, FILE_ACTION)
            assert edit.range.start == types.Position(line=4, character=0)
        silenced = _apply(JSON_POST, edit)
        assert frontmatter.loads(silenced).metadata == frontmatter.loads(JSON_POST).metadata
        change(json_uri, 2, silenced)
        assert schema_lines(await next_for(json_uri, 2)) == []

    asyncio.run(_session(project, body))


def test_a_docusaurus_page_is_silenced_with_an_mdx_comment(tmp_path: Path) -> None:
    """Docusaurus compiles .md as MDX: the server offers the MDX comment, which silences."""
    (tmp_path / "docusaurus.config.js").write_text("export default {};\n", "utf-8")
    (tmp_path / "docs").mkdir()
    uri = (tmp_path / "docs" / "intro.md").as_uri()
    page = "# Intro\n\nText.\n\n## Empty\n\n## Next\n\nText.\n"

    async def body(
        client: LanguageClient, published: asyncio.Queue[types.PublishDiagnosticsParams]
    ) -> None:
        async def next_for(version: int) -> list[types.Diagnostic]:
            found = await diagnostics_for(published, uri, version)
            return [d for d in found if d.code == "empty-section"]

        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="mdx", version=1, text=page)
            )
        )
        (empty,) = await next_for(1)
        actions = await _actions_at(client, uri, empty)
        edit = _only_action(actions, "Disable empty-section for this line")
        assert edit.new_text == "{/* contentlint-disable-next-line empty-section */}\n"
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(_apply(page, edit))],
            )
        )
        assert await next_for(2) == []

    asyncio.run(_session(tmp_path, body))


# Where each action lands, checked on many documents without a server: the front matter keeps
# its data, the body renders the same blocks, and the comment silences the rule on that line.

RULE = "placeholder-text"
CASES = {
    # name: (document, 1-based line of the finding, is a line action expected)
    "yaml-end-of-line": ("---\ntitle: T\nsummary: TODO # note\n---\n\nText.\n", 3, True),
    "yaml-quoted-hash": ('---\ntitle: "C# # TODO"\n---\n\nText.\n', 2, True),
    "yaml-single-quoted": ("---\ntitle: 'it''s # TODO'\n---\n", 2, True),
    "yaml-block-header": ("---\ndesc: >-\n  TODO\n  more\nx: 1\n---\n", 2, True),
    "yaml-block-content": ("---\ndesc: >-\n  TODO\n  more\nx: 1\n---\n", 3, False),
    "yaml-plain-over-lines": ("---\ndesc: TODO\n  more\n---\n", 2, True),
    "yaml-plain-last-line": ("---\ndesc: a\n  TODO\n---\n", 3, True),
    "yaml-plain-middle-line": ("---\ndesc: a\n  TODO\n  b\n---\n", 3, False),
    "yaml-quoted-last-line": ('---\ndesc: "a\n  TODO"\n---\n', 3, True),
    "yaml-quoted-middle-line": ('---\ndesc: "a\n  TODO\n  b"\n---\n', 3, False),
    "yaml-in-a-list": ("---\ntags:\n  - TODO\n  - b\n---\n", 3, True),
    "yaml-closing-fence": ("---\ntitle: T\n---\n\nText.\n", 3, True),
    "yaml-opening-fence": ("---\ntitle: T\n---\n\nText.\n", 1, False),
    "yaml-crlf": ("---\r\ntitle: T\r\nsummary: TODO\r\n---\r\n\r\nText.\r\n", 3, True),
    "toml-end-of-line": ('+++\ntitle = "T # x"\nsummary = "TODO" # note\n+++\n', 3, True),
    "toml-multi-line-opening": ('+++\ns = """\nTODO\n"""\n+++\n', 2, True),
    "toml-multi-line-inside": ('+++\ns = """\nTODO\n"""\n+++\n', 3, False),
    "toml-opening-fence": ('+++\ntitle = "T"\n+++\n', 1, False),
    "json-value": ('{\n  "title": "TODO"\n}\n\nText.\n', 2, False),
    "body-after-front-matter": ("---\nt: 1\n---\nTODO\n", 4, True),
    "body-first-line": ("TODO\n\nText.\n", 1, True),
    "body-heading": ("# T\n\nText TODO\n", 3, True),
    "body-paragraph-continuation": ("Para\nmore TODO\nend\n", 2, True),
    "body-second-list-item": ("- a\n- b TODO\n- c\n", 2, True),
    "body-nested-list": ("1. a\n2. b\n   - c TODO\n   - d\n", 3, True),
    "body-list-continuation": ("- a\n  more TODO\n- b\n", 2, True),
    "body-quote": ("> a\n> b TODO\n", 2, True),
    "body-closing-hashes": ("> a\n> ## T TODO ##\n", 2, True),
    "body-hard-breaks": ("a  \nb TODO\\\nc  \nd\n", 2, True),
    "body-table-row": ("| a | b |\n|---|---|\n| c | TODO |\n", 3, True),
    "body-table-delimiter": ("| a | b |\n|---|---|\n| c | TODO |\n", 2, False),
    "body-code": ("```\nTODO\n```\n", 2, False),
    "body-code-closing": ("Text.\n\n```\nTODO\n```\n", 5, False),
    "body-code-in-list": ("- a\n\n  ```\n  TODO\n  ```\n", 4, False),
    "body-html-comment": ("<!--\nTODO\n-->\n\nText.\n", 2, False),
}


def _diagnostic_at(line: int) -> types.Diagnostic:
    start = types.Position(line=line - 1, character=0)
    return types.Diagnostic(
        range=types.Range(start, types.Position(line=line - 1, character=1)),
        message="placeholder",
        code=RULE,
        source="contentlint",
    )


def _blocks(text: str) -> str:
    """The body as HTML, without suppression comments and blanks: the blocks it renders."""
    html = MarkdownIt("commonmark").enable("table").render(frontmatter.loads(text).content)
    return re.sub(r"\s+", "", re.sub(r"<!-- contentlint-[^>]*-->", "", html))


def _suppressed(text: str, line: int) -> bool:
    found = find_suppressions(Document.from_text("doc.md", text))
    return found.suppresses(RULE, ("unfinished",), line)


@pytest.mark.parametrize("name", list(CASES))
def test_each_suppression_action_is_valid_where_it_lands(name: str) -> None:
    text, line, expect_line_action = CASES[name]
    document = TextDocument("file:///project/doc.md", text)
    actions = code_actions(document, [_diagnostic_at(line)])
    if text.startswith(("---", "+++", "{")):
        _assert_nothing_on_or_above_the_opening_fence(actions)
    titles = [action.title for action in actions]
    data = frontmatter.loads(text).metadata
    if expect_line_action:
        edit = _only_action(actions, f"Disable {RULE} for this line")
        changed = _apply(text, edit)
        moved = line + edit.new_text.count("\n")  # a comment line above pushes the line down
        assert _suppressed(changed, moved), changed
        assert not _suppressed(changed, moved + 1) and not _suppressed(changed, moved - 1)
        assert frontmatter.loads(changed).metadata == data, changed
        assert _blocks(changed) == _blocks(text), changed
        assert "\r\n" not in text or "\n" not in changed.replace("\r\n", "")
    else:
        assert f"Disable {RULE} for this line" not in titles
    edit = _only_action(actions, f"Disable {RULE} for this file")
    changed = _apply(text, edit)
    assert frontmatter.loads(changed).metadata == data, changed
    assert _blocks(changed) == _blocks(text), changed
    assert all(_suppressed(changed, number) for number in range(1, changed.count("\n") + 2))


def test_an_unclosed_front_matter_gets_no_suppression_action() -> None:
    document = TextDocument("file:///project/doc.md", "---\ntitle: T\n\nText TODO.\n")
    actions = code_actions(document, [_diagnostic_at(3)])
    assert [action.title for action in actions if "Disable" in action.title] == []


#: MDX documents, a line of each with a finding, and whether that line gets an action.
MDX_CASES = {
    "mdx-first-line": ("# T\n\nText TODO.\n", 3, True),
    "mdx-front-matter-and-paragraph": ("---\ntitle: T\n---\n\nText TODO.\n", 5, True),
    "mdx-paragraph-continuation": ("Para\nmore TODO\nend\n", 2, True),
    "mdx-list-item": ("- a\n- b TODO\n- c\n", 2, True),
    "mdx-jsx-child": (
        '<Tabs>\n  <TabItem value="a">\n\nText TODO.\n\n  </TabItem>\n</Tabs>\n',
        4,
        True,
    ),
    "mdx-code": ("```\nTODO\n```\n", 2, False),
}


def _mdx_blocks(text: str) -> list[tuple[str, str]]:
    """An MDX document's blocks and inline content, without its comments."""
    document = Document.from_text("page.mdx", text)
    return [
        (token.type, re.sub(r"\s*\{/\*[^}]*\*/\}", "", token.content))
        for token in document.tokens
        if token.type != "comment"
    ]


@pytest.mark.parametrize("name", list(MDX_CASES))
def test_mdx_gets_mdx_comments_where_html_ones_would_not_compile(name: str) -> None:
    text, line, expect_line_action = MDX_CASES[name]
    actions = code_actions(TextDocument("file:///project/page.mdx", text), [_diagnostic_at(line)])
    edits = [
        edit
        for action in actions
        if action.edit is not None and action.edit.changes is not None
        for edit in action.edit.changes["file:///project/page.mdx"]
    ]
    assert edits and all("<!--" not in edit.new_text for edit in edits)
    titles = [action.title for action in actions]
    for title, lines in (("line", (line,)), ("file", range(1, text.count("\n") + 2))):
        if title == "line" and not expect_line_action:
            assert f"Disable {RULE} for this line" not in titles
            continue
        edit = _only_action(actions, f"Disable {RULE} for this {title}")
        assert edit.new_text.strip().startswith("{/* contentlint-disable-"), edit.new_text
        changed = _apply(text, edit)
        moved = [number + edit.new_text.count("\n") * (title == "line") for number in lines]
        found = find_suppressions(Document.from_text("page.mdx", changed))
        assert all(found.suppresses(RULE, ("unfinished",), number) for number in moved), changed
        assert _mdx_blocks(changed) == _mdx_blocks(text), changed


def test_a_markdown_page_gets_the_comment_form_its_generator_compiles() -> None:
    from lint.dialects.docusaurus import Docusaurus
    from lint.dialects.markdown import Markdown
    from lint.dialects.starlight import Starlight

    document = TextDocument("file:///project/docs/intro.md", "# T\n\nText TODO.\n")
    # Docusaurus compiles .md as MDX; Astro compiles only .mdx as MDX.
    cases = ((Docusaurus, "{/*"), (Starlight, "<!--"), (Markdown, "<!--"), (None, "<!--"))
    for dialect, opening in cases:
        actions = code_actions(document, [_diagnostic_at(3)], dialect)
        edit = _only_action(actions, f"Disable {RULE} for this line")
        assert edit.new_text.startswith(f"{opening} contentlint-disable-next-line {RULE}")


def test_several_findings_of_a_rule_get_one_file_action() -> None:
    document = TextDocument("file:///project/doc.md", "TODO\n\nTODO\n")
    actions = code_actions(document, [_diagnostic_at(1), _diagnostic_at(3)])
    titles = [action.title for action in actions]
    assert titles.count(f"Disable {RULE} for this file") == 1
    assert titles.count(f"Disable {RULE} for this line") == 2
