"""Beyond one machine: the same per-article function (``tqcheck.batch.check_item``) on Dask.

Two ways in (``pip install 'tqcheck[dask]'``; every Dask worker needs tqcheck installed):

* a Dask bag you already have, e.g. JSON Lines on shared storage::

      import json, dask.bag as db
      from tqcheck.dask import check_bag

      bag = db.read_text("feeds/2024-*.jsonl").map(json.loads)
      results = check_bag(bag)          # a bag of result dicts (the JSON report's "results" items)
      results.filter(lambda r: not r["passed"]).take(5)

  Elements may be article texts (str), JSON objects (dict: ``text``/``body``/
  ``content``, ``id``/``url``/``guid``, ``title``, as in JSON Lines), or
  :class:`tqcheck.readers.Article`. The cross-article pass is a bag reduction:
  a ``BatchEvidence`` per partition, merged with ``.merge``, handed to the check pass.

* the command line, reading the inputs here and sending chunks of articles to a
  scheduler (nothing needs to be on shared storage)::

      tqcheck check feed.jsonl --dask-scheduler tcp://scheduler:8786

  Chunks stream with a bounded number in flight, results come back in input order.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from .config import Settings
from .evidence import BatchEvidence
from .model import Result
from .readers import MAX_ARTICLE_BYTES, Article, InputProblem, iter_articles

WINDOW = 16  # chunks in flight on the cluster (per run; the scheduler spreads them over the workers)


class DaskError(RuntimeError):
    """Dask is missing or the scheduler cannot be reached; str() is the one-line reason."""


def _require_bag():
    try:
        import dask.bag as db
    except ImportError:
        raise DaskError("Dask is not installed: pip install 'tqcheck[dask]'") from None
    return db


# -- bags -------------------------------------------------------------------------------------------


def to_item(element: Any, path: str = "-", text_field: str | None = None) -> Article | InputProblem:
    """A bag element (text, JSON object or Article) as the batch runner's item."""
    if isinstance(element, (Article, InputProblem)):
        return element
    if isinstance(element, str):
        if not element.strip():
            return InputProblem(path, None, "empty article")
        return Article(path, None, element)
    if isinstance(element, dict):
        from .readers.jsonl import _item, text_fields

        return _item(path, element, "bag item", text_fields(text_field))
    return InputProblem(path, None, f"bag item: expected a text, a JSON object or an Article, got {type(element).__name__}")


def _partition_items(part: Iterable[Any], path: str, text_field: str | None) -> list:
    return [to_item(e, path, text_field) for e in part]


def _partition_evidence(part: Iterable) -> BatchEvidence:
    from .batch import evidence_of

    return evidence_of(part)


def _merge_evidence(parts: Iterable[BatchEvidence]) -> BatchEvidence:
    total = BatchEvidence()
    for p in parts:
        total.merge(p)
    return total


def _check_partition(part: Iterable, settings: Settings, evidence: BatchEvidence | None) -> list[dict]:
    from .batch import check_item

    return [check_item(it, settings, evidence).to_dict() for it in part]


def bag_evidence(items):
    """The cross-article evidence of a bag of items, as a lazy Dask Item: per partition, then merged."""
    return items.reduction(_partition_evidence, _merge_evidence, split_every=8)


def check_bag(bag, settings: Settings | None = None, *, cross_article: bool = True,
              text_field: str | None = None, path: str = "-"):
    """A bag of articles -> a lazy bag of result dicts, one per element, in the bag's order.

    ``settings`` defaults to ``Settings()`` (every rule, default gates); pass
    ``tqcheck.config.load_settings(...)`` to use a configuration file. With
    ``cross_article`` the bag is read twice: once for the evidence, once to check.
    """
    _require_bag()
    settings = settings or Settings()
    items = bag.map_partitions(_partition_items, path, text_field)
    evidence = bag_evidence(items) if cross_article else None
    return items.map_partitions(_check_partition, settings, evidence)


# -- the command line: stream local inputs to a scheduler -------------------------------------------


def connect(address: str, timeout: float = 10.0):
    try:
        from distributed import Client
    except ImportError:
        raise DaskError("Dask's distributed scheduler is not installed: pip install 'tqcheck[dask]'") from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except Exception as e:  # OSError, TimeoutError, ValueError for a bad address...
        raise DaskError(f"cannot connect to the Dask scheduler at {address}: {type(e).__name__}: {e}") from None


def _evidence_chunk(items: list) -> tuple[BatchEvidence, int]:
    from .batch import evidence_of

    return evidence_of(items), len(items)


def _check_chunk(items: list, settings: Settings, evidence: BatchEvidence | None) -> list[Result]:
    from .batch import check_chunk

    return check_chunk(items, settings, evidence)


def _ordered(client, fn: Callable, tasks: Iterable, *args, window: int = WINDOW):
    pending: deque = deque()
    for t in tasks:
        pending.append(client.submit(fn, t, *args, pure=False))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def run_on_cluster(
    address: str,
    paths: list[str],
    settings: Settings,
    on_result: Callable[[Result], None],
    *,
    cross_article: bool = True,
    max_bytes: int = MAX_ARTICLE_BYTES,
    input_format: str = "auto",
    text_field: str | None = None,
    progress=None,
    client=None,
) -> None:
    """Like ``tqcheck.batch.run``, with the checks done by the workers of a Dask cluster."""
    from .batch import chunks, deliver

    own = client is None
    client = connect(address) if own else client
    read = dict(input_format=input_format, text_field=text_field)
    try:
        evidence, total = None, None
        if cross_article and "-" not in paths:
            if progress:
                progress.phase("Reading ")
            evidence, total = BatchEvidence(), 0
            for part, n in _ordered(client, _evidence_chunk, chunks(iter_articles(paths, max_bytes, **read))):
                evidence.merge(part)
                total += n
                if progress:
                    progress.advance(n)
        shared = client.scatter(evidence, broadcast=True) if evidence is not None else None
        if progress:
            progress.phase("Checking", total)
        for results in _ordered(client, _check_chunk, chunks(iter_articles(paths, max_bytes, **read)), settings, shared):
            for r in results:
                deliver(r, on_result, progress)
    finally:
        if own:
            client.close()
