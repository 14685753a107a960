"""The command line: parse options, build the run's objects, report, and exit 0, 1 or 2."""

from __future__ import annotations

import contextlib
import inspect
import itertools
import json
import os
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from lint import __version__
from lint.config import Config, ConfigError, load_config, schema_locations
from lint.diagnostics import Severity
from lint.engine import PROSE_GROUP, FileReport, Plan, check_bytes, check_path
from lint.files import collect
from lint.prose_engines import EngineUnavailable
from lint.prose_settings import prose_settings
from lint.registry import (
    Loaded,
    RegistryError,
    load_reporter,
    load_rules,
    reporter_names,
    rule_classes,
)
from lint.reporters import Reporter, ReporterOptions, Summary
from lint.rule import Rule, default_options, enabled_by_default, example_of
from lint.schema import SchemaLoadError, did_you_mean, load_validator
from lint.selection import Selection

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DEFAULT_FAIL_ON = Severity.WARNING
#: A run with at least this many files shows a progress bar (on a terminal).
PROGRESS_MIN_FILES = 200


def fail(message: str) -> NoReturn:
    """A problem the user can fix: one line on standard error and exit 2."""
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def _rules() -> dict[str, type[Rule]]:
    try:
        loaded = load_rules()
    except RegistryError as error:
        fail(str(error))
    for failure in loaded.failures:
        _warn(failure)
    return rule_classes(loaded)


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "--version", prog_name="contentlint", message="%(prog)s %(version)s"
)
def main() -> None:
    """Lint Markdown, Quarto, R Markdown and MDX documents before they are published.

    Checks front matter against JSON Schemas, finds empty headings and sections, and more.
    Exit codes: 0 no problem at or above --fail-on, 1 problems found, 2 usage or config error.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "output_format",
    metavar="FORMAT",
    help="Output format: text (default), concise, json, sarif, github (default when "
    "GITHUB_ACTIONS=true), junit, or a format a plugin registers.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rule ids or groups (comma-separated; ALL for every rule).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Skip these rule ids or groups (comma-separated).",
)
@click.option(
    "--schema",
    "schema",
    type=click.Path(path_type=str),
    help="Check the front matter of every file against this JSON Schema (or builtin:NAME).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    help="Read this config file after the project's own.",
)
@click.option(
    "--fail-on",
    type=click.Choice([severity.value for severity in Severity]),
    help="Lowest severity that makes the run fail with exit 1.  [default: warning]",
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="Read the document from standard input and treat it as PATH.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply exclude globs to files named on the command line too.",
)
@click.option("--no-prose", is_flag=True, help="Skip the prose rules (spelling, grammar, style).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache of prose results.")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text output (auto: on a terminal, unless NO_COLOR is set).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only the problems, no summary.")
@click.option(
    "-v", "--verbose", is_flag=True, help="Say on standard error what the run did and how long."
)
@click.option(
    "--statistics", is_flag=True, help="End with a table of the number of problems per rule."
)
def check(
    paths: tuple[str, ...],
    output_format: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    schema: str | None,
    config_file: Path | None,
    fail_on: str | None,
    stdin_filename: str | None,
    force_exclude: bool,
    no_prose: bool,
    no_cache: bool,
    color: str,
    quiet: bool,
    verbose: bool,
    statistics: bool,
) -> None:
    """Check documents: files, folders (walked for .md, .markdown, .qmd, .Rmd and .mdx), or -
    for standard input. With no PATHS, checks the current folder."""
    rules = _rules()
    cwd = Path.cwd()
    try:
        config = load_config(cwd, config_file, rules)
    except ConfigError as error:
        fail(str(error))
    selection = Selection(_split(select), _split(ignore))
    groups = {group for rule in rules.values() for group in rule.groups}
    for unknown in selection.unknown(rules, groups):
        fail(
            f'unknown rule or group "{unknown}" in --select/--ignore'
            + did_you_mean(unknown, [*rules, *groups])
        )
    if no_prose:
        selection = Selection(selection.select, (*selection.ignore, PROSE_GROUP))
    schema_override = _schema_override(schema)
    _load_schemas(config, schema_override)
    options = ReporterOptions(
        quiet=quiet, color=_use_color(color), statistics=statistics, rules=rules
    )
    reporter = _reporter(output_format or _default_format(), options)
    try:
        prose = prose_settings(config, use_cache=not no_cache)
    except ConfigError as error:
        fail(str(error))
    plan = Plan(rules, config, selection, schema_override, prose)
    _start_prose_engine(plan, cwd)
    threshold = Severity(fail_on) if fail_on else config.fail_on or DEFAULT_FAIL_ON
    started = time.perf_counter()
    try:
        exit_code = _run(plan, paths, stdin_filename, force_exclude, reporter, cwd, threshold)
    except EngineUnavailable as error:
        fail(f"prose checking stopped: {error} (--no-prose skips it)")
    if verbose:
        _report_run(plan, time.perf_counter() - started)
    sys.exit(exit_code)


def _report_run(plan: Plan, seconds: float) -> None:
    click.echo(f"contentlint: checked in {seconds:.2f} s", err=True)
    if plan.prose is not None and "lint.prose_check" in sys.modules:
        from lint.prose_check import STATISTICS

        cache = plan.prose.cache_dir or "off"
        click.echo(
            f"contentlint: prose segments: {STATISTICS.checked} checked by {plan.prose.engine}, "
            f"{STATISTICS.from_cache} from the cache ({cache})",
            err=True,
        )


def _start_prose_engine(plan: Plan, cwd: Path) -> None:
    """Start the prose engine before the first file, so that an engine that cannot run is one
    message and exit 2 rather than an error per file."""
    if not plan.uses_prose(cwd / "document.md") or plan.prose is None:
        return
    from lint.prose_engines import engine_version

    try:
        engine_version(plan.prose)
    except EngineUnavailable as error:
        fail(f"prose checking cannot run: {error} (--no-prose skips it)")


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def _schema_override(schema: str | None) -> str | None:
    if schema is None or schema.startswith("builtin:"):
        return schema
    return str(Path(schema).resolve())


def _load_schemas(config: Config, schema_override: str | None) -> None:
    """Load every schema once up front: a bad schema is a config error, not a per-file one."""
    locations = schema_locations(config) + ([schema_override] if schema_override else [])
    for location in dict.fromkeys(locations):
        try:
            load_validator(location)
        except SchemaLoadError as error:
            fail(str(error))


def _reporter(name: str, options: ReporterOptions) -> Reporter:
    loaded: Loaded = load_reporter(name)
    for failure in loaded.failures:
        fail(failure)
    reporter_class = loaded.items.get(name)
    if reporter_class is None:
        names = reporter_names()
        fail(
            f'unknown format "{name}" (choose from {", ".join(names)})' + did_you_mean(name, names)
        )
    reporter: Reporter = reporter_class(sys.stdout, options)
    return reporter


class _NoProgress:
    def update(self, count: int) -> None:
        """Nothing to show."""


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Any]:
    """A progress bar on standard error when it is a terminal and the run is long."""
    if total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield _NoProgress()
        return
    with click.progressbar(length=total, file=sys.stderr, label="Checking") as bar:
        yield bar


def _run(
    plan: Plan,
    paths: tuple[str, ...],
    stdin_filename: str | None,
    force_exclude: bool,
    reporter: Reporter,
    cwd: Path,
    threshold: Severity,
) -> int:
    read_stdin = "-" in paths or (stdin_filename is not None and not paths)
    file_paths = [path for path in paths if path != "-"]
    if not file_paths and not read_stdin:
        file_paths = ["."]
    collected = collect(file_paths, plan.config, cwd, force_exclude)
    for missing in collected.missing:
        click.echo(f"error: {missing}: no such file or folder", err=True)
    summary = Summary(groups_of={rule_id: rule.groups for rule_id, rule in plan.rules.items()})
    crashed = False
    failing = False
    reporter.start()
    reports: Iterator[FileReport] = (
        check_path(display, path, plan) for display, path in collected.files
    )
    if read_stdin:
        display = stdin_filename or "-"
        data = sys.stdin.buffer.read()
        reports = itertools.chain(
            [check_bytes(display, (cwd / display).resolve(), data, plan)], reports
        )
    with _progress(len(collected.files)) as progress:
        for report in reports:
            reporter.file(report.path, report.diagnostics, report.text)
            summary.add(report.diagnostics)
            crashed = crashed or report.crashed
            failing = failing or any(d.severity.rank >= threshold.rank for d in report.diagnostics)
            progress.update(1)
    reporter.finish(summary)
    if crashed or collected.missing:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing else EXIT_OK


@main.command()
def server() -> None:
    """Run the language server over standard input and output (for editors)."""
    from lint.server import serve  # pygls is imported only for this command

    serve()


@main.command("rules")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
def list_rules(output_format: str) -> None:
    """List every rule (built-in and plugin) with its group, default severity and summary."""
    rules = _rules()
    if output_format == "json":
        items = [
            {
                "id": rule_id,
                "groups": list(rule.groups),
                "severity": rule.severity.value,
                "enabled_by_default": enabled_by_default(rule),
                "summary": rule.summary,
                "options": default_options(rule),
            }
            for rule_id, rule in rules.items()
        ]
        click.echo(json.dumps(items, indent=2))
        return
    width = max(len(rule_id) for rule_id in rules)
    group_width = max(len(", ".join(rule.groups)) for rule in rules.values())
    for rule_id, rule in rules.items():
        severity = rule.severity.value if enabled_by_default(rule) else "off"
        click.echo(
            f"{rule_id:<{width}}  {', '.join(rule.groups):<{group_width}}  "
            f"{severity:<7}  {rule.summary}"
        )


@main.command()
@click.argument("rule_id", metavar="RULE")
def explain(rule_id: str) -> None:
    """Show a rule's documentation, options and an example."""
    rules = _rules()
    rule = rules.get(rule_id)
    if rule is None:
        fail(
            f'unknown rule "{rule_id}"{did_you_mean(rule_id, list(rules))}; see `contentlint rules`'
        )
    click.echo(_explanation(rule))


def _explanation(rule: type[Rule]) -> str:
    default = (
        rule.severity.value
        if enabled_by_default(rule)
        else f"off (severity {rule.severity.value} when on)"
    )
    lines = [
        f"{rule.id}: {rule.summary}",
        "",
        f"Groups: {', '.join(rule.groups)}",
        f"Default severity: {default}",
        "",
        inspect.cleandoc(rule.__doc__ or "").strip(),
        "",
    ]
    properties: Mapping[str, Any] = rule.options_schema.get("properties", {})
    if properties:
        lines.append("Options:")
        for name, spec in properties.items():
            description = spec.get("description", "")
            lines.append(
                f"  {name} (default: {json.dumps(spec.get('default'))})  {description}".rstrip()
            )
    else:
        lines.append("Options: none")
    example = example_of(rule)
    if example:
        lines += ["", "Example:", *("    " + line for line in example.splitlines())]
    return "\n".join(lines)
