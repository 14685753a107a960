"""The command line: click parses the options; each command imports what it needs when it runs
(``contentlint --version`` imports nothing else)."""

from __future__ import annotations

import inspect
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from lint import __version__

if TYPE_CHECKING:
    from lint.dialects import Dialect
    from lint.rule import Rule


class _OneLineErrors(click.Group):
    """Usage errors as one ``error:`` line and exit 2, like every other error a user can make
    (click would print the usage, a hint and the error on three lines)."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as error:
            command = error.ctx.command_path if error.ctx is not None else "contentlint"
            click.echo(f"error: {error.format_message()} (see {command} --help)", err=True)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo("contentlint: interrupted", err=True)
            sys.exit(130)


#: ``--format text|json`` of the commands that list things.
_TEXT_OR_JSON = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
#: ``--config FILE`` of the commands that read the project's config, as ``check`` does.
_CONFIG_FILE = click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    help="Read this config file after the project's own.",
)


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "--version", prog_name="contentlint", message="%(prog)s %(version)s"
)
def main() -> None:
    """Lint Markdown, Quarto, R Markdown and MDX documents before they are published.

    Checks front matter against JSON Schemas, empty headings and sections, unfinished content
    (placeholders, stubs, cut-off text) and the prose (spelling, grammar, style).
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
    help="Only these rule ids or groups (comma-separated or repeated; ALL for every rule).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Skip these rule ids or groups (comma-separated or repeated).",
)
@click.option(
    "--extend-select",
    multiple=True,
    metavar="RULES",
    help="Also run these rule ids or groups, on top of the configured set (off-by-default ones "
    "too).",
)
@click.option(
    "--schema",
    "schema",
    type=click.Path(path_type=str),
    help="Check the front matter of every file against this JSON Schema (or builtin:NAME).",
)
@_CONFIG_FILE
@click.option(
    "--fail-on",
    type=click.Choice(["info", "warning", "error"]),
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
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Skip the files and folders this glob matches, relative to the working folder "
    "(repeatable; added to the config's exclude).",
)
@click.option(
    "--no-ignore",
    is_flag=True,
    help="Walk into what .gitignore and .ignore files exclude, too.",
)
@click.option("--no-prose", is_flag=True, help="Skip the prose rules (spelling, grammar, style).")
@click.option(
    "--no-cache", is_flag=True, help="Neither read nor write the cache (results, prose, URLs)."
)
@click.option(
    "--check-urls",
    is_flag=True,
    help="Also ask every external http(s) URL whether it answers (the broken-url rule; "
    "[links] check-urls in the config).",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text output (auto: on a terminal, unless NO_COLOR is set).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Check files in N processes (default: the number of CPUs, for runs of 256 files to "
    "check or more; else one).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only the problems, no summary.")
@click.option(
    "-o",
    "--output-file",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    help="Write the report to FILE instead of standard output.",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when problems are found (errors in the run itself still exit 2).",
)
@click.option(
    "-v", "--verbose", is_flag=True, help="Say on standard error what the run did and how long."
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print a table of the number of problems per rule instead of the problems (text and "
    "concise formats).",
)
@click.option("--fix", is_flag=True, help="Apply the safe fixes and write the files.")
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="Apply the fixes that need a human's eye too (implies --fix, or with --diff shows them).",
)
@click.option(
    "--diff",
    is_flag=True,
    help="Print a unified diff of what --fix would write; write nothing (exit 1 if any).",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Report only the findings that this baseline file does not record.",
)
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Record every current finding in the baseline file (--baseline or the config); exit 0.",
)
def check(
    paths: tuple[str, ...],
    output_format: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    schema: str | None,
    config_file: Path | None,
    fail_on: str | None,
    stdin_filename: str | None,
    force_exclude: bool,
    exclude: tuple[str, ...],
    no_ignore: bool,
    no_prose: bool,
    no_cache: bool,
    check_urls: bool,
    color: str,
    quiet: bool,
    output_file: Path | None,
    exit_zero: bool,
    jobs: int | None,
    verbose: bool,
    statistics: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    baseline: Path | None,
    update_baseline: bool,
) -> None:
    """Check documents: files, folders (walked for .md, .markdown, .qmd, .Rmd and .mdx), or -
    for standard input. With no PATHS, checks the current folder."""
    from lint.run import CheckOptions, run_check

    run_check(
        CheckOptions(
            paths=paths,
            output_format=output_format,
            select=select,
            ignore=ignore,
            extend_select=extend_select,
            exclude=exclude,
            no_ignore=no_ignore,
            output_file=output_file,
            exit_zero=exit_zero,
            schema=schema,
            config_file=config_file,
            fail_on=fail_on,
            stdin_filename=stdin_filename,
            force_exclude=force_exclude,
            no_prose=no_prose,
            no_cache=no_cache,
            check_urls=check_urls,
            color=color,
            quiet=quiet,
            verbose=verbose,
            statistics=statistics,
            jobs=jobs,
            fix=fix,
            unsafe_fixes=unsafe_fixes,
            diff=diff,
            baseline=baseline,
            update_baseline=update_baseline,
        )
    )


STARTER_CONFIG = """\
# contentlint configuration: see the README for every key.
# Globs are relative to this file; a glob without "/" matches a file name at any depth.

# include = ["posts/**/*.qmd", "docs/**/*.md"]   # default: every .md, .markdown, .qmd, .Rmd, .mdx
exclude = ["_site/**", "_freeze/**", "node_modules/**"]
fail-on = "warning"                              # error | warning | info

[rules]
# empty-section = "error"                        # error | warning | info | off
# placeholder-text = { allow = ['TODO\\(#\\d+\\)'] }  # tracked TODOs are fine
# draft-flag = "error"                           # off by default: turn it on where you publish

# [[schemas]]                                    # front matter schema per glob
# files = "posts/**"
# schema = "builtin:blog-post"                   # or a path to a JSON Schema file

[prose]
engine = "harper"                                # or "languagetool"
language = "en"                                  # any English spelling; "en-GB" for British only
accept = []                                      # names and jargon, e.g. ["Quarto", "dbt"]
reject = []                                      # words not to use

# [[overrides]]
# files = "drafts/**"
# rules = { placeholder-text = "off" }
"""


@main.command()
def init() -> None:
    """Write a starter contentlint.toml in the current folder (never over an existing one)."""
    import os

    from lint.run import fail

    target = Path.cwd() / "contentlint.toml"
    if target.exists() or target.is_symlink():
        fail(f"{target} already exists (or is a link); edit it, or remove it first")
    # Created, never opened through a link planted in between: O_EXCL and O_NOFOLLOW.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(target, flags, 0o644)
    except OSError as error:
        fail(f"cannot write {target}: {error.strerror or error}")
    detected = _detected_section(Path.cwd())
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        # Before [rules], so that the dialect line stays a top-level key once uncommented.
        starter = STARTER_CONFIG
        if detected:
            starter = starter.replace("\n[rules]\n", f"{detected}\n[rules]\n{AS_DETECTED}", 1)
        handle.write(starter)
    click.echo(f"wrote {target}")


#: With the detected schemas written out, pages still need no front matter, as under detection.
AS_DETECTED = (
    "frontmatter-schema = { require-front-matter = false }  # as detection: front matter optional\n"
)


def _detected_section(folder: Path) -> str:
    """The config lines that write out what detection chose for the site ``folder`` is in:
    its dialect (as a comment: detection already gives it) and its front matter schemas."""
    from lint.detected_schema import detect_site
    from lint.run import load_dialect_classes

    site = detect_site(folder, load_dialect_classes())
    if site is None:
        return ""
    lines = [
        f"# Detected: a {site.dialect} site ({site.reason}). detect = false turns detection off.",
        f'# dialect = "{site.dialect}"'.ljust(49) + "# set it to pin the dialect for every file",
    ]
    for files, schema in site.schemas:
        lines += [
            "",
            "[[schemas]]",
            f"files = {json.dumps(files)}",
            f"schema = {json.dumps(schema)}",
        ]
        lines.append("")
    return "\n" + "\n".join(lines)


@main.command()
def server() -> None:
    """Run the language server over standard input and output (for editors)."""
    from lint.server import serve  # pygls is imported only for this command

    serve()


@main.command("rules")
@_TEXT_OR_JSON
@_CONFIG_FILE
def list_rules(output_format: str, config_file: Path | None) -> None:
    """List every rule (built-in and plugin) with its groups, default severity, the severity
    this project's config gives it (found from the current folder) and summary."""
    from lint.config import OFF, ConfigError, load_config
    from lint.rule import default_options, enabled_by_default
    from lint.run import fail, load_rule_classes

    rules = load_rule_classes()
    try:
        config = load_config(Path.cwd(), config_file, rules)
    except ConfigError as error:
        fail(str(error))

    def default(rule: type[Rule]) -> str:
        return rule.severity.value if enabled_by_default(rule) else OFF

    def here(rule_id: str, rule: type[Rule]) -> str:
        setting = config.rules.get(rule_id)
        if setting is None or setting.severity is None:
            return default(rule)
        if setting.severity == OFF:
            return OFF
        return str(setting.severity)

    if output_format == "json":
        items = [
            {
                "id": rule_id,
                "groups": list(rule.groups),
                "severity": rule.severity.value,
                "enabled_by_default": enabled_by_default(rule),
                "effective_severity": here(rule_id, rule),
                "summary": rule.summary,
                "options": {**default_options(rule), **_configured_options(config, rule_id)},
            }
            for rule_id, rule in rules.items()
        ]
        click.echo(json.dumps(items, indent=2))
        return
    if config.sources:
        click.echo(f"# severities set by {', '.join(str(path) for path in config.sources)}")
    width = max(len(rule_id) for rule_id in rules)
    group_width = max(len(", ".join(rule.groups)) for rule in rules.values())
    for rule_id, rule in rules.items():
        severity = here(rule_id, rule)
        changed = f" (default {default(rule)})" if severity != default(rule) else ""
        click.echo(
            f"{rule_id:<{width}}  {', '.join(rule.groups):<{group_width}}  "
            f"{severity:<7}  {rule.summary}{changed}"
        )


def _configured_options(config: Any, rule_id: str) -> dict[str, Any]:
    setting = config.rules.get(rule_id)
    return dict(setting.options) if setting is not None else {}


@main.command("vocabulary")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--add",
    "added",
    multiple=True,
    metavar="WORD",
    help="Write WORD to the vocabulary file (repeatable).",
)
@click.option("--write", is_flag=True, help="Write every word listed to the vocabulary file.")
@click.option(
    "--min-count",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="List (and --write) only words found at least this often.",
)
@_TEXT_OR_JSON
@_CONFIG_FILE
def vocabulary(
    paths: tuple[str, ...],
    added: tuple[str, ...],
    write: bool,
    min_count: int,
    output_format: str,
    config_file: Path | None,
) -> None:
    """List the words the spelling rule does not know in PATHS (default: the current
    folder), with how often and where, most frequent first; --add and --write put the
    chosen ones in the project's vocabulary file ([prose] vocabulary, vocabulary.txt beside
    the config when it names none)."""  # fmt: skip
    from lint.config import ConfigError, load_config
    from lint.prose.unknown_words import (
        add_words,
        name_vocabulary_in_config,
        unknown_words,
        vocabulary_file,
    )
    from lint.run import fail, load_rule_classes

    cwd = Path.cwd()
    try:
        config = load_config(cwd, config_file, load_rule_classes())
    except ConfigError as error:
        fail(str(error))
    words: list[Any] = []
    if not added or write:
        try:
            words = [w for w in unknown_words(paths or (".",), config_file) if w.count >= min_count]
        except RuntimeError as error:
            fail(str(error))
    if output_format == "json":
        items = [{"word": w.word, "count": w.count, "files": dict(w.files)} for w in words]
        click.echo(json.dumps(items, indent=2))
    else:
        for word in words:
            files = ", ".join(list(word.files)[:3])
            more = f" (+{len(word.files) - 3} more)" if len(word.files) > 3 else ""
            click.echo(f"{word.count:6}  {word.word}  {files}{more}")
    chosen = [*added, *(word.word for word in words if write)]
    if not chosen:
        if not words and output_format == "text":
            click.echo("No unknown words.", err=True)
        return
    target = vocabulary_file(config, cwd)
    new = add_words(target, chosen)
    click.echo(f"added {len(new)} word(s) to {target}", err=True)
    if new:
        edited = name_vocabulary_in_config(config, target, cwd)
        if edited is not None:
            click.echo(f"{edited}: [prose] vocabulary now names {target.name}", err=True)
        elif "vocabulary" not in config.prose:
            click.echo(
                f'set [prose] vocabulary = "{target.name}" in the config to use it', err=True
            )


@main.command("dialects")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@_TEXT_OR_JSON
def list_dialects(paths: tuple[str, ...], output_format: str) -> None:
    """List every dialect (built-in and plugin); with PATHS, say which dialect each file
    gets and why (the config, a project file such as _quarto.yml, or the extension)."""
    from lint.run import load_dialect_classes

    dialects = load_dialect_classes()
    if paths:
        _explain_dialects(paths, dialects, output_format)
        return
    if output_format == "json":
        items = [
            {
                "name": name,
                "summary": dialect.summary,
                "markers": list(dialect.markers),
                "extensions": list(dialect.extensions),
                "claims": list(dialect.claims),
                "syntax": [syntax.name for syntax in dialect.syntax],
                "typographer": dialect.typographer,
            }
            for name, dialect in dialects.items()
        ]
        click.echo(json.dumps(items, indent=2))
        return
    width = max(len(name) for name in dialects)
    for name, dialect in dialects.items():
        marks = ", ".join([*dialect.markers, *dialect.claims]) or "-"
        click.echo(f"{name:<{width}}  {dialect.summary}\n{'':<{width}}  found by: {marks}")


def _explain_dialects(
    paths: tuple[str, ...], dialects: Mapping[str, type[Dialect]], output_format: str
) -> None:
    from lint.config import ConfigError
    from lint.engine import Plan
    from lint.files import collect
    from lint.projects import Projects
    from lint.run import fail, load_rule_classes

    cwd = Path.cwd()
    rules = load_rule_classes()
    projects = Projects(rules, cwd)
    try:
        plan = Plan(rules, projects.for_folder(cwd), projects=projects)
        plan.use_dialects(dialects)
        collected = collect(list(paths), projects.for_folder, cwd, False)
        choices = [(display, plan.dialect_choice(path)) for display, path in collected.files]
    except ConfigError as error:
        fail(str(error))
    for missing in collected.missing:
        click.echo(f"error: {missing}: no such file or folder", err=True)
    if output_format == "json":
        items = [
            {"path": display, "dialect": choice.dialect.name, "reason": choice.reason}
            for display, choice in choices
        ]
        click.echo(json.dumps(items, indent=2))
    else:
        for display, choice in choices:
            click.echo(f"{display}: {choice.dialect.name} ({choice.reason})")
    if collected.missing:
        sys.exit(2)


@main.command()
@click.argument("rule_id", metavar="RULE")
def explain(rule_id: str) -> None:
    """Show a rule's documentation, options and an example."""
    from lint.run import fail, load_rule_classes
    from lint.suggest import did_you_mean

    rules = load_rule_classes()
    rule = rules.get(rule_id)
    if rule is None:
        fail(
            f'unknown rule "{rule_id}"{did_you_mean(rule_id, list(rules))}; see `contentlint rules`'
        )
    click.echo(_explanation(rule))


def _explanation(rule: type[Rule]) -> str:
    from lint.rule import enabled_by_default, example_of

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
