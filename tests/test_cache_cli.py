"""Where the command line keeps its cache, and how to turn it off or move it."""

from __future__ import annotations

import json

import pytest

from consistency.cache import CACHE_DIR_NAME, DB_NAME
from consistency.cli import main
from consistency.config import load_settings
from consistency.errors import UsageError
from tests.test_cache import write_corpus


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, _ = capsys.readouterr()
    return code, out


@pytest.fixture
def project(tmp_path, monkeypatch):
    write_corpus(tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_cache_sits_in_the_current_folder_and_changes_nothing(project, capsys):
    code, cold = run(["articles", "--format", "json", "--no-report"], capsys)
    assert code == 0
    assert (project / CACHE_DIR_NAME / DB_NAME).is_file()
    code, warm = run(["articles", "--format", "json", "--no-report"], capsys)
    assert code == 0
    assert json.loads(warm)["findings"] == json.loads(cold)["findings"]


def test_no_cache_writes_no_folder(project, capsys):
    assert run(["articles", "--format", "json", "--no-report", "--no-cache"], capsys)[0] == 0
    assert not (project / CACHE_DIR_NAME).exists()


def test_cache_dir_moves_the_cache(project, capsys):
    assert run(["articles", "--format", "json", "--no-report", "--cache-dir", "build/cc"], capsys)[0] == 0
    assert (project / "build" / "cc" / DB_NAME).is_file()
    assert not (project / CACHE_DIR_NAME).exists()


def test_pyproject_turns_the_cache_off_or_moves_it(project, capsys):
    (project / "pyproject.toml").write_text("[tool.check-consistency]\ncache = false\n", encoding="utf-8")
    assert run(["articles", "--format", "json", "--no-report"], capsys)[0] == 0
    assert not (project / CACHE_DIR_NAME).exists()
    (project / "pyproject.toml").write_text('[tool.check-consistency]\ncache-dir = "tmp/cache"\n', encoding="utf-8")
    assert run(["articles", "--format", "json", "--no-report"], capsys)[0] == 0
    assert (project / "tmp" / "cache" / DB_NAME).is_file()


def test_cache_settings_of_the_wrong_type_name_the_key(project):
    (project / "pyproject.toml").write_text('[tool.check-consistency]\ncache = "no"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="cache must be true or false"):
        load_settings(project)
    (project / "pyproject.toml").write_text("[tool.check-consistency]\ndask = 8786\n", encoding="utf-8")
    with pytest.raises(UsageError, match="dask"):
        load_settings(project)
    (project / "pyproject.toml").write_text('[tool.check-consistency]\ndask = "tcp://10.0.0.5:8786"\n', encoding="utf-8")
    assert load_settings(project).dask == "tcp://10.0.0.5:8786"
