"""Quick entry: typing scores from paper forms, batch by batch, with a live count."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Button, DataTable, Input, Static

from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.nps.models import ManualEntry
from cxtui.nps.repo import parse_quick_entry
from cxtui.nps.repo import quick_entry_bad_tokens as bad_tokens
from cxtui.validation import parse_date
from screens.shared.form import FormDialog, field_row
from screens.shared.literal_table import LiteralDataTable
from screens.shared.usertext import literal_text

# -- quick entry ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuickEntry:
    """Answers typed in by hand, for one survey (created if new)."""

    survey_name: str
    entries: list[ManualEntry]


def read_line(line: str, segment: str = "", answered_at: date | None = None) -> list[ManualEntry]:
    """The answers of one quick-entry line; InputError naming every word that is not a score (the
    core's rule, with the dialog's shorter message: `'11' is not a score 0–10`)."""
    bad = bad_tokens(line)
    if bad:
        key = "nps.dialog.bad_token.one" if len(bad) == 1 else "nps.dialog.bad_token.other"
        raise InputError(t(key, tokens=", ".join(f"'{tok}'" for tok in bad)), field="scores")
    return parse_quick_entry(line, segment=segment, answered_at=answered_at)


def _plural(key: str, n: int) -> str:
    return t(f"{key}.one" if n == 1 else f"{key}.other", n=n)


def count_text(scores: Sequence[int]) -> str:
    """`6 scores: 3 promoters, 2 passives, 1 detractor` (in the current language)."""
    promoters = sum(1 for s in scores if s >= 9)
    passives = sum(1 for s in scores if 7 <= s <= 8)
    return t(
        "nps.dialog.count",
        scores=_plural("nps.dialog.n_scores", len(scores)),
        promoters=_plural("nps.dialog.n_promoters", promoters),
        passives=_plural("nps.dialog.n_passives", passives),
        detractors=_plural("nps.dialog.n_detractors", len(scores) - promoters - passives),
    )


class QuickEntryDialog(FormDialog[QuickEntry]):
    """Type paper forms fast: scores separated by spaces, enter adds a batch, ctrl+s finishes."""

    BINDINGS = [Binding("ctrl+r", "drop_last", "nps.dialog.key_drop_last")]
    title_key = "nps.dialog.quick_title"

    def __init__(self, survey_name: str, today: date) -> None:
        super().__init__()
        self.survey_name = survey_name
        self.today = today
        self.entries: list[ManualEntry] = []
        self.batches: list[int] = []  # size of each batch added, so the last one can be taken back

    def body(self) -> ComposeResult:
        """Survey, segment and date of the next batch, the scores field, its live count, the list."""
        yield from field_row("nps.dialog.survey_name", Input(self.survey_name, id="survey"))
        yield from field_row("nps.dialog.segment", Input(id="segment"), t("nps.dialog.optional"))
        yield from field_row("nps.dialog.date", Input(self.today.isoformat(), id="date"))
        yield from field_row("nps.dialog.scores", Input(id="scores", placeholder="10 9 7 3 10 8"))
        yield Static(t("nps.dialog.quick_hint"), id="quick-live", classes="nps-note", markup=False)
        yield LiteralDataTable(id="quick-list", zebra_stripes=True, cursor_type="none")
        yield Static(t("nps.dialog.list_empty"), id="quick-total", classes="nps-note", markup=False)

    def on_mount(self) -> None:
        """Columns of the list; start in the scores field."""
        table = self.query_one("#quick-list", DataTable)
        columns = ("col_number", "col_score", "col_comment", "col_segment", "col_date")
        labels = ("nps.dialog.col_number", "nps.dialog.col_score", "nps.dialog.col_comment",
                  "nps.dialog.col_segment", "nps.dialog.col_date")  # fmt: skip
        for key, label in zip(columns, labels, strict=True):
            table.add_column(t(label), key=key)
        self.query_one("#scores", Input).focus()
        self.query_one("#save", Button).label = t("nps.dialog.finish") + "  ctrl+s"

    def on_input_changed(self, event: Input.Changed) -> None:
        """Count the scores as they are typed, or name what cannot be a score."""
        if event.input.id != "scores":
            return
        live = self.query_one("#quick-live", Static)
        if not event.value.strip():
            live.update(t("nps.dialog.quick_hint"))
            live.remove_class("nps-warning")
            return
        try:
            entries = read_line(event.value)
        except InputError as exc:
            live.update(exc.message)
            live.add_class("nps-warning")
            return
        live.remove_class("nps-warning")
        text = count_text([e.score for e in entries if e.score is not None])
        if entries and entries[-1].comment:
            last = entries[-1]
            if len(entries) == 1:
                text += "  " + t("nps.dialog.with_comment", comment=last.comment)
            else:  # said, so a comment that starts with a number is not silently split off
                text += "  " + t("nps.dialog.with_comment_last", score=last.score, comment=last.comment)
        live.update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the scores field adds them to the list (other fields: the next field)."""
        if event.input.id != "scores":
            return
        event.prevent_default()  # FormDialog would save on enter in the last field
        try:
            self.add_batch()
        except InputError as exc:
            self.show_error(exc)

    def add_batch(self) -> None:
        """Move the typed scores into the list with the current segment and date; clear the field."""
        scores = self.query_one("#scores", Input)
        if not scores.value.strip():
            return
        day = parse_date(self.value_of("date"), "date", "nps.dialog.date")
        batch = read_line(scores.value, self.value_of("segment").strip(), day)
        table = self.query_one("#quick-list", DataTable)
        for entry in batch:
            self.entries.append(entry)
            when = entry.answered_at.isoformat() if entry.answered_at else ""
            table.add_row(
                str(len(self.entries)),
                str(entry.score),
                literal_text(entry.comment),
                literal_text(entry.segment),
                when,
            )
        table.scroll_end(animate=False)
        self.batches.append(len(batch))
        scores.value = ""
        self.clear_error()
        self._update_total()

    def action_drop_last(self) -> None:
        """Take back the last batch added (a typo noticed after enter)."""
        if not self.batches:
            return
        size = self.batches.pop()
        del self.entries[-size:]
        table = self.query_one("#quick-list", DataTable)
        for key in list(table.rows)[-size:]:
            table.remove_row(key)
        self._update_total()

    def _update_total(self) -> None:
        total = self.query_one("#quick-total", Static)
        if not self.entries:
            total.update(t("nps.dialog.list_empty"))
            return
        scores = [e.score for e in self.entries if e.score is not None]
        total.update(t("nps.dialog.list_total", count=count_text(scores)))

    def build(self) -> QuickEntry:
        """The typed answers (a line still in the field is added first, so nothing typed is lost)."""
        name = self.value_of("survey").strip()
        if not name:
            raise InputError(f"{t('nps.dialog.survey_name')}: {t('nps.dialog.need_name')}", field="survey")
        self.add_batch()
        if not self.entries:
            raise InputError(t("nps.dialog.no_scores"), field="scores")
        return QuickEntry(name, list(self.entries))
