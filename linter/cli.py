"""The command line: `gitbook-lint [PATHS]…`, `gitbook-lint rules`, `gitbook-lint explain RULE`.

Exit codes: 0 clean, 1 when some finding is an error (or a warning, with `--strict`), 2 on a
usage or configuration error, 3 when the tool itself failed: an internal error (a bug, reported
as GB000 or on stderr) or a report that could not be written (a full disk, a closed pipe).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, NoReturn

import click

from . import __version__, baseline
from .baseline import DEFAULT_NAME
from .cache import CACHE_DIR_ENV, CACHE_DIR_NAME, cache_location, clean
from .report import FORMAT_NAMES
from .report.escape import printable
from .report.i18n import TEXTS, counted, language_from_environment, say, summary_line
from .words import LANGUAGES
from .writing import write_atomically as write_bytes_atomically

if TYPE_CHECKING:
    from .config import Config
    from .run import RunResult
    from .settings import Settings

# The parser, the rules, the configuration and the report formats are imported by the commands
# that use them, not here: `gitbook-lint --version` and `--help` start at once.

CONFIG_ERROR = 2
INTERNAL_ERROR = 3
REPOSITORY_FORMATS = ("github", "sarif", "gitlab", "junit")


class DefaultToCheck(click.Group):
    """`gitbook-lint PATH…` means `gitbook-lint check PATH…`: the check is the main job."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def main(self, args: Any = None, *more: Any, **extra: Any) -> Any:
        """Click's own usage errors (unknown option, bad choice) in the user's language, exit 2."""
        arguments = list(sys.argv[1:] if args is None else args)
        _tolerant_streams()
        try:
            return super().main(arguments, *more, standalone_mode=False, **extra) or 0
        except (SystemExit, KeyboardInterrupt):
            raise
        except click.ClickException as error:
            lang = _lang(_lang_in(arguments))
            click.echo("gitbook-lint: " + say("usage-error", lang, error=error.format_message()), err=True)
            if isinstance(error, click.UsageError):
                click.echo(say("see-help", lang), err=True)
            sys.exit(error.exit_code)
        except click.Abort:
            sys.exit(1)
        except Exception as error:  # noqa: BLE001 - a bug must end in a message and its own code
            _say_error(f"internal error: {type(error).__name__}: {printable(str(error))}; please report this")
            sys.exit(INTERNAL_ERROR)


def console() -> NoReturn:
    """The `gitbook-lint` command and `python -m linter`: `main`, then the process ends at once.

    When `main` is done, everything is written: the report (stdout or `--output`), the cache
    and the files `--fix` changed are written synchronously, the parser processes and the web
    check's thread are joined. Python's own shutdown would still free every object, run the
    finalizers and collect the garbage of a process that is about to end, tens of milliseconds
    once the HTTP client or many modules are loaded; `os._exit` skips that, as other command-line
    tools do. Only here: the tests call `main` in-process, where the interpreter must live on.
    """
    code = _exit_status(main)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a closed pipe: Python's shutdown says so and sets the code
        sys.exit(code)
    if _threads_still_running():
        sys.exit(code)  # a thread that is no daemon: the interpreter waits for it, as usual
    os._exit(code)


def _exit_status(command: Callable[[], Any]) -> int:
    """The status `command` ends with, as `sys.exit` would compute it (printing a text code)."""
    try:
        done = command()
    except SystemExit as exit_:
        done = exit_.code
    if done is None:
        return 0
    if isinstance(done, int):
        return done
    print(done, file=sys.stderr)
    return 1


def _threads_still_running() -> bool:
    import threading

    return any(thread is not threading.main_thread() and not thread.daemon and thread.is_alive() for thread in threading.enumerate())


def _tolerant_streams() -> None:
    """A stdout or stderr that cannot encode a character (`PYTHONIOENCODING=ascii`, a Latin-1
    terminal) writes it as `\\xe9` instead of ending the run in a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (OSError, ValueError):
                pass


def _say_error(message: str) -> None:
    """A last word on stderr, which may itself be unwritable (a full disk, a closed pipe)."""
    try:
        click.echo("gitbook-lint: " + message, err=True)
    except OSError:
        pass


@click.group(cls=DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gitbook-lint")
def main() -> None:
    """Lint the Markdown sources of a GitBook space: blocks, links, anchors, front matter."""


def default_paths() -> list[str]:
    """The space in the current folder; else `content/` (this repository's own space)."""
    from .spaces import default_space

    return [default_space(Path.cwd())]


_CACHE_DIR = click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    help=f"Where to keep the cache [default: ${CACHE_DIR_ENV}, else {CACHE_DIR_NAME}/ at the repository's top].",
)
_LANG = click.option("--lang", type=click.Choice(LANGUAGES), default=None, help="Language of messages (default: configuration, then LANG).")


_PATHS = click.argument("paths", nargs=-1, type=click.Path())
_CONFIG = click.option("--config", "config_path", type=click.Path(dir_okay=False), help="The configuration file (default: found upward).")
_NO_CONFIG = click.option("--no-config", is_flag=True, help="Ignore any configuration file.")
_FORCE_EXCLUDE = click.option("--force-exclude", is_flag=True, help="Skip named files outside the configured `paths` (for pre-commit).")


@main.command()
@_PATHS
@_CONFIG
@_NO_CONFIG
@click.option("--format", "output_format", type=click.Choice(sorted(FORMAT_NAMES)), default=None, help="Output format [default: text].")
@click.option("--output", "-o", "output_file", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--select", multiple=True, help="Only these rules (id, name or tag); repeatable, or comma-separated.")
@click.option("--extend-select", multiple=True, help="Add these rules to the selection (e.g. rules off by default).")
@click.option("--ignore", multiple=True, help="Skip these rules (id, name or tag).")
@_FORCE_EXCLUDE
@click.option("--strict", is_flag=True, default=None, help="Exit 1 on warnings too.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal only).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes some findings carry, then report what is left.")
@_CACHE_DIR
@click.option("--no-cache", is_flag=True, help="Read every page again; neither read nor write the cache.")
@click.option("--external", is_flag=True, default=None, help="Also request web links and embeds (GB6xx rules), each address once.")
@click.option("--external-timeout", type=click.FloatRange(min=0.1), help="Seconds one web request may take [default: 10].")
@click.option("--allow-host", multiple=True, help="Let the web check reach this host, address or network even if private; repeatable.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), help=f"Report only findings not in this baseline (default: {DEFAULT_NAME} when present).")
@click.option("--no-baseline", is_flag=True, help="Report every finding, ignoring any baseline.")
@click.option("--update-baseline", is_flag=True, help="Drop the baseline's entries that no longer match a finding.")
@click.option("--staged", is_flag=True, help="For pre-commit: without PATHS, report only what the staged deletions and renames break.")
@click.option("--diff-base", metavar="REV", help="Report on the files changed since REV (committed, staged, unstaged) and on what their changes break.")
@_LANG
def check(
    paths: tuple[str, ...],
    config_path: str | None,
    no_config: bool,
    output_format: str | None,
    output_file: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    force_exclude: bool,
    strict: bool | None,
    color: bool | None,
    fix: bool,
    cache_dir: str | None,
    no_cache: bool,
    external: bool | None,
    external_timeout: float | None,
    allow_host: tuple[str, ...],
    baseline_file: str | None,
    no_baseline: bool,
    update_baseline: bool,
    staged: bool,
    diff_base: str | None,
    lang: str | None,
) -> None:
    """Lint PATHS (spaces or files; default: the configuration's `paths`, the space here, or content/)."""
    from .external.options import OPTIONS
    from .finding import INTERNAL_ERROR_ID, count_by_severity

    config, settings = _setup(paths, config_path, no_config, lang, select, extend_select, ignore)
    settings.cache = not no_cache
    settings.cache_dir = Path(cache_dir) if cache_dir else None
    _external_options(settings, external, external_timeout, allow_host)
    targets = _targets(paths, config, force_exclude)
    output_format = output_format or settings.output_format
    strict = strict if strict is not None else settings.strict
    result = _lint(targets, settings, fix, diff_base, staged=staged and not paths)
    if not no_baseline:
        _apply_baseline(result, _baseline_file(baseline_file, settings), update_baseline, settings.lang)
    _report(result, settings.lang, output_format, output_file, color)
    if settings.extra[OPTIONS].enabled:  # else nothing was requested: nothing to sum up
        from .external.run import external_summary_lines

        for line in external_summary_lines(settings):
            click.echo(line, err=True)
    if any(finding.rule_id == INTERNAL_ERROR_ID for finding in result.findings):
        sys.exit(INTERNAL_ERROR)  # a rule crashed: the report is incomplete, whatever it says
    counts = count_by_severity(result.findings)
    sys.exit(1 if counts["error"] or (strict and counts["warning"]) else 0)


def _external_options(settings: Settings, enabled: bool | None, timeout: float | None, hosts: tuple[str, ...]) -> None:
    """The command line over the configuration's `external…` keys."""
    from .external.options import OPTIONS, ExternalSettings

    options = settings.extra.setdefault(OPTIONS, ExternalSettings())
    options.enabled = options.enabled if enabled is None else enabled
    options.timeout = timeout or options.timeout
    options.allow_hosts = [*options.allow_hosts, *_split(hosts)]


@main.command("baseline")
@_PATHS
@_CONFIG
@_NO_CONFIG
@_FORCE_EXCLUDE
@click.option("--output", "-o", "output_file", type=click.Path(dir_okay=False), help=f"The baseline file [default: the configuration's `baseline`, else {DEFAULT_NAME}].")
@_LANG
def baseline_command(
    paths: tuple[str, ...], config_path: str | None, no_config: bool, force_exclude: bool, output_file: str | None, lang: str | None
) -> None:
    """Write the current findings of PATHS to the baseline file: later runs report only new ones."""
    from .run import display_path_of

    config, settings = _setup(paths, config_path, no_config, lang, (), (), ())
    result = _lint(_targets(paths, config, force_exclude), settings, fix=False)
    target = Path(output_file) if output_file else _baseline_file(None, settings, must_exist=False)
    assert target is not None  # must_exist=False always names a file
    entries = [fingerprint for _, fingerprint in baseline.fingerprints(result.findings, baseline.relative_to(target.resolve().parent))]
    try:
        write_atomically(target, baseline.dump(entries))
    except OSError as error:
        _usage_error(say("cannot-write", settings.lang, path=target, error=error.strerror or error), settings.lang)
    click.echo(say("baseline-written", settings.lang, findings=counted("findings", settings.lang, len(entries)), path=display_path_of(target.resolve())), err=True)


def _setup(
    paths: tuple[str, ...],
    config_path: str | None,
    no_config: bool,
    lang: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> tuple[Config, Settings]:
    """The configuration and the settings it and the command line make."""
    from .config import apply_config
    from .settings import Settings

    early_lang = lang or language_from_environment() or "en"
    config = _config(paths, config_path, no_config, early_lang)
    # the language: the option, else the configuration's, else the environment's
    settings = apply_config(config, Settings(lang=language_from_environment() or "en"))
    settings.lang = lang or settings.lang
    if select:
        settings.select = _split(select)
    settings.extend_select.extend(_split(extend_select))
    settings.ignore.extend(_split(ignore))
    for selector in [*(settings.select or []), *settings.extend_select, *settings.ignore]:
        _check_selector(selector, settings.lang)
    return config, settings


def _lint(targets: list[str], settings: Settings, fix: bool, diff_base: str | None = None, staged: bool = False) -> RunResult:
    from .report.progress import Progress
    from .run import RunResult, UsageError, fewer_collections, lint_paths

    try:
        with Progress(settings.lang) as progress, fewer_collections():
            result = lint_paths(targets, settings, progress, diff_base, staged) if targets else RunResult()
        if fix and targets:
            from .fix import apply_fixes

            fixed = apply_fixes(result.findings, [site.root for site in result.sites])
            for path, why in fixed.refused:
                reason = say(f"refused-{why}", settings.lang) if f"refused-{why}" in TEXTS else printable(why)
                click.echo("gitbook-lint: " + say("fix-refused", settings.lang, path=printable(path), why=reason), err=True)
            click.echo(say(
                    "fixed",
                    settings.lang,
                    problems=counted("problems", settings.lang, fixed.fixed),
                    files=counted("files", settings.lang, len(fixed.files)),
                ), err=True)
            if fixed.fixed:  # report what is left, read from the files as they are now
                result = lint_paths(targets, settings, diff_base=diff_base, staged=staged)
    except UsageError as error:
        message = say(error.key, settings.lang, **error.args_for_message) if error.key else str(error)
        _usage_error(message, settings.lang)
    return result


def _baseline_file(option: str | None, settings: Settings, must_exist: bool = True) -> Path | None:
    """The baseline to use: `--baseline`, the configuration's `baseline`, else the default file
    beside the configuration (or here) when it exists. A file named but missing is an error."""
    if option:
        named = Path(option)
    elif settings.baseline is not None:
        named = settings.baseline
    else:
        default = (settings.config_dir or Path.cwd()) / baseline.DEFAULT_NAME
        return default if default.is_file() or not must_exist else None
    if must_exist and not named.is_file():
        _usage_error(say("no-baseline", settings.lang, path=named), settings.lang)
    return named


def _apply_baseline(result: RunResult, file: Path | None, update: bool, lang: str) -> None:
    """Keep the findings the baseline does not hold; tell (or, with `update`, drop) its fixed entries."""
    from .run import display_path_of

    if file is None:
        return
    try:
        accepted = baseline.load(file)
    except baseline.BaselineError as error:
        _usage_error(str(error), lang)
    folder = file.resolve().parent
    filtered = baseline.apply(
        result.findings, accepted, baseline.relative_to(folder), lambda path: result.covers(Path(os.path.normpath(folder / path)))
    )
    result.findings = filtered.new
    shown = display_path_of(file.resolve())
    if filtered.matched:
        click.echo(say("baseline-hidden", lang, findings=counted("findings", lang, len(filtered.matched)), path=shown), err=True)
    if filtered.fixed and update:
        write_atomically(file, baseline.dump(accepted - set(filtered.fixed)))
        click.echo(say("baseline-pruned", lang, findings=counted("findings", lang, len(filtered.fixed)), path=shown), err=True)
    elif filtered.fixed:
        click.echo(say("baseline-fixed", lang, findings=counted("findings", lang, len(filtered.fixed)), path=shown), err=True)


def _config(paths: tuple[str, ...], config_path: str | None, no_config: bool, lang: str) -> Config:
    from .config import Config, ConfigError, find_config, load_config

    if no_config:
        return Config()
    try:
        if config_path:
            return load_config(Path(config_path))
        found = find_config(Path(paths[0]) if paths else Path.cwd())
        return load_config(found) if found else Config()
    except ConfigError as error:
        click.echo("gitbook-lint: " + say("config-error", lang, error=error), err=True)
        sys.exit(CONFIG_ERROR)


def _targets(paths: tuple[str, ...], config: Config, force_exclude: bool) -> list[str]:
    """What to lint: the paths given, else the configuration's, else the default. YAML files
    outside a space are left out (a hook passes every changed file), and with `force_exclude`
    so are files outside the configured `paths`."""
    from .spaces import in_a_space, outside_every_space, site_config_file

    if not paths:
        return config.paths() or default_paths()
    spaces = [Path(path).resolve() for path in config.paths()] if force_exclude else []
    kept = []
    for raw in paths:
        path = Path(raw)
        if path.is_file() or not path.exists():
            resolved = path.resolve()
            if spaces and not any(space == resolved or space in resolved.parents for space in spaces):
                continue
            if site_config_file(path) is not None:
                kept.append(raw)  # the site configuration: checked from its spaces
                continue
            if path.suffix.lower() in (".yaml", ".yml") and not in_a_space(path):
                continue  # a workflow or tool file: not GitBook's business
            if outside_every_space(path):
                continue  # a site-wide repository's own files (AGENTS.md): no space reads them
        kept.append(raw)
    return kept


def _report(result: RunResult, lang: str, output_format: str, output_file: str | None, color: bool | None) -> None:
    from .finding import count_by_severity
    from .report import FORMATTERS, ReportContext
    from .run import display_path, repository_paths

    # colour only on a terminal, and never when the user's NO_COLOR says so (no-color.org)
    to_terminal = output_file is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    context = ReportContext(
        lang=lang,
        color=to_terminal if color is None else color,
        page_count=result.page_count,
        source_line=_source_lines(result),
    )
    # CI formats are read against the repository, not against the folder the job ran in
    findings = repository_paths(result.findings) if output_format in REPOSITORY_FORMATS else result.findings
    report = FORMATTERS[output_format](findings, context)
    if output_file:
        try:
            write_atomically(Path(output_file), report)
        except OSError as error:
            _usage_error(say("cannot-write", lang, path=output_file, error=error.strerror or error), lang)
    else:  # click drops colour codes when stdout is no terminal, unless told (`--color` in a CI log)
        try:
            click.echo(report, nl=False, color=context.color)
            sys.stdout.flush()
        except OSError as error:  # a full disk, a closed pipe: say so, no traceback
            _say_error(say("cannot-write", lang, path="stdout", error=error.strerror or error))
            sys.exit(INTERNAL_ERROR)
    for site in result.sites:
        for folder in site.unreadable_folders:
            shown = printable(display_path(site, folder.rstrip("/")) + "/")
            click.echo("gitbook-lint: " + say("unreadable-folder", lang, path=shown), err=True)
    if output_format == "text":
        counts = count_by_severity(result.findings)
        line = summary_line(lang, result.page_count, result.space_page_count, len(result.sites), counts)
        click.echo(line, err=True)


def _source_lines(result: RunResult):  # noqa: ANN202 - a lookup function
    from functools import cache

    from .run import display_path

    @cache
    def files() -> tuple[dict[str, tuple[Any, str]], dict[str, list[str]]]:
        """Built once, when a format first asks for a line: a JSON report reads none. Each page is
        looked up when a finding needs its line (a reused run read no page)."""
        pages = {display_path(site, name): (site, name) for site in result.sites for name in site.pages}
        # .gitbook.yaml is no page, but its findings deserve the excerpt too
        configs = {display_path(site, site.config_path): site.config.raw.split("\n") for site in result.sites if site.config}
        return pages, configs

    def line_of(path: str, line: int) -> str | None:
        pages, configs = files()
        where = pages.get(path)
        if where is None:
            lines = configs.get(path, [])
            return lines[line - 1] if 0 < line <= len(lines) else None
        page = where[0].pages[where[1]]
        if line > page.index.line_count:
            return None
        return page.index.line_text(line - 1)

    return line_of


def write_atomically(path: Path, text: str) -> None:
    """Write beside the target, then rename: a reader never sees half a report."""
    write_bytes_atomically(path.resolve(), text.encode("utf-8"))


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _check_selector(selector: str, lang: str) -> None:
    from .rules import all_rules, selector_vocabulary

    if not any(rule.matches(selector) for rule in all_rules()):
        _usage_error(say("no-rule", lang, name=selector, hint=_hint(selector, selector_vocabulary(), lang)), lang)


def _hint(word: str, candidates: list[str], lang: str) -> str:
    from .words import closest

    match = closest(word, candidates)
    return say("did-you-mean", lang, closest=match) if match else ""


def _usage_error(message: str, lang: str) -> NoReturn:
    # the message may quote a path given by a hook, that is, named in a stranger's commit
    click.echo("gitbook-lint: " + say("usage-error", lang, error=printable(message)), err=True)
    sys.exit(CONFIG_ERROR)


def _lang_in(arguments: list[str]) -> str | None:
    """The `--lang` of a command line that could not be parsed, if it is there."""
    for position, argument in enumerate(arguments):
        if argument.startswith("--lang="):
            value = argument.split("=", 1)[1]
            return value if value in LANGUAGES else None
        if argument == "--lang" and position + 1 < len(arguments) and arguments[position + 1] in LANGUAGES:
            return arguments[position + 1]
    return None


def _lang(lang: str | None) -> str:
    """The language for commands without a space: option, then the configuration here, then LANG."""
    from .config import Config, ConfigError, apply_config, find_config, load_config
    from .settings import Settings

    if lang:
        return lang
    try:
        found = find_config(Path.cwd())
        config = load_config(found) if found else Config()
    except ConfigError:
        config = Config()
    return apply_config(config, Settings(lang=language_from_environment() or "en")).lang


@main.command()
@click.option("--markdown", is_flag=True, help="The full reference as Markdown (what docs/rules.md holds).")
@_LANG
def rules(markdown: bool, lang: str | None) -> None:
    """List the rules: id, name, default severity, summary."""
    from .report.rules_doc import rules_markdown
    from .rules import all_rules

    if markdown:  # the generated reference must not depend on who generates it
        click.echo(rules_markdown(lang or "en"), nl=False)
        return
    lang = _lang(lang)
    for rule in all_rules():
        state = "" if rule.enabled_by_default else say("off-by-default", lang)
        click.echo(f"{rule.id}  {rule.name:<30} {rule.severity:<8} {rule.summary_in(lang)}{state}")


@main.command()
@click.argument("rule")
@_LANG
def explain(rule: str, lang: str | None) -> None:
    """Print a rule's documentation (by id or name)."""
    from .rules import all_rules, rule_by_selector

    lang = _lang(lang)
    found = rule_by_selector(rule)
    if found is None:
        words = [word for item in all_rules() for word in (item.id, item.name)]
        _usage_error(say("no-rule-explain", lang, name=rule, hint=_hint(rule, words, lang)), lang)
    tags = ", ".join(found.tags)
    fixable = f"; {say('fixable', lang)}" if found.fixable else ""
    click.echo(f"{found.id} {found.name} ({say('severity', lang)}: {say(found.severity, lang)}; {say('tags', lang)}: {tags}{fixable})\n")
    click.echo(found.doc_in(lang))
    if found.options_schema:
        click.echo(f"\n{say('options', lang)}:")
        for name, schema in found.options_schema.items():
            default = json.dumps(found.defaults.get(name), ensure_ascii=False)
            click.echo(f"  {name}: {schema.get('description', '')} ({say('default', lang)}: {default})")
    click.echo(f"\n{say('documentation', lang)}: {found.doc_url(lang)}")


@main.command("config-schema")
def config_schema_command() -> None:
    """Print the configuration's JSON Schema, every rule's options included (for editors)."""
    from .config import config_schema

    schema: dict[str, Any] = config_schema()
    click.echo(json.dumps(schema, ensure_ascii=False, indent=2))


@main.command()
@click.argument("page", type=click.Path(exists=True, dir_okay=False))
def dump(page: str) -> None:
    """Print PAGE's model as JSON: what page-type schemas validate."""
    from .guard import Refused
    from .model.dump import dump_file

    try:
        model = dump_file(Path(page))
    except (Refused, OSError) as error:  # a link out of the space, a pipe: never read
        reason = say(f"refused-{error.kind}", _lang(None)) if isinstance(error, Refused) else (error.strerror or str(error))
        _usage_error(say("cannot-read", _lang(None), path=page, error=reason), _lang(None))
    click.echo(json.dumps(model, ensure_ascii=False, indent=2))


@main.group()
def cache() -> None:
    """Manage the cache of earlier runs."""


@cache.command("clean")
@click.argument("paths", nargs=-1, type=click.Path())
@_CACHE_DIR
@_LANG
def cache_clean(paths: tuple[str, ...], cache_dir: str | None, lang: str | None) -> None:
    """Delete the cache of the spaces in PATHS (default: the one of the repository here)."""
    from .run import display_path_of
    from .settings import Settings

    lang = _lang(lang)
    settings = Settings(cache_dir=Path(cache_dir) if cache_dir else None)
    folders = {cache_location(Path(path).resolve(), settings) for path in (paths or (".",))}
    for folder in sorted(folder for folder in folders if folder is not None):
        try:
            removed = clean(folder)
        except OSError as error:
            _usage_error(say("cannot-clean", lang, error=error), lang)
        click.echo(say("cache-cleaned" if removed else "no-cache-here", lang, path=display_path_of(folder)), err=True)
