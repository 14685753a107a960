"""One ``contentlint check`` run: build it from the options, check the files (cached, in
parallel), report, and exit 0, 1 or 2."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import click

from lint import listings
from lint.config import Config, ConfigError, schema_locations
from lint.diagnostics import Severity
from lint.dialects import Dialect
from lint.document import DecodeError, decode
from lint.engine import INTERNAL_ERROR, PROSE_GROUP, FileReport, Plan, check_bytes, file_error
from lint.escaping import visible
from lint.files import Collected, ConfigFor, collect
from lint.limits import Limits
from lint.limits import apply as apply_limits
from lint.parallel import Checker, default_jobs
from lint.projects import Projects
from lint.prose.engines import EngineUnavailable
from lint.prose.settings import ProseSettings, prose_settings
from lint.reading import ReadRefused, read_document, read_stream
from lint.registry import (
    Loaded,
    RegistryError,
    load_dialects,
    load_reporter,
    load_rules,
    reporter_names,
    rule_classes,
)
from lint.reporters import Reporter, ReporterOptions, Summary
from lint.rule import Rule
from lint.selection import Selection
from lint.suggest import did_you_mean

if TYPE_CHECKING:
    from lint.actions import Actions
    from lint.results_cache import ResultsCache
    from lint.site.stage import SiteStage
    from lint.site.urls import UrlSettings

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
DEFAULT_FAIL_ON = Severity.WARNING
#: A run with at least this many files shows a progress bar (on a terminal).
PROGRESS_MIN_FILES = 200
#: Files are looked up in the results cache, and their results stored, in batches this big.
BATCH_FILES = 256


@dataclass(frozen=True)
class CheckOptions:
    """The command line of ``contentlint check``, as parsed by click."""

    paths: tuple[str, ...] = ()
    output_format: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    no_ignore: bool = False
    output_file: Path | None = None
    exit_zero: bool = False
    schema: str | None = None
    config_file: Path | None = None
    fail_on: str | None = None
    stdin_filename: str | None = None
    force_exclude: bool = False
    no_prose: bool = False
    no_cache: bool = False
    #: ``--check-urls``: ask the network about external URLs (else ``[links] check-urls``).
    check_urls: bool = False
    color: str = "auto"
    quiet: bool = False
    verbose: bool = False
    statistics: bool = False
    jobs: int | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    baseline: Path | None = None
    update_baseline: bool = False


@dataclass
class RunStatistics:
    files: int = 0
    from_cache: int = 0
    prose_checked: int = 0
    prose_cached: int = 0
    seconds: float = 0.0
    jobs: int = 1
    notes: list[str] = field(default_factory=list)
    #: "dialect NAME (why)" → the folders (as shown) whose files got it, and how many files.
    dialects: dict[str, tuple[list[str], int]] = field(default_factory=dict)
    #: "config FILE" → the folders (as shown) whose files it governed, and how many files.
    configs: dict[str, tuple[list[str], int]] = field(default_factory=dict)
    #: "schema NAME (why)" → the folders and how many files got it.
    schemas: dict[str, tuple[list[str], int]] = field(default_factory=dict)

    def count(self, report: FileReport) -> None:
        self.files += 1
        self.prose_checked += report.prose_checked
        self.prose_cached += report.prose_cached


def fail(message: str) -> NoReturn:
    """A problem the user can fix: one line on standard error and exit 2."""
    click.echo(f"error: {visible(message)}", err=True)
    sys.exit(EXIT_ERROR)


def warn(message: str) -> None:
    click.echo(f"warning: {visible(message)}", err=True)


def load_rule_classes() -> dict[str, type[Rule]]:
    try:
        loaded = load_rules()
    except RegistryError as error:
        fail(str(error))
    for failure in loaded.failures:
        warn(failure)
    return rule_classes(loaded)


def load_dialect_classes() -> dict[str, type[Dialect]]:
    """The registered dialects; a plugin that fails to load is reported and skipped."""
    try:
        loaded = load_dialects()
    except RegistryError as error:
        fail(str(error))
    for failure in loaded.failures:
        warn(failure)
    return dict(sorted(loaded.items.items()))


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _tolerant_streams() -> None:
    """A file name that is not UTF-8 (a byte Python keeps as a lone surrogate) is written as
    an escape (``caf\\udce9.md``), never a traceback, whatever the streams' encoding."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def run_check(options: CheckOptions) -> NoReturn:
    listings.remember_for_this_run()
    try:
        _check(options)
    finally:
        listings.forget()


def _check(options: CheckOptions) -> NoReturn:
    _tolerant_streams()
    rules = load_rule_classes()
    cwd = Path.cwd()
    projects = Projects(rules, cwd, options.config_file, remember=not options.no_cache)
    try:
        config = projects.for_folder(_run_folder(options, cwd))
    except ConfigError as error:
        fail(str(error))
    selection = _selection(options, rules)
    schema_override = _schema_override(options.schema)
    cache = _results_cache(config, options)
    threshold = Severity(options.fail_on) if options.fail_on else config.fail_on or DEFAULT_FAIL_ON
    output = _output(options.output_file)
    reporter_options = ReporterOptions(
        quiet=options.quiet,
        color=_use_color(options.color) and options.output_file is None,
        statistics=options.statistics,
        rules=rules,
        root=cwd,
        fail_on=threshold,
    )
    reporter = _reporter(options.output_format or _default_format(), reporter_options, output)
    limits = _limits(config)
    plan = Plan(
        rules,
        config,
        selection,
        schema_override,
        keep_text=True,
        max_file_bytes=limits.max_file_bytes,
        projects=projects,
    )
    plan.use_dialects(load_dialect_classes())
    if schema_override is not None:
        plan.schema_stamps.update(_load_schemas([schema_override], cache))
    projects.on_load(lambda loaded: _prepare_project(plan, loaded, options, cache))
    actions = _actions(plan, options, config)
    plan.keep_text = reporter.needs_text or _needs_text(actions)
    jobs = options.jobs or default_jobs()
    started = time.perf_counter()
    statistics = RunStatistics(jobs=jobs)
    _stop_on_signals()
    interrupted: int | None = None
    exit_code = EXIT_ERROR
    try:
        exit_code = _run(plan, options, reporter, cwd, threshold, jobs, statistics, cache, actions)
    except EngineUnavailable as error:
        fail(f"prose checking stopped: {error} (--no-prose skips it)")
    except KeyboardInterrupt as interruption:
        _ignore_stop_signals()  # a second Ctrl-C must not break the cleanup below
        interrupted = (
            128 + interruption.signum if isinstance(interruption, Stopped) else EXIT_INTERRUPTED
        )
    finally:
        if cache is not None:
            cache.close()
        if output is not sys.stdout:
            output.close()
    if interrupted is not None:
        _end_interrupted(interrupted)
    statistics.seconds = time.perf_counter() - started
    if options.verbose:
        _report_statistics(plan, statistics)
    from lint.cache import REFUSED

    for refusal in REFUSED.values():
        warn(refusal)
    if options.exit_zero and exit_code == EXIT_FINDINGS:
        exit_code = EXIT_OK
    sys.exit(exit_code)


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP: handled as Ctrl-C is (workers ended, nothing half-written), and the
    run exits 128 + the signal's number, as a process ended by it would."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _end_interrupted(exit_code: int) -> NoReturn:
    """End an interrupted run now: its cache is closed and its workers ended, but a thread of
    the worker pool may wait forever on a result its terminated worker never finished
    sending, and the interpreter's exit would wait for that thread."""
    click.echo("contentlint: interrupted", err=True)
    engines = sys.modules.get("lint.prose.engines")
    if engines is not None:
        with contextlib.suppress(Exception):
            engines.close_engines()  # a local LanguageTool server is stopped, not left running
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(exit_code)


def _ignore_stop_signals() -> None:
    import signal

    from lint.parallel import STOP_SIGNALS

    for stop_signal in (signal.SIGINT, *STOP_SIGNALS):
        signal.signal(stop_signal, signal.SIG_IGN)


def _stop_on_signals() -> None:
    import signal

    from lint.parallel import STOP_SIGNALS

    def stop(signum: int, frame: object) -> None:
        raise Stopped(signum)

    for stop_signal in STOP_SIGNALS:
        signal.signal(stop_signal, stop)


def _output(output_file: Path | None) -> TextIO:
    """Where the report goes: standard output, or ``--output-file`` (its folder must exist)."""
    if output_file is None:
        return sys.stdout
    try:
        return output_file.open("w", encoding="utf-8", errors="backslashreplace")
    except OSError as error:
        fail(f"cannot write the report to {output_file}: {error.strerror or error}")


def _actions(plan: Plan, options: CheckOptions, config: Config) -> Actions:
    """The fix mode and baseline of the run, checked before any file is read."""
    from lint.actions import Actions
    from lint.baseline import BaselineError, Recorder, load

    mode = "diff" if options.diff else "fix" if options.fix or options.unsafe_fixes else None
    if options.diff and (options.fix or options.update_baseline):
        fail("--diff shows what --fix would write and writes nothing: give one of them")
    location = options.baseline or config.baseline
    if options.update_baseline and location is None:
        fail("--update-baseline needs a baseline file: --baseline FILE, or baseline in the config")
    actions = Actions(plan, mode, unsafe=options.unsafe_fixes)
    if location is not None:
        location = location.resolve()
        actions.baseline_folder = location.parent
        if options.update_baseline:
            actions.recorder = Recorder()
        else:
            try:
                actions.baseline = load(location)
            except BaselineError as error:
                fail(str(error))
    actions.location = location
    return actions


def _needs_text(actions: Actions) -> bool:
    return actions.mode is not None or actions.baseline is not None or actions.recorder is not None


def _limits(config: Config) -> Limits:
    limits = Limits.from_table(config.limits)
    apply_limits(limits)
    return limits


def _selection(options: CheckOptions, rules: dict[str, type[Rule]]) -> Selection:
    selection = Selection(
        _split(options.select), _split(options.ignore), _split(options.extend_select)
    )
    groups = {group for rule in rules.values() for group in rule.groups}
    for unknown in selection.unknown(rules, groups):
        fail(
            f'unknown rule or group "{unknown}" in --select/--ignore/--extend-select'
            + did_you_mean(unknown, [*rules, *groups])
        )
    if options.no_prose:
        selection = Selection(selection.select, (*selection.ignore, PROSE_GROUP), selection.extend)
    return selection


def _note_choices(
    plan: Plan, files: Sequence[tuple[str, Path]], statistics: RunStatistics, cwd: Path
) -> None:
    """For ``-v``: which config and which dialect each file got, tallied per folder."""
    for display, path in files:
        folder = PurePath(display).parent.as_posix()
        choice = plan.dialect_choice(path)
        features = choice.dialect.site_features(path)
        turned_on = f"; the site turns on {', '.join(features)}" if features else ""
        label = f"dialect {choice.dialect.name} ({choice.reason}{turned_on})"
        _tally(statistics.dialects, label, folder)
        _tally(statistics.configs, _config_label(plan.config_for(path), cwd), folder)
        schema = plan.schema_choice(path)
        if schema is not None:
            location, detected = schema
            if not location.startswith("builtin:"):
                location = _shown_path(Path(location), cwd)
            reason = "detected" if detected else "the config"
            _tally(statistics.schemas, f"schema {location} ({reason})", folder)


def _config_label(config: Config, cwd: Path) -> str:
    if not config.sources:
        return "no config file (the defaults)"
    return "config " + " + ".join(_shown_path(source, cwd) for source in config.sources)


def _shown_path(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return str(path)


def _tally(table: dict[str, tuple[list[str], int]], key: str, folder: str) -> None:
    folders, count = table.get(key, ([], 0))
    if folder not in folders:
        folders.append(folder)
    table[key] = (folders, count + 1)


#: How many folders ``-v`` names for each dialect or config before it says "and N more".
SHOWN_FOLDERS = 4


def _report_tally(table: dict[str, tuple[list[str], int]]) -> None:
    for what, (folders, count) in sorted(table.items()):
        shown = ", ".join(folders[:SHOWN_FOLDERS])
        more = len(folders) - SHOWN_FOLDERS
        if more > 0:
            shown += f" and {more} more folder{'s' if more > 1 else ''}"
        click.echo(
            f"contentlint: {what} for {count} file{'s' if count != 1 else ''} in {shown}",
            err=True,
        )


def _report_statistics(plan: Plan, statistics: RunStatistics) -> None:
    _report_tally(statistics.configs)
    _report_tally(statistics.dialects)
    _report_tally(statistics.schemas)
    parsed = statistics.files - statistics.from_cache
    processes = f"{statistics.jobs} process{'es' if statistics.jobs != 1 else ''}"
    click.echo(
        f"contentlint: {statistics.files} files in {statistics.seconds:.2f} s "
        f"({parsed} checked, {statistics.from_cache} from the cache, {processes})",
        err=True,
    )
    if plan.prose is not None and (statistics.prose_checked or statistics.prose_cached):
        cache = plan.prose.cache_dir or "off"
        click.echo(
            f"contentlint: prose segments: {statistics.prose_checked} checked by "
            f"{plan.prose.engine}, {statistics.prose_cached} from the cache ({cache})",
            err=True,
        )


def _check_prose_engine(plan: Plan, config: Config, prose: ProseSettings | None) -> None:
    """Find out before the first file whether the prose engine can run, so that one that
    cannot is one message and exit 2 rather than an error per file."""
    if prose is None or not plan.uses_prose(config.root / "document.md", config):
        return
    from lint.prose.engines import engine_version

    try:
        engine_version(prose)
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


def _results_cache(config: Config, options: CheckOptions) -> ResultsCache | None:
    if options.no_cache:
        return None
    from lint.prose.settings import default_cache_dir
    from lint.results_cache import ResultsCache

    return ResultsCache(default_cache_dir(config))


def _run_folder(options: CheckOptions, cwd: Path) -> Path:
    """The folder whose config sets what is decided once per run (the cache folder, the
    limits, the baseline, ``fail-on``): that of the first path given, else the working folder."""
    given = [path for path in options.paths if path != "-"]
    if given:
        first = cwd / given[0]
        return first if first.is_dir() else first.parent
    if options.stdin_filename is not None:
        return (cwd / options.stdin_filename).parent
    return cwd


def _prepare_project(
    plan: Plan, config: Config, options: CheckOptions, cache: ResultsCache | None
) -> None:
    """Before any file of ``config``'s project is checked: its schemas load (a bad one is a
    config error, not a per-file one), its ``[prose]`` table is valid and its engine can run."""
    plan.schema_stamps.update(_load_schemas(schema_locations(config), cache))
    try:
        prose = prose_settings(config, use_cache=not options.no_cache)
    except ConfigError as error:
        fail(str(error))
    plan.add_project(config, prose)
    _check_prose_engine(plan, config, prose)


def _load_schemas(locations: Sequence[str], cache: ResultsCache | None) -> dict[str, str]:
    """Load every schema once up front: a bad schema is a config error, not a per-file one.

    A schema that loaded before and whose files are unchanged is not loaded again (so a run
    whose results are all cached never imports jsonschema). Returns each schema's stamp.
    """
    stamps: dict[str, str] = {}
    for location in dict.fromkeys(locations):
        stamp = cache.schema_stamp(location) if cache is not None else None
        if stamp is None:
            from lint.results_cache import files_stamp
            from lint.schema import SchemaLoadError, load_validator, schema_files

            try:
                load_validator(location)
            except SchemaLoadError as error:
                fail(str(error))
            files = schema_files(location)
            stamp = cache.remember_schema(location, files) if cache else files_stamp(files)
        stamps[location] = stamp
    return stamps


def _reporter(name: str, options: ReporterOptions, output: TextIO) -> Reporter:
    loaded: Loaded = load_reporter(name)
    for failure in loaded.failures:
        fail(failure)
    reporter_class = loaded.items.get(name)
    if reporter_class is None:
        names = reporter_names()
        fail(
            f'unknown format "{name}" (choose from {", ".join(names)})' + did_you_mean(name, names)
        )
    reporter: Reporter = reporter_class(output, options)
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
    options: CheckOptions,
    reporter: Reporter,
    cwd: Path,
    threshold: Severity,
    jobs: int,
    statistics: RunStatistics,
    cache: ResultsCache | None,
    actions: Actions,
) -> int:
    collected = _collect(plan, options, cwd)
    if options.verbose:
        _note_choices(plan, collected.files, statistics, cwd)
    summary = Summary(groups_of={rule_id: rule.groups for rule_id, rule in plan.rules.items()})
    crashed = failing = False
    actions.sources = dict(collected.files)
    quiet_run = actions.mode == "diff" or actions.recorder is not None
    if not quiet_run:
        reporter.start()
    # Processes asked for by --jobs are used for any run of two files per process or more.
    checker = Checker(plan, jobs, 2 * jobs) if options.jobs else Checker(plan, jobs)
    try:
        with _progress(len(collected.files)) as progress:
            reports: Iterable[tuple[Path, FileReport]] = _reports(
                plan, collected, options, cwd, checker, statistics, cache
            )
            if any(plan.site_rules(path) for _, path in collected.files):
                given = [cwd / name for name in options.paths if name != "-"] or [cwd]
                reports = _with_site_stage(plan, reports, progress, given, options)
            for _, checked in reports:
                report = actions.process(checked)
                if not quiet_run:
                    reporter.file(report.path, report.diagnostics, report.text)
                summary.add(report.diagnostics)
                statistics.count(report)
                crashed = crashed or report.crashed
                failing = failing or any(
                    d.severity.rank >= threshold.rank for d in report.diagnostics
                )
                if not isinstance(reports, list):
                    progress.update(1)
    except BaseException:
        checker.close(cancel=True)
        raise
    checker.close()
    statistics.jobs = checker.processes
    summary.fixed, summary.in_baseline = actions.fixed, actions.in_baseline
    if not quiet_run:
        reporter.finish(summary)
    broken = crashed or bool(collected.missing)
    return _conclude(actions, options.quiet, broken, failing)


def _with_site_stage(
    plan: Plan,
    reports: Iterable[tuple[Path, FileReport]],
    progress: Any,
    given: list[Path],
    options: CheckOptions,
) -> list[tuple[Path, FileReport]]:
    """Every report first (the index needs every page), then, when asked, every external
    URL, then each page's site findings added to its report."""
    from lint.site.stage import SiteStage
    from lint.site.urls import UrlSettings

    stage = SiteStage(plan, [path if path.is_dir() else path.parent for path in given])
    gathered = []
    for path, report in reports:
        if report.facts is not None:
            stage.add(path, report.facts)
            stage.resolve_early(path)
        gathered.append((path, report))
        progress.update(1)
    urls = UrlSettings.from_table(plan.config.links, options.check_urls or None)
    if urls.enabled:
        _check_urls(stage, urls, plan, options)
    for path, report in gathered:
        found = stage.diagnostics(report.path, path)
        if not found:
            continue
        report.crashed = report.crashed or any(d.rule == INTERNAL_ERROR for d in found)
        report.diagnostics = sorted([*report.diagnostics, *found])
        if report.text is None:
            report.text = _text(_read_for_key(path, plan), plan)
    return gathered


def _check_urls(stage: SiteStage, urls: UrlSettings, plan: Plan, options: CheckOptions) -> None:
    from lint.cache import Cache
    from lint.prose.settings import default_cache_dir

    cache = None if options.no_cache else Cache(default_cache_dir(plan.config), "urls")
    try:
        checker = stage.check_urls(urls, cache)
    finally:
        if cache is not None:
            cache.close()
    if options.verbose:
        asked = len(stage.index.urls)
        click.echo(
            f"contentlint: {asked} external URL{'s' if asked != 1 else ''} checked "
            f"({checker.requests} request{'s' if checker.requests != 1 else ''} made)",
            err=True,
        )


def _with_excludes(plan: Plan, globs: Sequence[str], cwd: Path) -> ConfigFor:
    """Each folder's config, with ``--exclude``'s globs (relative to ``cwd``) added."""
    projects = plan.projects
    if not globs:
        return projects.for_folder if projects is not None else lambda _: plan.config
    from lint.globs import GlobError, compile_glob

    for glob in globs:
        try:
            compile_glob(glob)
        except GlobError as error:
            fail(f"--exclude {error}")
    extra = tuple((cwd.resolve(), glob) for glob in globs)
    widened: dict[tuple[Path, ...], Config] = {}

    def config_for(folder: Path) -> Config:
        config = projects.for_folder(folder) if projects is not None else plan.config
        found = widened.get(config.sources)
        if found is None:
            found = widened[config.sources] = replace(config, exclude=config.exclude + extra)
        return found

    return config_for


def _collect(plan: Plan, options: CheckOptions, cwd: Path) -> Collected:
    paths = options.paths
    read_stdin = "-" in paths or (options.stdin_filename is not None and not paths)
    file_paths = [path for path in paths if path != "-"]
    if not file_paths and not read_stdin:
        file_paths = ["."]
    config_for = _with_excludes(plan, options.exclude, cwd)
    try:
        collected = collect(
            file_paths, config_for, cwd, options.force_exclude, ignore_files=not options.no_ignore
        )
    except ConfigError as error:
        fail(str(error))
    for missing in collected.missing:
        click.echo(f"error: {visible(missing)}: no such file or folder", err=True)
    for skipped in collected.skipped:
        warn(skipped)
    return collected


def _conclude(actions: Actions, quiet: bool, broken: bool, failing: bool) -> int:
    """What the fixes and the baseline add at the end of a run, and its exit code."""
    for error in actions.errors:
        click.echo(f"error: {visible(error)}", err=True)
    broken = broken or bool(actions.errors)
    if actions.mode == "diff":
        sys.stdout.write("".join(actions.diffs))
        if not quiet:
            count = len(actions.diffs)
            click.echo(
                f"contentlint: {count} file{'s' if count != 1 else ''} would be changed by "
                + ("--unsafe-fixes" if actions.unsafe else "--fix"),
                err=True,
            )
        if not broken:
            return EXIT_FINDINGS if actions.diffs else EXIT_OK
    if actions.recorder is not None and actions.location is not None:
        count = actions.recorder.write(actions.location)
        click.echo(f"contentlint: recorded {count} findings in {actions.location}", err=True)
        failing = False
    if broken:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing else EXIT_OK


def _reports(
    plan: Plan,
    collected: Collected,
    options: CheckOptions,
    cwd: Path,
    checker: Checker,
    statistics: RunStatistics,
    cache: ResultsCache | None,
) -> Iterator[tuple[Path, FileReport]]:
    """Standard input first, then every file, in order: from the cache or checked."""
    if "-" in options.paths or (options.stdin_filename is not None and not options.paths):
        display = options.stdin_filename or "-"
        path = (cwd / display).resolve()
        try:
            data = read_stream(sys.stdin.buffer, plan.max_file_bytes)
        except ReadRefused as refused:
            yield path, file_error(display, str(refused), plan, path)
        else:
            yield path, check_bytes(display, path, data, plan)
    if cache is None:
        count = len(collected.files)
        for (_, path), result in zip(
            collected.files, checker.check(collected.files, count), strict=True
        ):
            yield path, result()
        return
    yield from _through_cache(plan, collected.files, cache, checker, statistics)


def _through_cache(
    plan: Plan,
    files: list[tuple[str, Path]],
    cache: ResultsCache,
    checker: Checker,
    statistics: RunStatistics,
) -> Iterator[tuple[Path, FileReport]]:
    """Every file's key first (looked up in batches), then one stream of the misses through
    the checker, so that workers never wait between batches."""
    from lint.results_cache import CachedResult, dialect_stamp, file_key

    keys: list[str | None] = []
    stamps: dict[str, str] = {}
    hits: dict[str, CachedResult] = {}
    for start in range(0, len(files), BATCH_FILES):
        batch_keys = []
        for display, path in files[start : start + BATCH_FILES]:
            data = _read_for_key(path, plan)
            dialect = plan.dialect_for(path)
            stamp = stamps.get(dialect.name) or stamps.setdefault(
                dialect.name, dialect_stamp(dialect)
            )
            fingerprint = _fingerprint(plan, path) + _project_stamp(plan, path)
            features = dialect.site_features(path)
            if features:  # the site's config changes how its pages read
                stamp = f"{stamp}+{','.join(features)}"
            key = file_key(fingerprint, stamp, display, data) if data else None
            batch_keys.append(key if data is not None else None)
        found = cache.get_many([key for key in batch_keys if key is not None])
        # An entry without the page's facts is no use to a run with site rules on it.
        hits.update(
            (key, result)
            for (_, path), key in zip(files[start : start + BATCH_FILES], batch_keys, strict=True)
            if key is not None
            and (result := found.get(key)) is not None
            and (result.facts is not None or not plan.site_rules(path))
        )
        keys.extend(batch_keys)
    misses = [item for item, key in zip(files, keys, strict=True) if key not in hits]
    results = checker.check(misses, len(misses))
    fresh: list[tuple[str, CachedResult]] = []
    for (display, path), key in zip(files, keys, strict=True):
        if key is not None and key in hits:
            statistics.from_cache += 1
            hit = hits[key]
            text = _text(_read_for_key(path, plan), plan) if hit.diagnostics else None
            yield path, FileReport(display, hit.diagnostics, text, facts=hit.facts)
            continue
        report = next(results)()
        if key is not None and not report.crashed:
            fresh.append((key, CachedResult(report.diagnostics, report.facts)))
            if len(fresh) >= BATCH_FILES:
                cache.put_many(fresh)
                fresh = []
        yield path, report
    cache.put_many(fresh)


def _read_for_key(path: Path, plan: Plan) -> bytes | None:
    """The file's bytes to hash, or None when the file is not one to cache (unreadable, too
    big: the check reports why)."""
    try:
        return read_document(path, plan.max_file_bytes)
    except (ReadRefused, OSError):
        return None


def _text(data: bytes | None, plan: Plan) -> str | None:
    if data is None or not plan.keep_text:
        return None
    try:
        return decode(data)
    except DecodeError:
        return None


def _project_stamp(plan: Plan, path: Path) -> str:
    """What the prose findings of ``path`` owe to other files: its project's words (a word
    written in another page's code, or in the project file, is no misspelling here)."""
    if plan.prose_for(path) is None or not any(
        PROSE_GROUP in plan.rules[rule.id].groups for rule in plan.active_rules(path)
    ):
        return ""
    from lint.prose.project_words import project_words_for

    return project_words_for(path).digest


def _fingerprint(plan: Plan, path: Path) -> str:
    from lint.results_cache import rules_fingerprint

    active = plan.active_rules(path)
    fingerprint = plan.fingerprints.get(id(active))
    if fingerprint is None:
        # Every registered rule id: unknown-rule's findings depend on which rules exist.
        extra = [",".join(sorted(plan.rules))]
        # [limits] change what is read and how deep: a new limit is a new result.
        extra.append(json.dumps(dict(plan.config_for(path).limits), sort_keys=True, default=str))
        prose = plan.prose_for(path)
        if prose is not None and any(PROSE_GROUP in plan.rules[rule.id].groups for rule in active):
            from lint.prose.engines import engine_version

            extra.append(engine_version(prose))
        fingerprint = rules_fingerprint(active, dict(plan.rules), extra, plan.schema_stamps)
        plan.fingerprints[id(active)] = fingerprint
    return fingerprint
