"""Writing files the user asked for (reports, rejected rows) whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cxtui.errors import CxError
from cxtui.i18n import t


def write_text_atomically(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write `text` to `path` through a temporary file in the same folder and a rename: a full disk or
    a kill never leaves a truncated file where an older one stood. CxError (one line) on failure."""
    path = Path(path)
    handle = None
    temporary: Path | None = None
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
        temporary = Path(name)
        # mkstemp makes the file private (0600); give it the permissions a plain write would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(descriptor, 0o666 & ~umask)
        handle = os.fdopen(descriptor, "w", encoding=encoding, newline="")
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        raise CxError(t("cli.msg.cannot_write", path=path, reason=exc.strerror or exc)) from None
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
