"""Command line (DESIGN.md §5, a contract for names, formats and exit codes).

Exit codes: 0 every article passed; 1 at least one failed the gate; 2 usage
error or an input that could not be read (the other inputs are still checked).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .model import SEVERITIES

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
FORMATS = ("rich", "text", "json", "jsonl")


def _fail(message: str) -> None:
    click.echo(f"tqcheck: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _codes(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """`--select A,B --select C` -> ('A', 'B', 'C'); None when not given."""
    out = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
    return out or None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="tqcheck", message="%(prog)s %(version)s")
def main() -> None:
    """Find machine-translation artifacts in English news articles and score them."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Report format [default: rich on a terminal, else text].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to FILE (atomically).")
@click.option("--fail-under", type=float, help="Fail an article scoring below N [default: 80].")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Fail an article with an issue at or above this severity [default: critical].")
@click.option("--no-fail", is_flag=True, help="Exit 0 even when articles fail (not when an input is unreadable).")
@click.option("--select", multiple=True, help="Only these rules: codes, code prefixes, names or categories (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules: codes, code prefixes, names or categories (comma-separated).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Config file (else tqcheck.toml or pyproject.toml, walking up).")
@click.option("--jobs", type=click.IntRange(min=0), default=1, show_default=True, help="Worker processes (0 = all cores).")
@click.option("--no-cross-article", is_flag=True, help="Skip the first pass that gathers evidence across the batch.")
def check(paths, fmt, output, fail_under, fail_on, no_fail, select, ignore, config_path, jobs, no_cross_article):
    """Check articles: files, folders, globs, or - for stdin."""
    from .api import active_rules
    from .batch import run
    from .config import ConfigError, load_settings
    from .output import open_output
    from .report import Summary, make_reporter

    try:
        settings = load_settings(config_path).with_overrides(
            select=_codes(select), fail_under=fail_under, fail_on=fail_on
        )
        if _codes(ignore):
            settings = settings.with_overrides(ignore=settings.ignore + _codes(ignore))
        active_rules(settings)
    except ConfigError as e:
        _fail(str(e))

    if fmt is None:
        fmt = "rich" if output is None and sys.stdout.isatty() else "text"
    summary = Summary()
    errors_to_stderr = output is not None or fmt in ("json", "jsonl")
    with open_output(output) as stream:
        reporter = make_reporter(fmt, stream, fail_under=settings.fail_under,
                                 color=None if output is None else False)
        reporter.start()

        def on_result(r):
            summary.add(r)
            if r.error is not None and errors_to_stderr:
                where = r.path if r.id is None else f"{r.path}#{r.id}"
                click.echo(f"tqcheck: error: {where}: {r.error}", err=True)
            reporter.result(r)

        run(list(paths), settings, on_result, jobs=jobs, cross_article=not no_cross_article)
        reporter.finish(summary)
    if summary.errors:
        sys.exit(EXIT_ERROR)
    if summary.failed and not no_fail:
        sys.exit(EXIT_FAILED)
    sys.exit(EXIT_OK)


@main.command()
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def rules(fmt):
    """List every rule: code, name, category, default severity and summary."""
    from .rules import all_rules

    rs = all_rules()
    if fmt == "json":
        import json

        from .model import MQM_DIMENSIONS

        data = [{**r.to_dict(), "mqm": MQM_DIMENSIONS[r.category], "doc": r.doc,
                 "flags": list(r.flags), "passes": list(r.passes)} for r in rs]
        click.echo(json.dumps(data, indent=1, ensure_ascii=False))
        return
    for r in rs:
        click.echo(f"{r.code}  {r.name:<32} {r.category:<13} {r.severity:<9} {r.summary}")


@main.command()
@click.argument("code")
def explain(code):
    """Show a rule's documentation and examples (by code or name)."""
    from .rules import all_rules
    from .rules.base import unmark
    from .model import MQM_DIMENSIONS

    found = [r for r in all_rules() if code.upper() == r.code or code.lower() == r.name]
    if not found:
        _fail(f"unknown rule {code!r}; `tqcheck rules` lists them")
    r = found[0]
    click.echo(f"{r.code} {r.name}\n")
    click.echo(f"Category: {r.category} ({MQM_DIMENSIONS[r.category]})    Default severity: {r.severity}\n")
    click.echo(f"{r.summary}\n")
    click.echo(r.doc)
    click.echo("\n## Tested examples\nFlagged (span in [[ ]]):")
    for ex in r.flags:
        click.echo("  " + ex.replace("\n", "\n  "))
    click.echo("Left alone:")
    for ex in r.passes:
        click.echo("  " + unmark(ex)[0].replace("\n", "\n  "))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--diff", "mode", flag_value="diff", default=True, help="Show the fixes as a unified diff [default].")
@click.option("--write", "mode", flag_value="write", help="Apply the fixes to the files (atomically).")
@click.option("--select", multiple=True, help="Only fixes of these rules.")
@click.option("--ignore", multiple=True, help="Not the fixes of these rules.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
def fix(paths, mode, select, ignore, config_path):
    """Apply the safe fixes rules offer (merge split sentences, remove boilerplate)."""
    from .config import ConfigError, load_settings
    from .fix import fix_paths

    try:
        settings = load_settings(config_path).with_overrides(select=_codes(select))
        if _codes(ignore):
            settings = settings.with_overrides(ignore=settings.ignore + _codes(ignore))
    except ConfigError as e:
        _fail(str(e))
    sys.exit(fix_paths(list(paths), settings, write=(mode == "write")))
