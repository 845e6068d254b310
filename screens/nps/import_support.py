"""What the import wizard returns, and the small text helpers its preview and its result share."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rich.cells import cell_len

from cxtui.errors import CxError, InputError
from cxtui.i18n import t
from cxtui.nps.importers import parse_file
from cxtui.nps.models import ParsedFile

SHOWN_REJECTS = 3
CELL_WIDTH = 24  # terminal cells per preview cell, so a long comment does not push the rest away


@dataclass(frozen=True)
class ImportRequest:
    """What to import: pass the columns to parse_file as they are (the CLI options mean the same).

    A column is None when the user kept what was detected (so detection runs again, identically),
    "" when they chose "no such column", else a header text or a 1-based position.
    """

    path: Path
    survey_name: str
    score_column: str | None = None
    comment_column: str | None = None
    segment_column: str | None = None
    date_column: str | None = None
    # How to read dates such as 03/04/2026 when no row settles it ("dmy"/"mdy"), and whether a score
    # column of 1–5 answers is imported anyway: both asked in the dialog (ctrl+d, ctrl+f).
    date_format: str | None = None
    force_scale: bool = False
    # The full parse the preview counted (same file, same columns): import it to skip a second read.
    parsed: ParsedFile | None = field(default=None, compare=False, repr=False)


def clip(text: str, width: int = CELL_WIDTH) -> str:
    """`text` on one line cut to `width` terminal cells (wide characters count two) with an ellipsis."""
    line = " ".join(text.split())
    if cell_len(line) <= width:
        return line
    out, used = [], 1
    for char in line:
        used += cell_len(char)
        if used > width:
            break
        out.append(char)
    return "".join(out) + "…"


def encoding_label(encoding: str) -> str:
    """How an encoding is named to the user."""
    key = f"nps.dialog.enc.{encoding}"
    label = t(key)
    return encoding.upper() if label == key else label


def parse_for_preview(
    path: Path, overrides: dict[str, str | None]
) -> tuple[ParsedFile | None, CxError | None, list[str]]:
    """(parsed, error, headers): when no score column can be found, the headers still come back."""
    from cxtui.nps.importers import AmbiguousDatesError, SmallScaleError

    try:
        parsed = parse_file(
            path,
            score_column=overrides["score"],
            comment_column=overrides["comment"],
            segment_column=overrides["segment"],
            date_column=overrides["date"],
            date_format=overrides.get("date_format"),
            force_scale=bool(overrides.get("force_scale")),
        )
        return parsed, None, parsed.headers
    except (AmbiguousDatesError, SmallScaleError) as exc:
        # Asked, not refused: the dialog says which key answers, and shows the file meanwhile.
        key = (
            "nps.dialog.ask_date_order"
            if isinstance(exc, AmbiguousDatesError)
            else "nps.dialog.ask_force_scale"
        )
        try:
            headers = parse_file(
                path, score_column=1, max_rows=1, date_format="mdy", force_scale=True
            ).headers
        except Exception:
            headers = []
        return None, CxError(t(key)), headers
    except InputError as exc:
        if exc.field != "score_column" or overrides["score"] is not None:
            return None, exc, []
        error: CxError = exc
    except Exception as exc:  # a file the readers did not foresee: one line, never a traceback
        return None, CxError(t("nps.dialog.unreadable", name=path.name, reason=exc)), []
    # No score column was found: read the file with column 1 as the score only to learn its headers,
    # so the user can choose the score column from them.
    try:
        headers = parse_file(path, score_column=1, max_rows=1).headers
    except Exception:
        return None, error, []
    return None, CxError(t("nps.dialog.choose_score")), headers
