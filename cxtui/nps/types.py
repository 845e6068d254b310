"""Shapes passed between the NPS importers (parsing files) and the repository (storing them).

This is the contract between `cxtui.nps.importers` and `cxtui.nps.repo`: change it in both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class ParsedResponse:
    """One accepted answer row of a survey export."""

    line: int  # 1-based line (or row) number in the source file, as a spreadsheet shows it
    score: int  # 0..10
    comment: str = ""
    segment: str = ""
    answered_at: datetime | None = None
    # Other answers of the row (light-survey questions), header -> raw text.
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RejectedRow:
    """A row that could not be imported, with why (shown and saveable as CSV)."""

    line: int
    reason: str  # one line, in the current UI language
    raw: str  # the row as text, for the rejects CSV


@dataclass(frozen=True)
class DetectedColumns:
    """Which header each role was read from (None: absent)."""

    score: str
    comment: str | None = None
    segment: str | None = None
    date: str | None = None


@dataclass
class ParsedFile:
    """Everything read from one export: every data row is accepted, blank or rejected."""

    source: str  # file name as given
    sha256: str  # of the file's bytes, to detect a second import of the same file
    encoding: str  # "utf-8", "utf-8-sig", "cp932", "utf-16", "xlsx"
    layout: str  # "google_forms", "microsoft_forms", "surveymonkey", "typeform", "qualtrics", "plain"
    columns: DetectedColumns
    headers: list[str]
    responses: list[ParsedResponse] = field(default_factory=list)
    blank_lines: list[int] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    # First rows as text for the import preview (header row(s) excluded).
    preview: list[list[str]] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        """Data rows seen: accepted + blank + rejected (nothing is silently dropped)."""
        return len(self.responses) + len(self.blank_lines) + len(self.rejected)
