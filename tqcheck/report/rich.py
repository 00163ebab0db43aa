"""The report a person reads: per article a header, each issue in its sentence, then a summary."""
from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..model import Result
from . import Reporter, Summary, snippet
from .text import label

SEVERITY_STYLE = {"minor": "yellow", "major": "dark_orange", "critical": "bold red"}


class RichReporter(Reporter):
    def __init__(self, stream, fail_under: float = 80.0, color: bool | None = None) -> None:
        super().__init__(stream, fail_under)
        self.console = Console(file=stream, highlight=False, soft_wrap=False,
                               force_terminal=color, no_color=color is False)

    def result(self, r: Result) -> None:
        c = self.console
        head = Text()
        head.append(label(r), style="bold")
        if r.error is not None:
            head.append("  error: ", style="bold red")
            head.append(r.error)
            c.print(head)
            return
        ok = r.passed
        head.append(f"  {r.words} words  ")
        head.append(f"score {r.score}", style="bold green" if ok else "bold red")
        head.append("  passed" if ok else "  FAILED", style="green" if ok else "red")
        c.print(head)
        width = max(40, c.width - 30)  # what the grid leaves for the message column
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=8, style="cyan", no_wrap=True)
        grid.add_column(min_width=7, style="bold", no_wrap=True)
        grid.add_column(width=8, no_wrap=True)
        grid.add_column(ratio=1)
        for i in r.issues or ():
            body = [Text(i.message)]
            if r.text is not None:
                s, a, b = snippet(r.text, i.offset, i.end, width=width - 2)
                ctx = Text("│ ", style="dim")
                ctx.append(s[:a])
                ctx.append(s[a:b], style="bold reverse " + SEVERITY_STYLE.get(i.severity, ""))
                ctx.append(s[b:])
                body.append(ctx)
            if i.suggestion is not None:
                body.append(Text("→ " + (i.suggestion or "(remove)"), style="green"))
            grid.add_row(f"  {i.line}:{i.column}", i.rule, Text(i.severity, style=SEVERITY_STYLE.get(i.severity, "")),
                         Group(*body))
        if r.issues:
            c.print(grid)
        if not r.issues:
            c.print("  no issues", style="green")
        c.print()

    def finish(self, s: Summary) -> None:
        if s.articles < 2:
            return
        t = Table(title="Summary", show_header=True, header_style="bold")
        for col in ("articles", "passed", "failed", "errors", "mean score", "issues"):
            t.add_column(col, justify="right")
        t.add_row(str(s.articles), f"[green]{s.passed}[/]", f"[red]{s.failed}[/]" if s.failed else "0",
                  f"[red]{s.errors}[/]" if s.errors else "0", str(s.mean_score), str(s.issues))
        self.console.print(t)
        if s.by_category:
            cats = Table(show_header=True, header_style="bold")
            cats.add_column("category")
            cats.add_column("issues", justify="right")
            for cat, n in s.by_category.most_common():
                cats.add_row(cat, str(n))
            self.console.print(cats)
