"""Add or edit a key result."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from cxtui.i18n import t
from cxtui.models import values_of
from cxtui.okr.models import KeyResult, KRKind
from cxtui.validation import number_text, parse_number, validated
from screens.shared.form import FieldInput, FormDialog, field_row


class KeyResultDialog(FormDialog[KeyResult]):
    """Title, kind, start, target, unit, weight, owner."""

    def __init__(self, kr: KeyResult, objective_title: str, *, is_new: bool) -> None:
        super().__init__()
        self.kr = kr
        self.objective_title = objective_title
        self.is_new = is_new

    def dialog_title(self) -> str:
        """Add or edit."""
        return t("okr.dialog.add_kr") if self.is_new else t("okr.dialog.edit_kr")

    def body(self) -> ComposeResult:
        """The KR's fields; the kind list explains each kind."""
        yield Static(
            f"{t('common.field.objective')}: {self.objective_title}", classes="dialog-context", markup=False
        )
        yield from field_row("common.field.title", FieldInput(self.kr.title, id="title"))
        options = [
            (t(f"okr.kind.{k.value}") + " — " + t(f"okr.kind_help.{k.value}"), k.value) for k in KRKind
        ]
        yield from field_row(
            "common.field.kind", Select(options, value=self.kr.kind.value, allow_blank=False, id="kind")
        )
        yield from field_row(
            "common.field.start",
            FieldInput(number_text(self.kr.start), id="start"),
            t("okr.dialog.start_hint"),
        )
        yield from field_row(
            "common.field.target",
            FieldInput(number_text(self.kr.target), id="target"),
            t("okr.dialog.target_hint"),
        )
        yield from field_row(
            "common.field.unit", FieldInput(self.kr.unit, id="unit", placeholder="% / h / 社")
        )
        yield from field_row("common.field.weight", FieldInput(number_text(self.kr.weight), id="weight"))
        yield from field_row("common.field.owner", FieldInput(self.kr.owner, id="owner"))

    def on_mount(self) -> None:
        """Start in the title."""
        self.query_one("#title", Input).focus()

    def build(self) -> KeyResult:
        """Validated copy of the KR with the typed values."""
        kind = KRKind(str(self.query_one("#kind", Select).value))
        data = values_of(self.kr)
        if kind is KRKind.milestone:
            start, target = 0.0, 1.0
        else:
            start = parse_number(self.value_of("start"), "start")
            target = parse_number(self.value_of("target"), "target")
        data.update(
            title=self.value_of("title"),
            kind=kind,
            start=start,
            target=target,
            unit=self.value_of("unit").strip(),
            weight=parse_number(self.value_of("weight"), "weight"),
            owner=self.value_of("owner").strip(),
        )
        return validated(KeyResult, data)
