"""NPS dialogs: follow-up, compare, survey templates (quick entry and the import wizard have their
own modules, so opening one of these does not load the importers).

Each returns what the user asked for; the NPS screen persists it. No dialog touches the workspace.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from cxtui.errors import InputError
from cxtui.i18n import get_language, has, t
from cxtui.nps.models import FOLLOWUP_STATUSES, CommentRow, FollowupRow
from cxtui.nps.stats import classify
from cxtui.nps.surveys import parse_range, range_label
from cxtui.nps.templates import TEMPLATES, template_text
from screens.shared.choice import ChoiceBar
from screens.shared.form import FormDialog, field_row
from screens.shared.translate import translate_bindings

__all__ = [
    "CompareDialog",
    "comment_text",
    "CompareRequest",
    "FollowupDialog",
    "FollowupEdit",
    "TemplatesDialog",
]

# -- follow-up --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowupEdit:
    """The follow-up of one detractor's answer: who, how far (open / contacted / resolved), a note."""

    response_id: str
    owner: str
    status: str
    note: str


def group_label(score: int) -> str:
    """promoter / passive / detractor for a 0–10 score, translated."""
    return t(f"nps.dialog.group.{classify(score)}")


def comment_text(row: CommentRow) -> str:
    """A comment whole, under its score, survey, segment, category and date (for reading)."""
    score = "—" if row.score is None else f"{row.score} ({group_label(row.score)})"
    key = f"nps.cat.{row.category}"
    category = (t(key) if has(key) else row.category) if row.category else "—"  # a typed category as is
    lines = [
        f"{t('nps.dialog.col_score')}: {score}",
        f"{t('nps.dialog.survey_name')}: {row.survey}",
        f"{t('nps.dialog.segment')}: {row.segment or '—'}",
        f"{t('nps.ui.col_category')}: {category}",
        f"{t('nps.dialog.date')}: {(row.answered_at or '—')[:10]}",
        "",
        row.comment or "—",
    ]
    return "\n".join(lines)


SIDE_LABELS = {"before": "nps.dialog.before", "after": "nps.dialog.after"}


class FollowupDialog(FormDialog[FollowupEdit]):
    """Close the loop with one detractor: the answer read-only, then owner, status and note."""

    title_key = "nps.dialog.followup_title"

    def __init__(self, row: FollowupRow) -> None:
        super().__init__()
        self.row = row

    def body(self) -> ComposeResult:
        """The answer, then the follow-up fields."""
        r = self.row
        facts = [
            (t("nps.dialog.col_score"), f"{r.score} ({group_label(r.score)})"),
            (t("nps.dialog.survey_name"), r.survey),
            (t("nps.dialog.segment"), r.segment or "—"),
            (t("nps.dialog.date"), (r.answered_at or "—")[:10]),
        ]
        for label, value in facts:
            yield Horizontal(
                Label(label, classes="field-label"),
                Static(value, classes="dialog-context", markup=False),
                classes="nps-fact",
            )
        yield Static(r.comment or "—", id="followup-comment", classes="dialog-previous", markup=False)
        yield from field_row("nps.dialog.owner", Input(r.owner, id="owner"))
        options = [(t(f"nps.status.{status}"), status) for status in FOLLOWUP_STATUSES]
        chosen = r.status if r.status in FOLLOWUP_STATUSES else FOLLOWUP_STATUSES[0]
        yield from field_row("nps.dialog.status", ChoiceBar(options, chosen, id="status"))
        yield from field_row("nps.dialog.note", Input(r.note, id="note"))

    def on_mount(self) -> None:
        """Start with the owner."""
        self.query_one("#owner", Input).focus()

    def build(self) -> FollowupEdit:
        """The edited follow-up."""
        status = self.query_one("#status", ChoiceBar).value
        return FollowupEdit(
            self.row.response_id, self.value_of("owner").strip(), status, self.value_of("note").strip()
        )


# -- compare ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CompareRequest:
    """Two sides to compare, each a survey name or a range `2026-01-01..2026-03-31`, and a segment."""

    before: str
    after: str
    segment: str | None = None


class CompareDialog(FormDialog[CompareRequest]):
    """Pick "before" and "after": a survey each, or a typed date range; optionally one segment."""

    title_key = "nps.dialog.compare_title"

    def __init__(
        self,
        survey_names: Sequence[str],
        segments: Sequence[str] = (),
        before: str | None = None,
        after: str | None = None,
    ) -> None:
        super().__init__()
        self.survey_names = list(survey_names)
        self.segments = [s for s in segments if s]
        self.initial = {"before": before, "after": after}

    def body(self) -> ComposeResult:
        """For each side a survey and a range field; then the segment."""
        yield Static(t("nps.dialog.compare_hint"), classes="nps-note", markup=False)
        options = [(name, name) for name in self.survey_names]
        for side in ("before", "after"):
            initial = self.initial[side] or ""
            is_survey = initial in self.survey_names
            survey: Select[str] = Select(
                options,
                prompt=t("nps.dialog.pick_survey"),
                id=side,
                value=initial if is_survey else Select.NULL,
            )
            yield from field_row(SIDE_LABELS[side], survey)
            yield from field_row(
                "nps.dialog.or_range",
                Input("" if is_survey else initial, id=f"{side}_range", placeholder="2026-01-01..2026-03-31"),
            )
        yield from field_row(
            "nps.dialog.segment",
            Select([(s, s) for s in self.segments], prompt=t("nps.dialog.all_segments"), id="segment"),
        )

    def on_mount(self) -> None:
        """The confirm button says what it does."""
        self.query_one("#save", Button).label = t("nps.dialog.compare") + "  ctrl+s"

    def side(self, which: str) -> str:
        """One side as the queries module reads it: a range label, else a survey name."""
        label = t(SIDE_LABELS[which])
        raw = unicodedata.normalize("NFKC", self.value_of(f"{which}_range")).strip()
        if raw:
            try:
                dates = parse_range(raw)
            except InputError as exc:
                raise InputError(f"{label}: {exc.message}", field=f"{which}_range") from None
            if dates is None:
                raise InputError(f"{label}: {t('nps.repo.bad_range', text=raw)}", field=f"{which}_range")
            return range_label(*dates)
        value = self.query_one(f"#{which}", Select).value
        if value is Select.NULL:
            raise InputError(f"{label}: {t('nps.dialog.need_side')}", field=which)
        return str(value)

    def build(self) -> CompareRequest:
        """The two sides and the segment (None: every segment)."""
        before, after = self.side("before"), self.side("after")
        if before == after:
            raise InputError(t("nps.dialog.same_sides"), field="after")
        segment = self.query_one("#segment", Select).value
        return CompareRequest(before, after, None if segment is Select.NULL else str(segment))


# -- templates --------------------------------------------------------------------------------------


class TemplatesDialog(ModalScreen[None]):
    """The light survey templates of seed 002, as text ready to copy into a form tool."""

    BINDINGS = [
        Binding("escape", "close", "app.key.close"),
        Binding("t", "switch", "nps.dialog.key_switch_template"),
        Binding("c", "copy_all", "nps.dialog.key_copy_all"),
    ]

    def __init__(self, key: str = "after_1min") -> None:
        super().__init__()
        translate_bindings(self)
        self.keys = list(TEMPLATES)
        self.key = key if key in TEMPLATES else self.keys[0]

    def compose(self) -> ComposeResult:
        """Template names (the current one marked), its text, how to copy it and how to import answers."""
        with Vertical(classes="dialog nps-templates-dialog"):
            yield Label(t("nps.dialog.templates_title"), classes="dialog-title")
            yield Static(self._names(), id="tpl-names")
            yield TextArea(self.text, id="tpl-text", read_only=True, soft_wrap=True)
            yield Static(t("nps.dialog.tpl_copy_hint"), classes="nps-note", markup=False)
            yield Static(t("nps.dialog.tpl_import_hint"), classes="nps-note", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("nps.dialog.switch_template") + "  t", id="switch")
                yield Button(t("nps.dialog.copy_all") + "  c", id="copy")
                yield Button(t("app.key.close") + "  esc", variant="primary", id="close")

    @property
    def text(self) -> str:
        """The current template's questions in the UI language."""
        return template_text(self.key, get_language())

    def _names(self) -> Text:
        lang = get_language()
        names = Text()
        for key in self.keys:
            title = TEMPLATES[key].title_in(lang)
            names.append(
                f"▶ {title}" if key == self.key else f"  {title}", "bold" if key == self.key else "dim"
            )
            names.append("    ")
        return names

    def on_mount(self) -> None:
        """Focus the text, where shift+arrows select."""
        self.query_one("#tpl-text", TextArea).focus()

    def action_switch(self) -> None:
        """Show the other template."""
        self.key = self.keys[(self.keys.index(self.key) + 1) % len(self.keys)]
        self.query_one("#tpl-text", TextArea).load_text(self.text)
        self.query_one("#tpl-names", Static).update(self._names())

    def action_copy_all(self) -> None:
        """Copy the whole template to the clipboard."""
        self.app.copy_to_clipboard(self.text)
        self.notify(t("nps.dialog.copied", title=TEMPLATES[self.key].title_in(get_language())))

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Buttons do what their keys do."""
        event.stop()
        actions = {"switch": self.action_switch, "copy": self.action_copy_all, "close": self.action_close}
        if event.button.id in actions:
            actions[event.button.id]()
