"""Settings read from `[tool.check-consistency]` in pyproject.toml, and merged with the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consistency.config import Settings, load_settings
from consistency.errors import UsageError

FULL = """\
[project]
name = "newsroom"

[tool.check-consistency]
paths = ["articles", "wires/afp"]
rules = "rules"
baseline = "consistency-baseline.json"
fail-on = "warning"
format = "github"
report = "reports/consistency.md"
exit-zero = true
lexicon = ["lexicon"]
"""


def project(tmp_path: Path, text: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    return tmp_path.resolve()


def test_paths_inside_the_current_folder_stay_relative(tmp_path: Path, monkeypatch) -> None:
    root = project(tmp_path, '[tool.check-consistency]\npaths = ["articles"]\n')
    monkeypatch.chdir(root)
    assert load_settings(root).paths == (Path("articles"),)


def test_reads_every_key_with_paths_relative_to_the_pyproject(tmp_path: Path) -> None:
    root = project(tmp_path, FULL)
    settings = load_settings(root)
    assert settings == Settings(
        paths=(root / "articles", root / "wires/afp"),
        rules=(root / "rules",),
        baseline=root / "consistency-baseline.json",
        fail_on="warning",
        fail_on_given=True,
        format="github",
        report=root / "reports/consistency.md",
        exit_zero=True,
        lexicon=(root / "lexicon",),
        source=root / "pyproject.toml",
    )


def test_nearest_pyproject_upward_from_a_subfolder(tmp_path: Path) -> None:
    root = project(tmp_path, FULL)
    inner = root / "articles" / "2025"
    inner.mkdir(parents=True)
    settings = load_settings(inner)
    assert settings.baseline == root / "consistency-baseline.json"  # not relative to the cwd
    assert settings.source == root / "pyproject.toml"


def test_the_nearest_pyproject_wins_over_a_parent_one(tmp_path: Path) -> None:
    project(tmp_path, FULL)
    child = tmp_path / "sub"
    child.mkdir()
    project(child, '[tool.check-consistency]\nfail-on = "info"\n')
    settings = load_settings(child)
    assert settings.fail_on == "info"
    assert settings.baseline is None


def test_defaults_without_a_section(tmp_path: Path) -> None:
    root = project(tmp_path, '[project]\nname = "x"\n')
    assert load_settings(root) == Settings()
    assert Settings().fail_on == "error" and Settings().exit_zero is False


def test_absolute_paths_are_kept(tmp_path: Path) -> None:
    elsewhere = tmp_path / "shared" / "baseline.json"
    repo = tmp_path / "repo"
    repo.mkdir()
    project(repo, f'[tool.check-consistency]\nbaseline = "{elsewhere.as_posix()}"\n')
    assert load_settings(repo).baseline == elsewhere


def test_unknown_key_suggests_the_right_one_and_names_the_file(tmp_path: Path) -> None:
    root = project(tmp_path, '[tool.check-consistency]\nfail_on = "warning"\n')
    with pytest.raises(UsageError) as err:
        load_settings(root)
    message = str(err.value)
    assert str(root / "pyproject.toml") in message
    assert "'fail_on'" in message and "did you mean 'fail-on'" in message


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("exit-zero = 1", "exit-zero"),
        ("exit-zero = \"yes\"", "exit-zero"),
        ("paths = 3", "paths"),
        ("paths = [\"articles\", 4]", "paths"),
        ("baseline = [\"a.json\"]", "baseline"),
        ("fail-on = \"fatal\"", "fail-on"),
        ("format = \"html\"", "format"),
    ],
)
def test_wrong_type_or_value_names_file_and_key(tmp_path: Path, line: str, key: str) -> None:
    root = project(tmp_path, f"[tool.check-consistency]\n{line}\n")
    with pytest.raises(UsageError) as err:
        load_settings(root)
    message = str(err.value)
    assert str(root / "pyproject.toml") in message
    assert f"] {key} " in message
    assert "\n" not in message


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    root = project(tmp_path, "[tool.check-consistency\npaths = \n")
    with pytest.raises(UsageError, match="pyproject.toml: not valid TOML"):
        load_settings(root)


def test_command_line_values_win_and_none_means_not_given(tmp_path: Path) -> None:
    root = project(tmp_path, FULL)
    settings = load_settings(root).merged(
        paths=["other"],
        rules=None,
        baseline=None,
        fail_on="error",
        format=None,
        report=Path("out.md"),
        exit_zero=False,
        lexicon=[],
    )
    assert settings.paths == (Path("other"),)  # relative to where the command runs
    assert settings.rules == (root / "rules",)
    assert settings.baseline == root / "consistency-baseline.json"
    assert settings.fail_on == "error"
    assert settings.format == "github"
    assert settings.report == Path("out.md")
    assert settings.exit_zero is False
    assert settings.lexicon == (root / "lexicon",)


def test_merged_rejects_a_bad_level_and_unknown_option() -> None:
    with pytest.raises(UsageError, match="did you mean 'warning'"):
        Settings().merged(fail_on="warnings")
    with pytest.raises(TypeError):
        Settings().merged(colour="always")


@given(
    file_level=st.sampled_from(["info", "warning", "error"]),
    cli_level=st.none() | st.sampled_from(["info", "warning", "error"]),
    file_zero=st.booleans(),
    cli_zero=st.none() | st.booleans(),
)
def test_cli_wins_exactly_when_given(
    file_level: str, cli_level: str | None, file_zero: bool, cli_zero: bool | None
) -> None:
    merged = Settings(fail_on=file_level, exit_zero=file_zero).merged(
        fail_on=cli_level, exit_zero=cli_zero
    )
    assert merged.fail_on == (file_level if cli_level is None else cli_level)
    assert merged.exit_zero == (file_zero if cli_zero is None else cli_zero)
