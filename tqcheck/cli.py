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
FORMATS = ("rich", "text", "json", "jsonl", "sarif", "junit", "github", "html")


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
@click.option("--input-format", type=click.Choice(("auto", "text", "markdown", "html", "jsonl", "feed")), default="auto", show_default=True, help="How to read the inputs (auto: by extension).")
@click.option("--text-field", metavar="FIELD[,FIELD]", help="JSON Lines field(s) holding the article text [default: text, body, content].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar (it is shown only on a terminal anyway).")
@click.option("--dask-scheduler", metavar="ADDRESS", help="Check on a Dask cluster (e.g. tcp://host:8786); needs tqcheck[dask].")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path), help="Report and gate only findings not recorded in FILE.")
@click.option("--write-baseline", is_flag=True, help="Record the current findings in the --baseline FILE (exit 0 unless an input is unreadable).")
@click.option("--report-unused-suppressions", is_flag=True, help="Report tqcheck: disable directives and tqcheck_ignore entries that suppressed nothing (TQ000).")
@click.option("--statistics", is_flag=True, help="Print counts per rule (instead of the report, unless -o FILE).")
@click.option("--grammar/--no-grammar", default=None, help="LanguageTool grammar and spelling checks [default: the languagetool setting, auto].")
@click.option("--languagetool-url", metavar="URL", help="Use the LanguageTool server at URL (implies --grammar).")
def check(paths, fmt, output, fail_under, fail_on, no_fail, select, ignore, config_path, jobs, no_cross_article,
          baseline_path, write_baseline, report_unused_suppressions, statistics, grammar, languagetool_url,
          input_format, text_field, quiet, dask_scheduler):
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

    from .baseline import BaselineError, open_baseline
    from .suppress import drop_unused

    try:
        baseline = open_baseline(baseline_path, write_baseline)
    except BaselineError as e:
        _fail(str(e))
    from .grammar import GrammarRequest, GrammarUnavailable, open_for_run

    try:
        lt = open_for_run(GrammarRequest.resolve(settings, grammar, languagetool_url),
                          warn=lambda m: click.echo(f"tqcheck: note: {m}", err=True))
    except GrammarUnavailable as e:
        _fail(f"LanguageTool: {e}")
    if fmt is None:
        fmt = "rich" if output is None and sys.stdout.isatty() else "text"
    summary = Summary()
    errors_to_stderr = output is not None or statistics or fmt not in ("rich", "text")
    with open_output(output) as stream:
        reporter = make_reporter(fmt, stream, fail_under=settings.fail_under, fail_on=settings.fail_on,
                                 color=None if output is None else False)
        if statistics and output is None:
            from .report import Reporter

            reporter = Reporter(stream)  # --statistics replaces the report on standard output
        reporter.start()

        def on_result(r):
            if not report_unused_suppressions:
                r = drop_unused(r, settings)
            if baseline is not None:
                r = baseline.process(r, settings)
            summary.add(r)
            for w in r.warnings:
                click.echo(f"tqcheck: warning: {r.path if r.id is None else f'{r.path}#{r.id}'}: {w}", err=True)
            if r.error is not None and errors_to_stderr:
                where = r.path if r.id is None else f"{r.path}#{r.id}"
                click.echo(f"tqcheck: error: {where}: {r.error}", err=True)
            reporter.result(r)

        from .batch import wants_progress
        from .dask import DaskError

        try:
            run(list(paths), settings, on_result, jobs=jobs, cross_article=not no_cross_article, grammar=lt,
                input_format=input_format, text_field=text_field, progress=wants_progress(quiet),
                dask_scheduler=dask_scheduler)
        except DaskError as e:
            _fail(str(e))
        reporter.finish(summary)
    if statistics:
        for (code, name), n in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            click.echo(f"{n:>5}  {code:<8}  {name}")
    if baseline is not None:
        click.echo(f"tqcheck: {baseline.close(baseline_path)}", err=True)
        no_fail = no_fail or baseline.writing
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
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that change wording (calques, pronouns, names).")
@click.option("--select", multiple=True, help="Only fixes of these rules.")
@click.option("--ignore", multiple=True, help="Not the fixes of these rules.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
def fix(paths, mode, unsafe_fixes, select, ignore, config_path):
    """Apply the safe fixes rules offer (merge split sentences, remove boilerplate)."""
    from .config import ConfigError, load_settings
    from .fix import fix_paths

    try:
        settings = load_settings(config_path).with_overrides(select=_codes(select))
        if _codes(ignore):
            settings = settings.with_overrides(ignore=settings.ignore + _codes(ignore))
    except ConfigError as e:
        _fail(str(e))
    sys.exit(fix_paths(list(paths), settings, write=(mode == "write"), unsafe=unsafe_fixes))
