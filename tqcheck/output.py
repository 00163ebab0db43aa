"""Writing files without losing anything: a temporary file beside the target, then a rename."""
from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """Yield a text stream; on success it replaces ``path`` in one rename, on error ``path`` is untouched."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[IO[str]]:
    """Standard output, or a report file written atomically."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_writer(path) as f:
        yield f
