"""The command line: `gitbook-lint [PATHS]…`, `gitbook-lint rules`, `gitbook-lint explain RULE`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .engine import count_by_severity
from .report import FORMATTERS
from .rules import all_rules, rule_by_selector
from .run import UsageError, lint_paths
from .settings import Settings

SPACE_MARKERS = (".gitbook.yaml", "SUMMARY.md")


class DefaultToCheck(click.Group):
    """`gitbook-lint PATH…` means `gitbook-lint check PATH…`: the check is the main job."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gitbook-lint")
def main() -> None:
    """Lint the Markdown sources of a GitBook space: blocks, links, anchors, front matter."""


def default_paths() -> list[str]:
    """The space in the current folder; else `content/` (this repository's own space)."""
    here = Path.cwd()
    if any((here / marker).is_file() for marker in SPACE_MARKERS):
        return ["."]
    if any((here / "content" / marker).is_file() for marker in SPACE_MARKERS):
        return ["content"]
    return ["."]


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True)
@click.option("--select", multiple=True, help="Only these rules (id, name or tag); repeatable, or comma-separated.")
@click.option("--ignore", multiple=True, help="Skip these rules (id, name or tag).")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True)
def check(paths: tuple[str, ...], output_format: str, select: tuple[str, ...], ignore: tuple[str, ...], lang: str) -> None:
    """Lint PATHS (spaces or files; default: the space here, or content/)."""
    settings = Settings(lang=lang, select=_split(select) or None, ignore=_split(ignore))
    _validate_selectors(settings.select or [])
    _validate_selectors(settings.ignore)
    try:
        result = lint_paths(list(paths) or default_paths(), settings)
    except UsageError as error:
        raise click.UsageError(str(error)) from error
    click.echo(FORMATTERS[output_format](result.findings), nl=False)
    counts = count_by_severity(result.findings)
    if output_format == "text":
        summary = f"{result.page_count} pages, {counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
        click.echo(summary, err=True)
    sys.exit(1 if counts["error"] else 0)


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _validate_selectors(selectors: list[str]) -> None:
    rules = all_rules()
    for selector in selectors:
        if not any(rule.matches(selector) for rule in rules):
            raise click.BadParameter(f"no rule has the id, name or tag {selector!r}")


@main.command()
def rules() -> None:
    """List the rules: id, name, default severity, summary."""
    for rule in all_rules():
        state = "" if rule.enabled_by_default else " (off by default)"
        click.echo(f"{rule.id}  {rule.name:<28} {rule.severity:<8} {rule.summary}{state}")


@main.command()
@click.argument("rule")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en")
def explain(rule: str, lang: str) -> None:
    """Print a rule's documentation."""
    found = rule_by_selector(rule)
    if found is None:
        raise click.BadParameter(f"no rule has the id or name {rule!r}")
    click.echo(f"{found.id} {found.name} ({found.severity}; tags: {', '.join(found.tags)})\n")
    click.echo(found.doc_in(lang))
