"""Configuration: discovery walking up, precedence (flags win), validation with clear errors."""
from __future__ import annotations

import pytest

from tests.conftest import CORE
from tqcheck.config import ConfigError, Settings, find_config, load_settings


@pytest.fixture
def project(tmp_path, monkeypatch, article):
    sub = tmp_path / "feeds" / "today"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    return tmp_path


def test_pyproject_found_walking_up(project, tq, article):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.tqcheck]\nignore = ["TQ401"]\n')
    assert find_config() == project / "pyproject.toml"
    res = tq("check", str(article), CORE, "--format", "json").json()["results"][0]
    assert {i["rule"] for i in res["issues"]} == {"TQ102"}


def test_nearest_file_wins_and_tqcheck_toml_before_pyproject(project):
    (project / "pyproject.toml").write_text("[tool.tqcheck]\nfail_under = 70\n")
    (project / "feeds" / "pyproject.toml").write_text('[project]\nname = "no tqcheck table here"\n')
    assert load_settings().fail_under == 70
    (project / "feeds" / "tqcheck.toml").write_text("fail_under = 60\n")
    (project / "feeds" / "pyproject.toml").write_text("[tool.tqcheck]\nfail_under = 50\n")
    assert load_settings().fail_under == 60


def test_command_line_flags_win_over_the_file(project, tq, article):
    (project / "tqcheck.toml").write_text('fail_under = 0\nfail_on = "critical"\n')
    assert tq("check", str(article), CORE).exit_code == 0
    assert tq("check", str(article), CORE, "--fail-under", "90").exit_code == 1
    assert tq("check", str(article), CORE, "--fail-on", "major").exit_code == 1


def test_explicit_config_file(project, tq, article, tmp_path):
    cfg = tmp_path / "strict.toml"
    cfg.write_text('select = ["TQ401"]\n')
    res = tq("check", str(article), "--config", str(cfg), "--format", "json").json()["results"][0]
    assert {i["rule"] for i in res["issues"]} == {"TQ401"}
    missing = tq("check", str(article), "--config", str(tmp_path / "nope.toml"))
    assert missing.exit_code == 2 and missing.stderr == f"tqcheck: error: {tmp_path / 'nope.toml'}: config file not found\n"


def test_allow_list_and_severity_override(project, tq, article):
    (project / "tqcheck.toml").write_text('allow = ["TO"]\n[severity]\nTQ401 = "critical"\n')
    res = tq("check", str(article), CORE, "--format", "json").json()["results"][0]
    assert [(i["rule"], i["severity"]) for i in res["issues"]] == [("TQ401", "critical")]


def test_boilerplate_phrases_from_config(project, tq, tmp_path):
    (project / "tqcheck.toml").write_text('boilerplate = ["Brought to you by Acme"]\n')
    p = tmp_path / "a.txt"
    p.write_text("The minister resigned.\n\nBrought to you by Acme Newswire\n")
    res = tq("check", str(p), "--select", "TQ401", "--format", "json").json()["results"][0]
    assert [i["text"] for i in res["issues"]] == ["Brought to you by Acme Newswire"]


@pytest.mark.parametrize("content,message", [
    ("fail_under = \"high\"\n", "fail_under: expected a number"),
    ("fail_on = \"fatal\"\n", "fail_on: expected one of minor, major, critical, got 'fatal'"),
    ("colour = true\n", "colour: unknown setting"),
    ("select = [1]\n", "select: expected a list of strings"),
    ("[severity_weights]\nblocker = 3\n", "severity_weights.blocker: unknown key; expected one of minor, major, critical"),
    ("[names.\"Olaf Scholz\"]\ngender = \"m\"\n", "names.'Olaf Scholz'.gender: expected male, female or neutral"),
    ("languagetool = \"sometimes\"\n", "languagetool: expected \"off\", \"auto\" or a server URL"),
    ("select = [\n", "invalid TOML"),
])
def test_invalid_config_is_one_clear_line(project, tq, article, content, message):
    (project / "tqcheck.toml").write_text(content)
    r = tq("check", str(article))
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith(f"tqcheck: error: {project / 'tqcheck.toml'}: ") and message in r.stderr
    assert r.stderr.count("\n") == 1


def test_weights_are_configurable(tmp_path):
    cfg = tmp_path / "tqcheck.toml"
    cfg.write_text("[severity_weights]\nmajor = 10\n[category_weights]\nboilerplate = 0.5\n")
    s = load_settings(cfg)
    assert s.severity_weights == {"minor": 1.0, "major": 10.0, "critical": 25.0}
    assert s.category_weights == {"punctuation": 0.1, "boilerplate": 0.5}


def test_names_section(tmp_path):
    cfg = tmp_path / "tqcheck.toml"
    cfg.write_text('[names."Aleksandr Lukashenko"]\ngender = "male"\nspellings = ["Alexander Lukashenko"]\n')
    assert load_settings(cfg).names == {"Aleksandr Lukashenko": {"gender": "male", "spellings": ["Alexander Lukashenko"]}}


def test_defaults_without_any_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_settings(discover=False) == Settings()
    with pytest.raises(ConfigError):
        load_settings(tmp_path / "missing.toml")
