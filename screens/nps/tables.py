"""NPS tables: segments side by side, comments, and the detractor follow-up queue.

The tables take rows from `cxtui.nps.queries` through `show(...)`. Comments and follow-ups post a
`Chosen` message with the response id on enter, so the screen can open its edit dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist, RowKey

from cxtui.i18n import t
from cxtui.nps.models import CommentRow, FollowupRow
from cxtui.nps.stats import NpsSummary, classify, is_small, shares
from screens.nps.headline import ci_cell, percent_text, signed
from screens.shared.literal_table import LiteralDataTable
from screens.shared.usertext import literal

Cell = str | Text
RowT = TypeVar("RowT", CommentRow, FollowupRow)
DEFAULT_WIDTH = 100  # cells, before the table has a size
MIN_COMMENT_CELLS = 20
STATUS_TONE = {"open": "warning", "contacted": "primary", "resolved": "good"}


class NpsTable(LiteralDataTable[Cell]):
    """A row-cursor, zebra-striped DataTable whose cells take their colours from the theme."""

    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | {
        "nps-table--promoter",
        "nps-table--passive",
        "nps-table--detractor",
        "nps-table--warning",
        "nps-table--primary",
        "nps-table--good",
        "nps-table--bad",
        "nps-table--muted",
    }
    DEFAULT_CSS = """
    NpsTable { height: 1fr; }
    NpsTable > .nps-table--promoter { color: $success; text-style: bold; }
    NpsTable > .nps-table--passive { color: $warning; text-style: bold; }
    NpsTable > .nps-table--detractor { color: $error; text-style: bold; }
    NpsTable > .nps-table--warning { color: $warning; }
    NpsTable > .nps-table--primary { color: $primary; }
    NpsTable > .nps-table--good { color: $success; }
    NpsTable > .nps-table--bad { color: $error; }
    NpsTable > .nps-table--muted { color: $text-muted; }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes, cursor_type="row", zebra_stripes=True)

    def tone(self, name: str) -> Style:
        """The theme colour of a tone (promoter, detractor, warning, muted...) as a Rich style."""
        # Before mounting no styles are computed; plain text then, coloured on the next show().
        if not self.is_mounted:
            return Style()
        return self.get_component_rich_style(f"nps-table--{name}", partial=True)

    def styled(self, text: str, tone: str, *, right: bool = False) -> Text:
        """A cell in a tone's colour."""
        return Text(text, style=self.tone(tone), justify="right" if right else "left")

    def score_cell(self, score: int | None) -> Text:
        """A 0–10 score coloured by its group (promoter green, passive amber, detractor red)."""
        if score is None:
            return Text("—", justify="right")
        return self.styled(str(score), classify(score), right=True)

    def selected_key(self) -> str | None:
        """The key of the row under the cursor (a response id), if any."""
        if self.row_count == 0:
            return None
        row_key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return None if row_key.value is None else str(row_key.value)

    def restore_cursor(self, key: str | None, index: int | None = None) -> None:
        """Put the cursor back after a reload: on the row at `index` when given (the row just edited
        may have moved elsewhere in the order; the next one to work on is where it was), else on
        the row it was on, if that row is still there."""
        if index is not None and self.row_count:
            self.move_cursor(row=min(index, self.row_count - 1), animate=False)
            return
        if key is None:
            return
        try:
            self.move_cursor(row=self.get_row_index(RowKey(key)), animate=False)
        except RowDoesNotExist:  # filtered out or deleted since: the cursor stays at the top
            return

    def add_sized_columns(self, widths: dict[str, int]) -> None:
        """Columns with fixed widths measured by the caller (labels `nps.ui.col_<key>`).

        Measured here, not by the DataTable after the fact: a table filled while a dialog covered
        it kept its headers' widths and showed `(no seg  5 +0 -57`.
        """
        for key, width in widths.items():
            self.add_column(t(f"nps.ui.col_{key}"), key=key, width=width)


def _date(answered_at: str | None) -> str:
    return answered_at[:10] if answered_at else "—"


def _category(category: str) -> str:
    if not category:
        return "—"
    label = t(f"nps.cat.{category}")
    # A category the catalog does not know (one the user typed) is shown as written.
    return category if label == f"nps.cat.{category}" else label


def _cells(cell: Cell) -> int:
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell)


def _clip(text: str, cells: int) -> Text:
    """One line of at most `cells` terminal cells, with an ellipsis when cut (Japanese counts two)."""
    line = Text(" ".join(text.split()), no_wrap=True, overflow="ellipsis")
    line.truncate(cells, overflow="ellipsis")
    return line


class SegmentsTable(NpsTable):
    """Segments side by side: n, NPS, 95 % interval, shares, and a flag when n is small."""

    def show(self, rows: Sequence[tuple[str, NpsSummary]]) -> None:
        """One row per (segment, summary); '' is the answers without a segment."""
        keep = self.selected_key()
        self.clear(columns=True)
        keys = ("segment", "n", "nps", "ci", "promoters", "passives", "detractors", "flag")
        table: list[tuple[str, list[Cell]]] = []
        for segment, summary in rows:
            percents = shares(summary.counts)
            p, pa, d = ("—", "—", "—") if percents is None else tuple(percent_text(x) for x in percents)
            flag = self.styled(t("nps.ui.small_flag"), "warning") if is_small(summary.counts) else Text("")
            cells: list[Cell] = [
                segment or self.styled(t("nps.ui.no_segment"), "muted"),
                Text(str(summary.n), justify="right"),
                Text(signed(summary.nps), justify="right", style="bold"),
                Text(ci_cell(summary), justify="right"),
                self.styled(p, "good", right=True),
                self.styled(pa, "warning", right=True),
                self.styled(d, "bad", right=True),
                flag,
            ]
            table.append((segment, cells))
        self.add_sized_columns(
            {
                key: max([cell_len(t(f"nps.ui.col_{key}")), *(_cells(cells[i]) for _, cells in table)])
                for i, key in enumerate(keys)
            }
        )
        for segment, cells in table:
            self.add_row(*cells, key=segment)
        self.restore_cursor(keep)


class _ResponsesTable(NpsTable, Generic[RowT]):
    """Rows keyed by response id: enter posts the subclass's `Chosen`; the cursor row sets the tooltip.

    Every column is as wide as its content (up to CAPS); the comment gets whatever width the others
    leave (at least MIN_COMMENT_CELLS), so it is cut where the table ends rather than scrolling
    sideways. Enter posts `Chosen`, and the screen shows the whole row.
    """

    class _Chosen(Message):
        """The user pressed enter on a row."""

        def __init__(self, table: _ResponsesTable[Any], response_id: str) -> None:
            self.table = table
            self.response_id = response_id
            super().__init__()

        @property
        def control(self) -> _ResponsesTable[Any]:
            """The table the row was chosen in (for `@on(..., "#id")`)."""
            return self.table

    COLUMNS: tuple[str, ...] = ()
    COMMENT = "comment"
    # Most cells a column takes (longer text is cut; enter shows the row whole).
    CAPS: dict[str, int] = {"segment": 14, "category": 16, "owner": 14, "note": 18}
    # Columns left out, in this order, when the table is too narrow for them and a readable comment.
    DROP: tuple[str, ...] = ("category", "segment", "date")

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.items: list[RowT] = []
        self.full_text: dict[str, str] = {}
        self._fitted_width = 0

    def chosen(self, response_id: str) -> Message:
        """The message this table posts when a row is chosen."""
        raise NotImplementedError

    def cells(self, row: RowT) -> dict[str, Cell]:
        """The cells of one row by column key, the comment column uncut."""
        raise NotImplementedError

    def tooltip_text(self, row: RowT) -> str:
        """The full text shown as the tooltip of a highlighted row."""
        raise NotImplementedError

    def response_id(self, row: RowT) -> str:
        """The response a row belongs to (its row key)."""
        raise NotImplementedError

    def show(self, rows: Sequence[RowT], *, keep_index: bool = False) -> None:
        """Show these rows (the screen filters and orders them). The cursor stays on its response, or
        with `keep_index` (after an edit that may re-sort the rows) at the same row number."""
        self.items = list(rows)
        self._fill(keep_index=keep_index)

    def layout_columns(self, all_cells: list[dict[str, Cell]], width: int) -> dict[str, int]:
        """Cells per shown column: each sized to its content (up to its CAPS), the comment taking the
        rest; when the width is short, DROP columns go first (Enter shows them for one row)."""
        pad = 2 * self.cell_padding
        natural = {}
        for column in self.COLUMNS:
            if column == self.COMMENT:
                continue
            widest = max((_cells(cells[column]) for cells in all_cells), default=0)
            natural[column] = min(
                max(widest, cell_len(t(f"nps.ui.col_{column}"))), self.CAPS.get(column, 999)
            )
        shown = list(self.COLUMNS)
        room = width - pad - 2  # the comment's padding and a vertical scrollbar

        def used() -> int:
            return sum(natural[c] + pad for c in shown if c != self.COMMENT)

        for column in self.DROP:
            if used() + MIN_COMMENT_CELLS <= room:
                break
            shown.remove(column)
        comment = max(MIN_COMMENT_CELLS, room - used())
        return {c: comment if c == self.COMMENT else natural[c] for c in shown}

    def _fill(self, *, keep_index: bool = False) -> None:
        keep = self.selected_key()
        index = self.cursor_row if keep_index else None
        self.clear(columns=True)
        all_cells = [self.cells(row) for row in self.items]
        self._fitted_width = self.size.width
        widths = self.layout_columns(all_cells, self.size.width or DEFAULT_WIDTH)
        self.add_sized_columns(widths)
        self.full_text = {}
        for row, cells in zip(self.items, all_cells, strict=True):
            key = self.response_id(row)
            self.full_text[key] = self.tooltip_text(row)
            shown: list[Cell] = []
            for column, cells_wide in widths.items():
                cell = cells[column]
                if _cells(cell) > cells_wide:  # cut with an ellipsis; enter shows it whole
                    cell = _clip(cell.plain if isinstance(cell, Text) else cell, cells_wide)
                shown.append(cell)
            self.add_row(*shown, key=key)
        self.restore_cursor(keep, index)

    def on_resize(self) -> None:
        """Refit the comment column to the new width."""
        if self.items and self.size.width != self._fitted_width:
            self._fill()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter (or a click) on a row: tell the screen which response the user wants to edit."""
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.chosen(str(event.row_key.value)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The full comment of the highlighted row as the tooltip (the column is cut short)."""
        key = event.row_key.value
        self.tooltip = (
            literal(self.full_text[str(key)]) if key is not None and str(key) in self.full_text else None
        )


class CommentsTable(_ResponsesTable[CommentRow]):
    """Every comment with its score, segment, category and date."""

    class Chosen(_ResponsesTable._Chosen):
        """A comment was chosen (enter): `response_id` names its response."""

    COLUMNS = ("score", "segment", "category", "date", "comment")

    def chosen(self, response_id: str) -> Message:
        """A CommentsTable.Chosen."""
        return self.Chosen(self, response_id)

    def response_id(self, row: CommentRow) -> str:
        """The comment's response id."""
        return row.response_id

    def tooltip_text(self, row: CommentRow) -> str:
        """The whole comment."""
        return row.comment

    def cells(self, row: CommentRow) -> dict[str, Cell]:
        """Score, segment, category, date, comment."""
        return {
            "score": self.score_cell(row.score),
            "segment": row.segment or "—",
            "category": _category(row.category),
            "date": _date(row.answered_at),
            "comment": row.comment,
        }


class FollowupsTable(_ResponsesTable[FollowupRow]):
    """The detractor follow-up queue: comment, owner, status and note per detractor."""

    class Chosen(_ResponsesTable._Chosen):
        """A follow-up was chosen (enter): `response_id` names the detractor's response."""

    COLUMNS = ("score", "segment", "category", "date", "comment", "owner", "status", "note")

    def chosen(self, response_id: str) -> Message:
        """A FollowupsTable.Chosen."""
        return self.Chosen(self, response_id)

    def response_id(self, row: FollowupRow) -> str:
        """The detractor's response id."""
        return row.response_id

    def tooltip_text(self, row: FollowupRow) -> str:
        """The whole comment, then the whole note."""
        return f"{row.comment}\n\n{row.note}" if row.note else row.comment

    def cells(self, row: FollowupRow) -> dict[str, Cell]:
        """Score, segment, category, date, comment, owner, status (translated), note."""
        return {
            "score": self.score_cell(row.score),
            "segment": row.segment or "—",
            "category": _category(row.category),
            "date": _date(row.answered_at),
            "comment": row.comment,
            "owner": row.owner or self.styled("—", "muted"),
            "status": self.styled(t(f"nps.status.{row.status}"), STATUS_TONE.get(row.status, "muted")),
            "note": row.note,
        }
