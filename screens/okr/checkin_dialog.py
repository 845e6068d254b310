"""Record a weekly check-in, or edit one: the previous value and note beside the new one."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Static

from cxtui.format import with_unit
from cxtui.i18n import t
from cxtui.okr.checkin_repo import check_checkin_value
from cxtui.okr.models import CheckIn, Confidence, KeyResult, KRKind
from cxtui.validation import number_text, parse_date, parse_number, validated
from screens.shared.choice import ChoiceBar
from screens.shared.form import FieldInput, FormDialog, field_grid


class CheckInDialog(FormDialog[CheckIn]):
    """New value, confidence (on track / at risk / off track), note, blocker, date.

    `draft` pre-fills the fields: the check-in being edited (its id is kept, so saving replaces it),
    or what the user typed before a question about it was answered "no". `focus` names the field
    to start in.
    """

    def __init__(
        self,
        kr: KeyResult,
        previous: CheckIn | None,
        today: date,
        *,
        draft: CheckIn | None = None,
        editing: bool = False,
        focus: str = "value",
    ) -> None:
        super().__init__()
        self.kr = kr
        self.previous = previous
        self.today = today
        self.draft = draft
        self.editing = editing
        self.focus_field = focus

    def dialog_title(self) -> str:
        """New or edited check-in."""
        return t("okr.dialog.edit_checkin") if self.editing else t("okr.dialog.checkin")

    def body(self) -> ComposeResult:
        """Previous check-in, then the new one's fields."""
        kr = self.kr
        if kr.kind is KRKind.milestone:
            goal = t("okr.kind.milestone")
        else:
            goal = f"{with_unit(kr.start, kr.unit)} → {with_unit(kr.target, kr.unit)}"
        yield Static(
            f"{kr.title}\n{t('common.field.target')}: {goal}", classes="dialog-context", markup=False
        )
        if self.previous is None:
            previous = t("okr.dialog.no_previous", value=with_unit(kr.value, kr.unit))
        else:
            p = self.previous
            previous = t(
                "okr.dialog.previous",
                date=p.date.isoformat(),
                value=with_unit(p.value, kr.unit),
                confidence=t(f"okr.confidence.{p.confidence.value}"),
            )
            if p.note:
                previous += f"\n  {t('common.field.note')}: {p.note}"
            if p.blocker:
                previous += f"\n  {t('common.field.blocker')}: {p.blocker}"
        yield Static(previous, id="previous", classes="dialog-previous", markup=False)
        hint = t("okr.dialog.milestone_hint") if kr.kind is KRKind.milestone else kr.unit
        draft = self.draft
        if draft is not None:
            chosen = draft.confidence
        else:
            chosen = self.previous.confidence if self.previous else Confidence.on_track
        options = [(t(f"okr.confidence.{level.value}"), level.value) for level in Confidence]
        value = FieldInput(
            number_text(draft.value) if draft else "", id="value", placeholder=number_text(kr.value)
        )
        yield field_grid(
            ("common.field.value", value, hint),
            ("common.field.confidence", ChoiceBar(options, chosen.value, id="confidence"), ""),
            ("common.field.note", FieldInput(draft.note if draft else "", id="note"), ""),
            ("common.field.blocker", FieldInput(draft.blocker if draft else "", id="blocker"), ""),
            (
                "common.field.date",
                FieldInput((draft.date if draft else self.today).isoformat(), id="date"),
                "",
            ),
        )

    def on_mount(self) -> None:
        """Start in the value (or the field a question was about)."""
        self.query_one(f"#{self.focus_field}", Input).focus()

    def build(self) -> CheckIn:
        """The validated check-in."""
        value = parse_number(self.value_of("value"), "value")
        check_checkin_value(self.kr, value)  # said beside the field, before anything is saved
        confidence = Confidence(self.query_one("#confidence", ChoiceBar).value)
        # An edited check-in keeps its id, creation time and the stamp it was read with: saving it
        # replaces the stored one, unless another program changed it since (the store refuses that).
        kept = (
            {"id": self.draft.id, "created": self.draft.created, "updated": self.draft.updated}
            if self.draft
            else {}
        )
        return validated(
            CheckIn,
            {
                **kept,
                "kr_id": self.kr.id,
                "date": parse_date(self.value_of("date"), "date"),
                "value": value,
                "confidence": confidence,
                "note": self.value_of("note").strip(),
                "blocker": self.value_of("blocker").strip(),
            },
        )
