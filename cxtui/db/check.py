"""`cxtui check`: integrity and schema of a workspace file, without changing a single byte of it.

The file is opened with `workspace.open_snapshot`: read-only (`mode=ro`), and as `immutable=1` when
no program has it open, because even a read-only connection would otherwise leave `-wal`/`-shm`
files beside it. Every way a file can be bad becomes the same one line `open_workspace` would say.

JSON (`format_check(result, as_json=True)`), stable like the report: later versions add keys, never
rename them::

    {"cxtui_check": 1, "path": str, "ok": bool, "message": str,
     "schema_version": int | null,        # migrations recorded in the file
     "supported_schema_version": int,     # the version this cxtui writes
     "integrity": [str],                  # PRAGMA integrity_check rows: ["ok"] when sound
     "foreign_key_problems": int | null,  # rows reported by PRAGMA foreign_key_check
     "counts": {"periods": int, "objectives": int, ...} | null,   # rows of every domain's tables
     "notice": str | null}                # newer/older schema: how the file will be opened
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from cxtui.db.migrations import schema_version as written_version
from cxtui.db.workspace import database_error, open_snapshot
from cxtui.domains import DOMAINS
from cxtui.errors import WorkspaceError
from cxtui.i18n import t

CHECK_FORMAT_VERSION = 1
# The tables every workspace has (migration 1): without them the file is not a workspace.
REQUIRED_TABLES = DOMAINS[0].tables
INTEGRITY_ROWS = 20


@dataclass
class CheckResult:
    """What `check_workspace` found: ok or not, one message line, versions, integrity and counts."""

    path: str
    ok: bool
    message: str
    schema_version: int | None = None
    supported_schema_version: int = field(default_factory=written_version)
    integrity: list[str] = field(default_factory=list)
    foreign_key_problems: int | None = None
    counts: dict[str, int] | None = None
    notice: str | None = None

    def to_json(self) -> dict[str, object]:
        """The stable JSON object documented in the module docstring."""
        return {
            "cxtui_check": CHECK_FORMAT_VERSION,
            "path": self.path,
            "ok": self.ok,
            "message": self.message,
            "schema_version": self.schema_version,
            "supported_schema_version": self.supported_schema_version,
            "integrity": list(self.integrity),
            "foreign_key_problems": self.foreign_key_problems,
            "counts": None if self.counts is None else dict(self.counts),
            "notice": self.notice,
        }


def _inspect(conn: sqlite3.Connection, path: Path, result: CheckResult) -> None:
    tables = {
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    }
    result.integrity = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({INTEGRITY_ROWS})")]
    if result.integrity != ["ok"]:
        raise WorkspaceError(
            t("db.check.integrity_failed", path=path, count=len(result.integrity), first=result.integrity[0])
        )
    result.foreign_key_problems = len(conn.execute("PRAGMA foreign_key_check").fetchall())
    missing = [name for name in REQUIRED_TABLES if name not in tables]
    if missing or not result.schema_version:
        raise WorkspaceError(t("db.check.missing_tables", path=path, tables=", ".join(missing) or "-"))
    # Every domain's rows; a table a file does not have yet (an older schema, opened read-only)
    # counts 0: its domain simply holds nothing.
    result.counts = {
        name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) if name in tables else 0
        for domain in DOMAINS
        for name in domain.tables
    }
    if result.foreign_key_problems:
        raise WorkspaceError(t("db.check.foreign_keys_failed", path=path, count=result.foreign_key_problems))


def check_workspace(path: Path | str) -> CheckResult:
    """Check a workspace file read-only; never raises for a bad file, never modifies any file."""
    path = Path(path)
    result = CheckResult(path=str(path), ok=False, message="")
    try:
        opened = open_snapshot(path)
        result.schema_version = opened.file_version
        result.notice = opened.notice
        try:
            _inspect(opened.conn, path, result)
        finally:
            opened.conn.close()
    except WorkspaceError as exc:
        result.message = exc.message
        return result
    except sqlite3.DatabaseError as exc:
        result.message = database_error(exc, path).message
        return result
    except PermissionError:
        result.message = t("db.ws.no_permission", path=path)
        return result
    except OSError as exc:
        result.message = t("db.ws.unreadable", path=path, reason=exc.strerror)
        return result
    result.ok = True
    result.message = t("db.check.ok", path=path, version=result.schema_version, ours=written_version())
    return result


def format_check(result: CheckResult, as_json: bool = False) -> str:
    """The result as text (one line for a bad file, a short summary for a good one) or as JSON."""
    if as_json:
        return json.dumps(result.to_json(), ensure_ascii=False, indent=2)
    if not result.ok:
        return result.message
    counts = result.counts or {}
    lines = [
        result.message,
        t("db.check.schema", version=result.schema_version, ours=result.supported_schema_version),
        t("db.check.integrity", result=t("db.ws.integrity_ok")),
    ]
    for domain in DOMAINS:
        rows = ", ".join(
            t("db.check.table_rows", table=t(f"{domain.name}.domain.{name}"), n=counts.get(name, 0))
            for name in domain.tables
        )
        lines.append(t("db.check.domain_rows", domain=t(f"{domain.name}.domain.name"), rows=rows))
    if result.notice:
        lines.append(t("db.check.notice", notice=result.notice))
    return "\n".join([lines[0], *("  " + line for line in lines[1:])])
