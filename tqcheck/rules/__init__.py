"""Rule registry. Every module in this package is a rule family and registers itself on import.

Adding a rule touches one file: define it in a family module here (or add a new
module); discovery, documentation, selection and the example tests follow.
"""
from __future__ import annotations

import importlib
import pkgutil

from .base import REGISTRY, Context, Rule, rule

__all__ = ["REGISTRY", "Context", "Rule", "all_rules", "rule"]

_loaded = False


def all_rules() -> list[Rule]:
    """Every registered rule, sorted by code. Imports the rule modules once."""
    global _loaded
    if not _loaded:
        for mod in pkgutil.iter_modules(__path__):
            if mod.name != "base" and not mod.name.startswith("_"):
                importlib.import_module(f"{__name__}.{mod.name}")
        _loaded = True
    return sorted(REGISTRY.values(), key=lambda r: r.code)
