"""`--dask`: a run on a Dask cluster gives the findings and fingerprints of a local run."""

from __future__ import annotations

from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

import consistency.pipeline as pipeline  # noqa: E402
from consistency.distributed import connect  # noqa: E402
from tests.test_cache import observable, write_corpus  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster) as c:
        yield c


def test_a_cluster_run_finds_what_a_local_run_finds(client, tmp_path):
    corpus = write_corpus(tmp_path / "articles")
    local = pipeline.check([corpus])
    remote = pipeline.check([corpus], dask=client)
    assert observable(remote) == observable(local)
    assert [f.fingerprint for f in remote.findings] == [f.fingerprint for f in local.findings]


@pytest.mark.slow
def test_seeds_on_a_cluster_by_address(cluster):
    local = pipeline.check([SEEDS])
    remote = pipeline.check([SEEDS], dask=cluster.scheduler_address)
    assert local.findings and observable(remote) == observable(local)


@pytest.mark.slow
def test_a_cluster_run_fills_and_reads_the_cache(client, tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "articles")
    local = observable(pipeline.check([corpus]))
    assert observable(pipeline.check([corpus], dask=client, cache_dir=tmp_path / "cache")) == local

    def fail(*args, **kwargs):
        raise AssertionError("the cluster was asked to extract cached documents")

    monkeypatch.setattr("consistency.distributed._extract_batch", fail)
    assert observable(pipeline.check([corpus], dask=client, cache_dir=tmp_path / "cache")) == local


def test_a_given_client_is_left_open(client):
    connect(client).close()
    assert client.status == "running"


@pytest.mark.slow
def test_the_command_line_runs_on_the_cluster(cluster, tmp_path, monkeypatch, capsys):
    import json

    from consistency.cli import main

    write_corpus(tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    argv = ["articles", "--format", "json", "--no-report", "--no-cache"]
    assert main(argv) == 0
    local = json.loads(capsys.readouterr().out)
    assert main([*argv, "--dask", cluster.scheduler_address]) == 0
    remote = json.loads(capsys.readouterr().out)
    assert remote["findings"] == local["findings"] and local["findings"]


def test_an_unreachable_scheduler_is_a_usage_error(monkeypatch):
    from consistency.errors import UsageError

    def refuse(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(distributed, "Client", type("Refusing", (), {"__new__": refuse}))
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        connect("tcp://127.0.0.1:9")
