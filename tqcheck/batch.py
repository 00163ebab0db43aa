"""Run a batch: inputs stream through check_item, serially, in worker processes or on Dask, in order.

Two passes when the inputs can be read twice: the first gathers cross-article
evidence (a bounded, mergeable summary), the second checks each article with it.
Both passes stream: articles go to workers in small chunks, with a bounded
number of chunks in flight, so memory stays flat however long the feed.
"""
from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from .api import check_document
from .config import Settings
from .document import Document
from .evidence import BatchEvidence
from .model import Result
from .readers import MAX_ARTICLE_BYTES, Article, InputProblem, iter_articles

if TYPE_CHECKING:
    from .grammar import Grammar

Item = Article | InputProblem

CHUNK_ITEMS = 32  # articles per task sent to a worker
CHUNK_CHARS = 256_000  # ...or fewer, when they are long
WINDOW_PER_JOB = 3  # chunks in flight per worker: enough to keep workers busy, few enough to stay flat


# -- chunks ---------------------------------------------------------------------------------------


def chunks(items: Iterable[Item], max_items: int = CHUNK_ITEMS, max_chars: int = CHUNK_CHARS) -> Iterator[list[Item]]:
    """Consecutive items in lists of at most max_items (and about max_chars of text)."""
    buf: list[Item] = []
    size = 0
    for it in items:
        buf.append(it)
        size += len(it.text) if isinstance(it, Article) else 0
        if len(buf) >= max_items or size >= max_chars:
            yield buf
            buf, size = [], 0
    if buf:
        yield buf


# -- the first pass: cross-article evidence --------------------------------------------------------


def evidence_of(items: Iterable[Item]) -> BatchEvidence:
    """The evidence of some articles (a chunk, a Dask partition); summaries of parts merge with .merge."""
    ev = BatchEvidence()
    for item in items:
        if isinstance(item, Article):
            ev.add(Document(item.text, item.path, item.id))
    return ev


def _evidence_task(items: list[Item]) -> tuple[BatchEvidence, int]:
    return evidence_of(items), len(items)


def first_pass(
    paths: list[str],
    max_bytes: int = MAX_ARTICLE_BYTES,
    *,
    input_format: str = "auto",
    text_field: str | None = None,
    jobs: int = 1,
    progress: ProgressBar | None = None,
) -> tuple[BatchEvidence | None, int | None]:
    """(evidence, number of items) of the inputs; (None, None) when an input is stdin (it cannot be read twice)."""
    if "-" in paths:
        return None, None
    items = iter_articles(paths, max_bytes, input_format=input_format, text_field=text_field)
    ev = BatchEvidence()
    n = 0
    jobs = effective_jobs(jobs)
    if jobs == 1:
        for item in items:
            if isinstance(item, Article):
                ev.add(Document(item.text, item.path, item.id))
            n += 1
            if progress:
                progress.advance()
        return ev, n
    with _executor(jobs, None) as pool:
        for part, k in ordered_map(lambda c: pool.submit(_evidence_task, c), chunks(items), jobs * WINDOW_PER_JOB):
            ev.merge(part)
            n += k
            if progress:
                progress.advance(k)
    return ev, n


def gather_evidence(
    paths: list[str],
    max_bytes: int = MAX_ARTICLE_BYTES,
    *,
    input_format: str = "auto",
    text_field: str | None = None,
    jobs: int = 1,
) -> BatchEvidence | None:
    """The first pass; None when an input is stdin (it cannot be read twice)."""
    return first_pass(paths, max_bytes, input_format=input_format, text_field=text_field, jobs=jobs)[0]


# -- the check pass --------------------------------------------------------------------------------

def check_item(item: Article | InputProblem, settings: Settings, batch: BatchEvidence | None,
               grammar: Grammar | None = None) -> Result:
    """One input to one Result; an unreadable input or a rule crash becomes an error result."""
    if isinstance(item, InputProblem):
        return Result(path=item.path, id=item.id, error=item.message)
    try:
        result = check_document(Document(item.text, item.path, item.id), settings, batch, grammar)
        from .suppress import apply_suppressions  # <!-- tqcheck: disable=... --> and tqcheck_ignore

        return apply_suppressions(result, item.text, settings, getattr(item, "meta", None))
    except Exception as e:  # a bug in a rule must not stop the batch
        return Result(path=item.path, id=item.id, error=f"internal error ({type(e).__name__}: {e}); please report it")


def check_chunk(items: Iterable[Item], settings: Settings, batch: BatchEvidence | None,
                grammar: Grammar | None = None) -> list[Result]:
    return [check_item(item, settings, batch, grammar) for item in items]


_worker_state: tuple[Settings, BatchEvidence | None, Grammar | None] | None = None


def _init_worker(settings: Settings | None, batch: BatchEvidence | None, grammar: Grammar | None = None) -> None:
    global _worker_state
    _worker_state = (settings, batch, grammar) if settings is not None else None
    if settings is not None:
        from .rules import all_rules

        all_rules()  # load rules and knowledge data once per worker


def _work(items: list[Item]) -> list[Result]:
    assert _worker_state is not None
    return check_chunk(items, *_worker_state)


def effective_jobs(jobs: int) -> int:
    return (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)


# Exercises the rules once before workers fork, so that data they load lazily (gazetteer, word
# lists, language models) is loaded once, in the parent, and shared copy-on-write by every worker.
WARM_UP_TEXT = (
    "KYIV, Ukraine (AP) \u2014 President Volodymyr Zelensky met Mr. Smith in Geneva on Monday, officials said. "
    "\u201cWe are ready,\u201d she said, adding that 9.000 soldiers and 1,5 million people were affected.\n\n"
    "The Executive has assured that la reuni\u00f3n fue muy importante para todos. in October. to act as one.\n\n"
    "Subscribe to continue reading\n"
)


def warm_up(settings: Settings, batch: BatchEvidence | None = None) -> None:
    """Run every active rule on a small sample article (what it finds is thrown away)."""
    check_item(Article("-", None, WARM_UP_TEXT), settings, batch)


def _executor(jobs: int, settings: Settings | None, batch: BatchEvidence | None = None,
              grammar: Grammar | None = None):
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # fork (where there is one): workers inherit the loaded rules and the evidence without pickling
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(jobs, mp_context=mp.get_context(method), initializer=_init_worker,
                               initargs=(settings, batch, grammar))


def ordered_map(submit: Callable[[Any], Any], tasks: Iterable[Any], window: int) -> Iterator[Any]:
    """submit(task) for each task with at most ``window`` futures in flight; results in task order."""
    pending: deque = deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _died(item: Item, why: str) -> Result:
    if isinstance(item, InputProblem):
        return Result(path=item.path, id=item.id, error=item.message)
    return Result(path=item.path, id=item.id, error=f"internal error (a worker process died: {why}); please report it")


class _Pool:
    """A process pool that can be replaced when a worker dies."""

    def __init__(self, jobs: int, settings: Settings, batch: BatchEvidence | None, grammar: Grammar | None) -> None:
        self.args = (jobs, settings, batch, grammar)
        self.ex = _executor(*self.args)

    def restart(self) -> None:
        self.ex.shutdown(wait=False, cancel_futures=True)
        self.ex = _executor(*self.args)

    def submit(self, chunk: list[Item]):
        return self.ex.submit(_work, chunk)

    def alone(self, chunk: list[Item]) -> list[Result]:
        """Run one chunk with nothing else in flight; if it kills its worker, run its items one by one."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.submit(chunk).result()
        except BrokenProcessPool:
            self.restart()
        out = []
        for item in chunk:
            try:
                out.extend(self.submit([item]).result())
            except BrokenProcessPool as e:
                out.append(_died(item, str(e) or "broken process pool"))
                self.restart()
        return out


def check_items(
    items: Iterable[Item],
    settings: Settings,
    batch: BatchEvidence | None = None,
    jobs: int = 1,
    grammar: Grammar | None = None,
) -> Iterator[Result]:
    """Results in input order; with jobs > 1 the work runs in a pool of worker processes.

    A worker that dies (a crash in a native library, the OOM killer) takes the
    chunks in flight with it: they are run again one at a time in a new pool, so
    that only the article that kills its worker gets an error result.
    """
    jobs = effective_jobs(jobs)
    if jobs == 1 and grammar is not None:
        # LanguageTool answers over the network: keep a few articles in flight, in order.
        from concurrent.futures import ThreadPoolExecutor

        from .grammar import MAX_CONCURRENT

        with ThreadPoolExecutor(MAX_CONCURRENT, thread_name_prefix="tqcheck-lt") as threads:
            yield from ordered_map(lambda item: threads.submit(check_item, item, settings, batch, grammar),
                                   items, MAX_CONCURRENT)
        return
    if jobs == 1:
        for item in items:
            yield check_item(item, settings, batch, grammar)
        return
    from concurrent.futures.process import BrokenProcessPool

    window = jobs * WINDOW_PER_JOB
    source = chunks(items)
    warm_up(settings, batch)
    pool = _Pool(jobs, settings, batch, grammar)
    pending: deque = deque()
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                    break
                pending.append((chunk, pool.submit(chunk)))
            if not pending:
                return
            chunk, fut = pending.popleft()
            try:
                yield from fut.result()
            except BrokenProcessPool:
                retry = [chunk, *(c for c, _ in pending)]
                pending.clear()
                pool.restart()
                for c in retry:
                    yield from pool.alone(c)
    finally:
        pool.ex.shutdown(wait=True, cancel_futures=True)


# -- progress ---------------------------------------------------------------------------------------


class ProgressBar:
    """A one-line rich progress bar on stderr: articles done, articles/s and ETA.

    Drawn by hand (no refresh thread, so forking workers is safe) at most ten
    times a second, and erased before anything else is written to the terminal.
    """

    def __init__(self, console=None, interval: float = 0.1) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:,.0f} articles/s" if speed else "- articles/s", style="progress.data.speed")

        self.console = console or Console(file=sys.stderr)
        self._progress = Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(bar_width=30), MofNCompleteColumn(),
            Rate(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=self.console, auto_refresh=False,
        )
        self._task = None
        self._interval = interval
        self._last = 0.0
        self._drawn = False
        self._line = ""
        try:  # the report shares the terminal: the bar must make way for each result
            self.stdout_is_terminal = sys.stdout.isatty()
        except (AttributeError, ValueError):
            self.stdout_is_terminal = False

    def phase(self, description: str, total: int | None = None) -> None:
        self.erase()
        if self._task is not None:
            self._progress.remove_task(self._task)
        self._task = self._progress.add_task(description, total=total)
        self.draw()

    def advance(self, n: int = 1) -> None:
        if self._task is None:
            return
        self._progress.advance(self._task, n)
        now = time.monotonic()
        if now - self._last >= self._interval:
            self.draw(now)

    def draw(self, now: float | None = None) -> None:
        table = self._progress.make_tasks_table(self._progress.tasks)
        width = max(20, self.console.width - 1)
        with self.console.capture() as cap:
            self.console.print(table, width=width, no_wrap=True, overflow="ellipsis", crop=True)
        self._line = cap.get().rstrip("\n").split("\n")[0]
        self._write("\r\x1b[2K" + self._line)
        self._drawn = True
        self._last = time.monotonic() if now is None else now

    def before_output(self, result: Result) -> bool:
        """Erase the bar if this result may be written to the terminal; True when it was erased."""
        if self._drawn and (self.stdout_is_terminal or result.error is not None or getattr(result, "warnings", None)):
            self.erase()
            return True
        return False

    def after_output(self, erased: bool) -> None:
        """Put the bar back as it was (it is re-rendered at most every interval)."""
        if erased and self._line:
            self._write("\r\x1b[2K" + self._line)
            self._drawn = True

    def erase(self) -> None:
        if self._drawn:
            self._write("\r\x1b[2K")
            self._drawn = False

    def close(self) -> None:
        self.erase()

    def _write(self, s: str) -> None:
        f: IO[str] = self.console.file
        f.write(s)
        f.flush()


def wants_progress(quiet: bool = False, stream: IO[str] | None = None) -> bool:
    """A progress bar only on a terminal, never with --quiet (nor under CI's captured stderr)."""
    stream = sys.stderr if stream is None else stream
    if quiet:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# -- the runner -------------------------------------------------------------------------------------


def deliver(result: Result, on_result: Callable[[Result], None], bar: ProgressBar | None) -> None:
    """Hand a result to the report, keeping the progress bar off the report's lines."""
    erased = bar.before_output(result) if bar else False
    on_result(result)
    if bar:
        bar.after_output(erased)
        bar.advance()


def run(
    paths: list[str],
    settings: Settings,
    on_result: Callable[[Result], None],
    *,
    jobs: int = 1,
    cross_article: bool = True,
    max_bytes: int = MAX_ARTICLE_BYTES,
    input_format: str = "auto",
    text_field: str | None = None,
    progress: bool | ProgressBar = False,
    dask_scheduler: str | None = None,
    grammar: Grammar | None = None,
) -> None:
    """Check every input and hand each Result to ``on_result`` as soon as it is ready, in input order.

    ``progress``: True for a progress bar on stderr (the CLI passes it only on a
    terminal), or a ProgressBar. ``dask_scheduler``: the address of a Dask
    scheduler (``tcp://host:8786``) to run the checks on instead of local processes.
    ``grammar``: an open LanguageTool connection (workers forked from this
    process inherit it; not used on Dask, whose workers are elsewhere).
    """
    bar = progress if isinstance(progress, ProgressBar) else (ProgressBar() if progress else None)
    read = dict(input_format=input_format, text_field=text_field)
    try:
        if dask_scheduler:
            from .dask import run_on_cluster

            run_on_cluster(dask_scheduler, paths, settings, on_result, cross_article=cross_article,
                           max_bytes=max_bytes, progress=bar, **read)
            return
        batch, total = None, None
        if cross_article:
            if bar:
                bar.phase("Reading ")
            batch, total = first_pass(paths, max_bytes, jobs=jobs, progress=bar, **read)
        if bar:
            bar.phase("Checking", total)
        for result in check_items(iter_articles(paths, max_bytes, **read), settings, batch, jobs, grammar):
            deliver(result, on_result, bar)
    finally:
        if bar:
            bar.close()
