"""KPI dialogs: add or edit a KPI, record a value (the previous one shown), pick a starter set.

Dialogs return what the user asked for; the screen saves it (one undoable action each).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.importing.values import parse_number as parse_cell
from cxtui.kpi.models import BY_SURVEY, LAYER_MODELS, Cadence, Direction, Kpi, KpiValue, Source
from cxtui.kpi.starters import STARTERS, starter_kpis
from cxtui.kpi.texts import layer_text, value_text
from cxtui.models import values_of
from cxtui.validation import number_text, parse_date, validated
from screens.shared.choice import ChoiceBar
from screens.shared.form import FieldInput, FormDialog, field_grid
from screens.shared.translate import translate_bindings


def _number(raw: str, field: str) -> float:
    """A typed number as people type it (`12%`, `12,345円`, full-width digits)."""
    value = parse_cell(raw)
    if value is None:
        raise InputError(f"{t('common.field.' + field)}: {t('common.err.not_number')}", field=field)
    return value


class KpiDialog(FormDialog[Kpi]):
    """Name, layer, unit, direction, target, cadence, where values come from, linked KR, owner."""

    CSS_PATH = "kpi.tcss"

    def __init__(
        self, kpi: Kpi, model: str, krs: list[tuple[str, str]], surveys: list[str], *, is_new: bool
    ) -> None:
        """`krs` are (label, id) of the key results a KPI can mirror; `surveys` the NPS surveys an
        NPS KPI can read."""
        super().__init__()
        self.add_class("kpi-form")
        self.kpi = kpi
        self.model = model
        self.krs = krs
        self.surveys = surveys
        self.is_new = is_new

    def dialog_title(self) -> str:
        """Add or edit."""
        return t("kpi.dialog.add") if self.is_new else t("kpi.dialog.edit")

    def body(self) -> ComposeResult:
        """The KPI's fields on one line each."""
        kpi = self.kpi
        other = "3" if self.model == "4" else "4"
        layers = [(f"{layer_text(x)} — {t('kpi.layer_help.' + x)}", x) for x in LAYER_MODELS[self.model]]
        layers += [(f"{layer_text(x)} ({t('kpi.model.other_' + other)})", x) for x in LAYER_MODELS[other]]
        directions = [(t(f"kpi.direction.{d.value}"), d.value) for d in Direction]
        cadences = [(t(f"kpi.cadence.{c.value}"), c.value) for c in Cadence]
        sources = [(t(f"kpi.source.{s.value}"), s.value) for s in Source]
        linked = kpi.kr_id if kpi.kr_id is not None and kpi.kr_id in {v for _l, v in self.krs} else None
        kr_select: Select[str] = Select(
            self.krs,
            value=Select.NULL if linked is None else linked,
            prompt=t("kpi.dialog.no_kr"),
            compact=True,
            id="kr_id",
        )
        target = "" if kpi.target is None else number_text(kpi.target)
        layer = Select(layers, value=kpi.layer, allow_blank=False, compact=True, id="layer")
        cadence = Select(cadences, value=kpi.cadence.value, allow_blank=False, compact=True, id="cadence")
        series = [(t("kpi.dialog.nps_all"), ""), (t("kpi.dialog.nps_by_survey"), BY_SURVEY)]
        series += [(t("kpi.dialog.nps_survey", name=name), name) for name in self.surveys]
        if kpi.source_ref not in {value for _label, value in series}:
            series.append(
                (t("kpi.dialog.nps_survey", name=kpi.source_ref), kpi.source_ref)
            )  # a deleted survey
        survey = Select(series, value=kpi.source_ref, allow_blank=False, compact=True, id="source_ref")
        yield field_grid(
            ("common.field.name", FieldInput(kpi.name, id="name"), ""),
            ("common.field.layer", layer, ""),
            ("common.field.unit", FieldInput(kpi.unit, id="unit", placeholder="% / 人 / pts"), ""),
            ("common.field.direction", ChoiceBar(directions, kpi.direction.value, id="direction"), ""),
            (
                "common.field.target",
                FieldInput(target, id="target", placeholder=t("kpi.dialog.no_target")),
                "",
            ),
            ("common.field.cadence", cadence, ""),
            ("common.field.source", ChoiceBar(sources, kpi.source.value, id="source"), ""),
            ("common.field.source_ref", survey, ""),
            ("common.field.kr_id", kr_select, ""),
            ("common.field.owner", FieldInput(kpi.owner, id="owner"), ""),
        )

    def on_mount(self) -> None:
        """Start in the name."""
        self.query_one("#name", Input).focus()

    def build(self) -> Kpi:
        """The validated KPI with the typed values."""
        data = values_of(self.kpi)
        raw_target = self.value_of("target").strip()
        kr = self.query_one("#kr_id", Select).value
        data.update(
            name=self.value_of("name"),
            layer=str(self.query_one("#layer", Select).value),
            unit=self.value_of("unit").strip(),
            direction=Direction(self.query_one("#direction", ChoiceBar).value),
            target=None if not raw_target else _number(raw_target, "target"),
            cadence=Cadence(str(self.query_one("#cadence", Select).value)),
            source=Source(self.query_one("#source", ChoiceBar).value),
            source_ref=str(self.query_one("#source_ref", Select).value),
            kr_id=kr if isinstance(kr, str) else None,
            owner=self.value_of("owner").strip(),
        )
        return validated(Kpi, data)


@dataclass(frozen=True)
class RecordRequest:
    """A value to record, and whether to record it as the linked KR's check-in too."""

    value: KpiValue
    checkin: bool


class RecordDialog(FormDialog[RecordRequest]):
    """Type the number and press enter; the previous value and its date are shown above."""

    title_key = "kpi.dialog.record"
    CSS_PATH = "kpi.tcss"

    def __init__(self, kpi: Kpi, previous: KpiValue | None, today: date, kr_title: str | None) -> None:
        super().__init__()
        self.kpi = kpi
        self.previous = previous
        self.today = today
        self.kr_title = kr_title

    def body(self) -> ComposeResult:
        """The KPI and its previous value, then value, date, note (and the KR check-in offer)."""
        kpi = self.kpi
        yield Static(kpi.name, classes="dialog-context", markup=False)
        if self.previous is None:
            previous = t("kpi.dialog.no_previous")
        else:
            previous = t(
                "kpi.dialog.previous",
                value=value_text(kpi, self.previous.value),
                date=self.previous.date.isoformat(),
            )
            if self.previous.note:
                previous += f"\n  {t('common.field.note')}: {self.previous.note}"
        yield Static(previous, id="previous", classes="dialog-previous", markup=False)
        rows = [
            ("common.field.value", FieldInput(id="value"), kpi.unit),
            ("common.field.date", FieldInput(self.today.isoformat(), id="date"), ""),
            ("common.field.note", FieldInput(id="note"), ""),
        ]
        yield field_grid(*rows)
        if self.kr_title is not None:
            options = [(t("app.key.yes"), "yes"), (t("app.key.no"), "no")]
            yield Static(
                t("kpi.dialog.checkin_offer", title=self.kr_title), classes="dialog-context", markup=False
            )
            yield ChoiceBar(options, "yes", id="checkin")

    def on_mount(self) -> None:
        """Start in the value."""
        self.query_one("#value", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter saves from any field: one key and the number."""
        event.stop()
        self.action_save()

    def build(self) -> RecordRequest:
        """The validated value."""
        value = validated(
            KpiValue,
            {
                "kpi_id": self.kpi.id,
                "date": parse_date(self.value_of("date"), "date"),
                "value": _number(self.value_of("value"), "value"),
                "note": self.value_of("note").strip(),
            },
        )
        checkin = self.kr_title is not None and self.query_one("#checkin", ChoiceBar).value == "yes"
        return RecordRequest(value, checkin)


class ValueDialog(FormDialog[KpiValue]):
    """Edit a recorded value: its number, date and note."""

    title_key = "kpi.dialog.edit_value"
    CSS_PATH = "kpi.tcss"

    def __init__(self, kpi: Kpi, value: KpiValue) -> None:
        super().__init__()
        self.kpi = kpi
        self.value = value

    def body(self) -> ComposeResult:
        """Value, date, note."""
        yield Static(self.kpi.name, classes="dialog-context", markup=False)
        yield field_grid(
            ("common.field.value", FieldInput(number_text(self.value.value), id="value"), self.kpi.unit),
            ("common.field.date", FieldInput(self.value.date.isoformat(), id="date"), ""),
            ("common.field.note", FieldInput(self.value.note, id="note"), ""),
        )

    def on_mount(self) -> None:
        """Start in the value."""
        self.query_one("#value", Input).focus()

    def build(self) -> KpiValue:
        """The validated value (same id: saving replaces it)."""
        data = values_of(self.value)
        data.update(
            value=_number(self.value_of("value"), "value"),
            date=parse_date(self.value_of("date"), "date"),
            note=self.value_of("note").strip(),
        )
        return validated(KpiValue, data)


class StarterDialog(ModalScreen[str | None]):
    """Pick a starter set from the seeds; each lists the KPIs it adds."""

    BINDINGS = [Binding("escape", "cancel", "app.key.cancel")]
    CSS_PATH = "kpi.tcss"

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        """The sets, each with its KPIs by layer."""
        options = []
        for key in STARTERS:
            names = ", ".join(k.name for k in starter_kpis(key))
            options.append(Option(f"{t('kpi.starter.' + key)}\n  {names}", id=key))
        with Vertical(classes="dialog"):
            yield Label(t("kpi.dialog.starter"), classes="dialog-title")
            yield Static(t("kpi.dialog.starter_hint"), classes="dialog-context")
            yield OptionList(*options, id="starter-list")

    def on_mount(self) -> None:
        """The list has the keys."""
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter picks the set."""
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without adding anything."""
        self.dismiss(None)
