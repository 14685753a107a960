"""The language server (``contentlint server``): live diagnostics and quick fixes over LSP."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidRequest
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from lint import __version__, rule_help_uri
from lint.config import Config, ConfigError, schema_locations
from lint.detected_schema import changes_detection, forget_detection
from lint.diagnostics import Diagnostic, Severity
from lint.dialects.mkdocs import forget_site_configs
from lint.document import Document
from lint.engine import INTERNAL_ERROR, Plan, check_text
from lint.files import is_excluded
from lint.projects import Projects
from lint.prose.engines import EngineUnavailable
from lint.prose.project_words import forget_project_words
from lint.prose.settings import prose_settings
from lint.registry import RegistryError, load_rules, rule_classes
from lint.schema import SchemaLoadError, load_validator, schema_files
from lint.site.facts import PageFacts
from lint.site.stage import SiteStage
from lint.suppression import CommentMap, front_matter_comments, has_mdx_comments

if TYPE_CHECKING:
    from markdown_it.token import Token

    from lint.dialects import Dialect

#: Wait this long after the last keystroke before checking a changed document.
DEBOUNCE_SECONDS = 0.05
#: Saving one of these files reloads the configuration.
CONFIG_FILES = frozenset({"contentlint.toml", ".contentlint.toml", "pyproject.toml"})
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


#: What structure_message returns for a request it already answered with an error.
_ANSWERED = object()


class _AnsweringProtocol(LanguageServerProtocol):
    """pygls' protocol, but every request gets an answer, as JSON-RPC and LSP require: one
    whose params do not fit the method gets InvalidParams (pygls only logs it, and the client
    waits for ever), and one after ``shutdown`` gets InvalidRequest (pygls drops it)."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        request = isinstance(data, dict) and "id" in data and "method" in data
        if request and self._shutdown and data["method"] != types.EXIT:
            refused = JsonRpcInvalidRequest("the server is shutting down: only exit is accepted")
            self._send_response(data["id"], error=refused.to_response_error())
            return _ANSWERED
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if request:
                self._send_response(data["id"], error=error.to_response_error())
                return _ANSWERED
            raise

    def handle_message(self, message: Any) -> None:
        if message is not _ANSWERED:
            super().handle_message(message)


class ContentlintServer(LanguageServer):
    """Keeps one plan (rules, each project's config, loaded schemas, prose settings) warm and
    checks documents as they change; a change to a config, schema or vocabulary file (saved
    in the editor, or reported by the client's file watcher) reloads it all."""

    def __init__(self) -> None:
        super().__init__("contentlint", __version__, protocol_cls=_AnsweringProtocol)
        self._plan: Plan | None = None
        self._pending: dict[str, asyncio.Task[None]] = {}
        #: The schema and vocabulary files the loaded configs use (config files are known by
        #: name): a change to one of them reloads the plan.
        self.watched: set[Path] = set()
        self._shown: set[str] = set()
        #: The site index of the open documents (links rules), kept across changes.
        self._site: SiteStage | None = None
        #: Each open document with links: its path, its own diagnostics (as published) and
        #: the site diagnostics last published with them.
        self._linked: dict[str, tuple[Path, list[types.Diagnostic], list[types.Diagnostic]]] = {}

    def plan(self) -> Plan | None:
        """The plan for the workspace, built on first use: each document gets the config found
        from its own folder upward, as on the command line. None (and one message) if the
        rules cannot be loaded."""
        if self._plan is None:
            root = Path(self.workspace.root_path or Path.cwd())
            try:
                rules = rule_classes(load_rules())
                projects = Projects(rules, root)
                plan = Plan(rules, projects.for_folder(root), projects=projects)
                projects.on_load(lambda config: self._prepare(plan, config))
            except (ConfigError, RegistryError, SchemaLoadError) as error:
                self.show_error(str(error))
                return None
            self._plan = plan
        return self._plan

    def _prepare(self, plan: Plan, config: Config) -> None:
        """What the command line checks before a project's first file: its schemas load and
        its ``[prose]`` table is valid (else ConfigError or SchemaLoadError)."""
        for location in schema_locations(config):
            load_validator(location)
            self.watched.update(path.resolve() for path in schema_files(location))
        prose = prose_settings(config)
        plan.add_project(config, prose)
        vocabulary = config.prose.get("vocabulary")
        if vocabulary:
            self.watched.add(Path(vocabulary).resolve())

    def show_error(self, message: str) -> None:
        """One message per distinct problem, however many documents it stops."""
        if message in self._shown:
            return
        self._shown.add(message)
        self.window_show_message(
            types.ShowMessageParams(types.MessageType.Error, f"contentlint: {message}")
        )

    def add_to_vocabulary(self, uri: object, word: object) -> None:
        """Write ``word`` to the vocabulary file of the document's project (naming the file
        in its config if need be), then check every open document again."""
        from lint.prose.unknown_words import add_words, name_vocabulary_in_config, vocabulary_file

        plan = self.plan()
        if plan is None or not isinstance(uri, str) or not isinstance(word, str) or not word:
            return
        path = to_fs_path(uri)
        if not path:
            return
        config = plan.config_for(Path(path))
        folder = config.sources[0].parent if config.sources else Path(path).parent
        try:
            add_words(vocabulary_file(config, folder), [word])
            name_vocabulary_in_config(config, vocabulary_file(config, folder), folder)
        except (OSError, ConfigError) as error:
            self.show_error(f"cannot add {word!r} to the vocabulary: {error}")
            return
        self.reload()

    def reload(self) -> None:
        self._plan = None
        self._site = None
        self._linked.clear()
        self._shown.clear()
        self.watched.clear()
        load_validator.cache_clear()
        forget_detection()
        forget_project_words()
        forget_site_configs()
        for document in list(self.workspace.text_documents.values()):
            self.check(document.uri)

    def reloads_on(self, path: Path) -> bool:
        """Whether a change to ``path`` changes what the checks report."""
        return (
            path.name in CONFIG_FILES or path.resolve() in self.watched or changes_detection(path)
        )

    def dialect_of(self, document: TextDocument) -> type[Dialect] | None:
        """The dialect ``document`` is checked in (None where no plan or path tells)."""
        plan = self.plan()
        if plan is None or not document.path:
            return None
        try:
            return plan.dialect_for(Path(document.path))
        except ConfigError:
            return None

    def check(self, uri: str) -> None:
        """Check the open document ``uri`` now and publish its diagnostics."""
        document = self.workspace.get_text_document(uri)
        plan = self.plan()
        found: list[types.Diagnostic] = []
        if plan is not None and document.path:
            path = Path(document.path)
            try:
                if not is_excluded(path, plan.config_for(path)):
                    report = check_text(str(path), path, document.source, plan)
                    lines = document.lines
                    found = [self.to_lsp(diagnostic, lines) for diagnostic in report.diagnostics]
                    if report.facts is not None:
                        found += self._with_site(plan, uri, path, report.facts, list(found))
            except (ConfigError, SchemaLoadError, EngineUnavailable) as error:
                self.show_error(str(error))
            except Exception as error:  # noqa: BLE001 - a document that raises still gets an
                # answer: the editor shows why, where an empty list would say "all is well"
                found = [self._crash_diagnostic(error)]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=document.version)
        )
        if uri in self._linked:
            self.refresh_links(but=uri)

    def _with_site(
        self, plan: Plan, uri: str, path: Path, facts: PageFacts, own: list[types.Diagnostic]
    ) -> list[types.Diagnostic]:
        """The document's site diagnostics, after its new facts join the index (the other
        open documents' are refreshed once its own are published)."""
        if self._site is None:
            self._site = SiteStage(plan)
        self._site.update(path, facts)
        found = self._site_diagnostics(uri, path)
        self._linked[uri] = (path, own, found)
        return found

    def _site_diagnostics(self, uri: str, path: Path) -> list[types.Diagnostic]:
        assert self._site is not None
        lines = self.workspace.get_text_document(uri).lines
        return [self.to_lsp(item, lines) for item in self._site.diagnostics(str(path), path)]

    def refresh_links(self, but: str | None = None) -> None:
        """Publish again the open documents whose links now resolve differently."""
        for uri, (path, own, before) in list(self._linked.items()):
            if uri == but or self._site is None:
                continue
            after = self._site_diagnostics(uri, path)
            if after != before:
                self._linked[uri] = (path, own, after)
                document = self.workspace.get_text_document(uri)
                self.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(
                        uri=uri, diagnostics=own + after, version=document.version
                    )
                )

    def files_changed(self, paths: Sequence[Path]) -> None:
        """Files changed on disk (the client's watcher): links into them are resolved again,
        and the projects' own words are read again."""
        forget_project_words()
        forget_site_configs()
        if self._site is None:
            return
        open_paths = {path for path, _, _ in self._linked.values()}
        for path in paths:
            if path not in open_paths:
                self._site.file_changed(path)
        self.refresh_links()

    @staticmethod
    def _crash_diagnostic(error: Exception) -> types.Diagnostic:
        """The one diagnostic of a document whose check raised."""
        message = f"contentlint could not check this file: {type(error).__name__}: {error}"
        return types.Diagnostic(
            range=types.Range(
                start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)
            ),
            message=message,
            severity=types.DiagnosticSeverity.Error,
            code=INTERNAL_ERROR,
            source="contentlint",
        )

    def schedule(self, uri: str) -> None:
        """Check ``uri`` once typing pauses: a newer change cancels the pending check."""
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()

        async def later() -> None:
            await asyncio.sleep(DEBOUNCE_SECONDS)
            self._pending.pop(uri, None)
            self.check(uri)

        self._pending[uri] = asyncio.get_running_loop().create_task(later())

    def forget(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )
        linked = self._linked.pop(uri, None)
        if linked is not None and self._site is not None:
            self._site.close(linked[0])
            self.refresh_links()

    def to_lsp(self, diagnostic: Diagnostic, lines: Sequence[str]) -> types.Diagnostic:
        """Our 1-based, code-point positions as the client's 0-based positions and units."""
        codec = self.workspace.position_codec
        start = codec.position_to_client_units(
            lines, types.Position(line=diagnostic.line - 1, character=diagnostic.column - 1)
        )
        end = codec.position_to_client_units(
            lines,
            types.Position(line=diagnostic.end_line - 1, character=diagnostic.end_column - 1),
        )
        fix = [
            {
                "range": self._client_range(
                    lines, edit.line, edit.column, edit.end_line, edit.end_column
                ),
                "new_text": edit.replacement,
                "safe": edit.safe,
            }
            for edit in diagnostic.fix
        ]
        return types.Diagnostic(
            range=types.Range(start=start, end=end),
            message=diagnostic.message,
            severity=_SEVERITIES[diagnostic.severity],
            code=diagnostic.rule,
            code_description=types.CodeDescription(href=rule_help_uri(diagnostic.rule)),
            source=diagnostic.source,
            data={
                "suggestions": list(diagnostic.suggestions),
                "engine_code": diagnostic.code,
                "fix": fix,
            },
        )

    def _client_range(
        self, lines: Sequence[str], line: int, column: int, end_line: int, end_column: int
    ) -> list[int]:
        """[line, character, end line, end character] in the client's 0-based units."""
        codec = self.workspace.position_codec
        start = codec.position_to_client_units(
            lines, types.Position(line=line - 1, character=column - 1)
        )
        end = codec.position_to_client_units(
            lines, types.Position(line=end_line - 1, character=end_column - 1)
        )
        return [start.line, start.character, end.line, end.character]


def code_actions(
    document: TextDocument,
    diagnostics: Sequence[types.Diagnostic],
    dialect: type[Dialect] | None = None,
) -> list[types.CodeAction]:
    """The rule's own fix, a quick fix per suggestion, and two to silence the rule: on that
    line, and in the whole file (see ``_Placement`` for where each comment goes), in the
    syntax of ``dialect`` (without one, of the dialect the file's extension claims)."""
    actions: list[types.CodeAction] = []
    placement: _Placement | None = None
    offered: set[str] = set()
    for diagnostic in diagnostics:
        if diagnostic.source is None or not isinstance(diagnostic.code, str):
            continue
        data: Any = diagnostic.data if isinstance(diagnostic.data, dict) else {}
        fix = _fix_action(document, diagnostic, data.get("fix") or [])
        if fix is not None:
            actions.append(fix)
        for number, suggestion in enumerate(data.get("suggestions") or []):
            edit = types.TextEdit(range=diagnostic.range, new_text=str(suggestion))
            actions.append(
                types.CodeAction(
                    title=f"Replace with {suggestion}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=number == 0 and fix is None,
                    edit=types.WorkspaceEdit(changes={document.uri: [edit]}),
                )
            )
        actions.extend(_vocabulary_action(document, diagnostic, offered))
        if placement is None:
            placement = _Placement(document, dialect)
        actions.extend(_disable_actions(placement, diagnostic, diagnostic.code, offered))
    return actions


#: The command behind "Add to vocabulary": arguments, the document's URI and the word.
ADD_TO_VOCABULARY = "contentlint.addToVocabulary"


def _vocabulary_action(
    document: TextDocument, diagnostic: types.Diagnostic, offered: set[str]
) -> list[types.CodeAction]:
    """ "Add "word" to vocabulary" next to a spelling finding (once per word and request)."""
    if diagnostic.code != "spelling":
        return []
    lines = document.lines
    start, end = diagnostic.range.start, diagnostic.range.end
    if start.line != end.line or start.line >= len(lines):
        return []
    word = lines[start.line][start.character : end.character].strip()
    key = f"vocabulary:{word}"
    if not word or key in offered:
        return []
    offered.add(key)
    command = types.Command(
        title=f'Add "{word}" to vocabulary',
        command=ADD_TO_VOCABULARY,
        arguments=[document.uri, word],
    )
    action = types.CodeAction(
        title=command.title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic]
    )
    action.command = command
    return [action]


def _disable_actions(
    placement: _Placement, diagnostic: types.Diagnostic, rule: str, offered: set[str]
) -> list[types.CodeAction]:
    """The actions that disable ``rule`` for the diagnostic's line and for the file, each
    only where its comment is valid where it lands, and each once per request."""
    actions = []
    line_edit = placement.line_edit(diagnostic.range.start.line + 1, rule)
    file_edit = placement.file_edit(rule)
    for title, edit in (
        (f"Disable {rule} for this line", line_edit),
        (f"Disable {rule} for this file", file_edit),
    ):
        key = f"{title}:{diagnostic.range.start.line}" if edit is line_edit else title
        if edit is None or key in offered:
            continue
        offered.add(key)
        actions.append(
            types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=types.WorkspaceEdit(changes={placement.document.uri: [edit]}),
            )
        )
    return actions


#: Block tokens whose lines carry inline content (a comment appended to one is inline HTML).
_INLINE_BLOCKS = frozenset(
    {"paragraph_open", "heading_open", "table_open", "thead_open", "tbody_open", "tr_open"}
)


class _Placement:
    """Where a suppression comment may be written in one document so that it is a comment
    where it lands and changes nothing else: the front matter stays the same data, the
    body the same blocks, and nothing goes above the opening fence.

    - YAML or TOML front matter: ``# contentlint-disable-line RULE`` at the end of the line
      (after any comment already there), or, where the line ends inside a value (a block or
      multi-line string), ``# contentlint-disable-next-line RULE`` on a line of its own above
      it; on the closing fence, the latter above the fence. JSON has no comments: no line
      action. The opening fence (line 1) gets only the file action.
    - The body: the first line of a top-level block gets
      ``<!-- contentlint-disable-next-line RULE -->`` above it (a comment line cannot join or
      split a top-level block). Any other line, in a list item, a quote, a table or the middle
      of a paragraph, gets ``<!-- contentlint-disable-line RULE -->`` at its end: a line
      inserted there would end the paragraph or the list (an HTML comment interrupts both, and
      a list item's indentation differs from item to item), while inline HTML changes no
      block. Each candidate is parsed with the top-level block it lands in, and offered only
      if the blocks stay the same and the comment is HTML there (not code, not a fence's info
      string, not inside another comment).
    - The file: ``<!-- contentlint-disable-file RULE -->`` after the closing fence, or at the
      top without front matter; nothing when the front matter is never closed.
    - MDX has no HTML comments (``<!-- -->`` does not compile): there each comment is an MDX
      one, ``{/* contentlint-disable-next-line RULE */}``, with the same placement.
    """

    def __init__(self, document: TextDocument, dialect: type[Dialect] | None = None) -> None:
        self.document = document
        path = document.path or document.uri
        self.doc = Document.from_text(path, document.source, dialect)
        self.text = self.doc.text
        first_break = self.text.find("\n")
        self.newline = "\r\n" if first_break > 0 and self.text[first_break - 1] == "\r" else "\n"
        self.usable = True
        mdx = has_mdx_comments(self.doc)
        self.opening, self.closing = ("{/*", "*/}") if mdx else ("<!--", "-->")
        front_matter = self.doc.front_matter
        self.front_matter_lines = 0
        if front_matter is not None:
            closed = front_matter.format == "json" or self.doc.body_start > (
                front_matter.content_span.start
            )
            self.usable = self.usable and closed
            self.front_matter_lines = self.doc.lines.position(front_matter.span.end)[0]
        self._comments: CommentMap | None = None

    def _comment(self, kind: str, rule: str) -> str:
        return f"{self.opening} contentlint-{kind} {rule} {self.closing}"

    def _position(self, offset: int) -> types.Position:
        line, column = self.doc.lines.position(offset)
        if column == 1:
            return types.Position(line=line - 1, character=0)
        return self.document.position_codec.position_to_client_units(
            self.document.lines, types.Position(line=line - 1, character=column - 1)
        )

    def _insert(self, offset: int, text: str) -> types.TextEdit:
        position = self._position(offset)
        return types.TextEdit(range=types.Range(position, position), new_text=text)

    def file_edit(self, rule: str) -> types.TextEdit | None:
        if not self.usable:
            return None
        comment = self._comment("disable-file", rule)
        if self.front_matter_lines == 0:
            return self._insert(0, comment + self.newline)
        if self.doc.body_start < len(self.text):
            return self._insert(self.doc.body_start, comment + self.newline)
        # Nothing after the closing fence: at the end of its line (a position past the last
        # line is not one every client accepts).
        fence_end = self.doc.lines.line_end(self.front_matter_lines, self.text)
        return self._insert(fence_end, self.newline + comment)

    def line_edit(self, line: int, rule: str) -> types.TextEdit | None:
        """The edit that silences ``rule`` on 1-based ``line``, if one is valid there."""
        if not self.usable:
            return None
        if line <= self.front_matter_lines:
            return self._front_matter_edit(line, rule)
        return self._body_edit(line, rule)

    def _front_matter_edit(self, line: int, rule: str) -> types.TextEdit | None:
        front_matter = self.doc.front_matter
        if line <= 1 or front_matter is None or front_matter.format == "json":
            return None  # never on or above the opening fence; JSON has no comments
        if self._comments is None:
            self._comments = front_matter_comments(self.doc)
        comments = self._comments
        if comments is None:
            return None
        lines = self.doc.lines
        start, end = lines.line_start(line), lines.line_end(line, self.text)
        if line < self.front_matter_lines and not comments.inside_value(end):
            return self._insert(end, f" # contentlint-disable-line {rule}")
        if comments.inside_value(start):
            return None  # inside a multi-line value: no comment can stand on or above it
        text = "" if line == self.front_matter_lines else self.text[start:end]
        indent = text[: len(text) - len(text.lstrip(" "))]
        return self._insert(start, f"{indent}# contentlint-disable-next-line {rule}{self.newline}")

    def _body_edit(self, line: int, rule: str) -> types.TextEdit | None:
        index = line - 1  # token maps are 0-based
        covering = [
            token
            for token in self.doc.tokens
            if token.map and token.map[0] <= index < token.map[1] and token.type != "inline"
        ]
        lines = self.doc.lines
        start = lines.line_start(line)
        above = self._comment("disable-next-line", rule) + self.newline
        if not covering:
            if start >= len(self.text):
                return None  # past the last line break: no line there
            return self._insert(start, above)  # a blank line, or one no block claims
        first, last = covering[0].map or (index, index + 1)  # the top-level block's lines
        block_start = lines.line_start(first + 1)
        block = self.text[block_start : lines.line_end(last, self.text)]
        if index == first and self._keeps_blocks(block, above, 0, line_above=True):
            return self._insert(start, above)
        end = lines.line_end(line, self.text)
        comment = self._comment("disable-line", rule)
        for cut in self._cuts(covering[-1], line, start, end):
            if self._keeps_blocks(block, f" {comment}", cut - block_start):
                return self._insert(cut, f" {comment}")
        return None

    def _cuts(self, leaf: Token, line: int, start: int, end: int) -> list[int]:
        """Where on the line an inline comment may go, most specific first: before an ATX
        heading's closing hashes, a hard line break's backslash or a table row's last pipe;
        else at the end, before any trailing blanks (which may be a hard line break)."""
        text = self.text[start:end].rstrip(" \t")
        cuts = []
        if leaf.type == "heading_open" and leaf.markup.startswith("#"):
            opening = text.rstrip("#")
            if len(opening) < len(text) and opening.endswith((" ", "\t")):
                cuts.append(len(opening.rstrip(" \t")))
        elif text.endswith(("\\", "|")):
            cuts.append(len(text[:-1].rstrip(" \t")))
        cuts.append(len(text))
        return [start + cut for cut in cuts]

    def _keeps_blocks(self, block: str, inserted: str, at: int, line_above: bool = False) -> bool:
        """Whether ``block`` (a top-level block's source) with ``inserted`` at ``at`` parses
        into the same blocks, plus the comment as HTML (inline, or a line of its own)."""
        from lint.dialects.parser import parse

        syntax = self.doc.syntax
        before = _shape(parse(block, syntax), shift=1 if line_above else 0)
        after_tokens = parse(block[:at] + inserted + block[at:], syntax)
        comment = inserted.strip()
        if line_above:
            head = after_tokens[0] if after_tokens else None
            if head is None or not _is_comment_block(head, comment):
                return False
            return _shape(after_tokens[1:]) == before
        if _shape(after_tokens) != before:
            return False
        return any(
            _is_comment_block(token, comment, alone=False)
            or any(
                child.type in ("html_inline", "template") and child.content == comment
                for child in token.children or ()
            )
            for token in after_tokens
        )


def _is_comment_block(token: Token, comment: str, alone: bool = True) -> bool:
    """Whether ``token`` is a block holding ``comment``: an HTML block, or the comment block
    of an MDX ``{/* … */}`` (whose content is what lies between the braces)."""
    if token.type == "html_block":
        content = token.content.strip()
        return content == comment if alone else comment in content
    return token.type == "comment" and "{" + token.content.strip() + "}" == comment


def _shape(tokens: Sequence[Token], shift: int = 0) -> list[tuple[Any, ...]]:
    """The block structure of a token stream: each block token's kind, markup, info string
    and lines (``shift`` lines down)."""
    return [
        (
            token.type,
            token.nesting,
            token.markup,
            token.info,
            (token.map[0] + shift, token.map[1] + shift) if token.map else None,
        )
        for token in tokens
        if token.type != "inline"
    ]


def _fix_action(
    document: TextDocument, diagnostic: types.Diagnostic, edits: Sequence[Any]
) -> types.CodeAction | None:
    """The edits the rule declared (``--fix`` in the editor): preferred when safe."""
    if not edits:
        return None
    text_edits = [
        types.TextEdit(
            range=types.Range(
                start=types.Position(line=edit["range"][0], character=edit["range"][1]),
                end=types.Position(line=edit["range"][2], character=edit["range"][3]),
            ),
            new_text=str(edit["new_text"]),
        )
        for edit in edits
    ]
    safe = all(edit.get("safe", True) for edit in edits)
    return types.CodeAction(
        title=f"Fix: {diagnostic.message}" if safe else f"Fix (check it): {diagnostic.message}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=safe,
        edit=types.WorkspaceEdit(changes={document.uri: text_edits}),
    )


#: What the server asks the client to watch: config files by name, the files schemas and
#: word lists are usually kept in (only those the configs use reload the plan), and pages.
WATCHERS = types.Registration(
    id="contentlint-watched-files",
    method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
    register_options=types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[
            types.FileSystemWatcher(glob_pattern=pattern)
            for pattern in (
                "**/{contentlint.toml,.contentlint.toml,pyproject.toml}",
                "**/*.{json,yaml,yml,txt,dic}",
                # Pages: links into them resolve again when one is added, removed or edited.
                "**/*.{md,markdown,qmd,Rmd,rmd,mdx}",
            )
        ]
    ),
)


def _can_watch_files(capabilities: types.ClientCapabilities) -> bool:
    workspace = capabilities.workspace
    watching = workspace.did_change_watched_files if workspace is not None else None
    return bool(watching is not None and watching.dynamic_registration)


def create_server() -> ContentlintServer:
    server = ContentlintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ContentlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ContentlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.INITIALIZED)
    def initialized(ls: ContentlintServer, params: types.InitializedParams) -> None:
        if _can_watch_files(ls.client_capabilities):
            ls.client_register_capability(types.RegistrationParams(registrations=[WATCHERS]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(
        ls: ContentlintServer, params: types.DidChangeWatchedFilesParams
    ) -> None:
        # Handled whether the server asked for it or the client sends it unasked.
        changed = [Path(to_fs_path(change.uri) or change.uri) for change in params.changes]
        if any(ls.reloads_on(path) for path in changed):
            ls.reload()
        else:
            ls.files_changed(changed)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ContentlintServer, params: types.DidSaveTextDocumentParams) -> None:
        path = ls.workspace.get_text_document(params.text_document.uri).path
        if path and ls.reloads_on(Path(path)):
            ls.reload()
            return
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ContentlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.command(ADD_TO_VOCABULARY)
    def add_to_vocabulary(ls: ContentlintServer, *arguments: Any) -> None:
        # pygls passes the command's arguments one by one: (uri, word).
        ls.add_to_vocabulary(*[*arguments, "", ""][:2])

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(
        ls: ContentlintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction]:
        document = ls.workspace.get_text_document(params.text_document.uri)
        return code_actions(document, params.context.diagnostics, ls.dialect_of(document))

    return server


def serve() -> None:
    """Serve over standard input and output until the client says exit."""
    with contextlib.suppress(KeyboardInterrupt):
        create_server().start_io()
