"""tqcheck: find machine-translation artifacts in English news and score them."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "check_text"]


def __getattr__(name: str):
    # Lazy so that `tqcheck --version` does not import the rule machinery.
    if name == "check_text":
        from .api import check_text

        return check_text
    raise AttributeError(name)
