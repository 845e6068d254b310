"""Writing files the user asked for (reports, rejected rows) whole or not at all.

Both writers go through a temporary file in the same folder and a rename, so a full disk or a kill
never leaves a truncated file where an older one stood. Text is cleaned of control characters
(`cxtui.text.clean`), and every CSV cell that would start a spreadsheet formula is neutralised
(`cxtui.text.csv_cell`).
"""

from __future__ import annotations

import csv
import errno
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from cxtui.errors import CxError
from cxtui.i18n import t
from cxtui.text import clean, csv_cells

_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def write_error(path: Path | str, exc: OSError) -> CxError:
    """The one line for a failed write of `path`: "disk full" said as such."""
    if exc.errno in _FULL:
        return CxError(t("cli.msg.disk_full", path=path))
    return CxError(t("cli.msg.cannot_write", path=path, reason=exc.strerror or exc))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (temporary file, fsync, rename)."""
    path = Path(path)
    temporary: Path | None = None
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
        temporary = Path(name)
        # mkstemp makes the file private (0600); give it the permissions a plain write would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(descriptor, 0o666 & ~umask)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        raise write_error(path, exc) from None
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def write_text_atomically(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write `text` (control characters removed) to `path` whole or not at all. CxError (one line)
    on failure; an existing file at `path` is then left as it was."""
    try:
        data = clean(text).encode(encoding)
    except UnicodeEncodeError as exc:
        raise CxError(t("cli.msg.cannot_write", path=path, reason=exc.reason)) from None
    write_bytes_atomically(Path(path), data)


def csv_text(header: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """A CSV document whose cells can never run as a spreadsheet formula."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(csv_cells(header))
    for row in rows:
        writer.writerow(csv_cells(row))
    return out.getvalue()


def write_csv_atomically(
    path: Path | str, header: Sequence[object], rows: Iterable[Sequence[object]]
) -> None:
    """Write a CSV that Excel opens correctly (UTF-8 with BOM), formula-safe, whole or not at all."""
    write_bytes_atomically(Path(path), "\ufeff".encode() + csv_text(header, rows).encode("utf-8"))
