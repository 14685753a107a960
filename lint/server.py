"""The language server (``contentlint server``): live diagnostics and quick fixes over LSP."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from lint import __version__, rule_help_uri
from lint.config import ConfigError, load_config, schema_locations
from lint.diagnostics import Diagnostic, Severity
from lint.engine import Plan, check_text
from lint.files import is_excluded
from lint.registry import RegistryError, load_rules, rule_classes
from lint.schema import SchemaLoadError, load_validator

#: Wait this long after the last keystroke before checking a changed document.
DEBOUNCE_SECONDS = 0.05
#: Saving one of these files reloads the configuration.
CONFIG_FILES = frozenset({"contentlint.toml", ".contentlint.toml", "pyproject.toml"})
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


class ContentlintServer(LanguageServer):
    """Keeps one plan (rules, config, loaded schemas) warm and checks documents as they change."""

    def __init__(self) -> None:
        super().__init__("contentlint", __version__)
        self._plan: Plan | None = None
        self._pending: dict[str, asyncio.Task[None]] = {}

    def plan(self) -> Plan | None:
        """The run's plan for the workspace, built on first use; None (and one message) if the
        configuration cannot be used."""
        if self._plan is None:
            root = Path(self.workspace.root_path or Path.cwd())
            try:
                rules = rule_classes(load_rules())
                config = load_config(root, None, rules)
                for location in schema_locations(config):
                    load_validator(location)
            except (ConfigError, RegistryError, SchemaLoadError) as error:
                self.window_show_message(
                    types.ShowMessageParams(types.MessageType.Error, f"contentlint: {error}")
                )
                return None
            self._plan = Plan(rules, config)
        return self._plan

    def reload(self) -> None:
        self._plan = None
        load_validator.cache_clear()
        for document in list(self.workspace.text_documents.values()):
            self.check(document.uri)

    def check(self, uri: str) -> None:
        """Check the open document ``uri`` now and publish its diagnostics."""
        document = self.workspace.get_text_document(uri)
        plan = self.plan()
        found: list[types.Diagnostic] = []
        if plan is not None and document.path and not is_excluded(Path(document.path), plan.config):
            path = Path(document.path)
            report = check_text(str(path), path, document.source, plan)
            lines = document.lines
            found = [self.to_lsp(diagnostic, lines) for diagnostic in report.diagnostics]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=document.version)
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
    document: TextDocument, diagnostics: Sequence[types.Diagnostic]
) -> list[types.CodeAction]:
    """The rule's own fix, a quick fix per suggestion, and one to silence the rule on that
    line."""
    actions: list[types.CodeAction] = []
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
        line = diagnostic.range.start.line
        start = types.Position(line=line, character=0)
        comment = f"<!-- contentlint-disable-next-line {diagnostic.code} -->\n"
        actions.append(
            types.CodeAction(
                title=f"Disable {diagnostic.code} for this line",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=types.WorkspaceEdit(
                    changes={
                        document.uri: [
                            types.TextEdit(range=types.Range(start, start), new_text=comment)
                        ]
                    }
                ),
            )
        )
    return actions


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


def create_server() -> ContentlintServer:
    server = ContentlintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ContentlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ContentlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ContentlintServer, params: types.DidSaveTextDocumentParams) -> None:
        if Path(ls.workspace.get_text_document(params.text_document.uri).path).name in (
            CONFIG_FILES
        ):
            ls.reload()
            return
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ContentlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(
        ls: ContentlintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction]:
        document = ls.workspace.get_text_document(params.text_document.uri)
        return code_actions(document, params.context.diagnostics)

    return server


def serve() -> None:
    """Serve over standard input and output until the client says exit."""
    with contextlib.suppress(KeyboardInterrupt):
        create_server().start_io()
