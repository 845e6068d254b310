"""Add or edit a key result: which objective it belongs to, its kind, and the numbers the kind needs."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Select

from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.models import values_of
from cxtui.okr.models import KeyResult, KRKind
from cxtui.validation import number_text, parse_number, validated
from screens.shared.form import FieldInput, FormDialog, field_row


class KindProposal(InputError):
    """Not an error: the kind was switched to fit the numbers, and the dialog says so."""


class KeyResultDialog(FormDialog[KeyResult]):
    """Objective, title, kind, start, target, unit, weight, owner.

    The start and target hints follow the kind; a milestone has neither (done or not is all it
    has). A start above the target of an increasing KR (or below that of a decreasing one) switches
    the kind and says so instead of refusing: the next ctrl+s saves it.
    """

    # OKR-only styles (the proposal line), read when the dialog first opens.
    CSS_PATH = "okr.tcss"

    def __init__(self, kr: KeyResult, objectives: list[tuple[Text, str]], *, is_new: bool) -> None:
        super().__init__()
        self.kr = kr
        self.objectives = objectives  # (label, id) of the period's objectives, in tree order
        self.is_new = is_new

    def dialog_title(self) -> str:
        """Add or edit."""
        return t("okr.dialog.add_kr") if self.is_new else t("okr.dialog.edit_kr")

    def body(self) -> ComposeResult:
        """The KR's fields; the kind list explains each kind."""
        yield from field_row(
            "common.field.objective",
            Select(self.objectives, value=self.kr.objective_id, allow_blank=False, id="objective"),
        )
        yield from field_row("common.field.title", FieldInput(self.kr.title, id="title"))
        options = [
            (t(f"okr.kind.{k.value}") + " — " + t(f"okr.kind_help.{k.value}"), k.value) for k in KRKind
        ]
        yield from field_row(
            "common.field.kind", Select(options, value=self.kr.kind.value, allow_blank=False, id="kind")
        )
        # A milestone's start and target are 0 and 1 (not done, done): its own are not typed.
        milestone = self.kr.kind is KRKind.milestone
        yield from field_row(
            "common.field.start",
            FieldInput("" if milestone else number_text(self.kr.start), id="start"),
            t("okr.dialog.start_hint"),
        )
        yield from field_row(
            "common.field.target",
            FieldInput("" if milestone else number_text(self.kr.target), id="target"),
            t(f"okr.dialog.target_hint_{self.kr.kind.value}"),
        )
        yield from field_row(
            "common.field.unit",
            FieldInput(self.kr.unit, id="unit", placeholder=t("okr.dialog.unit_placeholder")),
        )
        yield from field_row("common.field.weight", FieldInput(number_text(self.kr.weight), id="weight"))
        yield from field_row("common.field.owner", FieldInput(self.kr.owner, id="owner"))

    def on_mount(self) -> None:
        """Start in the title; show the fields the kind needs."""
        self._follow_kind(self.kr.kind)
        self.query_one("#title", Input).focus()

    def _kind(self) -> KRKind:
        return KRKind(str(self.query_one("#kind", Select).value))

    @on(Select.Changed, "#kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        self._follow_kind(self._kind())

    def _follow_kind(self, kind: KRKind) -> None:
        """Hide start and target for a milestone; say what the target means for this kind."""
        for field in ("start", "target"):
            row = self.query_one(f"#{field}", Input).parent
            if row is not None:
                row.display = kind is not KRKind.milestone
        target_row = self.query_one("#target", Input).parent
        if target_row is not None and kind is not KRKind.milestone:
            target_row.query_one(".field-hint", Label).update(t(f"okr.dialog.target_hint_{kind.value}"))

    def build(self) -> KeyResult:
        """Validated copy of the KR with the typed values."""
        kind = self._kind()
        data = values_of(self.kr)
        if kind is KRKind.milestone:
            # A milestone carried over done starts done: keep its start when it was one already.
            start = self.kr.start if self.kr.kind is KRKind.milestone else 0.0
            target = 1.0
        else:
            start = parse_number(self.value_of("start"), "start")
            target = parse_number(self.value_of("target"), "target")
            self._propose_direction(kind, start, target)
        data.update(
            objective_id=str(self.query_one("#objective", Select).value),
            title=self.value_of("title"),
            kind=kind,
            start=start,
            target=target,
            unit=self.value_of("unit").strip(),
            weight=parse_number(self.value_of("weight"), "weight"),
            owner=self.value_of("owner").strip(),
        )
        return validated(KeyResult, data)

    def _propose_direction(self, kind: KRKind, start: float, target: float) -> None:
        """A target on the other side of the start means the other direction: switch the kind and
        say so (InputError keeps the dialog open; ctrl+s again saves it)."""
        if kind is KRKind.increase and target < start:
            proposed = KRKind.decrease
        elif kind is KRKind.decrease and target > start:
            proposed = KRKind.increase
        else:
            return
        self.query_one("#kind", Select).value = proposed.value
        self._follow_kind(proposed)
        raise KindProposal(t("okr.dialog.kind_switched", kind=t(f"okr.kind.{proposed.value}")), field="kind")

    def show_error(self, error: InputError) -> None:
        """Show the message; a proposal reads as a note, not in the error colour."""
        super().show_error(error)
        self.query_one("#form-error").set_class(isinstance(error, KindProposal), "okr-proposal")
