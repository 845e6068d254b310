"""Errors the core raises for the user: each carries one clear line and a CLI exit code."""

from __future__ import annotations


class CxError(Exception):
    """A failure explained in one line; `exit_code` follows the CLI contract (1 failed, 2 bad input)."""

    exit_code = 1

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class WorkspaceError(CxError):
    """The workspace file cannot be used: missing, not SQLite, damaged, busy, not permitted..."""

    exit_code = 2


class RetryableError(WorkspaceError):
    """A write that failed for a reason outside the workspace and may work later: the user's change
    is worth keeping for a retry."""


class BusyError(RetryableError):
    """Another program holds the workspace's write lock (an import, another cxtui): retry later."""


class DiskFullError(RetryableError):
    """The disk is full: nothing was written; retry once space is freed."""


class ReadOnlyError(CxError):
    """A write was attempted on a workspace opened read-only."""

    exit_code = 1


class InputError(CxError):
    """User input was rejected; `field` names what is at fault."""

    exit_code = 2
