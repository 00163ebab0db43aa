"""Dask: check_bag and `check --dask-scheduler` on a local cluster give the serial results."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402

from tqcheck.batch import check_items, gather_evidence  # noqa: E402
from tqcheck.cli import main  # noqa: E402
from tqcheck.config import Settings  # noqa: E402
from tqcheck.dask import DaskError, check_bag, connect, run_on_cluster  # noqa: E402
from tqcheck.readers import Article, iter_articles  # noqa: E402

from test_batch import HEADER, feed  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    # threads in this process, but a real TCP scheduler on the loopback address, as the CLI would use
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                                  protocol="tcp", host="127.0.0.1") as c:
        yield c


@pytest.fixture
def client(cluster):
    with distributed.Client(cluster, set_as_default=False) as c:
        yield c


def serial(path):
    ev = gather_evidence([str(path)])
    return [r.to_dict() for r in check_items(iter_articles([str(path)]), Settings(), ev)]


def test_check_bag_equals_the_serial_run_with_cross_article_evidence(tmp_path, client):
    p = feed(tmp_path, 30)
    rows = [json.loads(line) if line.startswith("{\"") else line for line in p.read_text().splitlines()]
    expected = serial(p)
    # a bag of JSON objects, as db.read_text(...).map(json.loads) gives; the broken line is dropped here
    objs = [r for r in rows if isinstance(r, dict)]
    for o in objs:
        o["tqcheck_note"] = "kept"
    bag = db.from_sequence(objs, npartitions=4)
    got = check_bag(bag, path=str(p)).compute(scheduler=client.get)
    want = [r for r in expected if r["error"] is None]
    assert got == want
    assert sum(any(i["text"] == HEADER for i in r["issues"]) for r in got) >= 20  # evidence merged over partitions


def test_check_bag_without_cross_article_and_mixed_elements(client):
    good = "The force was created in October. to function as a single army, officials said."
    bag = db.from_sequence([good, {"id": "x", "body": good}, Article("a.txt", None, good), 42, "  "], npartitions=2)
    got = check_bag(bag, Settings(select=("TQ102",)), cross_article=False).compute(scheduler=client.get)
    assert [r["id"] for r in got] == [None, "x", None, None, None]
    assert [len(r["issues"] or ()) for r in got[:3]] == [1, 1, 1]
    assert got[3]["error"] == "bag item: expected a text, a JSON object or an Article, got int"
    assert got[4]["error"] == "empty article"


def test_run_on_cluster_streams_results_in_order(tmp_path, client):
    p = feed(tmp_path, 50)
    got = []
    run_on_cluster("unused", [str(p)], Settings(), got.append, client=client)
    assert [r.to_dict() for r in got] == serial(p)


def test_cli_dask_scheduler_gives_the_serial_report(tmp_path, cluster):
    p = feed(tmp_path, 25)
    args = ["check", str(p), "--format", "json", "--no-grammar"]
    serial_run = CliRunner().invoke(main, args, catch_exceptions=False)
    dask_run = CliRunner().invoke(main, [*args, "--dask-scheduler", cluster.scheduler_address], catch_exceptions=False)
    assert dask_run.exit_code == serial_run.exit_code == 2  # the broken line
    assert json.loads(dask_run.stdout) == json.loads(serial_run.stdout)


def test_unreachable_scheduler_is_one_clear_error(tmp_path):
    with pytest.raises(DaskError, match="cannot connect to the Dask scheduler at tcp://127.0.0.1:9"):
        connect("tcp://127.0.0.1:9", timeout=1)
    p = feed(tmp_path, 3)
    r = CliRunner().invoke(main, ["check", str(p), "--no-grammar", "--dask-scheduler", "nonsense://x"],
                           catch_exceptions=False)
    assert r.exit_code == 2 and r.stderr.startswith("tqcheck: error: cannot connect to the Dask scheduler")
    assert "Traceback" not in r.stderr
