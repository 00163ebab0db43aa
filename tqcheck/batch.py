"""Run a batch: inputs stream through check_text, serially or in worker processes, in order.

Two passes when the inputs can be read twice: the first gathers cross-article
evidence (a bounded, mergeable summary), the second checks each article with it.
Nothing in here keeps more than one article per worker in memory.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator

from .api import check_document
from .config import Settings
from .document import Document
from .evidence import BatchEvidence
from .model import Result
from .readers import MAX_ARTICLE_BYTES, Article, InputProblem, iter_articles


def gather_evidence(paths: list[str], max_bytes: int = MAX_ARTICLE_BYTES) -> BatchEvidence | None:
    """The first pass; None when an input is stdin (it cannot be read twice)."""
    if "-" in paths:
        return None
    ev = BatchEvidence()
    for item in iter_articles(paths, max_bytes):
        if isinstance(item, Article):
            ev.add(Document(item.text, item.path, item.id))
    return ev


def check_item(item: Article | InputProblem, settings: Settings, batch: BatchEvidence | None) -> Result:
    """One input to one Result; an unreadable input or a rule crash becomes an error result."""
    if isinstance(item, InputProblem):
        return Result(path=item.path, id=item.id, error=item.message)
    try:
        return check_document(Document(item.text, item.path, item.id), settings, batch)
    except Exception as e:  # a bug in a rule must not stop the batch
        return Result(path=item.path, id=item.id, error=f"internal error ({type(e).__name__}: {e}); please report it")


_worker_state: tuple[Settings, BatchEvidence | None] | None = None


def _init_worker(settings: Settings, batch: BatchEvidence | None) -> None:
    global _worker_state
    _worker_state = (settings, batch)
    from .rules import all_rules

    all_rules()  # load rules and knowledge data once per worker


def _work(item: Article | InputProblem) -> Result:
    assert _worker_state is not None
    return check_item(item, *_worker_state)


def effective_jobs(jobs: int) -> int:
    return (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)


def check_items(
    items: Iterable[Article | InputProblem],
    settings: Settings,
    batch: BatchEvidence | None = None,
    jobs: int = 1,
) -> Iterator[Result]:
    """Results in input order; with jobs > 1 the work runs in a process pool."""
    jobs = effective_jobs(jobs)
    if jobs == 1:
        for item in items:
            yield check_item(item, settings, batch)
        return
    import multiprocessing as mp

    with mp.get_context("spawn" if os.name == "nt" else "fork").Pool(
        jobs, initializer=_init_worker, initargs=(settings, batch)
    ) as pool:
        yield from pool.imap(_work, items, chunksize=4)


def run(
    paths: list[str],
    settings: Settings,
    on_result: Callable[[Result], None],
    *,
    jobs: int = 1,
    cross_article: bool = True,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> None:
    """Check every input and hand each Result to ``on_result`` as soon as it is ready."""
    batch = gather_evidence(paths, max_bytes) if cross_article else None
    for result in check_items(iter_articles(paths, max_bytes), settings, batch, jobs):
        on_result(result)
