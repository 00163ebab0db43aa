"""Settings: defaults, then a config file found by walking up, then command-line flags.

A config file is ``tqcheck.toml`` (top-level keys) or ``pyproject.toml`` (under
``[tool.tqcheck]``). In each directory from the working directory up, the first
of those two that configures tqcheck wins, as ruff does.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .model import CATEGORIES, SEVERITIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_SEVERITY_WEIGHTS = {"minor": 1.0, "major": 5.0, "critical": 25.0}
# Freitag et al. (2021): a minor punctuation error weighs a tenth of other minors.
DEFAULT_CATEGORY_WEIGHTS = {"punctuation": 0.1}
LANGUAGETOOL_MODES = ("off", "auto")


class ConfigError(ValueError):
    """A configuration file or option is wrong; the message names where and what."""


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    fail_under: float = 80.0
    fail_on: str = "critical"
    allow: frozenset[str] = frozenset()
    names: dict[str, dict] = field(default_factory=dict)
    boilerplate: tuple[str, ...] = ()
    languagetool: str = "auto"
    severity_weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_SEVERITY_WEIGHTS))
    category_weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_CATEGORY_WEIGHTS))
    source: str | None = None  # the config file these settings came from

    def with_overrides(self, **overrides: Any) -> Settings:
        """Command-line values win over the file; ``None`` means not given."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def find_config(start: Path | None = None) -> Path | None:
    """The nearest tqcheck.toml, or pyproject.toml with a [tool.tqcheck] table, walking up."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        own = d / "tqcheck.toml"
        if own.is_file():
            return own
        py = d / "pyproject.toml"
        if py.is_file():
            try:
                if "tqcheck" in _read_toml(py).get("tool", {}):
                    return py
            except ConfigError:
                continue  # a broken pyproject that is not ours is not our business
    return None


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror or e}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None


def _strings(where: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(value)


def _number(where: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f"{where}: expected a number")
    return float(value)


def _severity(where: str, value: Any) -> str:
    if value not in SEVERITIES:
        raise ConfigError(f"{where}: expected one of {', '.join(SEVERITIES)}, got {value!r}")
    return value


def _weights(where: str, value: Any, keys: tuple[str, ...], base: dict[str, float]) -> dict[str, float]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table")
    out = dict(base)
    for k, v in value.items():
        if k not in keys:
            raise ConfigError(f"{where}.{k}: unknown key; expected one of {', '.join(keys)}")
        out[k] = _number(f"{where}.{k}", v)
    return out


def _names(where: str, value: Any) -> dict[str, dict]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table of names, e.g. \"Olaf Scholz\" = {{gender = \"male\"}}")
    out = {}
    for name, spec in value.items():
        if not isinstance(spec, dict):
            raise ConfigError(f"{where}.{name!r}: expected a table with gender and/or spellings")
        unknown = set(spec) - {"gender", "spellings"}
        if unknown:
            raise ConfigError(f"{where}.{name!r}: unknown key {sorted(unknown)[0]!r}")
        gender = spec.get("gender")
        if gender is not None and gender not in ("male", "female", "neutral"):
            raise ConfigError(f"{where}.{name!r}.gender: expected male, female or neutral")
        out[name] = {"gender": gender, "spellings": list(_strings(f"{where}.{name!r}.spellings", spec.get("spellings", [])))}
    return out


def settings_from_table(table: dict, source: str) -> Settings:
    """Validate a [tool.tqcheck] table into Settings; unknown keys are errors, as in ruff."""
    kw: dict[str, Any] = {"source": source}
    for key, value in table.items():
        where = f"{source}: {key}"
        if key == "select":
            kw["select"] = _strings(where, value)
        elif key == "ignore":
            kw["ignore"] = _strings(where, value)
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table of CODE = severity")
            kw["severity"] = {k.upper(): _severity(f"{where}.{k}", v) for k, v in value.items()}
        elif key == "fail_under":
            kw["fail_under"] = _number(where, value)
        elif key == "fail_on":
            kw["fail_on"] = _severity(where, value)
        elif key == "allow":
            kw["allow"] = frozenset(w.casefold() for w in _strings(where, value))
        elif key == "names":
            kw["names"] = _names(where, value)
        elif key == "boilerplate":
            kw["boilerplate"] = _strings(where, value)
        elif key == "languagetool":
            if not isinstance(value, str) or not (value in LANGUAGETOOL_MODES or value.startswith(("http://", "https://"))):
                raise ConfigError(f"{where}: expected \"off\", \"auto\" or a server URL")
            kw["languagetool"] = value
        elif key == "severity_weights":
            kw["severity_weights"] = _weights(where, value, SEVERITIES, DEFAULT_SEVERITY_WEIGHTS)
        elif key == "category_weights":
            kw["category_weights"] = _weights(where, value, CATEGORIES, DEFAULT_CATEGORY_WEIGHTS)
        else:
            raise ConfigError(f"{where}: unknown setting")
    return Settings(**kw)


def load_settings(path: Path | None = None, *, discover: bool = True) -> Settings:
    """Settings from an explicit file, else from the nearest config file, else the defaults."""
    if path is None and discover:
        path = find_config()
    if path is None:
        return Settings()
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("tqcheck", {})
    return settings_from_table(data, str(path))
